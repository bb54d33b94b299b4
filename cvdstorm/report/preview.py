"""Preview of a dataset scene: MP4 of the 6 cameras (rig layout) with box/map overlays, beside depth.

In:  a nuScenes-format dataroot, a scene. Out: an H.264 MP4; each frame is a caption strip over
[camera mosaic with controls drawn on top | depth mosaic] (dense depth where the dataset has it,
else LiDAR depth).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from ..config import DataConfig
from ..data.clips import ClipDataset
from ..data.conditions import control_images
from ..data.nuscenes import NuScenesReader
from ..io import write_video
from .visual import caption_bar, colorize_depth, tile_rig, to_uint8


def preview_frames(clip: dict) -> list[np.ndarray]:
    """uint8 frames [H', W', 3] for one clip (see module docstring)."""
    H, W = clip["images"].shape[-2:]
    ctl = control_images(clip["boxes"], clip["map"], clip["intrinsics"], clip["cam_to_world"], H, W)
    frames = []
    for t in tqdm(range(len(ctl)), desc="preview", leave=False):
        img = to_uint8(clip["images"][t])                                  # [V, H, W, 3]
        c = (np.moveaxis(ctl[t], 1, -1) * 255).astype(np.uint8)             # [V, H, W, 3]
        over = np.where(c.any(-1, keepdims=True), c, img)
        dense = clip["depth"][t].numpy()
        depth = dense if dense.any() else clip["lidar_depth"][t].numpy()
        mosaic = np.concatenate([tile_rig(over), tile_rig(colorize_depth(depth))], axis=1)
        frames.append(np.concatenate([caption_bar(mosaic.shape[1], clip["captions"][t]), mosaic], axis=0))
    return frames


def write_preview(dataroot: str | Path, out: str | Path, version: str = "v1.0-synth", scene: str | None = None,
                  frames: int | None = None, width: int = 448, height: int = 256, fps: float = 2.0) -> Path:
    reader = NuScenesReader(dataroot, version)
    name = reader.scene(scene)["name"] if scene else reader.scenes[0]["name"]
    n = len(reader.scene_samples(reader.scene(name)))
    n = min(n, frames) if frames else n
    cfg = DataConfig(dataroot=str(dataroot), version=version, split="all", num_frames=n, height=height, width=width)
    ds = ClipDataset(cfg, reader)
    i = next(k for k, (s, _) in enumerate(ds.index) if s == name)
    out = Path(out)
    write_video(out, preview_frames(ds[i]), fps=fps)
    return out
