"""Read a nuScenes-format dataroot (real nuScenes or our synthetic world) from its JSON tables.

In:  DATAROOT/<version>/*.json (scene, sample, sample_data, calibrated_sensor, sensor, ego_pose,
     sample_annotation, instance, category, log; optional visibility, caption, splits),
     DATAROOT/maps/expansion/<log.location>.json (optional), and the image / LiDAR files named by
     sample_data.filename (docs/DATA.md).
Out: `NuScenesReader`:
     scenes / scene(name or token) / scene_names(split) / scene_samples(scene) -> ordered keyframes
     ego_pose(sample) [4, 4] ego_to_global        camera(sample, channel) -> Camera (K, cam_to_ego,
     lidar(sample) -> (file, lidar_to_ego)         file, size, ego pose at the camera's timestamp)
     annotations(sample) -> [Annotation] (centre, size wlh, rotation, yaw, velocity, class, ...)
     caption(sample) -> str                        map_polylines(scene) -> {layer: [[M, 2] global x, y]}
     scene_frames(scene, "camera") -> the scene's camera-rate frames (12 Hz on nuScenes, data/sweeps.py):
     keyframes as their sample tokens, sweep frames as their CAM_FRONT sample_data tokens; every
     per-sample method above also takes a sweep frame (boxes interpolated between keyframes).
     has_camera_sweeps(scene) -> whether it has camera frames between keyframes
     `frame_hz(times)`: the rate of frame times (1 / median interval)
The annotation table and box classes live in annotations.py, the map expansion parser in maps.py, the
camera-rate frame chains and box interpolation in sweeps.py; this module parses the tables and follows
their references.

No nuscenes-devkit (it pins an old numpy): the standard library's json and numpy only. Each table
file is parsed once and reduced to the rows and fields we use (only keyframe sample_data of the 6
cameras and LIDAR_TOP, only the ego poses they point to), so v1.0-trainval's 2.6M sample_data rows
cost one parse, not resident memory (the sweeps are indexed, with a second parse, only when a
camera-rate frame list is first asked for). The annotation tables are parsed on first use (`preload()`
forces everything, e.g. before DataLoader workers fork). Every reference is checked when it is
followed: a broken dataroot fails with one `CvdError` line naming the file, table, token or field
and the fix, never a KeyError deep inside.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from .. import CAMERAS
from ..config import FRAME_RATES
from ..errors import CvdError
from ..geometry import make_pose, quat_to_rotmat
from ..io import read_json
from ..paths import inside, plain_name
from .annotations import Annotation, AnnotationTable
from .maps import read_map_expansion
from .sweeps import SYNC_TOLERANCE_MS, SweepRecord, group_frames, interpolate_annotations, walk_chain

KEYFRAME_HZ = 2.0                      # nuScenes' keyframe rate: the rate of a single frame, which has no interval
REQUIRED_TABLES = ("scene", "sample", "sample_data", "calibrated_sensor", "sensor", "ego_pose",
                   "sample_annotation", "instance", "category", "log")
LIDAR = "LIDAR_TOP"


def frame_hz(times_s, what: str = "the frames") -> float:
    """Frame rate (Hz) of frame times [N] in seconds: 1 / the median interval (KEYFRAME_HZ for one frame).
    Times that do not increase (most frames at one timestamp) are a CvdError naming `what`."""
    ts = np.asarray(times_s, np.float64)
    if len(ts) < 2:
        return KEYFRAME_HZ
    dt = float(np.median(np.diff(ts)))
    if not (np.isfinite(dt) and dt > 0):
        raise CvdError(f"the timestamps of {what} do not increase (median interval {dt:g} s), so they have no "
                       "frame rate; fix the timestamps (or regenerate the data with a lower --hz)")
    return 1.0 / dt


@dataclass
class Camera:
    channel: str
    filename: Path            # absolute path of the image
    K: np.ndarray             # [3, 3] at the file's native size
    cam_to_ego: np.ndarray    # [4, 4]
    width: int                # native size from sample_data (0 if the table does not say)
    height: int
    ego_to_world: np.ndarray  # [4, 4] ego pose at this camera's timestamp (global frame)
    timestamp: int            # microseconds
    token: str = ""           # its sample_data record


class _KeySD(NamedTuple):
    """The fields of a keyframe sample_data row that we use."""
    token: str
    filename: str
    ego_pose: str
    calib: str
    width: int
    height: int
    timestamp: int


class _SweepFrame(NamedTuple):
    """A camera-rate frame between keyframes: its records and the keyframes around it."""
    scene: str                # scene token
    timestamp: int            # us, on the keyframes' clock (see NuScenesReader.scene_frames)
    records: dict             # channel -> SweepRecord (cameras; LIDAR_TOP when one is within tolerance)
    before: str               # sample token of the keyframe at or before it
    after: str                # ... and after it


class NuScenesReader:
    """Indexed access to one nuScenes-format version folder (see the module docstring)."""

    def __init__(self, dataroot: str | Path, version: str = "v1.0-synth", sync_tolerance_ms: float = SYNC_TOLERANCE_MS):
        self.root = Path(dataroot)
        self.version = version
        self.sync_tolerance_ms = float(sync_tolerance_ms)
        self._frames: dict[str, _SweepFrame] = {}      # sweep frame token -> records, filled by scene_frames
        self._scene_frames: dict[str, list[str]] = {}   # scene token -> its camera-rate frames
        self.sync_report: dict[str, dict] = {}          # scene name -> synchronisation of its camera frames
        self.vdir = self.root / version
        if not self.root.is_dir():
            raise CvdError(f"dataroot {self.root} does not exist; run `cvdstorm synth --out {self.root}` "
                           "or point --dataroot at a nuScenes folder")
        if not self.vdir.is_dir():
            found = sorted(p.name for p in self.root.iterdir() if p.is_dir() and (p / "scene.json").is_file())
            raise CvdError(f"{self.root} has no table folder {version!r} (found: {found or 'none'}); "
                           "pass the right --version, or this is not a nuScenes-format dataroot")
        for name in REQUIRED_TABLES:  # fail at once, not minutes later when a lazy table is needed
            if not (self.vdir / f"{name}.json").is_file():
                raise CvdError(f"missing nuScenes table '{name}': {self.vdir / name}.json does not exist; "
                               f"copy the complete {version} folder (all {len(REQUIRED_TABLES)} tables)")
        self._index_core()
        self.splits: dict[str, list[str]] | None = None
        if (self.vdir / "splits.json").is_file():
            sp = read_json(self.vdir / "splits.json", "splits table")
            if not (isinstance(sp, dict) and all(isinstance(v, list) for v in sp.values())):
                raise CvdError(f"corrupt splits table {self.vdir / 'splits.json'}: expected "
                               '{"train": [scene names], "val": [scene names]}')
            self.splits = sp
        self._map_cache: dict[str, dict[str, list[np.ndarray]]] = {}
        self._ego_path_cache: dict[str, np.ndarray] = {}

    # ------------------------------------------------------------------------------ loading
    def table(self, name: str) -> list[dict]:
        """Every record of one table (`name`.json), read from disk on each call."""
        rows = read_json(self.vdir / f"{name}.json", what=f"nuScenes table '{name}'")
        if not isinstance(rows, list) or (rows and not isinstance(rows[0], dict)):
            raise CvdError(f"corrupt nuScenes table {self.vdir / name}.json: expected a list of records")
        return rows

    def _corrupt(self, name: str, e: Exception) -> CvdError:
        what = f"a record has no field {e}" if isinstance(e, KeyError) else f"a record has a malformed value ({e})"
        return CvdError(f"corrupt nuScenes table {self.vdir / name}.json: {what}; restore the file from the dataset")

    def _index_core(self) -> None:
        """scene, sample, sensor, calibrated_sensor, log; keyframe sample_data; the ego poses they use."""
        name = "scene"
        try:
            self._scenes = [{k: r.get(k, None if k == "first_sample_token" else "")   # None: absent, "": no samples
                             for k in ("token", "name", "description", "log_token", "first_sample_token", "nbr_samples")}
                            for r in self.table("scene")]
            self._scene_key = {}
            for s in self._scenes:
                # an empty first_sample_token is a scene without samples (refused where frames are needed)
                lacking = [k for k in ("token", "name", "log_token") if not s[k]]
                if lacking or not isinstance(s["first_sample_token"], str):
                    raise KeyError(f"{' / '.join(lacking or ['first_sample_token'])} (scene {s['token'] or s['name']!r})")
                self._scene_key[s["name"]] = self._scene_key[s["token"]] = s
            name = "sample"
            # token -> (timestamp, prev, next, scene_token)
            self._samples = {r["token"]: (int(r["timestamp"]), r["prev"], r["next"], r["scene_token"])
                             for r in self.table("sample")}
            name = "log"
            self._log_location = {r["token"]: r["location"] for r in self.table("log")}
            name = "sensor"
            self._sensor_channel = {r["token"]: r["channel"] for r in self.table("sensor")}
            name = "calibrated_sensor"
            self._calib = {r["token"]: {"sensor_token": r["sensor_token"], "translation": r["translation"],
                                        "rotation": r["rotation"], "camera_intrinsic": r.get("camera_intrinsic") or []}
                           for r in self.table("calibrated_sensor")}
            name = "sample_data"
            wanted = set(CAMERAS) | {LIDAR}
            self._keyframe: dict[tuple[str, str], _KeySD] = {}
            for r in self.table("sample_data"):
                if not r.get("is_key_frame", True):
                    continue
                cal = self._calib.get(r["calibrated_sensor_token"])
                if cal is None:
                    raise CvdError(f"sample_data {r['token']} refers to calibrated_sensor "
                                   f"{r['calibrated_sensor_token']!r}, which is missing from "
                                   f"{self.vdir / 'calibrated_sensor.json'} (dangling reference)")
                ch = self._sensor_channel.get(cal["sensor_token"])
                if ch is None:
                    raise CvdError(f"calibrated_sensor {r['calibrated_sensor_token']} refers to sensor "
                                   f"{cal['sensor_token']!r}, which is missing from {self.vdir / 'sensor.json'} "
                                   "(dangling reference)")
                if ch in wanted:
                    self._keyframe[(r["sample_token"], ch)] = _KeySD(
                        r["token"], r["filename"], r["ego_pose_token"], r["calibrated_sensor_token"],
                        int(r.get("width") or 0), int(r.get("height") or 0), int(r["timestamp"]))
            name = "ego_pose"
            used = {sd.ego_pose for sd in self._keyframe.values()}
            self._ego = {r["token"]: (r["translation"], r["rotation"]) for r in self.table("ego_pose")
                         if r["token"] in used}
        except (KeyError, TypeError, ValueError) as e:
            raise self._corrupt(name, e) from None

    @cached_property
    def _anns(self) -> AnnotationTable:
        """sample_annotation (with instance -> category) as columns; parsed on first use."""
        name = "category"
        try:
            cat = {r["token"]: r["name"] for r in self.table("category")}
            name = "instance"
            inst = {}
            for r in self.table("instance"):
                if r["category_token"] not in cat:
                    raise CvdError(f"instance {r['token']} refers to category {r['category_token']!r}, which is "
                                   f"missing from {self.vdir / 'category.json'} (dangling reference)")
                inst[r["token"]] = cat[r["category_token"]]
            name = "sample_annotation"
            return AnnotationTable(self.table("sample_annotation"), {k: v[0] for k, v in self._samples.items()}, inst)
        except (KeyError, TypeError, ValueError) as e:
            raise self._corrupt(name, e) from None

    @cached_property
    def _captions(self) -> dict[str, str]:
        path = self.vdir / "caption.json"
        if not path.is_file():
            return {}
        try:
            return {r["sample_token"]: str(r["caption"]) for r in read_json(path, "caption table")}
        except (KeyError, TypeError) as e:
            raise CvdError(f"corrupt caption table {path}: records need sample_token and caption ({e})") from None

    @cached_property
    def _sweep_records(self) -> dict[str, SweepRecord]:
        """Every camera and LIDAR_TOP sample_data row, keyframe or sweep, with its chain links; and the
        ego poses of the sweeps added to the pose index. A second parse of sample_data, on first use."""
        name = "sample_data"
        wanted = set(CAMERAS) | {LIDAR}
        try:
            out = {}
            for r in self.table("sample_data"):
                cal = self._calib.get(r["calibrated_sensor_token"])
                ch = None if cal is None else self._sensor_channel.get(cal["sensor_token"])
                if ch in wanted:
                    out[r["token"]] = SweepRecord(r["token"], ch, r["filename"], r["ego_pose_token"],
                                                  r["calibrated_sensor_token"], int(r.get("width") or 0),
                                                  int(r.get("height") or 0), int(r["timestamp"]), r.get("prev") or "",
                                                  r.get("next") or "", bool(r.get("is_key_frame", True)),
                                                  r.get("sample_token") or "")
            name = "ego_pose"
            used = {sd.ego_pose for sd in out.values()} - set(self._ego)
            self._ego.update({r["token"]: (r["translation"], r["rotation"]) for r in self.table("ego_pose")
                              if r["token"] in used})
        except (KeyError, TypeError, ValueError) as e:
            raise self._corrupt(name, e) from None
        return out

    def scene_frames(self, scene: dict | str, rate: str = "keyframes") -> list[str]:
        """The scene's frames in time order at `rate` (FRAME_RATES).

        "keyframes": its samples (scene_samples). "camera": every camera frame from its first to its
        last keyframe (12 Hz on nuScenes): keyframes as their sample tokens, the frames between as the
        token of their CAM_FRONT sample_data, the other cameras matched by time (data/sweeps.py). A
        frame whose cameras are out of sync beyond `sync_tolerance_ms` is skipped, counted in
        `sync_report[scene name]` and warned about once. A sweep frame's time is its CAM_FRONT time
        moved onto the keyframes' clock (by the median CAM_FRONT-to-sample offset of the keyframes).
        """
        scene = self.scene(scene) if isinstance(scene, str) else scene
        if rate not in FRAME_RATES:
            raise CvdError(f"unknown frame rate {rate!r}; use one of {list(FRAME_RATES)}")
        keys = self.scene_samples(scene)
        if rate == "keyframes" or len(keys) < 2:
            return keys
        if scene["token"] not in self._scene_frames:
            self._scene_frames[scene["token"]] = self._index_sweeps(scene, keys)
        return list(self._scene_frames[scene["token"]])

    def _index_sweeps(self, scene: dict, keys: list[str]) -> list[str]:
        recs = self._sweep_records
        table = self.vdir / "sample_data.json"
        ref_ch, others = "CAM_FRONT", [c for c in CAMERAS if c != "CAM_FRONT"]

        def chain(ch: str) -> list[SweepRecord]:
            return walk_chain(recs, self._sd(keys[0], ch).token, self._sd(keys[-1], ch).token, table)

        def key_positions(ch: str, links: list[SweepRecord]) -> np.ndarray:
            pos = {r.token: i for i, r in enumerate(links)}
            out = []
            for k in keys:
                tok = self._sd(k, ch).token
                if tok not in pos:
                    raise CvdError(f"{table}: the {ch} chain of scene {scene['name']} skips the keyframe record {tok} "
                                   f"of sample {k}; restore the table from the dataset")
                out.append(pos[tok])
            return np.array(out, np.int64)

        ref = chain(ref_ch)
        if len(ref) == len(keys):
            warnings.warn(f"scene {scene['name']} has no camera sweeps between its keyframes in {table}: its "
                          "camera-rate frames are its keyframes", stacklevel=3)
        ref_t = np.array([r.timestamp for r in ref], np.int64)
        key_rows = key_positions(ref_ch, ref)
        chains = [chain(c) for c in others]
        groups = group_frames(ref_t, [np.array([r.timestamp for r in c], np.int64) for c in chains], key_rows,
                              np.stack([key_positions(c, ln) for c, ln in zip(others, chains)], 1), self.sync_tolerance_ms)
        key_t = np.array([self.timestamp(k) for k in keys], np.int64)
        clock = int(np.median(key_t - ref_t[key_rows]))       # CAM_FRONT time -> keyframe clock
        lidar = None
        if all((k, LIDAR) in self._keyframe for k in keys):   # LiDAR is optional at sweep frames
            lc = chain(LIDAR)
            lidar = (lc, group_frames(ref_t, [np.array([r.timestamp for r in lc], np.int64)], key_rows,
                                      key_positions(LIDAR, lc)[:, None], self.sync_tolerance_ms))
        sample_at = dict(zip(key_rows.tolist(), keys))
        frames, k = [], 0
        for i in range(len(ref)):
            if i in sample_at:
                frames.append(sample_at[i])
                k += 1
                continue
            if not groups.keep[i]:
                continue
            records = {ref_ch: ref[i]} | {c: ln[groups.index[i, j]] for j, (c, ln) in enumerate(zip(others, chains))}
            if lidar is not None and lidar[1].residual_ms[i, 0] <= self.sync_tolerance_ms:
                records[LIDAR] = lidar[0][lidar[1].index[i, 0]]
            self._frames[ref[i].token] = _SweepFrame(scene["token"], int(ref_t[i]) + clock, records, keys[k - 1], keys[k])
            frames.append(ref[i].token)
        skipped = np.flatnonzero(~groups.keep)
        report = {"frames": len(frames), "keyframes": len(keys), "skipped": [ref[i].token for i in skipped],
                  "max_spread_ms": float(groups.spread_ms[groups.keep].max()),
                  "max_residual_ms": float(groups.residual_ms[groups.keep].max()),
                  "camera_offsets_ms": dict(zip(others, groups.offset_ms.round(3).tolist()))}
        self.sync_report[scene["name"]] = report
        if len(skipped):
            i = skipped[np.argmax(groups.residual_ms[skipped].max(1))]
            c = int(np.argmax(groups.residual_ms[i]))
            warnings.warn(f"scene {scene['name']}: skipped {len(skipped)} of {len(ref)} camera frames whose cameras are "
                          f"more than {self.sync_tolerance_ms:g} ms out of sync (worst: frame {ref[i].token}, {others[c]} "
                          f"off by {groups.residual_ms[i, c]:.1f} ms); raise sync_tolerance_ms to keep them", stacklevel=3)
        return frames

    def has_camera_sweeps(self, scene: dict | str) -> bool:
        """Whether the scene has camera frames between its keyframes (CAM_FRONT's record after its first
        keyframe is a sweep), i.e. whether scene_frames(scene, "camera") gives more than the keyframes."""
        keys = self.scene_samples(scene)
        if len(keys) < 2:
            return False
        first = self._sweep_records.get(self._sd(keys[0], "CAM_FRONT").token)
        after = self._sweep_records.get(first.next) if first is not None else None
        return after is not None and not after.is_key_frame

    def is_keyframe(self, frame: str) -> bool:
        """A sample (annotated keyframe) rather than a sweep frame."""
        return frame in self._samples

    def _sweep(self, frame: str) -> _SweepFrame | None:
        """The sweep frame `frame`, or None for a sample. A CAM_FRONT sweep token not seen yet (a run
        folder or cache naming its frames) indexes its scene's camera frames first."""
        if frame in self._samples:
            return None
        if frame not in self._frames:
            rec = self._sweep_records.get(frame)
            if rec is not None and rec.channel == "CAM_FRONT" and rec.sample in self._samples:
                self.scene_frames(self.scene_of(rec.sample), "camera")
        return self._frames.get(frame)

    def preload(self) -> "NuScenesReader":
        """Parse the lazily loaded tables now (before forking DataLoader workers, so they share them)."""
        self._anns  # noqa: B018
        self._captions  # noqa: B018
        return self

    # ------------------------------------------------------------------------------- scenes
    def _sample(self, tok: str, referrer: str) -> tuple[int, str, str, str]:
        try:
            return self._samples[tok]
        except KeyError:
            raise CvdError(f"{referrer} refers to sample {tok!r}, which is missing from "
                           f"{self.vdir / 'sample.json'} (dangling reference)") from None

    @property
    def scenes(self) -> list[dict]:
        return list(self._scenes)

    def scene(self, name_or_token: str) -> dict:
        try:
            return self._scene_key[name_or_token]
        except KeyError:
            names = [s["name"] for s in self._scenes][:10]
            raise CvdError(f"unknown scene {name_or_token!r} in {self.vdir}; scenes include {names}") from None

    def scene_names(self, split: str = "all") -> list[str]:
        """Scene names of a split from splits.json ("all": every scene, in table order)."""
        names = [s["name"] for s in self._scenes]
        if split == "all":
            return names
        if self.splits is None:
            raise CvdError(f"split {split!r} requested but {self.vdir / 'splits.json'} is missing; "
                           'write {"train": [...], "val": [...]} scene-name lists there or use split "all"')
        if split not in self.splits:
            raise CvdError(f"unknown split {split!r}; {self.vdir / 'splits.json'} has {sorted(self.splits)}")
        have = set(names)
        return [n for n in self.splits[split] if n in have]

    def scene_samples(self, scene: dict | str) -> list[str]:
        """Keyframe sample tokens of a scene in time order (first_sample_token, then sample.next)."""
        scene = self.scene(scene) if isinstance(scene, str) else scene
        out, tok, seen = [], scene["first_sample_token"], set()
        while tok:
            if tok in seen:
                raise CvdError(f"scene {scene['name']}: sample.next pointers in {self.vdir / 'sample.json'} form a loop")
            seen.add(tok)
            _, _, nxt, sc = self._sample(tok, f"scene {scene['name']}" if not out else f"sample {out[-1]} (next)")
            if sc != scene["token"]:
                break  # next points into another scene: this one ends here
            out.append(tok)
            tok = nxt
        return out

    def scene_of(self, sample: str) -> dict:
        sweep = self._sweep(sample)
        sc = sweep.scene if sweep else self._sample(sample, "request")[3]
        try:
            return self._scene_key[sc]
        except KeyError:
            raise CvdError(f"sample {sample} refers to scene {sc!r}, which is missing from "
                           f"{self.vdir / 'scene.json'} (dangling reference)") from None

    def has_sample(self, sample: str) -> bool:
        return sample in self._samples

    # ------------------------------------------------------------------------------ per sample
    def timestamp(self, sample: str) -> int:
        """Frame time in microseconds (a sweep frame's on the keyframes' clock, see scene_frames)."""
        sweep = self._sweep(sample)
        return sweep.timestamp if sweep else self._sample(sample, "request")[0]

    def channels(self, sample: str) -> list[str]:
        sweep = self._sweep(sample)
        if sweep:
            return [ch for ch in (*CAMERAS, LIDAR) if ch in sweep.records]
        return [ch for ch in (*CAMERAS, LIDAR) if (sample, ch) in self._keyframe]

    def _sd(self, sample: str, channel: str) -> _KeySD | SweepRecord:
        sweep = self._sweep(sample)
        if sweep:
            if channel not in sweep.records:
                raise CvdError(f"camera frame {sample} has no {channel} record within {self.sync_tolerance_ms:g} ms "
                               f"(channels: {list(sweep.records)}); check channels(frame) first")
            return sweep.records[channel]
        try:
            return self._keyframe[(sample, channel)]
        except KeyError:
            if channel not in CAMERAS and channel != LIDAR:
                raise CvdError(f"unknown camera/sensor {channel!r}; expected one of {list(CAMERAS)} or {LIDAR}") from None
            self._sample(sample, f"request for {channel}")
            raise CvdError(f"sample {sample} has no keyframe {channel} record in "
                           f"{self.vdir / 'sample_data.json'}; the dataset is incomplete") from None

    def _ego_of(self, sd: _KeySD) -> np.ndarray:
        try:
            t, q = self._ego[sd.ego_pose]
        except KeyError:
            raise CvdError(f"sample_data {sd.token} refers to ego_pose {sd.ego_pose!r}, which is missing from "
                           f"{self.vdir / 'ego_pose.json'} (dangling reference)") from None
        return _pose(t, q, f"{self.vdir / 'ego_pose.json'}: ego_pose {sd.ego_pose}")

    def _file(self, sd: _KeySD | SweepRecord) -> Path:
        """The record's file, kept inside the dataroot (paths.inside: no absolute path, '..' or
        symlink out of it), so a shared dataset cannot make us read, and export copy, other files."""
        return inside(self.root, sd.filename, f"{self.vdir / 'sample_data.json'}: sample_data {sd.token} filename")

    def _calib_of(self, sd: _KeySD) -> dict:
        return self._calib[sd.calib]  # checked at indexing

    def ego_pose(self, sample: str, channel: str | None = None) -> np.ndarray:
        """ego_to_world [4, 4] at the keyframe of `channel` (nuScenes gives each sensor its own
        timestamp and pose); default LIDAR_TOP, the sample's reference sensor (CAM_FRONT at a sweep
        frame without a LiDAR record)."""
        if channel is None:
            if self._sweep(sample):
                channel = LIDAR if LIDAR in self.channels(sample) else "CAM_FRONT"
            else:
                channel = LIDAR if (sample, LIDAR) in self._keyframe else next(iter(self.channels(sample)), LIDAR)
        return self._ego_of(self._sd(sample, channel))

    def camera(self, sample: str, channel: str) -> Camera:
        if channel not in CAMERAS:
            raise CvdError(f"unknown camera {channel!r}; expected one of {list(CAMERAS)}")
        sd = self._sd(sample, channel)
        cs = self._calib_of(sd)
        where = f"{self.vdir / 'calibrated_sensor.json'}: calibrated_sensor {sd.calib}"
        try:
            K = np.asarray(cs["camera_intrinsic"], dtype=np.float64)
        except (TypeError, ValueError):
            K = np.zeros(0)
        if K.shape != (3, 3):
            raise CvdError(f"{where}: camera_intrinsic must be a 3x3 matrix, got {cs['camera_intrinsic']!r}")
        if not np.isfinite(K).all() or K[0, 0] <= 0 or K[1, 1] <= 0:
            raise CvdError(f"{where}: camera_intrinsic has NaN/Inf or non-positive focal lengths; fix the record")
        return Camera(channel, self._file(sd), K, _pose(cs["translation"], cs["rotation"], where),
                      sd.width, sd.height, self._ego_of(sd), sd.timestamp, sd.token)

    def lidar(self, sample: str) -> tuple[Path, np.ndarray]:
        """(LiDAR file path, lidar_to_ego [4, 4])."""
        sd = self._sd(sample, LIDAR)
        cs = self._calib_of(sd)
        return self._file(sd), _pose(cs["translation"], cs["rotation"],
                                              f"{self.vdir / 'calibrated_sensor.json'}: calibrated_sensor {sd.calib}")

    def annotations(self, sample: str) -> list[Annotation]:
        """The sample's annotations; at a sweep frame, interpolated between the keyframes around it."""
        sweep = self._sweep(sample)
        if sweep:
            return interpolate_annotations(self.annotations(sweep.before), self.timestamp(sweep.before),
                                           self.annotations(sweep.after), self.timestamp(sweep.after),
                                           sweep.timestamp, sample)
        return self._anns.of_sample(sample, self.vdir, self._attributes, self._sample)

    @cached_property
    def _attributes(self) -> dict[str, tuple[str, str]]:
        """attribute token -> (name, description); empty when the (optional) table is absent."""
        if not (self.vdir / "attribute.json").is_file():
            return {}
        try:
            return {r["token"]: (r["name"], r.get("description", "")) for r in self.table("attribute")}
        except (KeyError, TypeError) as e:
            raise self._corrupt("attribute", e) from None

    def attribute_description(self, name: str) -> str:
        """The attribute table's description of an attribute name ("" if it has none)."""
        return next((d for n, d in self._attributes.values() if n == name), "")

    def box_velocity(self, ann_token: str, max_time_diff: float = 1.5) -> np.ndarray:
        """Velocity [3] (m/s, global) of an annotation, exactly as the devkit's `box_velocity`:
        the position difference between the previous and next annotations of the same instance
        (or this one where a neighbour is missing) over their time difference; nan when the
        instance has a single annotation or the gap exceeds max_time_diff (doubled for a central
        difference)."""
        try:
            i = self._anns.row[ann_token]
        except KeyError:
            raise CvdError(f"unknown sample_annotation token {ann_token!r} "
                           f"(not in {self.vdir / 'sample_annotation.json'})") from None
        return self._anns.velocity(i, self.vdir, self._sample, max_time_diff)

    def caption(self, sample: str) -> str:
        """caption.json's caption for the sample, else the scene's description; a sweep frame takes the
        nearer keyframe's."""
        sweep = self._sweep(sample)
        if sweep:
            t = sweep.timestamp
            sample = min((sweep.before, sweep.after), key=lambda k: abs(self.timestamp(k) - t))
        if sample in self._captions:
            return self._captions[sample]
        return str(self.scene_of(sample).get("description") or "")

    # ----------------------------------------------------------------------------------- map
    def location(self, scene: dict | str) -> str:
        scene = self.scene(scene) if isinstance(scene, str) else scene
        try:
            loc = self._log_location[scene["log_token"]]
        except KeyError:
            raise CvdError(f"scene {scene['name']} refers to log {scene['log_token']!r}, which is missing from "
                           f"{self.vdir / 'log.json'} (dangling reference)") from None
        # the location names the map file (maps/expansion/<location>.json)
        return plain_name(loc, f"{self.vdir / 'log.json'}: log {scene['log_token']} location")

    def map_files(self, scene: dict | str) -> tuple[Path | None, str]:
        """The map files of a scene's location, both inside the dataroot: its map expansion
        (maps/expansion/<location>.json, None if absent) and the drivable-area raster that the map table
        gives the scene's log (a filename relative to the dataroot, "" if the table has none)."""
        scene = self.scene(scene) if isinstance(scene, str) else scene
        loc = self.location(scene)
        exp = inside(self.root, f"maps/expansion/{loc}.json", "the map expansion of the dataroot")
        raster = ""
        if (self.vdir / "map.json").is_file():
            for m in read_json(self.vdir / "map.json", "map table"):
                if scene.get("log_token") in m.get("log_tokens", []) and m.get("filename"):
                    inside(self.root, m["filename"], f"{self.vdir / 'map.json'}: map {m.get('token')} filename")
                    raster = m["filename"]
                    break
        return (exp if exp.is_file() else None), raster

    def ego_path(self, scene: dict | str) -> np.ndarray:
        """[K, 2] global x, y of the scene's keyframe ego poses (LIDAR_TOP), in time order."""
        scene = self.scene(scene) if isinstance(scene, str) else scene
        if scene["token"] not in self._ego_path_cache:
            poses = [self.ego_pose(s)[:2, 3] for s in self.scene_samples(scene)]
            self._ego_path_cache[scene["token"]] = np.stack(poses) if poses else np.zeros((0, 2))
        return self._ego_path_cache[scene["token"]]

    def map_polylines(self, scene: dict | str) -> dict[str, list[np.ndarray]]:
        """Map layers as lists of [M, 2] global x, y polylines (closed rings repeat their first
        point): lane_divider, road_divider, ped_crossing, road_edge, and the scene's ego_path.
        The whole location's map; `clips` keeps the part near a clip."""
        scene = self.scene(scene) if isinstance(scene, str) else scene
        loc = self.location(scene)
        if loc not in self._map_cache:
            self._map_cache[loc] = read_map_expansion(inside(self.root, f"maps/expansion/{loc}.json",
                                                             f"the map expansion of location {loc!r}"))
        out = dict(self._map_cache[loc])
        path = self.ego_path(scene)
        out["ego_path"] = [path] if len(path) > 1 else []
        return out


def _pose(t: Any, q: Any, where: str) -> np.ndarray:
    """(translation [3], quaternion [4] w, x, y, z) -> [4, 4], checked."""
    try:
        t = np.asarray(t, dtype=np.float64)
        q = np.asarray(q, dtype=np.float64)
    except (TypeError, ValueError):
        raise CvdError(f"{where}: translation and rotation must be lists of numbers") from None
    if t.shape != (3,) or q.shape != (4,):
        raise CvdError(f"{where}: translation must have 3 and rotation 4 numbers")
    if not (np.isfinite(t).all() and np.isfinite(q).all()):
        raise CvdError(f"{where}: NaN/Inf in translation or rotation; fix or drop this record")
    n = float(np.linalg.norm(q))
    if abs(n - 1) > 1e-3:
        raise CvdError(f"{where}: rotation quaternion is not unit length (|q| = {n:.4f}); fix this record")
    return make_pose(quat_to_rotmat(q), t)
