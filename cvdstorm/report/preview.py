"""Preview of a dataset scene: an MP4 of the 6 cameras with box/map overlays, beside their depth.

In:  a nuScenes-format dataroot (real nuScenes or the synthetic world), a scene, the frame rate
     ("keyframes", or "camera": every camera frame, 12 Hz on nuScenes), frame count, size.
Out: an H.264 MP4 (cvdstorm.io.write_video, atomic: an existing file is only replaced by a
     complete new one). Each video frame, uint8 [18 + 2H, 6W, 3], is

        caption strip: scene, time, caption
        [ FRONT_LEFT  FRONT  FRONT_RIGHT | depth of the same 6 cameras, turbo colour map on ]
        [ BACK_LEFT   BACK   BACK_RIGHT  | inverse depth (near = red, far = blue, unknown = black) ]

     with the box wireframes (class colours) and map polylines (layer colours) of
     data/conditions.py drawn over the camera images. Depth is the dataset's dense depth where it
     has depth/ PNGs, else the projected LiDAR points (dilated to 3x3 so they are visible).

Frames are loaded one at a time (all in the coordinates of the first frame), so memory does not
grow with the scene's length.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np
from tqdm.auto import tqdm

from ..data.clips import frames_at_rate, load_clip, scene_map
from ..data.conditions import control_images
from ..data.nuscenes import NuScenesReader, frame_hz
from .. import CAMERAS
from ..errors import CvdError
from ..limits import check_memory
from ..io import check_video_size, write_video
from ..images import caption_bar, colorize_depth, tile_rig, to_uint8

CAPTION_HEIGHT = 18


def preview_frame(clip: dict, t: int) -> np.ndarray:
    """uint8 [18 + 2H, 6W, 3]: frame t of a clip (see the module docstring)."""
    H, W = clip["images"].shape[-2:]
    ctl = control_images(clip["boxes"][t:t + 1], clip["map"], clip["intrinsics"][t:t + 1],
                         clip["cam_to_world"][t:t + 1], H, W)[0]           # [V, 3, H, W] in [0, 1]
    img = to_uint8(clip["images"][t])                                      # [V, H, W, 3]
    c = (np.moveaxis(ctl, 1, -1) * 255 + 0.5).astype(np.uint8)             # [V, H, W, 3]
    over = np.where(c.any(-1, keepdims=True), c, img)
    dense = clip["depth"][t].numpy()
    depth = dense if dense.any() else _dilate_points(clip["lidar_depth"][t].numpy())
    mosaic = np.concatenate([tile_rig(over), tile_rig(colorize_depth(depth, near=3.0, far=80.0))], axis=1)
    text = f"{clip['scene']}  t={float(clip['timestamps'][t]):.1f}s  {clip['captions'][t]}"
    return np.concatenate([caption_bar(mosaic.shape[1], text, CAPTION_HEIGHT), mosaic], axis=0)


def _dilate_points(depth: np.ndarray) -> np.ndarray:
    """Sparse depth [V, H, W] -> each point spread over its 3x3 neighbourhood, nearest point winning."""
    from scipy.ndimage import grey_dilation

    inv = np.where(depth > 0, 1.0 / np.maximum(depth, 1e-6), 0.0)
    inv = grey_dilation(inv, size=(1, 3, 3))
    return np.where(inv > 0, 1.0 / np.maximum(inv, 1e-12), 0.0).astype(np.float32)


def write_preview(dataroot: str | Path, out: str | Path, version: str = "v1.0-synth", scene: str | None = None,
                  frames: int | None = None, width: int = 448, height: int = 256, fps: float | None = None,
                  map_radius: float = 80.0, progress: bool | None = None, frame_rate: str = "keyframes") -> Path:
    """Write the preview MP4 of `scene` (name or token; default the first) and return its path.

    frame_rate: "keyframes" or "camera" (config.FrameRate); frames: at most this many
    frames at that rate from the scene's start (default all); fps: default the frames' own rate.
    progress: a tqdm bar (None: only on a terminal)."""
    if frames is not None and frames < 1:
        raise CvdError(f"--frames must be at least 1, got {frames}")
    if width < 8 or height < 8:
        raise CvdError(f"preview images must be at least 8x8 pixels, got {width}x{height}")
    check_video_size(6 * width, 2 * height + CAPTION_HEIGHT, f"preview at {width}x{height} per camera",
                     "choose a smaller --width/--height")   # 3 cameras + 3 depth maps side by side
    # measured: ~130 B per camera pixel (float images, depth, LiDAR depth, controls, the mosaic) over ~0.4 GB
    check_memory(0.4e9 + len(CAMERAS) * width * height * 140, f"preview at {width}x{height} per camera",
                 "choose a smaller --width/--height")
    out = Path(out)
    if out.suffix.lower() != ".mp4":
        raise CvdError(f"preview output must be an .mp4 file, got {out}")
    if out.is_dir():
        raise CvdError(f"{out} is a folder; give a file path ending in .mp4")
    reader = NuScenesReader(dataroot, version)
    sc = reader.scene(scene) if scene else reader.scenes[0] if reader.scenes else None
    if sc is None:
        raise CvdError(f"{reader.vdir / 'scene.json'} lists no scenes")
    scene_frames = frames_at_rate(reader, sc, frame_rate)
    samples = scene_frames[:frames]
    if not samples:
        raise CvdError(f"scene {sc['name']} has no keyframes in {reader.vdir / 'sample.json'}")
    fps = fps or frame_hz(np.array([reader.timestamp(s) for s in scene_frames], np.float64) * 1e-6,
                         f"scene {sc['name']} in {reader.vdir / 'sample.json'}")
    world = reader.ego_pose(samples[0])
    polylines = scene_map(reader, sc["name"], map_radius)

    def frames_iter() -> Iterator[np.ndarray]:
        for s in tqdm(samples, desc=f"preview {sc['name']}", unit="frame", disable=None if progress is None else not progress):
            clip = load_clip(reader, [s], height, width, map_radius, world=world, scene_polylines=polylines)
            clip["timestamps"] = clip["timestamps"] + (reader.timestamp(s) - reader.timestamp(samples[0])) * 1e-6
            yield preview_frame(clip, 0)

    write_video(out, frames_iter(), fps=fps)
    return out
