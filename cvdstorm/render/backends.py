"""Backend choice and the gsplat (CUDA) path of `rasterize`.

In:  batched rasterize arguments (means [B, N, 3], ..., viewmats [B, C, 4, 4], Ks [B, C, 3, 3]).
Out: (rgb [B, C, H, W, F], depth [B, C, H, W], alpha [B, C, H, W]) without background (the caller
     composites it, as for every backend).

"auto" picks gsplat when the tensors are on CUDA and `gsplat` imports, the C++ kernel ("cpu") for
CPU tensors, and the pure-PyTorch compositor ("torch") on other devices. gsplat is called with our
conventions: pinhole cameras, `eps2d=0.3` (the 0.3 px low-pass), classic (not antialiased) mode,
expected depth ("RGB+ED", alpha-normalised camera z; set to 0 where alpha <= 1e-6 as ours), near/far
planes, one call per scene of the batch (older gsplat releases take no batch dimensions).
Known differences from our kernel, all at the footprint's fringe: gsplat clamps alpha at 0.999
(3DGS and we: 0.99), has no per-pixel 3-sigma ellipse cut (only its tile/radius culling), and
evaluates in float32 CUDA maths; images agree to a few 1e-3 rather than 1e-6.
"""

from __future__ import annotations

import torch

from ..errors import CvdError
from .gaussians import DEPTH_EPS

BACKENDS = ("auto", "cpu", "torch", "reference", "gsplat")


def gsplat_available() -> bool:
    try:
        from gsplat import rasterization  # noqa: F401
    except Exception:  # ImportError, or a broken CUDA build raising at import
        return False
    return True


def pick_backend(backend: str, like: torch.Tensor) -> str:
    """-> one of cpu | torch | reference | gsplat for tensors on like.device."""
    if backend not in BACKENDS:
        raise CvdError(f"unknown rasteriser backend {backend!r}; use one of {', '.join(BACKENDS)}")
    if backend == "auto":
        if like.is_cuda and gsplat_available():
            return "gsplat"
        return "cpu" if like.device.type == "cpu" else "torch"
    if backend == "gsplat" and not gsplat_available():
        raise CvdError("backend 'gsplat' requested but gsplat is not importable (pip install gsplat on a CUDA machine)")
    if backend == "cpu" and like.device.type != "cpu":
        raise CvdError(f"backend 'cpu' needs CPU tensors, got {like.device}; use 'auto', 'torch' or 'gsplat'")
    return backend


def rasterize_gsplat(means, quats, scales, opacities, colors, viewmats, Ks, width: int, height: int, near: float,
                     far: float):
    """Batched arguments -> (rgb [B, C, H, W, F], depth [B, C, H, W], alpha [B, C, H, W])."""
    from gsplat import rasterization

    rgbs, depths, alphas = [], [], []
    for b in range(means.shape[0]):
        rgbd, alpha, _ = rasterization(means[b], quats[b], scales[b], opacities[b], colors[b], viewmats[b], Ks[b],
                                       width, height, near_plane=near, far_plane=far, eps2d=0.3, sh_degree=None,
                                       packed=True, render_mode="RGB+ED", rasterize_mode="classic",
                                       camera_model="pinhole")
        alpha = alpha[..., 0]                                              # [C, H, W]
        rgbs.append(rgbd[..., :-1])
        depths.append(torch.where(alpha > DEPTH_EPS, rgbd[..., -1], 0.0))
        alphas.append(alpha)
    return torch.stack(rgbs), torch.stack(depths), torch.stack(alphas)
