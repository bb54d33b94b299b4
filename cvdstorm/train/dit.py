"""Stage 2 training: the cross-view video DiT on latents of a frozen STORM-VAE (`cvdstorm train-dit`).

In:  a DiTTrainConfig (DiT sizes, data, optimiser, `vae_checkpoint` = a stage-1 run) and a run folder.
Out: RUN/ with checkpoints (safetensors + config.yaml + optimiser + EMA + step + data position),
     log.jsonl / log.csv (flow loss, mean t), exactly as train-vae: both use `train.loop.Trainer`.

Per step: a cached clip (latents [B, T, V, C, h, w], controls, poses, captions; train/latents.py)
-> DiTConditions (models.conditioning.make_conditions) -> the first k frames clean references
(k drawn from `reference_frames`), on a `view_references` share of clips also 1..V-1 whole cameras
given clean (camera completion, which the cross-view blocks must learn), each condition dropped with
p = cond_drop_prob -> rectified-flow loss on the rest (models.flow.flow_loss).
"""

from __future__ import annotations

from pathlib import Path

import torch

from ..config import DiTTrainConfig
from ..errors import require
from ..models.conditioning import make_conditions
from ..models.dit import CVDDiT, build_dit, velocity_fn
from ..models.flow import flow_loss, reference_mask, view_reference_mask
from ..models.loading import check_compatible, load_storm_vae, resolve_checkpoint
from ..models.text import load_text_encoder
from .checkpoint import init_from
from .latents import LatentClips, build_latent_cache, collate_latent_clips
from .loop import Trainer, fit_run


def prepare_cache(cfg: DiTTrainConfig, device: str | torch.device = "cpu") -> Path:
    """Build (or reuse) the latent cache of cfg.data with the frozen STORM-VAE; returns its folder."""
    require(bool(cfg.vae_checkpoint), "train-dit needs a stage-1 STORM-VAE: pass --vae RUN (a train-vae run folder)")
    step_dir = resolve_checkpoint(cfg.vae_checkpoint)
    vae, vae_cfg = load_storm_vae(step_dir, device)
    check_compatible(cfg, vae_cfg)
    return build_latent_cache(cfg.data, vae.requires_grad_(False), step_dir / "model.safetensors",
                              tuple(cfg.dit.control_names), cfg.cache_dir)


def make_trainer(cfg: DiTTrainConfig, run_dir: str | Path, device: str | torch.device = "cpu",
                 dataset=None) -> Trainer:
    device = torch.device(device)
    torch.manual_seed(cfg.train.seed)
    model: CVDDiT = build_dit(cfg.dit).to(device)
    if cfg.init_from:
        init_from(model, cfg.init_from)
    encoder = load_text_encoder(cfg.dit)
    if dataset is None:
        dataset = LatentClips(prepare_cache(cfg, device), tuple(cfg.dit.control_names))
    ds = cfg.dit.vae_downsample
    image_hw = (cfg.data.height, cfg.data.width)

    def step_fn(batch, generator):
        x0 = batch["latents"].to(device)                                               # [B, T, V, C, h, w]
        B, T = x0.shape[:2]
        cond = make_conditions(batch["captions"], batch["intrinsics"], batch["cam_to_world"], batch["timestamps"],
                               batch["controls"], encoder, ds, image_hw).to(device)
        seed = int(torch.randint(2**62, (1,), generator=generator, device=generator.device))
        g = torch.Generator().manual_seed(seed)
        ref = reference_mask(B, T, tuple(cfg.reference_frames), g)                     # [B, T]
        logs = {"references": ref.sum(1).float().mean()}
        if cfg.view_references > 0:   # camera completion clips: whole cameras given clean
            views = view_reference_mask(B, T, x0.shape[2], cfg.view_references, g)     # [B, T, V]
            ref = ref[..., None] | views
            logs["given_cameras"] = views[:, 0].sum(1).float().mean()
        drop = model.sample_dropout(B, generator=generator)
        out = flow_loss(velocity_fn(model, cond), x0, cfg.dit.flow, ref_mask=ref.to(device), drop=drop,
                        generator=generator)
        return out.loss, {"t": out.t.mean(), **logs}

    return Trainer(model=model, step_fn=step_fn, dataset=dataset, train_cfg=cfg.train, run_config=cfg,
                   run_dir=Path(run_dir), collate_fn=collate_latent_clips, desc="train-dit")


def train_dit(cfg: DiTTrainConfig, run_dir: str | Path, resume: bool = False,
              device: str | torch.device = "cpu") -> dict[str, float]:
    """Train (or, with resume, continue) a DiT run in run_dir; returns the last logged metrics."""
    return fit_run(make_trainer, cfg, run_dir, resume, device)

