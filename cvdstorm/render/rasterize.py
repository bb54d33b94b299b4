"""`rasterize`: differentiable 3D Gaussian Splatting renderer (C++ CPU kernel, gsplat on CUDA).

In:  means [N, 3], quats [N, 4] (w, x, y, z, any norm), scales [N, 3] (linear), opacities [N],
     colors [N, 3] (any [N, F] works), viewmats [C, 4, 4] (world-to-camera, OpenCV), Ks [C, 3, 3]
     (pinhole, no skew), width, height, near, far, background (None = black, [3], [C, 3], or
     [B, C, 3] when batched). A leading batch dimension on every tensor renders B scenes at once.
Out: RenderOutput(rgb [C, H, W, 3], depth [C, H, W] (alpha-normalised camera z: sum w_i z_i /
     sum w_i, 0 where alpha <= 1e-6), alpha [C, H, W]), with the leading [B] when batched.

Pipeline (backend "cpu"): packed EWA projection in PyTorch (projection.py: a cheap no-grad cull,
then the differentiable maths on visible (camera, Gaussian) pairs only, autograd for its gradients)
-> tile binning, per-tile depth sort and front-to-back compositing in C++/OpenMP with an analytic
backward (csrc/rasterize_cpu.cpp, via _ext.py) -> depth normalisation and background in PyTorch.
Never materialises pixels x Gaussians.

Why a C++ kernel: per-pixel sorted compositing is a short sequential loop with early exit; PyTorch
needs it as millions of (pixel, Gaussian) pairs, sorts and segmented scans (composite_torch.py,
kept as the fallback: same results, ~5-10x slower, several GB on the STORM workload). The
projection stays in PyTorch, which keeps the C++ small (no quaternion / EWA Jacobian derivatives).

Backends: "auto" (gsplat on CUDA if importable; else the C++ kernel on CPU, the PyTorch compositor
on other devices or when the kernel cannot be built), "cpu", "torch", "gsplat", "reference"
(the dense renderer of reference.py). Conventions: projection.py and reference.py.
"""

from __future__ import annotations

import torch

from ..errors import CvdError
from . import _ext
from .backends import pick_backend, rasterize_gsplat
from .composite_torch import composite_torch
from .gaussians import RenderOutput, composite_background
from .projection import project_packed
from .reference import render_reference

DEPTH_EPS = 1e-6


class _Composite(torch.autograd.Function):
    """Packed rows -> (color [NC, H, W, F], depth_acc [NC, H, W], alpha [NC, H, W]) by the C++ kernel."""

    @staticmethod
    def forward(ctx, means2d, conics, opac, colors, depths, radii, cam_offsets, width, height):
        k = _ext.load()
        means2d, conics, opac, colors, depths = (x.contiguous() for x in (means2d, conics, opac, colors, depths))
        radii, cam_offsets = radii.contiguous(), cam_offsets.contiguous()
        tile_off, ids = k.bin(means2d, conics, opac, depths, radii, cam_offsets, width, height)
        NC = cam_offsets.numel() - 1
        color, dacc, alpha, last = k.forward(means2d, conics, opac, colors, depths, tile_off, ids, NC, width, height)
        ctx.save_for_backward(means2d, conics, opac, colors, depths, tile_off, ids, alpha, last)
        ctx.size = (NC, width, height)
        return color, dacc, alpha

    @staticmethod
    def backward(ctx, g_color, g_depth, g_alpha):
        means2d, conics, opac, colors, depths, tile_off, ids, alpha, last = ctx.saved_tensors
        NC, W, H = ctx.size
        F = colors.shape[1]
        gs = [torch.zeros(shape, dtype=alpha.dtype) if g is None else g.contiguous()
              for g, shape in ((g_color, (NC, H, W, F)), (g_depth, alpha.shape), (g_alpha, alpha.shape))]
        rows = _ext.load().backward(means2d, conics, opac, colors, depths, tile_off, ids, alpha, last, *gs, NC, W, H)
        g = torch.zeros(means2d.shape[0], rows.shape[1], dtype=rows.dtype).index_add_(0, ids.long(), rows)
        return g[:, 0:2], g[:, 2:5], g[:, 5], g[:, 6:6 + F], g[:, 6 + F], None, None, None, None


def rasterize(means, quats, scales, opacities, colors, viewmats, Ks, width: int, height: int,
              near: float = 0.01, far: float = 1e10, background=None, backend: str = "auto") -> RenderOutput:
    """Render Gaussians into C cameras; see the module docstring."""
    batched = means.ndim == 3
    _check(means, quats, scales, opacities, colors, viewmats, Ks, batched)
    if not batched:
        means, quats, scales, opacities, colors, viewmats, Ks = (
            x[None] for x in (means, quats, scales, opacities, colors, viewmats, Ks))
    kind = pick_backend(backend, means)
    if kind == "reference":
        out = render_reference(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near, far)
        rgb, depth, alpha = out
    elif kind == "gsplat":
        rgb, depth, alpha = rasterize_gsplat(means, quats, scales, opacities, colors, viewmats, Ks, width, height,
                                             near, far)
    else:
        dtype = means.dtype
        if dtype not in (torch.float32, torch.float64):  # half precision: render in float32
            means, quats, scales, opacities, colors, viewmats, Ks = (
                x.float() for x in (means, quats, scales, opacities, colors, viewmats, Ks))
        B, C = means.shape[0], viewmats.shape[1]
        pk = project_packed(means, quats, scales, viewmats.to(means.dtype), Ks.to(means.dtype), width, height, near,
                            far)
        op = opacities.reshape(-1)[pk.gauss_ids]                              # [M]
        col = colors.reshape(-1, colors.shape[-1])[pk.gauss_ids]              # [M, F]
        args = (pk.means2d, pk.conics, op, col, pk.depths, pk.radii, pk.cam_offsets, width, height)
        if kind == "cpu" and _ext.load() is not None:
            color, dacc, alpha = _Composite.apply(*args)
        else:
            color, dacc, alpha = composite_torch(*args)
        depth = torch.where(alpha > DEPTH_EPS, dacc / alpha.clamp_min(DEPTH_EPS), 0.0)
        rgb, depth, alpha = (x.reshape(B, C, *x.shape[1:]).to(dtype) for x in (color, depth, alpha))
    rgb = composite_background(rgb, alpha, background)
    out = RenderOutput(rgb, depth, alpha)
    return out if batched else RenderOutput(*(x[0] for x in out))


def _check(means, quats, scales, opacities, colors, viewmats, Ks, batched: bool) -> None:
    lead = tuple(means.shape[:1]) if batched else ()
    if means.ndim not in (2, 3) or means.shape[-1] != 3:
        raise CvdError(f"rasterize: means has shape {tuple(means.shape)}, expected [N, 3] or [B, N, 3]")
    N = means.shape[-2]
    F = colors.shape[-1] if colors.ndim == means.ndim else -1
    for name, x, shape in (("quats", quats, (*lead, N, 4)), ("scales", scales, (*lead, N, 3)),
                           ("opacities", opacities, (*lead, N)), ("colors", colors, (*lead, N, F))):
        if tuple(x.shape) != shape:
            raise CvdError(f"rasterize: {name} has shape {tuple(x.shape)}, expected {shape}")
    C = viewmats.shape[-3] if viewmats.ndim == len(lead) + 3 else -1
    if tuple(viewmats.shape) != (*lead, C, 4, 4) or tuple(Ks.shape) != (*lead, C, 3, 3):
        raise CvdError(f"rasterize: viewmats {tuple(viewmats.shape)} / Ks {tuple(Ks.shape)} must be "
                       f"{'[B, C, 4, 4] / [B, C, 3, 3]' if batched else '[C, 4, 4] / [C, 3, 3]'}")
    devices = {x.device for x in (means, quats, scales, opacities, colors, viewmats, Ks)}
    if len(devices) > 1:
        raise CvdError(f"rasterize: all tensors must be on one device, got {sorted(map(str, devices))}")
