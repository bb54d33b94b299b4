"""`rasterize`: differentiable 3D Gaussian Splatting renderer (C++ CPU kernel, gsplat on CUDA).

In:  means [N, 3], quats [N, 4] (w, x, y, z, any norm), scales [N, 3] (linear), opacities [N],
     colors [N, 3] (any [N, F] works), viewmats [C, 4, 4] (world-to-camera, OpenCV), Ks [C, 3, 3]
     (pinhole, no skew), width, height, near, far, background (None = black, [3], [C, 3], or
     [B, C, 3] when batched). A leading batch dimension on every tensor renders B scenes at once.
Out: RenderOutput(rgb [C, H, W, 3], depth [C, H, W] (alpha-normalised camera z: sum w_i z_i /
     sum w_i, 0 where alpha <= 1e-6), alpha [C, H, W]), with the leading [B] when batched.

Pipeline (backend "cpu"): fused EWA projection of every (camera, Gaussian) pair, keeping the
visible ones as packed rows, then tile binning, per-tile depth sort and front-to-back compositing,
all in C++/OpenMP with analytic backwards (csrc/rasterize_cpu.cpp, loaded by kernel.py); opacity /
colour gathers, depth normalisation and background in PyTorch. Never materialises pixels x
Gaussians; the backward writes per-row gradients that PyTorch sums per Gaussian (index_add), so
it is deterministic. Not differentiable w.r.t. Ks (like gsplat); viewmats get gradients.

Why C++ for all of it: sorted per-pixel compositing is a short sequential loop with early exit,
which PyTorch can only express as millions of (pixel, Gaussian) pairs, sorts and segmented scans
(composite_torch.py: the fallback, same results, ~10x slower and several GB on the STORM workload).
The projection was first PyTorch autograd (projection.py, still the fallback's projection and a
test cross-check), but its ~200 small ops cost more than the compositing on 2 shared cores, and
its backward is a page of closed-form derivatives, checked against autograd of the reference.

Backends: "auto" (gsplat on CUDA if importable; else the C++ kernel on CPU, the PyTorch compositor
on other devices or when the kernel cannot be built), "cpu", "torch", "gsplat", "reference"
(the dense renderer of reference.py). Conventions: projection.py and reference.py.
"""

from __future__ import annotations

import torch

from ..errors import CvdError
from . import kernel
from .backends import pick_backend, rasterize_gsplat
from .composite_torch import composite_torch
from .gaussians import DEPTH_EPS, RenderOutput, composite_background
from .projection import project_packed
from .reference import render_reference


class _Project(torch.autograd.Function):
    """Fused C++ EWA projection (same maths as projection.py) with its analytic backward.
    -> (means2d [M, 2], conics [M, 3], depths [M], radii, gauss_ids, cam_ids, cam_offsets)."""

    @staticmethod
    def forward(ctx, means, quats, scales, viewmats, Ks, width, height, near, far):
        B, C = viewmats.shape[:2]
        args = [x.contiguous() for x in (means, quats, scales, viewmats.reshape(B * C, 4, 4), Ks.reshape(B * C, 3, 3))]
        out = kernel.load().project(*args, width, height, near, far)
        ctx.save_for_backward(*args, out[4], out[5])
        ctx.meta = (width, height, B, C)
        ctx.mark_non_differentiable(*out[3:])
        return out

    @staticmethod
    def backward(ctx, g_means2d, g_conics, g_depths, *_):
        means, quats, scales, views, Ks, gauss_ids, cam_ids = ctx.saved_tensors
        W, H, B, C = ctx.meta
        M = gauss_ids.numel()
        g2d, gcon, gdep = (torch.zeros(M, *shape, dtype=means.dtype) if g is None else g.contiguous()
                           for g, shape in ((g_means2d, (2,)), (g_conics, (3,)), (g_depths, ())))
        gm, gq, gs, gv = kernel.load().project_backward(means, quats, scales, views, Ks, W, H, gauss_ids, cam_ids, g2d,
                                                      gcon, gdep, ctx.needs_input_grad[3])
        N = means.shape[1]

        def per_gaussian(rows):  # [M, k] -> [B, N, k], summed over the cameras that see each Gaussian
            return torch.zeros(B * N, rows.shape[1], dtype=rows.dtype).index_add_(0, gauss_ids, rows).reshape(B, N, -1)

        g_view = None
        if gv is not None:
            g_view = torch.zeros(B * C, 4, 4, dtype=gv.dtype)
            g_view[:, :3, :] = torch.zeros(B * C, 12, dtype=gv.dtype).index_add_(0, cam_ids, gv).reshape(-1, 3, 4)
            g_view = g_view.reshape(B, C, 4, 4)
        return per_gaussian(gm), per_gaussian(gq), per_gaussian(gs), g_view, None, None, None, None, None


class _Composite(torch.autograd.Function):
    """Packed rows -> (color [NC, H, W, F], depth_acc [NC, H, W], alpha [NC, H, W]) by the C++ kernel."""

    @staticmethod
    def forward(ctx, means2d, conics, opac, colors, depths, radii, cam_offsets, width, height):
        k = kernel.load()
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
        rows = kernel.load().backward(means2d, conics, opac, colors, depths, tile_off, ids, alpha, last, *gs, NC, W, H)
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
    dtype = means.dtype
    work = dtype if dtype in (torch.float32, torch.float64) else torch.float32  # half precision: float32 inside
    means, quats, scales, opacities, colors, viewmats, Ks = (
        x.to(work) for x in (means, quats, scales, opacities, colors, viewmats, Ks))
    if kind == "reference":
        rgb, depth, alpha = render_reference(means, quats, scales, opacities, colors, viewmats, Ks, width, height,
                                             near, far)
    elif kind == "gsplat":
        rgb, depth, alpha = rasterize_gsplat(means, quats, scales, opacities, colors, viewmats, Ks, width, height,
                                             near, far)
    else:
        B, C = means.shape[0], viewmats.shape[1]
        use_kernel = kind == "cpu" and kernel.load() is not None
        if use_kernel:
            means2d, conics, depths, radii, gauss_ids, _, cam_offsets = _Project.apply(
                means, quats, scales, viewmats, Ks, width, height, near, far)
        else:
            pk = project_packed(means, quats, scales, viewmats, Ks, width, height, near, far)
            means2d, conics, depths, radii, gauss_ids, cam_offsets = (
                pk.means2d, pk.conics, pk.depths, pk.radii, pk.gauss_ids, pk.cam_offsets)
        op = opacities.reshape(-1)[gauss_ids]                                 # [M]
        col = colors.reshape(-1, colors.shape[-1])[gauss_ids]                 # [M, F]
        args = (means2d, conics, op, col, depths, radii, cam_offsets, width, height)
        color, dacc, alpha = _Composite.apply(*args) if use_kernel else composite_torch(*args)
        depth = torch.where(alpha > DEPTH_EPS, dacc / alpha.clamp_min(DEPTH_EPS), 0.0)
        rgb, depth, alpha = (x.reshape(B, C, *x.shape[1:]) for x in (color, depth, alpha))
    rgb, depth, alpha = (x.to(dtype) for x in (rgb, depth, alpha))
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
