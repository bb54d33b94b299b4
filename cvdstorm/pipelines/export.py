"""`cvdstorm export`: generation runs -> one nuScenes-format dataroot (generated data as a training set).

In:  one or more `generate` output folders (pipelines/run.py: frames, depth, scene record, settings)
     whose source dataroot (scene.json `dataroot`) is still readable: it supplies the sensor
     calibration, the LiDAR files and the map.
Out: DATAROOT/<version>/ with the nuScenes tables (written by data/tables.py, as for `synth`: scene,
     sample, sample_data, calibrated_sensor, sensor, ego_pose, sample_annotation, instance, category,
     attribute, visibility, log, map), our
     caption.json (the captions the run was generated with, edits applied) and splits.json (every
     exported scene in "train"), and the sidecar table generation.json: one row per exported scene
     {token, scene_token, run, source_dataroot, source_scene, source_samples (the run's frames),
     frame_rate, keyframes [F] (which exported frames are samples), reference_frames,
     settings (run.yaml's generate + resolved), edits, checkpoint_files}.
     Files: samples/CAM_*/<stem>.jpg (the generated frames, JPEG quality 95, 4:4:4 chroma; sweeps/CAM_*/
     for frames between keyframes), depth/CAM_*/<stem>.png (GS-decoder depth, uint16 metres * 256,
     0 = unknown, docs/DATA.md), samples/LIDAR_TOP/<file> (the source scene's LiDAR, copied
     unchanged), maps/ (the source map files).

Mapping, per run k (scene name `gen<k>-<source scene>`; tokens are md5 hashes of the run's content
and the source tokens, so the same runs give the same bytes):
  - cameras: calibrated_sensor keeps the source's camera-to-ego; camera_intrinsic is the run's
    intrinsics (scaled to the generated image size); each camera sample_data gets its own ego pose
    so that ego pose x calibration equals the run's cam_to_world exactly (as nuScenes does per sensor).
  - sample_annotation: the run's boxes (after control edits: a moved box is where it was moved to,
    removed boxes are absent, added ones appear as new instances "added-j") in the global frame,
    linked prev/next per instance; category from the box class (nuscenes.BOX_CLASSES -> a nuScenes
    category name), attribute and visibility copied from the source annotation of the same instance
    and sample where there is one. num_lidar_pts counts the copied sweep's points inside the box.
    The LiDAR is the source's: it shows the scene as recorded, not the edits.
  - the first `references` frames of window 0 are VAE reconstructions of real frames (the run's
    reference frames); generation.json lists them.
  - camera-rate runs (12 Hz, scene.json `frame_rate: camera`): the run's keyframes are samples as
    above; the frames between are sweeps as nuScenes writes them: camera sample_data rows with
    is_key_frame false (LiDAR too where the source frame has a LiDAR sweep), chained prev/next per
    channel, each with its own ego_pose row, pointing at the next sample, and no annotations or
    captions (readers interpolate boxes and take the nearer keyframe's caption). A nuScenes scene
    begins and ends with a sample, so a run's first and last frames become samples even when they
    were sweeps, annotated with the run's (interpolated) boxes; generation.json's `keyframes` says
    which frames are samples. nuscenes-devkit loads the result; NuScenesReader reads it back at both
    rates (frames, times and camera poses those of the run).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from .. import CAMERAS
from ..data.clips import read_points
from ..data.annotations import BOX_CLASSES
from ..data.nuscenes import LIDAR, NuScenesReader
from ..data.tables import SENSORS, TableWriter, quat, token
from ..errors import CvdError, require
from ..geometry import invert_pose, quat_to_rotmat, transform_points
from ..images import encode_depth_png
from ..io import OutputFolder, write_image
from ..paths import inside, plain_name
from .run import GenerationRun

# BOX_CLASSES -> a nuScenes category name that maps back to the same class (nuscenes.box_class)
CATEGORY_OF_CLASS = {
    "car": "vehicle.car", "truck": "vehicle.truck", "bus": "vehicle.bus.rigid", "trailer": "vehicle.trailer",
    "construction_vehicle": "vehicle.construction", "pedestrian": "human.pedestrian.adult",
    "motorcycle": "vehicle.motorcycle", "bicycle": "vehicle.bicycle",
    "traffic_cone": "movable_object.trafficcone", "barrier": "movable_object.barrier",
}


def _load_run(run: Path) -> dict:
    """A run folder through pipelines/run.py, with depth and the scene record keys the tables need."""
    loaded = GenerationRun.load(run, need=("depth",))
    need = ("dataroot", "version", "scene", "samples", "timestamps", "intrinsics", "cam_to_world", "ego_to_world",
            "world_to_global", "boxes", "captions")
    lacking = [k for k in need if k not in loaded.scene]
    require(not lacking, f"export: {run}/scene.json lacks {lacking}; regenerate the run with this version")
    scene_bytes, settings_bytes = loaded.record_bytes()   # the tokens' seed: the run's records as stored
    return {"scene": loaded.scene, "settings": loaded.settings, "rgb": loaded.rgb, "depth": loaded.depth,
            "frame_rate": loaded.frame_rate, "keyframes": loaded.keyframes,
            "key": token(scene_bytes.hex(), settings_bytes.hex())[:12]}


def _points_in_boxes(pts: np.ndarray, centers: np.ndarray, sizes: np.ndarray, rots: np.ndarray) -> np.ndarray:
    """Count of points [P, 3] inside each box (centre [N, 3], size w l h [N, 3], rotation [N, 3, 3])."""
    if not len(centers) or not len(pts):
        return np.zeros(len(centers), np.int64)
    local = np.einsum("nji,npj->npi", rots, pts[None] - centers[:, None])               # [N, P, 3] box frame
    half = np.stack([sizes[:, 1], sizes[:, 0], sizes[:, 2]], -1)[:, None] / 2           # x: length, y: width
    return (np.abs(local) <= half).all(-1).sum(-1)


def export_dataset(runs: list[str | Path], out: str | Path, version: str = "v1.0-synth",
                   overwrite: bool = False, jpeg_quality: int = 95) -> Path:
    """Write the nuScenes-format dataroot of the given runs (module docstring); returns `out`."""
    require(len(runs) > 0, "export: give at least one run folder (--runs RUN [RUN ...])")
    require(bool(version) and "/" not in version and not version.startswith("."),
            f"export: --version must be a plain folder name, got {version!r}")
    with OutputFolder(out) as writer:  # one writer per folder; the checks run under its lock
        writer.check(overwrite, lambda d: any(p.is_dir() and (p / "generation.json").is_file() for p in d.iterdir()),
                     "an exported dataroot (no <version>/generation.json)")
        return _export(runs, writer, version, jpeg_quality)


def _export(runs: list[str | Path], writer: OutputFolder, version: str, jpeg_quality: int) -> Path:
    paths = [Path(r) for r in runs]
    loaded = [_load_run(p) for p in paths]
    keys = [r["key"] for r in loaded]
    require(len(set(keys)) == len(keys), "export: the same run is given twice")

    tmp = writer.temp()
    tables = TableWriter(extra=("caption", "generation"))
    readers: dict[tuple[str, str], NuScenesReader] = {}
    for k, (path, run) in enumerate(zip(paths, loaded)):
        src = run["scene"]
        plain_name(src["version"], f"{path}/scene.json: version")   # a folder name inside the source dataroot
        rk = (src["dataroot"], src["version"])
        if rk not in readers:
            if not (Path(src["dataroot"]) / src["version"]).is_dir():
                raise CvdError(f"export: the source dataroot of {path} ({src['dataroot']}/{src['version']}) is "
                               f"missing; it supplies calibration, LiDAR and map, so restore it first")
            readers[rk] = NuScenesReader(src["dataroot"], src["version"]).preload()
        _export_run(k, path, run, readers[rk], tmp, tables, jpeg_quality)
    tables.write(tmp / version)
    return writer.publish()


def _export_run(k: int, path: Path, run: dict, reader: NuScenesReader, root: Path, tables: TableWriter,
                jpeg_quality: int) -> None:
    """One run as one scene of the export: its log and map, calibration, samples, sensor files, annotations."""
    src, key = run["scene"], run["key"]
    src_scene = _check_run(path, run, reader)
    samples_src = list(src["samples"])
    F = run["depth"].shape[0]
    loc = reader.location(src_scene)
    log_tok = tables.log(token(key, "log"), f"cvdstorm-generate:{path.resolve()}", "generated", loc)
    if not tables.has_map(loc):   # the source's map files, copied once per location
        tables.map(loc, _copy_maps(reader, src_scene, root))
    # calibration: the source's sensor-to-ego, the run's intrinsics
    Ks = np.asarray(src["intrinsics"], np.float64)                                      # [F, V, 3, 3]
    cam_to_ego = {ch: reader.camera(samples_src[0], ch).cam_to_ego for ch in CAMERAS}
    cs_tok = {ch: tables.calibrated_sensor(token(key, "calibrated_sensor", ch), ch, cam_to_ego[ch], Ks[0, v])
              for v, ch in enumerate(CAMERAS)}
    has_lidar = [LIDAR in reader.channels(s) for s in samples_src]   # a camera frame may have no LiDAR sweep
    if any(has_lidar):
        cs_tok[LIDAR] = tables.calibrated_sensor(token(key, "calibrated_sensor", LIDAR), LIDAR,
                                                 reader.lidar(samples_src[has_lidar.index(True)])[1])
    # the run's keyframes become samples; a nuScenes scene begins and ends with one, so the run's first and
    # last frames are samples too (annotated with the run's interpolated boxes when they were sweeps)
    is_key = list(run["keyframes"])
    is_key[0] = is_key[-1] = True
    key_frames = [f for f in range(F) if is_key[f]]
    samples = [token(key, "sample", f) for f in key_frames]
    stamps = [reader.timestamp(s) for s in samples_src]
    scene_tok = token(key, "scene")
    tables.samples(samples, [stamps[f] for f in key_frames], scene_tok)
    # the sample a frame belongs to: its own, or for a sweep the next keyframe's (as in nuScenes)
    sample_index = np.searchsorted(key_frames, np.arange(F))                           # [F] position among samples
    frame = _FrameWriter(k, path, run, reader, root, tables, jpeg_quality, cam_to_ego, cs_tok, has_lidar)
    for f in range(F):
        sample = samples[sample_index[f]]
        if is_key[f]:
            tables.add("caption", {"token": token(key, "caption", f), "sample_token": sample,
                                   "caption": src["captions"][f]})
        frame.files(f, stamps[f], sample, is_key[f])
        if is_key[f]:   # boxes are annotated at samples only (as in nuScenes)
            frame.annotations(f, int(sample_index[f]), sample)
    _scene_rows(path, run, src_scene, tables, f"gen{k:03d}-{src_scene['name']}", scene_tok, log_tok, samples, is_key)


def _check_run(path: Path, run: dict, reader: NuScenesReader) -> dict:
    """The run's scene record against its arrays and the source dataroot; -> the source scene."""
    src = run["scene"]
    F, V = run["depth"].shape[:2]
    shapes = [np.shape(src[k]) for k in ("cam_to_world", "ego_to_world", "intrinsics")]
    require(shapes == [(F, V, 4, 4), (F, 4, 4), (F, V, 3, 3)] and len(src["boxes"]) == F and len(src["captions"]) == F,
            f"export: {path}/scene.json does not match rgb.npy ({F} frames of {V} cameras)")
    require(len(run["keyframes"]) == F, f"export: {path}/scene.json has {len(run['keyframes'])} keyframe flags "
            f"for {F} frames; regenerate the run")
    for s, is_key in zip(src["samples"], run["keyframes"]):
        if is_key:
            require(reader.has_sample(s), f"export: sample {s} of {path} is not in the source dataroot "
                    f"{src['dataroot']}; was the source regenerated?")
    src_scene = reader.scene(src["scene_token"] if "scene_token" in src else src["scene"])
    if not all(run["keyframes"]):
        camera_frames = set(reader.scene_frames(src_scene, "camera"))
        for s in src["samples"]:
            require(s in camera_frames, f"export: camera frame {s} of {path} is not a camera frame of scene "
                    f"{src_scene['name']} in the source dataroot {src['dataroot']}; was the source regenerated?")
    return src_scene


def _copy_maps(reader: NuScenesReader, scene: dict, root: Path) -> str:
    """Copy the source's map expansion and the scene log's raster into the export; -> the raster's filename."""
    exp, raster = reader.map_files(scene)
    if exp is not None:
        (root / "maps" / "expansion").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(exp, root / "maps" / "expansion" / exp.name)
    if not (raster and inside(reader.root, raster, "the map raster").is_file()):
        return ""
    # the same relative name is read in the source and written in the export: both inside
    target = inside(root, raster, "the map raster")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(reader.root / raster, target)
    return raster


class _FrameWriter:
    """Writes one run frame's sensor files and sample_data rows, and a sample's annotations."""

    def __init__(self, k, path, run, reader, root, tables, jpeg_quality, cam_to_ego, cs_tok, has_lidar):
        self.k, self.path, self.run, self.reader, self.root, self.tables = k, path, run, reader, root, tables
        self.jpeg_quality, self.cam_to_ego, self.cs_tok, self.has_lidar = jpeg_quality, cam_to_ego, cs_tok, has_lidar
        src = run["scene"]
        self.samples_src = list(src["samples"])
        self.w2g = np.asarray(src["world_to_global"], np.float64)
        self.c2w = np.asarray(src["cam_to_world"], np.float64)                          # [F, V, 4, 4] run world
        self.e2w = np.asarray(src["ego_to_world"], np.float64)                          # [F, 4, 4]

    def files(self, f: int, ts: int, sample: str, is_key: bool) -> None:
        """The frame's camera images + depth PNGs (the run's) and LiDAR sweep (the source's), with poses."""
        key, rgb, depth = self.run["key"], self.run["rgb"], self.run["depth"]
        H, W = depth.shape[2:]
        base = f"n000-gen-{key}-{self.k:03d}"
        folder = "samples" if is_key else "sweeps"   # nuScenes' folders for keyframe and sweep files
        ego_g = self.w2g @ self.e2w[f]
        for v, ch in enumerate(SENSORS):
            if ch == LIDAR:
                if not self.has_lidar[f]:
                    continue
                lidar_file, _ = self.reader.lidar(self.samples_src[f])
                fn = f"{folder}/{LIDAR}/{base}__{LIDAR}__{ts}{''.join(lidar_file.suffixes)}"
                (self.root / fn).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(lidar_file, self.root / fn)
                pose = ego_g
                fmt, h, w = "pcd", 0, 0
            else:
                fn = f"{folder}/{ch}/{base}__{ch}__{ts}.jpg"
                write_image(self.root / fn, np.ascontiguousarray(rgb[f, v]), quality=self.jpeg_quality, subsampling=0)
                write_image(self.root / "depth" / ch / f"{Path(fn).stem}.png", encode_depth_png(depth[f, v]))
                pose = self.w2g @ self.c2w[f, v] @ invert_pose(self.cam_to_ego[ch])     # this camera's ego pose
                fmt, h, w = "jpg", H, W
            ep_tok = self.tables.ego_pose(token(key, "ego_pose", f, ch), ts, quat(pose[:3, :3]), pose[:3, 3])
            self.tables.sample_data(token(key, "sample_data", f, ch), sample, ep_tok, self.cs_tok[ch], ts, fn, fmt,
                                    h, w, is_key_frame=is_key)

    def annotations(self, f: int, index: int, sample: str) -> None:
        """The run's boxes at frame f (run world -> global), with the source's visibility and attributes of the
        same instance and LiDAR points counted in the source's sweep."""
        key, tables = self.run["key"], self.tables
        b = self.run["scene"]["boxes"][f]
        n = len(b["instance"])
        if not n:
            return
        ego_g = self.w2g @ self.e2w[f]
        centers = transform_points(self.w2g, np.asarray(b["center"], np.float64).reshape(n, 3))
        R = self.w2g[:3, :3] @ quat_to_rotmat(np.asarray(b["rotation"], np.float64).reshape(n, 4))
        sizes = np.asarray(b["size"], np.float64).reshape(n, 3)
        n_pts = np.zeros(n, np.int64)   # no LiDAR sweep at this frame: no points counted
        if self.has_lidar[f]:
            lidar_file, l2e = self.reader.lidar(self.samples_src[f])
            pts = transform_points(ego_g @ l2e, read_points(lidar_file)[:, :3].astype(np.float64))
            n_pts = _points_in_boxes(pts, centers, sizes, R)
        src_ann = {a.instance: a for a in self.reader.annotations(self.samples_src[f])}
        for i, inst in enumerate(b["instance"]):
            cls = int(b["cls"][i])
            require(0 <= cls < len(BOX_CLASSES), f"export: {self.path}/scene.json frame {f}: box class {cls} is unknown")
            cat = CATEGORY_OF_CLASS[BOX_CLASSES[cls]]
            cat_tok = tables.category(cat, f"{cat} (exported by cvdstorm)")
            vis, attrs = "", []
            if inst in src_ann:   # the source annotation of this instance and sample
                vis = src_ann[inst].visibility
                attrs = [tables.attribute(a, self.reader.attribute_description(a)) for a in src_ann[inst].attributes]
            # one instance per source instance, also over keyframes where the box is missing
            inst_tok = token(key, "instance", inst)
            tables.annotation(inst_tok, index, token(key, "sample_annotation", f, inst), sample,
                              inst_tok, cat_tok, vis, attrs, centers[i], sizes[i], quat(R[i]), n_pts[i])


def _scene_rows(path: Path, run: dict, src_scene: dict, tables: TableWriter, name: str, scene_tok: str, log_tok: str,
                samples: list[str], is_key: list[bool]) -> None:
    """The scene row and the sidecar generation row (what made this scene, from which source)."""
    src, key = run["scene"], run["key"]
    s = run["settings"]
    refs = int(src.get("references", 0))
    tables.scene(scene_tok, log_tok, name, samples,
                 f"generated by cvdstorm from {src_scene['name']} (run {path.name}, seed "
                 f"{(s.get('generate') or {}).get('seed')}, {refs} reference frames); "
                 f"{src_scene.get('description', '')}")
    tables.add("generation", {"token": token(key, "generation"), "scene_token": scene_tok, "scene": name,
                              "run": str(path.resolve()), "source_dataroot": src["dataroot"],
                              "source_version": src["version"], "source_scene": src_scene["name"],
                              "source_samples": list(src["samples"]), "frame_rate": run["frame_rate"], "keyframes": is_key,
                              "reference_frames": list(range(refs)),
                              "settings": {"generate": s.get("generate"), "resolved": s.get("resolved"),
                                           "cvdstorm": s.get("cvdstorm")},
                              "edits": s.get("edits") or {}, "checkpoint_files": s.get("checkpoint_files") or {}})
