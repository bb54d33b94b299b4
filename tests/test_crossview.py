"""Cross-view consistency: exact on an analytic textured plane; small for real synthetic-world frames
with exact depth, and larger when one view is perturbed (flipped, or taken from another time)."""

import math

import numpy as np
import pytest
import torch

from cvdstorm.errors import CvdError
from cvdstorm.eval.crossview import RING_PAIRS, crossview_consistency, warp_pair

H, W, F = 64, 112, 60.0
K = torch.tensor([[F, 0, W / 2], [0, F, H / 2], [0, 0, 1.0]], dtype=torch.float64)


def _texture(X, Y):  # smooth world texture on the plane, RGB in [-1, 1]
    return torch.stack([0.8 * torch.sin(0.9 * X), 0.7 * torch.cos(0.6 * Y + 0.3 * X), 0.5 * torch.sin(0.4 * (X + Y))])


def render_plane(c2w):
    """Image [3, H, W] and depth [H, W] of the plane Z = 10 (world = camera A frame) seen from c2w."""
    v, u = torch.meshgrid(torch.arange(H, dtype=torch.float64) + 0.5, torch.arange(W, dtype=torch.float64) + 0.5,
                          indexing="ij")
    d_cam = torch.stack([(u - W / 2) / F, (v - H / 2) / F, torch.ones_like(u)], -1)   # z = 1 rays
    d_w = d_cam @ c2w[:3, :3].T
    o = c2w[:3, 3]
    s = (10.0 - o[2]) / d_w[..., 2]                                                    # ray parameter
    p = o + s[..., None] * d_w
    return _texture(p[..., 0], p[..., 1]).float(), s.float()                          # camera z = s


def pose(yaw_deg, t):
    a = math.radians(yaw_deg)
    c2w = torch.eye(4, dtype=torch.float64)
    c2w[:3, :3] = torch.tensor([[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]])
    c2w[:3, 3] = torch.tensor(t, dtype=torch.float64)
    return c2w


def test_analytic_plane_is_consistent():
    A, B = pose(0, (0, 0, 0)), pose(35, (0.5, 0.1, 0.2))
    img_a, dep_a = render_plane(A)
    img_b, dep_b = render_plane(B)
    r = warp_pair(img_a, dep_a, K, A, img_b, K, B, dep_b)
    assert 0.2 < r["overlap"] < 0.9
    assert r["l1"] < 0.01                      # only bilinear sampling error remains
    # B's image shifted by 3 pixels no longer agrees
    r2 = warp_pair(img_a, dep_a, K, A, torch.roll(img_b, 3, dims=-1), K, B, dep_b)
    assert r2["l1"] > 5 * r["l1"] and r2["l1"] > 0.03
    # a wrong depth for A (20 % too far) moves the warp: error grows, target-depth check drops points
    r3 = warp_pair(img_a, dep_a * 1.2, K, A, img_b, K, B, dep_b)
    assert r3["pixels"] < 0.2 * r["pixels"]
    r4 = warp_pair(img_a, dep_a * 1.2, K, A, img_b, K, B, None)
    assert r4["l1"] > 5 * r["l1"]
    em = r["error_map"]
    assert em.shape == (H, W) and int(torch.isfinite(em).sum()) == r["pixels"]


def test_zbuffer_keeps_nearest_surface():
    # A sees a near square (depth 5) in front of the plane; the near square's pixels must win
    A = pose(0, (0, 0, 0))
    img_a, dep_a = render_plane(A)
    img_a, dep_a = img_a.clone(), dep_a.clone()
    dep_a[20:40, 40:70] = 5.0
    img_a[:, 20:40, 40:70] = 1.0
    img_b = img_a.clone()  # B = A: the far plane's pixels hidden behind the square never reach B
    r = warp_pair(img_a, dep_a, K, A, img_b, K, A, dep_a)
    assert r["l1"] < 1e-5 and r["overlap"] == pytest.approx(1.0)


@pytest.fixture(scope="module")
def clip(synth_root):
    from cvdstorm.config import DataConfig
    from cvdstorm.data.clips import ClipDataset

    return ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=3, height=64, width=112))[0]


def test_real_frames_consistent_perturbed_not(clip):
    args = (clip["depth"], clip["intrinsics"], clip["cam_to_world"])
    real = crossview_consistency(clip["images"], *args)
    assert len(real["pairs"]) == 12 and len(real["per_frame_l1"]) == 3
    assert 0.02 < real["overlap"] < 0.5
    assert real["l1"] < 0.04                   # JPEG + resize + depth quantisation only
    front = "CAM_FRONT->CAM_FRONT_RIGHT"
    flipped = clip["images"].clone()
    flipped[:, 1] = flipped[:, 1].flip(-1)      # mirror CAM_FRONT
    bad = crossview_consistency(flipped, *args)
    assert bad["pairs"][front]["l1"] > 1.5 * real["pairs"][front]["l1"]
    assert bad["l1"] > 1.3 * real["l1"]
    shuffled = clip["images"].clone()
    shuffled[:, 1] = clip["images"][[2, 0, 1], 1]  # CAM_FRONT from another time step
    late = crossview_consistency(shuffled, *args)
    assert late["pairs"][front]["l1"] > 1.3 * real["pairs"][front]["l1"]
    # pairs untouched by the perturbation are unchanged
    assert bad["pairs"]["CAM_BACK->CAM_BACK_LEFT"]["l1"] == pytest.approx(real["pairs"]["CAM_BACK->CAM_BACK_LEFT"]["l1"])


def test_pairs_and_errors(clip):
    assert RING_PAIRS[0] == (0, 1) and RING_PAIRS[-1] == (5, 0)
    r = crossview_consistency(clip["images"][:1], clip["depth"][:1], clip["intrinsics"][:1],
                              clip["cam_to_world"][:1], pairs=[(0, 1)], both_directions=False)
    assert list(r["pairs"]) == ["CAM_FRONT_LEFT->CAM_FRONT"]
    with pytest.raises(CvdError, match="cross-view"):
        crossview_consistency(clip["images"], clip["depth"][:, :, :10], clip["intrinsics"], clip["cam_to_world"])
    # no depth at all: no overlap, nan error, no crash
    z = crossview_consistency(clip["images"][:1], torch.zeros_like(clip["depth"][:1]), clip["intrinsics"][:1],
                              clip["cam_to_world"][:1])
    assert z["overlap"] == 0 and np.isnan(z["l1"])
