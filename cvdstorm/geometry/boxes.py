"""3D boxes: corners in the nuScenes devkit order and the 12 wireframe edges."""

import numpy as np

from ._backend import stack, xp
from .transforms import quat_to_rotmat

# Corner order as nuscenes-devkit `Box.corners()`: 0-3 the front face (+x, heading side), 4-7 the
# rear face; within a face: left-top, right-top, right-bottom, left-bottom... (see signs below).
_SX = (1, 1, 1, 1, -1, -1, -1, -1)
_SY = (1, -1, -1, 1, 1, -1, -1, 1)
_SZ = (1, 1, -1, -1, 1, 1, -1, -1)
_SIGNS = np.array([_SX, _SY, _SZ], dtype=np.float64).T  # [8, 3]

BOX_EDGES = (
    (0, 1), (1, 2), (2, 3), (3, 0),  # front face
    (4, 5), (5, 6), (6, 7), (7, 4),  # rear face
    (0, 4), (1, 5), (2, 6), (3, 7),  # sides
)
FRONT_EDGES = BOX_EDGES[:4]


def box_corners(center, size_wlh, rotation):
    """Box corners [..., 8, 3].

    center [..., 3]; size_wlh [..., 3] as nuScenes (width along y, length along x, height along z);
    rotation: quaternion [..., 4] (w, x, y, z) or yaw [...] about +z.
    """
    m = xp(center)
    lwh = stack([size_wlh[..., 1], size_wlh[..., 0], size_wlh[..., 2]], -1)  # along x, y, z
    signs = center.new_tensor(_SIGNS) if m.__name__ == "torch" else np.asarray(_SIGNS, dtype=center.dtype)
    local = signs * lwh[..., None, :] / 2  # [..., 8, 3]
    if rotation.shape[-1:] == (4,) and rotation.ndim == center.ndim:
        R = quat_to_rotmat(rotation)
    else:
        c, s = m.cos(rotation), m.sin(rotation)
        o, z = c * 0 + 1, c * 0
        R = stack([stack([c, -s, z], -1), stack([s, c, z], -1), stack([z, z, o], -1)], -2)
    Rt = R.transpose(-1, -2) if m.__name__ == "torch" else m.swapaxes(R, -1, -2)
    return local @ Rt + center[..., None, :]
