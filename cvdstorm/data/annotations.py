"""nuScenes annotations: the box classes we model and the sample_annotation table as columns.

In:  the rows of sample_annotation.json, sample times, instance -> category names (from the reader).
Out: `AnnotationTable`: per sample, checked `Annotation`s (centre, size wlh, rotation, yaw, velocity as the
     devkit computes it, visibility, LiDAR points, attribute names); `box_class(category)` -> BOX_CLASSES index.
The reader (nuscenes.py) parses the tables and follows references; data/sweeps.py interpolates annotations
between keyframes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import CvdError
from ..geometry import quat_to_yaw

# Coarse box classes (the 10 nuScenes detection classes) used by conditions and metrics.
BOX_CLASSES = ("car", "truck", "bus", "trailer", "construction_vehicle", "pedestrian", "motorcycle",
               "bicycle", "traffic_cone", "barrier")
_CATEGORY_PREFIX = (
    ("vehicle.car", "car"), ("vehicle.truck", "truck"), ("vehicle.bus", "bus"), ("vehicle.trailer", "trailer"),
    ("vehicle.construction", "construction_vehicle"), ("human.pedestrian", "pedestrian"),
    ("vehicle.motorcycle", "motorcycle"), ("vehicle.bicycle", "bicycle"),
    ("movable_object.trafficcone", "traffic_cone"), ("movable_object.barrier", "barrier"),
)


def box_class(category: str) -> int:
    """nuScenes category name -> index into BOX_CLASSES, or -1 for categories we do not model."""
    for prefix, cls in _CATEGORY_PREFIX:
        if category.startswith(prefix):
            return BOX_CLASSES.index(cls)
    return -1


@dataclass
class Annotation:
    token: str
    instance: str
    category: str
    cls: int                  # BOX_CLASSES index, -1 if unmodelled
    center: np.ndarray        # [3] global
    size: np.ndarray          # [3] w, l, h
    rotation: np.ndarray      # [4] w, x, y, z (global)
    yaw: float                # heading about global +z
    velocity: np.ndarray      # [3] global m/s (nan where unknown, as the devkit)
    visibility: str           # visibility token ("1".."4" in nuScenes: 0-40 % .. 80-100 %)
    num_lidar_pts: int
    attributes: tuple[str, ...] = ()   # attribute names ("vehicle.moving", ...; reader.attribute_description)


class AnnotationTable:
    """sample_annotation as columns (numpy where possible): ~100 bytes per row instead of ~1 kB of
    dicts, and arrays are not touched by reference counting, so forked DataLoader workers share
    them instead of copying them page by page."""

    def __init__(self, rows: list[dict], sample_time: dict[str, int], inst_category: dict[str, str]):
        n = len(rows)
        self.tokens = [r["token"] for r in rows]
        self.row = {t: i for i, t in enumerate(self.tokens)}
        self.by_sample: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            self.by_sample.setdefault(r["sample_token"], []).append(i)
        self.instances = [r["instance_token"] for r in rows]
        self.categories = [inst_category.get(t) for t in self.instances]  # None: dangling instance
        self.sample_tokens = [r["sample_token"] for r in rows]
        self.time = np.array([sample_time.get(r["sample_token"], -1) for r in rows], np.int64)  # us; -1 unknown
        self.geom = np.full((n, 10), np.nan)  # translation 3, size 3, rotation 4
        self.malformed = np.zeros(n, bool)
        try:
            self.geom[:] = np.array([r["translation"] + r["size"] + r["rotation"] for r in rows],
                                    np.float64).reshape(n, 10)
        except (TypeError, ValueError):  # some row is malformed: find which, row by row
            for i, r in enumerate(rows):
                try:
                    g = np.array(list(r["translation"]) + list(r["size"]) + list(r["rotation"]), np.float64)
                    self.geom[i] = g if g.shape == (10,) and (len(r["translation"]), len(r["size"])) == (3, 3) else np.nan
                    self.malformed[i] = g.shape != (10,) or (len(r["translation"]), len(r["size"])) != (3, 3)
                except (TypeError, ValueError):
                    self.malformed[i] = True
        # neighbours as row indices: -1 none; dangling tokens are kept aside to be named in the error
        self.dangling: dict[int, str] = {}
        self.prev = np.full(n, -1, np.int64)
        self.next = np.full(n, -1, np.int64)
        for col, key in ((self.prev, "prev"), (self.next, "next")):
            for i, r in enumerate(rows):
                t = r.get(key) or ""
                if t:
                    j = self.row.get(t)
                    if j is None:
                        self.dangling[i] = t
                    else:
                        col[i] = j
        vis = [str(r.get("visibility_token", "")) for r in rows]
        self.vis_names = sorted(set(vis))
        code = {v: k for k, v in enumerate(self.vis_names)}
        self.vis = np.array([code[v] for v in vis], np.int16)
        self.num_lidar_pts = np.array([int(r.get("num_lidar_pts", 0) or 0) for r in rows], np.int64)
        self.attribute_tokens = [tuple(r.get("attribute_tokens") or ()) for r in rows]

    def of_sample(self, sample: str, vdir: Path, attributes: dict[str, tuple[str, str]],
                  check_sample: Callable[[str, str], object]) -> list[Annotation]:
        """The keyframe sample's annotations, each checked (dangling instance, malformed or non-finite geometry).
        attributes: attribute token -> (name, description); check_sample(token, referrer) raises for an unknown
        sample (the velocity's neighbours)."""
        where = vdir / "sample_annotation.json"
        out = []
        for i in self.by_sample.get(sample, []):
            tok, cat = self.tokens[i], self.categories[i]
            if cat is None:
                raise CvdError(f"sample_annotation {tok} refers to instance {self.instances[i]!r}, which is missing "
                               f"from {vdir / 'instance.json'} (dangling reference)")
            if self.malformed[i]:
                raise CvdError(f"{where}: sample_annotation {tok} needs translation [3], size [3] and rotation [4]")
            g = self.geom[i]
            c, s, q = g[:3].copy(), g[3:6].copy(), g[6:].copy()
            if not np.isfinite(g).all() or not q.any():
                raise CvdError(f"{where}: sample_annotation {tok} has NaN/Inf (or a zero quaternion) in "
                               "translation, size or rotation; fix or drop the record")
            attrs = tuple(attributes[a][0] for a in self.attribute_tokens[i] if a in attributes)
            out.append(Annotation(tok, self.instances[i], cat, box_class(cat), c, s, q, float(quat_to_yaw(q)),
                                  self.velocity(i, vdir, check_sample), self.vis_names[self.vis[i]],
                                  int(self.num_lidar_pts[i]), attrs))
        return out

    def velocity(self, i: int, vdir: Path, check_sample: Callable[[str, str], object],
                 max_time_diff: float = 1.5) -> np.ndarray:
        """Row i's velocity [3] (m/s, global) as the devkit's `box_velocity` (NuScenesReader.box_velocity)."""
        if i in self.dangling:
            raise CvdError(f"sample_annotation {self.tokens[i]} refers to prev/next annotation {self.dangling[i]!r}, "
                           f"which is missing from {vdir / 'sample_annotation.json'} (dangling reference)")
        has_prev, has_next = self.prev[i] >= 0, self.next[i] >= 0
        if not has_prev and not has_next:
            return np.full(3, np.nan)
        first = self.prev[i] if has_prev else i
        last = self.next[i] if has_next else i
        for j in (first, last):
            if self.time[j] < 0:
                check_sample(self.sample_tokens[j], f"sample_annotation {self.tokens[j]}")  # raises: dangling sample
        dt = (self.time[last] - self.time[first]) * 1e-6
        if has_prev and has_next:
            max_time_diff *= 2
        if dt > max_time_diff or dt <= 0:
            return np.full(3, np.nan)
        return (self.geom[last, :3] - self.geom[first, :3]) / dt
