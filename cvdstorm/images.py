"""Image helpers shared by pipelines, evaluation and the report: float <-> uint8 images, 6-camera
tiling in the rig layout, depth colouring, captions on frames, and the depth PNG codec.

Input images are uint8 `[V, H, W, 3]` in the camera order of `cvdstorm.CAMERAS`; outputs are uint8
`[2H, 3W, 3]` mosaics laid out as a driver sees the rig:

    FRONT_LEFT  FRONT  FRONT_RIGHT
    BACK_LEFT   BACK   BACK_RIGHT
"""

from __future__ import annotations

import numpy as np
import torch

from . import CAMERAS

# Rows of the mosaic, as indices into CAMERAS.
RIG_LAYOUT = (
    (CAMERAS.index("CAM_FRONT_LEFT"), CAMERAS.index("CAM_FRONT"), CAMERAS.index("CAM_FRONT_RIGHT")),
    (CAMERAS.index("CAM_BACK_LEFT"), CAMERAS.index("CAM_BACK"), CAMERAS.index("CAM_BACK_RIGHT")),
)


# Depth PNGs (KITTI's convention, used by the synthetic world, generation runs and exports): uint16 metres x 256,
# 0 = unknown. Written and read only through encode_depth_png / decode_depth_png.
DEPTH_PNG_SCALE = 256.0
DEPTH_PNG_MAX = 65535 / DEPTH_PNG_SCALE   # 255.996 m: the farthest depth a uint16 PNG holds


def encode_depth_png(depth) -> np.ndarray:
    """depth float [..., H, W] metres -> uint16 [..., H, W] = round(metres x 256). Every depth the format
    cannot hold is 0, "unknown": NaN, +-inf, <= 0, and beyond DEPTH_PNG_MAX (a clamped far value would be a
    wrong depth that readers trust; the synthetic world's sky is 0 for the same reason)."""
    d = np.asarray(depth, np.float64)
    ok = np.isfinite(d) & (d > 0) & (d < DEPTH_PNG_MAX)
    return np.where(ok, np.round(np.where(ok, d, 0) * DEPTH_PNG_SCALE), 0).astype(np.uint16)


def decode_depth_png(d16: np.ndarray) -> np.ndarray:
    """uint16 [..., H, W] -> float32 metres, 0 where unknown (the inverse of encode_depth_png)."""
    return np.asarray(d16).astype(np.float32) / DEPTH_PNG_SCALE


def tile_rig(views: np.ndarray) -> np.ndarray:
    """[V=6, H, W, C] -> [2H, 3W, C] in the rig layout."""
    if views.shape[0] != len(CAMERAS):
        raise ValueError(f"tile_rig needs {len(CAMERAS)} views, got {views.shape[0]}")
    return np.concatenate([np.concatenate([views[i] for i in row], axis=1) for row in RIG_LAYOUT], axis=0)


def colorize_depth(depth: np.ndarray, near: float = 1.0, far: float = 80.0, cmap: str = "turbo") -> np.ndarray:
    """Depth in metres [..., H, W] -> uint8 [..., H, W, 3], colour by inverse depth; 0 (unknown) is black.

    Inverse depth spreads the near range, where driving scenes have the detail, over the colours.
    """
    from matplotlib import colormaps

    d = np.asarray(depth, dtype=np.float64)
    valid = d > 0
    inv = np.where(valid, 1.0 / np.clip(d, near, far), 0.0)
    t = (inv - 1.0 / far) / (1.0 / near - 1.0 / far)
    rgb = colormaps[cmap](np.clip(t, 0, 1))[..., :3]
    rgb[~valid] = 0
    return (rgb * 255 + 0.5).astype(np.uint8)


def to_uint8(images) -> np.ndarray:
    """Float images in [-1, 1] with channels first ([..., 3, H, W], numpy or torch) -> uint8 [..., H, W, 3].

    Clipped to [0, 255] after scaling, then rounded half up (+0.5, truncate) in the input's float type:
    the one conversion every run's rgb.npy, video and score goes through."""
    a = images.detach().cpu().numpy() if hasattr(images, "detach") else np.asarray(images)
    a = np.moveaxis(a, -3, -1)
    return (np.clip((a + 1) * 127.5, 0, 255) + 0.5).astype(np.uint8)


def to_float_images(rgb: np.ndarray) -> torch.Tensor:
    """uint8 [..., H, W, 3] -> float [..., 3, H, W] in [-1, 1] (the inverse of to_uint8)."""
    t = torch.from_numpy(np.ascontiguousarray(rgb)).float() / 127.5 - 1
    return t.movedim(-1, -3).contiguous()


def caption_bar(width: int, text: str, height: int = 18) -> np.ndarray:
    """A dark uint8 [height, width, 3] strip with white text (PIL's built-in font: no font files needed)."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), (20, 20, 20))
    ImageDraw.Draw(im).text((4, max(0, (height - 11) // 2)), text, fill=(240, 240, 240))
    return np.asarray(im)


def rig_still(rgb: np.ndarray, depth: np.ndarray, label: str, scale: int = 2) -> np.ndarray:
    """One frame for a README or a slide: the 6 cameras over their depth, both in the rig layout.

    rgb uint8 [V, H, W, 3], depth metres [V, H, W] -> uint8 [2 bars + 4H * scale, 3W * scale, 3]; nearest
    up-sampling by `scale` so small model resolutions stay legible without inventing detail.
    """
    cams, dep = (tile_rig(a).repeat(scale, 0).repeat(scale, 1) for a in (rgb, colorize_depth(depth)))
    width = cams.shape[1]
    return np.concatenate([caption_bar(width, label), cams,
                           caption_bar(width, "depth from the Gaussian-Splatting decoder (near = warm)"), dep], 0)
