"""Control images: wireframes on the rendered objects, near-plane clipping against brute force,
camera permutation, per-control images, box masks, clipping helpers, determinism and speed."""

import time

import numpy as np
import pytest
import torch
from matplotlib.path import Path as MplPath
from scipy.spatial import ConvexHull

from cvdstorm import CAMERAS
from cvdstorm.config import DataConfig
from cvdstorm.data.clips import ClipDataset
from cvdstorm.data.conditions import (CLASS_COLOR_TABLE, CLASS_COLORS, HEADING_EDGES, LAYER_COLORS, box_masks,
                                      clip_controls, control_images)
from cvdstorm.data.annotations import BOX_CLASSES
from cvdstorm.data.maps import MAP_LAYERS
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.geometry import box_corners
from cvdstorm.geometry.boxes import BOX_EDGES
from cvdstorm.geometry.clip import (box_outline, clip_polygon_rect, clip_segments_near, clip_segments_rect,
                                    convex_hull)
from cvdstorm.io import read_image

H, W = 64, 112
VEHICLE, PEDESTRIAN = 3, 4  # semantic ids of the synthetic world (docs/DATA.md)


@pytest.fixture(scope="module")
def clip(synth_root):
    return ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=5, height=H, width=W))[0]


def _grow(m, r=1):
    """Binary dilation by r pixels (square), without wrap-around."""
    out = m.copy()
    p = np.pad(m, r)
    for dv in range(-r, r + 1):
        for du in range(-r, r + 1):
            out |= p[r + dv:r + dv + m.shape[0], r + du:r + du + m.shape[1]]
    return out


def _semantic(root, reader, sample, cam):
    return read_image(root / "semantic" / cam / (reader.camera(sample, cam).filename.stem + ".png"))


def _one(b, i):
    return {k: x[i:i + 1] for k, x in b.items()}  # box i alone (arrays and the instance list)


def test_colour_tables():
    assert set(CLASS_COLORS) == set(BOX_CLASSES) and set(LAYER_COLORS) == set(MAP_LAYERS)
    cols = list(CLASS_COLORS.values()) + list(LAYER_COLORS.values())
    assert len(set(cols)) == len(cols) and (0, 0, 0) not in cols  # distinct, none is the background
    np.testing.assert_array_equal(CLASS_COLOR_TABLE, [CLASS_COLORS[c] for c in BOX_CLASSES])


def test_wireframes_lie_on_their_objects(synth_root, clip):
    """Wireframe pixels of well-visible boxes lie on or next to pixels of the object's class."""
    r = NuScenesReader(synth_root, "v1.0-synth")
    fracs = []
    for t, s in enumerate(clip["samples"]):
        b = clip["boxes"][t]
        vis = {a.instance: a.visibility for a in r.annotations(s)}
        for v, cam in enumerate(CAMERAS):
            sem = _semantic(synth_root, r, s, cam)
            for i in range(len(b["cls"])):
                if vis[b["instance"][i]] != "4":
                    continue
                drawn = control_images([_one(b, i)], {}, clip["intrinsics"][t:t + 1, v:v + 1],
                                       clip["cam_to_world"][t:t + 1, v:v + 1], H, W)[0, 0].sum(0) > 0
                if drawn.sum() < 15:
                    continue
                want = PEDESTRIAN if BOX_CLASSES[b["cls"][i]] == "pedestrian" else VEHICLE
                fracs.append((_grow(sem == want) & drawn).sum() / drawn.sum())
    assert len(fracs) >= 5, fracs
    assert np.median(fracs) > 0.85 and np.mean(np.array(fracs) > 0.6) > 0.8, fracs


def test_box_masks_cover_the_objects(synth_root, clip):
    """Semantic vehicle/pedestrian pixels of annotated objects fall inside a mask of their class."""
    r = NuScenesReader(synth_root, "v1.0-synth")
    cls_map, idx = box_masks(clip["boxes"], clip["intrinsics"], clip["cam_to_world"], H, W)
    assert cls_map.shape == idx.shape == (5, 6, H, W)
    veh = [BOX_CLASSES.index(c) for c in ("car", "truck")]
    ped = BOX_CLASSES.index("pedestrian")
    inside = total = 0
    for t, s in enumerate(clip["samples"]):
        for v, cam in enumerate(CAMERAS):
            sem = _semantic(synth_root, r, s, cam)
            for want, classes in ((VEHICLE, veh), (PEDESTRIAN, [ped])):
                obj = sem == want
                m = _grow(np.isin(cls_map[t, v], classes))
                inside += (obj & m).sum()
                total += obj.sum()
            k = idx[t, v]
            assert ((k >= 0) == (cls_map[t, v] >= 0)).all()
            np.testing.assert_array_equal(cls_map[t, v][k >= 0], clip["boxes"][t]["cls"][k[k >= 0]])
    assert total > 500 and inside / total > 0.9, (inside, total)


def _rig_camera():
    """A camera at the world origin looking along world +x (x right = -y, y down = -z)."""
    c2w = np.eye(4)
    c2w[:3, :3] = np.array([[0, 0, 1], [-1, 0, 0], [0, -1, 0]], float)
    K = np.array([[40.0, 0, 56], [0, 40.0, 32], [0, 0, 1]])
    return K, c2w


def _brute_force_segments(p0, p1, K, c2w, near, n=20001):
    """Pixels hit by densely sampled 3D segments, keeping samples with camera z > near."""
    w2c = np.linalg.inv(c2w)
    ref = np.zeros((H, W), bool)
    for a, b in zip(p0, p1):
        pts = a + np.linspace(0, 1, n)[:, None] * (b - a)
        pc = pts @ w2c[:3, :3].T + w2c[:3, 3]
        pc = pc[pc[:, 2] > near]
        uv = pc[:, :2] / pc[:, 2:] @ K[:2, :2].T + K[:2, 2]
        uv = np.floor(uv[(uv[:, 0] >= 0) & (uv[:, 0] < W) & (uv[:, 1] >= 0) & (uv[:, 1] < H)]).astype(int)
        ref[uv[:, 1], uv[:, 0]] = True
    return ref


@pytest.mark.parametrize("center_x", [0.5, 2.0, -2.0])
def test_box_straddling_the_camera_plane_draws_its_front_part(center_x):
    K, c2w = _rig_camera()
    box = {"center": np.array([[center_x, 0.3, 0.2]]), "size": np.array([[3.0, 6.0, 2.0]]), "yaw": np.array([0.2]),
           "cls": np.array([0])}
    near = 0.1
    img = control_images([box], {}, K[None, None], c2w[None, None], H, W, near=near)[0, 0]
    drawn = img.sum(0) > 0
    corners = box_corners(box["center"], box["size"], box["yaw"])[0]
    e = np.array(BOX_EDGES + HEADING_EDGES)
    ref = _brute_force_segments(corners[e[:, 0]], corners[e[:, 1]], K, c2w, near)
    assert ref.sum() > 30
    # same pixels up to the rasterisers' one-pixel disagreement, nothing wrapped from behind
    assert (ref & ~_grow(drawn)).sum() == 0
    assert (drawn & ~_grow(ref)).sum() == 0
    assert np.allclose(img[:, drawn].T, np.array(CLASS_COLORS["car"]) / 255)


def test_segment_entirely_behind_is_not_drawn():
    K, c2w = _rig_camera()
    box = {"center": np.array([[-8.0, 0, 0]]), "size": np.array([[2.0, 4.0, 1.5]]), "yaw": np.array([0.0]),
           "cls": np.array([5])}
    assert control_images([box], {}, K[None, None], c2w[None, None], H, W).max() == 0


def test_map_polyline_through_the_camera_plane():
    """A lane line passing beside and behind the camera: only its part ahead is drawn."""
    K, c2w = _rig_camera()
    line = np.array([[-30.0, 2.0, -1.5], [30.0, 2.0, -1.5], [30.0, -10.0, -1.5]])
    img = control_images([{"cls": []}], {"lane_divider": [line]}, K[None, None], c2w[None, None], H, W)[0, 0]
    drawn = img.sum(0) > 0
    ref = _brute_force_segments(line[:-1], line[1:], K, c2w, 0.1)
    assert ref.sum() > 20 and (ref & ~_grow(drawn)).sum() == 0 and (drawn & ~_grow(ref)).sum() == 0
    assert np.allclose(img[:, drawn].T, np.array(LAYER_COLORS["lane_divider"]) / 255)


def test_box_mask_matches_brute_force_volume():
    K, c2w = _rig_camera()
    for center_x in (6.0, 0.5):  # in front, and straddling the camera plane
        box = {"center": np.array([[center_x, 0.5, 0.0]]), "size": np.array([[2.0, 4.0, 1.5]]),
               "yaw": np.array([0.4]), "cls": np.array([3])}
        cls_map, _ = box_masks([box], K[None, None], c2w[None, None], H, W, near=0.1)
        m = cls_map[0, 0] == 3
        g = np.stack(np.meshgrid(*[np.linspace(-0.5, 0.5, 41)] * 3, indexing="ij"), -1).reshape(-1, 3)
        local = g * np.array([4.0, 2.0, 1.5])  # l, w, h along x, y, z
        c, s = np.cos(0.4), np.sin(0.4)
        pts = local @ np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]]).T + box["center"][0]
        w2c = np.linalg.inv(c2w)
        pc = pts @ w2c[:3, :3].T + w2c[:3, 3]
        pc = pc[pc[:, 2] > 0.1]
        uv = np.floor(pc[:, :2] / pc[:, 2:] @ K[:2, :2].T + K[:2, 2]).astype(int)
        uv = uv[(uv[:, 0] >= 0) & (uv[:, 0] < W) & (uv[:, 1] >= 0) & (uv[:, 1] < H)]
        ref = np.zeros((H, W), bool)
        ref[uv[:, 1], uv[:, 0]] = True
        assert ref.sum() > 50 and (ref & ~_grow(m)).sum() == 0 and (m & ~_grow(ref, 2)).sum() == 0


def test_camera_permutation_permutes_control_images(clip):
    perm = [3, 0, 5, 1, 4, 2]
    a = control_images(clip["boxes"], clip["map"], clip["intrinsics"], clip["cam_to_world"], H, W)
    b = control_images(clip["boxes"], clip["map"], clip["intrinsics"][:, perm], clip["cam_to_world"][:, perm], H, W)
    np.testing.assert_array_equal(a[:, perm], b)
    assert a.dtype == np.float32 and a.min() == 0 and a.max() == 1 and (a.sum(2) > 0).mean() > 0.01


def test_per_control_images_compose_to_the_joint_image(clip):
    c = clip_controls(clip)
    joint = control_images(clip["boxes"], clip["map"], clip["intrinsics"], clip["cam_to_world"], H, W)
    assert set(c) == {"boxes", "map"} and c["boxes"].shape == (5, 6, 3, H, W) and c["boxes"].dtype == torch.float32
    boxes, maps = c["boxes"].numpy(), c["map"].numpy()
    np.testing.assert_array_equal(np.where(boxes.sum(2, keepdims=True) > 0, boxes, maps), joint)
    px = lambda x: {tuple(p) for p in np.round(x.transpose(0, 1, 3, 4, 2).reshape(-1, 3) * 255).astype(int)}
    assert px(boxes) - {(0, 0, 0)} <= set(CLASS_COLORS.values()) and len(px(boxes)) > 1
    assert px(maps) - {(0, 0, 0)} <= set(LAYER_COLORS.values()) and len(px(maps)) > 3


def test_paper_size_is_fast_and_deterministic(clip):
    """A 19-frame x 6-camera clip at 256x448: the DiT's control input, built per training step."""
    t = np.arange(19) % 5
    K = clip["intrinsics"].numpy()[t].copy()
    K[..., :2, :] *= 4  # 64x112 -> 256x448
    boxes = [clip["boxes"][i] for i in t]
    args = (boxes, clip["map"], K, clip["cam_to_world"].numpy()[t], 256, 448)
    small = (boxes, clip["map"], K / 4 * [[1], [1], [4]], clip["cam_to_world"].numpy()[t], 64, 112)
    np.testing.assert_array_equal(control_images(*small), control_images(*small))  # deterministic (and warm)
    tick = time.process_time()  # CPU time: the test machine's 2 cores are shared
    a = control_images(*args)
    seconds = time.process_time() - tick
    assert a.shape == (19, 6, 3, 256, 448) and (a.sum(2) > 0).mean() > 0.005
    assert seconds < 2.0, seconds


# ------------------------------------------------------------------------------ clipping helpers
def test_clip_segments_near_is_exact(rng):
    p0, p1 = rng.normal(0, 3, (200, 3)), rng.normal(0, 3, (200, 3))
    a, b, keep = clip_segments_near(p0, p1, 0.5)
    np.testing.assert_array_equal(keep, (p0[:, 2] >= 0.5) | (p1[:, 2] >= 0.5))
    for i in np.flatnonzero(keep):
        s = p0[i] + np.linspace(0, 1, 100001)[:, None] * (p1[i] - p0[i])
        s = s[s[:, 2] >= 0.5]
        tol = 1e-4 * np.linalg.norm(p1[i] - p0[i]) + 1e-9  # sampling step
        assert (np.allclose(a[i], s[0], atol=tol) and np.allclose(b[i], s[-1], atol=tol)) or \
            (np.allclose(a[i], s[-1], atol=tol) and np.allclose(b[i], s[0], atol=tol))
        assert min(a[i, 2], b[i, 2]) >= 0.5


def test_clip_segments_rect_matches_sampling(rng):
    a, b = rng.uniform(-30, 60, (300, 2)), rng.uniform(-30, 60, (300, 2))
    ca, cb, inside = clip_segments_rect(a, b, 0, 0, 32, 24)
    for i in range(300):
        s = a[i] + np.linspace(0, 1, 20001)[:, None] * (b[i] - a[i])
        s = s[(s[:, 0] >= 0) & (s[:, 0] <= 32) & (s[:, 1] >= 0) & (s[:, 1] <= 24)]
        assert inside[i] == (len(s) > 0) or len(s) <= 2
        if len(s) > 2:
            assert {tuple(np.round(x, 1)) for x in (ca[i], cb[i])} == {tuple(np.round(x, 1)) for x in (s[0], s[-1])}


def test_convex_hull_and_polygon_clipping(rng):
    pts = rng.normal(0, 5, (60, 2))
    hull = convex_hull(pts)
    ref = pts[ConvexHull(pts).vertices]
    assert {tuple(p) for p in hull} == {tuple(p) for p in ref}
    clipped = clip_polygon_rect(hull, -2, -3, 4, 5)
    grid = np.stack(np.meshgrid(np.linspace(-9, 9, 301), np.linspace(-9, 9, 301)), -1).reshape(-1, 2)
    want = MplPath(hull).contains_points(grid) & (grid[:, 0] > -2) & (grid[:, 0] < 4) & (grid[:, 1] > -3) & (grid[:, 1] < 5)
    got = MplPath(clipped).contains_points(grid)
    assert (got != want).mean() < 0.003 and want.sum() > 1000
    assert box_outline(np.array([[0, 0, -1.0]] * 8), np.eye(3), 0.1) is None
