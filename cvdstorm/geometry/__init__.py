"""Geometry: rotations and poses, pinhole cameras and Plücker rays, 3D box corners.

Conventions (nuScenes): camera x right, y down, z forward (OpenCV); ego/LiDAR x forward, y left,
z up; quaternions are (w, x, y, z); poses are 4x4 `*_to_world` / `*_to_ego` matrices.
Functions accept numpy arrays or torch tensors and return the same kind.
"""

from ._backend import float32_region
from .boxes import BOX_EDGES, box_corners
from .camera import EVAL_MAX_DEPTH, MIN_DEPTH, pixel_rays, plucker_rays, project, scale_intrinsics, unproject_depth
from .transforms import (
    interp_poses,
    invert_pose,
    make_pose,
    quat_multiply,
    quat_slerp,
    quat_to_rotmat,
    quat_to_yaw,
    rotmat_to_quat,
    transform_points,
    yaw_to_quat,
)

__all__ = [
    "BOX_EDGES", "EVAL_MAX_DEPTH", "float32_region", "MIN_DEPTH", "box_corners", "pixel_rays", "plucker_rays", "project", "scale_intrinsics",
    "unproject_depth", "interp_poses", "invert_pose", "make_pose", "quat_multiply", "quat_slerp", "quat_to_rotmat", "quat_to_yaw", "rotmat_to_quat",
    "transform_points", "yaw_to_quat",
]
