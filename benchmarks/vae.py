"""STORM-VAE benchmark: parameters per preset and the time of one training step, part by part.

For `tiny` and `demo`, one clip of the preset's size (6 cameras of the synthetic rig, the ego driving
at 8 m/s, random images) goes through the stage-1 loss (VAE + GS branch + ST-LPIPS) forward and
backward plus an AdamW update; after 3 warm-up steps the median of `--steps` steps is reported with
a forward-time breakdown (VAE encode of the context images, VAE decode of `vae_images` images,
GS decoder, rendering of the targets, perceptual terms). `paper` is built on the meta device
(parameter counts only). Each preset runs in float32 and under bf16 autocast (`--precision`), side
by side in one process, so the ratio is measured on the same load; `--config` adds a recipe from a
YAML file (e.g. configs/vae_demo.yaml, whose loss weights and `vae_images` change the step cost).
Other jobs on the machine inflate the times: compare medians on an idle box.

    python benchmarks/vae.py [--threads 2] [--steps 3] [--presets tiny demo paper] [--precision fp32 bf16]
                             [--config configs/vae_demo.yaml]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.hardware import describe  # noqa: E402
from cvdstorm import CAMERAS  # noqa: E402
from cvdstorm.config import StormVAEConfig  # noqa: E402
from cvdstorm.data.synth.sensors import rig_calibration  # noqa: E402
from cvdstorm.models.perceptual import get_perceptual  # noqa: E402
from cvdstorm.models.losses import storm_vae_loss  # noqa: E402
from cvdstorm.models.storm_vae import build_storm_vae  # noqa: E402


def synthetic_clip(cfg: StormVAEConfig) -> dict:
    d = cfg.data
    T, H, W = d.num_frames, d.height, d.width
    cal = rig_calibration(W, H)
    K = torch.stack([torch.tensor(cal[c][0], dtype=torch.float32) for c in CAMERAS])
    c2e = torch.stack([torch.tensor(cal[c][1], dtype=torch.float32) for c in CAMERAS])
    t = torch.arange(T, dtype=torch.float64) * 0.5
    c2w = c2e[None].repeat(T, 1, 1, 1)
    c2w[:, :, 0, 3] += 8.0 * t[:, None].float()
    g = torch.Generator().manual_seed(0)
    depth = torch.rand(1, T, 6, H, W, generator=g) * 40 + 2
    return dict(images=torch.rand(1, T, 6, 3, H, W, generator=g) * 2 - 1, intrinsics=K.expand(1, T, 6, 3, 3),
                cam_to_world=c2w[None], timestamps=t[None], depth=depth, lidar_depth=torch.zeros_like(depth))


class Timer:
    """Wall time of the forward parts, by wrapping the model's methods."""

    def __init__(self, model, perceptual):
        self.t: dict[str, float] = {}
        for name, obj, attr in (("vae_encode", model, "encode"), ("vae_decode", model.vae, "decode"),
                                ("gs_decode", model, "gs_decode"), ("render", model, "render"),
                                ("perceptual", perceptual, "forward")):
            self._wrap(name, obj, attr)

    def _wrap(self, name, obj, attr):
        fn = getattr(obj, attr)

        def timed(*a, **k):
            t0 = time.perf_counter()
            out = fn(*a, **k)
            self.t[name] = self.t.get(name, 0.0) + time.perf_counter() - t0
            return out

        setattr(obj, attr, timed)


def train_step(model, opt, clip: dict, cfg: StormVAEConfig, perceptual, seed: int, autocast) -> float:
    """One stage-1 AdamW step (loss forward under `autocast`, backward, update); returns the forward seconds."""
    sync = torch.cuda.synchronize if clip["images"].is_cuda else (lambda: None)
    t0 = time.perf_counter()
    with autocast:
        loss, _ = storm_vae_loss(model, clip, cfg, torch.Generator().manual_seed(seed), perceptual)
    sync()
    fwd = time.perf_counter() - t0
    opt.zero_grad()
    loss.backward()
    opt.step()
    sync()
    return fwd


def bench(preset: str, steps: int, warmup: int = 3, precision: str = "fp32", config: str | None = None) -> dict:
    cfg = StormVAEConfig.load(config) if config else StormVAEConfig.from_preset(preset)
    autocast = torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16")
    torch.manual_seed(0)
    model = build_storm_vae(cfg)
    P = get_perceptual(cfg.perceptual_net)
    timer = Timer(model, P)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    clip = synthetic_clip(cfg)
    totals, parts = [], []
    for i in range(steps + warmup):
        timer.t.clear()
        t0 = time.perf_counter()
        fwd = train_step(model, opt, clip, cfg, P, i, autocast)
        if i >= warmup:  # the first steps of a process are several times slower (allocator, thread pools)
            totals.append((time.perf_counter() - t0, fwd))
            parts.append(dict(timer.t))
    med = lambda xs: statistics.median(xs)
    return {"preset": Path(config).name if config else preset, "precision": precision, "vae_M": sum(p.numel() for p in model.vae.parameters()) / 1e6,
            "gs_M": sum(p.numel() for p in model.gs_decoder.parameters()) / 1e6,
            "step_s": med([t for t, _ in totals]), "fwd_s": med([f for _, f in totals]),
            **{f"{k}_s": med([p.get(k, 0.0) for p in parts]) for k in parts[0]}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--presets", nargs="+", default=["tiny", "demo", "paper"])
    ap.add_argument("--precision", nargs="+", default=["fp32", "bf16"], choices=["fp32", "bf16"])
    ap.add_argument("--config", action="append", default=[], help="also time this StormVAEConfig YAML")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rows = []
    for p in args.presets:
        if p == "paper":
            with torch.device("meta"):
                m = build_storm_vae(StormVAEConfig.from_preset("paper"))
            rows.append({"preset": p, "vae_M": sum(x.numel() for x in m.vae.parameters()) / 1e6,
                         "gs_M": sum(x.numel() for x in m.gs_decoder.parameters()) / 1e6})
        else:
            rows += [bench(p, args.steps, precision=prec) for prec in args.precision]
    for c in args.config:
        rows += [bench("", args.steps, precision=prec, config=c) for prec in args.precision]
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print(f"# STORM-VAE, {describe()}, median of {args.steps} steps (forward parts inside fwd_s)")
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(f"{r[k]:.3f}" if isinstance(r.get(k), float) else str(r.get(k, "")) for k in keys) + " |")


if __name__ == "__main__":
    main()
