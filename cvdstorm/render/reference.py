"""Reference renderer: dense, obviously correct, slow. Used by tests and as the benchmark baseline.

For every pixel it evaluates every projected Gaussian (chunked over pixels to bound memory),
sorts by depth and composites front to back with the same rules as the fast path:
3-sigma ellipse, alpha = min(0.99, o * exp(power)), alpha < 1/255 skipped, stop before the
Gaussian that would bring transmittance below 1e-4. Plain PyTorch ops, so autograd gives the
exact gradients the fast path's analytic backward must match.
"""

from __future__ import annotations

import torch

from .projection import Projected

ALPHA_MIN, ALPHA_MAX, T_MIN, POWER_MIN = 1 / 255, 0.99, 1e-4, -4.5


def composite_reference(proj: Projected, opacities: torch.Tensor, colors: torch.Tensor, width: int, height: int,
                        chunk: int = 4096):
    """-> (color [C, H, W, 3] un-normalised, depth_acc [C, H, W], alpha [C, H, W])."""
    C, N = proj.depths.shape
    outs_c, outs_d, outs_a = [], [], []
    ys, xs = torch.meshgrid(torch.arange(height, dtype=proj.means2d.dtype) + 0.5,
                            torch.arange(width, dtype=proj.means2d.dtype) + 0.5, indexing="ij")
    pix = torch.stack([xs, ys], -1).reshape(-1, 2)                      # [P, 2]
    for c in range(C):
        keep = proj.radii[c] > 0
        # depth order, ties by index: the same order the tile kernel uses
        idx = torch.nonzero(keep)[:, 0]
        order = idx[torch.sort(proj.depths[c, idx].detach(), stable=True).indices]
        m, con, d = proj.means2d[c, order], proj.conics[c, order], proj.depths[c, order]
        o, col = opacities[order], colors[order]
        cc, dd, aa = [], [], []
        for s in range(0, len(pix), chunk):
            delta = m[None] - pix[s:s + chunk, None]                     # [P, n, 2]
            dx, dy = delta[..., 0], delta[..., 1]
            power = -0.5 * (con[:, 0] * dx * dx + con[:, 2] * dy * dy) - con[:, 1] * dx * dy
            alpha = torch.minimum(o * torch.exp(power), torch.tensor(ALPHA_MAX, dtype=power.dtype))
            ok = (power <= 0) & (power >= POWER_MIN) & (alpha >= ALPHA_MIN)
            alpha = torch.where(ok, alpha, torch.zeros_like(alpha))
            T_incl = torch.cumprod(1 - alpha, dim=1)                     # transmittance after each
            alpha = torch.where(T_incl >= T_MIN, alpha, torch.zeros_like(alpha))
            T_excl = torch.cumprod(torch.cat([torch.ones_like(alpha[:, :1]), 1 - alpha[:, :-1]], 1), 1)
            w = alpha * T_excl
            cc.append(w @ col)
            dd.append(w @ d)
            aa.append(1 - torch.prod(1 - alpha, dim=1))
        outs_c.append(torch.cat(cc).reshape(height, width, 3))
        outs_d.append(torch.cat(dd).reshape(height, width))
        outs_a.append(torch.cat(aa).reshape(height, width))
    return torch.stack(outs_c), torch.stack(outs_d), torch.stack(outs_a)
