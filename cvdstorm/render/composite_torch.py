"""Pure-PyTorch compositing of packed projected Gaussians: the fallback when the C++ kernel cannot be
built, and the path for CUDA tensors without gsplat. Any device, autograd for gradients.

In:  means2d [M, 2], conics [M, 3], opacities [M], colors [M, F], depths [M], radii [M] int32,
     cam_offsets [NC + 1] (rows grouped by camera, as projection.Packed), width, height.
Out: (color [NC, H, W, F], depth_acc [NC, H, W] (sum of w_i z_i), alpha [NC, H, W]).

Same rules as the kernel (csrc/rasterize_cpu.cpp). Instead of pixels x Gaussians it enumerates only
the (pixel, Gaussian) pairs inside each Gaussian's footprint box, keeps those passing the tests,
sorts them by (pixel, depth, row) and composites with a segmented scan: the transmittance in front
of each pair is exp of an exclusive cumulative sum of log(1 - alpha) within its pixel (float64, so
the subtraction of the segment base is exact enough). Cameras are processed in groups so that at
most `max_pairs` candidate pairs are alive at once.
"""

from __future__ import annotations

import math

import torch

ALPHA_MIN, ALPHA_MAX, T_MIN, POWER_MIN, EXTENT_MARGIN = 1 / 255, 0.99, 1e-4, -4.5, 1e-3


def _footprints(means2d, conics, opac, radii, width, height):
    """No-grad pixel boxes [x0, x1] x [y0, y1] (inclusive) of each row's possible footprint."""
    a, b, c = conics.unbind(-1)
    det = a * c - b * b
    m2 = torch.clamp(2 * torch.log(255 * opac.clamp_min(1e-30)), max=9.0)
    ok = (radii > 0) & (opac > 0) & (m2 >= 0) & (det > 0)
    m2, det = torch.where(ok, m2, 0.0), torch.where(ok, det, 1.0)
    ex = torch.sqrt(m2 * c / det) + EXTENT_MARGIN
    ey = torch.sqrt(m2 * a / det) + EXTENT_MARGIN
    mx, my = means2d.unbind(-1)
    x0 = torch.ceil(mx - ex - 0.5).clamp(0, width).long()
    x1 = torch.floor(mx + ex - 0.5).clamp(-1, width - 1).long()
    y0 = torch.ceil(my - ey - 0.5).clamp(0, height).long()
    y1 = torch.floor(my + ey - 0.5).clamp(-1, height - 1).long()
    nx = torch.where(ok, (x1 - x0 + 1).clamp_min(0), 0)
    ny = torch.where(ok, (y1 - y0 + 1).clamp_min(0), 0)
    return x0, y0, nx, ny


def _alpha(means2d, conics, opac, row, px, py):
    """alpha [P] and the pass mask for (row, pixel) pairs; differentiable in the row inputs."""
    dx = means2d[row, 0] - (px + 0.5)
    dy = means2d[row, 1] - (py + 0.5)
    con = conics[row]
    power = -0.5 * (con[:, 0] * dx * dx + con[:, 2] * dy * dy) - con[:, 1] * dx * dy
    alpha = torch.clamp(opac[row] * torch.exp(power), max=ALPHA_MAX)
    ok = (power <= 0) & (power >= POWER_MIN) & (alpha >= ALPHA_MIN)
    return alpha, ok


def _composite_group(means2d, conics, opac, colors, depths, cam_local, footprint, rows, width, height, n_cams):
    """Composite the given rows (all of cameras [0, n_cams) after re-indexing) -> flat pixel buffers."""
    dev, dt = means2d.device, means2d.dtype
    x0, y0, nx, ny = (f[rows] for f in footprint)
    with torch.no_grad():
        cnt = nx * ny
        pair_row = torch.repeat_interleave(torch.arange(len(rows), device=dev), cnt)       # [P]
        k = torch.arange(pair_row.numel(), device=dev) - (torch.cumsum(cnt, 0) - cnt)[pair_row]
        px = x0[pair_row] + k % nx[pair_row]
        py = y0[pair_row] + torch.div(k, nx[pair_row], rounding_mode="floor")
        row = rows[pair_row]
        _, ok = _alpha(means2d, conics, opac, row, px.to(dt), py.to(dt))
        row, px, py = row[ok], px[ok], py[ok]
        pix = (cam_local[row] * height + py) * width + px
        # order by (pixel, depth, row): depth rank over all rows, stable so ties go by row index
        rank = torch.empty_like(rows)
        rank[torch.sort(depths[rows].detach(), stable=True).indices] = torch.arange(len(rows), device=dev)
        pos = torch.searchsorted(rows, row)                                 # row -> position in rows
        order = torch.argsort(pix * len(rows) + rank[pos])
        row, px, py, pix = row[order], px[order], py[order], pix[order]
        first = torch.ones_like(pix, dtype=torch.bool)
        first[1:] = pix[1:] != pix[:-1]
        seg = torch.cumsum(first, 0) - 1                                    # segment id per pair
        starts = torch.nonzero(first)[:, 0]
    alpha, _ = _alpha(means2d, conics, opac, row, px.to(dt), py.to(dt))
    log1m = torch.log1p(-alpha.double())
    incl = torch.cumsum(log1m, 0)
    excl = incl - log1m
    base = excl[starts][seg]
    with torch.no_grad():
        keep = (incl - base) >= math.log(T_MIN)                             # stop rule; a prefix per pixel
    w = alpha * torch.exp(excl - base).to(dt) * keep
    n_pix = n_cams * height * width
    F = colors.shape[1]
    color = torch.zeros(n_pix, F, dtype=dt, device=dev).index_add(0, pix, w[:, None] * colors[row])
    dacc = torch.zeros(n_pix, dtype=dt, device=dev).index_add(0, pix, w * depths[row])
    logT = torch.zeros(n_pix, dtype=torch.float64, device=dev).index_add(0, pix, log1m * keep)
    return color, dacc, (1 - torch.exp(logT)).to(dt)


def composite_torch(means2d, conics, opacities, colors, depths, radii, cam_offsets, width: int, height: int,
                    max_pairs: int = 4_000_000):
    """See the module docstring."""
    NC = cam_offsets.numel() - 1
    dev = means2d.device
    cam = torch.repeat_interleave(torch.arange(NC, device=dev), cam_offsets.diff())   # [M]
    footprint = _footprints(means2d.detach(), conics.detach(), opacities.detach(), radii, width, height)
    pairs_per_cam = torch.zeros(NC, dtype=torch.long, device=dev).index_add(0, cam, footprint[2] * footprint[3])
    outs, c0 = [], 0
    per_cam = pairs_per_cam.tolist()
    offs = cam_offsets.tolist()
    while c0 < NC:  # greedy groups of cameras under the pair budget (at least one camera each)
        c1, total = c0 + 1, per_cam[c0]
        while c1 < NC and total + per_cam[c1] <= max_pairs:
            total += per_cam[c1]
            c1 += 1
        rows = torch.arange(offs[c0], offs[c1], device=dev)
        outs.append(_composite_group(means2d, conics, opacities, colors, depths, cam - c0, footprint, rows, width,
                                     height, c1 - c0))
        c0 = c1
    color, dacc, alpha = (torch.cat(x) for x in zip(*outs))
    F = colors.shape[1]
    return color.reshape(NC, height, width, F), dacc.reshape(NC, height, width), alpha.reshape(NC, height, width)
