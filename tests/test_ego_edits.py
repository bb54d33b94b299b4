"""Issue 25: ego-path edits (lane change, speed, pose lists) and the exact views of any ego path:
closed forms of the profiles, byte identity with the dataset along the recorded path, the pinhole
shift of a lateral move, generation following the new path, and one-line refusals."""

import io
import json
import math

import numpy as np
import pytest
import yaml
from PIL import Image

from cvdstorm import CAMERAS
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.data.synth.truth import instant, path_views, run_views, synth_scene
from cvdstorm.data.synth.sensors import rig_calibration
from cvdstorm.data.synth.writer import SynthConfig, write_dataset
from cvdstorm.images import DEPTH_PNG_MAX
from cvdstorm.errors import CvdError
from cvdstorm.geometry import make_pose
from cvdstorm.io import read_image
from cvdstorm.pipelines import generate as pipeline
from cvdstorm.pipelines.ego_edits import EgoTrack, check_ego, ego_poses
from checkpoints import make_checkpoint
from conftest import fails

CFG = SynthConfig(scenes=1, frames=8, width=112, height=64, seed=3, lidar_azimuths=256, workers=1)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("ego")
    write_dataset(root / "data", CFG, progress=False)
    return {"root": root, "data": root / "data", "ckpt": make_checkpoint(root / "ckpt", root / "data")}


def straight(speed=5.0, n=9, hz=2.0):
    """A recorded path along +x at constant speed, n frames at hz."""
    t = np.arange(n) / hz
    return EgoTrack(t, make_pose(np.eye(3)[None].repeat(n, 0), np.stack([speed * t, 0 * t, 0 * t], -1)))


def xy_yaw(p):
    return p[..., 0, 3], p[..., 1, 3], np.arctan2(p[..., 1, 0], p[..., 0, 0])


# ------------------------------------------------------------------------------- closed forms
def test_lane_change_cosine_profile_and_heading():
    track, t = straight(), np.arange(9) / 2.0
    new = ego_poses({"lane_change": {"offset": 2.0, "start": 1.0, "duration": 2.0}}, track, t, references=3)
    x, y, yaw = xy_yaw(new)
    s = np.clip((t - 1.0) / 2.0, 0, 1)
    np.testing.assert_allclose(x, 5.0 * t, atol=1e-9)                        # same progress along the path
    np.testing.assert_allclose(y, 2.0 * (1 - np.cos(np.pi * s)) / 2, atol=1e-9)
    # heading along the bent path: atan(d'(t) / v), d' = d pi / (2 T) sin(pi s); straight before and after
    np.testing.assert_allclose(yaw, np.arctan2(2.0 * np.pi / 4.0 * np.sin(np.pi * s), 5.0), atol=1e-6)
    assert yaw[t >= 3.0].max() < 1e-9 and np.allclose(new[:3], track.poses[:3])


def test_speed_factor_retimes_the_recorded_path_from_the_last_reference():
    t = np.arange(12) / 2.0
    yaw0 = 0.1 * t                                                            # a curving recorded path
    R = np.stack([[np.cos(yaw0), -np.sin(yaw0), 0 * t], [np.sin(yaw0), np.cos(yaw0), 0 * t], [0 * t, 0 * t, 1 + 0 * t]])
    track = EgoTrack(t, make_pose(R.transpose(2, 0, 1), np.stack([3 * t, 0.2 * t ** 2, 0 * t], -1)))
    frames = t[:6]
    for k in (0.5, 1.5):
        new = ego_poses({"speed": k}, track, frames, references=2)
        src = np.where(frames > 0.5, 0.5 + k * (frames - 0.5), frames)          # the references as recorded
        np.testing.assert_allclose(new, track.recorded(src), atol=1e-12)
        np.testing.assert_allclose(new[:2], track.poses[:2], atol=1e-12)


def test_pose_deltas_and_absolute_poses():
    track, t = straight(), np.arange(9) / 2.0
    ego = {"poses": [{"t": 1.5, "dy": -1.0}, {"t": 2.5, "dx": 1.0, "dy": -3.0, "dyaw": 10.0}]}
    x, y, yaw = xy_yaw(ego_poses(ego, track, t, references=3))
    dy = np.where(t < 1.5, 0.0, np.interp(t, [1.5, 2.5], [-1.0, -3.0]))          # 0 before, linear, then held
    dyaw = np.where(t < 1.5, 0.0, np.interp(t, [1.5, 2.5], [0.0, math.radians(10)]))
    dx = np.where(t < 1.5, 0.0, np.interp(t, [1.5, 2.5], [0.0, 1.0]))
    np.testing.assert_allclose(y, dy, atol=1e-9)
    np.testing.assert_allclose(x, 5.0 * t + dx, atol=1e-9)
    np.testing.assert_allclose(yaw, dyaw, atol=1e-9)
    ego = {"poses": [{"t": 1.0, "x": 0.0, "y": 0.0, "yaw": 0.0}, {"t": 4.0, "x": 15.0, "y": 3.0, "yaw": 90.0}]}
    x, y, yaw = xy_yaw(ego_poses(ego, track, t, references=2))
    np.testing.assert_allclose(x[2:], 5 * (t[2:] - 1.0), atol=1e-9)
    np.testing.assert_allclose(yaw[2:], np.radians(30 * (t[2:] - 1.0)), atol=1e-9)    # slerp about z: linear yaw


# ------------------------------------------------------------------------------------ refusals
@pytest.mark.parametrize("ego,needle", [
    ({"lane_change": {"offset": float("nan"), "start": 1.0, "duration": 2.0}}, "ego.lane_change.offset"),
    ({"lane_change": {"offset": float("inf"), "start": 1.0, "duration": 2.0}}, "ego.lane_change.offset"),
    ({"lane_change": {"offset": 2.0, "start": 1.0, "duration": 0}}, "ego.lane_change.duration"),
    ({"lane_change": {"offset": 2.0, "start": 1.0}}, "ego.lane_change needs"),
    ({"speed": 0}, "ego.speed must be a finite number > 0"),
    ({"speed": -1.5}, "ego.speed must be a finite number > 0"),
    ({"speed": "fast"}, "ego.speed"),
    ({"poses": [{"t": 2.0, "dy": 1.0}, {"t": 1.0, "dy": 2.0}]}, "ego.poses times must increase strictly"),
    ({"poses": [{"t": 2.0, "dy": 1.0}, {"t": 2.0, "dy": 2.0}]}, "ego.poses times must increase strictly"),
    ({"poses": [{"t": 2.0, "dy": float("nan")}]}, "ego.poses[0].dy"),
    ({"poses": [{"t": 2.0, "x": 1.0, "y": 0.0, "yaw": 0.0}], "speed": 2.0}, "cannot be combined"),
    ({"turbo": 1}, "unknown ego key"),
])
def test_bad_ego_form_is_one_clear_error(ego, needle):
    with pytest.raises(CvdError, match="edit: ") as e:
        check_ego(ego)
    assert needle in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("ego,needle", [
    ({"lane_change": {"offset": 2.0, "start": 2.0, "duration": 2.5}}, "after the scene's time span"),
    ({"lane_change": {"offset": 2.0, "start": 3.0, "duration": 0.5}}, "after the last generated frame"),
    ({"lane_change": {"offset": 2.0, "start": 0.5, "duration": 1.0}}, "would move a reference frame"),
    ({"speed": 3.0}, "ego.speed 3 needs the recorded path up to"),
    ({"poses": [{"t": 0.0, "dy": 0.0}, {"t": 2.0, "dy": 2.0}]}, "moves reference frame 1"),
    ({"poses": [{"t": 1.5, "x": 0.0, "y": 0.0, "yaw": 0.0}]}, "absolute ego.poses cover"),
    ({"poses": [{"t": 4.5, "dy": 1.0}]}, "after the scene's time span"),
])
def test_ego_edit_against_the_scene_is_one_clear_error(ego, needle):
    track, t = straight(), np.arange(6) / 2.0                                 # scene 0..4 s, frames 0..2.5 s
    with pytest.raises(CvdError) as e:
        ego_poses(ego, track, t, references=3)
    assert needle in str(e.value) and "\n" not in str(e.value)


def test_far_off_the_recorded_path_is_warned_not_refused():
    track, t = straight(), np.arange(6) / 2.0
    with pytest.warns(UserWarning, match="may leave the road"):
        ego_poses({"lane_change": {"offset": -9.0, "start": 1.0, "duration": 1.0}}, track, t, references=3)


def test_cli_refuses_bad_ego_edits_before_the_models_load(world, tmp_path, capsys, monkeypatch):
    loads = []
    monkeypatch.setattr(pipeline.CVDStormPipeline, "from_pretrained", lambda *a, **k: loads.append(1))
    base = ["generate", "--checkpoint", str(world["ckpt"]), "--dataroot", str(world["data"]), "--frames", "4",
            "--references", "1"]
    cases = [({"ego": {"speed": 0}}, "ego.speed"), ({"ego": {"lane_change": {"offset": 2, "start": 1.0, "duration": 3}}},
                                                    "after the scene's time span"),
             ({"ego": {"lane_change": {"offset": 2, "start": -1, "duration": 1}}}, "lane_change.start"),
             ({"ego": {"poses": [{"t": 0.0, "dy": 1.0}]}}, "moves reference frame 0")]
    for k, (edit, needle) in enumerate(cases):
        (tmp_path / f"e{k}.yaml").write_text(yaml.safe_dump(edit))
        fails(capsys, base + ["--edits", str(tmp_path / f"e{k}.yaml"), "--out", str(tmp_path / f"o{k}")], needle)
        assert not (tmp_path / f"o{k}").exists()
    assert loads == []


# --------------------------------------------------------------------------------- exact views
def test_exact_views_along_the_recorded_path_are_the_datasets_files(world):
    reader = NuScenesReader(world["data"])
    name = reader.scene_names()[0]
    scene = synth_scene(reader, name)
    calib = rig_calibration(CFG.width, CFG.height)
    K, c2e = np.stack([calib[c][0] for c in CAMERAS]), np.stack([calib[c][1] for c in CAMERAS])
    frames = [0, 5]
    v = path_views(scene, [scene.keyframe(f) for f in frames], K, c2e, CFG.height, CFG.width)
    again = path_views(scene, [scene.keyframe(f) for f in frames], K, c2e, CFG.height, CFG.width)
    assert all(np.array_equal(v[k], again[k]) for k in v)                      # deterministic
    samples = reader.scene_samples(name)
    for n, f in enumerate(frames):
        for c, cam in enumerate(CAMERAS):
            fn = reader.camera(samples[f], cam).filename
            jpg = io.BytesIO()
            Image.fromarray(v["rgb"][n, c]).save(jpg, format="JPEG", quality=CFG.jpeg_quality)
            assert jpg.getvalue() == fn.read_bytes()                          # byte-identical image
            d16 = np.where((v["depth"][n, c] > 0) & (v["depth"][n, c] < DEPTH_PNG_MAX),
                           np.round(v["depth"][n, c] * 256), 0).astype(np.uint16)
            assert np.array_equal(read_image(world["data"] / "depth" / cam / f"{fn.stem}.png"), d16)
            assert np.array_equal(read_image(world["data"] / "semantic" / cam / f"{fn.stem}.png"), v["semantic"][n, c])


def test_a_lateral_shift_moves_every_point_as_the_pinhole_model_says(world):
    """Ego dy metres left: for the front camera (optical axis = ego x) a world point keeps its depth z
    and moves u -> u + f dy / z (camera x points right, the camera moved left)."""
    reader = NuScenesReader(world["data"])
    scene = synth_scene(reader, reader.scene_names()[0])
    calib = rig_calibration(CFG.width, CFG.height)
    K, c2e = calib["CAM_FRONT"]
    c2e = c2e.copy()
    c2e[1, 3] = 0.0                       # on the ego's axis, so the camera's x is exactly the ego's -y
    at, dy = scene.keyframe(3), 1.5
    moved = instant(at.t, at.pose() @ make_pose(np.eye(3), np.array([0.0, dy, 0.0])))
    a, b = (path_views(scene, [x], K[None], c2e[None], CFG.height, CFG.width) for x in (at, moved))
    za, zb = a["depth"][0, 0], b["depth"][0, 0]
    H, W = za.shape
    v, u = np.mgrid[0:H, 0:W]
    # points on objects (buildings, trees, vehicles: depth varies along a row, unlike the ground's
    # f h / (v - cy)), on smooth surfaces (no depth edge at a neighbour), so the shifted pixel sees them
    ok = (za > 1) & (za < 60) & (a["semantic"][0, 0] >= 3)
    pad = np.pad(za, 1, mode="edge")
    nb = np.stack([pad[1 + i:H + 1 + i, 1 + j:W + 1 + j] for i in (-1, 0, 1) for j in (-1, 0, 1)])
    ok &= np.abs(nb - za).max(0) < 0.05 * za
    grad = np.abs(pad[1:-1, 2:] - pad[1:-1, :-2]) / 2                         # |dz/du| per pixel
    tol = 0.6 * grad + 0.002 * za + 0.01                                      # half a pixel off the point, rounding
    shift = K[0, 0] * dy / np.where(ok, za, 1.0)                              # f dy / z pixels to the right
    col = np.floor(u + 0.5 + shift).astype(int)
    ok &= (col >= 0) & (col < W) & (grad * shift > 2 * tol)                   # where a wrong column would show
    pred, tol = za[ok], tol[ok]
    hit = np.abs(zb[v[ok], col[ok]] - pred) < tol
    stay = np.abs(zb[ok] - pred) < tol                                        # the same pixel, no shift: wrong
    assert ok.sum() > 50 and hit.mean() > 0.9 and stay.mean() < 0.2, (ok.sum(), hit.mean(), stay.mean())
    assert (b["semantic"][0, 0][v[ok], col[ok]][hit] == a["semantic"][0, 0][ok][hit]).mean() > 0.95


# ----------------------------------------------------------------------------------- generation
def test_generation_follows_the_new_path_and_keeps_the_world(world, tmp_path):
    cfg = dict(checkpoint=str(world["ckpt"]), dataroot=str(world["data"]), frames=4, references=1, steps=1)
    base = pipeline.generate(pipeline.GenerateConfig(**cfg), tmp_path / "base", progress=False)
    ego = {"lane_change": {"offset": -2.0, "start": 0.5, "duration": 1.0}, "speed": 1.5}
    (tmp_path / "lc.yaml").write_text(yaml.safe_dump({"ego": ego}))
    out = pipeline.generate(pipeline.GenerateConfig(**cfg, edits=str(tmp_path / "lc.yaml")), tmp_path / "lc",
                            progress=False)
    a, b = (json.loads((d / "scene.json").read_text()) for d in (base, out))
    assert yaml.safe_load((out / "run.yaml").read_text())["edits"] == {"ego": ego}
    reader = NuScenesReader(world["data"])
    scene_frames = reader.scene_samples(a["scene"])
    world_pose = np.linalg.inv(np.asarray(a["world_to_global"]))
    t0 = reader.timestamp(scene_frames[0])
    track = EgoTrack(np.array([(reader.timestamp(s) - t0) * 1e-6 for s in scene_frames]),
                     np.stack([world_pose @ reader.ego_pose(s) for s in scene_frames]))
    want = ego_poses(ego, track, np.asarray(a["timestamps"]), references=1)
    e_new, e_old = np.asarray(b["ego_to_world"]), np.asarray(a["ego_to_world"])
    np.testing.assert_allclose(e_new, want, atol=1e-4)
    np.testing.assert_allclose(b["recorded_ego_to_world"], e_old, atol=0)
    _, y, _ = xy_yaw(np.linalg.inv(e_old[3]) @ e_new[3])
    assert abs(y + 2.0) < 1e-3                                                # 2 m right at the end
    # every camera moved with its frame's ego; boxes (other agents) as recorded; reference frame as before
    move = e_new @ np.linalg.inv(e_old)
    np.testing.assert_allclose(b["cam_to_world"], np.einsum("fij,fvjk->fvik", move, np.asarray(a["cam_to_world"])),
                               atol=1e-4)
    assert b["boxes"] == a["boxes"]
    np.testing.assert_allclose(b["cam_to_world"][0], a["cam_to_world"][0], atol=0)
    assert np.array_equal(np.load(out / "rgb.npy")[:1], np.load(base / "rgb.npy")[:1])
    from cvdstorm.io import read_video

    ctl_a, ctl_b = read_video(base / "controls.mp4").astype(float), read_video(out / "controls.mp4").astype(float)
    assert np.abs(ctl_a[0] - ctl_b[0]).mean() < 1.0 < np.abs(ctl_a[3] - ctl_b[3]).mean()
    # the exact views of the run follow its new cameras: at the last frame they differ from the recorded ones
    va = run_views(reader, a, 32, 56, frames=[0, 3])
    vb = run_views(reader, b, 32, 56, frames=[0, 3])
    assert np.array_equal(va["rgb"][0], vb["rgb"][0]) and not np.array_equal(va["depth"][1], vb["depth"][1])


# ------------------------------------------------------------------------------ counterfactual eval
def test_counterfactual_stage_scores_both_routes_beside_the_factual_twin(world, tmp_path, capsys):
    from cvdstorm.cli import main
    from cvdstorm.eval.counterfactual import evaluate_counterfactual

    out = tmp_path / "cf"
    res = evaluate_counterfactual(world["ckpt"], world["data"], out, shifts=(2.0,), speeds=(), steps=1, fid=False,
                                  log=None)
    table = res["table"]
    assert set(table) == {"factual", "shift_2m"} and all(set(t) == {"diffusion", "gaussians", "exact"}
                                                         for t in table.values())
    for edit, per in table.items():
        assert per["exact"]["control_miou"] == 1.0 and per["exact"]["vehicles"] > 0   # the truth scores itself
        for route in ("diffusion", "gaussians"):
            r = per[route]
            assert math.isfinite(r["psnr"]) and 0 <= r["control_miou"] <= 1 and r["depth_abs_rel"] > 0
        assert (out / "side_by_side" / f"scene-0001_{edit}.png").is_file()
    assert table["factual"]["diffusion"]["vs_factual"] == {"control_miou": 1.0, "vehicle_iou": 1.0, "psnr": 0.0}
    spec = yaml.safe_load((out / "runs" / "scene-0001" / "shift_2m.yaml").read_text())
    assert spec == {"ego": {"lane_change": {"offset": -2.0, "start": 1.0, "duration": 1.0}}}  # from the 3rd reference
    rows = (out / "eval_counterfactual.csv").read_text().splitlines()
    assert len(rows) == 1 + 6 and rows[0].startswith("edit,route,")
    # an existing run from the command line: scored against the exact views of its own (edited) path
    assert main(["evaluate", "--stage", "counterfactual", "--runs", str(out / "runs" / "scene-0001" / "shift_2m"),
                 "--out", str(tmp_path / "one"), "--no-fid"]) == 0
    one = json.loads((tmp_path / "one" / "eval_counterfactual.json").read_text())["table"]["shift_2m"]
    assert one["diffusion"]["psnr"] == pytest.approx(table["shift_2m"]["diffusion"]["psnr"]) and "gaussians" not in one
    fails(capsys, ["evaluate", "--stage", "counterfactual", "--runs", str(out), "--out", str(tmp_path / "x"),
                   "--speeds", "0"], "--speeds must be numbers > 0")
