"""Camera-rate frames: sweep chains, synchronisation, box interpolation, and broken chains.

The dataroot here is the conftest's synthetic world with camera sweeps added the way nuScenes has
them (5 per keyframe interval per camera, each camera staggered by its own offset, keyframes and
sweeps alike), so the reader's grouping can be checked against the sweeps we wrote.
"""

import json
import shutil
import warnings

import numpy as np
import pytest

from cvdstorm import CAMERAS
from cvdstorm.data.clips import load_clip
from cvdstorm.data.annotations import Annotation
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.data.sweeps import interpolate_annotations
from cvdstorm.errors import CvdError
from tables import PER_INTERVAL, STAGGER_US, add_sweeps, raw_table

VERSION = "v1.0-synth"


@pytest.fixture(scope="module")
def swept(synth_root, tmp_path_factory):
    return add_sweeps(synth_root, tmp_path_factory.mktemp("sweeps") / "data")


def test_frames_are_the_sweeps_we_wrote(swept):
    r = NuScenesReader(swept, VERSION)
    for scene in r.scene_names():
        keys = r.scene_samples(scene)
        frames = r.scene_frames(scene, "camera")
        assert len(frames) == (len(keys) - 1) * (PER_INTERVAL + 1) + 1
        assert frames[::PER_INTERVAL + 1] == keys                       # keyframes stay what they are
        assert r.scene_frames(scene) == keys
        t = [r.timestamp(f) for f in frames]
        assert np.all(np.diff(t) > 0)
        for f in frames:
            if r.is_keyframe(f):
                continue
            # every camera of a sweep frame is the same sweep index of its own chain
            idx = {r.camera(f, c).filename.name for c in CAMERAS}
            assert len(idx) == 6
            j = {r.camera(f, c).timestamp - STAGGER_US[c] for c in CAMERAS}
            assert len(j) == 1                                         # staggered identically: one frame
        rep = r.sync_report[scene]
        assert rep["skipped"] == [] and rep["frames"] == len(frames)
        assert rep["max_spread_ms"] == pytest.approx(max(STAGGER_US.values()) / 1000, abs=1e-3)
        assert rep["camera_offsets_ms"]["CAM_BACK"] == pytest.approx((STAGGER_US["CAM_BACK"] - STAGGER_US["CAM_FRONT"]) / 1000)


def test_sweep_frames_interpolate_boxes_and_poses(swept):
    r = NuScenesReader(swept, VERSION)
    scene = r.scene_names()[0]
    keys = r.scene_samples(scene)
    frames = r.scene_frames(scene, "camera")
    mid = frames[3]                                                    # halfway between keys 0 and 1
    t0, t1, t = r.timestamp(keys[0]), r.timestamp(keys[1]), r.timestamp(mid)
    assert t == pytest.approx((t0 + t1) / 2, abs=1)
    a0 = {a.instance: a for a in r.annotations(keys[0])}
    a1 = {a.instance: a for a in r.annotations(keys[1])}
    am = {a.instance: a for a in r.annotations(mid)}
    both = set(a0) & set(a1)
    assert both and both <= set(am)
    for i in both:
        np.testing.assert_allclose(am[i].center, (a0[i].center + a1[i].center) / 2, atol=1e-9)
        np.testing.assert_allclose(am[i].velocity, (a1[i].center - a0[i].center) / ((t1 - t0) * 1e-6), atol=1e-9)
    # the camera's own ego pose is the one written for that sweep
    cam = r.camera(mid, "CAM_FRONT")
    e0, e1 = r.camera(keys[0], "CAM_FRONT").ego_to_world, r.camera(keys[1], "CAM_FRONT").ego_to_world
    np.testing.assert_allclose(cam.ego_to_world[:3, 3], (e0[:3, 3] + e1[:3, 3]) / 2, atol=1e-6)
    assert r.caption(mid) in (r.caption(keys[0]), r.caption(keys[1]))
    clip = load_clip(r, frames[:8], 32, 56)
    assert clip["images"].shape == (8, 6, 3, 32, 56)
    assert (clip["lidar_depth"][1:6] == 0).all() and (clip["lidar_depth"][0] > 0).any()  # no LiDAR sweeps here
    assert np.all(np.diff(clip["timestamps"].numpy()) > 0)


def test_lidar_sweeps_are_matched_when_present(synth_root, tmp_path):
    r = NuScenesReader(add_sweeps(synth_root, tmp_path / "d", lidar=True), VERSION)
    frames = r.scene_frames(r.scene_names()[0], "camera")
    assert all("LIDAR_TOP" in r.channels(f) for f in frames)


def _ann(inst, center, yaw, velocity=(np.nan,) * 3, size=(2.0, 4.0, 1.5)):
    q = np.array([np.cos(yaw / 2), 0, 0, np.sin(yaw / 2)])
    return Annotation(f"a-{inst}", inst, "vehicle.car", 0, np.array(center, float), np.array(size), q, yaw,
                      np.array(velocity, float), "4", 10)


def test_interpolation_shortest_arc_and_entering_objects():
    t0, t1 = 0, 500_000
    before = [_ann("both", (0, 0, 0), 3.0), _ann("leaves", (10, 0, 0), 0.0, velocity=(2, 0, 0))]
    after = [_ann("both", (5, 1, 0), -3.0, size=(2.2, 4.4, 1.6)), _ann("enters", (20, 0, 0), 0.5)]
    out = {a.instance: a for a in interpolate_annotations(before, t0, after, t1, 125_000, "f")}
    assert set(out) == {"both", "leaves"}                             # "enters" only in the later half
    np.testing.assert_allclose(out["both"].center, (1.25, 0.25, 0))
    # from +3.0 to -3.0 rad the short way is through pi, not through 0
    assert abs(abs(out["both"].yaw) - (3.0 + 0.25 * (2 * np.pi - 6.0))) < 1e-9
    np.testing.assert_allclose(out["both"].size, (2.0, 4.0, 1.5))     # the nearer keyframe's size
    np.testing.assert_allclose(out["leaves"].center, (10.25, 0, 0))   # moved by its velocity, 0.125 s
    assert out["both"].token == "f/both"
    late = {a.instance: a for a in interpolate_annotations(before, t0, after, t1, 400_000, "g")}
    assert set(late) == {"both", "enters"}
    np.testing.assert_allclose(late["enters"].center, (20, 0, 0))     # no velocity known: held
    np.testing.assert_allclose(late["both"].size, (2.2, 4.4, 1.6))
    with pytest.raises(CvdError, match="not between its keyframes"):
        interpolate_annotations(before, t0, after, t1, 600_000, "h")


def _edit(root, fn):
    path = root / VERSION / "sample_data.json"
    rows = json.loads(path.read_text())
    fn(rows)
    path.write_text(json.dumps(rows))


def test_broken_chains_name_the_record(swept, tmp_path):
    def case(name, fn, *needles):
        d = tmp_path / name
        shutil.copytree(swept, d)
        _edit(d, fn)
        r = NuScenesReader(d, VERSION)
        with pytest.raises(CvdError) as e:
            for s in r.scene_names():
                r.scene_frames(s, "camera")
        msg = str(e.value)
        assert "\n" not in msg
        for n in needles:
            assert n in msg, msg

    victim = [None]

    def dangling(rows):
        r = next(r for r in rows if r["token"].endswith("_sweep2"))
        victim[0] = r["token"]
        r["next"] = "nowhere"
    case("dangling", dangling, "nowhere", "dangling reference")
    assert victim[0]

    def out_of_order(rows):
        r = next(r for r in rows if r["token"].endswith("_sweep3"))
        r["timestamp"] -= 200_000
        victim[0] = r["token"]
    case("order", out_of_order, "out of order")

    def cut(rows):
        r = next(r for r in rows if r["token"].endswith("_sweep4"))
        r["next"] = ""
        victim[0] = r["token"]
    case("cut", cut, "chain ends", "incomplete")


def test_a_dropped_camera_frame_is_skipped_and_reported(swept, tmp_path):
    d = tmp_path / "drop"
    shutil.copytree(swept, d)
    cams = {}

    def drop(rows):
        # CAM_BACK loses its 3rd sweep of the first interval: the chain links around it
        calib = {r["token"]: r for r in raw_table(d, VERSION, "calibrated_sensor")}
        sensor = {r["token"]: r["channel"] for r in raw_table(d, VERSION, "sensor")}
        back = [r for r in rows if sensor[calib[r["calibrated_sensor_token"]]["sensor_token"]] == "CAM_BACK"]
        gone = next(r for r in back if r["token"].endswith("_sweep3"))
        by = {r["token"]: r for r in rows}
        by[gone["prev"]]["next"] = gone["next"]
        by[gone["next"]]["prev"] = gone["prev"]
        rows.remove(gone)
        cams["gone"] = gone["timestamp"]

    _edit(d, drop)
    r = NuScenesReader(d, VERSION)
    scene = r.scene_names()[0]
    with pytest.warns(UserWarning, match="skipped 1 of"):
        frames = r.scene_frames(scene, "camera")
    full = NuScenesReader(swept, VERSION).scene_frames(scene, "camera")
    assert len(frames) == len(full) - 1 and r.sync_report[scene]["skipped"] == [full[3]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for f in frames:                                            # no frame shows CAM_BACK's neighbour
            assert abs(r.camera(f, "CAM_BACK").timestamp - r.camera(f, "CAM_FRONT").timestamp
                       - (STAGGER_US["CAM_BACK"] - STAGGER_US["CAM_FRONT"])) < 1000
    with pytest.raises(CvdError, match="unknown frame rate"):
        r.scene_frames(scene, "12hz")


def test_clips_at_either_rate_and_a_fresh_reader_finds_sweep_frames(swept):
    from cvdstorm.config import DataConfig
    from cvdstorm.data.clips import ClipDataset

    cfg = DataConfig.from_preset("tiny", dataroot=str(swept), version=VERSION, split="all", num_frames=7, clip_hop=6)
    key = ClipDataset(DataConfig.from_dict({**cfg.to_dict(), "num_frames": 3, "clip_hop": 1}))
    cam = ClipDataset(DataConfig.from_dict({**cfg.to_dict(), "frame_rate": "camera"}))
    assert all(all(key.reader.is_keyframe(f) for f in fr) for _, fr in key.index)
    assert len(key) == 2 * 3 and len(cam) == 2 * 4                   # 5 keyframes = 25 camera frames per scene
    scene, frames = cam.index[0]
    assert len(frames) == 7 and cam.reader.is_keyframe(frames[0]) and cam.reader.is_keyframe(frames[6])
    clip = cam[0]
    assert clip["keyframes"].tolist() == [True] + [False] * 5 + [True]
    dt = np.diff(clip["timestamps"].numpy())
    np.testing.assert_allclose(dt, dt[0], rtol=1e-3)                  # one camera rate
    # a run folder or a latent cache names sweep frames: a new reader indexes them on demand
    again = load_clip(NuScenesReader(swept, VERSION), frames, 32, 56)
    np.testing.assert_array_equal(again["images"].numpy(), clip["images"].numpy())
    for b0, b1 in zip(again["boxes"], clip["boxes"]):
        np.testing.assert_array_equal(b0["center"], b1["center"])
    with pytest.raises(CvdError, match="frame_rate"):
        ClipDataset(DataConfig.from_dict({**cfg.to_dict(), "frame_rate": "12hz"}))


def test_a_dataset_without_sweeps_says_so(synth_root):
    r = NuScenesReader(synth_root, VERSION)
    with pytest.warns(UserWarning, match="no camera sweeps"):
        assert r.scene_frames(r.scene_names()[0], "camera") == r.scene_samples(r.scene_names()[0])
