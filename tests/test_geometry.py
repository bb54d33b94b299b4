import numpy as np
import pytest
import torch

from cvdstorm.geometry import (
    box_corners, invert_pose, make_pose, pixel_rays, plucker_rays, project, quat_multiply, quat_to_rotmat, quat_to_yaw,
    rotmat_to_quat, scale_intrinsics, transform_points, unproject_depth, yaw_to_quat,
)
from scipy.spatial.transform import Rotation


def test_quat_matches_scipy(rng):
    q = rng.normal(size=(20, 4))
    R = quat_to_rotmat(q)
    ref = Rotation.from_quat(q[:, [1, 2, 3, 0]]).as_matrix()  # scipy is (x, y, z, w)
    np.testing.assert_allclose(R, ref, atol=1e-12)
    q2 = rotmat_to_quat(R)
    qn = q / np.linalg.norm(q, axis=-1, keepdims=True) * np.sign(q[:, :1])
    np.testing.assert_allclose(q2, qn, atol=1e-12)
    # torch path gives the same numbers
    np.testing.assert_allclose(quat_to_rotmat(torch.tensor(q)).numpy(), R, atol=1e-12)
    np.testing.assert_allclose(rotmat_to_quat(torch.tensor(R)).numpy(), qn, atol=1e-12)


def test_yaw_roundtrip_and_pose_inverse(rng):
    yaw = rng.uniform(-np.pi, np.pi, 10)
    np.testing.assert_allclose(quat_to_yaw(yaw_to_quat(yaw)), yaw, atol=1e-12)
    T = make_pose(quat_to_rotmat(rng.normal(size=(10, 4))), rng.normal(size=(10, 3)))
    np.testing.assert_allclose(invert_pose(T) @ T, np.broadcast_to(np.eye(4), T.shape), atol=1e-12)
    p = rng.normal(size=(10, 7, 3))
    back = transform_points(invert_pose(T), transform_points(T, p))
    np.testing.assert_allclose(back, p, atol=1e-12)


def test_box_corners_devkit_order():
    # A box heading +y (yaw 90 deg): its front face (corners 0-3) lies at +length/2 along y.
    c = box_corners(np.array([1.0, 2.0, 0.5]), np.array([2.0, 4.0, 1.0]), np.array(np.pi / 2))
    np.testing.assert_allclose(c[:4, 1], 4.0, atol=1e-12)
    np.testing.assert_allclose(c[4:, 1], 0.0, atol=1e-12)
    np.testing.assert_allclose(c.mean(0), [1.0, 2.0, 0.5], atol=1e-12)
    # extents: width 2 along x, height 1 along z
    np.testing.assert_allclose(np.ptp(c, 0), [2.0, 4.0, 1.0], atol=1e-12)


def test_project_unproject_roundtrip(rng):
    K = np.array([[200.0, 0, 64], [0, 200.0, 40], [0, 0, 1]])
    depth = rng.uniform(1, 50, size=(8, 12))
    pose = make_pose(quat_to_rotmat(rng.normal(size=4)), rng.normal(size=3))
    pts_world = unproject_depth(depth, K, pose)
    pts_cam = transform_points(invert_pose(pose), pts_world.reshape(-1, 3))
    uv, z = project(pts_cam, K)
    v, u = np.meshgrid(np.arange(8) + 0.5, np.arange(12) + 0.5, indexing="ij")
    np.testing.assert_allclose(uv, np.stack([u, v], -1).reshape(-1, 2), atol=1e-9)
    np.testing.assert_allclose(z, depth.reshape(-1), atol=1e-9)


def test_scale_intrinsics_maps_pixels():
    K = np.array([[200.0, 0, 64], [0, 100.0, 40], [0, 0, 1]])
    K2 = scale_intrinsics(K, 0.5, 0.25)
    p = np.array([[0.3, -0.2, 2.0]])
    np.testing.assert_allclose(project(p, K2)[0], project(p, K)[0] * [0.5, 0.25])


def test_plucker_rays_are_lines_through_camera(rng):
    K = torch.tensor([[50.0, 0, 16], [0, 50.0, 8], [0, 0, 1]], dtype=torch.float64)
    pose = torch.tensor(make_pose(quat_to_rotmat(rng.normal(size=4)), rng.normal(size=3)))
    pl = plucker_rays(K, pose, 16, 32)  # [6, H, W]
    assert pl.shape == (6, 16, 32)
    m, d = pl[:3].permute(1, 2, 0), pl[3:].permute(1, 2, 0)
    torch.testing.assert_close(d.norm(dim=-1), torch.ones(16, 32, dtype=torch.float64))
    # any point on the ray (centre + s*d) has the same moment p x d
    p = pose[:3, 3] + 3.7 * d
    torch.testing.assert_close(torch.linalg.cross(p, d, dim=-1), m)
    # orthogonality of moment and direction
    assert (m * d).sum(-1).abs().max() < 1e-12
    o, d2 = pixel_rays(K, pose, 16, 32)
    torch.testing.assert_close(d2, d)


def test_quat_multiply_composes_rotations():
    torch.manual_seed(0)
    a = torch.nn.functional.normalize(torch.randn(5, 4), dim=-1)
    b = torch.nn.functional.normalize(torch.randn(5, 4), dim=-1)
    torch.testing.assert_close(quat_to_rotmat(quat_multiply(a, b)), quat_to_rotmat(a) @ quat_to_rotmat(b),
                               atol=1e-5, rtol=0)
    # numpy in, numpy out, the same product
    np.testing.assert_allclose(quat_multiply(a.numpy(), b.numpy()), quat_multiply(a, b).numpy(), atol=1e-6)
