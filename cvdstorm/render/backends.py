"""Backend choice: gsplat's CUDA rasteriser when the tensors are on a GPU and gsplat imports,
else our CPU kernel. gsplat is called with the same conventions: EWA with a 0.3 px low-pass
(`eps2d=0.3`), pinhole cameras, expected depth ("ED" render mode, alpha-normalised), and our
background compositing. Its tile culling and 3-sigma cut differ in detail from ours, so results
agree to rasteriser precision rather than bit for bit.
"""

from __future__ import annotations

import torch

from ..errors import CvdError
from .gaussians import RenderOutput


def gsplat_available() -> bool:
    try:
        import gsplat  # noqa: F401
    except ImportError:
        return False
    return True


def pick_backend(backend: str, like: torch.Tensor) -> str:
    if backend == "auto":
        return "gsplat" if like.is_cuda and gsplat_available() else "cpu"
    if backend not in ("cpu", "reference", "gsplat"):
        raise CvdError(f"unknown rasteriser backend {backend!r}; use auto, cpu, reference or gsplat")
    if backend == "gsplat" and not gsplat_available():
        raise CvdError("backend 'gsplat' requested but gsplat is not installed (pip install gsplat on a CUDA machine)")
    return backend


def rasterize_gsplat(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near, far,
                     background) -> RenderOutput:
    from gsplat import rasterization

    rgbd, alpha, _ = rasterization(means, quats, scales, opacities, colors, viewmats, Ks, width, height,
                                   near_plane=near, far_plane=far, eps2d=0.3, render_mode="RGB+ED",
                                   rasterize_mode="classic", packed=False)
    alpha = alpha[..., 0]
    rgb, depth = rgbd[..., :3], rgbd[..., 3]
    depth = torch.where(alpha > 1e-6, depth, torch.zeros_like(depth))
    if background is not None:
        bg = torch.as_tensor(background, dtype=rgb.dtype, device=rgb.device)
        rgb = rgb + (1 - alpha[..., None]) * (bg.reshape(-1, 1, 1, 3) if bg.ndim == 2 else bg)
    return RenderOutput(rgb, depth, alpha)
