"""Temporal consistency: warp each frame of a camera into the same camera's next frame with depth and
the ego motion, on static pixels only.

In:  images `[T, V, 3, H, W]` in [-1, 1], depth `[T, V, H, W]` (camera z in metres, 0 = unknown),
     intrinsics `[T, V, 3, 3]`, cam_to_world `[T, V, 4, 4]` (OpenCV camera frames, one world for the
     clip), and `static [T, V, H, W]` bool (True where the scene does not move; `static_mask` builds it
     from the clip's boxes).
Out: `temporal_consistency(...)` -> dict: `l1` (mean absolute RGB difference in [0, 1] units over every
     warped static pixel of every step), `pixels`, `per_step_l1 [T-1]` (step t: frame t -> t + 1) and
     `per_step_pixels [T-1]`.

Each step is `crossview.warp_pair` from (t, v) into (t + 1, v): the same forward projection with a
z-buffer, occlusion test against the next frame's depth and bilinear sampling. Moving things break the
warp for every video, real or generated, so pixels inside any box (its projected outline, dilated by
`margin` pixels) in either frame are left out by zeroing their depth: what remains is the static world,
whose motion between frames is exactly the ego's. A generated video that flickers or drifts scores
higher than the real one warped with depth of the same quality (the fair reference warps real frames
with the checkpoint's own GS depth, as the cross-view reference does).
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from ..data.conditions import box_masks
from ..errors import CvdError
from .crossview import warp_pair


def static_mask(boxes: list[dict], intrinsics, cam_to_world, height: int, width: int,
                margin: int = 2) -> torch.Tensor:
    """[T, V, H, W] bool: True outside every box's projected outline grown by `margin` pixels (a box's
    edge pixels blend object and background; the margin keeps them out)."""
    cls, _ = box_masks(boxes, intrinsics, cam_to_world, height, width)            # [T, V, H, W], -1 = none
    inside = torch.from_numpy(cls >= 0).float()
    if margin > 0:
        k = 2 * margin + 1
        inside = F.max_pool2d(inside.flatten(0, 1)[:, None], k, stride=1, padding=margin)[:, 0].view_as(inside)
    return inside == 0


def temporal_consistency(images, depth, intrinsics, cam_to_world, static=None, depth_tol: float = 0.1) -> dict:
    """Photometric error of frame-to-next-frame warps per camera (shapes in the module docstring)."""
    images, depth = torch.as_tensor(images), torch.as_tensor(depth).float()
    K, c2w = torch.as_tensor(intrinsics), torch.as_tensor(cam_to_world)
    if images.ndim != 5 or depth.shape != images.shape[:2] + images.shape[3:]:
        raise CvdError(f"temporal: images must be [T, V, 3, H, W] and depth [T, V, H, W], got "
                       f"{tuple(images.shape)} and {tuple(depth.shape)}")
    if static is not None:
        static = torch.as_tensor(static, dtype=torch.bool)
        if static.shape != depth.shape:
            raise CvdError(f"temporal: static mask {tuple(static.shape)} must match depth {tuple(depth.shape)}")
        depth = torch.where(static, depth, torch.zeros(()))  # depth 0 = not warped, and rejected as a target
    T, V = images.shape[:2]
    sums, counts = np.zeros(max(T - 1, 0)), np.zeros(max(T - 1, 0), np.int64)
    for t in range(T - 1):
        for v in range(V):
            r = warp_pair(images[t, v], depth[t, v], K[t, v], c2w[t, v], images[t + 1, v], K[t + 1, v],
                          c2w[t + 1, v], depth[t + 1, v], depth_tol)
            if r["pixels"]:
                sums[t] += r["l1"] * r["pixels"]
                counts[t] += r["pixels"]
    n = int(counts.sum())
    return {"l1": float(sums.sum() / n) if n else float("nan"), "pixels": n,
            "per_step_l1": [float(s / c) if c else float("nan") for s, c in zip(sums, counts)],
            "per_step_pixels": counts.tolist()}
