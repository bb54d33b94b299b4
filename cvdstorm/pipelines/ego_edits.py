"""Ego-path edits (the `ego` entry of an edit file, pipelines/edits.py): the ego drives another path.

In:  the entry (times in seconds from the first generated frame, lengths in metres, angles in degrees;
     "run world" = the recorded ego pose of the first frame: x forward, y left, z up):

    ego:
      speed: 1.5          # > 0: the ego's pose at time t is the recorded pose at time
                          #   t_a + speed x (t - t_a), t_a = the last reference frame (poses interpolated)
      lane_change: {offset: 2.0, start: 1.5, duration: 3.0}
                          # reach `offset` metres left (+) or right (-) of the path within `duration`
                          #   seconds from `start` on a cosine profile; the heading follows the new
                          #   path's tangent while it bends; the offset holds afterwards
      poses: [{t: 2.0, dx: 0.0, dy: 1.0, dyaw: 0.0}, ...]
                          # pose deltas in the ego frame, linear between the listed (increasing) times,
                          #   0 before the first, held after the last;
      # or poses: [{t: 2.0, x: 15.0, y: 1.0, yaw: 0.0}, ...]
                          # absolute poses in run world, interpolated (translation linear, yaw slerp);
                          #   the frames after the references must lie within the listed times

     speed, lane_change and pose deltas apply in that order and combine; absolute poses stand alone.
     With the scene: the frames' times [F], the number of reference frames k, and the recorded ego
     poses of the whole scene (`EgoTrack`: times and run-world poses), so a faster ego can drive on
     past the generated span.
Out: `check_ego(ego)` checks the form (no scene needed: a bad file fails before anything loads);
     `ego_poses(ego, track, times, references)` -> ego_to_world [F, 4, 4] of the new path, after the
     checks that need the scene (one CvdError line naming the field and what is allowed): an edit
     must leave the reference frames as recorded, and must stay within the scene's time span.
     A path farther than OFF_ROAD_M from the recorded one is allowed but warned about (it may leave
     the road). `track.edited(ego, t, references)` is the new path at any times (the map's ego_path
     layer is drawn from it).
Other agents keep their world trajectories: an ego edit changes the cameras, not the boxes.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import torch

from ..data.clips import clip_map, polylines_near
from ..errors import require
from ..geometry import interp_poses, invert_pose, make_pose, transform_points

EGO_KEYS = ("speed", "lane_change", "poses")
DELTA_KEYS, ABSOLUTE_KEYS = ("dx", "dy", "dyaw"), ("x", "y", "yaw")
OFF_ROAD_M = 6.0     # farther than this from the recorded path (about two lanes): warned, may be off the road
_TOL = 1e-6          # s: times within this are the same frame


def _num(x, what: str, allowed: str = "a finite number", ok=lambda v: True) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        v = math.nan
    require(not isinstance(x, bool) and math.isfinite(v) and ok(v), f"edit: ego.{what} must be {allowed}, got {x!r}")
    return v


def check_ego(ego) -> None:
    """The form and values of an `ego` entry (module docstring); one CvdError line per problem."""
    require(isinstance(ego, dict) and ego, f"edit: ego must be a mapping with some of {list(EGO_KEYS)}, got {ego!r}")
    unknown = sorted(set(ego) - set(EGO_KEYS))
    require(not unknown, f"edit: unknown ego key(s) {unknown}; valid keys are {list(EGO_KEYS)}")
    if "speed" in ego:
        _num(ego["speed"], "speed", "a finite number > 0 (1: as recorded)", lambda v: v > 0)
    lc = ego.get("lane_change")
    if lc is not None:
        require(isinstance(lc, dict) and set(lc) == {"offset", "start", "duration"},
                f"edit: ego.lane_change needs exactly offset (m, + left), start (s), duration (s), got {lc!r}")
        _num(lc["offset"], "lane_change.offset", "a finite number of metres (+ left, - right)")
        _num(lc["start"], "lane_change.start", "a finite number of seconds >= 0", lambda v: v >= 0)
        _num(lc["duration"], "lane_change.duration", "a finite number of seconds > 0", lambda v: v > 0)
    if "poses" in ego:
        _pose_table(ego["poses"])
        if _pose_kind(ego["poses"]) == "absolute":
            require(not {"speed", "lane_change"} & set(ego), "edit: ego.poses with absolute poses (x, y, yaw) "
                    "cannot be combined with speed or lane_change; use pose deltas (dx, dy, dyaw) to combine")


def _pose_kind(poses: list) -> str:
    return "absolute" if any(set(p) & set(ABSOLUTE_KEYS) for p in poses) else "delta"


def _pose_table(poses) -> tuple[np.ndarray, np.ndarray, str]:
    """ego.poses -> (times [P], values [P, 3]: dx, dy, dyaw or x, y, yaw (radians), kind)."""
    require(isinstance(poses, list) and len(poses) > 0, "edit: ego.poses must be a non-empty list of "
            "{t, dx, dy, dyaw} (deltas) or {t, x, y, yaw} (absolute poses)")
    kind = _pose_kind(poses)
    keys = ABSOLUTE_KEYS if kind == "absolute" else DELTA_KEYS
    times, values = [], []
    for i, p in enumerate(poses):
        allowed = {"t", *keys}
        require(isinstance(p, dict) and "t" in p and set(p) <= allowed and (kind == "delta" or set(p) == allowed),
                f"edit: ego.poses[{i}] must be {{t, {', '.join(keys)}}}" + (" (all of them)" if kind == "absolute" else
                " (missing ones are 0)") + f" with one kind in the whole list, got {p!r}")
        times.append(_num(p["t"], f"poses[{i}].t", "a finite number of seconds >= 0", lambda v: v >= 0))
        values.append([_num(p.get(k, 0.0), f"poses[{i}].{k}") for k in keys])
        require(i == 0 or times[i] > times[i - 1] + _TOL, f"edit: ego.poses times must increase strictly (one pose "
                f"per time, sorted); poses[{i}].t = {times[i]:g} s follows {times[i - 1]:g} s")
    values = np.asarray(values, np.float64)
    values[:, 2] = np.radians(values[:, 2])
    return np.asarray(times), values, kind


def _yaw_pose(x, y, yaw) -> np.ndarray:
    """[M, 4, 4] planar poses (x, y, yaw [M])."""
    c, s = np.cos(yaw), np.sin(yaw)
    R = np.zeros((len(yaw), 3, 3))
    R[:, 0, 0], R[:, 0, 1], R[:, 1, 0], R[:, 1, 1], R[:, 2, 2] = c, -s, s, c, 1.0
    return make_pose(R, np.stack([x, y, np.zeros_like(x)], -1))


@dataclass
class EgoTrack:
    """The recorded ego path of a whole scene: times [S] (s from the first generated frame) and
    ego_to_world [S, 4, 4] in run world, at the scene's frames."""

    times: np.ndarray
    poses: np.ndarray

    def recorded(self, t) -> np.ndarray:
        return interp_poses(self.times, self.poses, t)

    def edited(self, ego: dict, t, references_end: float) -> np.ndarray:
        """The new path at times t [M] (unchecked: `ego_poses` checks against the frames)."""
        t = np.asarray(t, np.float64).reshape(-1)
        if "poses" in ego and _pose_kind(ego["poses"]) == "absolute":
            pt, val, _ = _pose_table(ego["poses"])
            after = t > references_end + _TOL
            new = _yaw_pose(val[:, 0], val[:, 1], val[:, 2])
            out = self.recorded(t)
            out[after] = interp_poses(pt, new, t[after])
            return out
        k = float(ego.get("speed", 1.0))
        src = np.where(t > references_end, references_end + k * (t - references_end), t)
        base = self.recorded(src)
        dx, dy, dyaw = (np.zeros(len(t)) for _ in range(3))
        lc = ego.get("lane_change")
        if lc is not None:  # cosine profile; heading along the bent path: atan(d'(t) / ground speed)
            d, t0, dur = float(lc["offset"]), float(lc["start"]), float(lc["duration"])
            s = np.clip((t - t0) / dur, 0.0, 1.0)
            dy += d * (1 - np.cos(math.pi * s)) / 2
            rate = d * math.pi / (2 * dur) * np.sin(math.pi * s)                       # m/s sideways
            h = 1e-2
            ahead = self.recorded(np.where(t > references_end, references_end + k * (t + h - references_end), t + h))
            speed = np.linalg.norm(ahead[:, :2, 3] - base[:, :2, 3], axis=-1) / h       # m/s along the path
            dyaw += np.arctan2(rate, np.maximum(speed, 1.0))
        if "poses" in ego:
            pt, val, _ = _pose_table(ego["poses"])
            for j, arr in enumerate((dx, dy, dyaw)):
                arr += np.where(t < pt[0] - _TOL, 0.0, np.interp(t, pt, val[:, j]))
        return base @ _yaw_pose(dx, dy, dyaw)


def ego_poses(ego: dict, track: EgoTrack, times, references: int) -> np.ndarray:
    """The new ego_to_world [F, 4, 4] of the frames at times [F] (module docstring), checked against
    the scene: reference frames unchanged, everything within the scene's time span."""
    check_ego(ego)
    times = np.asarray(times, np.float64)
    t_a = float(times[references - 1]) if references else float(times[0])
    end, last = float(track.times[-1]), float(times[-1])
    refs = f"the last reference frame ({t_a:g} s)" if references else f"the first frame ({t_a:g} s)"
    lc = ego.get("lane_change")
    if lc is not None:
        t0, dur = float(lc["start"]), float(lc["duration"])
        require(not references or t0 >= t_a - _TOL, f"edit: ego.lane_change.start {t0:g} s would move a reference frame; "
                f"allowed: start >= {t_a:g} s, {refs}")
        require(t0 < last, f"edit: ego.lane_change.start {t0:g} s is after the last generated frame ({last:g} s); "
                f"allowed: {t_a:g} <= start < {last:g}")
        require(t0 + dur <= end + _TOL, f"edit: ego.lane_change ends at {t0 + dur:g} s (start + duration), after the "
                f"scene's time span (it ends {end:g} s after the first generated frame); allowed: start + duration <= {end:g}")
    if "speed" in ego:
        k = float(ego["speed"])
        need = t_a + k * (last - t_a)
        require(need <= end + _TOL, f"edit: ego.speed {k:g} needs the recorded path up to {need:g} s but the scene ends "
                f"{end:g} s after the first generated frame; allowed: 0 < speed <= {(end - t_a) / max(last - t_a, 1e-9):.3g} "
                "for these frames (or generate fewer frames)")
    if "poses" in ego:
        pt, _, kind = _pose_table(ego["poses"])
        require(pt[-1] <= end + _TOL, f"edit: ego.poses[{len(pt) - 1}].t = {pt[-1]:g} s is after the scene's time span "
                f"(it ends {end:g} s after the first generated frame); allowed: t <= {end:g}")
        if kind == "absolute":
            gen = times[times > t_a + _TOL] if references else times
            require(pt[0] > t_a + _TOL or not references, f"edit: ego.poses[0].t = {pt[0]:g} s would move a reference "
                    f"frame; absolute poses must start after {refs}")
            require(pt[0] <= gen.min() + _TOL and pt[-1] >= gen.max() - _TOL,
                    f"edit: absolute ego.poses cover {pt[0]:g}..{pt[-1]:g} s but the generated frames span "
                    f"{gen.min():g}..{gen.max():g} s; allowed: list a pose at or before the first and at or after the last")
    new = track.edited(ego, times, t_a)
    if references:
        moved = np.abs(new[:references] - track.recorded(times[:references])).max(axis=(1, 2)) > 1e-6
        require(not moved.any(), f"edit: ego.poses moves reference frame {int(np.argmax(moved))} "
                f"(t = {times[int(np.argmax(moved))]:g} s); the deltas must be 0 up to {refs}")
    off = off_path_distance(new[:, :2, 3], track.poses[:, :2, 3])
    if off.max() > OFF_ROAD_M:
        f = int(np.argmax(off))
        warnings.warn(f"edit: the ego path is {off[f]:.1f} m from the recorded path at {times[f]:g} s (more than "
                      f"{OFF_ROAD_M:g} m, about two lanes): it may leave the road; generating it anyway", stacklevel=2)
    return new


def off_path_distance(points: np.ndarray, path: np.ndarray) -> np.ndarray:
    """Distance of points [M, 2] from the polyline path [S, 2] (m)."""
    if len(path) == 1:
        return np.linalg.norm(points - path[0], axis=-1)
    a, b = path[:-1][None], path[1:][None]                                              # [1, S-1, 2]
    ab, ap = b - a, points[:, None] - a
    w = np.clip((ap * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-12), 0, 1)
    return np.linalg.norm(ap - w[..., None] * ab, axis=-1).min(1)



def edit_ego(clip: dict, ego: dict, reader, scene_frames: list[str], references: int, map_radius: float) -> dict:
    """A span's controls (data.clips.load_clip(pixels=False) of a scene's frames, edits to boxes and
    captions applied) with the ego on its new path: ego_to_world, every camera (each moved with its
    frame's ego), the map's ego_path layer and the map cut around the new path; `recorded_ego_to_world`
    keeps the recorded poses. `scene_frames`: all the scene's frames at the span's rate."""
    world = reader.ego_pose(clip["samples"][0])                                        # run world in global
    to_clip = invert_pose(world)
    t0 = reader.timestamp(clip["samples"][0])
    track = EgoTrack(np.array([(reader.timestamp(s) - t0) * 1e-6 for s in scene_frames]),
                     np.stack([to_clip @ reader.ego_pose(s) for s in scene_frames]))
    times = clip["timestamps"].numpy()
    old = clip["ego_to_world"].double().numpy()                                        # [F, 4, 4]
    new = ego_poses(ego, track, times, references)
    move = new @ invert_pose(old)                                                      # [F, 4, 4] in run world
    c2w = np.einsum("fij,fvjk->fvik", move, clip["cam_to_world"].double().numpy())
    t_a = float(times[references - 1]) if references else float(times[0])
    path = transform_points(world, track.edited(ego, track.times, t_a)[:, :3, 3])[:, :2]   # global
    polylines = {**reader.map_polylines(clip["scene"]), "ego_path": [path]}
    polylines = {k: polylines_near(v, path, map_radius) for k, v in polylines.items()}
    return {**clip, "ego_to_world": torch.from_numpy(new).float(), "cam_to_world": torch.from_numpy(c2w).float(),
            "recorded_ego_to_world": clip["ego_to_world"],
            "map": clip_map(polylines, transform_points(world, new[:, :3, 3])[:, :2], to_clip, map_radius)}
