"""Exact ground truth of the synthetic world: views from any camera (novel-view evaluation) and the
boxes at camera sweeps (scoring the reader's box interpolation).

In:  a synthetic dataroot written by `cvdstorm synth` (its log.logfile `synth-<seed>-<scene index>`,
     the scene's keyframe count and rate identify the procedural scene), a scene name, a keyframe
     index, and any camera: K [3, 3], cam_to_global [4, 4] (OpenCV camera frame), image size.
Out: `render_truth(...) -> (rgb uint8 [H, W, 3], depth float32 [H, W] metres, 0 = sky / no hit)`
     rendered by the same ray caster and shader that wrote the dataset (sensors.render_camera), so
     at the dataset's own cameras it reproduces the dataset's images (before JPEG) and depth.
The scene is rebuilt from its seed (`layout.make_scene`) once per process and cached.

In:  a procedural `Scene`, an ego path (times [N] s from the scene's first keyframe, ego poses [N, 4, 4]
     global, or the scene's own `Instant`s) and a rig (K [V, 3, 3], cam_to_ego [V, 4, 4]), or a
     generation run's scene record (scene.json: its cameras, edited or not).
Out: `path_views(scene, instants, K, cam_to_ego, H, W)` / `run_views(reader, record, frames)` -> exact
     rgb uint8 [N, V, H, W, 3], depth float64 [N, V, H, W] (metres, 0 = sky / no hit) and semantic uint8
     [N, V, H, W] of any ego path: counterfactual ground truth. Deterministic; along the recorded path
     it is what `cvdstorm synth` wrote (tests/test_ego_edits.py: byte-identical files).

In:  a dataroot written with `cvdstorm synth --sweeps N`: its SWEEP_TRUTH/<scene name>.json, the exact
     boxes at every camera sweep ({"scene", "frames": [{"sample_data_token" (CAM_FRONT's, the reader's
     frame id), "timestamp", "boxes": [{"instance_token", "category", "translation", "size" (w, l, h),
     "rotation" (w, x, y, z)}]}]}; the agents annotated at either keyframe around the sweep).
Out: `score_interpolation(reader) -> InterpolationScore`: the reader's boxes at those frames
     (`NuScenesReader.annotations`, interpolated between keyframes) against the exact ones, matched by
     instance: mean / max centre error (m) and yaw error (deg), and the exact boxes the reader has no
     box for (objects entering or leaving, kept only in the half interval nearer their annotation).
     `box_errors(exact, boxes)` is the same comparison for one frame.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ...errors import CvdError
from ...geometry import quat_to_yaw
from ...io import read_json
from ...paths import inside, plain_name
from ..annotations import Annotation
from ..nuscenes import NuScenesReader
from .layout import Instant, Scene, make_scene
from .sensors import render_camera
from .writer import SWEEP_TRUTH

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


def instant(t: float, ego_to_global: np.ndarray) -> Instant:
    """The world at time t (s from the scene's first keyframe) with the ego at a given pose [4, 4]."""
    e = np.asarray(ego_to_global, np.float64)
    return Instant(float(t), e[:2, 3].copy(), float(math.atan2(e[1, 0], e[0, 0])))


def camera_views(scene: Scene, at: Instant, K: np.ndarray, cam_to_world: np.ndarray, height: int,
                 width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact rgb [V, H, W, 3], depth [V, H, W] (inf = sky) and semantic [V, H, W] of V cameras
    (K [V, 3, 3], cam_to_world [V, 4, 4] global) at one moment; the cameras share the sun's shadow map."""
    from .shading import sun_shadows

    shadows = sun_shadows(scene, at.t, at.xy)
    out = [render_camera(scene, at, K[v], cam_to_world[v], height, width, shadows)[:3] for v in range(len(K))]
    return tuple(np.stack(x) for x in zip(*out))


def path_views(scene: Scene, instants, K: np.ndarray, cam_to_ego: np.ndarray, height: int,
               width: int) -> dict[str, np.ndarray]:
    """Exact views of an ego path (module docstring): `instants` [N] (`instant(t, pose)` or the scene's
    `keyframe(f)` / `at(t)`), one rig K [V, 3, 3], cam_to_ego [V, 4, 4] -> rgb, depth (0 = sky), semantic."""
    K, c2e = np.asarray(K, np.float64), np.asarray(cam_to_ego, np.float64)
    views = [camera_views(scene, at, K, at.pose() @ c2e, height, width) for at in instants]
    rgb, depth, sem = (np.stack(x) for x in zip(*views))
    return {"rgb": rgb, "depth": np.where(np.isfinite(depth), depth, 0.0), "semantic": sem}


def run_views(reader: NuScenesReader, record: dict, height: int, width: int,
              frames: Sequence[int] | None = None) -> dict[str, np.ndarray]:
    """Exact views of a generation run's frames (its scene.json record: the cameras it was generated
    for, an edited ego path included; intrinsics for H x W) -> rgb [N, V, H, W, 3], depth, semantic."""
    sc = synth_scene(reader, record["scene"])
    frames = range(len(record["timestamps"])) if frames is None else frames
    first = reader.scene_samples(record["scene"])
    t0 = (reader.timestamp(record["samples"][0]) - reader.timestamp(first[0])) * 1e-6   # run time 0 in scene time
    w2g = np.asarray(record["world_to_global"], np.float64)
    e2w, c2w = np.asarray(record["ego_to_world"], np.float64), np.asarray(record["cam_to_world"], np.float64)
    Ks = np.asarray(record["intrinsics"], np.float64)
    views = [camera_views(sc, instant(t0 + record["timestamps"][f], w2g @ e2w[f]), Ks[f], w2g @ c2w[f], height, width)
             for f in frames]
    rgb, depth, sem = (np.stack(x) for x in zip(*views))
    return {"rgb": rgb, "depth": np.where(np.isfinite(depth), depth, 0.0), "semantic": sem}


@dataclass
class InterpolationScore:
    """The reader's interpolated sweep boxes against the exact ones (module docstring)."""

    frames: int                # sweep frames scored
    boxes: int                 # exact boxes matched by instance to a reader box
    missed: int                # exact boxes without a reader box (entering / leaving objects)
    extra: int                 # reader boxes without an exact box
    skipped_frames: int        # sweep frames the reader did not keep (cameras out of sync)
    center_mean_m: float
    center_max_m: float
    yaw_mean_deg: float
    yaw_max_deg: float

    def line(self) -> str:
        return (f"sweep boxes interpolated between keyframes vs exact: {self.boxes} boxes in {self.frames} frames, "
                f"centre error mean {self.center_mean_m:.4f} m / max {self.center_max_m:.4f} m, yaw error mean "
                f"{self.yaw_mean_deg:.3f} / max {self.yaw_max_deg:.3f} deg; {self.missed} boxes of objects entering "
                f"or leaving not interpolated")


def box_errors(exact: Sequence[dict], boxes: Sequence[Annotation]) -> tuple[np.ndarray, np.ndarray, int, int]:
    """One frame: exact boxes (SWEEP_TRUTH records) vs the reader's, matched by instance token.
    Returns centre errors [M] (m), yaw errors [M] (deg, the shorter way round), and the numbers of
    exact boxes without a match and of reader boxes without one."""
    mine = {a.instance: a for a in boxes}
    truth = {b["instance_token"]: b for b in exact}
    both = [i for i in truth if i in mine]
    centre = np.array([np.linalg.norm(np.asarray(truth[i]["translation"]) - mine[i].center) for i in both])
    dyaw = np.array([float(quat_to_yaw(np.asarray(truth[i]["rotation"], np.float64))) - mine[i].yaw for i in both])
    yaw = np.degrees(np.abs(np.angle(np.exp(1j * dyaw))))
    return centre.reshape(-1), yaw.reshape(-1), len(truth) - len(both), len(mine) - len(both)


def score_interpolation(reader: NuScenesReader, scenes: Sequence[str] | None = None) -> InterpolationScore:
    """Score the reader's boxes at every sweep of `scenes` (default: all with a SWEEP_TRUTH file)."""
    folder = reader.root / SWEEP_TRUTH

    def truth_file(name: str) -> Path:  # scene names come from the dataset's scene table
        return inside(reader.root, f"{SWEEP_TRUTH}/{plain_name(name, 'scene name')}.json", f"scene {name!r} truth file")

    names = list(scenes) if scenes is not None else [n for n in reader.scene_names() if truth_file(n).is_file()]
    if not names:
        raise CvdError(f"{reader.root} has no exact sweep boxes ({folder}/<scene>.json); write the synthetic world with "
                       "sweeps, e.g. `cvdstorm synth --sweeps 5`")
    centre, yaw, missed, extra, n_frames, skipped = [], [], 0, 0, 0, 0
    for name in names:
        path = truth_file(name)
        if not path.is_file():
            raise CvdError(f"no exact sweep boxes for scene {name}: {path} does not exist; write the synthetic world "
                           "with sweeps (`cvdstorm synth --sweeps 5`)")
        truth = read_json(path, "exact sweep boxes")
        kept = set(reader.scene_frames(name, "camera"))
        try:
            for fr in truth["frames"]:
                if fr["sample_data_token"] not in kept:
                    skipped += 1
                    continue
                c, y, m, e = box_errors(fr["boxes"], reader.annotations(fr["sample_data_token"]))
                centre.append(c)
                yaw.append(y)
                missed, extra, n_frames = missed + m, extra + e, n_frames + 1
        except (KeyError, TypeError, ValueError) as e:
            raise CvdError(f"corrupt exact sweep boxes {path} ({type(e).__name__}: {e}); write the world again") from None
    c, y = np.concatenate(centre or [np.zeros(0)]), np.concatenate(yaw or [np.zeros(0)])

    def stat(a, fn):
        return float(fn(a)) if len(a) else math.nan

    return InterpolationScore(n_frames, len(c), missed, extra, skipped, stat(c, np.mean), stat(c, np.max),
                              stat(y, np.mean), stat(y, np.max))
