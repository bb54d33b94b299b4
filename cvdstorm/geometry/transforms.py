"""Rotations and rigid poses: quaternion (w, x, y, z) <-> matrix, quaternion product and slerp, yaw, 4x4 pose algebra."""

from ._backend import eye_like, norm, stack, xp


def quat_to_rotmat(q):
    """[..., 4] quaternion (w, x, y, z), any norm -> [..., 3, 3] rotation matrix."""
    q = q / norm(q)
    w, x, y, z = q[..., 0], q[..., 1], q[..., 2], q[..., 3]
    rows = [
        stack([1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)], -1),
        stack([2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)], -1),
        stack([2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)], -1),
    ]
    return stack(rows, -2)


def rotmat_to_quat(R):
    """[..., 3, 3] rotation matrix -> [..., 4] unit quaternion (w, x, y, z) with w >= 0.

    Shepperd's method: pick the largest of the four squared components for numerical stability.
    """
    m = xp(R)
    r00, r11, r22 = R[..., 0, 0], R[..., 1, 1], R[..., 2, 2]
    cands = stack([
        stack([1 + r00 + r11 + r22, R[..., 2, 1] - R[..., 1, 2], R[..., 0, 2] - R[..., 2, 0], R[..., 1, 0] - R[..., 0, 1]], -1),
        stack([R[..., 2, 1] - R[..., 1, 2], 1 + r00 - r11 - r22, R[..., 0, 1] + R[..., 1, 0], R[..., 0, 2] + R[..., 2, 0]], -1),
        stack([R[..., 0, 2] - R[..., 2, 0], R[..., 0, 1] + R[..., 1, 0], 1 - r00 + r11 - r22, R[..., 1, 2] + R[..., 2, 1]], -1),
        stack([R[..., 1, 0] - R[..., 0, 1], R[..., 0, 2] + R[..., 2, 0], R[..., 1, 2] + R[..., 2, 1], 1 - r00 - r11 + r22], -1),
    ], -2)  # [..., 4, 4]: row i is 4*q_i*q scaled
    diag = stack([1 + r00 + r11 + r22, 1 + r00 - r11 - r22, 1 - r00 + r11 - r22, 1 - r00 - r11 + r22], -1)
    i = diag.argmax(-1)
    if m.__name__ == "torch":
        best = m.take_along_dim(cands, i[..., None, None].expand(*i.shape, 1, 4), dim=-2)[..., 0, :]
    else:
        best = m.take_along_axis(cands, i[..., None, None], axis=-2)[..., 0, :]
    q = best / norm(best)
    return q * m.where(q[..., :1] < 0, -1.0, 1.0)


def quat_multiply(a, b):
    """Hamilton product a * b of (w, x, y, z) quaternions [..., 4]: rotate by b, then by a."""
    aw, ax, ay, az = (a[..., i] for i in range(4))
    bw, bx, by, bz = (b[..., i] for i in range(4))
    return stack([aw * bw - ax * bx - ay * by - az * bz,
                  aw * bx + ax * bw + ay * bz - az * by,
                  aw * by - ax * bz + ay * bw + az * bx,
                  aw * bz + ax * by - ay * bx + az * bw], -1)


def quat_slerp(q0, q1, w):
    """Spherical interpolation of unit quaternions [..., 4] (w, x, y, z) at fraction w in [0, 1], by the
    shorter arc (q and -q are the same rotation): for two yaw-only boxes, yaw moves by the shortest angle."""
    m = xp(q0)
    q0, q1 = q0 / norm(q0), q1 / norm(q1)
    d = (q0 * q1).sum(-1, keepdims=True)
    q1 = m.where(d < 0, -q1, q1)
    d = abs(d)
    theta = m.arccos(m.clip(d, -1.0, 1.0))
    s = m.sin(theta)
    near = s < 1e-6  # (almost) the same rotation: linear interpolation is exact to first order
    safe = m.where(near, 1.0, s)
    a = m.where(near, 1 - w, m.sin((1 - w) * theta) / safe)
    b = m.where(near, w, m.sin(w * theta) / safe)
    q = a * q0 + b * q1
    return q / norm(q)


def yaw_to_quat(yaw):
    """Rotation about +z by yaw (radians) -> quaternion (w, x, y, z)."""
    m = xp(yaw)
    z = yaw * 0
    return stack([m.cos(yaw / 2), z, z, m.sin(yaw / 2)], -1)


def quat_to_yaw(q):
    """Heading (rotation about +z) of a quaternion (w, x, y, z): atan2 of the rotated x axis."""
    R = quat_to_rotmat(q)
    return xp(q).arctan2(R[..., 1, 0], R[..., 0, 0])


def make_pose(R, t):
    """[..., 3, 3] rotation and [..., 3] translation -> [..., 4, 4] homogeneous pose."""
    T = eye_like(R, 4, R.shape[:-2])
    T[..., :3, :3] = R
    T[..., :3, 3] = t
    return T


def invert_pose(T):
    """Inverse of a rigid [..., 4, 4] pose (R^T, -R^T t), exact rather than a general inverse."""
    R = T[..., :3, :3]
    Rt = R.transpose(-1, -2) if xp(T).__name__ == "torch" else xp(T).swapaxes(R, -1, -2)
    t = T[..., :3, 3]
    return make_pose(Rt, -(Rt @ t[..., None])[..., 0])


def transform_points(T, p):
    """Apply [..., 4, 4] poses to [..., N, 3] points."""
    R = T[..., :3, :3]
    return p @ (R.transpose(-1, -2) if xp(T).__name__ == "torch" else xp(T).swapaxes(R, -1, -2)) + T[..., None, :3, 3]


def interp_poses(times, poses, t):
    """Poses [N, 4, 4] at increasing times [N] (numpy) sampled at times t [M] -> [M, 4, 4]: translation
    linear, rotation by slerp, held at the ends (outside [times[0], times[-1]])."""
    import numpy as np

    times, poses = np.asarray(times, np.float64), np.asarray(poses, np.float64)
    t = np.clip(np.asarray(t, np.float64).reshape(-1), times[0], times[-1])
    if len(times) == 1:
        return np.repeat(poses[:1], len(t), 0)
    i = np.clip(np.searchsorted(times, t, side="right") - 1, 0, len(times) - 2)
    w = ((t - times[i]) / (times[i + 1] - times[i]))[:, None]                          # [M, 1]
    q = quat_slerp(rotmat_to_quat(poses[i, :3, :3]), rotmat_to_quat(poses[i + 1, :3, :3]), w)
    out = make_pose(quat_to_rotmat(q), (1 - w) * poses[i, :3, 3] + w * poses[i + 1, :3, 3])
    # at the given times exactly the given poses (no round trip through quaternions)
    out[w[:, 0] == 0] = poses[i[w[:, 0] == 0]]
    out[w[:, 0] == 1] = poses[i[w[:, 0] == 1] + 1]
    return out
