"""FID and FVD of generation runs vs the real frames of the same samples, from cached features.

In:  evaluated runs grouped by reference count, {k: [(job, result)]} (job["run"]: a RUN folder;
     result: its `evaluate_run` dict, whose per_frame rows flag the reference frames), and a feature
     network: Inception (eval/fid.py, per image) or I3D (eval/fvd.py, per camera video).
Out: `frechet_by_reference(groups, features)` -> {k: Frechet (distance, generated items, optional
     bootstrap interval)} for the counts with at least 2 items on each side, where `features` is `fid_features` (Inception
     features [n * V, 2048] of the n generated frames, generated and real) or `fvd_features` (I3D
     features [V, D] of the run's per-camera videos: the frames after its reference frames, of which
     I3D reads the first 16 consecutive ones, the usual FVD-16 protocol, at the run's frame rate).

Features are cached so that re-aggregating costs no network pass:
  RUN/fid_features.npy         float32 [F, V, 2048] of the run's frames (NaN: not computed yet)
  OUT/fid_real/<key>.npy       the same of the real frames, shared by every run of the same samples
                               and size (key: sha1 of dataroot, version, samples, H, W)
  RUN/fvd_features.npz         one array per network, protocol and side (`<I3DFeatures.cache_key>_afterK_gen|_real`:
                               the key hashes the network file's sha256, the resize and the clip length)
A corrupt cache is recomputed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..images import to_float_images, to_uint8
from ..io import atomic_path
from ..pipelines.run import GenerationRun
from .results import RunEvaluation
from .run_frames import load_run, real_frames

FID_FEATURES, FVD_FEATURES = "fid_features.npy", "fvd_features.npz"
FVD_BOOTSTRAP = 200   # resamples for an FVD interval: well under a second at a few dozen videos


@dataclass
class Frechet:
    """A Fréchet distance over `items` generated items, with its bootstrap interval (NaN when not computed)."""

    distance: float
    items: int
    low: float = float("nan")     # 5th percentile of the bootstrap distances
    high: float = float("nan")    # 95th percentile


def bootstrap_frechet(gen: np.ndarray, real: np.ndarray, rounds: int = 200, seed: int = 0) -> tuple[float, float]:
    """90 % percentile interval of the Fréchet distance of gen [n, D] vs real [m, D] over `rounds` resamples
    with replacement. When n == m the rows are taken as pairs (generated item i was made for real item i,
    as FVD's per-camera videos are) and resampled together, which keeps the scene mix of both sides equal.
    At small n the distance itself is biased upwards (like FID); the interval shows its spread, not the bias."""
    from .frechet import FeatureStats

    rng = np.random.default_rng(seed)
    n, m = len(gen), len(real)
    out = []
    for _ in range(rounds):
        i = rng.integers(0, n, n)
        j = i if n == m else rng.integers(0, m, m)
        out.append(FeatureStats().update(gen[i]).frechet(FeatureStats().update(real[j])))
    return float(np.percentile(out, 5)), float(np.percentile(out, 95))


def frechet_by_reference(groups: dict[int, list[tuple[dict, RunEvaluation]]],
                         features: Callable[[GenerationRun, RunEvaluation], tuple[np.ndarray, np.ndarray] | None],
                         bootstrap: int = 0) -> dict[int, Frechet]:
    """{k: Frechet} per reference count for the counts with at least 2 items on each side, pooling every
    run's `features(run, result)` -> (generated [n, D], real [n, D]), or None for a run with nothing to add;
    with `bootstrap` > 0 rounds, its 90 % bootstrap interval too."""
    from .frechet import FeatureStats

    out = {}
    for k in sorted(groups):
        pairs = [p for p in (features(load_run(job["run"]), res) for job, res in groups[k]) if p is not None]
        gen = np.concatenate([p[0] for p in pairs]) if pairs else np.zeros((0, 1))
        real = np.concatenate([p[1] for p in pairs]) if pairs else np.zeros((0, 1))
        if len(gen) >= 2 and len(real) >= 2:
            res = Frechet(FeatureStats().update(gen).frechet(FeatureStats().update(real)), len(gen))
            if bootstrap:
                res.low, res.high = bootstrap_frechet(gen, real, bootstrap)
            out[k] = res
    return out


def fid_features(run: GenerationRun, res: RunEvaluation, out: Path, extractor) -> tuple[np.ndarray, np.ndarray] | None:
    """Inception features [n * V, 2048] of the run's n generated frames and of the real frames of the
    same samples (cached in RUN and OUT/fid_real/); None when every frame is a reference."""
    H, W = run.rgb.shape[2:4]
    mask = np.array([not row["reference"] for row in res.per_frame])
    if not mask.any():
        return None
    g = _frame_features(run.folder / FID_FEATURES, lambda: run.rgb, run.rgb.shape[:2], mask, extractor)
    # real features are shared by every run of the same samples (0/1/3 references)
    root = res.settings.get("dataroot")
    key = hashlib.sha1(json.dumps([str(root), run.scene.get("version"), run.scene["samples"],
                                   H, W]).encode()).hexdigest()[:16]
    r = _frame_features(out / "fid_real" / f"{key}.npy",
                        lambda: to_uint8(real_frames(run.scene, H, W, root)["images"]),
                        run.rgb.shape[:2], mask, extractor)
    return g[mask].reshape(-1, g.shape[-1]), r[mask].reshape(-1, r.shape[-1])


def fvd_features(run: GenerationRun, dataroot: str | None, extractor, real: dict | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """I3D features [V, D] of the run's per-camera videos after its reference frames and of the real
    ones (`real`: the run's `real_frames` when the caller has them, else read from `dataroot`, None: the
    run's own), cached in RUN per network and protocol."""
    H, W = run.rgb.shape[2:4]
    k = run.references if run.references < run.frames else 0   # a run of references only: all of them
    key = f"{extractor.cache_key}_after{k}"
    path = run.folder / FVD_FEATURES
    gv = to_float_images(run.rgb[k:]).transpose(0, 1)                              # [V, F - k, 3, H, W]
    g = _video_features(path, gv, extractor, key + "_gen")
    real = real if real is not None else real_frames(run.scene, H, W, dataroot)
    rv = to_float_images(to_uint8(real["images"][k:])).transpose(0, 1)
    return g, _video_features(path, rv, extractor, key + "_real")


def fvd_frames(settings: dict) -> str:
    """Which frames FVD reads, for the protocol line, from a run evaluation's `settings`."""
    F, k = int(settings["frames"]), int(settings["references"])
    k = k if k < F else 0
    fps = settings.get("fps")
    return (f"after the {k} reference frame{'s' if k != 1 else ''} ({F - k} frames"
            f" at {settings.get('frame_rate', 'keyframes')} rate" + (f", {float(fps):g} fps)" if fps else ")"))


def _frame_features(path: Path, images_fn, shape: tuple[int, int], frames: np.ndarray, extractor) -> np.ndarray:
    """Inception features [F, V, 2048] float32 of the wanted frames (bool [F]), cached in `path`.

    Frames not yet computed are NaN in the cache; only missing wanted frames are computed, from
    `images_fn()` -> uint8 [F, V, H, W, 3] (called only when something is missing)."""
    F, V = shape
    f = _read_cache(path, lambda fh: np.load(fh, allow_pickle=False))
    if f is None or f.shape != (F, V, 2048):
        f = np.full((F, V, 2048), np.nan, np.float32)
    missing = frames & np.isnan(f).any((1, 2))
    if missing.any():
        imgs = images_fn()[missing]                                                  # [n, V, H, W, 3]
        f[missing] = extractor(imgs.reshape(-1, *imgs.shape[2:])).astype(np.float32).reshape(len(imgs), V, -1)
        _write_cache(path, lambda fh: np.save(fh, f))
    return f


def _video_features(path: Path, videos, extractor, key: str) -> np.ndarray:
    """I3D features of videos [V, F, 3, H, W] under `key` in the archive `path` (other keys kept)."""
    cached = _read_cache(path, lambda fh: dict(np.load(fh, allow_pickle=False))) or {}
    if key not in cached:
        cached[key] = extractor(videos).astype(np.float32)
        _write_cache(path, lambda fh: np.savez(fh, **cached))
    return cached[key]


def _read_cache(path: Path, read):
    """`read(open file)`, or None when the cache is absent or unreadable (then it is recomputed)."""
    if not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            return read(fh)
    except (OSError, ValueError, EOFError):
        return None


def _write_cache(path: Path, write) -> None:
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        write(fh)
