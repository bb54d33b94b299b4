"""Cross-view consistency: warp each camera's pixels into its rig neighbours with depth and poses.

In:  images `[T, V, 3, H, W]` in [-1, 1], depth `[T, V, H, W]` (camera z in metres, 0 = unknown;
     predicted depth for generated frames, ground truth or predicted for real ones),
     intrinsics `[T, V, 3, 3]`, cam_to_world `[T, V, 4, 4]` (OpenCV camera frames).
Out: `crossview_consistency(...)` -> dict: `l1` (mean absolute RGB difference in [0, 1] units over
     all overlap pixels), `overlap` (mean fraction of target pixels hit), `per_frame_l1 [T]`, and
     per directed pair `"A->B": {l1, overlap, pixels}`.

Warp A -> B (forward projection with a z-buffer): every pixel of A with depth > 0 is lifted to the
world with A's depth and pose, projected into B; points behind B or outside its image are dropped;
among points landing in the same B pixel only the nearest survives (the z-buffer: A may see two
surfaces where B sees one). When B's depth is given, a point whose depth in B disagrees with B's own
depth by more than `depth_tol` (relative) is occluded in B and dropped too. The photometric error
compares A's colour with B's image bilinearly sampled at the exact projected position (no
rounding to B's pixel grid), so an exactly consistent pair scores close to 0.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from .. import CAMERAS
from ..errors import CvdError

# Neighbours in the rig, in CAMERAS order: each camera overlaps the next one around the car.
RING_PAIRS = tuple((i, (i + 1) % len(CAMERAS)) for i in range(len(CAMERAS)))


def _sample(img: torch.Tensor, uv: torch.Tensor) -> torch.Tensor:
    """Bilinear sample img [C, H, W] at pixel coordinates uv [N, 2] (pixel centres at +0.5) -> [N, C]."""
    C, H, W = img.shape
    g = torch.stack([uv[:, 0] / W * 2 - 1, uv[:, 1] / H * 2 - 1], -1)            # [N, 2] in [-1, 1]
    out = F.grid_sample(img[None], g[None, None], mode="bilinear", padding_mode="border", align_corners=False)
    return out[0, :, 0].T                                                        # [N, C]


def warp_pair(img_a, depth_a, K_a, c2w_a, img_b, K_b, c2w_b, depth_b=None, depth_tol: float = 0.1,
              near: float = 0.1) -> dict:
    """Warp camera A into camera B (see module docstring).

    img_* [3, H, W] in [-1, 1]; depth_* [H, W]; K_* [3, 3]; c2w_* [4, 4].
    Returns {"l1": float (nan when no overlap), "overlap": fraction of B's pixels hit,
             "pixels": overlap pixel count, "error_map": [H, W] L1 in B's frame (nan outside overlap)}.
    """
    f64 = dict(dtype=torch.float64)
    img_a, img_b = torch.as_tensor(img_a).float(), torch.as_tensor(img_b).float()
    depth_a = torch.as_tensor(depth_a).to(**f64)
    K_a, K_b = torch.as_tensor(K_a).to(**f64), torch.as_tensor(K_b).to(**f64)
    c2w_a, c2w_b = torch.as_tensor(c2w_a).to(**f64), torch.as_tensor(c2w_b).to(**f64)
    H, W = depth_a.shape
    Hb, Wb = img_b.shape[-2:]

    # lift A's pixels (centres) to A's camera frame, then to B's camera frame
    v, u = torch.meshgrid(torch.arange(H, **f64) + 0.5, torch.arange(W, **f64) + 0.5, indexing="ij")
    valid = (depth_a > 0) & torch.isfinite(depth_a)
    d = depth_a[valid]                                                           # [N]
    pix = torch.stack([u[valid], v[valid], torch.ones_like(d)], -1)              # [N, 3]
    p_a = (pix @ torch.linalg.inv(K_a).T) * d[:, None]                           # [N, 3] in A
    a_to_b = torch.linalg.inv(c2w_b) @ c2w_a                                     # [4, 4]
    p_b = p_a @ a_to_b[:3, :3].T + a_to_b[:3, 3]                                 # [N, 3] in B
    z = p_b[:, 2]
    front = z > near
    uvw = p_b @ K_b.T
    uv = uvw[:, :2] / uvw[:, 2:3].clamp(min=1e-9)                                # [N, 2]
    inside = front & (uv[:, 0] >= 0) & (uv[:, 0] < Wb) & (uv[:, 1] >= 0) & (uv[:, 1] < Hb)
    colours_a = img_a.permute(1, 2, 0)[valid][inside]                            # [M, 3]
    uv, z = uv[inside], z[inside]
    idx = uv[:, 1].floor().long() * Wb + uv[:, 0].floor().long()                 # [M] B pixel index

    # z-buffer: keep the nearest point per B pixel
    zbuf = torch.full((Hb * Wb,), float("inf"), **f64).scatter_reduce(0, idx, z, "amin")
    keep = z <= zbuf[idx] * (1 + 1e-9)
    if depth_b is not None:
        db = _sample(torch.as_tensor(depth_b).to(**f64)[None], uv)[:, 0]
        keep &= (db > 0) & ((z - db).abs() <= depth_tol * db)
    uv, idx, colours_a = uv[keep], idx[keep], colours_a[keep]
    # a pixel may still hold two points at exactly the same depth: average them per pixel
    err = (colours_a - _sample(img_b, uv.float())).abs().mean(-1).double() / 2   # [M] in [0, 1] units
    sums = torch.zeros(Hb * Wb, **f64).index_add_(0, idx, err)
    counts = torch.zeros(Hb * Wb, **f64).index_add_(0, idx, torch.ones_like(err))
    hit = counts > 0
    per_pixel = torch.full((Hb * Wb,), float("nan"), **f64)
    per_pixel[hit] = sums[hit] / counts[hit]
    n = int(hit.sum())
    return {"l1": float(per_pixel[hit].mean()) if n else float("nan"), "overlap": n / (Hb * Wb),
            "pixels": n, "error_map": per_pixel.reshape(Hb, Wb).float()}


def crossview_consistency(images, depth, intrinsics, cam_to_world, pairs=None, both_directions: bool = True,
                          check_target_depth: bool = True, depth_tol: float = 0.1,
                          camera_names=CAMERAS) -> dict:
    """Photometric error of neighbour warps for a clip (shapes in the module docstring)."""
    images, depth = torch.as_tensor(images), torch.as_tensor(depth)
    K, c2w = torch.as_tensor(intrinsics), torch.as_tensor(cam_to_world)
    if images.ndim != 5 or depth.shape != images.shape[:2] + images.shape[3:]:
        raise CvdError(f"cross-view: images must be [T, V, 3, H, W] and depth [T, V, H, W], got "
                       f"{tuple(images.shape)} and {tuple(depth.shape)}")
    T, V = images.shape[:2]
    pairs = list(pairs if pairs is not None else (RING_PAIRS if V == len(CAMERAS) else
                                                  [(i, (i + 1) % V) for i in range(V)]))
    if both_directions:
        pairs = pairs + [(b, a) for a, b in pairs if (b, a) not in pairs]
    names = list(camera_names) if len(camera_names) == V else [f"view{i}" for i in range(V)]
    per_pair: dict[str, dict] = {}
    frame_sum, frame_n = torch.zeros(T, dtype=torch.float64), torch.zeros(T, dtype=torch.float64)
    for a, b in pairs:
        key = f"{names[a]}->{names[b]}"
        s, n, ov = 0.0, 0, 0.0
        for t in range(T):
            r = warp_pair(images[t, a], depth[t, a], K[t, a], c2w[t, a], images[t, b], K[t, b], c2w[t, b],
                          depth[t, b] if check_target_depth else None, depth_tol)
            if r["pixels"]:
                s += r["l1"] * r["pixels"]
                n += r["pixels"]
                frame_sum[t] += r["l1"] * r["pixels"]
                frame_n[t] += r["pixels"]
            ov += r["overlap"] / T
        per_pair[key] = {"l1": s / n if n else float("nan"), "overlap": ov, "pixels": n}
    total = float(frame_n.sum())
    return {
        "l1": float(frame_sum.sum()) / total if total else float("nan"),
        "overlap": sum(p["overlap"] for p in per_pair.values()) / max(len(per_pair), 1),
        "per_frame_l1": [float(s / n) if n else float("nan") for s, n in zip(frame_sum, frame_n)],
        "pairs": per_pair,
    }
