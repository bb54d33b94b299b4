"""`cvdstorm synth`: render the procedural world (synth_layout.py) to a nuScenes-format dataroot.

In:  SynthConfig (scenes, seed, frames, image size, keyframe rate, ...), an output folder.
Out: DATAROOT/<version>/*.json (scene, sample, sample_data, calibrated_sensor, sensor, ego_pose,
     sample_annotation, instance, category, attribute, visibility, log, map, plus our caption.json
     and splits.json; written by data/tables.py), samples/CAM_*/*.jpg, samples/LIDAR_TOP/*.pcd.bin (float32 x, y, z,
     intensity, ring in the LiDAR frame), depth/CAM_*/*.png (uint16, metres * 256, 0 = sky or
     beyond 256 m), semantic/CAM_*/*.png (class ids, synth_layout.CLASS_NAMES),
     maps/expansion/<LOCATION>.json (synth_map) and the map table's drivable-area raster.
     With `sweeps` > 0, camera sweeps between keyframes as nuScenes has them (sample_data with
     is_key_frame false, linked prev/next per camera): sweeps/CAM_*/*.jpg, their depth/ and
     semantic/ PNGs, an ego_pose each, and their exact boxes in truth/sweep_boxes/<scene>.json
     (synth_truth.score_interpolation scores the reader's interpolated boxes against them).
See docs/DATA.md. Everything is a pure function of the seed (tokens are hashes, not uuid4; JSON,
PNG and JPEG encoders are deterministic), so the same seed gives identical bytes, whatever the
number of worker processes.
"""

from __future__ import annotations

import math
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from .. import CAMERAS
from ..config import Config
from ..errors import CvdError
from ..geometry import BOX_EDGES, box_corners, invert_pose, make_pose, transform_points, yaw_to_quat
from ..images import encode_depth_png
from ..io import OutputFolder, write_bytes, write_image, write_json
from ..limits import check_disk, check_memory
from .nuscenes import LIDAR
from .synth_layout import Instant, Scene, make_scene
from .synth_map import drivable_area_raster, map_expansion
from .synth_raycast import TILE, cast_rays
from .synth_shading import ShadowMap, shade, sun_shadows
from .tables import SENSORS, TableWriter, token, visibility_token

LOCATION = "synth-grid"
SWEEP_TRUTH = "truth/sweep_boxes"    # under the dataroot: <scene name>.json per scene with sweeps
_EDGES = np.array(BOX_EDGES)
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
ANNOTATION_RANGE = 60.0
MIN_CAPTION_PIXELS = 30    # an agent counts as "in view" in the caption from this many pixels

CATEGORIES = [
    ("vehicle.car", "Vehicle designed primarily for personal use."),
    ("vehicle.truck", "Vehicles primarily designed to haul cargo."),
    ("human.pedestrian.adult", "Adult subcategory."),
]
ATTRIBUTES = [
    ("vehicle.moving", "Vehicle is moving."),
    ("vehicle.parked", "Vehicle is stationary (usually for longer duration) with no immediate intent to move."),
    ("pedestrian.moving", "The human is moving."),
    ("pedestrian.standing", "The human is standing."),
]


@dataclass
class SynthConfig(Config):
    """What `cvdstorm synth` writes. Sizes are per camera image; hz is the keyframe rate; sweeps is
    the number of camera frames between consecutive keyframes (nuScenes: 5, cameras at 12 Hz)."""

    scenes: int = 2
    seed: int = 0
    frames: int = 40
    width: int = 448
    height: int = 256
    hz: float = 2.0
    version: str = "v1.0-synth"
    lidar_azimuths: int = 1024     # LiDAR columns per sweep (x 32 beams)
    jpeg_quality: int = 92
    workers: int = 2               # render processes (1: in-process)
    sweeps: int = 0                # camera sweeps between keyframes (5: 12 Hz cameras at 2 Hz keyframes)

    def validate(self) -> None:
        for name in ("scenes", "frames", "width", "height", "lidar_azimuths", "workers"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v <= 0:
                raise CvdError(f"--{name.replace('_', '-')} must be a positive integer, got {v!r}")
        if isinstance(self.sweeps, bool) or not isinstance(self.sweeps, (int, np.integer)) or self.sweeps < 0:
            raise CvdError(f"--sweeps must be a non-negative integer (camera frames between keyframes; nuScenes: 5), "
                           f"got {self.sweeps!r}")
        if not (isinstance(self.hz, (int, float)) and math.isfinite(self.hz) and self.hz > 0):
            raise CvdError(f"--hz must be a positive number, got {self.hz!r}")
        if self.width < 16 or self.height < 16:
            raise CvdError(f"images must be at least 16x16 pixels, got {self.width}x{self.height}")
        if self.hz * (self.sweeps + 1) > MAX_CAMERA_HZ:  # timestamps are integer microseconds
            raise CvdError(f"--hz {self.hz:g} with {self.sweeps} sweeps puts camera frames "
                           f"{1e3 / (self.hz * (self.sweeps + 1)):.3g} ms apart; the camera rate (hz x (sweeps + 1)) "
                           f"must be at most {MAX_CAMERA_HZ} Hz")
        if not 1 <= self.jpeg_quality <= 95:
            raise CvdError(f"jpeg_quality must be in 1..95, got {self.jpeg_quality}")
        if not self.version or "/" in self.version or "\\" in self.version or self.version.startswith("."):
            raise CvdError(f"--version must be a plain folder name, got {self.version!r}")


    def estimate(self) -> tuple[float, float]:
        """(peak memory, disk) in bytes that writing this world takes, measured at 224x128 and 896x512:
        ~500 B per pixel per render process, ~30 kB of table rows per keyframe (6 kB per sweep frame),
        and on disk ~0.5 B per camera pixel plus the LiDAR (20 B per point) and ~10 kB of tables per frame."""
        keys = self.scenes * self.frames
        sweeps = self.scenes * (self.frames - 1) * self.sweeps
        pixels = self.width * self.height
        memory = 0.45e9 + 500 * pixels * self.workers + 30e3 * keys + 6e3 * sweeps
        disk = (keys + sweeps) * (6 * pixels * 0.5 + 10e3) + keys * self.lidar_azimuths * 32 * 20
        return memory, disk

    def check_resources(self, out: str | os.PathLike) -> None:
        """Refuse (one line) a world that does not fit the memory limit or the disk of `out`."""
        memory, disk = self.estimate()
        what = (f"synth of {self.scenes} scene(s) x {self.frames} frames ({self.sweeps} sweeps between) at "
                f"{self.width}x{self.height} with {self.workers} worker(s)")
        fix = "use fewer or smaller frames, scenes or --workers"
        check_memory(memory, what, fix)
        check_disk(disk, out, what, fix)


MAX_CAMERA_HZ = 1000   # camera frames at least 1 ms apart (timestamps are integer microseconds)


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


def _projected_rect(corners_cam: np.ndarray, K: np.ndarray, H: int, Wd: int):
    """Pixel rectangle (u0, v0, u1, v1) covering the part of a box (corners [8, 3] in the camera
    frame) in front of the near plane, or None when it is off-screen or behind.

    A box crossing the near plane is clipped first: its visible part is the convex hull of the
    corners in front and the points where its 12 edges cross the plane.
    """
    z = corners_cam[:, 2]
    if z.min() < NEAR:
        a, b = corners_cam[_EDGES[:, 0]], corners_cam[_EDGES[:, 1]]
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
        r = _projected_rect(cam[k], K, H, Wd)
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


def _agent_stats(scene: Scene, f: int, ego: np.ndarray, calib: dict, cams: dict, H: int, Wd: int,
                 pt_agent: np.ndarray) -> dict[int, tuple[int, int, int]]:
    """Per agent within ANNOTATION_RANGE: (visible pixels, unoccluded pixels, LiDAR points).

    Unoccluded pixels come from casting the camera rays inside the agent's projected rectangle
    against its own parts only, so visible / unoccluded is nuScenes' visibility fraction (over
    all 6 cameras) measured exactly.
    """
    bx = scene.boxes
    t = scene.times[f]
    centers = bx.centers(t)
    parts_of: dict[int, list[int]] = {}
    for i in np.nonzero(bx.solid & (bx.agent >= 0))[0]:
        parts_of.setdefault(int(bx.agent[i]), []).append(int(i))
    stats = {}
    near = [ai for ai, a in enumerate(scene.agents)
            if np.linalg.norm(centers[a.box, :2] - ego[:2, 3]) <= ANNOTATION_RANGE]
    n_pts = np.bincount(pt_agent[pt_agent >= 0], minlength=len(scene.agents)) if len(pt_agent) else \
        np.zeros(len(scene.agents), np.int64)
    for cam in CAMERAS:
        K, c2e = calib[cam]
        c2w = ego @ c2e
        w2c = invert_pose(c2w)
        agent_map = cams[cam][4]
        visible = np.bincount(agent_map[agent_map >= 0], minlength=len(scene.agents))
        dirs = None
        for ai in near:
            b = scene.agents[ai].box
            corners = box_corners(centers[b], bx.size[b, [1, 0, 2]], bx.yaw[b])
            pc = transform_points(w2c, corners)
            rect = _projected_rect(pc, K, H, Wd)
            if rect is None:
                continue
            if dirs is None:
                dirs = camera_rays(K, c2w, H, Wd).reshape(H, Wd, 3)
            u0, v0, u1, v1 = rect
            sub = dirs[v0:v1, u0:u1].reshape(-1, 3)
            own = cast_rays(scene, t, c2w[:3, 3], sub, parts_of.get(ai, []))
            full = int((own.box >= 0).sum())
            s = stats.setdefault(ai, [0, 0])
            s[0] += int(visible[ai])
            s[1] += max(full, int(visible[ai]))
    return {ai: (stats.get(ai, (0, 0))[0], stats.get(ai, (0, 0))[1], int(n_pts[ai])) for ai in near}


# ------------------------------------------------------------------------------------- frames
def _render_cameras(scene: Scene, at: Instant, cfg: SynthConfig, calib: dict) -> dict:
    """camera -> (rgb, depth, class, box id, agent id) of the 6 cameras at one moment."""
    ego = at.pose()
    cams = {}
    shadows = sun_shadows(scene, at.t, at.xy)
    for cam in CAMERAS:
        K, c2e = calib[cam]
        rgb, depth, cls, box = render_camera(scene, at, K, ego @ c2e, cfg.height, cfg.width, shadows)
        agent = np.where(box >= 0, scene.boxes.agent[np.maximum(box, 0)], -1)
        cams[cam] = (rgb, depth, cls, box, agent)
    return cams


def _encode_cameras(cams: dict, cfg: SynthConfig) -> dict[str, tuple[bytes, bytes, bytes]]:
    """camera -> (JPEG, depth PNG uint16 metres * 256, semantic PNG), encoded in the worker so the
    main process only writes bytes."""
    enc = {}
    for cam in CAMERAS:
        rgb, depth, cls, _, _ = cams[cam]
        enc[cam] = (_encode(rgb, "JPEG", quality=cfg.jpeg_quality), _encode(encode_depth_png(depth), "PNG"),
                    _encode(cls, "PNG"))
    return enc


def _frame_job(args):
    """Render all sensors of one keyframe (runs in a worker process); returns stage timings too."""
    scene, f, cfg, calib = args
    tick = time.perf_counter()
    ego = scene.ego_pose(f)
    cams = _render_cameras(scene, scene.keyframe(f), cfg, calib)
    t_cam = time.perf_counter()
    lidar_to_world = ego @ make_pose(np.eye(3), np.array(LIDAR_MOUNT))
    pts, pt_box = lidar_sweep(scene, f, lidar_to_world, cfg.lidar_azimuths)
    pt_agent = np.where(pt_box >= 0, scene.boxes.agent[np.maximum(pt_box, 0)], -1)
    t_lidar = time.perf_counter()
    stats = _agent_stats(scene, f, ego, calib, cams, cfg.height, cfg.width, pt_agent)
    t_vis = time.perf_counter()
    enc = _encode_cameras(cams, cfg)
    t_enc = time.perf_counter()
    timings = {"render cameras": t_cam - tick, "lidar": t_lidar - t_cam, "visibility": t_vis - t_lidar,
               "encode images": t_enc - t_vis}
    return f, enc, pts.tobytes(), stats, timings


def _sweep_job(args):
    """Render and encode the 6 cameras of one camera sweep at time t (s); no LiDAR, no annotations."""
    scene, t, cfg, calib = args
    tick = time.perf_counter()
    cams = _render_cameras(scene, scene.at(t), cfg, calib)
    t_cam = time.perf_counter()
    enc = _encode_cameras(cams, cfg)
    return enc, {"render sweeps": t_cam - tick, "encode sweeps": time.perf_counter() - t_cam}


def _encode(array: np.ndarray, fmt: str, **kw) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(array).save(buf, format=fmt, **kw)
    return buf.getvalue()


# -------------------------------------------------------------------------------------- writer
def _looks_like_dataroot(path: Path) -> bool:
    return (path / "samples").is_dir() or any(path.glob("*/scene.json"))


def write_dataset(out: str | os.PathLike, cfg: SynthConfig | None = None, overwrite: bool = False,
                  progress: bool = True, timings: dict | None = None) -> Path:
    """Write the synthetic world to `out` and return its path.

    Refuses an existing non-empty `out` unless `overwrite`; even then it only replaces a folder
    that looks like a dataroot (has samples/ or <version>/scene.json), never anything else. The
    new dataset is built in a hidden sibling folder and published whole (io.OutputFolder: one writer
    at a time), so an interrupted or failing run leaves the old dataset as it was. `timings`, if given, receives seconds per stage.
    """
    cfg = cfg or SynthConfig()
    cfg.validate()
    cfg.check_resources(out)
    with OutputFolder(out) as writer:  # one writer per folder; the checks run under its lock
        writer.check(overwrite, _looks_like_dataroot, "a dataroot (no samples/ or */scene.json)")
        _write(writer.temp(), cfg, progress, timings if timings is not None else {})
        return writer.publish()


def _write(root: Path, cfg: SynthConfig, progress: bool, timings: dict) -> None:
    calib = rig_calibration(cfg.width, cfg.height)
    tables = TableWriter(salt=(cfg.seed,), extra=("caption",))
    for name, desc in CATEGORIES:
        tables.category(name, desc)
    for name, desc in ATTRIBUTES:
        tables.attribute(name, desc)
    map_token = tables.token("map", LOCATION)
    tables.map(LOCATION, f"maps/{map_token}.png")
    pool = ProcessPoolExecutor(cfg.workers) if cfg.workers > 1 else None
    bar = tqdm(total=cfg.scenes * (cfg.frames + (cfg.frames - 1) * cfg.sweeps), desc="synth frames",
               disable=not progress, unit="frame")
    try:
        for si in range(cfg.scenes):
            _write_scene(root, cfg, si, calib, tables, pool, bar, timings)
    finally:
        bar.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    tick = time.perf_counter()
    write_json(root / "maps" / "expansion" / f"{LOCATION}.json", map_expansion(), indent=None)
    write_image(root / "maps" / f"{map_token}.png", drivable_area_raster())
    n_val = max(1, round(0.2 * cfg.scenes)) if cfg.scenes > 1 else 0
    tables.write(root / cfg.version, n_val)
    _add(timings, "tables + map", time.perf_counter() - tick)


def _add(timings: dict, key: str, seconds: float) -> None:
    timings[key] = timings.get(key, 0.0) + seconds


def _write_scene(root, cfg, si, calib, tables: TableWriter, pool, bar, timings) -> None:
    seed = cfg.seed
    tick = time.perf_counter()
    scene = make_scene(np.random.default_rng([seed, si]), cfg.frames, cfg.hz)
    _add(timings, "build scene", time.perf_counter() - tick)
    log_tok = tables.log(token(seed, "log", si), f"synth-{seed}-{si}", "synth-ego", LOCATION)
    cs_tok = {}
    for ch in SENSORS:
        K, sensor_to_ego = (None, make_pose(np.eye(3), np.array(LIDAR_MOUNT))) if ch == LIDAR else calib[ch]
        cs_tok[ch] = tables.calibrated_sensor(token(seed, "calibrated_sensor", si, ch), ch, sensor_to_ego, K)
    # scenes 10^4 s apart (no overlap for any practical length), seeds 10^7 s apart
    t0 = 1_600_000_000_000_000 + (seed % 1000) * 10_000_000_000_000 + si * 10_000_000_000
    stamps = [t0 + int(round(f * 1e6 / cfg.hz)) for f in range(cfg.frames)]
    samples = [token(seed, "sample", si, f) for f in range(cfg.frames)]
    scene_tok = token(seed, "scene", si)
    tables.samples(samples, stamps, scene_tok)
    jobs = [(scene, f, cfg, calib) for f in range(cfg.frames)]
    results = pool.map(_frame_job, jobs) if pool is not None else map(_frame_job, jobs)
    # camera sweeps between keyframes f and f + 1, rendered at their own (integer us) timestamps
    n = cfg.sweeps + 1
    sweep_stamps = [[t0 + int(round((f * n + j) * 1e6 / (cfg.hz * n))) for j in range(1, n)] for f in range(cfg.frames - 1)]
    sweep_jobs = [(scene, (ts - t0) * 1e-6, cfg, calib) for row in sweep_stamps for ts in row]
    sweep_results = pool.map(_sweep_job, sweep_jobs) if pool is not None else map(_sweep_job, sweep_jobs)
    sweep_frames: list[tuple[int, str, int]] = []   # (interval, CAM_FRONT sample_data token, timestamp)
    instances: list[dict[int, str]] = []            # per keyframe: agent -> its annotation's instance token
    centers_all = [scene.boxes.centers(t) for t in scene.times]
    for f, enc, lidar_bytes, stats, job_t in results:
        for k, v in job_t.items():
            _add(timings, k, v)
        tick = time.perf_counter()
        ego = scene.ego_pose(f)
        ts = stamps[f]
        ep_tok = tables.ego_pose(token(seed, "ego_pose", si, f), ts, yaw_to_quat(scene.ego_yaw[f]),
                                 [ego[0, 3], ego[1, 3], 0.0])
        base = f"n000-synth-{seed}-{si:04d}"
        for ch in SENSORS:
            if ch == LIDAR:
                fn = f"samples/{LIDAR}/{base}__{LIDAR}__{ts}.pcd.bin"
                write_bytes(root / fn, lidar_bytes)
                fmt, h, w = "pcd", 0, 0
            else:
                fn = f"samples/{ch}/{base}__{ch}__{ts}.jpg"
                _write_camera_files(root, fn, enc[ch])
                fmt, h, w = "jpg", cfg.height, cfg.width
            tables.sample_data(token(seed, "sample_data", si, f, ch), samples[f], ep_tok, cs_tok[ch], ts, fn, fmt, h, w)
        _add(timings, "write files", time.perf_counter() - tick)
        for j, ts in enumerate(sweep_stamps[f] if f < len(sweep_stamps) else []):
            enc_s, job_t = next(sweep_results)
            for k, v in job_t.items():
                _add(timings, k, v)
            tick = time.perf_counter()
            at = scene.at((ts - t0) * 1e-6)
            ep = tables.ego_pose(token(seed, "sweep_ego_pose", si, f, j), ts, yaw_to_quat(at.yaw), [*at.xy, 0.0])
            for ch in CAMERAS:  # the cameras' chains only: the LiDAR has keyframes alone
                fn = f"sweeps/{ch}/{base}__{ch}__{ts}.jpg"
                _write_camera_files(root, fn, enc_s[ch])
                # nuScenes points a sweep's sample_token at a keyframe next to it: the next one here
                rec = tables.sample_data(token(seed, "sweep_data", si, f, j, ch), samples[f + 1], ep, cs_tok[ch], ts,
                                         fn, "jpg", cfg.height, cfg.width, is_key_frame=False)
                if ch == "CAM_FRONT":
                    sweep_frames.append((f, rec["token"], ts))
            _add(timings, "write files", time.perf_counter() - tick)
            bar.update(1)
        tick = time.perf_counter()
        centers = centers_all[f]
        counts = {"car": 0, "truck": 0, "pedestrian": 0}
        instances.append({})
        for ai, agent in enumerate(scene.agents):
            if ai not in stats:
                continue
            seen, full, n_pts = stats[ai]
            if seen == 0 and n_pts == 0:
                continue  # nuScenes keeps only boxes with evidence in some sensor
            if seen >= MIN_CAPTION_PIXELS:
                counts[agent.category.split(".")[-1] if agent.category.startswith("vehicle") else "pedestrian"] += 1
            b = agent.box
            l, w, h = scene.boxes.size[b]
            # an object that left range and came back starts a new instance (a new track)
            rec = tables.annotation((si, ai), f, token(seed, "sample_annotation", si, f, ai), samples[f],
                                    token(seed, "instance", si, ai, f), tables.token("category", agent.category),
                                    visibility_token(seen / full if full else 0.0),
                                    [tables.token("attribute", agent.attribute)], centers[b], (w, l, h),
                                    yaw_to_quat(scene.boxes.yaw[b]), n_pts)
            instances[f][ai] = rec["instance_token"]
        tables.add("caption", {"token": token(seed, "caption", si, f), "sample_token": samples[f],
                               "caption": caption(scene, f, counts)})
        _add(timings, "annotations", time.perf_counter() - tick)
        bar.update(1)
    name = f"scene-{si + 1:04d}"
    tables.scene(scene_tok, log_tok, name, samples, f"{scene.weather}, {scene.time_of_day}, city grid")
    if sweep_frames:
        write_json(root / SWEEP_TRUTH / f"{name}.json",
                   {"scene": name, "frames": [{"sample_data_token": tok, "timestamp": ts,
                                               "boxes": sweep_boxes(scene, (ts - t0) * 1e-6, instances[f], instances[f + 1])}
                                              for f, tok, ts in sweep_frames]})


def _write_camera_files(root: Path, filename: str, encoded: tuple[bytes, bytes, bytes]) -> None:
    """A camera frame's JPEG at `filename` and its depth and semantic PNGs (same stem, under depth/ and semantic/)."""
    jpg, depth_png, sem_png = encoded
    ch, stem = Path(filename).parent.name, Path(filename).stem
    write_bytes(root / filename, jpg)
    write_bytes(root / "depth" / ch / f"{stem}.png", depth_png)
    write_bytes(root / "semantic" / ch / f"{stem}.png", sem_png)


def sweep_boxes(scene: Scene, t: float, before: dict[int, str], after: dict[int, str]) -> list[dict]:
    """Exact boxes at time t (s) between two keyframes of the agents annotated at either of them
    (before / after: agent -> instance token), as nuScenes box fields (size w, l, h; rotation w, x, y, z)."""
    bx = scene.boxes
    centers = bx.centers(t)   # the keyframes' motion model
    out = []
    for ai in sorted(set(before) | set(after)):
        b = scene.agents[ai].box
        l, w, h = bx.size[b]
        out.append({"instance_token": before.get(ai) or after[ai], "category": scene.agents[ai].category,
                    "translation": [float(x) for x in centers[b]],
                    "size": [float(w), float(l), float(h)], "rotation": [float(x) for x in yaw_to_quat(bx.yaw[b])]})
    return out


def caption(scene: Scene, f: int, counts: dict[str, int]) -> str:
    """One caption per keyframe from the generator's own state, e.g.
    "A rainy night. Turning left through an intersection with 5 cars, 1 truck and 2 pedestrians in view."
    """
    weather = {"clear": "clear", "rain": "rainy", "fog": "foggy"}[scene.weather]
    article = "An" if weather[0] in "aeiou" else "A"
    parts = [f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n or k != "truck"]
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    action = scene.maneuvers[f][0].upper() + scene.maneuvers[f][1:]
    return f"{article} {weather} {scene.time_of_day}. {action} {scene.places[f]} with {listed} in view."
