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
from ..data.clips import ClipDataset, collate_clips, to_device
from ..models.losses import storm_vae_loss
from ..models.perceptual import get_perceptual
from ..models.storm_vae import StormVAE, build_storm_vae
from .checkpoint import init_from
from .loop import Trainer, fit_run

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
    return fit_run(make_trainer, cfg, run_dir, resume, device)

