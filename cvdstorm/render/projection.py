"""EWA projection of 3D Gaussians into pinhole cameras, packed: one row per visible (camera, Gaussian).

In:  means [B, N, 3], quats [B, N, 4] (w, x, y, z, any norm), scales [B, N, 3] (linear),
     viewmats [B, C, 4, 4] (world-to-camera, OpenCV: x right, y down, z forward), Ks [B, C, 3, 3]
     (pinhole, no skew), image width/height, near/far.
Out: Packed(cam_ids [M] (flat camera b * C + c), gauss_ids [M] (flat Gaussian b * N + n),
     cam_offsets [B * C + 1] (rows of camera k are cam_offsets[k]:cam_offsets[k + 1]; rows are sorted
     by camera, then Gaussian), means2d [M, 2] (pixels, pixel centres at +0.5), conics [M, 3]
     ((a, b, c) of the inverse 2D covariance [[a, b], [b, c]]), depths [M] (camera z),
     radii [M] int32 (3-sigma radius in pixels; 0 = off-screen, skip)).

Conventions (the original 3DGS renderer / gsplat): 2D covariance J W Sigma W^T J^T + 0.3 I (the
0.3 px low-pass), Sigma = R(q) S^2 R(q)^T; J is the perspective Jacobian at the camera-space mean
with x/z, y/z clamped to the image plus 15 % of its width/height each side (guards against huge
Jacobians far off-screen; gsplat's limits, equal to 3DGS's 1.3 tan(fov/2) for a centred principal
point); radius = ceil(3 sqrt(lambda_max)) with 3DGS's clamp of the eigenvalue gap at 0.1.
Gaussians with z <= near or z >= far are dropped.

Why packed: in the STORM workload a target camera sees ~20 % of the Gaussians, so a cheap,
conservative no-grad cull on [B, C, N] first and the differentiable EWA maths on the survivors
only is ~4x less work and memory than projecting every (camera, Gaussian) pair.
Everything here is PyTorch, differentiated by autograd; it serves the PyTorch fallback (any device).
The C++ path uses a fused copy of the same maths (csrc/rasterize_cpu.cpp), checked against this.
"""

from __future__ import annotations

from typing import NamedTuple

import torch

LOW_PASS = 0.3
FOV_MARGIN = 0.15  # fraction of the image size beyond each border where the Jacobian stops following
EIG_GAP_MIN = 0.1  # 3DGS: lambda = mid + sqrt(max(0.1, mid^2 - det))


class Packed(NamedTuple):
    cam_ids: torch.Tensor
    gauss_ids: torch.Tensor
    cam_offsets: torch.Tensor
    means2d: torch.Tensor
    conics: torch.Tensor
    depths: torch.Tensor
    radii: torch.Tensor


def quat_scale_to_factor(quats: torch.Tensor, scales: torch.Tensor) -> torch.Tensor:
    """[..., 4], [..., 3] -> M = R(q) diag(s) [..., 3, 3], so that Sigma = M M^T."""
    q = quats / quats.norm(dim=-1, keepdim=True)
    w, x, y, z = q.unbind(-1)
    R = torch.stack([
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
    ], -1).reshape(*q.shape[:-1], 3, 3)
    return R * scales[..., None, :]


def _fov_limits(Ks: torch.Tensor, width: int, height: int):
    """Ks [..., 3, 3] -> (fx, fy, cx, cy, x/z low, x/z high, y/z low, y/z high), each [...]."""
    fx, fy, cx, cy = Ks[..., 0, 0], Ks[..., 1, 1], Ks[..., 0, 2], Ks[..., 1, 2]
    return (fx, fy, cx, cy, -(cx + FOV_MARGIN * width) / fx, (width - cx + FOV_MARGIN * width) / fx,
            -(cy + FOV_MARGIN * height) / fy, (height - cy + FOV_MARGIN * height) / fy)


@torch.no_grad()
def _cull(means, scales, viewmats, Ks, width: int, height: int, near: float, far: float) -> torch.Tensor:
    """Conservative visibility [B, C, N] (bool): a superset of the pairs the exact test keeps.
    Bounds the 3-sigma radius by the Frobenius norm of J, the spectral norm of the view rotation and
    the largest scale; the exact radius is never larger."""
    R, t = viewmats[..., :3, :3], viewmats[..., :3, 3]                     # [B, C, 3, 3], [B, C, 3]
    p = torch.einsum("bcij,bnj->bcni", R, means) + t[:, :, None]            # [B, C, N, 3]
    x, y, z = p.unbind(-1)
    fx, fy, cx, cy, xlo, xhi, ylo, yhi = (v[..., None] for v in _fov_limits(Ks, width, height))
    zs = z.clamp_min(max(near, 1e-12))
    xz, yz = x / zs, y / zs
    u, v = fx * xz + cx, fy * yz + cy
    j2 = (fx * fx * (1 + xz.clamp(xlo, xhi) ** 2) + fy * fy * (1 + yz.clamp(ylo, yhi) ** 2)) / (zs * zs)
    rn2 = torch.linalg.matrix_norm(R, ord=2)[..., None] ** 2               # [B, C, 1]
    s2 = scales.abs().amax(-1)[:, None] ** 2                                # [B, 1, N]
    r = 3 * torch.sqrt(j2 * rn2 * s2 + LOW_PASS + EIG_GAP_MIN ** 0.5) + 1
    return (z > near) & (z < far) & (u + r > 0) & (u - r < width) & (v + r > 0) & (v - r < height)


def project_packed(means, quats, scales, viewmats, Ks, width: int, height: int, near: float = 0.01,
                   far: float = 1e10) -> Packed:
    """See the module docstring; batched inputs only ([B, N, .], [B, C, .])."""
    B, N = means.shape[:2]
    C = viewmats.shape[1]
    b, c, n = _cull(means.detach(), scales.detach(), viewmats.detach(), Ks.detach(), width, height, near,
                    far).nonzero(as_tuple=True)                             # sorted by (b, c, n)
    cam, gid = b * C + c, b * N + n                                         # [M]
    cam_offsets = torch.zeros(B * C + 1, dtype=torch.long, device=means.device)
    cam_offsets[1:] = torch.bincount(cam, minlength=B * C).cumsum(0)

    Rv = viewmats[..., :3, :3].reshape(B * C, 3, 3)[cam]                    # [M, 3, 3]
    tv = viewmats[..., :3, 3].reshape(B * C, 3)[cam]                        # [M, 3]
    p = (Rv * means.reshape(B * N, 3)[gid][:, None, :]).sum(-1) + tv        # [M, 3] camera frame
    x, y, z = p.unbind(-1)
    fx, fy, cx, cy, xlo, xhi, ylo, yhi = (v.reshape(B * C)[cam] for v in _fov_limits(Ks, width, height))
    xz, yz = x / z, y / z
    means2d = torch.stack([fx * xz + cx, fy * yz + cy], -1)                 # [M, 2]
    # rows of J W: J = [[fx/z, 0, -fx tx/z^2], [0, fy/z, -fy ty/z^2]] with tx/z, ty/z clamped
    r0 = (fx / z)[:, None] * (Rv[:, 0] - xz.clamp(xlo, xhi)[:, None] * Rv[:, 2])  # [M, 3]
    r1 = (fy / z)[:, None] * (Rv[:, 1] - yz.clamp(ylo, yhi)[:, None] * Rv[:, 2])
    Mf = quat_scale_to_factor(quats.reshape(B * N, 4), scales.reshape(B * N, 3))[gid]  # [M, 3, 3]
    u0 = (r0[:, :, None] * Mf).sum(1)                                       # (J W M) rows, [M, 3]
    u1 = (r1[:, :, None] * Mf).sum(1)
    a = (u0 * u0).sum(-1) + LOW_PASS
    bb = (u0 * u1).sum(-1)
    cc = (u1 * u1).sum(-1) + LOW_PASS
    det = a * cc - bb * bb                                                  # >= 0.09: PSD + low-pass
    conics = torch.stack([cc / det, -bb / det, a / det], -1)                # [M, 3]
    with torch.no_grad():
        mid = 0.5 * (a + cc)
        lam = mid + torch.sqrt(torch.clamp(mid * mid - det, min=EIG_GAP_MIN))
        radius = torch.ceil(3.0 * torch.sqrt(lam))
        u, v = means2d.unbind(-1)
        on = (det > 0) & (u + radius > 0) & (u - radius < width) & (v + radius > 0) & (v - radius < height)
        radii = torch.where(on, radius, torch.zeros_like(radius)).to(torch.int32)
    return Packed(cam, gid, cam_offsets, means2d, conics, z, radii)
