"""The generation run: one declared type for what `generate` makes, in memory and on disk.

In:  a run from the pipeline (`CVDStormPipeline.__call__` in pipelines/generate.py) or built by hand
     (tests, reconstructions of real clips), or a run folder for `GenerationRun.load`.
Out: `GenerationRun` (fields below); `run.save(folder)` writes the folder, `GenerationRun.load(folder)`
     reads it back. Every reader and writer of run folders (generate, evaluate, export, render, the
     report's viewer, the demo) goes through this module.

Folder layout, format version 1 (camera order = cvdstorm.CAMERAS, F frames, V cameras, H x W the
model's image size; docs/run_format.md says the same for users):

  data (what `load` reads; scene.json, run.yaml and rgb.npy make a run, the rest is optional)
    scene.json             the scene record: source dataroot, version, scene, frame_rate ("keyframes" or
                           "camera"; absent: keyframes), the frames (samples [F]: sample tokens at
                           keyframes, CAM_FRONT sample_data tokens between), keyframes [F] bool (absent:
                           all), timestamps [F] (s from the first frame), references, window plan (window_starts,
                           window_fixed), cameras, captions [F] (after edits), world_to_global [4, 4],
                           intrinsics [F, V, 3, 3], cam_to_world [F, V, 4, 4], ego_to_world [F, 4, 4] in the
                           run world (ego pose of the first frame), boxes [F] (after edits);
                           after an ego edit the poses are the new path's, recorded_ego_to_world the old
    run.yaml               format_version, then every setting: software versions, the GenerateConfig,
                           resolved values (frame rate, frames, steps, guidance, fps, window plan, image size),
                           edits, checkpoint file hashes, timings
    rgb.npy                uint8 [F, V, H, W, 3]
    depth.npy              float32 [F, V, H, W] GS-decoder depth, metres
    latents.safetensors    latents [F, V, C, h, w]
    gaussians/window_KKK.ply (+ .velocity.npz)
                           3DGS .ply per window in the run world, positions at the window's first frame
                           time; velocities and that time in the sidecar (pipelines/ply.py)
  views (written by `save` for people and other tools; nothing reads them back)
    video.mp4              6 cameras tiled in the rig layout (3 over 3)
    cameras/CAM_*.mp4      one video per camera
    depth.mp4              depth, coloured (inverse depth, turbo), rig layout
    controls.mp4           box + map control images, rig layout (when the run holds them)
    depth/CAM_*/NNNN.png   depth as uint16 metres x 256 (KITTI)
    frames/CAM_*/NNNN.png  RGB frames (with png, default: the run's `generate.png` setting)

Versions: run.yaml's `format_version` names the layout; a folder of another version is refused with
one line. A run.yaml without the field was written before it existed, in the layout of version 1.

Memory: rgb and depth of a loaded run are memory-mapped, and each window's Gaussians are read from
its .ply when accessed, so long runs load in bounded memory. A run generated with a work folder
(`new_arrays`, `GaussianWindows(folder=...)`) holds the same memory-mapped files, and `save` into
that folder keeps them as they are instead of writing them again.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import yaml

from .. import CAMERAS
from ..data.nuscenes import frame_hz
from ..errors import require
from ..images import colorize_depth, encode_depth_png, tile_rig
from ..io import (OutputFolder, atomic_path, full_disk_as_error, json_bytes, new_memmap, read_json, read_npy, read_yaml,
                  require_space, reserve, save_tensors, write_bytes, write_image, write_video)
from ..models.loading import read_tensors
from ..paths import inside, plain_name
from .ply import read_gaussians_ply, write_gaussians_ply

FORMAT_VERSION = 1
SCENE, SETTINGS, RGB, DEPTH, LATENTS, GAUSSIANS = ("scene.json", "run.yaml", "rgb.npy", "depth.npy",
                                                   "latents.safetensors", "gaussians")
REQUIRED = (SCENE, SETTINGS, RGB)
PART_FILES = {"depth": DEPTH, "latents": LATENTS, "gaussians": GAUSSIANS}   # optional parts a reader may need
WINDOW_KEYS = ("means", "quats", "scales", "opacities", "colors", "velocities")


def window_path(folder: str | Path, k: int) -> Path:
    return Path(folder) / GAUSSIANS / f"window_{k:03d}.ply"


def is_run(folder: str | Path) -> bool:
    """Whether the folder holds the files that make a run (not whether they are valid)."""
    return all((Path(folder) / f).is_file() for f in REQUIRED)


def new_arrays(frames: int, views: int, height: int, width: int,
               folder: str | Path | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Empty rgb uint8 [F, V, H, W, 3] and depth float32 [F, V, H, W]: in memory, or memory-mapped as
    folder/rgb.npy and folder/depth.npy (a run saved into that folder keeps them)."""
    if folder is None:
        return (np.zeros((frames, views, height, width, 3), np.uint8),
                np.zeros((frames, views, height, width), np.float32))
    folder = Path(folder)
    require_space(folder, (3 + 4) * frames * views * height * width)  # both, before either is made
    return (new_memmap(folder / RGB, np.uint8, (frames, views, height, width, 3)),
            new_memmap(folder / DEPTH, np.float32, (frames, views, height, width)))


def scratch_array(shape: tuple[int, ...], dtype, folder: str | Path | None = None) -> np.ndarray:
    """A zeroed array that is no file of the run (e.g. the control images, saved only as controls.mp4):
    in memory, or memory-mapped to an unnamed file in `folder` (never listed there; freed with the array)."""
    if folder is None:
        return np.zeros(shape, dtype)
    nbytes = int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize
    where = Path(folder) / "(an unnamed scratch file)"
    require_space(where, nbytes)
    with tempfile.TemporaryFile(dir=folder) as fh:  # the map keeps its own handle to the file
        with full_disk_as_error(where, nbytes):
            reserve(fh.fileno(), nbytes)  # a full disk fails here, not as a SIGBUS when the map is written
        return np.memmap(fh, dtype, "w+", shape=shape)


def _write_window(path: Path, g: dict) -> None:
    write_gaussians_ply(path, *(g[k] for k in WINDOW_KEYS), time=float(g["time"]))


def _read_window(path: Path) -> dict:
    g = read_gaussians_ply(path)
    require("velocities" in g, f"{path}: the velocity sidecar {path.with_suffix('.velocity.npz').name} is missing")
    return g


class GaussianWindows(Sequence):
    """The Gaussians of every window, in order: each a dict of means [N, 3], quats [N, 4] (w, x, y, z),
    scales [N, 3], opacities [N], colors [N, 3] (RGB in [0, 1]), velocities [N, 3] (m/s) in the run
    world at `time` (s, the window's first frame). A window kept as its .ply is read when accessed.
    With `folder`, `add` writes each window there at once instead of keeping it in memory."""

    def __init__(self, items=(), folder: str | Path | None = None):
        self._items: list[dict | Path] = list(items)
        self.folder = None if folder is None else Path(folder)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, k: int) -> dict:
        item = self._items[k]
        return _read_window(item) if isinstance(item, Path) else item

    def file(self, k: int) -> Path | None:
        """The .ply holding window k, or None when it is held in memory."""
        item = self._items[k]
        return item if isinstance(item, Path) else None

    def add(self, g: dict) -> None:
        """Append a window: {WINDOW_KEYS: arrays, "time": seconds}."""
        if self.folder is None:
            self._items.append(g)
            return
        path = window_path(self.folder, len(self._items))
        _write_window(path, g)
        self._items.append(path)


@dataclass(eq=False)
class GenerationRun:
    """A generation run (module docstring): the arrays, the scene record and every setting."""

    scene: dict                              # scene.json content
    settings: dict                           # run.yaml content, without format_version
    rgb: np.ndarray                          # uint8 [F, V, H, W, 3]
    depth: np.ndarray | None = None          # float32 [F, V, H, W] metres
    latents: torch.Tensor | None = None      # [F, V, C, h, w]
    gaussians: GaussianWindows = field(default_factory=GaussianWindows)   # per window
    controls: np.ndarray | None = None       # uint8 [F, V, H, W, 3] control images: saved as controls.mp4 only,
                                             # so a loaded run has None
    folder: Path | None = None               # where it was loaded from or last saved to
    _records: tuple[bytes, bytes] | None = field(default=None, repr=False)   # scene.json, run.yaml as loaded

    def __post_init__(self):
        if not isinstance(self.gaussians, GaussianWindows):
            self.gaussians = GaussianWindows(self.gaussians)

    # ------------------------------------------------------------------ derived values
    @property
    def frames(self) -> int:
        return int(self.rgb.shape[0])

    @property
    def references(self) -> int:
        """Leading frames that are reconstructions of real frames, not generated."""
        return int(self.scene.get("references", 0))

    @property
    def fps(self) -> float:
        """Frame rate of the videos: the resolved setting, else the rate of the timestamps."""
        fps = (self.settings.get("resolved") or {}).get("fps")
        if fps:
            return float(fps)
        return frame_hz(self.scene.get("timestamps") or [], f"the run {self.folder or ''} (scene.json)")

    @property
    def frame_rate(self) -> str:
        """What the frames are (config.FrameRate): "keyframes" or "camera". A scene record
        without the field was written before camera-rate runs existed: keyframes."""
        return str(self.scene.get("frame_rate", "keyframes"))

    @property
    def keyframes(self) -> list[bool]:
        """[F] whether each frame is an annotated keyframe of the source (all, in a keyframe run)."""
        return [bool(k) for k in self.scene.get("keyframes") or [True] * self.frames]

    @property
    def window_first_frames(self) -> list[int]:
        """First frame each window generated (window 0 also holds its reference frames)."""
        starts = self.scene.get("window_starts") or [0]
        fixed = self.scene.get("window_fixed") or [0]
        return [0] + [s + f for s, f in zip(starts[1:], fixed[1:])]

    def window_of_frame(self, f: int) -> int:
        """The window that generated frame f."""
        return max(i for i, s in enumerate(self.window_first_frames) if s <= f)

    def record_bytes(self) -> tuple[bytes, bytes]:
        """scene.json and run.yaml as stored: a loaded run's file bytes, else what `save` writes."""
        return self._records or (json_bytes(self.scene), _settings_bytes(self.settings))

    # ------------------------------------------------------------------ writing
    def save(self, folder: str | Path, overwrite: bool = False, views: bool = True, png: bool | None = None) -> Path:
        """Write the run folder (module docstring), published in one rename; an existing folder is
        replaced only with `overwrite` and only when it is a run. views=False writes the data only."""
        with OutputFolder(folder) as writer:  # one writer per folder; the check runs under its lock
            writer.check(overwrite, is_run, "a generation output (no run.yaml)")
            self.write(writer.temp(), views, png)
            self.folder = writer.publish()
            return self.folder

    def write(self, folder: str | Path, views: bool = True, png: bool | None = None) -> None:
        """Write the run's files into `folder` (a fresh or work folder; `save` is the safe way). Arrays
        and windows already backed by this folder's files are kept as they are."""
        folder = Path(folder)
        self._check(folder)
        _put_array(folder / RGB, self.rgb)
        if self.depth is not None:
            _put_array(folder / DEPTH, self.depth)
        if views:
            png = bool((self.settings.get("generate") or {}).get("png", False)) if png is None else png
            self._write_views(folder, png)
        if self.latents is not None:
            save_tensors({"latents": self.latents.contiguous()}, folder / LATENTS)
        for k in range(len(self.gaussians)):
            _put_window(folder, k, self.gaussians)
        write_bytes(folder / SCENE, json_bytes(self.scene))
        write_bytes(folder / SETTINGS, _settings_bytes(self.settings))

    def _check(self, where: Path) -> None:
        F, V = self.rgb.shape[:2]
        require(self.rgb.dtype == np.uint8 and self.rgb.ndim == 5 and self.rgb.shape[-1] == 3,
                f"run for {where}: rgb must be uint8 [F, V, H, W, 3], got {self.rgb.dtype} {self.rgb.shape}")
        if self.depth is not None:
            require(self.depth.shape == self.rgb.shape[:4],
                    f"run for {where}: depth has shape {self.depth.shape}, expected {self.rgb.shape[:4]}")
        if self.latents is not None:
            require(tuple(self.latents.shape[:2]) == (F, V),
                    f"run for {where}: latents have shape {tuple(self.latents.shape)}, expected [{F}, {V}, C, h, w]")

    def _write_views(self, folder: Path, png: bool) -> None:
        rgb, depth, fps = self.rgb, self.depth, self.fps
        F = rgb.shape[0]
        cams = [plain_name(c, f"camera name in the scene record of {folder}")   # names cameras/<NAME>.mp4
                for c in self.scene.get("cameras") or CAMERAS]
        write_video(folder / "video.mp4", (tile_rig(rgb[f]) for f in range(F)), fps=fps)
        for v, cam in enumerate(cams):
            write_video(folder / "cameras" / f"{cam}.mp4", (rgb[f, v] for f in range(F)), fps=fps)
        if depth is not None:
            write_video(folder / "depth.mp4", (tile_rig(colorize_depth(depth[f])) for f in range(F)), fps=fps)
        if self.controls is not None:
            write_video(folder / "controls.mp4", (tile_rig(self.controls[f]) for f in range(F)), fps=fps)
        for f in range(F):
            for v, cam in enumerate(cams):
                if depth is not None:
                    write_image(folder / "depth" / cam / f"{f:04d}.png", encode_depth_png(depth[f, v]))
                if png:
                    write_image(folder / "frames" / cam / f"{f:04d}.png", np.asarray(rgb[f, v]))

    # ------------------------------------------------------------------ reading
    @classmethod
    def load(cls, folder: str | Path, need: Sequence[str] = ()) -> "GenerationRun":
        """Read a run folder, checked: a missing folder or file (also of the optional parts named in
        `need`: depth, latents, gaussians), an unknown format version, a corrupt or inconsistent file
        is one CvdError line naming it. rgb/depth are memory-mapped, Gaussians read on access."""
        folder = Path(folder)
        require(folder.is_dir(), f"generation run folder {folder} does not exist")
        wanted = REQUIRED + tuple(PART_FILES[p] for p in need)
        missing = [f for f in wanted if not (folder / f).exists()]
        require(not missing, f"{folder} is not a generation run: missing {', '.join(missing)} (not a generation "
                f"output, or an incomplete one; runs are written by `cvdstorm generate`)")
        settings = read_yaml(folder / SETTINGS, "corrupt generation settings")
        require(isinstance(settings, dict),
                f"corrupt {folder / SETTINGS}: not a mapping of settings; rerun `cvdstorm generate`")
        version = settings.pop("format_version", 1)
        require(version == FORMAT_VERSION,
                f"{folder / SETTINGS}: run format version {version!r} is unknown to this cvdstorm (it reads "
                f"version {FORMAT_VERSION}); read the run with the cvdstorm that wrote it or regenerate it")
        scene = read_json(folder / SCENE, "generation scene record")
        require(isinstance(scene, dict), f"{folder / SCENE} is not a JSON object: it lacks every key of a scene "
                f"record; rerun `cvdstorm generate`")
        cams = scene.get("cameras") or CAMERAS
        require(isinstance(cams, (list, tuple)), f"{folder / SCENE}: cameras must be a list of camera names")
        for v, c in enumerate(cams):  # readers name files after them (render's cameras/<NAME>.mp4)
            plain_name(c, f"{folder / SCENE}: cameras[{v}]")
        rgb = read_npy(folder / RGB, "generated frames", mmap_mode="r")
        V = len(cams)
        require(rgb.dtype == np.uint8 and rgb.ndim == 5 and rgb.shape[-1] == 3 and rgb.shape[1] == V,
                f"{folder / RGB}: expected uint8 [F, {V}, H, W, 3], got {rgb.dtype} {rgb.shape}")
        if "samples" in scene:
            require(rgb.shape[0] == len(scene["samples"]), f"{folder}: {RGB} has {rgb.shape[0]} frames but "
                    f"{SCENE} lists {len(scene['samples'])} samples")
        depth = read_npy(folder / DEPTH, "generated depth", mmap_mode="r") if (folder / DEPTH).is_file() else None
        if depth is not None:
            require(depth.shape == rgb.shape[:4],
                    f"{folder / DEPTH}: expected [F, V, H, W] = {rgb.shape[:4]}, got {depth.shape}")
        latents = _read_latents(folder / LATENTS, rgb.shape[:2]) if (folder / LATENTS).is_file() else None
        plys = sorted((folder / GAUSSIANS).glob("window_*.ply")) if (folder / GAUSSIANS).is_dir() else []
        for p in plys:  # a symlink to a file elsewhere would be read (and copied by save) as the run's
            inside(folder, f"{GAUSSIANS}/{p.name}", f"{folder}: Gaussian file")
            if p.with_suffix(".velocity.npz").exists():
                inside(folder, f"{GAUSSIANS}/{p.with_suffix('.velocity.npz').name}", f"{folder}: velocity sidecar")
        if plys:
            starts = scene.get("window_starts") or [0]
            require(len(starts) == len(plys), f"{folder}: {SCENE} names {len(starts)} windows but {GAUSSIANS}/ "
                    f"holds {len(plys)}; the folder is incomplete")
        return cls(scene, settings, rgb, depth, latents, GaussianWindows(plys), None, folder,
                   ((folder / SCENE).read_bytes(), (folder / SETTINGS).read_bytes()))


def _settings_bytes(settings: dict) -> bytes:
    return yaml.safe_dump({"format_version": FORMAT_VERSION, **settings}, sort_keys=False).encode()


def _put_array(path: Path, a: np.ndarray) -> None:
    if isinstance(a, np.memmap) and a.filename and Path(a.filename).resolve() == path.resolve():
        if a.mode != "r":
            a.flush()
        return
    require_space(path, a.nbytes)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        np.save(fh, a)


def _put_window(folder: Path, k: int, windows: GaussianWindows) -> None:
    path, src = window_path(folder, k), windows.file(k)
    if src is not None and src.resolve() == path.resolve():
        return
    if src is not None:  # the stored file as it is: a .ply round trip is not exact (log scales, logits)
        for a, b in ((src, path), (src.with_suffix(".velocity.npz"), path.with_suffix(".velocity.npz"))):
            with atomic_path(b) as tmp:
                shutil.copyfile(a, tmp)
        return
    _write_window(path, windows[k])


def _read_latents(path: Path, frames_views: tuple[int, int]) -> torch.Tensor:
    z = read_tensors(path).get("latents")
    require(z is not None, f"{path} holds no 'latents' tensor; rerun `cvdstorm generate`")
    require(z.dtype.is_floating_point, f"{path}: latents are stored as {z.dtype}, not floats; rerun `cvdstorm generate`")
    require(tuple(z.shape[:2]) == tuple(frames_views),
            f"{path}: latents have shape {tuple(z.shape)}, expected [{frames_views[0]}, {frames_views[1]}, C, h, w]")
    return z
