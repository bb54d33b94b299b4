"""Latent cache for stage 2: every training clip encoded once by the frozen STORM-VAE.

In:  a DataConfig, a STORM-VAE (frozen), the control names, a cache root.
Out: CACHE/<key>/clip_NNNNN.safetensors, one per clip of `ClipDataset(data)`, holding
     latents       [T, V, C, h, w] float32  normalised posterior means (z = (mu - shift) * scale)
     ctrl_<name>   [T, V, 3, H, W] uint8    control images (data/conditions.py), x255
     intrinsics    [T, V, 3, 3]  cam_to_world [T, V, 4, 4]  timestamps [T] float64
     and in the metadata: captions (JSON list of T str), scene, samples (JSON).
     CACHE/<key>/meta.json names what the key was computed from.

The key hashes the VAE weights and every data setting that changes the content, so a cache is
never reused for another VAE or resolution. Posterior means (not samples) make the cache a pure
function of its key; the DiT sees the same latents the generation pipeline decodes. Building is
resumable: clips already on disk are skipped, and each file is written atomically.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file
from torch.utils.data import Dataset
from tqdm.auto import tqdm

from .. import CAMERAS
from ..config import DataConfig
from ..data.clips import ClipDataset
from ..data.conditions import clip_controls
from ..errors import CvdError
from ..io import atomic_path, file_digest, save_tensors, write_json

CACHE_VERSION = 1
# Data fields that change cached content (context_frames / num_targets only matter to stage 1).
_KEY_FIELDS = ("dataroot", "version", "split", "num_frames", "frame_stride", "clip_hop", "height", "width",
               "map_radius")


def cache_key(data: DataConfig, vae_weights: Path, control_names: tuple[str, ...]) -> tuple[str, dict]:
    """(16-hex key, the dict it hashes)."""
    # num_cameras and frame_rate join the key only away from their defaults (a partial rig, camera-rate
    # frames), so caches of full-rig keyframe clips keep their keys
    rig = {} if data.num_cameras == len(CAMERAS) else {"num_cameras": data.num_cameras}
    rig |= {} if data.frame_rate == "keyframes" else {"frame_rate": data.frame_rate}
    src = {"cache_version": CACHE_VERSION, "vae_weights_sha256": file_digest(vae_weights),
           "controls": list(control_names),
           "data": {k: getattr(data, k) for k in _KEY_FIELDS} | {"dataroot": str(Path(data.dataroot).resolve())} | rig}
    return hashlib.sha256(json.dumps(src, sort_keys=True).encode()).hexdigest()[:16], src


@torch.no_grad()
def build_latent_cache(data: DataConfig, storm_vae, vae_weights: Path, control_names: tuple[str, ...],
                       cache_root: str | Path, progress: bool = True) -> Path:
    """Encode every clip of `data` (skipping those already cached); returns the cache folder."""
    key, src = cache_key(data, Path(vae_weights), tuple(control_names))
    folder = Path(cache_root) / key
    clips = ClipDataset(data)
    folder.mkdir(parents=True, exist_ok=True)
    write_json(folder / "meta.json", {**src, "clips": len(clips)})
    device = next(storm_vae.parameters()).device
    todo = [i for i in range(len(clips)) if not (folder / f"clip_{i:05d}.safetensors").is_file()]
    for i in tqdm(todo, desc="latent cache", disable=not progress or not todo, dynamic_ncols=True):
        clip = clips[i]
        mean, _ = storm_vae.encode(clip["images"].to(device))                     # [T, V, C, h, w]
        tensors = {"latents": mean.float().cpu().contiguous(),
                   "intrinsics": clip["intrinsics"], "cam_to_world": clip["cam_to_world"],
                   "timestamps": clip["timestamps"]}
        for name, img in clip_controls(clip, tuple(control_names)).items():
            tensors[f"ctrl_{name}"] = (img * 255).round().to(torch.uint8)
        meta = {"captions": json.dumps(clip["captions"]), "scene": clip["scene"], "samples": json.dumps(clip["samples"])}
        with atomic_path(folder / f"clip_{i:05d}.safetensors") as tmp:
            save_tensors(tensors, tmp, metadata=meta)
    return folder


class LatentClips(Dataset):
    """Cached clips as dicts: latents, controls {name: float [T, V, 3, H, W] in [0, 1]}, intrinsics,
    cam_to_world, timestamps, captions (list of T str), scene."""

    def __init__(self, folder: str | Path, control_names: tuple[str, ...]):
        self.folder = Path(folder)
        meta_file = self.folder / "meta.json"
        if not meta_file.is_file():
            raise CvdError(f"{self.folder} is not a latent cache (no meta.json); build it with `cvdstorm train-dit`")
        n = json.loads(meta_file.read_text())["clips"]
        self.files = [self.folder / f"clip_{i:05d}.safetensors" for i in range(n)]
        missing = [f.name for f in self.files if not f.is_file()]
        if missing:
            raise CvdError(f"latent cache {self.folder} is incomplete ({len(missing)} of {n} clips missing, e.g. "
                           f"{missing[0]}); rerun train-dit to finish building it")
        self.control_names = tuple(control_names)

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, i: int) -> dict:
        from safetensors import safe_open

        f = self.files[i]
        try:
            t = load_file(str(f))
            with safe_open(str(f), "pt") as fh:
                meta = fh.metadata()
        except (SafetensorError, OSError) as e:
            raise CvdError(f"corrupt latent cache file {f} ({e}); delete it and rerun train-dit to re-encode") from None
        return {"latents": t["latents"], "intrinsics": t["intrinsics"], "cam_to_world": t["cam_to_world"],
                "timestamps": t["timestamps"],
                "controls": {n: t[f"ctrl_{n}"].float() / 255 for n in self.control_names},
                "captions": json.loads(meta["captions"]), "scene": meta["scene"]}


def collate_latent_clips(items: list[dict]) -> dict:
    out = {k: torch.stack([it[k] for it in items]) for k in ("latents", "intrinsics", "cam_to_world", "timestamps")}
    out["controls"] = {n: torch.stack([it["controls"][n] for it in items]) for n in items[0]["controls"]}
    out["captions"] = [it["captions"] for it in items]
    out["scene"] = [it["scene"] for it in items]
    return out
