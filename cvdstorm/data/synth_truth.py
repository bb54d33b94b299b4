"""Exact ground truth of the synthetic world from any camera (for novel-view evaluation).

In:  a synthetic dataroot written by `cvdstorm synth` (its log.logfile `synth-<seed>-<scene index>`,
     the scene's keyframe count and rate identify the procedural scene), a scene name, a keyframe
     index, and any camera: K [3, 3], cam_to_global [4, 4] (OpenCV camera frame), image size.
Out: `render_truth(...) -> (rgb uint8 [H, W, 3], depth float32 [H, W] metres, 0 = sky / no hit)`
     rendered by the same ray caster and shader that wrote the dataset (synthetic.render_camera), so
     at the dataset's own cameras it reproduces the dataset's images (before JPEG) and depth.
The scene is rebuilt from its seed (`synth_layout.make_scene`) once per process and cached.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from ..errors import CvdError
from .synth_layout import Scene, make_scene
from .nuscenes import NuScenesReader

_LOGFILE = re.compile(r"^synth-(\d+)-(\d+)$")


@functools.lru_cache(maxsize=4)
def _scene(seed: int, index: int, frames: int, hz: float) -> Scene:
    return make_scene(np.random.default_rng([seed, index]), frames, hz)


def synth_scene(reader: NuScenesReader, scene: str | dict) -> Scene:
    """The procedural scene behind a synthetic dataroot's scene (CvdError for other datasets)."""
    rec = reader.scene(scene) if isinstance(scene, str) else scene
    logs = {r["token"]: r for r in reader.table("log")}
    log = logs.get(rec["log_token"], {})
    m = _LOGFILE.match(str(log.get("logfile", "")))
    if m is None:
        raise CvdError(f"scene {rec['name']} of {reader.root} is not from `cvdstorm synth` (log.logfile "
                       f"{log.get('logfile')!r}); exact ground truth exists only for the synthetic world")
    samples = reader.scene_samples(rec)
    ts = np.array([reader.timestamp(s) for s in samples], np.float64) * 1e-6
    hz = round(1.0 / float(np.median(np.diff(ts))), 6) if len(ts) > 1 else 2.0
    return _scene(int(m.group(1)), int(m.group(2)), len(samples), hz)


def render_truth(reader: NuScenesReader, scene: str | dict, frame: int, K: np.ndarray, cam_to_global: np.ndarray,
                 height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact RGB and depth of keyframe `frame` of the scene seen by the given camera (module docstring)."""
    from .synthetic import render_camera

    sc = synth_scene(reader, scene)
    if not 0 <= frame < len(sc.times):
        raise CvdError(f"keyframe {frame} is outside the scene's {len(sc.times)} keyframes")
    K = np.asarray(K, np.float64)
    c2g = np.asarray(cam_to_global, np.float64)
    if K.shape != (3, 3) or c2g.shape != (4, 4) or not (np.isfinite(K).all() and np.isfinite(c2g).all()):
        raise CvdError("render_truth: K must be a finite 3x3 matrix and cam_to_global a finite 4x4 pose")
    rgb, depth, _, _ = render_camera(sc, frame, K, c2g, height, width)
    depth = np.where(np.isfinite(depth), depth, 0.0).astype(np.float32)
    return rgb, depth
