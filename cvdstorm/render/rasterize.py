"""`rasterize`: differentiable 3D Gaussian Splatting renderer (fast CPU path, gsplat on CUDA).

In:  means [N, 3], quats [N, 4] (w, x, y, z, any norm), scales [N, 3] (linear), opacities [N],
     colors [N, 3], viewmats [C, 4, 4] (world-to-camera, OpenCV), Ks [C, 3, 3], width, height,
     near, far, background ([3] or [C, 3], default black). An optional leading batch dimension on
     every argument renders B independent scenes.
Out: RenderOutput(rgb [C, H, W, 3], depth [C, H, W] (alpha-normalised camera z, 0 where alpha
     < 1e-6), alpha [C, H, W]).

Pipeline: EWA projection in PyTorch (projection.py, differentiated by autograd) -> tile binning,
per-tile depth sort and front-to-back compositing in a C++/OpenMP kernel with an analytic
backward (csrc/rasterize_cpu.cpp) -> depth normalisation and background in PyTorch.
Never materialises pixels x Gaussians. Conventions: see projection.py and reference.py.
"""

from __future__ import annotations

import torch

from . import _ext
from .gaussians import RenderOutput
from .projection import project_gaussians
from .reference import composite_reference

DEPTH_EPS = 1e-6


class _Composite(torch.autograd.Function):
    @staticmethod
    def forward(ctx, means2d, conics, opacities, colors, depths, radii, width, height):
        ext = _ext.load()
        args = [x.contiguous() for x in (means2d, conics, opacities, colors, depths)]
        color, dacc, alpha, n_contrib, offsets, ids = ext.forward(*args, radii.contiguous(), width, height)
        ctx.save_for_backward(*args, alpha, n_contrib, offsets, ids)
        ctx.size = (width, height)
        return color, dacc, alpha

    @staticmethod
    def backward(ctx, g_color, g_depth, g_alpha):
        means2d, conics, opac, colors, depths, alpha, n_contrib, offsets, ids = ctx.saved_tensors
        W, H = ctx.size
        gm, gcon, go, gcol, gd = _ext.load().backward(
            means2d, conics, opac, colors, depths, alpha, n_contrib, offsets, ids,
            g_color.contiguous(), g_depth.contiguous(), g_alpha.contiguous(), W, H)
        return gm, gcon, go, gcol, gd, None, None, None


def composite(proj, opacities, colors, width: int, height: int):
    """Projected Gaussians -> (color [C, H, W, 3], depth_acc [C, H, W], alpha [C, H, W])."""
    C = proj.depths.shape[0]
    op = opacities[None].expand(C, -1)
    col = colors[None].expand(C, -1, -1)
    if _ext.load() is None:
        return composite_reference(proj, opacities, colors, width, height)
    return _Composite.apply(proj.means2d, proj.conics, op, col, proj.depths, proj.radii, width, height)


def _finish(color, dacc, alpha, background) -> RenderOutput:
    depth = torch.where(alpha > DEPTH_EPS, dacc / alpha.clamp_min(DEPTH_EPS), torch.zeros_like(dacc))
    if background is not None:
        bg = torch.as_tensor(background, dtype=color.dtype, device=color.device)
        bg = bg.reshape(-1, 1, 1, 3) if bg.ndim == 2 else bg.reshape(1, 1, 1, 3)
        color = color + (1 - alpha[..., None]) * bg
    return RenderOutput(color, depth, alpha)


def rasterize(means, quats, scales, opacities, colors, viewmats, Ks, width: int, height: int,
              near: float = 0.01, far: float = 1e10, background=None, backend: str = "auto") -> RenderOutput:
    """Render Gaussians into C cameras; see the module docstring. backend: auto | cpu | reference | gsplat."""
    if means.ndim == 3:  # batched scenes: render each (shapes may differ per scene only in content)
        outs = [rasterize(means[b], quats[b], scales[b], opacities[b], colors[b], viewmats[b], Ks[b], width,
                          height, near, far, None if background is None else
                          (background[b] if torch.as_tensor(background).ndim >= 2 else background), backend)
                for b in range(means.shape[0])]
        return RenderOutput(*(torch.stack(x) for x in zip(*outs)))
    _check(means, quats, scales, opacities, colors, viewmats, Ks)
    from .backends import pick_backend

    kind = pick_backend(backend, means)
    if kind == "gsplat":
        from .backends import rasterize_gsplat

        return rasterize_gsplat(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near, far,
                                background)
    proj = project_gaussians(means, quats, scales, viewmats, Ks, width, height, near, far)
    if kind == "reference":
        out = composite_reference(proj, opacities, colors, width, height)
    else:
        out = composite(proj, opacities, colors, width, height)
    return _finish(*out, background)


def render_reference(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near=0.01, far=1e10,
                     background=None) -> RenderOutput:
    """The dense reference renderer with the same API (tests, benchmark baseline)."""
    return rasterize(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near, far, background,
                     backend="reference")


def _check(means, quats, scales, opacities, colors, viewmats, Ks) -> None:
    from ..errors import CvdError

    N = means.shape[0]
    for name, x, shape in (("means", means, (N, 3)), ("quats", quats, (N, 4)), ("scales", scales, (N, 3)),
                           ("opacities", opacities, (N,)), ("colors", colors, (N, 3))):
        if tuple(x.shape) != shape:
            raise CvdError(f"rasterize: {name} has shape {tuple(x.shape)}, expected {shape}")
    C = viewmats.shape[0]
    if tuple(viewmats.shape) != (C, 4, 4) or tuple(Ks.shape) != (C, 3, 3):
        raise CvdError(f"rasterize: viewmats {tuple(viewmats.shape)} / Ks {tuple(Ks.shape)} must be [C, 4, 4] / [C, 3, 3]")
