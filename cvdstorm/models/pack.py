"""`cvdstorm pack`: a trained DiT and its STORM-VAE bundled into one checkpoint folder for `generate`.

In:  a train-dit run (or step folder) and optionally the STORM-VAE run (default: the one its config names).
Out: OUT/dit and OUT/vae, each model.safetensors (EMA weights when the run kept them, floating-point tensors
     stored as float16 and loaded back as float32), config.yaml, state.json (step, source) and the training
     logs; the layout `CVDStormPipeline.from_pretrained` reads (`checkpoint_dirs`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import torch

from ..config import DiTTrainConfig, StormVAEConfig
from ..errors import CvdError
from ..io import OutputFolder, save_tensors, write_json
from .loading import load_checkpoint_state, load_dit, read_tensors, resolve_checkpoint, weights_file


def pack_checkpoint(dit_run: str | Path, out: str | Path, vae_run: str | Path | None = None,
                    dtype: torch.dtype = torch.float16, overwrite: bool = False, vae_data: dict | None = None) -> Path:
    """Bundle a trained DiT (EMA weights when present) and its STORM-VAE into out/{dit,vae}/ for
    `generate`, floating-point weights stored as `dtype` (loaded back as float32), with the configs
    and training logs that produced them.

    vae_data: `data.*` keys set in the packed VAE config, e.g. the 12 Hz clip layout
    {"data.frame_rate": "camera", "data.num_frames": 19, "data.context_frames": [0, 6, 12, 18]} for a VAE
    trained on keyframes that a camera-rate DiT decodes through (generation reads its context frames
    from there). Only the clip layout: keys that shape the model would no longer match the weights."""
    bad = sorted(k for k in (vae_data or {}) if not k.startswith("data."))
    if bad:
        raise CvdError(f"pack: only data.* keys of the VAE config can be set (its clip layout), not {bad}")
    with OutputFolder(out) as writer:
        writer.check(overwrite)
        return _pack(dit_run, writer, vae_run, dtype, vae_data or {})


def _pack(dit_run: str | Path, writer: OutputFolder, vae_run: str | Path | None, dtype: torch.dtype,
          vae_data: dict) -> Path:
    dit_dir = resolve_checkpoint(dit_run)
    _, dit_cfg = load_dit(dit_dir)                   # validates the folder
    vae_dir = resolve_checkpoint(vae_run or dit_cfg.vae_checkpoint)
    tmp = writer.temp()
    for name, step_dir in (("dit", dit_dir), ("vae", vae_dir)):
        src = weights_file(step_dir)  # EMA weights when the run kept them
        tensors = {k: (v.to(dtype) if v.is_floating_point() else v).contiguous() for k, v in read_tensors(src).items()}
        (tmp / name).mkdir(parents=True)
        save_tensors(tensors, tmp / name / "model.safetensors",
                     metadata={"source": str(src), "dtype": str(dtype).replace("torch.", "")})
        shutil.copy(step_dir / "config.yaml", tmp / name / "config.yaml")
        state = load_checkpoint_state(step_dir)
        write_json(tmp / name / "state.json", {"step": state["step"], "source": str(src)})
        for log in ("log.csv", "log.jsonl"):  # a run's logs beside its step folders; a pack's inside them
            src_log = next((d / log for d in (step_dir.parent, step_dir) if (d / log).is_file()), None)
            if src_log is not None:
                shutil.copy(src_log, tmp / name / log)
    if vae_data:
        StormVAEConfig.load(tmp / "vae" / "config.yaml").with_overrides(vae_data).save(tmp / "vae" / "config.yaml")
    cfg = DiTTrainConfig.load(tmp / "dit" / "config.yaml")
    cfg.vae_checkpoint = "../vae"        # informational: load_generator reads the sibling folder
    cfg.save(tmp / "dit" / "config.yaml")
    return writer.publish()
