"""Stage 1 training: STORM-VAE on clips (`cvdstorm train-vae`).

In:  a StormVAEConfig (model sizes, data, optimiser, loss weights) and a run folder.
Out: RUN/ with checkpoints (safetensors + config.yaml + optimiser + step + data position), log.jsonl
     and log.csv; returns the last logged row.

The loop itself (AdamW, warm-up + cosine, clipping, EMA, bf16 on CUDA, NaN skipping, resume,
progress bar) is `cvdstorm.train.loop.Trainer`; this module only supplies the model, the data and
the per-step loss (`cvdstorm.models.losses.storm_vae_loss`). The ablation without the
reconstruction task's effect on the latents is the same run with `gs_grad_to_vae=False`.
"""

from __future__ import annotations

from pathlib import Path

import torch

from ..config import StormVAEConfig
from ..data.clips import ClipDataset, collate_clips
from ..eval.perceptual import get_perceptual
from ..models.losses import storm_vae_loss
from ..models.storm_vae import StormVAE, build_storm_vae
from .checkpoint import init_from
from .loop import Trainer

_TENSOR_KEYS = ("images", "intrinsics", "cam_to_world", "timestamps", "depth", "lidar_depth")


def to_device(clip: dict, device: torch.device) -> dict:
    """Move the tensor entries the model uses; float64 timestamps stay float64 (exact dt)."""
    return {k: (v.to(device, non_blocking=True) if k in _TENSOR_KEYS else v) for k, v in clip.items()}


def make_trainer(cfg: StormVAEConfig, run_dir: str | Path, device: str | torch.device = "cpu",
                 dataset=None) -> Trainer:
    device = torch.device(device)
    torch.manual_seed(cfg.train.seed)  # same init for a run and its ablation
    model: StormVAE = build_storm_vae(cfg).to(device)
    if cfg.init_from:
        init_from(model, cfg.init_from)
    if cfg.freeze_encoder:
        model.vae.ae.encoder.requires_grad_(False)
    perceptual = get_perceptual(cfg.perceptual_net, device) if cfg.perceptual_weight > 0 else None
    dataset = dataset if dataset is not None else ClipDataset(cfg.data)

    def step_fn(batch, generator):
        return storm_vae_loss(model, to_device(batch, device), cfg, generator, perceptual)

    return Trainer(model=model, step_fn=step_fn, dataset=dataset, train_cfg=cfg.train, run_config=cfg,
                   run_dir=Path(run_dir), collate_fn=collate_clips, desc="train-vae")


def train_vae(cfg: StormVAEConfig, run_dir: str | Path, resume: bool = False,
              device: str | torch.device = "cpu") -> dict[str, float]:
    """Train (or, with resume, continue) a STORM-VAE run in run_dir; returns the last logged metrics."""
    if resume and (Path(run_dir) / "config.yaml").is_file():
        cfg = StormVAEConfig.load(Path(run_dir) / "config.yaml")  # the run's own config wins on resume
    return make_trainer(cfg, run_dir, device).fit(resume=resume)


def load_storm_vae(checkpoint: str | Path, device: str | torch.device = "cpu",
                   ema: bool = False) -> tuple[StormVAE, StormVAEConfig]:
    """A trained STORM-VAE from a run folder (newest step) or a step folder; eval mode."""
    from .checkpoint import load_weights, resolve_checkpoint

    step_dir = resolve_checkpoint(checkpoint)
    cfg = StormVAEConfig.load(step_dir / "config.yaml")
    cfg.vae.pretrained = ""  # the checkpoint holds the weights
    model = build_storm_vae(cfg)
    weights = step_dir / ("ema.safetensors" if ema and (step_dir / "ema.safetensors").is_file() else "model.safetensors")
    load_weights(model, weights)
    return model.to(device).eval(), cfg
