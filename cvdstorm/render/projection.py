"""EWA projection of 3D Gaussians into pinhole cameras (as the original 3DGS renderer does).

In:  means [N, 3], quats [N, 4] (w, x, y, z, any norm), scales [N, 3] (linear), viewmats [C, 4, 4]
     (world-to-camera, OpenCV), Ks [C, 3, 3], image size, near/far.
Out: Projected(means2d [C, N, 2] (pixels, centres at +0.5), conics [C, N, 3] (a, b, c of the
     inverse 2D covariance), depths [C, N] (camera z), radii [C, N] int32 (3-sigma, 0 = culled)).

Conventions: 2D covariance J W Sigma W^T J^T + 0.3 I (the 0.3 px low-pass), J evaluated at the
camera-space mean with x/z, y/z clamped to 1.3x the field of view (3DGS's guard against huge
off-screen Jacobians), radius = ceil(3 sqrt(largest eigenvalue)). Gaussians with z <= near or
z >= far, a degenerate 2D covariance, or a footprint entirely off-screen are culled.
Everything is differentiable PyTorch; the compositing kernels consume these tensors.
"""

from __future__ import annotations

from typing import NamedTuple

import torch

from ..geometry import quat_to_rotmat

LOW_PASS = 0.3


class Projected(NamedTuple):
    means2d: torch.Tensor
    conics: torch.Tensor
    depths: torch.Tensor
    radii: torch.Tensor


def covariance3d(quats: torch.Tensor, scales: torch.Tensor) -> torch.Tensor:
    """[N, 4], [N, 3] -> Sigma = R S S R^T [N, 3, 3]."""
    R = quat_to_rotmat(quats)
    M = R * scales[..., None, :]
    return M @ M.transpose(-1, -2)


def project_gaussians(means, quats, scales, viewmats, Ks, width: int, height: int, near: float = 0.01,
                      far: float = 1e10) -> Projected:
    R, t = viewmats[:, :3, :3], viewmats[:, :3, 3]                      # [C, 3, 3], [C, 3]
    p = torch.einsum("cij,nj->cni", R, means) + t[:, None]              # [C, N, 3]
    x, y, z = p.unbind(-1)
    valid = (z > near) & (z < far)
    zs = torch.where(valid, z, torch.ones_like(z))                      # safe divisor for culled ones
    fx, fy = Ks[:, 0, 0, None], Ks[:, 1, 1, None]
    cx, cy = Ks[:, 0, 2, None], Ks[:, 1, 2, None]
    lim_x = 1.3 * (0.5 * width / fx)
    lim_y = 1.3 * (0.5 * height / fy)
    tx = (x / zs).clamp(-lim_x, lim_x) * zs
    ty = (y / zs).clamp(-lim_y, lim_y) * zs
    zero = torch.zeros_like(zs)
    J = torch.stack([torch.stack([fx / zs, zero, -fx * tx / zs ** 2], -1),
                     torch.stack([zero, fy / zs, -fy * ty / zs ** 2], -1)], -2)  # [C, N, 2, 3]
    cov3 = covariance3d(quats, scales)                                  # [N, 3, 3]
    JW = J @ R[:, None]                                                  # [C, N, 2, 3]
    cov2 = JW @ cov3[None] @ JW.transpose(-1, -2)                        # [C, N, 2, 2]
    a = cov2[..., 0, 0] + LOW_PASS
    b = cov2[..., 0, 1]
    c = cov2[..., 1, 1] + LOW_PASS
    det = a * c - b * b
    valid = valid & (det > 0)
    det_s = torch.where(valid, det, torch.ones_like(det))
    conics = torch.stack([c / det_s, -b / det_s, a / det_s], -1)        # inverse of [[a, b], [b, c]]
    means2d = torch.stack([fx * x / zs + cx, fy * y / zs + cy], -1)
    with torch.no_grad():
        mid = 0.5 * (a + c)
        lam = mid + torch.sqrt(torch.clamp(mid * mid - det, min=0.1))
        radius = torch.ceil(3.0 * torch.sqrt(lam))
        u, v = means2d.unbind(-1)
        on = (u + radius > 0) & (u - radius < width) & (v + radius > 0) & (v - radius < height)
        radii = torch.where(valid & on, radius, torch.zeros_like(radius)).to(torch.int32)
    return Projected(means2d, conics, torch.where(valid, z, torch.zeros_like(z)), radii)
