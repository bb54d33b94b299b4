"""The nuScenes table reader against the raw JSON, the synthetic world model, and broken input."""

import json
import shutil
import warnings

import numpy as np
import pytest
from scipy.spatial.transform import Rotation

from cvdstorm import CAMERAS
from cvdstorm.data import maps
from cvdstorm.data.annotations import BOX_CLASSES, box_class
from cvdstorm.data.maps import MAP_LAYERS
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.errors import CvdError
from tables import raw_table, table_pose

VERSION = "v1.0-synth"
SEED, FRAMES, HZ = 7, 5, 2.0  # the conftest synth_root


def _raw(root, table):
    return raw_table(root, VERSION, table)


_pose = table_pose


@pytest.fixture(scope="module")
def reader(synth_root):
    return NuScenesReader(synth_root, VERSION)


def test_every_annotation_round_trips(synth_root, reader):
    raw = {a["token"]: a for a in _raw(synth_root, "sample_annotation")}
    inst = {i["token"]: i for i in _raw(synth_root, "instance")}
    cat = {c["token"]: c["name"] for c in _raw(synth_root, "category")}
    attr = {r["token"]: r for r in _raw(synth_root, "attribute")}
    got = {a.token: (s, a) for sc in reader.scenes for s in reader.scene_samples(sc) for a in reader.annotations(s)}
    assert set(got) == set(raw) and len(raw) > 20
    for tok, (s, a) in got.items():
        r = raw[tok]
        assert s == r["sample_token"] and a.instance == r["instance_token"]
        np.testing.assert_array_equal(a.center, r["translation"])
        np.testing.assert_array_equal(a.size, r["size"])
        np.testing.assert_array_equal(a.rotation, r["rotation"])
        assert a.category == cat[inst[r["instance_token"]]["category_token"]]
        assert a.cls == box_class(a.category) and BOX_CLASSES[a.cls] in ("car", "truck", "pedestrian")
        assert a.visibility == r["visibility_token"] and a.num_lidar_pts == r["num_lidar_pts"]
        assert a.attributes == tuple(attr[t]["name"] for t in r["attribute_tokens"]) and a.attributes
        assert [reader.attribute_description(n) for n in a.attributes] == [attr[t]["description"]
                                                                           for t in r["attribute_tokens"]]
        w, x, y, z = r["rotation"]
        assert a.yaw == pytest.approx(Rotation.from_quat([x, y, z, w]).as_euler("zyx")[0], abs=1e-9)


def test_velocity_is_the_devkit_formula(synth_root, reader):
    """box_velocity re-implemented from the raw tables (nuscenes-devkit NuScenes.box_velocity)."""
    raw = {a["token"]: a for a in _raw(synth_root, "sample_annotation")}
    ts = {s["token"]: s["timestamp"] * 1e-6 for s in _raw(synth_root, "sample")}
    n_central = n_nan = 0
    for tok, a in raw.items():
        has_prev, has_next = a["prev"] != "", a["next"] != ""
        got = reader.box_velocity(tok)
        if not has_prev and not has_next:
            assert np.isnan(got).all()
            n_nan += 1
            continue
        first = raw[a["prev"]] if has_prev else a
        last = raw[a["next"]] if has_next else a
        dt = ts[last["sample_token"]] - ts[first["sample_token"]]
        want = (np.array(last["translation"]) - np.array(first["translation"])) / dt
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
        n_central += has_prev and has_next
    assert n_central > 10


def test_boxes_match_the_world_model(synth_root, reader):
    """Re-derive every box from the generator's own world (constant-velocity agents)."""
    from cvdstorm.data.synth.layout import make_scene
    from cvdstorm.data.tables import token

    got = {a.token: a for sc in reader.scenes for s in reader.scene_samples(sc) for a in reader.annotations(s)}
    checked = 0
    for si in range(2):
        world = make_scene(np.random.default_rng([SEED, si]), FRAMES, HZ)
        for f in range(FRAMES):
            centers = world.boxes.centers(f / HZ)
            for ai, agent in enumerate(world.agents):
                a = got.get(token(SEED, "sample_annotation", si, f, ai))
                if a is None:
                    continue
                b = agent.box
                np.testing.assert_allclose(a.center, centers[b], atol=1e-9)
                l, w, h = world.boxes.size[b]
                np.testing.assert_allclose(a.size, [w, l, h], atol=1e-12)
                assert np.cos(a.yaw - world.boxes.yaw[b]) == pytest.approx(1.0, abs=1e-12)
                if np.isfinite(a.velocity).all():
                    np.testing.assert_allclose(a.velocity, world.boxes.velocity[b], atol=1e-6)
                checked += 1
    assert checked == len(got)


def test_scenes_keyframes_poses_and_cameras(synth_root, reader):
    raw_samples = {s["token"]: s for s in _raw(synth_root, "sample")}
    raw_ego = {e["token"]: e for e in _raw(synth_root, "ego_pose")}
    raw_cs = {c["token"]: c for c in _raw(synth_root, "calibrated_sensor")}
    sd = {(d["sample_token"], d["calibrated_sensor_token"]): d for d in _raw(synth_root, "sample_data")}
    chan = {s["token"]: s["channel"] for s in _raw(synth_root, "sensor")}
    assert [s["name"] for s in reader.scenes] == ["scene-0001", "scene-0002"]
    assert reader.scene_names("train") == ["scene-0001"] and reader.scene_names("val") == ["scene-0002"]
    for sc in _raw(synth_root, "scene"):
        samples = reader.scene_samples(sc["name"])
        assert len(samples) == FRAMES == sc["nbr_samples"]
        assert samples[0] == sc["first_sample_token"] and samples[-1] == sc["last_sample_token"]
        stamps = [raw_samples[s]["timestamp"] for s in samples]
        assert all(b - a == int(1e6 / HZ) for a, b in zip(stamps, stamps[1:]))
        assert reader.scene(sc["token"]) is reader.scene(sc["name"])
        for s in samples:
            by_channel = {chan[raw_cs[c]["sensor_token"]]: d for (smp, c), d in sd.items() if smp == s}
            np.testing.assert_allclose(reader.ego_pose(s), _pose(raw_ego[by_channel["LIDAR_TOP"]["ego_pose_token"]]),
                                       atol=1e-12)
            for cam in CAMERAS:
                d = by_channel[cam]
                c = reader.camera(s, cam)
                np.testing.assert_array_equal(c.K, raw_cs[d["calibrated_sensor_token"]]["camera_intrinsic"])
                np.testing.assert_allclose(c.cam_to_ego, _pose(raw_cs[d["calibrated_sensor_token"]]), atol=1e-12)
                np.testing.assert_allclose(c.ego_to_world, _pose(raw_ego[d["ego_pose_token"]]), atol=1e-12)
                assert c.filename == synth_root / d["filename"] and c.filename.is_file()
                assert (c.width, c.height) == (d["width"], d["height"]) and c.timestamp == d["timestamp"]
            path, l2e = reader.lidar(s)
            assert path == synth_root / by_channel["LIDAR_TOP"]["filename"] and path.is_file()
            np.testing.assert_allclose(l2e, _pose(raw_cs[by_channel["LIDAR_TOP"]["calibrated_sensor_token"]]))


def test_captions(synth_root, reader, tmp_path):
    raw = {c["sample_token"]: c["caption"] for c in _raw(synth_root, "caption")}
    for s, cap in raw.items():
        assert reader.caption(s) == cap
    root = tmp_path / "nocap"
    shutil.copytree(synth_root / VERSION, root / VERSION)
    (root / VERSION / "caption.json").unlink()
    r = NuScenesReader(root, VERSION)
    for sc in _raw(synth_root, "scene"):
        assert r.caption(sc["first_sample_token"]) == sc["description"] != ""


def test_map_polylines_follow_the_expansion(synth_root, reader):
    sc = reader.scenes[0]
    m = reader.map_polylines(sc)
    assert tuple(m) == MAP_LAYERS
    loc = reader.location(sc)
    ex = json.loads((synth_root / "maps" / "expansion" / f"{loc}.json").read_text())
    nodes = {n["token"]: (n["x"], n["y"]) for n in ex["node"]}
    lines = {ln["token"]: ln["node_tokens"] for ln in ex["line"]}
    polys = {p["token"]: p for p in ex["polygon"]}
    for layer in ("lane_divider", "road_divider"):
        want = [np.array([nodes[t] for t in lines[r["line_token"]]]) for r in ex[layer]]
        assert len(m[layer]) == len(want) > 0
        for a, b in zip(m[layer], want):
            np.testing.assert_array_equal(a, b)
    for ring, rec in zip(m["ped_crossing"], ex["ped_crossing"]):
        ext = np.array([nodes[t] for t in polys[rec["polygon_token"]]["exterior_node_tokens"]])
        np.testing.assert_array_equal(ring[:len(ext)], ext)
        np.testing.assert_array_equal(ring[-1], ring[0])  # closed
    n_rings = sum(1 + len(polys[p].get("holes", [])) for r in ex["drivable_area"] for p in r["polygon_tokens"])
    assert len(m["road_edge"]) == n_rings > 0
    ego = {e["token"]: e for e in _raw(synth_root, "ego_pose")}
    lidar_sd = {d["sample_token"]: d for d in _raw(synth_root, "sample_data") if "LIDAR_TOP" in d["filename"]}
    want = np.array([ego[lidar_sd[s]["ego_pose_token"]]["translation"][:2] for s in reader.scene_samples(sc)])
    np.testing.assert_array_equal(m["ego_path"][0], want)


def test_missing_map_is_empty_with_one_warning(synth_root, tmp_path):
    root = tmp_path / "nomap"
    shutil.copytree(synth_root / VERSION, root / VERSION)
    maps._warned.clear()
    r = NuScenesReader(root, VERSION)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        m1 = r.map_polylines(r.scenes[0])
        m2 = NuScenesReader(root, VERSION).map_polylines(r.scenes[1])
    assert len([x for x in w if "no map expansion" in str(x.message)]) == 1
    for m in (m1, m2):
        assert all(m[k] == [] for k in MAP_LAYERS if k != "ego_path") and len(m["ego_path"]) == 1


# ------------------------------------------------------------------------------- bad input
@pytest.fixture
def broken(synth_root, tmp_path):
    """A copy of the tables (the reader never opens the images) to damage."""
    root = tmp_path / "broken"
    shutil.copytree(synth_root / VERSION, root / VERSION)
    return root


def _edit(root, table, fn):
    f = root / VERSION / f"{table}.json"
    rows = json.loads(f.read_text())
    fn(rows)
    f.write_text(json.dumps(rows))
    return rows


def test_missing_table(broken):
    (broken / VERSION / "calibrated_sensor.json").unlink()
    with pytest.raises(CvdError, match=r"missing nuScenes table 'calibrated_sensor': .*calibrated_sensor\.json") as e:
        NuScenesReader(broken, VERSION)
    assert "\n" not in str(e.value)


def test_corrupt_json_and_missing_field(broken):
    (broken / VERSION / "sample.json").write_text('[{"token": "a", ')
    with pytest.raises(CvdError, match=r"corrupt nuScenes table 'sample': .*sample\.json is not valid JSON"):
        NuScenesReader(broken, VERSION)
    (broken / VERSION / "sample.json").write_text('[{"token": "a"}]')
    with pytest.raises(CvdError, match=r"sample\.json: a record has no field 'timestamp'"):
        NuScenesReader(broken, VERSION)


def test_nan_ego_pose_names_table_and_token(broken):
    rows = _edit(broken, "ego_pose", lambda rows: rows[3]["translation"].__setitem__(0, float("nan")))
    r = NuScenesReader(broken, VERSION)
    lidar = {d["ego_pose_token"]: d["sample_token"] for d in _raw(broken, "sample_data")}
    with pytest.raises(CvdError, match=rf"ego_pose\.json: ego_pose {rows[3]['token']}: NaN/Inf"):
        r.ego_pose(lidar[rows[3]["token"]])


def test_nan_calibration_names_table_and_token(broken):
    rows = _edit(broken, "calibrated_sensor", lambda rows: rows[1]["camera_intrinsic"][0].__setitem__(0, float("inf")))
    r = NuScenesReader(broken, VERSION)
    chan = {s["token"]: s["channel"] for s in _raw(broken, "sensor")}
    cam = chan[rows[1]["sensor_token"]]
    with pytest.raises(CvdError, match=rf"calibrated_sensor {rows[1]['token']}: camera_intrinsic has NaN/Inf"):
        for sc in r.scenes:
            for s in r.scene_samples(sc):
                r.camera(s, cam)
    rows = _edit(broken, "calibrated_sensor", lambda rows: rows[0]["rotation"].__setitem__(2, float("nan")))
    r = NuScenesReader(broken, VERSION)
    with pytest.raises(CvdError, match=rf"calibrated_sensor {rows[0]['token']}: NaN/Inf in translation or rotation"):
        for sc in r.scenes:
            for s in r.scene_samples(sc):
                for c in CAMERAS:
                    r.camera(s, c)
                r.lidar(s)


def test_unknown_camera_and_scene(synth_root, reader):
    s = reader.scene_samples(reader.scenes[0])[0]
    with pytest.raises(CvdError, match=r"unknown camera 'CAM_ROOF'; expected one of \['CAM_FRONT_LEFT'"):
        reader.camera(s, "CAM_ROOF")
    with pytest.raises(CvdError, match="unknown camera/sensor 'RADAR_X'"):
        reader.ego_pose(s, "RADAR_X")
    with pytest.raises(CvdError, match="unknown scene 'scene-9999'"):
        reader.scene("scene-9999")


def test_renamed_sensor_channel_is_reported(broken):
    """A dataset whose CAM_FRONT is called something else: the missing camera is named."""
    _edit(broken, "sensor", lambda rows: [r.update(channel="CAM_ROOF") for r in rows if r["channel"] == "CAM_FRONT"])
    r = NuScenesReader(broken, VERSION)
    with pytest.raises(CvdError, match=r"has no keyframe CAM_FRONT record in .*sample_data\.json"):
        r.camera(r.scene_samples(r.scenes[0])[0], "CAM_FRONT")


def test_dangling_tokens(synth_root, broken):
    _edit(broken, "sample_data", lambda rows: rows[0].update(calibrated_sensor_token="deadbeef"))
    with pytest.raises(CvdError, match=r"refers to calibrated_sensor 'deadbeef', which is missing .*dangling"):
        NuScenesReader(broken, VERSION)
    shutil.copy(synth_root / VERSION / "sample_data.json", broken / VERSION / "sample_data.json")
    rows = _edit(broken, "sample_annotation", lambda rows: rows[0].update(instance_token="nope"))
    r = NuScenesReader(broken, VERSION)
    with pytest.raises(CvdError, match=r"sample_annotation \w+ refers to instance 'nope'.*instance\.json"):
        r.annotations(rows[0]["sample_token"])
    _edit(broken, "sample", lambda rows: rows[1].update(next="gone"))
    r = NuScenesReader(broken, VERSION)
    with pytest.raises(CvdError, match=r"refers to sample 'gone', which is missing from .*sample\.json"):
        [r.scene_samples(sc) for sc in r.scenes]


# ------------------------------------------------------------------------- devkit cross-check
DEVKIT_SCRIPT = r"""
import json, sys
import numpy as np
from nuscenes.nuscenes import NuScenes
from nuscenes.utils.geometry_utils import BoxVisibility

root, version, cams = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
nusc = NuScenes(version=version, dataroot=root, verbose=False)
out = {"velocity": {a["token"]: nusc.box_velocity(a["token"]).tolist() for a in nusc.sample_annotation},
       "cameras": [], "lidar": []}
for s in nusc.sample:
    for ch in cams:
        _, boxes, K = nusc.get_sample_data(s["data"][ch], box_vis_level=BoxVisibility.NONE)
        out["cameras"].append({"sample": s["token"], "channel": ch, "K": K.tolist(),
                               "boxes": {b.token: b.center.tolist() + b.wlh.tolist() for b in boxes}})
        pts, depth, _ = nusc.explorer.map_pointcloud_to_image(s["data"]["LIDAR_TOP"], s["data"][ch])
        out["lidar"].append({"sample": s["token"], "channel": ch, "uv": pts[:2].T.tolist(), "depth": depth.tolist()})
print(json.dumps(out))
"""


def test_reader_and_clips_agree_with_nuscenes_devkit(synth_root, devkit_python):
    """Velocities, boxes in each camera frame and LiDAR projections equal nuscenes-devkit's, where
    the devkit's throwaway venv can be built (conftest.devkit_python; never a dependency)."""
    import subprocess

    import torch

    from cvdstorm.config import DataConfig
    from cvdstorm.data.clips import ClipDataset

    run = subprocess.run([devkit_python, "-c", DEVKIT_SCRIPT, str(synth_root), VERSION, ",".join(CAMERAS)],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0 and "No module named" in run.stderr:
        pytest.skip("nuscenes-devkit not importable in its venv")
    assert run.returncode == 0, run.stderr[-2000:]
    dk = json.loads(run.stdout)
    r = NuScenesReader(synth_root, VERSION)
    for tok, v in dk["velocity"].items():
        np.testing.assert_allclose(r.box_velocity(tok), v, rtol=1e-9, atol=1e-9)
    ds = ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=FRAMES, height=64, width=112), r)
    clips = {c["scene"]: c for c in (ds[i] for i in range(len(ds)))}
    where = {s: (c, t) for c in clips.values() for t, s in enumerate(c["samples"])}
    for rec in dk["cameras"]:
        c, t = where[rec["sample"]]
        v = CAMERAS.index(rec["channel"])
        np.testing.assert_allclose(c["intrinsics"][t, v].numpy(), rec["K"], rtol=1e-6)
        w2c = torch.linalg.inv(c["cam_to_world"][t, v].double()).numpy()
        b = c["boxes"][t]
        anns = {a.instance: a.token for a in r.annotations(rec["sample"])}
        assert {anns[i] for i in b["instance"]} == set(rec["boxes"])
        for i, inst in enumerate(b["instance"]):
            want = np.array(rec["boxes"][anns[inst]])
            np.testing.assert_allclose(w2c[:3, :3] @ b["center"][i] + w2c[:3, 3], want[:3], atol=2e-4)
            np.testing.assert_allclose(b["size"][i], want[3:], rtol=1e-6)
    n = same = 0
    for rec in dk["lidar"]:
        c, t = where[rec["sample"]]
        ours = c["lidar_depth"][t, CAMERAS.index(rec["channel"])].numpy()
        uv, d = np.array(rec["uv"]).reshape(-1, 2), np.array(rec["depth"])
        frac = uv - np.floor(uv)
        ok = ((frac > 1e-3) & (frac < 1 - 1e-3)).all(1)  # float32 (devkit) vs float64 on a pixel border
        uv, d = uv[ok], d[ok]
        u, v = np.floor(uv[:, 0]).astype(int), np.floor(uv[:, 1]).astype(int)
        # every devkit point lands on a pixel where ours holds it or a nearer point
        assert (ours[v, u] > 0).all() and (ours[v, u] <= d + 1e-4).all()
        nearest = np.full(ours.shape, np.inf)
        np.minimum.at(nearest, (v, u), d)
        hit = np.isfinite(nearest)
        # equal, except where a point the devkit drops (border-rounded, or at u, v < 1) was nearer
        same += np.isclose(ours[hit], nearest[hit], rtol=1e-5).sum()
        n += hit.sum()
    assert n > 1000 and same / n > 0.995, (same, n)


def test_malformed_or_nan_annotation(broken):
    raw = _raw(broken, "sample_annotation")
    first = {}  # the first annotation row of each sample
    for i, x in enumerate(raw):
        first.setdefault(x["sample_token"], i)
    a, b, c = list(first.values())[:3]
    rows = _edit(broken, "sample_annotation", lambda rows: (rows[a].update(size=[1.0, 2.0]),
                                                            rows[b]["rotation"].__setitem__(0, float("nan"))))
    r = NuScenesReader(broken, VERSION)
    with pytest.raises(CvdError, match=rf"sample_annotation {rows[a]['token']} needs translation \[3\], size \[3\]"):
        r.annotations(rows[a]["sample_token"])
    with pytest.raises(CvdError, match=rf"sample_annotation\.json: sample_annotation {rows[b]['token']} has NaN/Inf"):
        r.annotations(rows[b]["sample_token"])
    assert len(r.annotations(rows[c]["sample_token"])) > 0  # the rest of the table still reads


def test_map_files_are_the_tables_and_stay_inside(synth_root, reader, tmp_path):
    """map_files: the location's expansion and the map table's raster of the scene's log; a raster name
    that leaves the dataroot is refused in one line."""
    sc = reader.scenes[0]
    exp, raster = reader.map_files(sc)
    assert exp == synth_root / "maps" / "expansion" / f"{reader.location(sc)}.json" and exp.is_file()
    rows = [m for m in _raw(synth_root, "map") if sc["log_token"] in m["log_tokens"]]
    assert raster == rows[0]["filename"] and (synth_root / raster).is_file()
    bad = tmp_path / "bad"
    shutil.copytree(synth_root / VERSION, bad / VERSION)
    maps = json.loads((bad / VERSION / "map.json").read_text())
    for m in maps:
        m["filename"] = "../../etc/passwd"
    (bad / VERSION / "map.json").write_text(json.dumps(maps))
    with pytest.raises(CvdError, match="map.json"):
        NuScenesReader(bad, VERSION).map_files(sc["name"])
