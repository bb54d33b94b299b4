"""`cvdstorm synth`: the procedural world (layout.py) through its sensors (sensors.py) as a nuScenes dataroot.

In:  SynthConfig (scenes, seed, frames, image size, keyframe rate, ...), an output folder.
Out: DATAROOT/<version>/*.json (scene, sample, sample_data, calibrated_sensor, sensor, ego_pose,
     sample_annotation, instance, category, attribute, visibility, log, map, plus our caption.json
     and splits.json; written by data/tables.py), samples/CAM_*/*.jpg, samples/LIDAR_TOP/*.pcd.bin (float32 x, y, z,
     intensity, ring in the LiDAR frame), depth/CAM_*/*.png (uint16, metres * 256, 0 = sky or
     beyond 256 m), semantic/CAM_*/*.png (class ids, layout.CLASS_NAMES),
     maps/expansion/<LOCATION>.json (hdmap.py) and the map table's drivable-area raster.
     With `sweeps` > 0, camera sweeps between keyframes as nuScenes has them (sample_data with
     is_key_frame false, linked prev/next per camera): sweeps/CAM_*/*.jpg, their depth/ and
     semantic/ PNGs, an ego_pose each, and their exact boxes in truth/sweep_boxes/<scene>.json
     (truth.score_interpolation scores the reader's interpolated boxes against them).
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

from ... import CAMERAS
from ...config import Config
from ...errors import CvdError
from ...geometry import box_corners, invert_pose, make_pose, transform_points, yaw_to_quat
from ...images import encode_depth_png
from ...io import OutputFolder, write_bytes, write_image, write_json
from ...limits import check_disk, check_memory
from ..nuscenes import LIDAR
from ..tables import SENSORS, TableWriter, token, visibility_token
from .hdmap import drivable_area_raster, map_expansion
from .layout import Instant, Scene, make_scene
from .raycast import cast_rays
from .sensors import LIDAR_MOUNT, camera_rays, lidar_sweep, projected_rect, render_camera, rig_calibration
from .shading import sun_shadows

LOCATION = "synth-grid"
SWEEP_TRUTH = "truth/sweep_boxes"    # under the dataroot: <scene name>.json per scene with sweeps
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
            rect = projected_rect(pc, K, H, Wd)
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
