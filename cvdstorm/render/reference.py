"""Reference renderer: dense, obviously correct, slow. Tests and the benchmark baseline only.

In:  the `rasterize` arguments (means [N, 3], quats [N, 4] (w, x, y, z), scales [N, 3], opacities [N],
     colors [N, F], viewmats [C, 4, 4], Ks [C, 3, 3], width, height, near, far, background
     [F] or [C, F]); an optional leading batch dimension on all of them.
Out: RenderOutput(rgb [C, H, W, F], depth [C, H, W], alpha [C, H, W]).

Written independently of projection.py / the C++ kernel on purpose, as plain matrix algebra that
reads like the 3DGS paper: Sigma = R S S^T R^T (R from the Euler-Rodrigues formula),
Sigma' = J W Sigma W^T J^T + 0.3 I, conic = inverse(Sigma') by torch.linalg.inv, then for every
pixel x every Gaussian in front of the camera (chunked over pixels to bound memory): power,
alpha = min(0.99, o exp(power)), keep if power in [-4.5, 0] (3-sigma ellipse) and alpha >= 1/255,
sort by depth (ties by index), composite front to back with cumulative products, dropping the
Gaussian that would bring transmittance below 1e-4 and all behind it (each pixel chunk is
recomputed in backward, so autograd holds one chunk's pixels x Gaussians at a time). No tiles, no radii, no
culling other than the near/far planes (the 3-sigma ellipse test already bounds the footprint).
Autograd of these ops gives the gradients the fast path must match.
"""

from __future__ import annotations

import torch
from torch.utils.checkpoint import checkpoint

from .gaussians import DEPTH_EPS, RenderOutput, composite_background

LOW_PASS, ALPHA_MIN, ALPHA_MAX, T_MIN, POWER_MIN = 0.3, 1 / 255, 0.99, 1e-4, -4.5
FOV_MARGIN = 0.15


def rotation_euler_rodrigues(q: torch.Tensor) -> torch.Tensor:
    """[N, 4] (w, x, y, z), any norm -> [N, 3, 3]: R = (w^2 - v.v) I + 2 v v^T + 2 w [v]_x."""
    q = q / q.norm(dim=-1, keepdim=True)
    w, v = q[:, :1, None], q[:, 1:]
    vx = torch.zeros(q.shape[0], 3, 3, dtype=q.dtype, device=q.device)
    vx[:, 0, 1], vx[:, 0, 2], vx[:, 1, 2] = -v[:, 2], v[:, 1], -v[:, 0]
    vx = vx - vx.transpose(1, 2)
    eye = torch.eye(3, dtype=q.dtype, device=q.device)
    return (w * w - (v * v).sum(-1)[:, None, None]) * eye + 2 * v[:, :, None] * v[:, None, :] + 2 * w * vx


def project_dense(means, quats, scales, viewmat, K, width: int, height: int):
    """One camera -> (means2d [N, 2], conics [N, 2, 2], depth [N]) for every Gaussian."""
    Wr, t = viewmat[:3, :3], viewmat[:3, 3]
    p = means @ Wr.T + t                                               # [N, 3]
    z = p[:, 2]
    fx, fy, cx, cy = K[0, 0], K[1, 1], K[0, 2], K[1, 2]
    xz = (p[:, 0] / z).clamp(-(cx + FOV_MARGIN * width) / fx, (width - cx + FOV_MARGIN * width) / fx)
    yz = (p[:, 1] / z).clamp(-(cy + FOV_MARGIN * height) / fy, (height - cy + FOV_MARGIN * height) / fy)
    zero = torch.zeros_like(z)
    J = torch.stack([torch.stack([fx / z, zero, -fx * xz / z], -1),
                     torch.stack([zero, fy / z, -fy * yz / z], -1)], -2)  # [N, 2, 3]
    S = torch.diag_embed(scales)
    Rq = rotation_euler_rodrigues(quats)
    Sigma = Rq @ S @ S.transpose(1, 2) @ Rq.transpose(1, 2)           # [N, 3, 3]
    cov2 = J @ Wr @ Sigma @ Wr.T @ J.transpose(1, 2) + LOW_PASS * torch.eye(2, dtype=p.dtype, device=p.device)
    uvw = p @ K.T                                                       # pinhole
    return uvw[:, :2] / uvw[:, 2:], torch.linalg.inv(cov2), z


def _composite_pixels(pix, m2d, conic, z, o, col):
    """Pixels [p, 2] x depth-sorted Gaussians [n] -> (color [p, F], depth_acc [p], alpha [p])."""
    d = m2d[None] - pix[:, None]                                        # [p, n, 2]
    power = -0.5 * torch.einsum("pni,nij,pnj->pn", d, conic, d)
    alpha = torch.minimum(o * torch.exp(power), torch.tensor(ALPHA_MAX, dtype=power.dtype))
    alpha = torch.where((power <= 0) & (power >= POWER_MIN) & (alpha >= ALPHA_MIN), alpha, 0.0)
    T_after = torch.cumprod(1 - alpha, dim=1)                           # transmittance behind each
    alpha = torch.where(T_after >= T_MIN, alpha, 0.0)                  # stop rule (T_after only falls)
    T_before = torch.cumprod(torch.cat([torch.ones_like(alpha[:, :1]), 1 - alpha[:, :-1]], 1), 1)
    w = alpha * T_before                                                # [p, n]
    return w @ col, w @ z, 1 - torch.prod(1 - alpha, dim=1)


def _render_camera(means, quats, scales, opacities, colors, viewmat, K, width, height, near, far, chunk):
    z_all = means.detach() @ viewmat[:3, :3].detach().T + viewmat[:3, 3].detach()
    idx = torch.nonzero((z_all[:, 2] > near) & (z_all[:, 2] < far))[:, 0]
    m2d, conic, z = project_dense(means[idx], quats[idx], scales[idx], viewmat, K, width, height)
    order = torch.sort(z.detach(), stable=True).indices                # front to back, ties by index
    m2d, conic, z, o, col = m2d[order], conic[order], z[order], opacities[idx][order], colors[idx][order]
    ys, xs = torch.meshgrid(torch.arange(height, dtype=means.dtype, device=means.device) + 0.5,
                            torch.arange(width, dtype=means.dtype, device=means.device) + 0.5, indexing="ij")
    pix = torch.stack([xs, ys], -1).reshape(-1, 2)                     # [P, 2] pixel centres
    cols, deps, alps = [], [], []
    for s in range(0, len(pix), chunk):
        if torch.is_grad_enabled():  # recompute the chunk in backward: autograd memory of one chunk only
            c, d, a = checkpoint(_composite_pixels, pix[s:s + chunk], m2d, conic, z, o, col, use_reentrant=False)
        else:
            c, d, a = _composite_pixels(pix[s:s + chunk], m2d, conic, z, o, col)
        cols.append(c)
        deps.append(d)
        alps.append(a)
    return (torch.cat(cols).reshape(height, width, -1), torch.cat(deps).reshape(height, width),
            torch.cat(alps).reshape(height, width))


def render_reference(means, quats, scales, opacities, colors, viewmats, Ks, width: int, height: int,
                     near: float = 0.01, far: float = 1e10, background=None, chunk: int = 2048) -> RenderOutput:
    """See the module docstring."""
    if means.ndim == 3:
        outs = [render_reference(means[b], quats[b], scales[b], opacities[b], colors[b], viewmats[b], Ks[b], width,
                                 height, near, far, None, chunk) for b in range(means.shape[0])]
        rgb, depth, alpha = (torch.stack(x) for x in zip(*outs))
        return RenderOutput(composite_background(rgb, alpha, background), depth, alpha)
    per_cam = [_render_camera(means, quats, scales, opacities, colors, viewmats[c], Ks[c], width, height, near, far,
                              chunk) for c in range(viewmats.shape[0])]
    col, dacc, alpha = (torch.stack(x) for x in zip(*per_cam))
    depth = torch.where(alpha > DEPTH_EPS, dacc / alpha.clamp_min(DEPTH_EPS), 0.0)
    return RenderOutput(composite_background(col, alpha, background), depth, alpha)
