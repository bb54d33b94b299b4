"""Paper-size presets on the meta device: parameter counts against SD3.5, and GPU memory per rank.

Nothing is allocated or run: both `paper` models are built on the meta device.

Parameters: the STORM-VAE's VAE (SD3.5 VAE: 83.82M) and GS decoder; the video DiT, its SD3.5-Medium
part (2.47B, the size of SD3.5-Medium's transformer, 0.23B of it the position-embedding table) and
the new temporal / cross-view / control / text-projection parts.

Memory per GPU for one clip per GPU (6 views x 19 frames at 256x448 -> 16x28 latents, 2x2 patches:
12,768 tokens), AdamW, bf16 autocast:
- model states (analytic): fp32 weights 4 B + fp32 grads 4 B + AdamW m, v 8 B = 16 B per parameter;
  DDP keeps all on every GPU; FSDP (fully_shard per block) divides them by N and adds the bf16
  all-gathered copies of the two largest blocks in flight (the current block and the prefetched one).
- activations (traced, not guessed): the bytes autograd saves for backward in one forward, summed by
  a saved-tensor hook on the meta device (fused-attention path, weights excluded), halved for bf16
  autocast. With activation checkpointing on every block only each block's inputs are kept plus
  one block's internals during its recomputation: layers x (image + caption tokens) x width x 2 B +
  saved / layers. Activations do not shrink with FSDP (each GPU runs its own clip).
Not counted: the CUDA context and allocator fragmentation (~1-3 GiB), the frozen VAE / text encoders
(latents and text embeddings are cached by train-dit), the temporary logits of attention (fused).

    python benchmarks/memory.py [--gpus 1 8 32]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from cvdstorm.config import DiTConfig, StormVAEConfig  # noqa: E402
from cvdstorm.models.dit import CVDDiT  # noqa: E402
from cvdstorm.models.storm_vae import build_storm_vae  # noqa: E402
from cvdstorm.train.distributed import model_blocks  # noqa: E402

GiB = 2**30


def param_counts() -> dict[str, int]:
    with torch.device("meta"):
        vae = build_storm_vae(StormVAEConfig.from_preset("paper"))
        dit = CVDDiT(DiTConfig.from_preset("paper"))
    n = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    sd3 = sum(v.numel() for v in dit.sd3_state_dict().values())
    return {"vae": n(vae.vae), "gs_decoder": n(vae.gs_decoder), "dit": n(dit), "dit_sd3": sd3,
            "dit_pos_table": dit.pos_embed.pos_embed.numel(), "dit_new": n(dit) - sd3,
            "dit_largest_block": max(n(b) for b in model_blocks(dit))}


def dit_activation_bytes(preset: str = "paper") -> tuple[int, int]:
    """(saved bytes in fp32 without checkpointing, bytes kept with every block checkpointed, bf16)."""
    from dit import batch, saved_activation_bytes

    cfg = DiTConfig.from_preset(preset)
    with torch.device("meta"):
        model = CVDDiT(cfg).train()
    x0, cond = batch(cfg, preset, "meta")
    saved = saved_activation_bytes(model, x0, cond)
    T, V, h, w = x0.shape[1], x0.shape[2], x0.shape[-2], x0.shape[-1]
    tokens = T * V * (h // cfg.patch_size) * (w // cfg.patch_size)
    inputs = cfg.num_layers * (tokens + T * V * cfg.text_tokens) * model.inner_dim * 2
    return saved, inputs + saved // 2 // cfg.num_layers


def vae_activation_bytes(cfg: StormVAEConfig) -> tuple[int, int]:
    """STORM-VAE train step at cfg's clip size, traced on the meta device: (saved bytes in fp32 without
    checkpointing, bytes kept with every block checkpointed, bf16), as `dit_activation_bytes`. Traced: the encoder on the context
    images, the decoder on `vae_images` of them and the GS decoder; with checkpointing, what is saved
    outside the blocks + every block's inputs + the largest block's internals (its recomputation).
    Not counted: rendering the targets and the perceptual network (data-dependent Gaussian footprints)."""
    from dit import SavedBytes
    from vae import synthetic_clip

    with torch.device("meta"):
        model = build_storm_vae(cfg).train()
    clip = {k: v.to("meta") for k, v in synthetic_clip(cfg).items()}
    ctx = list(cfg.data.context_frames)
    with SavedBytes(model_blocks(model), meta=True) as saved:
        mean, logvar = model.encode(clip["images"][:, ctx])                       # [1, Tc, V, 16, h, w]
        z = mean.flatten(0, 2)
        model.vae.decode(z[: cfg.vae_images or z.shape[0]])
        model.gs_decode(mean, clip["intrinsics"][:, ctx], clip["cam_to_world"][:, ctx], clip["timestamps"][:, ctx])
    return saved.total, (saved.outside + sum(saved.inputs) + max(saved.inside, default=0)) // 2


def step_estimate(params: int, act: tuple[int, int], act_ckpt: bool, bf16: bool) -> dict:
    """GiB of one single-GPU (DDP) train step: fp32 weights + grads + AdamW m, v (16 B per trainable
    parameter) + activations (`act` as the *_activation_bytes functions give it: fp32 saved bytes, bf16
    kept bytes; autocast halves what is saved)."""
    saved, kept = act
    a = (kept if act_ckpt else saved / 2) * (1 if bf16 else 2)
    return {"states_gib": 16 * params / GiB, "act_gib": a / GiB, "total_gib": (16 * params + a) / GiB}


def memory_table(gpus=(1, 8, 32), counts=None, act=None) -> list[dict]:
    counts = counts or param_counts()
    saved, ckpt = act or dit_activation_bytes()
    P, block = counts["dit"], counts["dit_largest_block"]
    rows = []
    for parallel in ("ddp", "fsdp"):
        for n in (gpus if parallel == "fsdp" else (1,)):
            states = 16 * P if parallel == "ddp" else 16 * P / n + 2 * 2 * block
            for ac in (False, True):
                a = ckpt if ac else saved / 2
                rows.append({"parallel": parallel, "gpus": n if parallel == "fsdp" else "any",
                             "act_ckpt": ac, "states_gib": states / GiB, "act_gib": a / GiB,
                             "total_gib": (states + a) / GiB})
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gpus", type=int, nargs="+", default=[1, 8, 32])
    args = ap.parse_args()
    c = param_counts()
    print(f"STORM-VAE paper: VAE {c['vae'] / 1e6:.2f}M (SD3.5 VAE: 83.82M), GS decoder {c['gs_decoder'] / 1e6:.2f}M")
    print(f"video DiT paper: {c['dit'] / 1e9:.3f}B = SD3.5-Medium part {c['dit_sd3'] / 1e9:.3f}B (SD3.5-Medium: 2.47B; "
          f"{c['dit_pos_table'] / 1e9:.2f}B pos-embed table) "
          f"+ new blocks {c['dit_new'] / 1e9:.3f}B; largest block {c['dit_largest_block'] / 1e6:.1f}M")
    rows = memory_table(tuple(args.gpus), c)
    print("\nper-GPU memory, one 6 x 19 x 256x448 clip per GPU, AdamW, bf16 autocast (GiB)")
    print(f"{'parallel':8s} {'GPUs':>5s} {'act ckpt':>8s} {'states':>8s} {'activations':>11s} {'total':>8s}")
    for r in rows:
        print(f"{r['parallel']:8s} {str(r['gpus']):>5s} {str(r['act_ckpt']):>8s} {r['states_gib']:8.1f} "
              f"{r['act_gib']:11.1f} {r['total_gib']:8.1f}")


if __name__ == "__main__":
    main()
