"""Reader, clips and control images on the synthetic world, plus bad-input handling."""

import json
import shutil

import numpy as np
import pytest
import torch

from cvdstorm import CAMERAS
from cvdstorm.config import DataConfig
from cvdstorm.data.clips import ClipDataset, collate_clips
from cvdstorm.data.conditions import clip_segments, clip_to_rect, control_images, draw_segments
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.errors import CvdError
from cvdstorm.geometry import invert_pose, make_pose, quat_to_rotmat


def test_reader_round_trip(synth_root):
    r = NuScenesReader(synth_root, "v1.0-synth")
    raw = json.loads((synth_root / "v1.0-synth" / "sample_annotation.json").read_text())
    got = {a.token: a for sc in r.scenes for s in r.scene_samples(sc) for a in r.annotations(s)}
    assert set(got) == {a["token"] for a in raw}
    for a in raw:
        g = got[a["token"]]
        np.testing.assert_array_equal(g.center, a["translation"])
        np.testing.assert_array_equal(g.size, a["size"])
        np.testing.assert_array_equal(g.rotation, a["rotation"])
    # velocities by central difference equal the generator's constant velocities
    from cvdstorm.data import synth_world as W
    from cvdstorm.data.synthetic import token

    for si in range(2):
        scene = W.make_scene(np.random.default_rng([7, si]), 5, 2.0)
        for ai, agent in enumerate(scene.agents):
            tok = token(7, "sample_annotation", si, 2, ai)
            if tok in got and np.isfinite(got[tok].velocity).all():
                np.testing.assert_allclose(got[tok].velocity, scene.boxes.velocity[agent.box], atol=1e-6)
    assert [len(r.scene_samples(sc)) for sc in r.scenes] == [5, 5]
    assert r.scene_names("val") == ["scene-0002"]
    assert "pedestrian" in r.caption(r.scene_samples(r.scenes[0])[0])


def test_map_polylines(synth_root):
    r = NuScenesReader(synth_root, "v1.0-synth")
    m = r.map_polylines(r.scenes[0])
    assert set(m) == {"lane_divider", "road_divider", "ped_crossing", "road_edge", "ego_path"}
    assert all(len(m[k]) > 0 for k in m)
    for ring in m["ped_crossing"] + m["road_edge"]:
        np.testing.assert_array_equal(ring[0], ring[-1])  # closed
    assert m["ego_path"][0].shape == (5, 2)


@pytest.fixture(scope="module")
def clip(synth_root):
    cfg = DataConfig(dataroot=str(synth_root), split="train", num_frames=4, height=64, width=112)
    return ClipDataset(cfg)[0]


def test_clip_contract(clip):
    T, V, H, W = 4, 6, 64, 112
    assert clip["images"].shape == (T, V, 3, H, W) and clip["images"].min() >= -1 and clip["images"].max() <= 1
    assert clip["intrinsics"].shape == (T, V, 3, 3) and clip["cam_to_world"].shape == (T, V, 4, 4)
    torch.testing.assert_close(clip["ego_to_world"][0], torch.eye(4))  # world = first ego pose
    assert clip["timestamps"][0] == 0 and torch.allclose(clip["timestamps"], torch.arange(4.0, dtype=torch.float64) / 2)
    assert len(clip["boxes"]) == T and len(clip["captions"]) == T
    # LiDAR depth lies within the dense depth's range over the pixel's 3x3 neighbourhood
    # (a point hits somewhere inside its pixel; the dense map samples the pixel centre)
    d, l = clip["depth"].flatten(0, 1)[:, None], clip["lidar_depth"].flatten(0, 1)[:, None]
    hi = torch.nn.functional.max_pool2d(d, 3, 1, 1)
    lo = -torch.nn.functional.max_pool2d(-torch.where(d > 0, d, torch.inf), 3, 1, 1)
    both = (l > 0) & torch.isfinite(lo)
    inside = (l >= lo * 0.995 - 0.01) & (l <= hi * 1.005 + 0.01)
    assert both.sum() > 500 and inside[both].float().mean() > 0.95


def test_dataloader_workers_match(synth_root):
    cfg = DataConfig(dataroot=str(synth_root), split="all", num_frames=2, height=32, width=56)
    ds = ClipDataset(cfg)
    single = [collate_clips([ds[i]]) for i in range(len(ds))]
    loader = torch.utils.data.DataLoader(ds, batch_size=1, num_workers=2, collate_fn=collate_clips)
    for a, b in zip(single, loader):
        for k in ("images", "depth", "lidar_depth", "cam_to_world"):
            assert torch.equal(a[k], b[k])
        assert a["captions"] == b["captions"]


def test_wireframes_lie_on_objects(synth_root, clip):
    """Pixels drawn for well-visible boxes touch pixels of the object's semantic class."""
    from cvdstorm.data import synth_world as W
    from cvdstorm.io import read_image

    r = NuScenesReader(synth_root, "v1.0-synth")
    frac = []
    for t, s in enumerate(clip["samples"]):
        b = clip["boxes"][t]
        vis = {a.instance: a.visibility for a in r.annotations(s)}
        for v, cam in enumerate(CAMERAS):
            sem = read_image(r.root / "semantic" / cam / (r.camera(s, cam).filename.stem + ".png"))
            for i in range(len(b["cls"])):
                if vis[b["instance"][i]] != "4":
                    continue
                one = {k: (x[i:i + 1] if k != "instance" else x[i:i + 1]) for k, x in b.items()}
                img = control_images([one], {}, clip["intrinsics"][t:t + 1, v:v + 1], clip["cam_to_world"][t:t + 1, v:v + 1],
                                     64, 112)[0, 0].sum(0) > 0
                if img.sum() < 10:
                    continue
                want = W.PEDESTRIAN if b["cls"][i] == 5 else W.VEHICLE
                near = np.zeros_like(img)
                obj = sem == want
                for dv in (-1, 0, 1):  # within one pixel
                    for du in (-1, 0, 1):
                        near |= np.roll(np.roll(obj, dv, 0), du, 1)
                frac.append((near & img).sum() / img.sum())
    assert len(frac) > 3 and np.median(frac) > 0.8, frac


def test_near_plane_clipping_matches_brute_force():
    K = np.array([[50.0, 0, 32], [0, 50.0, 24], [0, 0, 1]])
    p0 = np.array([[0.5, 0.3, -3.0]])
    p1 = np.array([[-0.4, 0.2, 6.0]])  # straddles the camera plane
    img = draw_segments(p0, p1, np.array([[255, 255, 255]]), np.eye(4), K, 48, 64, near=0.2).sum(-1) > 0
    s = np.linspace(0, 1, 200001)[:, None]
    pts = p0 + s * (p1 - p0)
    pts = pts[pts[:, 2] >= 0.2]
    uv = pts[:, :2] / pts[:, 2:] @ K[:2, :2].T + K[:2, 2]
    uv = uv[(uv[:, 0] >= 0) & (uv[:, 0] < 64) & (uv[:, 1] >= 0) & (uv[:, 1] < 48)]
    ref = np.zeros((48, 64), bool)
    ref[uv[:, 1].astype(int), uv[:, 0].astype(int)] = True
    # every brute-force pixel is drawn (or has a drawn neighbour: rasterisers differ by a pixel)
    grown = img | np.roll(img, 1, 0) | np.roll(img, -1, 0) | np.roll(img, 1, 1) | np.roll(img, -1, 1)
    assert ref.sum() > 20 and (ref & ~grown).sum() == 0
    assert (img & ~(ref | np.roll(ref, 1, 0) | np.roll(ref, -1, 0) | np.roll(ref, 1, 1) | np.roll(ref, -1, 1))).sum() <= 2
    a, b = clip_segments(p0, p1, 0.2)
    assert a[0, 2] == pytest.approx(0.2) and b[0, 2] == 6.0
    a2, b2, inside = clip_to_rect(np.array([[-10.0, 5.0], [1.0, 1.0]]), np.array([[20.0, 5.0], [-5.0, -5.0]]), 0, 0, 10, 10)
    np.testing.assert_allclose(a2[0], [0, 5]) and np.testing.assert_allclose(b2[0], [10, 5])
    assert inside.tolist() == [True, True]


def test_camera_permutation_permutes_controls(clip):
    perm = [3, 0, 5, 1, 4, 2]
    a = control_images(clip["boxes"], clip["map"], clip["intrinsics"], clip["cam_to_world"], 64, 112)
    b = control_images(clip["boxes"], clip["map"], clip["intrinsics"][:, perm], clip["cam_to_world"][:, perm], 64, 112)
    np.testing.assert_array_equal(a[:, perm], b)
    assert a.max() == 1.0 and a.mean() > 0.001


# ------------------------------------------------------------------------------- bad input
@pytest.fixture
def broken(synth_root, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(synth_root, root)
    return root


def test_missing_table(broken):
    (broken / "v1.0-synth" / "ego_pose.json").unlink()
    with pytest.raises(CvdError, match="ego_pose.*does not exist"):
        NuScenesReader(broken, "v1.0-synth")


def test_nan_pose(broken):
    f = broken / "v1.0-synth" / "ego_pose.json"
    rows = json.loads(f.read_text())
    rows[3]["translation"][0] = float("nan")
    f.write_text(json.dumps(rows))
    r = NuScenesReader(broken, "v1.0-synth")
    cfg = DataConfig(dataroot=str(broken), split="all", num_frames=5, height=32, width=56)
    with pytest.raises(CvdError, match=f"ego_pose {rows[3]['token']}.*NaN"):
        for i in range(len(ClipDataset(cfg, r))):
            ClipDataset(cfg, r)[i]


def test_truncated_image(broken):
    img = sorted((broken / "samples" / "CAM_FRONT").glob("*.jpg"))[0]
    img.write_bytes(img.read_bytes()[:300])
    cfg = DataConfig(dataroot=str(broken), split="all", num_frames=5, height=32, width=56)
    with pytest.raises(CvdError, match=f"corrupt CAM_FRONT image: .*{img.name}"):
        ClipDataset(cfg)[0]


def test_unknown_camera(synth_root):
    r = NuScenesReader(synth_root, "v1.0-synth")
    with pytest.raises(CvdError, match="unknown camera 'CAM_ROOF'"):
        r.camera(r.scene_samples(r.scenes[0])[0], "CAM_ROOF")
    with pytest.raises(CvdError, match="unknown scene"):
        r.scene("scene-9999")


def test_cli_errors_are_one_line_and_keep_outputs(broken, tmp_path, capsys):
    from cvdstorm.cli import main

    out = tmp_path / "preview.mp4"
    assert main(["preview", "--dataroot", str(broken), "--out", str(out), "--width", "56", "--height", "32",
                 "--frames", "2"]) == 0
    good = out.read_bytes()
    capsys.readouterr()
    (broken / "v1.0-synth" / "sample.json").write_text("{ not json")
    assert main(["preview", "--dataroot", str(broken), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sample.json" in err and "Traceback" not in err
    assert out.read_bytes() == good
    assert main(["preview", "--dataroot", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err
