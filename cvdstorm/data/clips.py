"""Clips: T frames x V cameras (the rig, 6 by default) from a nuScenes-format dataroot, as tensors (docs/DATA.md).

In:  DataConfig (dataroot, version, split, frame_rate, num_frames T, num_cameras V: the first V of
     cvdstorm.CAMERAS, frame_stride, clip_hop, height, width, map_radius) or a NuScenesReader, a list
     of frames and the camera names (`load_clip`): sample tokens (keyframes) or camera-rate frames
     (`NuScenesReader.scene_frames(scene, "camera")`).
Out: `ClipDataset[i]` / `load_clip(...)` -> dict
     images        [T, V, 3, H, W] float32 in [-1, 1] (bilinear, antialiased resize)
     intrinsics    [T, V, 3, 3]    float32, scaled from the file's size to H, W
     cam_to_world  [T, V, 4, 4]    float32, world = the clip's first ego pose (x fwd, y left, z up)
     ego_to_world  [T, 4, 4]       float32 (ego_to_world[0] = identity)
     timestamps    [T]             float64 seconds from the clip's first frame
     depth         [T, V, H, W]    float32 dense depth (camera z, m) where the dataset has depth/
                                   PNGs (nearest-pixel resize: no blending across edges), else 0
     lidar_depth   [T, V, H, W]    float32 LiDAR points projected, nearest point per pixel, 0 elsewhere
     boxes         list of T dicts (numpy, clip world): center [N, 3], size [N, 3] (w, l, h),
                   yaw [N], rotation [N, 4] (w, x, y, z), cls [N] int64 (nuscenes.BOX_CLASSES),
                   instance: list of N instance tokens, velocity [N, 3] m/s (0 where unknown)
     map           {layer: list of [M, 3] float32 polylines} in clip world (z = 0 ground), only the
                   parts within map_radius of the clip's ego positions; layers = maps.MAP_LAYERS
     keyframes     [T] bool: which frames are annotated keyframes (the others' boxes are interpolated)
     captions      list of T str;  scene: scene name;  samples: list of T frames (sample tokens at keyframes)
`load_clip(..., pixels=False)`: the same without images, depth and lidar_depth (no file is read).
`frames_at_rate(reader, scene, rate)`: the scene's frames at a rate a command asked for (an error,
not the keyframes, where a camera-rate request meets a scene without camera sweeps).
`collate_clips(list of clips)` stacks the tensors to [B, ...] and keeps the ragged entries
(boxes, map, captions, scene, samples) as lists of length B.

Clips are sliding windows over each scene's frames at the configured rate: frames start, start +
stride, ... (T frames), starts every `clip_hop` frames (0: windows do not overlap). Scenes come from
splits.json when present; otherwise a fixed hash of the scene name puts ~10 % in "val".
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from torch.utils.data import Dataset

from .. import CAMERAS
from ..config import DataConfig
from ..errors import CvdError
from ..geometry import invert_pose, quat_to_rotmat, rotmat_to_quat, scale_intrinsics, transform_points
from ..images import decode_depth_png
from ..io import image_size, read_image
from ..paths import inside
from .maps import MAP_LAYERS
from .nuscenes import LIDAR, NuScenesReader

RAGGED = ("boxes", "map", "captions", "scene", "samples")
PIXEL_KEYS = ("images", "depth", "lidar_depth")   # what load_clip(pixels=False) leaves out
TENSOR_KEYS = ("images", "intrinsics", "cam_to_world", "ego_to_world", "timestamps", "depth", "lidar_depth")
LIDAR_MIN_DIST = 1.0   # m in front of the camera, as the devkit's map_pointcloud_to_image
VAL_FRACTION = 0.1     # of scenes by name hash when the dataset has no splits.json


def split_scenes(reader: NuScenesReader, split: str) -> list[str]:
    """Scene names of `split` ("train", "val", "all"): splits.json, or a stable name hash."""
    if split == "all" or reader.splits is not None:
        return reader.scene_names(split)
    if split not in ("train", "val"):
        raise CvdError(f"unknown split {split!r}; use train, val or all (or write {reader.vdir / 'splits.json'})")
    warnings.warn(f"{reader.vdir} has no splits.json; splitting scenes by name hash "
                  f"({VAL_FRACTION:.0%} val)", stacklevel=2)
    is_val = {n: int(hashlib.md5(n.encode()).hexdigest(), 16) % 1000 < VAL_FRACTION * 1000 for n in reader.scene_names()}
    return [n for n, v in is_val.items() if v == (split == "val")]


class ClipDataset(Dataset):
    """Sliding-window clips (see the module docstring). Picklable, so DataLoader workers work."""

    def __init__(self, cfg: DataConfig, reader: NuScenesReader | None = None):
        if cfg.num_frames < 1 or cfg.frame_stride < 1 or cfg.clip_hop < 0 or cfg.height < 1 or cfg.width < 1:
            raise CvdError(f"bad data config: num_frames, frame_stride, height, width must be >= 1 and clip_hop >= 0 "
                           f"(got {cfg.num_frames}, {cfg.frame_stride}, {cfg.height}, {cfg.width}, {cfg.clip_hop})")
        if not 1 <= cfg.num_cameras <= len(CAMERAS):
            raise CvdError(f"bad data config: num_cameras must be in 1..{len(CAMERAS)} (the first cameras of "
                           f"{list(CAMERAS)}), got {cfg.num_cameras}")
        self.cfg = cfg
        self.reader = (reader or NuScenesReader(cfg.dataroot, cfg.version)).preload()
        span = (cfg.num_frames - 1) * cfg.frame_stride + 1
        hop = cfg.clip_hop or span
        self.index: list[tuple[str, list[str]]] = []  # (scene name, the clip's T frames)
        names = split_scenes(self.reader, cfg.split)
        for name in names:
            samples = self.reader.scene_frames(name, cfg.frame_rate)
            for start in range(0, len(samples) - span + 1, hop):
                self.index.append((name, samples[start:start + span:cfg.frame_stride]))
        if not self.index:
            raise CvdError(f"no clips of {cfg.num_frames} frames (stride {cfg.frame_stride}, frame_rate {cfg.frame_rate}) in split {cfg.split!r} "
                           f"of {self.reader.vdir} ({len(names)} scenes); use fewer frames or another split")
        self._scene_maps: dict[str, dict[str, list[np.ndarray]]] = {}

    def __len__(self) -> int:
        return len(self.index)

    def scene_map(self, name: str) -> dict[str, list[np.ndarray]]:
        """The scene's map polylines [M, 2] (global) near its ego path; computed once per process."""
        if name not in self._scene_maps:
            self._scene_maps[name] = scene_map(self.reader, name, self.cfg.map_radius)
        return self._scene_maps[name]

    def __getitem__(self, i: int) -> dict:
        name, samples = self.index[i]
        return load_clip(self.reader, samples, self.cfg.height, self.cfg.width, self.cfg.map_radius,
                         scene_polylines=self.scene_map(name), cameras=CAMERAS[:self.cfg.num_cameras])


def frames_at_rate(reader: NuScenesReader, scene: dict | str, rate: str) -> list[str]:
    """The scene's frames at `rate` (reader.scene_frames) for a command that asked for that rate: camera
    frames of a scene without camera sweeps are one CvdError naming the fix (the reader alone warns and
    gives the keyframes, which would silently be a 2 Hz video)."""
    scene = reader.scene(scene) if isinstance(scene, str) else scene
    if rate == "camera" and not reader.has_camera_sweeps(scene):
        raise CvdError(f"scene {scene['name']} of {reader.vdir} has no camera sweeps (sample_data rows with "
                       "is_key_frame false between its keyframes), so it has no camera-rate frames; use the "
                       "keyframe rate (--frame-rate keyframes) or a dataroot with camera sweeps")
    return reader.scene_frames(scene, rate)


def scene_map(reader: NuScenesReader, scene: str, radius: float) -> dict[str, list[np.ndarray]]:
    """{layer: [M, 2] global polylines} of the scene's location, cut to within radius of its ego path."""
    path = reader.ego_path(scene)
    return {k: polylines_near(v, path, radius) for k, v in reader.map_polylines(scene).items()}


def load_clip(reader: NuScenesReader, samples: list[str], height: int, width: int, map_radius: float = 80.0,
              world: np.ndarray | None = None, scene_polylines: dict | None = None,
              cameras: Sequence[str] = CAMERAS, pixels: bool = True) -> dict:
    """One clip of the given frames (module docstring). `world`: the global pose [4, 4] that
    defines clip world (default: the ego pose of samples[0]); `scene_polylines`: a precomputed
    `scene_map` (default: computed here); `cameras`: the V views, in this order. pixels=False:
    no image, depth or LiDAR file is read and images / depth / lidar_depth are left out (the
    cameras, boxes, map and captions of a long span cost little memory; generation needs only those)."""
    r = reader
    H, W = height, width
    scene = r.scene_of(samples[0])
    world = r.ego_pose(samples[0]) if world is None else np.asarray(world, np.float64)
    to_clip = invert_pose(world)  # global -> clip world
    T, V = len(samples), len(cameras)
    if pixels:
        images = np.zeros((T, V, 3, H, W), np.float32)
        depth = np.zeros((T, V, H, W), np.float32)
        lidar = np.zeros((T, V, H, W), np.float32)
    Ks = np.zeros((T, V, 3, 3))
    c2w = np.zeros((T, V, 4, 4))
    e2w = np.zeros((T, 4, 4))
    for t, s in enumerate(samples):
        e2w[t] = to_clip @ r.ego_pose(s)
        pts_w = None  # a camera frame between keyframes may have no LiDAR sweep: its lidar_depth stays 0
        if pixels and LIDAR in r.channels(s):
            lidar_path, lidar_to_ego = r.lidar(s)
            pts = read_points(lidar_path)                                # [P, 5] LiDAR frame
            pts_w = transform_points(to_clip @ r.ego_pose(s, LIDAR) @ lidar_to_ego, pts[:, :3].astype(np.float64))
        for v, cam_name in enumerate(cameras):
            cam = r.camera(s, cam_name)
            # the table's size (what the intrinsics are for), else the file's
            w0, h0 = (cam.width, cam.height) if cam.width and cam.height else \
                image_size(cam.filename, what=f"{cam_name} image")
            Ks[t, v] = scale_intrinsics(cam.K, W / w0, H / h0)
            # each camera has its own timestamp and so its own ego pose
            c2w[t, v] = to_clip @ cam.ego_to_world @ cam.cam_to_ego
            if not pixels:
                continue
            if not cam.filename.is_file():  # name the record: a sweep's file is easily left behind in a copy
                raise CvdError(f"missing {cam_name} image: {cam.filename} does not exist (sample_data {cam.token}, "
                               f"frame {s}); restore it from the dataset (sweeps/ holds the frames between keyframes)")
            wf, hf = image_size(cam.filename, what=f"{cam_name} image")   # header only: checked before decoding
            if (hf, wf) != (h0, w0):
                # the intrinsics are for the table's size: resizing this file would silently misalign it
                raise CvdError(f"{cam.filename} is {wf}x{hf} but sample_data says {w0}x{h0} "
                               f"(the size its intrinsics are for); replace the file with the original image")
            img = read_image(cam.filename, what=f"{cam_name} image")
            if img.ndim != 3 or img.shape[2] != 3:
                raise CvdError(f"{cam.filename}: expected an RGB image, got shape {img.shape}; re-export it as RGB")
            images[t, v] = resize_image(img, W, H).transpose(2, 0, 1) / 127.5 - 1
            dpath = inside(r.root, f"depth/{cam_name}/{cam.filename.name.rsplit('.', 1)[0]}.png",
                           f"the depth map of sample_data {cam.token}")
            if dpath.is_file():
                d = read_image(dpath, what=f"{cam_name} depth map")
                if d.ndim != 2:
                    raise CvdError(f"{dpath}: depth maps must be single-channel uint16 PNGs (metres * 256)")
                depth[t, v] = resize_nearest(decode_depth_png(d), W, H)
            if pts_w is not None:
                lidar[t, v] = lidar_depth_map(pts_w, invert_pose(c2w[t, v]), Ks[t, v], H, W)
    polylines = scene_polylines if scene_polylines is not None else scene_map(r, scene["name"], map_radius)
    ego_xy = transform_points(world, e2w[:, :3, 3])[:, :2]  # the clip's ego positions, global
    t0 = r.timestamp(samples[0])
    out = {
        "images": images if pixels else None,
        "intrinsics": torch.from_numpy(Ks).float(),
        "cam_to_world": torch.from_numpy(c2w).float(),
        "ego_to_world": torch.from_numpy(e2w).float(),
        "timestamps": torch.tensor([(r.timestamp(s) - t0) * 1e-6 for s in samples], dtype=torch.float64),
        "depth": depth if pixels else None,
        "lidar_depth": lidar if pixels else None,
        "boxes": [clip_boxes(r, s, to_clip) for s in samples],
        "map": clip_map(polylines, ego_xy, to_clip, map_radius),
        "keyframes": torch.tensor([r.is_keyframe(s) for s in samples]),
        "captions": [r.caption(s) for s in samples],
        "scene": scene["name"],
        "samples": list(samples),
    }
    return {k: (torch.from_numpy(v) if k in PIXEL_KEYS else v) for k, v in out.items() if pixels or k not in PIXEL_KEYS}


def clip_boxes(reader: NuScenesReader, sample: str, to_clip: np.ndarray) -> dict:
    """The sample's annotations of modelled classes in clip world (see the module docstring)."""
    anns = [a for a in reader.annotations(sample) if a.cls >= 0]
    n = len(anns)
    if not n:
        z3 = np.zeros((0, 3), np.float32)
        return {"center": z3, "size": z3.copy(), "yaw": np.zeros(0, np.float32), "rotation": np.zeros((0, 4), np.float32),
                "cls": np.zeros(0, np.int64), "instance": [], "velocity": z3.copy()}
    R = to_clip[:3, :3] @ quat_to_rotmat(np.stack([a.rotation for a in anns]))  # [N, 3, 3] box -> clip
    vel = np.nan_to_num(np.stack([a.velocity for a in anns]), nan=0.0) @ to_clip[:3, :3].T
    return {"center": transform_points(to_clip, np.stack([a.center for a in anns])).astype(np.float32),
            "size": np.stack([a.size for a in anns]).astype(np.float32),
            "yaw": np.arctan2(R[:, 1, 0], R[:, 0, 0]).astype(np.float32),
            "rotation": rotmat_to_quat(R).astype(np.float32),
            "cls": np.array([a.cls for a in anns], np.int64),
            "instance": [a.instance for a in anns],
            "velocity": vel.astype(np.float32)}


def clip_map(polylines: dict[str, list[np.ndarray]], ego_xy: np.ndarray, to_clip: np.ndarray,
             radius: float) -> dict[str, list[np.ndarray]]:
    """Global [M, 2] polylines -> the parts within radius of ego_xy [K, 2], as [M, 3] in clip world."""
    out = {}
    for layer in MAP_LAYERS:
        keep = polylines_near(polylines.get(layer, []), ego_xy, radius)
        out[layer] = [transform_points(to_clip, np.concatenate([p, np.zeros((len(p), 1))], 1)).astype(np.float32)
                      for p in keep]
    return out


def polylines_near(polylines: list[np.ndarray], points: np.ndarray, radius: float) -> list[np.ndarray]:
    """The runs of consecutive segments of polylines [M, 2] passing within radius of any of points [K, 2].

    Vectorised over all segments at once (a real nuScenes map has ~10^5): a bounding-box test, then
    the exact point-to-segment distance for the candidates. A long ring (a city's drivable area) is
    cut to the pieces near the path, so far-away geometry costs nothing downstream.
    """
    polylines = [np.asarray(p, np.float64)[:, :2] for p in polylines if len(p) > 1]
    if not polylines or len(points) == 0:
        return []
    q = np.asarray(points, np.float64)[:, :2]
    lens = np.array([len(p) for p in polylines])
    pts = np.concatenate(polylines)                       # [P, 2]
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    line_of = np.repeat(np.arange(len(polylines)), lens - 1)
    seg = np.arange(len(pts) - 1)
    seg = seg[~np.isin(seg, starts[1:] - 1)]              # drop the joins between polylines
    a, b = pts[seg], pts[seg + 1]                         # [S, 2]
    lo, hi = q.min(0) - radius, q.max(0) + radius
    cand = np.flatnonzero((np.maximum(a, b) >= lo).all(1) & (np.minimum(a, b) <= hi).all(1))
    near = np.zeros(len(seg), bool)
    for c in np.array_split(cand, max(1, len(cand) * len(q) // 2_000_000 + 1)):  # bounded memory
        if not len(c):
            continue
        ab = (b[c] - a[c])[:, None]                       # [C, 1, 2]
        aq = q[None] - a[c][:, None]                      # [C, K, 2]
        t = np.clip((aq * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-12), 0, 1)
        d2 = ((aq - t[..., None] * ab) ** 2).sum(-1)      # [C, K]
        near[c] = (d2 < radius * radius).any(1)
    out = []
    for li in np.unique(line_of[near]):
        m = near[line_of == li]                           # the polyline's segments, in order
        s0 = starts[li]
        edges = np.flatnonzero(np.diff(np.concatenate([[0], m.astype(np.int8), [0]])))
        for r0, r1 in zip(edges[::2], edges[1::2]):       # runs [r0, r1) of near segments
            out.append(pts[s0 + r0:s0 + r1 + 1])
    return out


def read_points(path: Path) -> np.ndarray:
    """nuScenes .pcd.bin: float32, 5 values per point (x, y, z, intensity, ring) -> [P, 5]."""
    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing LiDAR file {path}; re-copy the samples/LIDAR_TOP folder")
    raw = np.fromfile(path, dtype=np.float32)
    if raw.size % 5:
        raise CvdError(f"corrupt LiDAR file {path}: {raw.size} floats is not a multiple of 5 (truncated?)")
    pts = raw.reshape(-1, 5)
    return pts[np.isfinite(pts[:, :3]).all(1)]


def lidar_depth_map(points_world: np.ndarray, world_to_cam: np.ndarray, K: np.ndarray, H: int, W: int,
                    min_dist: float = LIDAR_MIN_DIST) -> np.ndarray:
    """Project points [P, 3] into one camera -> [H, W] float32: the nearest point's z per pixel, 0 where none.

    The pixel is the one containing the projection (pixel (i, j) covers [j, j+1) x [i, i+1)).
    """
    pc = transform_points(world_to_cam, points_world)
    pc = pc[pc[:, 2] > min_dist]
    uv = pc[:, :2] / pc[:, 2:] @ K[:2, :2].T + K[:2, 2]
    u, v = np.floor(uv[:, 0]), np.floor(uv[:, 1])
    ok = (u >= 0) & (u < W) & (v >= 0) & (v < H)
    pix = (v[ok] * W + u[ok]).astype(np.int64)
    z = pc[ok, 2]
    order = np.lexsort((z, pix))                          # by pixel, nearest first within a pixel
    pix, z = pix[order], z[order]
    first = np.ones(len(pix), bool)
    first[1:] = pix[1:] != pix[:-1]
    out = np.zeros(H * W, np.float32)
    out[pix[first]] = z[first]
    return out.reshape(H, W)


def resize_image(img: np.ndarray, W: int, H: int) -> np.ndarray:
    """uint8 [h, w, 3] -> float32 [H, W, 3] in 0..255 (PIL bilinear, antialiased when shrinking)."""
    if img.shape[:2] == (H, W):
        return img.astype(np.float32)
    from PIL import Image

    return np.asarray(Image.fromarray(img).resize((W, H), Image.BILINEAR), np.float32)


def resize_nearest(d: np.ndarray, W: int, H: int) -> np.ndarray:
    """Depth must not be blended across object edges: take the source pixel under each target centre."""
    h0, w0 = d.shape
    if (h0, w0) == (H, W):
        return d
    rows = np.minimum(((np.arange(H) + 0.5) * h0 / H).astype(np.int64), h0 - 1)
    cols = np.minimum(((np.arange(W) + 0.5) * w0 / W).astype(np.int64), w0 - 1)
    return d[rows][:, cols]


def collate_clips(clips: list[dict]) -> dict:
    """Stack the tensor entries to [B, ...]; keep the ragged ones (RAGGED) as lists of length B."""
    if not clips:
        raise CvdError("collate_clips needs at least one clip")
    return {k: [c[k] for c in clips] if k in RAGGED or not torch.is_tensor(clips[0][k])
            else torch.stack([c[k] for c in clips]) for k in clips[0]}


_DEVICE_KEYS = ("images", "intrinsics", "cam_to_world", "timestamps", "depth", "lidar_depth")


def to_device(clip: dict, device: torch.device) -> dict:
    """Move the tensor entries the model uses; float64 timestamps stay float64 (exact dt)."""
    return {k: (v.to(device, non_blocking=True) if k in _DEVICE_KEYS else v) for k, v in clip.items()}
