"""`cvdstorm render`: the generated 4D Gaussians of a run seen from cameras that were never generated.

In:  a `generate` output folder (pipelines/run.py: its Gaussians and scene record), and a new
     rig: the run's own rig moved in the ego frame (offset X,Y,Z metres: x forward, y left, z up;
     yaw degrees about ego z: the whole rig turns), or another rig from a YAML file:

        width: 448                    # image size shared by the rig's cameras
        height: 256
        cameras:
          CAM_A:                      # any names; the order of the file is the V axis
            intrinsics: [[fx, 0, cx], [0, fy, cy], [0, 0, 1]]
            translation: [x, y, z]    # camera-to-ego, ego frame (x forward, y left, z up), metres
            rotation: [w, x, y, z]    # camera-to-ego quaternion (camera frame OpenCV: x right, y down, z fwd)

     (the offset and yaw apply to a rig file's cameras too), and the times to render (seconds from
     the run's first frame; default: every generated frame). Between frames the ego pose is
     interpolated (translation linear, rotation slerp).
Out: DIR with the layout of `generate`: rgb.npy uint8 [N, V, H, W, 3], depth.npy float32 [N, V, H, W]
     (metres, 0 where nothing), alpha.npy float32 [N, V, H, W], video.mp4 (rig tiled when the rig
     is the 6 nuScenes cameras, else side by side), cameras/<NAME>.mp4, depth.mp4, alpha.mp4,
     holes.csv + render.json (settings, cameras, per-frame hole fraction, render time).

Which Gaussians: time t is rendered with the window that generated the frame at or before t
(generate's window plan in scene.json); its Gaussians move linearly: mean(t) = mean + velocity *
(t - window time). Colour is the Gaussians' own (no sky model or per-camera colour token, which live
in the checkpoint, not the run); where they leave the image uncovered the background colour shows.
A hole is a pixel with alpha < HOLE_ALPHA (0.5): less than half covered by Gaussians, so its
colour is mostly background. The hole fraction per (time, camera) and per time is reported.
"""

from __future__ import annotations

import csv
import io
import math
import time as _time
from pathlib import Path

import numpy as np
import torch

from .. import CAMERAS
from ..config import GSDecoderConfig
from ..errors import CvdError, require
from ..geometry import interp_poses, invert_pose, make_pose, quat_to_rotmat
from ..io import OutputFolder, check_video_size, new_memmap, read_yaml, write_bytes, write_json, write_video
from ..limits import check_disk, check_memory
from ..paths import plain_name
from ..render import rasterize
from .run import GaussianWindows, GenerationRun

HOLE_ALPHA = 0.5
NEAR = GSDecoderConfig().near * 0.5   # as StormVAE.render
MAX_SIDE = 8192                        # largest rig image side
RUN_KEYS = ("timestamps", "ego_to_world", "cam_to_world", "intrinsics")   # what scene.json must give render


def parse_vector(text: str | None, n: int, what: str) -> np.ndarray:
    """'1,2,3' -> float array [n]; NaN/Inf or a wrong count is a CvdError."""
    if text is None:
        return np.zeros(n)
    try:
        v = np.array([float(x) for x in str(text).replace(" ", "").split(",") if x != ""], np.float64)
    except ValueError:
        raise CvdError(f"{what} must be {n} comma-separated numbers, got {text!r}") from None
    require(v.shape == (n,), f"{what} must be {n} comma-separated numbers, got {text!r}")
    require(bool(np.isfinite(v).all()), f"{what} must be finite numbers, got {text!r}")
    return v


def rig_transform(offset=(0.0, 0.0, 0.0), yaw_deg: float = 0.0) -> np.ndarray:
    """[4, 4] applied to camera-to-ego poses: rotate by yaw about ego z, then translate by offset."""
    off = np.asarray(offset, np.float64)
    require(off.shape == (3,) and np.isfinite(off).all(), f"offset must be 3 finite numbers, got {offset!r}")
    require(math.isfinite(float(yaw_deg)), f"yaw must be a finite number of degrees, got {yaw_deg!r}")
    y = math.radians(float(yaw_deg))
    R = np.array([[math.cos(y), -math.sin(y), 0.0], [math.sin(y), math.cos(y), 0.0], [0.0, 0.0, 1.0]])
    return make_pose(R, off)


def load_rig(path: str | Path) -> tuple[list[str], np.ndarray, np.ndarray, int, int]:
    """Rig YAML (module docstring) -> (names, K [V, 3, 3], cam_to_ego [V, 4, 4], height, width)."""
    path = Path(path)
    rig = read_yaml(path, "rig file")
    require(isinstance(rig, dict), f"rig file {path} must be a mapping with width, height and cameras")
    for k in ("width", "height"):  # the upper bound keeps the output arrays allocatable
        require(isinstance(rig.get(k), int) and 8 <= rig[k] <= MAX_SIDE,
                f"rig file {path}: {k} must be an integer in [8, {MAX_SIDE}], got {rig.get(k)!r}")
    cams = rig.get("cameras")
    require(isinstance(cams, dict) and len(cams) > 0,
            f"rig file {path}: 'cameras' must map camera names to intrinsics/translation/rotation")
    names, Ks, poses = [], [], []
    for name, c in cams.items():
        missing = [k for k in ("intrinsics", "translation", "rotation") if not isinstance(c, dict) or k not in c]
        require(not missing, f"rig file {path}: camera {name} lacks {', '.join(missing)}")
        try:
            K = np.asarray(c["intrinsics"], np.float64)
            t = np.asarray(c["translation"], np.float64)
            q = np.asarray(c["rotation"], np.float64)
        except (TypeError, ValueError):
            raise CvdError(f"rig file {path}: camera {name} has non-numeric intrinsics/translation/rotation") from None
        require(K.shape == (3, 3) and t.shape == (3,) and q.shape == (4,),
                f"rig file {path}: camera {name} needs intrinsics 3x3, translation [3], rotation [w, x, y, z]")
        require(bool(np.isfinite(K).all() and np.isfinite(t).all() and np.isfinite(q).all())
                and K[0, 0] > 0 and K[1, 1] > 0 and np.linalg.norm(q) > 1e-6,
                f"rig file {path}: camera {name} has NaN/Inf, non-positive focal lengths or a zero quaternion")
        names.append(plain_name(str(name), f"rig file {path}: camera name"))   # names the output cameras/<NAME>.mp4
        Ks.append(K)
        poses.append(make_pose(quat_to_rotmat(q / np.linalg.norm(q)), t))
    return names, np.stack(Ks), np.stack(poses), int(rig["height"]), int(rig["width"])


def load_run(run: str | Path) -> GenerationRun:
    """A generate output folder (pipelines/run.py) with what render needs: the scene's cameras and
    times, and every window's Gaussians (read here, once)."""
    R = GenerationRun.load(run)
    lacking = [k for k in RUN_KEYS if k not in R.scene]
    require(not lacking, f"{run}/scene.json lacks {lacking}; regenerate the run with `cvdstorm generate`")
    require(len(R.gaussians) > 0, f"{run} has no Gaussians (gaussians/window_*.ply); render needs a "
            f"`cvdstorm generate` output folder")
    R.gaussians = GaussianWindows(list(R.gaussians))
    return R


def render_gaussians(g: dict, t: float, cam_to_world: np.ndarray, K: np.ndarray, height: int, width: int,
                     near: float = NEAR, background=(0.0, 0.0, 0.0)) -> dict[str, np.ndarray]:
    """One window's Gaussians (read_gaussians_ply dict) moved to time t, into V cameras
    (cam_to_world [V, 4, 4], K [V, 3, 3]). -> rgb float [V, H, W, 3] in [0, 1], depth, alpha [V, H, W]."""
    dt = float(t) - float(g["time"])
    means = torch.from_numpy(np.asarray(g["means"], np.float32) + np.asarray(g["velocities"], np.float32) * dt)
    out = rasterize(means, torch.from_numpy(np.asarray(g["quats"], np.float32)),
                    torch.from_numpy(np.asarray(g["scales"], np.float32)),
                    torch.from_numpy(np.asarray(g["opacities"], np.float32)),
                    torch.from_numpy(np.asarray(g["colors"], np.float32)),
                    torch.from_numpy(invert_pose(np.asarray(cam_to_world, np.float64)).astype(np.float32)),
                    torch.from_numpy(np.asarray(K, np.float32)), width, height, near=near,
                    background=torch.tensor(background, dtype=torch.float32))
    return {"rgb": out.rgb.clamp(0, 1).numpy(), "depth": out.depth.numpy(), "alpha": out.alpha.numpy()}


def frame_window(R: GenerationRun, t: float) -> tuple[int, int]:
    """(the run's frame at or before time t, the window that generated it)."""
    ts = np.asarray(R.scene["timestamps"], np.float64)
    f = int(np.clip(np.searchsorted(ts, t + 1e-6, side="right") - 1, 0, len(ts) - 1))
    return f, R.window_of_frame(f)


def render_along(R: GenerationRun, times, cam_to_world: np.ndarray, K: np.ndarray, height: int, width: int,
                 near: float = NEAR) -> dict[str, np.ndarray]:
    """A run's Gaussians seen along any camera path (e.g. an edited run's cameras): times [N] (run
    seconds), cam_to_world [N, V, 4, 4] and K [N, V, 3, 3] in run world -> rgb uint8 [N, V, H, W, 3],
    depth, alpha [N, V, H, W] (the window that generated each time, as `render`)."""
    out = [render_gaussians(R.gaussians[frame_window(R, t)[1]], t, cam_to_world[n], K[n], height, width, near=near)
           for n, t in enumerate(times)]
    return {"rgb": np.stack([(o["rgb"] * 255 + 0.5).astype(np.uint8) for o in out]),
            "depth": np.stack([o["depth"] for o in out]), "alpha": np.stack([o["alpha"] for o in out])}


def novel_cameras(scene: dict, t: float, cam_to_ego: np.ndarray | None, transform: np.ndarray) -> np.ndarray:
    """cam_to_world [V, 4, 4] (run world) of the moved rig at time t. cam_to_ego None: the run's own
    rig (each camera's pose in its frame's ego, so offset 0 gives the run's cameras exactly)."""
    times = np.asarray(scene["timestamps"], np.float64)
    e2w = np.asarray(scene["ego_to_world"], np.float64)
    ego = interp_poses(times, e2w, [t])[0]
    if cam_to_ego is None:
        c2w = np.asarray(scene["cam_to_world"], np.float64)                              # [F, V, 4, 4]
        i = int(np.clip(np.searchsorted(times, t + 1e-6, side="right") - 1, 0, len(times) - 1))
        cam_to_ego = invert_pose(e2w[i]) @ c2w[i]                                        # [V, 4, 4]
    return ego @ transform @ cam_to_ego


def render_run(run: str | Path, out: str | Path, offset=(0.0, 0.0, 0.0), yaw: float = 0.0, rig: str | None = None,
               times: list[float] | None = None, overwrite: bool = False, background=(0.0, 0.0, 0.0),
               near: float = NEAR, fps: float | None = None, videos: bool = True) -> dict:
    """Render a run from a new rig (module docstring) into `out`; returns the render.json record."""
    with OutputFolder(out) as writer:  # one writer per folder; the checks run under its lock
        writer.check(overwrite, lambda d: (d / "render.json").is_file(), "a render output (no render.json)")
        return _render_run(run, writer, offset, yaw, rig, times, background, near, fps, videos)


def _render_run(run, writer: OutputFolder, offset, yaw: float, rig: str | None, times: list[float] | None,
                background, near: float, fps: float | None, videos: bool) -> dict:
    transform = rig_transform(offset, yaw)
    R = load_run(run)
    scene = R.scene
    ts = np.asarray(scene["timestamps"], np.float64)
    if rig:
        names, Ks, cam_to_ego, H, W = load_rig(rig)
    else:
        names = list(scene.get("cameras") or CAMERAS)
        cam_to_ego, Ks = None, None
        H, W = R.rgb.shape[2:4]
    if times is None:
        times = ts.tolist()
    times = [float(t) for t in times]
    require(len(times) > 0 and all(math.isfinite(t) for t in times), f"--times must be finite numbers, got {times}")
    lo, hi = ts[0], ts[-1]
    bad = [t for t in times if t < lo - 1e-6 or t > hi + 1e-6]
    require(not bad, f"--times {bad} lie outside the run's span [{lo:g}, {hi:g}] s")
    N, V = len(times), len(names)
    _check_size(N, V, H, W, videos, names, writer.path)
    tmp = writer.temp()  # _check_size has refused a render whose three maps below exceed the free disk
    rgb = new_memmap(tmp / "rgb.npy", np.uint8, (N, V, H, W, 3))
    depth = new_memmap(tmp / "depth.npy", np.float32, (N, V, H, W))
    alpha = new_memmap(tmp / "alpha.npy", np.float32, (N, V, H, W))
    holes, windows, seconds = [], [], []
    c2w_all = np.zeros((N, V, 4, 4))
    K_all = np.zeros((N, V, 3, 3))
    for n, t in enumerate(times):
        tick = _time.perf_counter()
        f, k = frame_window(R, t)
        c2w = novel_cameras(scene, t, cam_to_ego, transform)
        K = Ks if Ks is not None else np.asarray(scene["intrinsics"], np.float64)[f]
        r = render_gaussians(R.gaussians[k], t, c2w, K, H, W, near=near, background=background)
        rgb[n] = (r["rgb"] * 255 + 0.5).astype(np.uint8)
        depth[n], alpha[n] = r["depth"], r["alpha"]
        holes.append((r["alpha"] < HOLE_ALPHA).mean(axis=(1, 2)))
        windows.append(k)
        c2w_all[n], K_all[n] = c2w, K
        seconds.append(_time.perf_counter() - tick)
    for a in (rgb, depth, alpha):
        a.flush()
    holes = np.stack(holes)                                                              # [N, V]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["index", "time", "window", "hole_fraction", *[f"hole_{c}" for c in names]])
    for n in range(N):
        w.writerow([n, f"{times[n]:.6f}", windows[n], f"{holes[n].mean():.6f}", *[f"{h:.6f}" for h in holes[n]]])
    write_bytes(tmp / "holes.csv", buf.getvalue().encode())
    if videos:
        _write_videos(tmp, rgb, depth, alpha, names, fps or _fps(ts))
    rec = {"run": str(Path(run).resolve()), "offset": [float(x) for x in np.asarray(offset, np.float64)],
           "yaw_deg": float(yaw), "rig": str(rig) if rig else None, "cameras": names, "image_size": [H, W],
           "times": times, "windows": windows, "near": near, "background": list(background),
           "hole_alpha": HOLE_ALPHA, "hole_fraction": holes.mean(1).tolist(),
           "hole_fraction_per_camera": holes.tolist(), "hole_fraction_mean": float(holes.mean()),
           "seconds_per_time": [round(s, 4) for s in seconds],
           "cam_to_world": c2w_all.tolist(), "intrinsics": K_all.tolist()}
    write_json(tmp / "render.json", rec)
    writer.publish()
    return rec


RASTER_BYTES_PER_PIXEL = 64   # the rasteriser's outputs, its per-pixel buffers and the uint8/float copies


def _check_size(N: int, V: int, H: int, W: int, videos: bool, names: list[str], out: Path) -> None:
    """Refuse, before allocating, a render that exceeds the memory limit (one time of V cameras at
    once), the free disk (rgb, depth and alpha arrays of N times) or an MP4's frame size."""
    what = f"render of {V} camera(s) at {W}x{H}, {N} time(s)"
    check_memory(0.5e9 + V * H * W * RASTER_BYTES_PER_PIXEL, what, "use fewer or smaller cameras")
    check_disk(N * V * H * W * 11, out, what, "render fewer times or smaller cameras")
    if videos:
        tiled = list(names) == list(CAMERAS)
        check_video_size(3 * W if tiled else V * W, 2 * H if tiled else H, what,
                         "use fewer or smaller cameras (the videos put the cameras side by side)")


def _fps(ts: np.ndarray) -> float:
    return 1.0 / float(np.median(np.diff(ts))) if len(ts) > 1 else 2.0


def _write_videos(folder: Path, rgb, depth, alpha, names: list[str], fps: float) -> None:
    from ..images import colorize_depth, tile_rig

    N, V = rgb.shape[:2]

    def tiled(frames):  # [V, H, W, 3]
        return tile_rig(frames) if list(names) == list(CAMERAS) else np.concatenate(list(frames), axis=1)

    write_video(folder / "video.mp4", (tiled(rgb[n]) for n in range(N)), fps=fps)
    for v, cam in enumerate(names):
        write_video(folder / "cameras" / f"{plain_name(cam, 'camera name')}.mp4", (rgb[n, v] for n in range(N)),
                    fps=fps)
    write_video(folder / "depth.mp4", (tiled(colorize_depth(depth[n])) for n in range(N)), fps=fps)
    a8 = lambda a: np.repeat((np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8)[..., None], 3, -1)  # noqa: E731
    write_video(folder / "alpha.mp4", (tiled(a8(alpha[n])) for n in range(N)), fps=fps)
