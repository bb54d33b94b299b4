"""The nuScenes tables of every dataroot cvdstorm writes (`synth`'s world, `export`'s generated runs).

In:  rows added scene by scene through `TableWriter`: logs, calibrated sensors, ego poses, the
     keyframe chain of each scene, sample_data, annotations (per track), categories and attributes
     (first use), maps, plus any extra table of ours (caption, generation).
Out: `TableWriter.write(version_dir, n_val)`: one <table>.json per table (scene, sample,
     sample_data, calibrated_sensor, sensor, ego_pose, sample_annotation, instance, category,
     attribute, visibility, log, map and the extras) and splits.json (the last n_val scenes are
     "val"), in the layout nuscenes-devkit and data/nuscenes.py read (docs/DATA.md).

The writer does the linking both writers need and must not get wrong separately: sample prev/next
along a scene, sample_data prev/next per calibrated sensor, annotation prev/next per track over
consecutive keyframes, instance rows (count, first, last) from their annotations, and each map's
log list. Tokens are md5 hashes of their parts (`token`), never uuid4, so the same input gives the
same bytes. Global rows (sensor, category, attribute, map) are hashed as (*salt, table, name).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Hashable, Sequence

import numpy as np

from .. import CAMERAS
from ..geometry import rotmat_to_quat
from ..io import write_json
from .nuscenes import LIDAR

TABLES = ("scene", "sample", "sample_data", "calibrated_sensor", "sensor", "ego_pose", "sample_annotation",
          "instance", "category", "attribute", "visibility", "log", "map")
SENSORS = (*CAMERAS, LIDAR)
# nuScenes' visibility table: token -> the share of the object visible over all cameras
VISIBILITY = [{"token": "1", "level": "v0-40", "description": "visibility of whole object is between 0 and 40%"},
              {"token": "2", "level": "v40-60", "description": "visibility of whole object is between 40 and 60%"},
              {"token": "3", "level": "v60-80", "description": "visibility of whole object is between 60 and 80%"},
              {"token": "4", "level": "v80-100", "description": "visibility of whole object is between 80 and 100%"}]
DATE_CAPTURED = "2026-01-01"


def token(*parts) -> str:
    """A nuScenes-style 32-hex token that is a pure function of its parts (seed, table, indices)."""
    return hashlib.md5("/".join(map(str, parts)).encode()).hexdigest()


def quat(R: np.ndarray) -> list[float]:
    """Rotation matrix [3, 3] -> nuScenes quaternion [w, x, y, z] as JSON floats."""
    return [float(x) for x in rotmat_to_quat(np.asarray(R, np.float64))]


def visibility_token(fraction: float) -> str:
    """The VISIBILITY token of a visible fraction in [0, 1] (bins 0-40, 40-60, 60-80, 80-100 %)."""
    return str(1 + int(np.searchsorted([0.4, 0.6, 0.8], fraction, side="right")))


class TableWriter:
    """Rows of the nuScenes tables, linked as nuscenes-devkit expects, written once by `write`.

    salt: parts prefixed to the tokens of the global rows (sensor, category, attribute, map), e.g.
    the seed. extra: names of our own tables to write next to nuScenes' (rows via `add`).
    The sensor and visibility tables are filled here: every dataroot has the 6 cameras and LIDAR_TOP.
    """

    def __init__(self, salt: Sequence = (), extra: Sequence[str] = ()):
        self.salt = tuple(salt)
        self.tables: dict[str, list[dict]] = {k: [] for k in (*TABLES, *extra)}
        self.tables["visibility"] = [dict(r) for r in VISIBILITY]
        for ch in SENSORS:
            self.add("sensor", {"token": self.token("sensor", ch), "channel": ch,
                                "modality": "lidar" if ch == LIDAR else "camera"})
        self._category: dict[str, str] = {}          # name -> token
        self._attribute: dict[str, str] = {}
        self._maps: dict[str, dict] = {}             # location -> map row
        self._log_location: dict[str, str] = {}      # log token -> location
        self._last_data: dict[str, dict] = {}        # calibrated_sensor token -> its latest sample_data row
        self._last_ann: dict[Hashable, tuple[int, dict]] = {}   # track -> (keyframe, latest annotation row)
        self._instance_category: dict[str, str] = {}

    def token(self, table: str, name) -> str:
        """Token of a global row (sensor, category, attribute, map) by its name."""
        return token(*self.salt, table, name)

    def add(self, table: str, row: dict) -> dict:
        self.tables[table].append(row)
        return row

    def category(self, name: str, description: str) -> str:
        """The category's token; its row is added on first use (later descriptions are ignored)."""
        if name not in self._category:
            self._category[name] = self.add("category", {"token": self.token("category", name), "name": name,
                                                         "description": description})["token"]
        return self._category[name]

    def attribute(self, name: str, description: str) -> str:
        """The attribute's token; its row is added on first use."""
        if name not in self._attribute:
            self._attribute[name] = self.add("attribute", {"token": self.token("attribute", name), "name": name,
                                                           "description": description})["token"]
        return self._attribute[name]

    def has_map(self, location: str) -> bool:
        return location in self._maps

    def map(self, location: str, filename: str) -> str:
        """The map row of a location (its log_tokens: every log there, filled by `write`)."""
        tok = self.token("map", location)
        self._maps[location] = {"token": tok, "log_tokens": [], "category": "semantic_prior", "filename": filename}
        return tok

    def log(self, tok: str, logfile: str, vehicle: str, location: str) -> str:
        self._log_location[tok] = location
        self.add("log", {"token": tok, "logfile": logfile, "vehicle": vehicle, "date_captured": DATE_CAPTURED,
                         "location": location})
        return tok

    def calibrated_sensor(self, tok: str, channel: str, sensor_to_ego: np.ndarray, K: np.ndarray | None = None) -> str:
        """sensor_to_ego [4, 4]; K [3, 3] for cameras (the LiDAR has none)."""
        self.add("calibrated_sensor", {"token": tok, "sensor_token": self.token("sensor", channel),
                                       "translation": [float(x) for x in sensor_to_ego[:3, 3]],
                                       "rotation": quat(sensor_to_ego[:3, :3]),
                                       "camera_intrinsic": [] if K is None else np.asarray(K).tolist()})
        return tok

    def ego_pose(self, tok: str, timestamp: int, rotation: Sequence[float], translation: Sequence[float]) -> str:
        """rotation: quaternion [w, x, y, z] of ego_to_global, translation [3] (metres)."""
        self.add("ego_pose", {"token": tok, "timestamp": int(timestamp), "rotation": [float(x) for x in rotation],
                              "translation": [float(x) for x in translation]})
        return tok

    def samples(self, tokens: Sequence[str], timestamps: Sequence[int], scene_token: str) -> None:
        """The keyframes of one scene, in order, linked prev/next."""
        n = len(tokens)
        for f, (tok, ts) in enumerate(zip(tokens, timestamps)):
            self.add("sample", {"token": tok, "timestamp": ts, "prev": tokens[f - 1] if f else "",
                                "next": tokens[f + 1] if f + 1 < n else "", "scene_token": scene_token})

    def sample_data(self, tok: str, sample: str, ego_pose: str, calibrated_sensor: str, timestamp: int,
                    filename: str, fileformat: str, height: int = 0, width: int = 0, is_key_frame: bool = True) -> dict:
        """A file of one sensor, linked prev/next to the same calibrated sensor's previous one (add them in
        time order): a keyframe's, or with is_key_frame=False a sweep's (`sample`: the next keyframe's, as
        in nuScenes)."""
        rec = self.add("sample_data", {"token": tok, "sample_token": sample, "ego_pose_token": ego_pose,
                                       "calibrated_sensor_token": calibrated_sensor, "timestamp": timestamp,
                                       "is_key_frame": is_key_frame, "filename": filename, "prev": "", "next": "",
                                       "fileformat": fileformat, "height": height, "width": width})
        prev = self._last_data.get(calibrated_sensor)
        if prev is not None:
            rec["prev"], prev["next"] = prev["token"], tok
        self._last_data[calibrated_sensor] = rec
        return rec

    def annotation(self, track: Hashable, frame: int, tok: str, sample: str, new_instance: str, category: str,
                   visibility: str, attributes: list[str], translation: Sequence[float], size: Sequence[float],
                   rotation: Sequence[float], lidar_points: int) -> dict:
        """One box of a track (unique over all scenes) at keyframe `frame`; size is w, l, h.

        Linked prev/next to the track's box of the previous keyframe. A track that starts, or
        comes back after missing a keyframe, takes `new_instance` as its instance token (pass the
        same token each time to keep one instance over the gap); otherwise it keeps its instance.
        """
        last = self._last_ann.get(track)
        prev = last[1] if last is not None and last[0] == frame - 1 else None
        rec = self.add("sample_annotation", {
            "token": tok, "sample_token": sample,
            "instance_token": prev["instance_token"] if prev is not None else new_instance,
            "visibility_token": visibility, "attribute_tokens": attributes,
            "translation": [float(x) for x in translation], "size": [float(x) for x in size],
            "rotation": [float(x) for x in rotation], "prev": prev["token"] if prev is not None else "", "next": "",
            "num_lidar_pts": int(lidar_points), "num_radar_pts": 0})
        if prev is not None:
            prev["next"] = tok
        self._last_ann[track] = (frame, rec)
        self._instance_category[rec["instance_token"]] = category
        return rec

    def scene(self, tok: str, log: str, name: str, samples: Sequence[str], description: str) -> str:
        self.add("scene", {"token": tok, "log_token": log, "nbr_samples": len(samples),
                           "first_sample_token": samples[0], "last_sample_token": samples[-1], "name": name,
                           "description": description})
        return tok

    def write(self, version_dir: Path, n_val: int = 0) -> None:
        """Every table as <table>.json and splits.json (the last n_val scenes in "val")."""
        by_instance: dict[str, list[dict]] = {}
        for rec in self.tables["sample_annotation"]:
            by_instance.setdefault(rec["instance_token"], []).append(rec)
        self.tables["instance"] = [
            {"token": inst, "category_token": self._instance_category[inst], "nbr_annotations": len(recs),
             "first_annotation_token": recs[0]["token"], "last_annotation_token": recs[-1]["token"]}
            for inst, recs in by_instance.items()]
        for location, row in self._maps.items():
            row["log_tokens"] = [r["token"] for r in self.tables["log"] if self._log_location[r["token"]] == location]
        self.tables["map"] = list(self._maps.values())
        for name, rows in self.tables.items():
            write_json(Path(version_dir) / f"{name}.json", rows)
        names = [s["name"] for s in self.tables["scene"]]
        write_json(Path(version_dir) / "splits.json",
                   {"train": names[:len(names) - n_val], "val": names[len(names) - n_val:]})
