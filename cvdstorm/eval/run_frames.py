"""A generation run and the real clip of its samples, as evaluation reads them.

In:  a RUN folder (pipelines/run.py) / its scene record and the size to read at.
Out: `load_run(RUN)` -> the GenerationRun with frames and depth in memory, checked for what evaluation
     needs; `real_frames(scene, H, W)` -> the real clip of the same samples (data.clips.load_clip) plus
     `semantic` [F, V, H, W] ground-truth class masks (None where the dataset has none).
Used by the per-run metrics (generation.py) and the FID / FVD features (generation_features.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from .. import CAMERAS
from ..errors import CvdError
from ..pipelines.run import GenerationRun


def load_run(run_dir: str | Path) -> GenerationRun:
    """A RUN folder (pipelines/run.py), checked for what evaluation needs, frames and depth in memory."""
    run = GenerationRun.load(run_dir)
    for key in ("samples", "dataroot"):
        if key not in run.scene:
            raise CvdError(f"{run.folder / 'scene.json'} has no {key!r}; regenerate the run with `cvdstorm generate`")
    if not 0 <= run.references <= run.frames:
        raise CvdError(f"{run.folder / 'scene.json'}: references = {run.references} is outside 0..{run.frames}")
    run.rgb = np.array(run.rgb)
    run.depth = None if run.depth is None else np.array(run.depth, np.float32)
    return run


def real_frames(meta: dict, height: int, width: int, dataroot: str | Path | None = None) -> dict:
    """The real clip of the run's samples at H x W (`data.clips.load_clip`) plus `semantic`
    [F, V, H, W] int64 ground-truth class masks, or None where the dataset has no semantic/."""
    from ..data.clips import load_clip
    from ..data.nuscenes import NuScenesReader
    from ..io import read_image
    from .segmentation import resize_labels, semantic_path

    root = Path(dataroot or meta["dataroot"])
    if not root.is_dir():
        raise CvdError(f"dataroot {root} of the run does not exist; pass --dataroot to point at the data")
    reader = NuScenesReader(root, meta.get("version", "v1.0-synth"))
    clip = load_clip(reader, list(meta["samples"]), height, width)
    sem = np.zeros((len(meta["samples"]), len(CAMERAS), height, width), np.int64)
    for t, s in enumerate(meta["samples"]):
        for v, cam in enumerate(CAMERAS):
            p = semantic_path(reader.root, reader.camera(s, cam).filename, cam)
            if not p.is_file():
                clip["semantic"] = None
                return clip
            sem[t, v] = resize_labels(read_image(p, "semantic mask"), height, width)
    clip["semantic"] = torch.from_numpy(sem)
    return clip
