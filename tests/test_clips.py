"""ClipDataset: the DATA.md contract, geometry against the raw tables, LiDAR vs dense depth,
map cropping, windows and splits, DataLoader workers, bad files."""

import json
import shutil

import numpy as np
import pytest
import torch
from PIL import Image
from scipy.spatial.transform import Rotation

from cvdstorm import CAMERAS
from cvdstorm.config import DataConfig
from cvdstorm.data.clips import ClipDataset, collate_clips, lidar_depth_map, polylines_near
from cvdstorm.data.maps import MAP_LAYERS
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.errors import CvdError
from tables import raw_table, table_pose

VERSION = "v1.0-synth"
T, V, H, W = 4, 6, 64, 112  # synth_root's native size


def _raw(root, table):
    return raw_table(root, VERSION, table)


_pose = table_pose


@pytest.fixture(scope="module")
def ds(synth_root):
    return ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=T, frame_stride=1, clip_hop=1,
                                  height=H, width=W))


@pytest.fixture(scope="module")
def clip(ds):
    return ds[1]  # second window of scene 1: frames 1..4, so clip world != the scene's first pose


def test_contract_shapes_ranges_types(clip):
    assert clip["images"].shape == (T, V, 3, H, W) and clip["images"].dtype == torch.float32
    assert -1 <= clip["images"].min() < 0 < clip["images"].max() <= 1
    assert clip["intrinsics"].shape == (T, V, 3, 3) and clip["cam_to_world"].shape == (T, V, 4, 4)
    assert clip["ego_to_world"].shape == (T, 4, 4)
    torch.testing.assert_close(clip["ego_to_world"][0], torch.eye(4), atol=1e-6, rtol=0)
    assert clip["timestamps"].dtype == torch.float64
    torch.testing.assert_close(clip["timestamps"], torch.arange(T, dtype=torch.float64) * 0.5)
    assert clip["depth"].shape == clip["lidar_depth"].shape == (T, V, H, W)
    assert (clip["depth"] >= 0).all() and (clip["lidar_depth"] >= 0).all()
    assert len(clip["boxes"]) == len(clip["captions"]) == len(clip["samples"]) == T
    assert tuple(clip["map"]) == MAP_LAYERS and all(p.shape[1] == 3 for ls in clip["map"].values() for p in ls)
    for b in clip["boxes"]:
        n = len(b["cls"])
        assert b["center"].shape == b["size"].shape == b["velocity"].shape == (n, 3)
        assert b["yaw"].shape == (n,) and b["rotation"].shape == (n, 4) and len(b["instance"]) == n
    assert all(isinstance(c, str) and c for c in clip["captions"])


def test_images_and_intrinsics_follow_the_files(synth_root, ds, clip):
    """Images equal the JPEGs; at half size, images are PIL's resize and K is scaled by 1/2."""
    r = ds.reader
    s = clip["samples"][2]
    for v, cam in enumerate(CAMERAS):
        c = r.camera(s, cam)
        want = np.asarray(Image.open(c.filename).convert("RGB"), np.float32) / 127.5 - 1
        np.testing.assert_allclose(clip["images"][2, v].numpy().transpose(1, 2, 0), want, atol=1e-6)
        np.testing.assert_allclose(clip["intrinsics"][2, v].numpy(), c.K, rtol=1e-6)
    half = ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=T, clip_hop=1, height=H // 2,
                                  width=W // 2), r)[1]
    np.testing.assert_allclose(half["intrinsics"].numpy(), clip["intrinsics"].numpy() * [[0.5], [0.5], [1]], rtol=1e-6)
    c = r.camera(s, "CAM_BACK")
    want = np.asarray(Image.open(c.filename).convert("RGB").resize((W // 2, H // 2), Image.BILINEAR), np.float32)
    np.testing.assert_allclose(half["images"][2, 4].numpy().transpose(1, 2, 0), want / 127.5 - 1, atol=1e-5)


def test_poses_boxes_map_in_clip_world(synth_root, clip):
    """cam_to_world, boxes and map from the raw tables with scipy rotations: E0^-1 @ global."""
    ego = {e["token"]: e for e in _raw(synth_root, "ego_pose")}
    cs = {c["token"]: c for c in _raw(synth_root, "calibrated_sensor")}
    chan = {s["token"]: s["channel"] for s in _raw(synth_root, "sensor")}
    sd = {(d["sample_token"], chan[cs[d["calibrated_sensor_token"]]["sensor_token"]]): d
          for d in _raw(synth_root, "sample_data")}
    anns = {}
    for a in _raw(synth_root, "sample_annotation"):
        anns.setdefault(a["sample_token"], []).append(a)
    s0 = clip["samples"][0]
    inv0 = np.linalg.inv(_pose(ego[sd[(s0, "LIDAR_TOP")]["ego_pose_token"]]))
    for t, s in enumerate(clip["samples"]):
        np.testing.assert_allclose(clip["ego_to_world"][t].numpy(), inv0 @ _pose(ego[sd[(s, "LIDAR_TOP")]["ego_pose_token"]]),
                                   atol=1e-5)
        for v, cam in enumerate(CAMERAS):
            d = sd[(s, cam)]
            want = inv0 @ _pose(ego[d["ego_pose_token"]]) @ _pose(cs[d["calibrated_sensor_token"]])
            np.testing.assert_allclose(clip["cam_to_world"][t, v].numpy(), want, atol=1e-5)
        b = clip["boxes"][t]
        raw = {a["instance_token"]: a for a in anns[s]}
        assert sorted(b["instance"]) == sorted(raw)
        for i, inst in enumerate(b["instance"]):
            a = raw[inst]
            np.testing.assert_allclose(b["center"][i], (inv0 @ np.append(a["translation"], 1))[:3], atol=1e-4)
            np.testing.assert_allclose(b["size"][i], a["size"], atol=1e-6)
            w, x, y, z = a["rotation"]
            R = inv0[:3, :3] @ Rotation.from_quat([x, y, z, w]).as_matrix()
            assert np.cos(b["yaw"][i] - np.arctan2(R[1, 0], R[0, 0])) == pytest.approx(1, abs=1e-9)
    # every clip-map point lies on a segment of the raw map, and every kept segment is near the ego path
    raw_map = NuScenesReader(synth_root, VERSION).map_polylines(clip["scene"])
    E0 = np.linalg.inv(inv0)
    ego_xy = clip["ego_to_world"][:, :2, 3].numpy()
    for layer in ("lane_divider", "road_divider", "ped_crossing", "road_edge"):
        segs = np.concatenate([np.stack([p[:-1], p[1:]], 1) for p in raw_map[layer]])  # [S, 2, 2]
        assert len(clip["map"][layer]) > 0
        for pl in clip["map"][layer]:
            assert np.abs(pl[:, 2]).max() < 1e-4  # flat ground
            g = (E0[:2, :2] @ pl[:, :2].T).T + E0[:2, 3]
            a, ab = segs[:, 0], segs[:, 1] - segs[:, 0]
            tt = np.clip(((g[:, None] - a) * ab).sum(-1) / (ab * ab).sum(-1), 0, 1)
            dist = np.linalg.norm(a + tt[..., None] * ab - g[:, None], axis=-1).min(1)
            assert dist.max() < 1e-3
            mid = (pl[1:, :2] + pl[:-1, :2]) / 2
            near = np.linalg.norm(mid[:, None] - ego_xy[None], axis=-1).min(1)
            half = np.linalg.norm(pl[1:, :2] - pl[:-1, :2], axis=-1) / 2
            assert (near <= 80 + half + 1e-3).all()


def test_lidar_depth_agrees_with_dense_depth(ds):
    """LiDAR points projected through the reader's calibrations land on the rendered depth."""
    agree = total = 0
    for i in range(len(ds)):
        c = ds[i]
        d, lid = c["depth"].flatten(0, 1)[:, None], c["lidar_depth"].flatten(0, 1)[:, None]
        hi = torch.nn.functional.max_pool2d(d, 3, 1, 1)
        lo = -torch.nn.functional.max_pool2d(-torch.where(d > 0, d, torch.inf), 3, 1, 1)
        smooth = (lo > 0) & torch.isfinite(lo) & (hi / lo < 1.05)  # not on a depth edge
        m = (lid > 0) & smooth
        agree += int(((lid - d).abs() < 0.02 * d + 0.05)[m].sum())
        total += int(m.sum())
    assert total > 2000, total
    assert agree / total > 0.95, agree / total


def test_lidar_depth_map_is_nearest_point_per_pixel(rng):
    pts = np.concatenate([rng.uniform([-4, -3, 1.5], [4, 3, 30], (3000, 3)), rng.uniform(-5, 5, (200, 3))])
    K = np.array([[20.0, 0, 16], [0, 20.0, 12], [0, 0, 1]])
    got = lidar_depth_map(pts, np.eye(4), K, 24, 32)
    want = np.zeros((24, 32))
    for x, y, z in pts:  # brute force
        if z <= 1.0:
            continue
        u, v = int(np.floor(K[0, 0] * x / z + K[0, 2])), int(np.floor(K[1, 1] * y / z + K[1, 2]))
        if 0 <= u < 32 and 0 <= v < 24 and (want[v, u] == 0 or z < want[v, u]):
            want[v, u] = z
    np.testing.assert_allclose(got, want, rtol=1e-6)
    assert (want > 0).sum() > 300


def test_polylines_near_matches_brute_force(rng):
    lines = [np.cumsum(rng.normal(0, 4, (rng.integers(2, 30), 2)), 0) + rng.uniform(-60, 60, 2) for _ in range(40)]
    path = np.cumsum(rng.normal(0, 2, (12, 2)), 0)
    radius = 25.0
    got = polylines_near(lines, path, radius)
    # brute force: a segment is kept iff densely sampled points on it come within the radius
    want = []
    for p in lines:
        keep = []
        for a, b in zip(p[:-1], p[1:]):
            s = a + np.linspace(0, 1, 2001)[:, None] * (b - a)
            keep.append(np.linalg.norm(s[:, None] - path[None], axis=-1).min() < radius)
        run = []
        for j, k in enumerate(keep + [False]):
            if k:
                run.append(j)
            elif run:
                want.append(p[run[0]:run[-1] + 2])
                run = []
    assert len(got) == len(want) > 5
    for a, b in zip(got, want):
        np.testing.assert_array_equal(a, b)


def test_windows_stride_and_splits(synth_root):
    r = NuScenesReader(synth_root, VERSION)
    s1 = r.scene_samples("scene-0001")
    cfg = DataConfig(dataroot=str(synth_root), split="all", num_frames=2, frame_stride=2, clip_hop=1, height=16, width=28)
    ds = ClipDataset(cfg, r)
    # a window spans 3 of the 5 keyframes; hop 1 starts one at keyframes 0, 1, 2 of each scene
    assert len(ds) == 2 * 3
    assert [s for n, s in ds.index if n == "scene-0001"] == [[s1[0], s1[2]], [s1[1], s1[3]], [s1[2], s1[4]]]
    cfg.clip_hop = 0
    assert [s for _, s in ClipDataset(cfg, r).index] == [[s1[0], s1[2]], [r.scene_samples("scene-0002")[0],
                                                                             r.scene_samples("scene-0002")[2]]]
    assert {n for n, _ in ClipDataset(DataConfig(dataroot=str(synth_root), split="val", num_frames=2), r).index} == \
        {"scene-0002"}
    with pytest.raises(CvdError, match="no clips of 9 frames"):
        ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=9), r)


def test_dataloader_with_two_workers_equals_single_process(synth_root):
    ds = ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=2, height=32, width=56))
    single = [collate_clips([ds[i], ds[(i + 1) % len(ds)]]) for i in range(0, len(ds), 2)]
    loader = torch.utils.data.DataLoader(ds, batch_size=2, num_workers=2, collate_fn=collate_clips)
    batches = list(loader)
    assert len(batches) == len(single) > 0
    for a, b in zip(single, batches):
        assert a.keys() == b.keys()
        for k in ("images", "intrinsics", "cam_to_world", "ego_to_world", "timestamps", "depth", "lidar_depth"):
            assert b[k].shape[0] == 2 and torch.equal(a[k], b[k]), k
        assert a["captions"] == b["captions"] and a["samples"] == b["samples"] and a["scene"] == b["scene"]
        for ba, bb in zip(a["boxes"], b["boxes"]):
            for fa, fb in zip(ba, bb):
                assert fa["instance"] == fb["instance"]
                for k in ("center", "size", "yaw", "cls", "velocity"):
                    np.testing.assert_array_equal(fa[k], fb[k])
        for ma, mb in zip(a["map"], b["map"]):
            for layer in MAP_LAYERS:
                assert all(np.array_equal(p, q) for p, q in zip(ma[layer], mb[layer]))


# ------------------------------------------------------------------------------- bad files
@pytest.fixture
def broken(synth_root, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(synth_root, root)
    return root


def test_truncated_image_names_the_file(broken):
    img = sorted((broken / "samples" / "CAM_BACK_LEFT").glob("*.jpg"))[0]
    img.write_bytes(img.read_bytes()[:400])
    ds = ClipDataset(DataConfig(dataroot=str(broken), split="all", num_frames=5, height=32, width=56))
    with pytest.raises(CvdError, match=rf"corrupt CAM_BACK_LEFT image: .*{img.name} cannot be decoded") as e:
        ds[0]
    assert "\n" not in str(e.value)


def test_image_of_another_size_is_refused(broken):
    from PIL import Image

    img = sorted((broken / "samples" / "CAM_FRONT").glob("*.jpg"))[0]
    w, h = Image.open(img).size
    Image.new("RGB", (10, 10), (90, 90, 90)).save(img)  # would be stretched to the clip size, K unscaled
    ds = ClipDataset(DataConfig(dataroot=str(broken), split="all", num_frames=5, height=32, width=56))
    with pytest.raises(CvdError, match=rf"{img.name} is 10x10 but sample_data says {w}x{h}"):
        ds[0]


def test_truncated_lidar_and_missing_depth_png(broken):
    pcd = sorted((broken / "samples" / "LIDAR_TOP").glob("*.pcd.bin"))[0]
    pcd.write_bytes(pcd.read_bytes()[:-6])
    ds = ClipDataset(DataConfig(dataroot=str(broken), split="all", num_frames=5, height=32, width=56))
    with pytest.raises(CvdError, match=rf"corrupt LiDAR file .*{pcd.name}.*not a multiple of 5"):
        ds[0]
    # without depth/ PNGs (real nuScenes) dense depth is 0 and LiDAR depth remains
    shutil.rmtree(broken / "depth")
    c = ds[1]
    assert c["depth"].abs().sum() == 0 and (c["lidar_depth"] > 0).sum() > 100


def test_nan_pose_fails_the_clip_naming_the_token(broken):
    f = broken / VERSION / "ego_pose.json"
    rows = json.loads(f.read_text())
    rows[7]["rotation"][1] = float("nan")
    f.write_text(json.dumps(rows))
    ds = ClipDataset(DataConfig(dataroot=str(broken), split="all", num_frames=5, height=16, width=28))
    with pytest.raises(CvdError, match=rf"ego_pose {rows[7]['token']}: NaN/Inf"):
        [ds[i] for i in range(len(ds))]


def test_nuscenes_like_dataroot_gives_the_same_clips(synth_root, tmp_path):
    """Real nuScenes has sweeps (non-keyframe sample_data), radar channels, no depth/, no caption.json,
    splits.json or (maybe) map expansion: the keyframe clips must not change, captions come from
    scene.description, dense depth is 0, and only the keyframes' ego poses are kept."""
    root = tmp_path / "mini"
    shutil.copytree(synth_root / VERSION, root / "v1.0-mini")
    shutil.copytree(synth_root / "samples", root / "samples")
    vdir = root / "v1.0-mini"
    for f in ("caption.json", "splits.json"):
        (vdir / f).unlink()
    tables = {t: _raw(synth_root, t) for t in ("sample_data", "ego_pose", "sensor", "calibrated_sensor")}
    radar = {"token": "radar-sensor", "channel": "RADAR_FRONT", "modality": "radar"}
    radar_cs = {"token": "radar-cs", "sensor_token": "radar-sensor", "translation": [3.4, 0, 0.5],
                "rotation": [1, 0, 0, 0], "camera_intrinsic": []}
    extra_sd, extra_ego = [], []
    for i, d in enumerate(tables["sample_data"]):
        pose = {"token": f"sweep-ego-{i}", "timestamp": d["timestamp"] - 40000,
                "translation": [1e3, 1e3, 0], "rotation": [0, 0, 0, 1]}  # wildly off: must never be used
        extra_ego.append(pose)
        extra_sd.append({**d, "token": f"sweep-{i}", "is_key_frame": False, "ego_pose_token": pose["token"],
                         "filename": d["filename"].replace("samples/", "sweeps/"), "timestamp": pose["timestamp"]})
        if "CAM_FRONT/" in d["filename"]:
            extra_sd.append({**d, "token": f"radar-{i}", "calibrated_sensor_token": "radar-cs",
                             "filename": d["filename"].replace("CAM_FRONT", "RADAR_FRONT").replace(".jpg", ".pcd"),
                             "fileformat": "pcd", "width": 0, "height": 0})
    for name, rows in (("sample_data", extra_sd + tables["sample_data"]), ("ego_pose", extra_ego + tables["ego_pose"]),
                       ("sensor", tables["sensor"] + [radar]), ("calibrated_sensor", tables["calibrated_sensor"] + [radar_cs])):
        (vdir / f"{name}.json").write_text(json.dumps(rows))

    r = NuScenesReader(root, "v1.0-mini")
    assert set(r._ego) == {d["ego_pose_token"] for d in tables["sample_data"]} and "RADAR_FRONT" not in {ch for _, ch in r._keyframe}
    cfg = dict(split="all", num_frames=3, height=32, width=56)
    a = ClipDataset(DataConfig(dataroot=str(synth_root), **cfg))[0]
    with pytest.warns(UserWarning, match="no map expansion"):
        b = ClipDataset(DataConfig(dataroot=str(root), version="v1.0-mini", **cfg))[0]
    for k in ("images", "intrinsics", "cam_to_world", "ego_to_world", "timestamps", "lidar_depth"):
        assert torch.equal(a[k], b[k]), k
    assert b["depth"].abs().sum() == 0 and a["depth"].abs().sum() > 0
    desc = {s["name"]: s["description"] for s in _raw(synth_root, "scene")}
    assert b["captions"] == [desc[b["scene"]]] * 3
    assert all(b["map"][k] == [] for k in MAP_LAYERS if k != "ego_path") and len(b["map"]["ego_path"]) == 1
    with pytest.warns(UserWarning, match="no splits.json"):
        train = ClipDataset(DataConfig(dataroot=str(root), version="v1.0-mini", split="train", num_frames=2), r)
    with pytest.warns(UserWarning, match="no splits.json"):
        try:
            val = {n for n, _ in ClipDataset(DataConfig(dataroot=str(root), version="v1.0-mini", split="val",
                                                        num_frames=2), r).index}
        except CvdError:
            val = set()
    assert {n for n, _ in train.index} | val == {"scene-0001", "scene-0002"} and not ({n for n, _ in train.index} & val)


def test_num_cameras_takes_the_first_cameras_of_the_rig(synth_root):
    cfg = dict(dataroot=str(synth_root), split="all", num_frames=2, height=32, width=56)
    full = ClipDataset(DataConfig(**cfg))[0]
    part = ClipDataset(DataConfig(num_cameras=3, **cfg))[0]
    for k in ("images", "intrinsics", "cam_to_world", "depth", "lidar_depth"):
        assert part[k].shape[1] == 3 and torch.equal(part[k], full[k][:, :3]), k
    assert torch.equal(part["ego_to_world"], full["ego_to_world"]) and full["images"].shape[1] == len(CAMERAS)
    for n in (0, len(CAMERAS) + 1):
        with pytest.raises(CvdError, match="num_cameras must be in 1..6"):
            ClipDataset(DataConfig(num_cameras=n, **cfg))
