"""`cvdstorm synth`: write the procedural world (synth_world.py) as a nuScenes-format dataroot.

In:  SynthConfig (scenes, seed, frames, size, keyframe rate).
Out: DATAROOT/<version>/*.json (scene, sample, sample_data, calibrated_sensor, sensor, ego_pose,
     sample_annotation, instance, category, attribute, visibility, log, map, plus our caption.json
     and splits.json), samples/CAM_*/*.jpg, samples/LIDAR_TOP/*.pcd.bin, depth/CAM_*/*.png
     (uint16, metres * 256, 0 = sky or beyond 256 m), semantic/CAM_*/*.png (class ids, see
     synth_world.CLASS_NAMES), maps/expansion/<location>.json and the map table's raster.
See docs/DATA.md. Everything is a pure function of the seed (tokens are hashes, not uuid4), so the
same seed gives identical bytes.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from .. import CAMERAS
from ..errors import CvdError
from ..geometry import box_corners, invert_pose, make_pose, rotmat_to_quat, transform_points, yaw_to_quat
from ..io import write_bytes, write_image, write_json
from . import synth_world as W

LOCATION = "synth-grid"
# Rig after nuScenes' (ego frame: x forward, y left, z up): mount position, yaw, focal length at
# the native 1600 px width. Neighbouring fields of view overlap by ~10 degrees.
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
MAX_DEPTH_PNG = 65535 / 256.0

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
VISIBILITY = [("1", "v0-40", "visibility of whole object is between 0 and 40%"),
              ("2", "v40-60", "visibility of whole object is between 40 and 60%"),
              ("3", "v60-80", "visibility of whole object is between 60 and 80%"),
              ("4", "v80-100", "visibility of whole object is between 80 and 100%")]


@dataclass
class SynthConfig:
    scenes: int = 2
    seed: int = 0
    frames: int = 40
    width: int = 448
    height: int = 256
    hz: float = 2.0
    version: str = "v1.0-synth"
    lidar_azimuths: int = 1024
    jpeg_quality: int = 92
    workers: int = 2

    def validate(self) -> None:
        for name in ("scenes", "frames", "width", "height", "lidar_azimuths"):
            if getattr(self, name) <= 0:
                raise CvdError(f"synth: --{name} must be positive, got {getattr(self, name)}")
        if not (self.hz > 0 and math.isfinite(self.hz)):
            raise CvdError(f"synth: --hz must be a positive number, got {self.hz}")
        if self.width < 16 or self.height < 16:
            raise CvdError(f"synth: images must be at least 16x16, got {self.width}x{self.height}")
        if not self.version or "/" in self.version:
            raise CvdError(f"synth: --version must be a plain folder name, got {self.version!r}")


def rig_calibration(width: int, height: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Camera name -> (K [3, 3] for this image size, cam_to_ego [4, 4]); horizontal FOV as nuScenes."""
    out = {}
    for cam, (t, yaw_deg, f_native) in RIG.items():
        f = f_native * width / 1600.0
        K = np.array([[f, 0, width / 2], [0, f, height / 2], [0, 0, 1.0]])
        y = math.radians(yaw_deg)
        fwd, right = np.array([math.cos(y), math.sin(y), 0.0]), np.array([math.sin(y), -math.cos(y), 0.0])
        R = np.stack([right, np.array([0.0, 0.0, -1.0]), fwd], axis=1)  # columns: cam x, y, z in ego
        out[cam] = (K, make_pose(R, np.array(t)))
    return out


def token(*parts) -> str:
    return hashlib.md5("/".join(map(str, parts)).encode()).hexdigest()


# ----------------------------------------------------------------------------------- rendering
def _box_regions(scene: W.Scene, t: float, world_to_cam: np.ndarray, K: np.ndarray, H: int, Wd: int):
    """Screen-space culling for one camera: boxes that may be visible, nearest first.

    Returns (box ids, flat pixel indices each box can cover, lower bound of each box's camera z).
    A box's projection lies inside the bounding rectangle of its projected corners (all in front),
    and its camera z is at least its corners' minimum (z is linear), which the caster uses to skip
    pixels already hit in front of it.
    """
    bx = scene.boxes
    corners = box_corners(bx.centers(t), bx.size[:, [1, 0, 2]], bx.yaw)      # [N, 8, 3]
    cam = transform_points(world_to_cam, corners.reshape(-1, 3)).reshape(-1, 8, 3)
    z = cam[..., 2]                                                          # [N, 8]
    zmin = z.min(1)
    cand = np.nonzero(z.max(1) > 1e-3)[0]
    ids, regions, lower = [], [], []
    grid = np.arange(H * Wd).reshape(H, Wd)
    for i in cand[np.argsort(zmin[cand], kind="stable")]:
        if zmin[i] <= 0.05:  # straddles the camera plane: test every pixel
            ids.append(i); regions.append(slice(None)); lower.append(0.0)
            continue
        uv = cam[i, :, :2] / z[i, :, None] @ K[:2, :2].T + K[:2, 2]
        u0, v0 = np.floor(uv.min(0)).astype(int)
        u1, v1 = np.ceil(uv.max(0)).astype(int) + 1
        u0, v0, u1, v1 = max(u0, 0), max(v0, 0), min(u1, Wd), min(v1, H)
        if u0 < u1 and v0 < v1:
            ids.append(i); regions.append(grid[v0:v1, u0:u1].ravel()); lower.append(float(zmin[i]))
    return ids, regions, np.array(lower)


def render_camera(scene: W.Scene, f: int, K: np.ndarray, cam_to_world: np.ndarray, H: int, Wd: int):
    """Exact render of one camera: (rgb uint8 [H, W, 3], depth [H, W] (inf = sky), class [H, W], box [H, W])."""
    t = scene.times[f]
    v, u = np.meshgrid(np.arange(H) + 0.5, np.arange(Wd) + 0.5, indexing="ij")
    pix = np.stack([u, v, np.ones_like(u)], -1).reshape(-1, 3)                 # [H*W, 3]
    # world ray directions R K^-1 [u, v, 1] with camera z = 1, so the ray parameter is the depth;
    # einsum rather than `@`: BLAS on [N, 3] x [3, 3] is slow and oversubscribes the 2 cores
    dirs = np.einsum("nj,ij->ni", pix, cam_to_world[:3, :3] @ np.linalg.inv(K))
    origin = cam_to_world[:3, 3]
    ids, regions, lower = _box_regions(scene, t, invert_pose(cam_to_world), K, H, Wd)
    hits = W.cast_rays(scene, t, origin, dirs, ids, regions, lower)
    ego_fwd = np.array([math.cos(scene.ego_yaw[f]), math.sin(scene.ego_yaw[f]), 0.0])
    rgb = W.shade(scene, hits, dirs, origin, ego_fwd)
    rgb8 = (rgb.reshape(H, Wd, 3) * 255 + 0.5).astype(np.uint8)
    return rgb8, hits.depth.reshape(H, Wd), hits.cls.reshape(H, Wd).astype(np.uint8), hits.box.reshape(H, Wd)


def lidar_sweep(scene: W.Scene, f: int, lidar_to_world: np.ndarray, azimuths: int):
    """Points [N, 5] (x, y, z, intensity, ring) in the LiDAR frame, and the box id each point hit.

    Rays form a [32 rings, azimuths] grid; each box is tested only against the azimuth columns its
    corners span (azimuth is linear in a box's points up to the atan, so corners bound it) and
    with a lower bound on its range, nearest first.
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
    cand = np.nonzero(dist - radius < LIDAR_RANGE)[0]
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
        cl = local[k].mean(0)                 # box centre in the LiDAR frame
        ac = math.atan2(cl[1], cl[0])
        rel = np.angle(np.exp(1j * (np.arctan2(local[k, :, 1], local[k, :, 0]) - ac)))
        j0 = math.floor((ac + rel.min() + np.pi) / step) - 1
        j1 = math.ceil((ac + rel.max() + np.pi) / step) + 1
        cols = np.arange(j0, j1 + 1) % azimuths
        regions.append((rows + cols[None, :]).ravel())
    hits = W.cast_rays(scene, t, origin, dirs, cand, regions, np.array(lower), max_t=LIDAR_RANGE)
    keep = hits.depth < LIDAR_RANGE
    pts = d_l[keep] * hits.depth[keep, None]
    # intensity: retro-reflective markings bright, vehicles medium, the rest dim
    inten = np.choose(hits.cls[keep], [0, 8, 60, 30, 12, 15, 10, 9]).astype(np.float32)
    out = np.concatenate([pts, inten[:, None], ring[keep, None]], 1).astype(np.float32)
    return out, hits.box[keep]


# ------------------------------------------------------------------------------------- frames
def _frame_job(args):
    """Render all sensors of one keyframe (runs in a worker process)."""
    scene, f, cfg, calib = args
    ego = scene.ego_pose(f)
    cams = {}
    for cam in CAMERAS:
        K, c2e = calib[cam]
        cams[cam] = render_camera(scene, f, K, ego @ c2e, cfg.height, cfg.width)
    lidar_to_world = ego @ make_pose(np.eye(3), np.array(LIDAR_MOUNT))
    pts, pt_box = lidar_sweep(scene, f, lidar_to_world, cfg.lidar_azimuths)
    return f, cams, pts, pt_box


def _visibility(scene: W.Scene, box: int, f: int, cams: dict, calib: dict, ego: np.ndarray) -> tuple[float, int]:
    """(visible fraction estimate, visible pixel count) of a box over all cameras.

    Fraction = visible pixels / pixels inside the projected box outline (convex hull of its
    corners, clipped to the image), over the cameras that see the box entirely in front.
    """
    bx = scene.boxes
    corners = box_corners(bx.centers(scene.times[f])[box], bx.size[box, [1, 0, 2]], bx.yaw[box])
    seen = full = 0
    for cam in CAMERAS:
        K, c2e = calib[cam]
        pc = transform_points(invert_pose(ego @ c2e), corners)
        boxmap = cams[cam][3]
        n_vis = int((boxmap == box).sum())
        seen += n_vis
        if pc[:, 2].min() <= 0.1:
            full += n_vis
            continue
        uv = pc[:, :2] / pc[:, 2:] @ K[:2, :2].T + K[:2, 2]
        full += max(_hull_pixels(uv, boxmap.shape), n_vis)
    return (seen / full if full else 0.0), seen


def _hull_pixels(uv: np.ndarray, shape) -> int:
    from PIL import Image, ImageDraw
    from scipy.spatial import ConvexHull

    H, Wd = shape
    lo, hi = np.floor(uv.min(0)), np.ceil(uv.max(0))
    if hi[0] < 0 or hi[1] < 0 or lo[0] > Wd or lo[1] > H:
        return 0
    try:
        hull = uv[ConvexHull(uv).vertices]
    except Exception:  # degenerate (tiny or flat) outline
        return 0
    im = Image.new("1", (Wd, H))
    ImageDraw.Draw(im).polygon([tuple(p) for p in hull], fill=1)
    return int(np.asarray(im).sum())


# -------------------------------------------------------------------------------------- writer
def write_dataset(out: str | os.PathLike, cfg: SynthConfig | None = None, overwrite: bool = False,
                  progress: bool = True) -> Path:
    """Write the synthetic world to `out`. Refuses to touch an existing non-empty folder unless
    `overwrite`; then builds everything in a temporary sibling and swaps it in at the end, so an
    interrupted run never leaves a half-replaced dataset."""
    cfg = cfg or SynthConfig()
    cfg.validate()
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        if not overwrite:
            raise CvdError(f"{out} already exists and is not empty; pass --overwrite to replace it")
    tmp = out.parent / f".{out.name}.partial"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    _write(tmp, cfg, progress)
    if out.exists():
        old = out.parent / f".{out.name}.old"
        if old.exists():
            shutil.rmtree(old)
        os.replace(out, old)
        os.replace(tmp, out)
        shutil.rmtree(old)
    else:
        os.replace(tmp, out)
    return out


def _write(root: Path, cfg: SynthConfig, progress: bool) -> None:
    seed = cfg.seed
    calib = rig_calibration(cfg.width, cfg.height)
    T: dict[str, list] = {k: [] for k in ("scene", "sample", "sample_data", "calibrated_sensor", "sensor", "ego_pose",
                                          "sample_annotation", "instance", "category", "attribute", "visibility",
                                          "log", "map", "caption")}
    for name, desc in CATEGORIES:
        T["category"].append({"token": token(seed, "category", name), "name": name, "description": desc})
    for name, desc in ATTRIBUTES:
        T["attribute"].append({"token": token(seed, "attribute", name), "name": name, "description": desc})
    for tok, level, desc in VISIBILITY:
        T["visibility"].append({"token": tok, "level": level, "description": desc})
    channels = list(CAMERAS) + ["LIDAR_TOP"]
    for ch in channels:
        T["sensor"].append({"token": token(seed, "sensor", ch), "channel": ch,
                            "modality": "lidar" if ch == "LIDAR_TOP" else "camera"})
    map_token = token(seed, "map", LOCATION)
    pool = ProcessPoolExecutor(cfg.workers) if cfg.workers > 1 else None
    bar = tqdm(total=cfg.scenes * cfg.frames, desc="synth frames", disable=not progress, unit="frame")
    try:
        for si in range(cfg.scenes):
            _write_scene(root, cfg, si, calib, T, map_token, pool, bar)
    finally:
        bar.close()
        if pool is not None:
            pool.shutdown()
    T["map"].append({"token": map_token, "log_tokens": [l["token"] for l in T["log"]],
                     "category": "semantic_prior", "filename": f"maps/{map_token}.png"})
    _write_map(root, map_token)
    names = [s["name"] for s in T["scene"]]
    n_val = max(1, round(0.2 * len(names))) if len(names) > 1 else 0
    vdir = root / cfg.version
    for k, rows in T.items():
        write_json(vdir / f"{k}.json", rows)
    write_json(vdir / "splits.json", {"train": names[:len(names) - n_val], "val": names[len(names) - n_val:]})


def _write_scene(root, cfg, si, calib, T, map_token, pool, bar) -> None:
    seed = cfg.seed
    rng = np.random.default_rng([seed, si])
    scene = W.make_scene(rng, cfg.frames, cfg.hz)
    name = f"scene-{si + 1:04d}"
    log_tok, scene_tok = token(seed, "log", si), token(seed, "scene", si)
    T["log"].append({"token": log_tok, "logfile": f"synth-{seed}-{si}", "vehicle": "synth-ego",
                     "date_captured": "2026-01-01", "location": LOCATION})
    cs_tok = {}
    for ch in list(CAMERAS) + ["LIDAR_TOP"]:
        cs_tok[ch] = token(seed, "calibrated_sensor", si, ch)
        if ch == "LIDAR_TOP":
            t, q, Kl = list(LIDAR_MOUNT), [1.0, 0.0, 0.0, 0.0], []
        else:
            K, c2e = calib[ch]
            t, q, Kl = c2e[:3, 3].tolist(), rotmat_to_quat(c2e[:3, :3]).tolist(), K.tolist()
        T["calibrated_sensor"].append({"token": cs_tok[ch], "sensor_token": token(seed, "sensor", ch),
                                       "translation": t, "rotation": q, "camera_intrinsic": Kl})
    t0 = 1_600_000_000_000_000 + (seed % 1000) * 10_000_000_000 + si * 100_000_000
    stamps = [t0 + int(round(f * 1e6 / cfg.hz)) for f in range(cfg.frames)]
    samples = [token(seed, "sample", si, f) for f in range(cfg.frames)]
    jobs = [(scene, f, cfg, calib) for f in range(cfg.frames)]
    results = pool.map(_frame_job, jobs) if pool is not None else map(_frame_job, jobs)
    ann_prev: dict[int, dict] = {}
    inst_anns: dict[int, list[str]] = {}
    sd_prev: dict[str, dict] = {}
    for f, cams, pts, pt_box in results:
        ego = scene.ego_pose(f)
        ts = stamps[f]
        ep_tok = token(seed, "ego_pose", si, f)
        T["ego_pose"].append({"token": ep_tok, "timestamp": ts, "rotation": yaw_to_quat(scene.ego_yaw[f]).tolist(),
                              "translation": [float(ego[0, 3]), float(ego[1, 3]), 0.0]})
        T["sample"].append({"token": samples[f], "timestamp": ts, "prev": samples[f - 1] if f else "",
                            "next": samples[f + 1] if f + 1 < cfg.frames else "", "scene_token": scene_tok})
        base = f"n000-synth-{seed}-{si:04d}"
        for ch in list(CAMERAS) + ["LIDAR_TOP"]:
            if ch == "LIDAR_TOP":
                fn = f"samples/LIDAR_TOP/{base}__LIDAR_TOP__{ts}.pcd.bin"
                write_bytes(root / fn, pts.tobytes())
                extra = {"fileformat": "pcd", "height": 0, "width": 0}
            else:
                rgb, depth, cls, _ = cams[ch]
                fn = f"samples/{ch}/{base}__{ch}__{ts}.jpg"
                write_image(root / fn, rgb, quality=cfg.jpeg_quality)
                d16 = np.where(np.isfinite(depth) & (depth < MAX_DEPTH_PNG), np.round(depth * 256), 0).astype(np.uint16)
                stem = Path(fn).stem
                write_image(root / "depth" / ch / f"{stem}.png", d16)
                write_image(root / "semantic" / ch / f"{stem}.png", cls)
                extra = {"fileformat": "jpg", "height": cfg.height, "width": cfg.width}
            sd_tok = token(seed, "sample_data", si, f, ch)
            rec = {"token": sd_tok, "sample_token": samples[f], "ego_pose_token": ep_tok,
                   "calibrated_sensor_token": cs_tok[ch], "timestamp": ts, "is_key_frame": True,
                   "filename": fn, "prev": "", "next": "", **extra}
            if ch in sd_prev:
                rec["prev"], sd_prev[ch]["next"] = sd_prev[ch]["token"], sd_tok
            sd_prev[ch] = rec
            T["sample_data"].append(rec)
        # annotations: agents within range of the ego
        centers = scene.boxes.centers(scene.times[f])
        n_cars = n_peds = 0
        for ai, agent in enumerate(scene.agents):
            b = agent.box
            if np.linalg.norm(centers[b, :2] - ego[:2, 3]) > ANNOTATION_RANGE:
                continue
            frac, seen = _visibility(scene, b, f, cams, calib, ego)
            n_pts = int((pt_box == b).sum())
            if seen == 0 and n_pts == 0:
                continue  # nuScenes drops boxes with no evidence in any sensor
            if seen >= 30:
                n_cars += agent.category.startswith("vehicle")
                n_peds += agent.category.startswith("human")
            a_tok = token(seed, "sample_annotation", si, f, ai)
            l, w, h = scene.boxes.size[b]
            prev = ann_prev.get(ai)
            contiguous = prev is not None and prev["_frame"] == f - 1
            # an object that left range and came back starts a new instance (a new track)
            inst_tok = prev["instance_token"] if contiguous else token(seed, "instance", si, ai, f)
            rec = {"token": a_tok, "sample_token": samples[f], "instance_token": inst_tok,
                   "visibility_token": str(1 + int(np.searchsorted([0.4, 0.6, 0.8], frac, side="right"))),
                   "attribute_tokens": [token(seed, "attribute", agent.attribute)],
                   "translation": centers[b].tolist(), "size": [float(w), float(l), float(h)],
                   "rotation": yaw_to_quat(scene.boxes.yaw[b]).tolist(),
                   "prev": prev["token"] if contiguous else "", "next": "",
                   "num_lidar_pts": n_pts, "num_radar_pts": 0, "_frame": f}
            if contiguous:
                prev["next"] = a_tok
            ann_prev[ai] = rec
            inst_anns.setdefault(inst_tok, (agent, []))[1].append(rec)
            T["sample_annotation"].append(rec)
        T["caption"].append({"token": token(seed, "caption", si, f), "sample_token": samples[f],
                             "caption": caption(scene, f, n_cars, n_peds)})
        bar.update(1)
    for inst_tok, (agent, recs) in inst_anns.items():
        T["instance"].append({"token": inst_tok, "category_token": token(seed, "category", agent.category),
                              "nbr_annotations": len(recs), "first_annotation_token": recs[0]["token"],
                              "last_annotation_token": recs[-1]["token"]})
    for rec in T["sample_annotation"]:
        rec.pop("_frame", None)
    T["scene"].append({"token": scene_tok, "log_token": log_tok, "nbr_samples": cfg.frames,
                       "first_sample_token": samples[0], "last_sample_token": samples[-1], "name": name,
                       "description": f"{scene.weather}, {scene.time_of_day}, city grid"})


def caption(scene: W.Scene, f: int, n_cars: int, n_peds: int) -> str:
    """One caption per frame from the generator's own state."""
    weather = {"clear": "Clear", "rain": "Rainy", "fog": "Foggy"}[scene.weather]
    tod = {"day": "day", "dusk": "dusk", "night": "night"}[scene.time_of_day]
    cars = f"{n_cars} car{'s' if n_cars != 1 else ''}"
    peds = f"{n_peds} pedestrian{'s' if n_peds != 1 else ''}"
    return f"{weather} {tod}. Ego {scene.maneuvers[f]} in a city street with {cars} and {peds} in view."


def _write_map(root: Path, map_token: str) -> None:
    """Map expansion JSON (nuScenes map-expansion schema, version 1.3) and the map table's raster."""
    layers = W._map_layers()
    nodes, node_idx, lines, polygons = [], {}, [], []

    def node(p):
        key = (round(p[0], 3), round(p[1], 3))
        if key not in node_idx:
            node_idx[key] = token("node", *key)
            nodes.append({"token": node_idx[key], "x": key[0], "y": key[1]})
        return node_idx[key]

    def line(pts):
        tok = token("line", len(lines))
        lines.append({"token": tok, "node_tokens": [node(p) for p in pts]})
        return tok

    def polygon(ext, holes=()):
        tok = token("polygon", len(polygons))
        polygons.append({"token": tok, "exterior_node_tokens": [node(p) for p in ext],
                         "holes": [{"node_tokens": [node(p) for p in h]} for h in holes]})
        return tok

    exp = {"version": "1.3", "polygon": polygons, "line": lines, "node": nodes,
           "drivable_area": [{"token": token("drivable_area", i), "polygon_tokens": [polygon(ext, holes)]}
                             for i, (ext, holes) in enumerate(layers["drivable_area"])],
           "road_segment": [], "road_block": [], "lane": [], "stop_line": [], "carpark_area": [],
           "traffic_light": [], "lane_connector": [], "connectivity": {}, "arcline_path_3": {},
           "ped_crossing": [{"token": token("ped_crossing", i), "polygon_token": polygon(p), "road_segment_token": ""}
                            for i, p in enumerate(layers["ped_crossing"])],
           "walkway": [{"token": token("walkway", i), "polygon_token": polygon(p)} for i, p in enumerate(layers["walkway"])],
           "road_divider": [{"token": token("road_divider", i), "line_token": line(l), "road_segment_token": ""}
                            for i, l in enumerate(layers["road_divider"])],
           "lane_divider": [],
           "canvas_edge": [(W.GRID - 1) * W.BLOCK + 40, (W.GRID - 1) * W.BLOCK + 40]}
    for i, l in enumerate(layers["lane_divider"]):
        lt = line(l)
        exp["lane_divider"].append({"token": token("lane_divider", i), "line_token": lt,
                                    "lane_divider_segments": [{"node_token": n, "segment_type": "DOUBLE_DASHED_WHITE"}
                                                              for n in lines[-1]["node_tokens"]]})
    write_json(root / "maps" / "expansion" / f"{LOCATION}.json", exp, indent=None)
    # raster of the drivable area at 1 px per metre (what the nuScenes map table points at)
    from PIL import Image, ImageDraw

    ext, holes = layers["drivable_area"][0]
    lo = np.array(ext[0])
    size = tuple(int(v) for v in np.array(ext[2]) - lo)
    im = Image.new("L", size, 0)
    d = ImageDraw.Draw(im)
    d.polygon([tuple(np.array(p) - lo) for p in ext], fill=255)
    for h in holes:
        d.polygon([tuple(np.array(p) - lo) for p in h], fill=0)
    write_image(root / "maps" / f"{map_token}.png", np.asarray(im)[::-1].copy())
