"""The synthetic world: determinism, geometric consistency of every sensor, the file contract, the map.

Tables are read with json here (not with our reader), so these tests check the files themselves.
The shared `synth_root` fixture (conftest.py) is 2 scenes x 5 keyframes at 64x112, seed 7.
"""

import hashlib
import json
import subprocess
from pathlib import Path

import numpy as np

from cvdstorm import CAMERAS
from cvdstorm.data.synth import hdmap as synth_map, layout as synth_layout
from cvdstorm.data.synth.raycast import cast_rays
from cvdstorm.data.synth.sensors import LIDAR_RANGE, rig_calibration
from cvdstorm.data.synth.writer import LOCATION, SynthConfig, write_dataset
from cvdstorm.data.tables import token
from cvdstorm.geometry import invert_pose, make_pose, quat_to_rotmat, quat_to_yaw, transform_points
from cvdstorm.io import read_image

VERSION = "v1.0-synth"
TABLES = ("scene", "sample", "sample_data", "calibrated_sensor", "sensor", "ego_pose", "sample_annotation",
          "instance", "category", "attribute", "visibility", "log", "map", "caption")


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _table(root, name):
    return {r["token"]: r for r in json.loads((root / VERSION / f"{name}.json").read_text())}


def _tables(root):
    return {n: _table(root, n) for n in TABLES}


def _pose(r):
    return make_pose(quat_to_rotmat(np.array(r["rotation"])), np.array(r["translation"], dtype=np.float64))


def _by_sample(T):
    ch_of = {cs["token"]: T["sensor"][cs["sensor_token"]]["channel"] for cs in T["calibrated_sensor"].values()}
    out = {}
    for sd in T["sample_data"].values():
        out.setdefault(sd["sample_token"], {})[ch_of[sd["calibrated_sensor_token"]]] = sd
    return out


# ------------------------------------------------------------------------------- determinism
def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    cfg = dict(scenes=1, frames=2, width=56, height=32, lidar_azimuths=128)
    a = _digest(write_dataset(tmp_path / "a", SynthConfig(seed=3, workers=1, **cfg), progress=False))
    # a process pool gives the same bytes as rendering in-process
    b = _digest(write_dataset(tmp_path / "b", SynthConfig(seed=3, workers=2, **cfg), progress=False))
    c = _digest(write_dataset(tmp_path / "c", SynthConfig(seed=4, workers=1, **cfg), progress=False))
    assert a == b and len(a) > 20
    shared = set(a.values()) & set(c.values())  # visibility.json and the map are seed-free
    assert len(c) == len(a) and len(shared) < len(a) // 4
    # no temp files left behind; only the writers' lock files (.a.lock: synth takes the output's lock)
    assert sorted(p.name for p in tmp_path.rglob(".*")) == [".a.lock", ".b.lock", ".c.lock"]


# ---------------------------------------------------------------------------- table contract
def test_tables_link_up(synth_root):
    T = _tables(synth_root)
    ref = lambda tok, table: tok == "" or tok in T[table]  # noqa: E731
    assert len(T["scene"]) == 2 and len(T["sample"]) == 10
    for sc in T["scene"].values():
        assert sc["log_token"] in T["log"]
        n, tok, last = 0, sc["first_sample_token"], None
        while tok:
            s = T["sample"][tok]
            assert s["scene_token"] == sc["token"] and ref(s["prev"], "sample")
            n, last, tok = n + 1, tok, s["next"]
        assert n == sc["nbr_samples"] == 5 and last == sc["last_sample_token"]
    by_sample = _by_sample(T)
    for s in T["sample"].values():  # every sample has one keyframe of every sensor, same timestamp
        assert set(by_sample[s["token"]]) == set(CAMERAS) | {"LIDAR_TOP"}
        assert all(sd["timestamp"] == s["timestamp"] and sd["is_key_frame"] for sd in by_sample[s["token"]].values())
    for sd in T["sample_data"].values():
        assert sd["ego_pose_token"] in T["ego_pose"] and sd["calibrated_sensor_token"] in T["calibrated_sensor"]
        assert ref(sd["prev"], "sample_data") and ref(sd["next"], "sample_data")
        path = synth_root / sd["filename"]
        assert path.is_file()
        if sd["fileformat"] == "jpg":
            assert read_image(path).shape == (sd["height"], sd["width"], 3) == (64, 112, 3)
        else:
            assert sd["fileformat"] == "pcd" and sd["filename"].endswith(".pcd.bin")
    for cs in T["calibrated_sensor"].values():
        assert cs["sensor_token"] in T["sensor"]
        assert len(cs["camera_intrinsic"]) == (0 if T["sensor"][cs["sensor_token"]]["channel"] == "LIDAR_TOP" else 3)
    cat = {c["name"] for c in T["category"].values()}
    assert cat == {"vehicle.car", "vehicle.truck", "human.pedestrian.adult"}
    for a in T["sample_annotation"].values():
        assert a["instance_token"] in T["instance"] and a["sample_token"] in T["sample"]
        assert a["visibility_token"] in T["visibility"] and a["visibility_token"] in {"1", "2", "3", "4"}
        assert all(t in T["attribute"] for t in a["attribute_tokens"])
        assert ref(a["prev"], "sample_annotation") and ref(a["next"], "sample_annotation")
        assert len(a["size"]) == 3 and len(a["rotation"]) == 4 and a["num_lidar_pts"] >= 0
    for inst in T["instance"].values():
        assert inst["category_token"] in T["category"]
        n, tok = 0, inst["first_annotation_token"]
        while tok:
            assert T["sample_annotation"][tok]["instance_token"] == inst["token"]
            n, last, tok = n + 1, tok, T["sample_annotation"][tok]["next"]
        assert n == inst["nbr_annotations"] and last == inst["last_annotation_token"]
    assert len(T["sensor"]) == 7 and {s["channel"] for s in T["sensor"].values()} == set(CAMERAS) | {"LIDAR_TOP"}
    (m,) = T["map"].values()
    assert set(m["log_tokens"]) == set(T["log"]) and (synth_root / m["filename"]).is_file()
    assert all((synth_root / "maps" / "expansion" / f"{l['location']}.json").is_file() for l in T["log"].values())
    caps = {c["sample_token"]: c["caption"] for c in T["caption"].values()}
    assert set(caps) == set(T["sample"])
    splits = json.loads((synth_root / VERSION / "splits.json").read_text())
    assert sorted(splits["train"] + splits["val"]) == sorted(s["name"] for s in T["scene"].values())


def test_captions_describe_the_generator_state(synth_root):
    T = _tables(synth_root)
    for c in T["caption"].values():
        sc = T["scene"][T["sample"][c["sample_token"]]["scene_token"]]
        weather, tod = sc["description"].split(", ")[:2]
        word = {"clear": "clear", "rain": "rainy", "fog": "foggy"}[weather]
        assert c["caption"].lower().startswith(f"a {word} {tod}.") or c["caption"].lower().startswith(f"an {word} {tod}.")
        assert "pedestrian" in c["caption"] and " in view." in c["caption"]


def test_images_depth_semantics_are_consistent(synth_root):
    T = _tables(synth_root)
    for sd in list(T["sample_data"].values())[:14]:
        if sd["fileformat"] != "jpg":
            pts = np.fromfile(synth_root / sd["filename"], dtype=np.float32).reshape(-1, 5)
            r = np.linalg.norm(pts[:, :3], axis=1)
            assert len(pts) > 1000 and r.max() < LIDAR_RANGE and set(np.unique(pts[:, 4])) <= set(range(32))
            continue
        cam = sd["filename"].split("/")[1]
        stem = Path(sd["filename"]).stem
        depth = read_image(synth_root / "depth" / cam / f"{stem}.png")
        sem = read_image(synth_root / "semantic" / cam / f"{stem}.png")
        assert depth.dtype == np.uint16 and sem.dtype == np.uint8 and depth.shape == sem.shape == (64, 112)
        assert sem.max() < len(synth_layout.CLASS_NAMES)
        assert ((depth == 0) == (sem == synth_layout.SKY)).mean() > 0.999  # sky is exactly where depth is unknown
        assert (sem == synth_layout.ROAD).any() and (sem == synth_layout.BUILDING).any()


def test_neighbouring_cameras_overlap_and_fov_is_nuscenes_like():
    calib = rig_calibration(448, 256)
    yaws, half = [], []
    for cam in CAMERAS:
        K, c2e = calib[cam]
        fwd = c2e[:3, 2]
        yaws.append(np.degrees(np.arctan2(fwd[1], fwd[0])))
        half.append(np.degrees(np.arctan(K[0, 2] / K[0, 0])))
        assert 1.4 < c2e[2, 3] < 1.7 and abs(fwd[2]) < 1e-9  # mounted ~1.5 m up, level
        assert K[0, 0] == K[1, 1] and K[0, 2] == 224 and K[1, 2] == 128
    fov = dict(zip(CAMERAS, 2 * np.array(half)))
    assert 60 < fov["CAM_FRONT"] < 72 and 85 < fov["CAM_BACK"] < 115
    assert np.allclose(yaws, [55, 0, -55, -110, 180, 110])
    for i in range(6):  # the rig is a ring: every camera overlaps the next one
        j = (i + 1) % 6
        gap = abs((yaws[i] - yaws[j] + 180) % 360 - 180)
        assert gap < half[i] + half[j], (CAMERAS[i], CAMERAS[j])
    # intrinsics scale with the image width, keeping the horizontal FOV
    K2, _ = rig_calibration(112, 64)["CAM_FRONT"]
    assert np.isclose(K2[0, 0] * 4, calib["CAM_FRONT"][0][0, 0])


# --------------------------------------------------------------------- geometric consistency
def test_lidar_lands_on_matching_depth(synth_root):
    """LiDAR points through our calibration tables hit pixels whose rendered depth agrees."""
    T = _tables(synth_root)
    agree = total = 0
    for sds in _by_sample(T).values():
        lsd = sds["LIDAR_TOP"]
        pts = np.fromfile(synth_root / lsd["filename"], dtype=np.float32).reshape(-1, 5)
        l2w = _pose(T["ego_pose"][lsd["ego_pose_token"]]) @ _pose(T["calibrated_sensor"][lsd["calibrated_sensor_token"]])
        world = transform_points(l2w, pts[:, :3].astype(np.float64))
        for cam in CAMERAS:
            sd = sds[cam]
            cs = T["calibrated_sensor"][sd["calibrated_sensor_token"]]
            c2w = _pose(T["ego_pose"][sd["ego_pose_token"]]) @ _pose(cs)
            pc = transform_points(invert_pose(c2w), world)
            K = np.array(cs["camera_intrinsic"])
            front = pc[:, 2] > 0.5
            uv = pc[front, :2] / pc[front, 2:] @ K[:2, :2].T + K[:2, 2]
            z = pc[front, 2]
            u, v = np.floor(uv[:, 0]).astype(int), np.floor(uv[:, 1]).astype(int)
            ok = (u >= 1) & (u < sd["width"] - 1) & (v >= 1) & (v < sd["height"] - 1)
            depth = read_image(synth_root / "depth" / cam / (Path(sd["filename"]).stem + ".png")) / 256.0
            u, v, z = u[ok], v[ok], z[ok]
            win = np.stack([depth[v + dv, u + du] for dv in (-1, 0, 1) for du in (-1, 0, 1)])
            smooth = (win.min(0) > 0) & (win.max(0) / np.maximum(win.min(0), 1e-6) < 1.05)  # not on an edge
            d = depth[v, u][smooth]
            agree += int((np.abs(d - z[smooth]) < 0.01 * z[smooth] + 2 / 256).sum())
            total += int(smooth.sum())
    assert total > 1000
    assert agree / total > 0.95, agree / total


def test_culled_casting_equals_brute_force():
    """Tile/rectangle/occlusion culling (cameras) and azimuth culling (LiDAR) change no hit."""
    from cvdstorm.data.synth.sensors import LIDAR_MOUNT, camera_rays, lidar_sweep, render_camera

    scene = synth_layout.make_scene(np.random.default_rng([11, 0]), 3, 2.0)
    calib = rig_calibration(72, 40)  # not a multiple of the tile size: padding is cropped
    f, H, Wd = 2, 40, 72
    ego = scene.ego_pose(f)
    for cam in ("CAM_FRONT", "CAM_BACK_LEFT"):
        K, c2e = calib[cam]
        _, depth, cls, box = render_camera(scene, f, K, ego @ c2e, H, Wd)
        brute = cast_rays(scene, scene.times[f], (ego @ c2e)[:3, 3], camera_rays(K, ego @ c2e, H, Wd))
        np.testing.assert_allclose(depth, brute.depth.reshape(H, Wd), rtol=1e-12)
        assert (box == brute.box.reshape(H, Wd)).all() and (cls == brute.cls.reshape(H, Wd)).all()
    l2w = ego @ make_pose(np.eye(3), np.array(LIDAR_MOUNT))
    pts, _ = lidar_sweep(scene, f, l2w, 256)
    el, az = np.meshgrid(np.deg2rad(np.linspace(-30.67, 10.67, 32)), np.linspace(-np.pi, np.pi, 256, endpoint=False),
                         indexing="ij")
    d = np.stack([np.cos(el) * np.cos(az), np.cos(el) * np.sin(az), np.sin(el)], -1).reshape(-1, 3)
    brute = cast_rays(scene, scene.times[f], l2w[:3, 3], d @ l2w[:3, :3].T, max_t=LIDAR_RANGE)
    keep = brute.depth < LIDAR_RANGE
    np.testing.assert_allclose(pts[:, :3], (d[keep] * brute.depth[keep, None]).astype(np.float32), atol=1e-4)


def test_annotations_follow_the_world_model(synth_root):
    """Every annotation is where the generator's agents are at that time, moving as they move."""
    seed, frames, hz = 7, 5, 2.0
    anns = _table(synth_root, "sample_annotation")
    checked = 0
    for si in range(2):
        scene = synth_layout.make_scene(np.random.default_rng([seed, si]), frames, hz)
        for f in range(frames):
            centers = scene.boxes.centers(f / hz)
            for ai, agent in enumerate(scene.agents):
                a = anns.get(token(seed, "sample_annotation", si, f, ai))
                if a is None:
                    continue
                np.testing.assert_allclose(a["translation"], centers[agent.box], atol=1e-9)
                l, w, h = scene.boxes.size[agent.box]
                np.testing.assert_allclose(a["size"], [w, l, h])
                assert np.isclose(quat_to_yaw(np.array(a["rotation"])), scene.boxes.yaw[agent.box], atol=1e-9) or \
                    np.isclose(abs(quat_to_yaw(np.array(a["rotation"])) - scene.boxes.yaw[agent.box]), 2 * np.pi)
                if a["prev"]:  # constant velocity: the track moves by v * dt between keyframes
                    p = anns[a["prev"]]
                    np.testing.assert_allclose(np.subtract(a["translation"], p["translation"]),
                                               scene.boxes.velocity[agent.box] / hz, atol=1e-9)
                checked += 1
    assert checked == len(anns) and checked > 20


def test_objects_are_where_their_semantic_pixels_are(synth_root):
    """The projected centre of every fully visible box (visibility 4) sees its semantic class."""
    T = _tables(synth_root)
    by_sample = _by_sample(T)
    cat_of = {i["token"]: T["category"][i["category_token"]]["name"] for i in T["instance"].values()}
    hits = total = 0
    for a in T["sample_annotation"].values():
        if a["visibility_token"] != "4":
            continue
        want = synth_layout.PEDESTRIAN if cat_of[a["instance_token"]].startswith("human") else synth_layout.VEHICLE
        for cam in CAMERAS:
            sd = by_sample[a["sample_token"]][cam]
            cs = T["calibrated_sensor"][sd["calibrated_sensor_token"]]
            c2w = _pose(T["ego_pose"][sd["ego_pose_token"]]) @ _pose(cs)
            pc = transform_points(invert_pose(c2w), np.array([a["translation"]]))[0]
            if pc[2] < 1:
                continue
            u, v = (np.array(cs["camera_intrinsic"]) @ (pc / pc[2]))[:2].astype(int)
            if 0 <= u < sd["width"] and 0 <= v < sd["height"]:
                sem = read_image(synth_root / "semantic" / cam / (Path(sd["filename"]).stem + ".png"))
                total += 1
                hits += int(sem[v, u] == want)
    assert total > 10 and hits / total > 0.9, (hits, total)


# ---------------------------------------------------------------------------------------- map
def test_map_matches_the_rendered_world():
    """Map dividers and crossings lie on painted road, lanes on road, the ego path on lanes."""
    m = synth_map.map_expansion()
    nodes = {n["token"]: (n["x"], n["y"]) for n in m["node"]}
    lines = {l["token"]: np.array([nodes[t] for t in l["node_tokens"]]) for l in m["line"]}
    polys = {p["token"]: np.array([nodes[t] for t in p["exterior_node_tokens"]]) for p in m["polygon"]}

    def along(pts, n=200):
        s = np.linspace(0, 1, n)[:, None]
        return pts[0] * (1 - s) + pts[-1] * s

    yellow = []
    for r in m["road_divider"]:
        pts = lines[r["line_token"]]
        normal = np.array([0.0, 0.2]) if pts[0, 1] == pts[-1, 1] else np.array([0.2, 0.0])
        yellow += [along(pts) + normal, along(pts) - normal]  # the double line at +-0.2 m
    yellow = np.concatenate(yellow)
    assert (synth_layout.ground_class(yellow[:, 0], yellow[:, 1]) == synth_layout.MARKING).mean() > 0.98
    dashed = np.concatenate([along(lines[r["line_token"]]) for r in m["lane_divider"]])
    frac = (synth_layout.ground_class(dashed[:, 0], dashed[:, 1]) == synth_layout.MARKING).mean()
    assert 0.4 < frac < 0.6  # dashes: paint half of the length
    for layer in ("lane", "road_segment", "ped_crossing", "lane_connector"):
        for r in m[layer]:
            c = polys[r["polygon_token"]].mean(0)
            assert synth_layout.ground_class(np.array([c[0]]), np.array([c[1]]))[0] in (synth_layout.ROAD, synth_layout.MARKING), layer
    for r in m["walkway"]:
        p = polys[r["polygon_token"]][0] + [1.0, 1.0]  # just inside the kerb corner
        assert synth_layout.ground_class(np.array([p[0]]), np.array([p[1]]))[0] == synth_layout.GROUND
    assert all(0 <= n["x"] <= m["canvas_edge"][0] and 0 <= n["y"] <= m["canvas_edge"][1] for n in m["node"])
    # every ego position lies in one of the map's lanes or lane connectors (or turning in an intersection)
    scene = synth_layout.make_scene(np.random.default_rng([0, 0]), 40, 2.0)
    boxes = [polys[r["polygon_token"]] for r in m["lane"] + m["lane_connector"]]
    inter = [polys[r["polygon_token"]] for r in m["road_segment"] if r["is_intersection"]]
    for xy in scene.ego_xy:
        inside = lambda ps: any((p.min(0) <= xy).all() and (xy <= p.max(0)).all() for p in ps)  # noqa: E731
        assert inside(boxes) or inside(inter)
    arcs = m["arcline_path_3"]
    assert set(arcs) == {r["token"] for r in m["lane"] + m["lane_connector"]} == set(m["connectivity"])


# -------------------------------------------------------------------------------- bad input
def test_bad_arguments_and_no_clobber(tmp_path, capsys):
    from cvdstorm.cli import main

    def fails(*args, expect):
        assert main(["synth", "--out", str(tmp_path / "x"), *args]) == 2
        err = capsys.readouterr().err
        assert expect in err and "Traceback" not in err and err.count("\n") == 1, err

    fails("--frames", "0", expect="--frames must be a positive integer")
    fails("--width", "-5", expect="--width must be a positive integer")
    fails("--scenes", "0", expect="--scenes must be a positive integer")
    fails("--hz", "0", expect="--hz must be a positive number")
    fails("--height", "8", expect="at least 16x16")
    assert not (tmp_path / "x").exists()
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "precious.txt").write_text("data")
    small = ["--frames", "1", "--scenes", "1", "--width", "32", "--height", "16"]
    for extra in ([], ["--overwrite"]):  # not a dataroot: refused even with --overwrite
        assert main(["synth", "--out", str(keep), *small, *extra]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.count("\n") == 1 and str(keep) in err
    # a refused writer leaves only its lock file
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keep.lock", "keep"]
    assert (keep / "precious.txt").read_text() == "data"
    # an existing dataroot is replaced only with --overwrite, and then completely
    data = tmp_path / "data"
    assert main(["synth", "--out", str(data), *small, "--seed", "1"]) == 0
    before = _digest(data)
    assert main(["synth", "--out", str(data), *small, "--seed", "2"]) == 2 and _digest(data) == before
    assert main(["synth", "--out", str(data), *small, "--seed", "2", "--overwrite"]) == 0
    after = _digest(data)
    assert after != before and sorted(p.name for p in tmp_path.glob(".*")) == [".data.lock", ".keep.lock"]
    capsys.readouterr()


# ------------------------------------------------------------------------------------ devkit
DEVKIT_SCRIPT = """
import sys
import numpy as np
from nuscenes.nuscenes import NuScenes
from nuscenes.utils.data_classes import LidarPointCloud
import nuscenes.map_expansion.map_api as map_api

root, location = sys.argv[1], sys.argv[2]
nusc = NuScenes(version='v1.0-synth', dataroot=root, verbose=False)
n_boxes = 0
for s in nusc.sample:
    for ch in ['CAM_FRONT_LEFT', 'CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT']:
        path, boxes, K = nusc.get_sample_data(s['data'][ch])
        n_boxes += len(boxes)
    pc = LidarPointCloud.from_file(nusc.get_sample_data_path(s['data']['LIDAR_TOP']))
    assert pc.points.shape[0] == 4 and pc.points.shape[1] > 100
v = nusc.box_velocity(nusc.sample_annotation[0]['token'])
# NuScenesMap only accepts the four nuScenes city names: register ours first (documented)
map_api.locations.append(location)
nmap = map_api.NuScenesMap(dataroot=root, map_name=location)
on_lane = 0
for ep in nusc.ego_pose:
    x, y = ep['translation'][:2]
    layers = nmap.layers_on_point(x, y)
    assert layers['drivable_area'] and layers['road_segment'], layers
    on_lane += bool(layers['lane'] or nmap.record_on_point(x, y, 'lane_connector'))
lane = nmap.get_closest_lane(*nusc.ego_pose[0]['translation'][:2], radius=5)
poses = nmap.discretize_lanes([lane], 0.5)[lane]
recs = nmap.get_records_in_patch((200, 200, 400, 400), ['lane', 'ped_crossing', 'stop_line', 'walkway'])
# get_map_mask / render_map_mask hard-code the four nuScenes map sizes ("Invalid map!" otherwise);
# the vector queries work: geometry of a 100 m patch around the first ego pose
geom = dict(nmap.get_map_geom((*nusc.ego_pose[0]['translation'][:2], 100, 100), 0.0, ['drivable_area', 'lane_divider']))
print(len(nusc.sample), len(nusc.sample_annotation), n_boxes, on_lane, len(nusc.ego_pose), len(poses),
      min(len(r) for r in recs.values()), int(len(geom['drivable_area']) > 0), int(len(geom['lane_divider']) > 0))
"""


def test_devkit_loads_the_synthetic_world(synth_root, devkit_python):
    py = devkit_python
    out = subprocess.run([py, "-c", DEVKIT_SCRIPT, str(synth_root), LOCATION], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    n_samples, n_ann, n_boxes, on_lane, n_poses, n_lane_pts, n_recs, da, ld = map(int, out.stdout.split()[-9:])
    assert n_samples == 10 and n_ann == len(_table(synth_root, "sample_annotation")) and n_boxes > 0
    assert on_lane >= 0.8 * n_poses and n_lane_pts > 10 and n_recs > 0 and da == 1 and ld == 1
