"""Clips: T keyframes x 6 cameras from a nuScenes-format dataroot, as tensors (docs/DATA.md).

In:  DataConfig (dataroot, version, split, frames per clip, stride, image size).
Out: `ClipDataset[i]` -> dict
     images [T, V, 3, H, W] float in [-1, 1]      intrinsics [T, V, 3, 3] (scaled to H, W)
     cam_to_world [T, V, 4, 4]                    ego_to_world [T, 4, 4]   (world = first ego pose)
     timestamps [T] float64 s from frame 0        depth [T, V, H, W] (dense, 0 = unknown)
     lidar_depth [T, V, H, W] (nearest LiDAR point per pixel, 0 elsewhere)
     boxes: list of T dicts {center [N, 3], size [N, 3] (w, l, h), yaw [N], cls [N], instance [N],
            velocity [N, 3]} in clip world; map: {layer: list of [M, 3] polylines} in clip world;
     captions: list of T str; scene: name; samples: list of T sample tokens.
`collate_clips` batches a list of clips (tensors stacked, the ragged parts kept as lists).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset

from .. import CAMERAS
from ..config import DataConfig
from ..errors import CvdError
from ..geometry import invert_pose, project, scale_intrinsics, transform_points
from ..io import read_image
from .nuscenes import NuScenesReader

RAGGED = ("boxes", "map", "captions", "scene", "samples")


class ClipDataset(Dataset):
    def __init__(self, cfg: DataConfig, reader: NuScenesReader | None = None):
        self.cfg = cfg
        self.reader = reader or NuScenesReader(cfg.dataroot, cfg.version)
        r = self.reader
        names = r.scene_names(cfg.split) if (cfg.split != "all" and r.splits is not None) else r.scene_names("all")
        span = (cfg.num_frames - 1) * cfg.frame_stride + 1
        hop = cfg.clip_hop or span
        self.index: list[tuple[str, list[str]]] = []  # (scene name, sample tokens of the clip)
        for name in names:
            samples = r.scene_samples(r.scene(name))
            for start in range(0, len(samples) - span + 1, hop):
                self.index.append((name, samples[start:start + span:cfg.frame_stride]))

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, i: int) -> dict:
        cfg, r = self.cfg, self.reader
        name, samples = self.index[i]
        H, W = cfg.height, cfg.width
        world = r.ego_pose(samples[0])
        to_clip = invert_pose(world)
        T, V = len(samples), len(CAMERAS)
        images = np.zeros((T, V, 3, H, W), np.float32)
        depth = np.zeros((T, V, H, W), np.float32)
        lidar = np.zeros((T, V, H, W), np.float32)
        Ks = np.zeros((T, V, 3, 3))
        c2w = np.zeros((T, V, 4, 4))
        e2w = np.zeros((T, 4, 4))
        for t, s in enumerate(samples):
            e2w[t] = to_clip @ r.ego_pose(s)
            lidar_path, lidar_to_ego = r.lidar(s)
            pts = _read_points(lidar_path)
            lidar_world = to_clip @ r.ego_pose(s, "LIDAR_TOP") @ lidar_to_ego
            pts_w = transform_points(lidar_world, pts[:, :3])
            for v, cam_name in enumerate(CAMERAS):
                cam = r.camera(s, cam_name)
                img = read_image(cam.filename, what=f"{cam_name} image")
                h0, w0 = img.shape[:2]
                if img.ndim != 3 or img.shape[2] != 3:
                    raise CvdError(f"{cam.filename}: expected an RGB image, got shape {img.shape}")
                images[t, v] = _resize(img, W, H).transpose(2, 0, 1) / 127.5 - 1
                Ks[t, v] = scale_intrinsics(cam.K, W / w0, H / h0)
                c2w[t, v] = to_clip @ r.ego_pose(s, cam_name) @ cam.cam_to_ego
                dpath = r.root / "depth" / cam_name / (Path(cam.filename).stem + ".png")
                if dpath.is_file():
                    d = read_image(dpath, what="depth map").astype(np.float32) / 256.0
                    depth[t, v] = _resize_nearest(d, W, H)
                lidar[t, v] = lidar_depth_map(pts_w, invert_pose(c2w[t, v]), Ks[t, v], H, W)
        boxes = [self._boxes(s, to_clip) for s in samples]
        ego_xy = e2w[:, :2, 3]
        return {
            "images": torch.from_numpy(images), "intrinsics": torch.from_numpy(Ks).float(),
            "cam_to_world": torch.from_numpy(c2w).float(), "ego_to_world": torch.from_numpy(e2w).float(),
            "timestamps": torch.tensor([(r.timestamp(s) - r.timestamp(samples[0])) * 1e-6 for s in samples],
                                       dtype=torch.float64),
            "depth": torch.from_numpy(depth), "lidar_depth": torch.from_numpy(lidar),
            "boxes": boxes, "map": self._map(name, to_clip, ego_xy),
            "captions": [r.caption(s) for s in samples], "scene": name, "samples": list(samples),
        }

    def _boxes(self, sample: str, to_clip: np.ndarray) -> dict:
        anns = [a for a in self.reader.annotations(sample) if a.cls >= 0]
        yaw0 = float(np.arctan2(to_clip[1, 0], to_clip[0, 0]))
        if not anns:
            z = np.zeros((0, 3), np.float32)
            return {"center": z, "size": z, "yaw": np.zeros(0, np.float32), "cls": np.zeros(0, np.int64),
                    "instance": [], "velocity": z}
        c = transform_points(to_clip, np.stack([a.center for a in anns])).astype(np.float32)
        vel = np.nan_to_num(np.stack([a.velocity for a in anns])) @ to_clip[:3, :3].T
        return {"center": c, "size": np.stack([a.size for a in anns]).astype(np.float32),
                "yaw": np.array([a.yaw + yaw0 for a in anns], np.float32),
                "cls": np.array([a.cls for a in anns], np.int64), "instance": [a.instance for a in anns],
                "velocity": vel.astype(np.float32)}

    def _map(self, name: str, to_clip: np.ndarray, ego_xy: np.ndarray) -> dict[str, list[np.ndarray]]:
        out = {}
        for layer, lines in self.reader.map_polylines(self.reader.scene(name)).items():
            keep = []
            for pl in lines:
                p = transform_points(to_clip, np.concatenate([pl, np.zeros((len(pl), 1))], 1))
                if np.min(np.linalg.norm(p[:, None, :2] - ego_xy[None], axis=-1)) < self.cfg.map_radius or \
                        _segments_near(p[:, :2], ego_xy, self.cfg.map_radius):
                    keep.append(p.astype(np.float32))
            out[layer] = keep
        return out


def _segments_near(p: np.ndarray, q: np.ndarray, radius: float) -> bool:
    """Whether any segment of polyline p [M, 2] passes within radius of any point of q [K, 2]."""
    a, b = p[:-1, None], p[1:, None]
    ab = b - a
    tt = np.clip(((q[None] - a) * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-12), 0, 1)
    return bool((np.linalg.norm(a + tt[..., None] * ab - q[None], axis=-1) < radius).any())


def _read_points(path: Path) -> np.ndarray:
    """nuScenes .pcd.bin: float32, 5 values per point (x, y, z, intensity, ring)."""
    if not path.is_file():
        raise CvdError(f"missing LiDAR file {path}")
    raw = np.fromfile(path, dtype=np.float32)
    if raw.size % 5:
        raise CvdError(f"corrupt LiDAR file {path}: {raw.size} floats is not a multiple of 5 (truncated?)")
    return raw.reshape(-1, 5)


def lidar_depth_map(points_world: np.ndarray, world_to_cam: np.ndarray, K: np.ndarray, H: int, W: int,
                    near: float = 0.5) -> np.ndarray:
    """Project world points into a camera; each pixel keeps the nearest point's z (0 where none)."""
    pc = transform_points(world_to_cam, points_world)
    front = pc[:, 2] > near
    uv, z = project(pc[front], K)
    u, v = np.floor(uv[:, 0]).astype(np.int64), np.floor(uv[:, 1]).astype(np.int64)
    ok = (u >= 0) & (u < W) & (v >= 0) & (v < H)
    u, v, z = u[ok], v[ok], z[ok]
    order = np.argsort(-z)  # far first, so the nearest point is written last and wins
    out = np.zeros((H, W), np.float32)
    out[v[order], u[order]] = z[order]
    return out


def _resize(img: np.ndarray, W: int, H: int) -> np.ndarray:
    if img.shape[:2] == (H, W):
        return img.astype(np.float32)
    from PIL import Image

    return np.asarray(Image.fromarray(img).resize((W, H), Image.BILINEAR, reducing_gap=None), np.float32)


def _resize_nearest(d: np.ndarray, W: int, H: int) -> np.ndarray:
    """Depth must not be blended across object edges: sample the source pixel under each centre."""
    h0, w0 = d.shape
    if (h0, w0) == (H, W):
        return d
    rows = np.minimum(((np.arange(H) + 0.5) * h0 / H).astype(np.int64), h0 - 1)
    cols = np.minimum(((np.arange(W) + 0.5) * w0 / W).astype(np.int64), w0 - 1)
    return d[rows][:, cols]


def collate_clips(clips: list[dict]) -> dict:
    """Stack the tensor entries to [B, ...]; keep the ragged ones as lists of length B."""
    out = {}
    for k in clips[0]:
        out[k] = [c[k] for c in clips] if k in RAGGED else torch.stack([c[k] for c in clips])
    return out
