"""Camera sweeps (12 Hz on nuScenes): sample_data chains -> synchronised 6-camera frames, and boxes
interpolated between the keyframe annotations around them.

In:  sample_data rows of the cameras (and LIDAR_TOP), keyframes and sweeps (`is_key_frame: false`),
     linked per channel by `prev`/`next`; a scene's keyframes (sample tokens, times) and annotations.
Out: `walk_chain`        one channel's records from one keyframe to another, every link checked
     `group_frames`      the reference camera's records as frames, each other channel's record matched
     `interpolate_annotations`  boxes at a time between two keyframes
The reader (`NuScenesReader.scene_frames`) builds on these; they are pure so tests can give them
hand-made chains.

Synchronisation. nuScenes triggers each camera as the LiDAR sweeps past its field of view, so the six
records of one frame are staggered by design (tens of ms), identically at keyframes and sweeps. A
channel's expected offset from the reference camera (CAM_FRONT) is therefore its median offset over
the scene's keyframes (whose grouping the dataset gives exactly); a sweep record is matched to the
reference frame nearest that expectation, and the residual is checked against a tolerance. A frame
with a channel beyond it (a dropped or late camera frame) is skipped and reported, never silently
paired with a neighbouring frame's image.

Boxes between keyframes (no annotation release needed): per instance, the position is interpolated
linearly and the rotation by slerp (yaw by the shortest arc) between the keyframe annotations before
and after; size, class, visibility and attributes come from the nearer keyframe; the velocity is the
segment's (displacement over time). An instance annotated at only one of the two keyframes (it enters
or leaves) is kept only in the half interval nearer its annotation, moved by its own velocity where
known: at most half a keyframe interval (0.25 s on nuScenes) of extrapolation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..errors import CvdError
from ..geometry import quat_slerp, quat_to_yaw

SYNC_TOLERANCE_MS = 25.0   # default; 12 Hz frames are 83 ms apart, so a match within 25 ms is unambiguous


class SweepRecord(NamedTuple):
    """The fields of one camera or LiDAR sample_data row (keyframe or sweep) that we use."""
    token: str
    channel: str
    filename: str
    ego_pose: str
    calib: str
    width: int
    height: int
    timestamp: int            # microseconds
    prev: str
    next: str
    is_key_frame: bool
    sample: str               # sample_token (for sweeps nuScenes points at a nearby keyframe)


def walk_chain(records: dict[str, SweepRecord], start: str, end: str, table: Path) -> list[SweepRecord]:
    """The records of one channel from `start` to `end` (inclusive) following `next`. A dangling
    link, a prev/next disagreement, a channel change or a timestamp that does not increase is one
    CvdError naming the record."""
    first = records[start]
    out, tok = [first], start
    while tok != end:
        r = records[tok]
        if not r.next:
            raise CvdError(f"{table}: the {r.channel} chain ends at sample_data {tok} (next is empty) before reaching "
                           f"keyframe record {end}; the table is incomplete: restore it from the dataset")
        n = records.get(r.next)
        if n is None:
            raise CvdError(f"{table}: sample_data {tok} ({r.channel}) has next {r.next!r}, which is missing "
                           "(dangling reference); restore the table from the dataset")
        if n.channel != r.channel or n.prev != tok:
            raise CvdError(f"{table}: sample_data {tok} ({r.channel}) -> next {n.token} ({n.channel}, prev "
                           f"{n.prev!r}): the prev/next chain is broken; restore the table from the dataset")
        if n.timestamp <= r.timestamp:
            raise CvdError(f"{table}: sample_data {n.token} ({n.channel}) at {n.timestamp} us is not after the record "
                           f"before it ({tok}, {r.timestamp} us): the chain is out of order; restore the table")
        out.append(n)
        tok = r.next
    return out


@dataclass
class FrameGroups:
    """Which record of each channel belongs to each frame of the reference chain."""
    index: np.ndarray         # [N, C] int: position in each channel's chain (-1: frame skipped)
    keep: np.ndarray          # [N] bool: frames within the tolerance
    residual_ms: np.ndarray   # [N, C] |time - (reference time + expected offset)|, ms
    spread_ms: np.ndarray     # [N] largest minus smallest timestamp inside the frame, ms
    offset_ms: np.ndarray     # [C] each channel's expected offset from the reference (keyframe median), ms


def group_frames(ref_times: np.ndarray, chain_times: list[np.ndarray], key_rows: np.ndarray, key_index: np.ndarray,
                 tolerance_ms: float = SYNC_TOLERANCE_MS) -> FrameGroups:
    """Group records into frames.

    ref_times   [N] int us: the reference channel's chain (one frame per record)
    chain_times C arrays [M_c] int us, increasing: each other channel's chain
    key_rows    [K] frames that are keyframes; key_index [K, C]: their records (given by the dataset)
    A channel's record is the one nearest ref time + the channel's keyframe median offset; a frame
    is kept when every residual is within tolerance and no record is claimed by two frames (a
    keyframe keeps its own records).
    """
    N, C = len(ref_times), len(chain_times)
    ref = np.asarray(ref_times, np.int64)
    offsets = np.zeros(C)
    if len(key_rows):
        offsets = np.array([np.median(chain_times[c][key_index[:, c]] - ref[key_rows]) for c in range(C)], np.float64)
    index = np.zeros((N, C), np.int64)
    resid = np.zeros((N, C))
    times = np.zeros((N, C + 1), np.int64)
    times[:, 0] = ref
    for c, t in enumerate(chain_times):
        want = ref + offsets[c]
        j = np.clip(np.searchsorted(t, want), 1, len(t) - 1) if len(t) > 1 else np.zeros(N, np.int64)
        if len(t) > 1:
            j = np.where(np.abs(t[j - 1] - want) <= np.abs(t[j] - want), j - 1, j)
        index[:, c] = j
        index[key_rows, c] = key_index[:, c]
        resid[:, c] = np.abs(t[index[:, c]] - want) / 1000.0
        times[:, c + 1] = t[index[:, c]]
    is_key = np.zeros(N, bool)
    is_key[key_rows] = True
    keep = (resid <= tolerance_ms).all(1) | is_key
    # a record claimed by two kept frames: the one farther from it (never a keyframe) is skipped
    for c in range(C):
        order = np.argsort(resid[:, c] - 1e9 * is_key, kind="stable")
        seen: set[int] = set()
        for i in order:
            if keep[i]:
                if index[i, c] in seen:
                    keep[i] = False
                seen.add(int(index[i, c]))
    spread = (times.max(1) - times.min(1)) / 1000.0
    index[~keep] = -1
    return FrameGroups(index, keep, resid, spread, offsets / 1000.0)


def interpolate_annotations(before: list, t0: int, after: list, t1: int, t: int, frame: str) -> list:
    """Annotations (nuscenes.Annotation) at time t (us) in [t0, t1] from the keyframe annotations
    `before` (at t0) and `after` (at t1), matched by instance (module docstring). Tokens of the
    results are "<frame>/<instance>": they are not rows of sample_annotation."""
    if not t0 <= t <= t1 or t1 <= t0:
        raise CvdError(f"frame {frame}: time {t} us is not between its keyframes ({t0}, {t1} us)")
    w = (t - t0) / (t1 - t0)
    dt = (t1 - t0) * 1e-6
    a0 = {a.instance: a for a in before}
    a1 = {a.instance: a for a in after}
    out = []
    for inst in list(a0) + [i for i in a1 if i not in a0]:
        p, n = a0.get(inst), a1.get(inst)
        if p is not None and n is not None:
            near = p if w <= 0.5 else n
            q = quat_slerp(p.rotation, n.rotation, w)
            center = (1 - w) * p.center + w * n.center
            velocity = (n.center - p.center) / dt
        else:
            near = p if p is not None else n
            if (p is not None and w > 0.5) or (n is not None and w < 0.5):
                continue  # the instance is not there in this half of the interval
            q = near.rotation
            lag = (t - t0 if p is not None else t - t1) * 1e-6
            velocity = near.velocity
            center = near.center + (np.nan_to_num(velocity) * lag if np.isfinite(velocity).all() else 0.0)
        out.append(replace(near, token=f"{frame}/{inst}", center=np.asarray(center, np.float64),
                           rotation=np.asarray(q, np.float64), yaw=float(quat_to_yaw(np.asarray(q))),
                           velocity=np.asarray(velocity, np.float64)))
    return out
