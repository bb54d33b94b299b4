"""The synthetic world's sensors: the nuScenes-like camera rig, exact camera renders and LiDAR sweeps.

In:  a Scene (layout.py), a moment (keyframe index or `scene.at(t)`), a camera (K, cam_to_world) or the
     LiDAR pose.
Out: rgb uint8 [H, W, 3], depth [H, W] (camera z, inf = sky), class ids and box ids per pixel
     (render_camera); LiDAR points [N, 5] in the LiDAR frame and the box each hit (lidar_sweep).
The writer (writer.py) stores these as a dataroot; truth.py re-renders any camera with the same code.
"""

from __future__ import annotations

import math

import numpy as np

from ...geometry import BOX_EDGES, box_corners, invert_pose, make_pose, transform_points
from .layout import Instant, Scene
from .raycast import TILE, cast_rays
from .shading import ShadowMap, shade, sun_shadows

EDGES = np.array(BOX_EDGES)
# Rig after nuScenes' calibration (ego frame: x forward, y left, z up): mount position, yaw of the
# optical axis, focal length in pixels at the native 1600 px width. Horizontal FOVs: about 64 deg
# (front, sides) and 90 deg (back), so neighbouring cameras overlap by 5 to 15 deg.
RIG = {
    "CAM_FRONT_LEFT": ((1.52, 0.49, 1.51), 55.0, 1257.0),
    "CAM_FRONT": ((1.70, 0.02, 1.51), 0.0, 1266.0),
    "CAM_FRONT_RIGHT": ((1.52, -0.49, 1.51), -55.0, 1260.0),
    "CAM_BACK_RIGHT": ((1.04, -0.48, 1.56), -110.0, 1259.0),
    "CAM_BACK": ((0.03, 0.00, 1.57), 180.0, 809.0),
    "CAM_BACK_LEFT": ((1.03, 0.48, 1.56), 110.0, 1256.0),
}
LIDAR_MOUNT = (0.94, 0.0, 1.84)
LIDAR_ELEVATIONS = np.deg2rad(np.linspace(-30.67, 10.67, 32))  # Velodyne HDL-32E, as nuScenes
LIDAR_RANGE = 70.0


def rig_calibration(width: int, height: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Camera name -> (K [3, 3] for this image size, cam_to_ego [4, 4]).

    fx = fy = f_native * width / 1600 keeps nuScenes' horizontal FOV and square pixels; the
    vertical FOV then follows the requested aspect (256/448 is close to nuScenes' 900/1600).
    """
    out = {}
    for cam, (t, yaw_deg, f_native) in RIG.items():
        f = f_native * width / 1600.0
        K = np.array([[f, 0, width / 2], [0, f, height / 2], [0, 0, 1.0]])
        y = math.radians(yaw_deg)
        fwd, right = np.array([math.cos(y), math.sin(y), 0.0]), np.array([math.sin(y), -math.cos(y), 0.0])
        R = np.stack([right, np.array([0.0, 0.0, -1.0]), fwd], axis=1)  # columns: cam x, y, z in ego
        out[cam] = (K, make_pose(R, np.array(t)))
    return out


# ----------------------------------------------------------------------------------- rendering
def camera_rays(K: np.ndarray, cam_to_world: np.ndarray, H: int, Wd: int) -> np.ndarray:
    """World directions [H*W, 3] through pixel centres, scaled so that camera z = 1 (ray t = depth)."""
    v, u = np.meshgrid(np.arange(H) + 0.5, np.arange(Wd) + 0.5, indexing="ij")
    pix = np.stack([u, v, np.ones_like(u)], -1).reshape(-1, 3)
    # einsum rather than `@`: BLAS on [N, 3] x [3, 3] is slow and oversubscribes the 2 cores
    return np.einsum("nj,ij->ni", pix, cam_to_world[:3, :3] @ np.linalg.inv(K))


NEAR = 0.05   # near plane (m) for clipping boxes before projecting their outline


def projected_rect(corners_cam: np.ndarray, K: np.ndarray, H: int, Wd: int):
    """Pixel rectangle (u0, v0, u1, v1) covering the part of a box (corners [8, 3] in the camera
    frame) in front of the near plane, or None when it is off-screen or behind.

    A box crossing the near plane is clipped first: its visible part is the convex hull of the
    corners in front and the points where its 12 edges cross the plane.
    """
    z = corners_cam[:, 2]
    if z.min() < NEAR:
        a, b = corners_cam[EDGES[:, 0]], corners_cam[EDGES[:, 1]]
        cross = (a[:, 2] - NEAR) * (b[:, 2] - NEAR) < 0
        s = (NEAR - a[cross, 2]) / (b[cross, 2] - a[cross, 2])
        pts = np.concatenate([corners_cam[z >= NEAR], a[cross] + s[:, None] * (b[cross] - a[cross])])
        if len(pts) == 0:
            return None
        corners_cam = pts
    uv = corners_cam[:, :2] / corners_cam[:, 2:] @ K[:2, :2].T + K[:2, 2]
    u0, v0 = np.floor(uv.min(0)).astype(int)
    u1, v1 = np.ceil(uv.max(0)).astype(int) + 1
    u0, v0, u1, v1 = max(u0, 0), max(v0, 0), min(u1, Wd), min(v1, H)
    return (u0, v0, u1, v1) if u0 < u1 and v0 < v1 else None


def _box_regions(scene: Scene, t: float, world_to_cam: np.ndarray, K: np.ndarray, H: int, Wd: int,
                 boxes: np.ndarray | None = None):
    """Screen-space culling for one camera: boxes that may be visible, nearest first.

    Returns (box ids, pixel rectangle (u0, v0, u1, v1) each box can cover, lower bound of each
    box's camera z).
    A box's projection lies inside the bounding rectangle of its projected corners (all in front),
    and its camera z is at least its corners' minimum (z is linear), which the caster uses to skip
    pixels already hit in front of it.
    """
    bx = scene.boxes
    boxes = np.nonzero(bx.solid)[0] if boxes is None else boxes
    corners = box_corners(bx.centers(t)[boxes], bx.size[boxes][:, [1, 0, 2]], bx.yaw[boxes])  # [M, 8, 3]
    cam = transform_points(world_to_cam, corners.reshape(-1, 3)).reshape(-1, 8, 3)
    z = cam[..., 2]
    zmin = z.min(1)
    cand = np.nonzero(z.max(1) > 1e-3)[0]
    # rectangles of all boxes wholly in front at once; near-plane crossers one by one (clipped)
    rects = np.zeros((len(boxes), 4), np.int64)
    front = cand[zmin[cand] >= NEAR]
    uv = cam[front, :, :2] / cam[front, :, 2:] * K[[0, 1], [0, 1]] + K[:2, 2]      # [F, 8, 2]
    rects[front, :2] = np.maximum(np.floor(uv.min(1)), 0)
    rects[front, 2:] = np.minimum(np.ceil(uv.max(1)) + 1, [Wd, H])
    for k in cand[zmin[cand] < NEAR]:
        r = projected_rect(cam[k], K, H, Wd)
        rects[k] = r if r is not None else 0
    ok = cand[(rects[cand, 0] < rects[cand, 2]) & (rects[cand, 1] < rects[cand, 3])]
    ok = ok[np.argsort(zmin[ok], kind="stable")]
    return [int(boxes[k]) for k in ok], [tuple(int(x) for x in rects[k]) for k in ok], np.maximum(zmin[ok], 0.0)


def render_camera(scene: Scene, at: int | Instant, K: np.ndarray, cam_to_world: np.ndarray, H: int, Wd: int,
                  shadows: ShadowMap | None | str = "auto"):
    """Exact render of one camera at keyframe `at` (an index) or at any moment (`scene.at(t)`).

    Returns rgb uint8 [H, W, 3], depth [H, W] (camera z, inf = sky), class uint8 [H, W] and the
    box id per pixel [H, W] (-1 for ground and sky).
    Rays are cast tile-major over the image padded to whole TILE x TILE tiles (the padding rays
    look just past the image border and are cropped), so occluded tiles are skipped per box.
    shadows: the frame's sun shadow map (computed here when "auto"; pass it to share it between
    the cameras of a frame).
    """
    at = at if isinstance(at, Instant) else scene.keyframe(at)
    t = at.t
    if isinstance(shadows, str):
        shadows = sun_shadows(scene, t, at.xy)
    T = TILE
    nty, ntx = -(-H // T), -(-Wd // T)
    v, u = np.meshgrid(np.arange(nty * T) + 0.5, np.arange(ntx * T) + 0.5, indexing="ij")
    # [nty*T, ntx*T] -> tile-major [nty, ntx, T, T]
    to_tiles = lambda a: a.reshape(nty, T, ntx, T).transpose(0, 2, 1, 3).reshape(-1)  # noqa: E731
    pix = np.stack([to_tiles(u), to_tiles(v), np.ones(u.size)], -1)
    dirs = np.einsum("nj,ij->ni", pix, cam_to_world[:3, :3] @ np.linalg.inv(K))
    origin = cam_to_world[:3, 3]
    ids, regions, lower = _box_regions(scene, t, invert_pose(cam_to_world), K, nty * T, ntx * T)
    tile_grid = np.arange(nty * ntx).reshape(nty, ntx)
    tiles = [tile_grid[v0 // T:(v1 - 1) // T + 1, u0 // T:(u1 - 1) // T + 1].ravel() for u0, v0, u1, v1 in regions]
    hits = cast_rays(scene, t, origin, dirs, ids, lower=lower, tiles=tiles)
    ego_fwd = np.array([math.cos(at.yaw), math.sin(at.yaw), 0.0])
    rgb = shade(scene, hits, dirs, origin, ego_fwd, t, shadows)

    def image(a):  # tile-major [N, ...] -> [H, W, ...]
        a = a.reshape(nty, ntx, T, T, *a.shape[1:]).swapaxes(1, 2).reshape(nty * T, ntx * T, *a.shape[1:])
        return a[:H, :Wd]

    rgb8 = (image(rgb) * 255 + 0.5).astype(np.uint8)
    return rgb8, image(hits.depth), image(hits.cls).astype(np.uint8), image(hits.box)


def lidar_sweep(scene: Scene, f: int, lidar_to_world: np.ndarray, azimuths: int):
    """Points [N, 5] float32 (x, y, z, intensity, ring) in the LiDAR frame, and the box id each hit.

    Rays form a [32 rings, azimuths] grid; each box is tested only against the azimuth columns its
    corners span (planes through the vertical axis bound a box's azimuths at its corners) and
    with a lower bound on its range, nearest first. The sweep is instantaneous (no motion skew).
    """
    el, az = np.meshgrid(LIDAR_ELEVATIONS, np.linspace(-np.pi, np.pi, azimuths, endpoint=False), indexing="ij")
    d_l = np.stack([np.cos(el) * np.cos(az), np.cos(el) * np.sin(az), np.sin(el)], -1).reshape(-1, 3)
    ring = np.repeat(np.arange(len(LIDAR_ELEVATIONS)), azimuths)
    dirs = np.einsum("nj,ij->ni", d_l, lidar_to_world[:3, :3])
    origin = lidar_to_world[:3, 3]
    t = scene.times[f]
    bx = scene.boxes
    centers = bx.centers(t)
    radius = np.linalg.norm(bx.size, axis=1) / 2
    dist = np.linalg.norm(centers - origin, axis=1)
    cand = np.nonzero((dist - radius < LIDAR_RANGE) & bx.solid)[0]
    cand = cand[np.argsort(dist[cand] - radius[cand], kind="stable")]
    corners = box_corners(centers[cand], bx.size[cand][:, [1, 0, 2]], bx.yaw[cand])     # [M, 8, 3]
    local = transform_points(invert_pose(lidar_to_world), corners.reshape(-1, 3)).reshape(-1, 8, 3)
    step = 2 * np.pi / azimuths
    rows = np.arange(len(LIDAR_ELEVATIONS))[:, None] * azimuths
    regions, lower = [], []
    for k, i in enumerate(cand):
        lower.append(max(0.0, float(dist[i] - radius[i])))
        if np.hypot(*(centers[i, :2] - origin[:2])) <= radius[i] + 0.5:
            regions.append(slice(None))  # the sensor is (nearly) inside the box's footprint circle
            continue
        cl = local[k].mean(0)             # box centre in the LiDAR frame
        ac = math.atan2(cl[1], cl[0])
        rel = np.angle(np.exp(1j * (np.arctan2(local[k, :, 1], local[k, :, 0]) - ac)))
        j0 = math.floor((ac + rel.min() + np.pi) / step) - 1
        j1 = math.ceil((ac + rel.max() + np.pi) / step) + 1
        cols = np.arange(j0, j1 + 1) % azimuths
        regions.append((rows + cols[None, :]).ravel())
    hits = cast_rays(scene, t, origin, dirs, cand, regions, np.array(lower), max_t=LIDAR_RANGE)
    keep = hits.depth < LIDAR_RANGE
    pts = d_l[keep] * hits.depth[keep, None]
    # intensity by class: retro-reflective paint bright, vehicles medium, the rest dim
    inten = np.choose(hits.cls[keep], [0, 8, 60, 30, 12, 15, 10, 9]).astype(np.float32)
    out = np.concatenate([pts, inten[:, None], ring[keep, None]], 1).astype(np.float32)
    return out, hits.box[keep]
