"""The synthetic world: determinism, geometric consistency of every sensor, and the file contract."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cvdstorm import CAMERAS
from cvdstorm.data import synth_world as W
from cvdstorm.data.synthetic import SynthConfig, rig_calibration, token, write_dataset
from cvdstorm.geometry import invert_pose, make_pose, quat_to_rotmat, transform_points
from cvdstorm.io import read_image


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    cfg = dict(scenes=1, frames=2, width=56, height=32, lidar_azimuths=128, workers=1)
    a = _digest(write_dataset(tmp_path / "a", SynthConfig(seed=3, **cfg), progress=False))
    b = _digest(write_dataset(tmp_path / "b", SynthConfig(seed=3, **cfg), progress=False))
    c = _digest(write_dataset(tmp_path / "c", SynthConfig(seed=4, **cfg), progress=False))
    assert a == b and len(a) > 20
    shared = set(a.values()) & set(c.values())  # e.g. visibility.json and the map are seed-free
    assert len(c) == len(a) and len(shared) < len(a) // 4


def _table(root, name):
    return {r["token"]: r for r in json.loads((root / "v1.0-synth" / f"{name}.json").read_text())}


def test_tables_link_up(synth_root):
    T = {n: _table(synth_root, n) for n in ("scene", "sample", "sample_data", "calibrated_sensor", "sensor",
                                             "ego_pose", "sample_annotation", "instance", "category", "log", "map")}
    for sd in T["sample_data"].values():
        assert sd["sample_token"] in T["sample"] and sd["ego_pose_token"] in T["ego_pose"]
        assert sd["calibrated_sensor_token"] in T["calibrated_sensor"]
        assert (synth_root / sd["filename"]).is_file()
        for k in ("prev", "next"):
            assert sd[k] == "" or sd[k] in T["sample_data"]
    for a in T["sample_annotation"].values():
        assert a["instance_token"] in T["instance"] and a["sample_token"] in T["sample"]
        assert a["visibility_token"] in {"1", "2", "3", "4"}
    for inst in T["instance"].values():
        n, tok = 0, inst["first_annotation_token"]
        while tok:
            n, last, tok = n + 1, tok, T["sample_annotation"][tok]["next"]
        assert n == inst["nbr_annotations"] and last == inst["last_annotation_token"]
    for sc in T["scene"].values():
        n, tok = 0, sc["first_sample_token"]
        while tok:
            n, tok = n + 1, T["sample"][tok]["next"]
        assert n == sc["nbr_samples"] == 5
    assert len(T["sensor"]) == 7 and {s["channel"] for s in T["sensor"].values()} == set(CAMERAS) | {"LIDAR_TOP"}
    assert all(l["token"] in next(iter(T["map"].values()))["log_tokens"] for l in T["log"].values())


def test_neighbouring_cameras_overlap():
    calib = rig_calibration(448, 256)
    yaws, half = [], []
    for cam in CAMERAS:
        K, c2e = calib[cam]
        fwd = c2e[:3, 2]
        yaws.append(np.degrees(np.arctan2(fwd[1], fwd[0])))
        half.append(np.degrees(np.arctan(K[0, 2] / K[0, 0])))
    for i in range(6):  # the rig is a ring: every camera overlaps the next one
        j = (i + 1) % 6
        gap = abs((yaws[i] - yaws[j] + 180) % 360 - 180)
        assert gap < half[i] + half[j], (CAMERAS[i], CAMERAS[j])


def test_lidar_lands_on_matching_depth(synth_root):
    """LiDAR points through our calibration tables hit pixels whose rendered depth agrees."""
    T = {n: _table(synth_root, n) for n in ("sample_data", "calibrated_sensor", "ego_pose", "sensor")}
    ch_of = {cs["token"]: T["sensor"][cs["sensor_token"]]["channel"] for cs in T["calibrated_sensor"].values()}

    def pose(r):
        return make_pose(quat_to_rotmat(np.array(r["rotation"])), np.array(r["translation"]))

    by_sample = {}
    for sd in T["sample_data"].values():
        by_sample.setdefault(sd["sample_token"], {})[ch_of[sd["calibrated_sensor_token"]]] = sd
    agree = total = 0
    for sds in by_sample.values():
        lsd = sds["LIDAR_TOP"]
        pts = np.fromfile(synth_root / lsd["filename"], dtype=np.float32).reshape(-1, 5)
        world = transform_points(pose(T["ego_pose"][lsd["ego_pose_token"]]) @ pose(T["calibrated_sensor"][lsd["calibrated_sensor_token"]]),
                                 pts[:, :3].astype(np.float64))
        for cam in CAMERAS:
            sd = sds[cam]
            cs = T["calibrated_sensor"][sd["calibrated_sensor_token"]]
            c2w = pose(T["ego_pose"][sd["ego_pose_token"]]) @ pose(cs)
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


def test_annotations_follow_the_world_model(synth_root):
    """Every annotation is where the generator's agents are at that time, moving as they move."""
    seed, frames, hz = 7, 5, 2.0
    anns = _table(synth_root, "sample_annotation")
    checked = 0
    for si in range(2):
        scene = W.make_scene(np.random.default_rng([seed, si]), frames, hz)
        for f in range(frames):
            centers = scene.boxes.centers(f / hz)
            for ai, agent in enumerate(scene.agents):
                a = anns.get(token(seed, "sample_annotation", si, f, ai))
                if a is None:
                    continue
                np.testing.assert_allclose(a["translation"], centers[agent.box], atol=1e-9)
                l, w, h = scene.boxes.size[agent.box]
                np.testing.assert_allclose(a["size"], [w, l, h])
                checked += 1
    assert checked == len(anns) and checked > 20


def test_objects_are_where_their_semantic_pixels_are(synth_root):
    """Projected centres of well-visible vehicle/pedestrian boxes see their class (or an occluder close by)."""
    from cvdstorm.data.nuscenes import NuScenesReader

    r = NuScenesReader(synth_root, "v1.0-synth")
    hits = total = 0
    for sc in r.scenes:
        for s in r.scene_samples(sc):
            for a in r.annotations(s):
                if a.visibility != "4":
                    continue
                for cam in CAMERAS:
                    c = r.camera(s, cam)
                    pc = transform_points(invert_pose(r.ego_pose(s, cam) @ c.cam_to_ego), a.center[None])[0]
                    if pc[2] < 1:
                        continue
                    u, v = (c.K @ (pc / pc[2]))[:2].astype(int)
                    if 0 <= u < c.width and 0 <= v < c.height:
                        sem = read_image(r.root / "semantic" / cam / (c.filename.stem + ".png"))
                        want = W.PEDESTRIAN if a.category.startswith("human") else W.VEHICLE
                        total += 1
                        hits += int(sem[v, u] == want)
    assert total > 10 and hits / total > 0.9


def test_bad_arguments_and_no_clobber(tmp_path, capsys):
    from cvdstorm.cli import main

    assert main(["synth", "--out", str(tmp_path / "x"), "--frames", "0"]) == 2
    assert "--frames must be positive" in capsys.readouterr().err
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "precious.txt").write_text("data")
    assert main(["synth", "--out", str(keep), "--frames", "1", "--scenes", "1", "--width", "32", "--height", "16"]) == 2
    err = capsys.readouterr().err
    assert "--overwrite" in err and "Traceback" not in err and err.count("\n") == 1
    assert (keep / "precious.txt").read_text() == "data"


DEVKIT = os.environ.get("CVDSTORM_DEVKIT_VENV", str(Path(__file__).resolve().parents[1] / ".venv-devkit"))


def _devkit_python() -> str:
    py = Path(DEVKIT) / "bin" / "python"
    if py.exists() and subprocess.run([str(py), "-c", "import nuscenes"], capture_output=True).returncode == 0:
        return str(py)
    try:
        subprocess.run([sys.executable, "-m", "venv", DEVKIT], check=True, capture_output=True, timeout=120)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "nuscenes-devkit"], check=True, capture_output=True,
                       timeout=900)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        pytest.skip(f"nuscenes-devkit could not be installed into a throwaway venv ({type(e).__name__}); "
                    "it is only a cross-check, never a dependency")
    return str(py)


def test_devkit_loads_the_synthetic_world(synth_root):
    py = _devkit_python()
    script = f"""
from nuscenes.nuscenes import NuScenes
nusc = NuScenes(version='v1.0-synth', dataroot={str(synth_root)!r}, verbose=False)
n_boxes = 0
for s in nusc.sample:
    for ch in ['CAM_FRONT_LEFT','CAM_FRONT','CAM_FRONT_RIGHT','CAM_BACK_RIGHT','CAM_BACK','CAM_BACK_LEFT']:
        path, boxes, K = nusc.get_sample_data(s['data'][ch])
        n_boxes += len(boxes)
    lidar = nusc.get('sample_data', s['data']['LIDAR_TOP'])
    from nuscenes.utils.data_classes import LidarPointCloud
    pc = LidarPointCloud.from_file(nusc.get_sample_data_path(lidar['token']))
    assert pc.points.shape[0] == 4 and pc.points.shape[1] > 100
ann = nusc.sample_annotation[0]
v = nusc.box_velocity(ann['token'])
print(len(nusc.sample), len(nusc.sample_annotation), n_boxes)
"""
    out = subprocess.run([py, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    n_samples, n_ann, n_boxes = map(int, out.stdout.split())
    assert n_samples == 10 and n_ann == len(_table(synth_root, "sample_annotation")) and n_boxes > 0
