"""Temporal consistency (eval/temporal.py): closed forms on an analytic plane (a sideways ego step is
warped exactly, a flicker of brightness c scores exactly c / 2), real synthetic-world frames with exact
depth score low and the same frames out of order score high, boxes are masked, and evaluate_run reports
it for generated and real frames."""

import math

import pytest
import torch

from cvdstorm.errors import CvdError
from cvdstorm.eval.temporal import static_mask, temporal_consistency
from test_crossview import H, K, W, pose, render_plane


def _plane_clip(poses):
    """A 1-camera clip of the plane Z = 10 seen from each pose: [T, 1, ...] tensors."""
    imgs, deps = zip(*(render_plane(p) for p in poses))
    T = len(poses)
    return (torch.stack(imgs)[:, None], torch.stack(deps)[:, None], K.expand(T, 1, 3, 3),
            torch.stack(poses)[:, None])


def test_ego_motion_along_a_plane_is_warped_exactly():
    # ego moves 0.5 m right and 0.3 m forward per frame, turning a little: only bilinear error remains
    clip = _plane_clip([pose(3 * t, (0.5 * t, 0.0, 0.3 * t)) for t in range(3)])
    r = temporal_consistency(*clip)
    assert r["pixels"] > 0.5 * 2 * H * W and len(r["per_step_l1"]) == 2
    assert r["l1"] < 0.01
    # frames out of order (0, 2, 1): the warps now assume the wrong motion
    images = clip[0][[0, 2, 1]]
    assert temporal_consistency(images, *clip[1:])["l1"] > 5 * r["l1"]


def test_a_flicker_scores_half_its_amplitude():
    # a still camera: every warp is the identity, so a brightness step c in [-1, 1] units is c / 2 in [0, 1]
    img, dep, Ks, c2w = _plane_clip([pose(0, (0, 0, 0))] * 2)
    img = img.clone().clamp(-0.8, 0.8)
    img[1] = img[1] + 0.2
    r = temporal_consistency(img, dep, Ks, c2w)
    assert r["l1"] == pytest.approx(0.1, abs=1e-5) and r["pixels"] == H * W


def test_static_mask_leaves_out_boxes_and_their_margin():
    Ks, c2w = K.float().expand(1, 1, 3, 3), torch.eye(4).expand(1, 1, 4, 4)
    # a 2 m cube 10 m straight ahead (camera z forward): it covers the image centre, not the corners
    boxes = [{"center": torch.tensor([[0.0, 0.0, 10.0]]), "size": torch.tensor([[2.0, 2.0, 2.0]]),
              "yaw": torch.tensor([0.0]), "cls": torch.tensor([0]), "instance": torch.tensor([0])}]
    m0 = static_mask(boxes, Ks, c2w, H, W, margin=0)
    m2 = static_mask(boxes, Ks, c2w, H, W, margin=2)
    assert not m0[0, 0, H // 2, W // 2] and m0[0, 0, 0, 0]
    # its near face (z = 9) spans 2 x 60 / 9 = 13 pixels each way: ~178 pixels, more with the margin
    assert (~m0).sum() >= 100 and (~m2).sum() > (~m0).sum()
    assert bool((m2 <= m0).all())


@pytest.fixture(scope="module")
def clip(synth_root):
    from cvdstorm.config import DataConfig
    from cvdstorm.data.clips import ClipDataset

    return ClipDataset(DataConfig(dataroot=str(synth_root), split="all", num_frames=3, height=64, width=112))[0]


def test_real_frames_consistent_shuffled_not(clip):
    static = static_mask(clip["boxes"], clip["intrinsics"], clip["cam_to_world"], 64, 112)
    args = (clip["depth"], clip["intrinsics"], clip["cam_to_world"])
    real = temporal_consistency(clip["images"], *args, static)
    assert real["pixels"] > 0 and real["l1"] < 0.05            # JPEG + resize + depth quantisation only
    late = temporal_consistency(clip["images"][[0, 2, 1]], *args, static)
    assert late["l1"] > 1.5 * real["l1"]
    assert temporal_consistency(clip["images"], *args)["pixels"] > real["pixels"]  # the mask removes pixels


def test_shape_errors(clip):
    with pytest.raises(CvdError, match="temporal"):
        temporal_consistency(clip["images"][0], clip["depth"], clip["intrinsics"], clip["cam_to_world"])
    with pytest.raises(CvdError, match="static mask"):
        temporal_consistency(clip["images"], clip["depth"], clip["intrinsics"], clip["cam_to_world"],
                             torch.ones(1, 2, 3, dtype=torch.bool))
