"""Pinhole cameras (OpenCV frame: x right, y down, z forward), pixel rays and Plücker ray maps.

Pixel (i, j) covers [j, j+1) x [i, i+1) in continuous image coordinates, so its centre is
(j + 0.5, i + 0.5): the same convention as the rasteriser. Depth means camera-frame z everywhere.
"""

from ._backend import cross, float32_region, norm, stack, xp

# Depth constants shared by the loss, the metrics and the evaluations (metres).
MIN_DEPTH = 1e-3        # predicted depth is clamped to at least this before a log or a ratio
EVAL_MAX_DEPTH = 80.0   # depth metrics score ground truth in (0, this]: the useful LiDAR range


def project(points_cam, K):
    """[..., N, 3] camera-frame points, [..., 3, 3] intrinsics -> (uv [..., N, 2], z [..., N]).

    Points with z <= 0 get non-finite or meaningless uv: callers mask with z > near.
    """
    z = points_cam[..., 2]
    uvw = points_cam @ (K.transpose(-1, -2) if xp(K).__name__ == "torch" else xp(K).swapaxes(K, -1, -2))
    return uvw[..., :2] / uvw[..., 2:3], z


def scale_intrinsics(K, sx, sy):
    """Intrinsics for an image resized by (sx, sy) (new_size / old_size)."""
    K = K.clone() if xp(K).__name__ == "torch" else K.copy()
    K[..., 0, :] = K[..., 0, :] * sx
    K[..., 1, :] = K[..., 1, :] * sy
    return K


def _pixel_grid(like, height, width):
    m = xp(like)
    if m.__name__ == "torch":
        v, u = m.meshgrid(m.arange(height, dtype=like.dtype, device=like.device) + 0.5,
                          m.arange(width, dtype=like.dtype, device=like.device) + 0.5, indexing="ij")
    else:
        v, u = m.meshgrid(m.arange(height, dtype=like.dtype) + 0.5, m.arange(width, dtype=like.dtype) + 0.5,
                          indexing="ij")
    return stack([u, v, u * 0 + 1], -1)  # [H, W, 3]


def unproject_depth(depth, K, cam_to_world=None):
    """z-depth [..., H, W] -> 3D points [..., H, W, 3] in camera frame (or world if a pose is given)."""
    H, W = depth.shape[-2:]
    pix = _pixel_grid(depth, H, W)
    Kinv = xp(K).linalg.inv(K)
    rays = (Kinv[..., None, None, :, :] @ pix[..., None])[..., 0]  # [..., H, W, 3], z = 1
    pts = rays * depth[..., None]
    if cam_to_world is not None:
        R = cam_to_world[..., None, None, :3, :3]
        pts = (R @ pts[..., None])[..., 0] + cam_to_world[..., None, None, :3, 3]
    return pts


def pixel_rays(K, cam_to_world, height, width):
    """World-space rays through pixel centres: (origins [..., H, W, 3], unit directions [..., H, W, 3]).

    Torch inputs are computed in their own dtype with autocast off: under bf16 autocast the matmuls
    would come out bf16 beside float32 origins (torch.linalg.cross refuses mixed dtypes) and a bf16
    ray direction is off by ~0.4 % (a pixel at the image edge)."""
    if xp(K).__name__ == "torch":
        with float32_region(K.device):
            return _pixel_rays(K, cam_to_world, height, width)
    return _pixel_rays(K, cam_to_world, height, width)


def _pixel_rays(K, cam_to_world, height, width):
    pix = _pixel_grid(K, height, width)
    Kinv = xp(K).linalg.inv(K)
    d_cam = (Kinv[..., None, None, :, :] @ pix[..., None])[..., 0]
    d = (cam_to_world[..., None, None, :3, :3] @ d_cam[..., None])[..., 0]
    d = d / norm(d)
    o = cam_to_world[..., None, None, :3, 3] + d * 0
    return o, d


def plucker_rays(K, cam_to_world, height, width):
    """Plücker ray map [..., 6, H, W]: channels (o x d, d) with d the unit world ray direction."""
    o, d = pixel_rays(K, cam_to_world, height, width)
    p = xp(o).concatenate([cross(o, d), d], -1) if xp(o).__name__ == "numpy" else xp(o).cat([cross(o, d), d], -1)
    return xp(p).moveaxis(p, -1, -3)
