"""The synthetic world at the camera rate: `cvdstorm synth --sweeps N` writes nuScenes-style camera
sweeps between its keyframes, with exact depth, semantics and boxes, and the reader's interpolated
boxes are scored against those boxes.

Checked against independent things: the renderer run again at the sweep's table pose and time, the
motion model's closed form (constant velocity: linear interpolation is exact; a circular arc: the
chord's sagitta), nuscenes-devkit's own reading of the sweep chains, and a keyframe-only world.
"""

import json
import math
import shutil
import subprocess

import numpy as np
import pytest

from cvdstorm import CAMERAS
from cvdstorm.config import DataConfig
from cvdstorm.data.clips import ClipDataset, load_clip
from cvdstorm.data.annotations import Annotation
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.data.sweeps import interpolate_annotations
from cvdstorm.data.synth.truth import SWEEP_TRUTH, box_errors, score_interpolation, synth_scene
from cvdstorm.data.synth.sensors import render_camera
from cvdstorm.data.synth.writer import SynthConfig, write_dataset
from cvdstorm.images import DEPTH_PNG_MAX
from cvdstorm.errors import CvdError
from cvdstorm.geometry import yaw_to_quat
from cvdstorm.io import read_image
from conftest import digest
from tables import raw_table

VERSION = "v1.0-synth"
SWEEPS = 5                      # 12 Hz cameras between 2 Hz keyframes, as nuScenes
KEYS = 3
MAX_SPEED = 11.0                # m/s, the fastest traffic of synth_layout


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("synth_sweeps") / "data"
    cfg = SynthConfig(scenes=1, frames=KEYS, width=112, height=64, seed=7, lidar_azimuths=256, sweeps=SWEEPS, workers=1)
    return write_dataset(root, cfg, progress=False)


@pytest.fixture(scope="module")
def reader(world):
    return NuScenesReader(world, VERSION)


def test_camera_rate_frames_are_12hz_with_a_keyframe_every_6th(reader, world):
    (scene,) = reader.scene_names()
    keys = reader.scene_samples(scene)
    frames = reader.scene_frames(scene, "camera")
    assert len(keys) == KEYS and len(frames) == (KEYS - 1) * (SWEEPS + 1) + 1
    assert frames[::SWEEPS + 1] == keys
    assert [reader.is_keyframe(f) for f in frames] == [i % (SWEEPS + 1) == 0 for i in range(len(frames))]
    dt = np.diff([reader.timestamp(f) for f in frames])
    assert np.abs(dt - 1e6 / 12).max() <= 1                                 # 12 Hz to the microsecond
    rep = reader.sync_report[scene]
    assert rep["skipped"] == [] and rep["max_spread_ms"] == 0.0
    sd = {r["token"]: r for r in raw_table(world, VERSION, "sample_data")}
    for f in frames[1:SWEEPS + 1]:
        cams = [reader.camera(f, c) for c in CAMERAS]
        assert {c.timestamp for c in cams} == {reader.timestamp(f)}
        for c in cams:
            row = sd[c.token]
            assert row["is_key_frame"] is False and row["filename"].startswith(f"sweeps/{c.channel}/")
            assert row["sample_token"] == keys[1]                            # the next keyframe, as nuScenes
            stem = c.filename.stem
            assert (world / "depth" / c.channel / f"{stem}.png").is_file()
            assert (world / "semantic" / c.channel / f"{stem}.png").is_file()
        assert "LIDAR_TOP" not in reader.channels(f)                        # no LiDAR sweeps
    n_sweep_rows = sum(not r["is_key_frame"] for r in sd.values())
    assert n_sweep_rows == (KEYS - 1) * SWEEPS * len(CAMERAS)
    assert len(raw_table(world, VERSION, "ego_pose")) == KEYS + (KEYS - 1) * SWEEPS   # one per moment


def test_sweep_files_are_the_exact_render_at_the_table_pose_and_time(reader, world):
    """Depth and semantics of a sweep equal the renderer run again at the pose and time the tables give."""
    (scene,) = reader.scene_names()
    sc = synth_scene(reader, scene)
    keys = reader.scene_samples(scene)
    t0 = reader.timestamp(keys[0])
    for f in range(KEYS):                                 # the path function agrees with the keyframes
        at = sc.at(sc.times[f])
        np.testing.assert_allclose(at.xy, sc.ego_xy[f], atol=1e-9)
        assert abs(at.yaw - sc.ego_yaw[f]) < 1e-9
    frame = reader.scene_frames(scene, "camera")[SWEEPS + 3]              # inside the second interval
    for ch in ("CAM_FRONT", "CAM_BACK_LEFT"):
        cam = reader.camera(frame, ch)
        _, depth, cls, _ = render_camera(sc, sc.at((cam.timestamp - t0) * 1e-6), cam.K, cam.ego_to_world @ cam.cam_to_ego,
                                         cam.height, cam.width)
        want = np.where(np.isfinite(depth) & (depth < DEPTH_PNG_MAX), np.round(depth * 256), 0)
        got = read_image(world / "depth" / ch / f"{cam.filename.stem}.png").astype(np.float64)
        assert np.mean(np.abs(got - want) <= 1) > 0.999 and (got > 0).mean() > 0.3
        sem = read_image(world / "semantic" / ch / f"{cam.filename.stem}.png")
        assert np.mean(sem == cls) > 0.999
    # the world moved between camera frames: not a keyframe repeated
    frames = reader.scene_frames(scene, "camera")
    a, b = (read_image(reader.camera(f, "CAM_FRONT").filename).astype(np.float64) for f in frames[1:3])
    assert np.abs(a - b).mean() > 1.0


def test_interpolated_boxes_score_against_the_exact_ones(reader, world):
    """Constant-velocity straight motion: interpolating between keyframes is exact (to float rounding);
    objects annotated at one keyframe only are moved by their velocity (or held) for at most 0.25 s."""
    score = score_interpolation(reader)
    assert score.frames == (KEYS - 1) * SWEEPS and score.skipped_frames == 0 and score.extra == 0
    assert score.boxes > 20 and score.yaw_max_deg < 1e-9
    assert score.center_max_m <= MAX_SPEED * 0.25 + 1e-6
    assert "centre error mean" in score.line() and "\n" not in score.line()
    (scene,) = reader.scene_names()
    truth = json.loads((world / SWEEP_TRUTH / f"{scene}.json").read_text())
    frames = reader.scene_frames(scene, "camera")
    both_err, n_edge = [], 0
    for fr in truth["frames"]:
        i = frames.index(fr["sample_data_token"])
        k0, k1 = frames[i - i % (SWEEPS + 1)], frames[i - i % (SWEEPS + 1) + SWEEPS + 1]
        both = {a.instance for a in reader.annotations(k0)} & {a.instance for a in reader.annotations(k1)}
        exact = [b for b in fr["boxes"] if b["instance_token"] in both]
        n_edge += len(fr["boxes"]) - len(exact)
        c, y, missed, _ = box_errors(exact, reader.annotations(fr["sample_data_token"]))
        assert missed == 0 and len(c) == len(exact)
        both_err.append(c)
    assert np.concatenate(both_err).max() < 1e-6
    assert n_edge > 0                                  # the scene has objects entering or leaving range


def test_a_turning_object_gets_the_chord_error_of_its_arc():
    """Circular motion (radius R, turn theta over a keyframe interval): linear interpolation is off
    by the distance from arc to chord; slerp keeps the yaw exact (constant yaw rate)."""
    R, theta, T = 12.0, math.radians(40), 500_000

    def on_arc(w):
        a = w * theta
        return np.array([R * math.sin(a), R * (1 - math.cos(a)), 0.0]), a     # heading = the tangent

    def ann(w):
        c, yaw = on_arc(w)
        return Annotation("a", "turning", "vehicle.car", 0, c, np.array([1.9, 4.5, 1.6]), yaw_to_quat(yaw), yaw,
                          np.full(3, np.nan), "4", 10)

    for w in (1 / 6, 0.5, 5 / 6):
        c, yaw = on_arc(w)
        exact = [{"instance_token": "turning", "translation": c.tolist(), "rotation": yaw_to_quat(yaw).tolist()}]
        boxes = interpolate_annotations([ann(0)], 0, [ann(1)], T, int(round(w * T)), "f")
        centre, dyaw, missed, extra = box_errors(exact, boxes)
        chord = (1 - w) * on_arc(0)[0] + w * on_arc(1)[0]
        assert missed == extra == 0
        assert centre[0] == pytest.approx(np.linalg.norm(c - chord), rel=1e-4) and centre[0] > 0.05
        assert dyaw[0] < 1e-3
    mid = box_errors([{"instance_token": "turning", "translation": on_arc(0.5)[0].tolist(),
                       "rotation": yaw_to_quat(on_arc(0.5)[1]).tolist()}],
                     interpolate_annotations([ann(0)], 0, [ann(1)], T, T // 2, "m"))[0][0]
    assert mid == pytest.approx(R * (1 - math.cos(theta / 2)), rel=1e-9)    # the sagitta


def test_no_sweeps_leaves_the_keyframe_world_unchanged(tmp_path, capsys):
    from cvdstorm.cli import main

    small = ["--scenes", "1", "--frames", "2", "--width", "56", "--height", "32", "--seed", "3", "--workers", "1",
             "--set", "lidar_azimuths=128"]
    assert main(["synth", "--out", str(tmp_path / "a"), *small]) == 0
    assert "sweep boxes" not in capsys.readouterr().out
    assert main(["synth", "--out", str(tmp_path / "b"), *small, "--sweeps", "2"]) == 0
    out = capsys.readouterr().out
    assert "sweep boxes interpolated between keyframes vs exact" in out
    a, b = digest(tmp_path / "a"), digest(tmp_path / "b")
    changed = {f"{VERSION}/sample_data.json", f"{VERSION}/ego_pose.json"}
    # every keyframe file (images, LiDAR, depth, semantics, annotations, captions, map) has the same bytes:
    # the sweeps draw nothing from the scene's random stream
    assert {k: v for k, v in a.items() if k not in changed} == {k: b[k] for k in a if k not in changed}
    new = set(b) - set(a)
    assert new and all(p.startswith(("sweeps/", "depth/", "semantic/", "truth/")) for p in new)
    assert len([p for p in new if p.startswith("sweeps/")]) == 2 * len(CAMERAS)
    for table in ("sample_data", "ego_pose"):
        rows_a = raw_table(tmp_path / "a", VERSION, table)
        rows_b = {r["token"]: r for r in raw_table(tmp_path / "b", VERSION, table)}
        for r in rows_a:                                  # keyframe rows unchanged but for the chain links
            assert {k: v for k, v in rows_b[r["token"]].items() if k not in ("prev", "next")} == \
                {k: v for k, v in r.items() if k not in ("prev", "next")}
    with pytest.raises(CvdError, match="--sweeps must be a non-negative integer"):
        SynthConfig(sweeps=-1).validate()


def test_a_missing_sweep_image_names_its_record(world, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(world, root)
    r = NuScenesReader(root, VERSION)
    frames = r.scene_frames(r.scene_names()[0], "camera")
    cam = r.camera(frames[2], "CAM_BACK")
    cam.filename.unlink()
    cfg = DataConfig(dataroot=str(root), version=VERSION, split="all", num_frames=7, clip_hop=6, height=32, width=56,
                     frame_rate="camera")
    ds = ClipDataset(cfg)
    with pytest.raises(CvdError) as e:
        ds[0]
    msg = str(e.value)
    assert "\n" not in msg and "does not exist" in msg and cam.token in msg and cam.filename.name in msg
    clip = load_clip(r, frames[6:13], 32, 56)         # the other clip reads, with exact depth at every frame
    assert clip["keyframes"].tolist() == [True] + [False] * SWEEPS + [True]
    assert all((clip["depth"][t] > 0).float().mean() > 0.3 for t in range(7))


DEVKIT_SCRIPT = """
import json, sys
import numpy as np
from nuscenes.nuscenes import NuScenes
from pyquaternion import Quaternion

nusc = NuScenes(version=sys.argv[2], dataroot=sys.argv[1], verbose=False)
out = {}
for scene in nusc.scene:
    first, last = nusc.get('sample', scene['first_sample_token']), nusc.get('sample', scene['last_sample_token'])
    chains = {}
    for ch in sys.argv[3].split(','):
        tok, rows = first['data'][ch], []
        while True:
            sd = nusc.get('sample_data', tok)
            ep = nusc.get('ego_pose', sd['ego_pose_token'])
            rows.append([tok, sd['timestamp'], sd['is_key_frame'], ep['translation'], ep['rotation']])
            if tok == last['data'][ch]:
                break
            tok = sd['next']
        chains[ch] = rows
    boxes = {}
    for tok, _, key, _, _ in chains['CAM_FRONT']:
        if not key:
            boxes[tok] = {nusc.get('sample_annotation', b.token)['instance_token']: list(b.center) + [b.orientation.yaw_pitch_roll[0]]
                          for b in nusc.get_boxes(tok)}
    out[scene['name']] = {'chains': chains, 'boxes': boxes}
print(json.dumps(out))
"""


def test_nuscenes_devkit_reads_the_same_sweeps(world, reader, devkit_python):
    """Sweep order, timestamps, ego poses and (for objects at both keyframes) interpolated boxes agree
    with nuscenes-devkit's reading of the same tables."""
    run = subprocess.run([devkit_python, "-c", DEVKIT_SCRIPT, str(world), VERSION, ",".join(CAMERAS)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    dk = json.loads(run.stdout.strip().splitlines()[-1])
    for scene in reader.scene_names():
        frames = reader.scene_frames(scene, "camera")
        for ch in CAMERAS:
            chain = dk[scene]["chains"][ch]
            assert len(chain) == len(frames)
            for f, (tok, ts, key, trans, rot) in zip(frames, chain):
                cam = reader.camera(f, ch)
                assert (cam.token, cam.timestamp, reader.is_keyframe(f)) == (tok, ts, key)
                np.testing.assert_allclose(cam.ego_to_world[:3, 3], trans, atol=1e-9)
                w, x, y, z = rot
                want = np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w)], [2 * (x * y + z * w), 1 - 2 * (x * x + z * z)]])
                np.testing.assert_allclose(cam.ego_to_world[:2, :2], want, atol=1e-9)
        n = 0
        for f, boxes in dk[scene]["boxes"].items():
            ours = {a.instance: a for a in reader.annotations(f)}
            i = frames.index(f)
            prev_key = frames[i - i % (SWEEPS + 1)]
            both = {a.instance for a in reader.annotations(prev_key)}
            for inst, (cx, cy, cz, yaw) in boxes.items():
                if inst in both:                           # the devkit holds the others at the next keyframe
                    np.testing.assert_allclose(ours[inst].center, (cx, cy, cz), atol=1e-6)
                    assert abs(np.angle(np.exp(1j * (ours[inst].yaw - yaw)))) < 1e-6
                    n += 1
        assert n > 20
