"""Read a nuScenes-format dataroot (real nuScenes or our synthetic world) from its JSON tables.

In:  DATAROOT/<version>/*.json, DATAROOT/maps/expansion/<location>.json (optional), image and
     LiDAR files as named by sample_data.filename (docs/DATA.md).
Out: `NuScenesReader`: per-scene ordered keyframes; for any sample the ego pose, the 6 cameras'
     calibration and files, the LiDAR file, annotations (centre, size, yaw, velocity, class...),
     the caption, and the map as polylines per layer.

No nuscenes-devkit: it pins an old numpy. Only the standard library and numpy. Tables are loaded
once and indexed by token; every reference is checked when used, so a broken dataroot fails with
one line naming the table, token or file rather than a KeyError deep inside.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import CAMERAS
from ..errors import CvdError
from ..geometry import make_pose, quat_to_rotmat, quat_to_yaw
from ..io import read_json

REQUIRED_TABLES = ("scene", "sample", "sample_data", "calibrated_sensor", "sensor", "ego_pose",
                   "sample_annotation", "instance", "category", "log")
MAP_LAYERS = ("lane_divider", "road_divider", "ped_crossing", "road_edge", "ego_path")
# Coarse classes used by conditions and metrics; nuScenes category prefix -> class.
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
class Camera:
    channel: str
    filename: Path          # absolute path of the image
    K: np.ndarray           # [3, 3] at the file's native size
    cam_to_ego: np.ndarray  # [4, 4]
    width: int
    height: int


@dataclass
class Annotation:
    token: str
    instance: str
    category: str
    cls: int                # BOX_CLASSES index, -1 if unmodelled
    center: np.ndarray      # [3] global
    size: np.ndarray        # [3] w, l, h
    rotation: np.ndarray    # [4] w, x, y, z
    yaw: float
    velocity: np.ndarray    # [3] global m/s (nan where unknown, as the devkit)
    visibility: str
    num_lidar_pts: int


class NuScenesReader:
    """Indexed access to one nuScenes-format version folder."""

    def __init__(self, dataroot: str | Path, version: str = "v1.0-synth"):
        self.root = Path(dataroot)
        self.version = version
        vdir = self.root / version
        if not self.root.is_dir():
            raise CvdError(f"dataroot {self.root} does not exist; run `cvdstorm synth --out {self.root}` "
                           "or point --dataroot at a nuScenes folder")
        if not vdir.is_dir():
            found = sorted(p.name for p in self.root.iterdir() if p.is_dir() and p.name.startswith("v1.0"))
            raise CvdError(f"{self.root} has no table folder {version!r} (found: {found or 'none'}); "
                           "pass the right --version, or this is not a nuScenes-format dataroot")
        self.tables: dict[str, dict[str, dict]] = {}
        for name in REQUIRED_TABLES:
            rows = read_json(vdir / f"{name}.json", what=f"nuScenes table '{name}'")
            if not isinstance(rows, list):
                raise CvdError(f"corrupt nuScenes table {vdir / name}.json: expected a list of records")
            self.tables[name] = {r["token"]: r for r in rows}
        self._captions = {}
        if (vdir / "caption.json").is_file():
            self._captions = {r["sample_token"]: r["caption"] for r in read_json(vdir / "caption.json", "caption table")}
        self.splits = read_json(vdir / "splits.json", "splits table") if (vdir / "splits.json").is_file() else None
        self._sensor_channel = {t: r["channel"] for t, r in self.tables["sensor"].items()}
        # keyframe sample_data per (sample, channel); annotations per sample
        self._keyframe: dict[tuple[str, str], dict] = {}
        for sd in self.tables["sample_data"].values():
            if sd.get("is_key_frame", True):
                cs = self._get("calibrated_sensor", sd["calibrated_sensor_token"], f"sample_data {sd['token']}")
                ch = self._sensor_channel.get(cs["sensor_token"])
                if ch is None:
                    raise CvdError(f"calibrated_sensor {cs['token']} names sensor {cs['sensor_token']}, "
                                   "which is not in sensor.json")
                self._keyframe[(sd["sample_token"], ch)] = sd
        self._anns: dict[str, list[dict]] = {}
        for a in self.tables["sample_annotation"].values():
            self._anns.setdefault(a["sample_token"], []).append(a)
        self._category_of_instance = {
            t: self._get("category", r["category_token"], f"instance {t}")["name"]
            for t, r in self.tables["instance"].items()}

    # ------------------------------------------------------------------------------- basics
    def _get(self, table: str, tok: str, referrer: str) -> dict:
        try:
            return self.tables[table][tok]
        except KeyError:
            raise CvdError(f"{referrer} refers to {table} token {tok!r}, which is missing from "
                           f"{self.root / self.version / table}.json (dangling reference)") from None

    @property
    def scenes(self) -> list[dict]:
        return list(self.tables["scene"].values())

    def scene(self, name_or_token: str) -> dict:
        for s in self.tables["scene"].values():
            if name_or_token in (s["name"], s["token"]):
                return s
        names = [s["name"] for s in self.scenes][:10]
        raise CvdError(f"unknown scene {name_or_token!r} in {self.root}/{self.version}; scenes include {names}")

    def scene_names(self, split: str = "all") -> list[str]:
        names = [s["name"] for s in self.scenes]
        if split == "all":
            return names
        if self.splits is None:
            raise CvdError(f"split {split!r} requested but {self.root / self.version}/splits.json is missing; "
                           "write {\"train\": [...], \"val\": [...]} scene-name lists there or use split 'all'")
        if split not in self.splits:
            raise CvdError(f"unknown split {split!r}; splits.json has {sorted(self.splits)}")
        return [n for n in self.splits[split] if n in set(names)]

    def scene_samples(self, scene: dict) -> list[str]:
        """Keyframe sample tokens of a scene in time order (follows sample.next)."""
        out, tok = [], scene["first_sample_token"]
        while tok:
            s = self._get("sample", tok, f"scene {scene['name']}")
            out.append(tok)
            tok = s["next"]
            if len(out) > 100000:
                raise CvdError(f"scene {scene['name']}: sample.next pointers form a loop")
        return out

    # ------------------------------------------------------------------------------ per sample
    def timestamp(self, sample: str) -> int:
        return int(self._get("sample", sample, "request")["timestamp"])

    def _sd(self, sample: str, channel: str) -> dict:
        try:
            return self._keyframe[(sample, channel)]
        except KeyError:
            if channel not in CAMERAS and channel != "LIDAR_TOP" and channel not in self._sensor_channel.values():
                raise CvdError(f"unknown camera/sensor {channel!r}; expected one of {list(CAMERAS)} or LIDAR_TOP") from None
            raise CvdError(f"sample {sample} has no keyframe for {channel} in sample_data.json") from None

    def ego_pose(self, sample: str, channel: str = "LIDAR_TOP") -> np.ndarray:
        """ego_to_world [4, 4] at the keyframe of `channel` (nuScenes gives each sensor its own)."""
        sd = self._sd(sample, channel)
        ep = self._get("ego_pose", sd["ego_pose_token"], f"sample_data {sd['token']}")
        return _pose(ep, f"ego_pose {ep['token']}")

    def camera(self, sample: str, channel: str) -> Camera:
        if channel not in CAMERAS:
            raise CvdError(f"unknown camera {channel!r}; expected one of {list(CAMERAS)}")
        sd = self._sd(sample, channel)
        cs = self._get("calibrated_sensor", sd["calibrated_sensor_token"], f"sample_data {sd['token']}")
        K = np.asarray(cs["camera_intrinsic"], dtype=np.float64)
        if K.shape != (3, 3) or not np.isfinite(K).all():
            raise CvdError(f"calibrated_sensor {cs['token']}: camera_intrinsic must be a finite 3x3 matrix")
        return Camera(channel, self.root / sd["filename"], K, _pose(cs, f"calibrated_sensor {cs['token']}"),
                      int(sd.get("width") or 0), int(sd.get("height") or 0))

    def lidar(self, sample: str) -> tuple[Path, np.ndarray]:
        """(LiDAR file path, lidar_to_ego [4, 4])."""
        sd = self._sd(sample, "LIDAR_TOP")
        cs = self._get("calibrated_sensor", sd["calibrated_sensor_token"], f"sample_data {sd['token']}")
        return self.root / sd["filename"], _pose(cs, f"calibrated_sensor {cs['token']}")

    def annotations(self, sample: str) -> list[Annotation]:
        out = []
        for a in self._anns.get(sample, []):
            cat = self._category_of_instance.get(a["instance_token"])
            if cat is None:
                raise CvdError(f"sample_annotation {a['token']} refers to instance {a['instance_token']}, "
                               "which is missing from instance.json")
            c, s, q = (np.asarray(a[k], dtype=np.float64) for k in ("translation", "size", "rotation"))
            if not (np.isfinite(c).all() and np.isfinite(s).all() and np.isfinite(q).all()):
                raise CvdError(f"sample_annotation {a['token']}: NaN/Inf in translation, size or rotation")
            out.append(Annotation(a["token"], a["instance_token"], cat, box_class(cat), c, s, q, float(quat_to_yaw(q)),
                                  self.box_velocity(a), a.get("visibility_token", ""), int(a.get("num_lidar_pts", 0))))
        return out

    def box_velocity(self, ann: dict, max_time_diff: float = 1.5) -> np.ndarray:
        """Velocity [3] (m/s) by central difference over prev/next annotations, as the devkit does."""
        has_prev, has_next = bool(ann["prev"]), bool(ann["next"])
        if not has_prev and not has_next:
            return np.full(3, np.nan)
        first = self._get("sample_annotation", ann["prev"], f"sample_annotation {ann['token']}") if has_prev else ann
        last = self._get("sample_annotation", ann["next"], f"sample_annotation {ann['token']}") if has_next else ann
        dt = (self.timestamp(last["sample_token"]) - self.timestamp(first["sample_token"])) * 1e-6
        if dt <= 0:
            return np.full(3, np.nan)
        if dt > (2 * max_time_diff if has_prev and has_next else max_time_diff):
            return np.full(3, np.nan)
        return (np.asarray(last["translation"]) - np.asarray(first["translation"])) / dt

    def caption(self, sample: str) -> str:
        if sample in self._captions:
            return self._captions[sample]
        s = self._get("sample", sample, "caption request")
        return self._get("scene", s["scene_token"], f"sample {sample}").get("description", "")

    # ----------------------------------------------------------------------------------- map
    def location(self, scene: dict) -> str:
        return self._get("log", scene["log_token"], f"scene {scene['name']}")["location"]

    def map_polylines(self, scene: dict) -> dict[str, list[np.ndarray]]:
        """Map layers as lists of [M, 2] global polylines (closed rings repeat their first point),
        plus the scene's `ego_path`."""
        out = dict(self._map_for(self.location(scene)))
        out["ego_path"] = [np.stack([self.ego_pose(s)[:2, 3] for s in self.scene_samples(scene)])]
        return out

    def _map_for(self, location: str) -> dict[str, list[np.ndarray]]:
        cache = self.__dict__.setdefault("_map_cache", {})
        if location not in cache:
            cache[location] = _read_map_expansion(self.root / "maps" / "expansion" / f"{location}.json")
        return cache[location]


def _pose(rec: dict, where: str) -> np.ndarray:
    t = np.asarray(rec.get("translation"), dtype=np.float64)
    q = np.asarray(rec.get("rotation"), dtype=np.float64)
    if t.shape != (3,) or q.shape != (4,):
        raise CvdError(f"{where}: translation must have 3 and rotation 4 numbers")
    if not (np.isfinite(t).all() and np.isfinite(q).all()):
        raise CvdError(f"{where}: NaN/Inf in translation or rotation; fix or drop this record")
    if abs(np.linalg.norm(q) - 1) > 1e-3:
        raise CvdError(f"{where}: rotation quaternion is not unit length (|q| = {np.linalg.norm(q):.4f})")
    return make_pose(quat_to_rotmat(q), t)


_warned: set[str] = set()


def _read_map_expansion(path: Path) -> dict[str, list[np.ndarray]]:
    """nuScenes map-expansion JSON -> polylines per layer (lane_divider, road_divider, ped_crossing,
    road_edge). A missing file gives empty layers and a one-time warning."""
    empty = {k: [] for k in MAP_LAYERS if k != "ego_path"}
    if not path.is_file():
        if str(path) not in _warned:
            _warned.add(str(path))
            warnings.warn(f"no map expansion at {path}; map controls will be empty", stacklevel=3)
        return empty
    m = read_json(path, "map expansion")
    try:
        nodes = {n["token"]: (n["x"], n["y"]) for n in m["node"]}
        lines = {l["token"]: l["node_tokens"] for l in m["line"]}
        polys = {p["token"]: p for p in m["polygon"]}

        def pts(tokens):
            return np.asarray([nodes[t] for t in tokens], dtype=np.float64)

        def ring(tokens):
            p = pts(tokens)
            return np.concatenate([p, p[:1]]) if len(p) else p

        out = dict(empty)
        out["lane_divider"] = [pts(lines[r["line_token"]]) for r in m.get("lane_divider", [])]
        out["road_divider"] = [pts(lines[r["line_token"]]) for r in m.get("road_divider", [])]
        out["ped_crossing"] = [ring(polys[r["polygon_token"]]["exterior_node_tokens"]) for r in m.get("ped_crossing", [])]
        edges = []
        for r in m.get("drivable_area", []):
            for pt in r["polygon_tokens"]:
                p = polys[pt]
                edges.append(ring(p["exterior_node_tokens"]))
                edges += [ring(h["node_tokens"]) for h in p.get("holes", [])]
        out["road_edge"] = edges
    except KeyError as e:
        raise CvdError(f"corrupt map expansion {path}: missing key or token {e}") from None
    return out
