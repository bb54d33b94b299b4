"""The paper's claim at our scale: does a DiT generate better from STORM-VAE latents than from the
no-GS ablation's latents (the same VAE trained without the Gaussian-splatting gradient)?

Protocol (every step resumes: a finished run or evaluation found in --out is reused):
1. Two stage-1 runs from the same initialisation and data order, differing only in `gs_grad_to_vae`
   (`--vae-storm` / `--vae-nogs` reuse existing runs instead).
2. For each training seed and arm, a DiT trained on that arm's latents (same config, same seed in
   both arms, so each seed gives a pair).
3. Each DiT generates the same held-out scenes with the same sampling seed and reference count, and
   `evaluate_run` scores them against the real frames (exact depth, segmenter, cross-view warp).
Statistics: the unit is the training seed. Per seed, metrics are averaged over the scenes; the
paired difference STORM - no-GS over seeds gets a Student-t 95% interval (n - 1 degrees of
freedom), so a difference is "resolved" only when the interval excludes 0.

    python benchmarks/storm_vs_nogs.py --out outputs/storm_vs_nogs [--seeds 0 1 2] [--vae-steps 800]
        [--dit-steps 400] [--scenes 2] [--frames 18] [--references 3] [--vae-storm RUN --vae-nogs RUN]
        [--eval-dataroot WORLD --split all]

Prints a markdown table (stdout) and writes OUT/results.json. Hours on 2 CPU cores at the defaults;
`benchmarks/run_all.py` leaves it out unless named with --only.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np
from scipy import stats

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from cvdstorm.config import DiTTrainConfig, StormVAEConfig  # noqa: E402
from cvdstorm.eval.generation_suite import evaluate_generation  # noqa: E402
from cvdstorm.io import read_json, write_json  # noqa: E402
from cvdstorm.models.loading import resolve_checkpoint  # noqa: E402
from cvdstorm.train.dit import train_dit  # noqa: E402
from cvdstorm.train.vae import train_vae  # noqa: E402

ARMS = ("storm", "nogs")
# metric -> True when higher is better
METRICS = {"psnr": True, "ssim": True, "lpips": False, "gen_depth_abs_rel": False, "gen_depth_rmse": False,
           "control_miou_generated": True, "crossview_l1_generated": False}


def finished(run: Path, steps: int) -> bool:
    try:
        return read_json(resolve_checkpoint(run) / "state.json", "state")["step"] >= steps
    except Exception:  # noqa: BLE001 - no run, or a half-written one: (re)train it
        return False


def train_stage1(arm: str, args, log) -> Path:
    run = Path(args.out) / f"vae_{arm}"
    if finished(run, args.vae_steps):
        return run
    cfg = StormVAEConfig.load(args.vae_config)
    cfg.train.steps = args.vae_steps
    cfg.train.checkpoint_every = min(cfg.train.checkpoint_every, args.vae_steps)
    cfg.gs_grad_to_vae = arm == "storm"
    if args.dataroot:
        cfg.data.dataroot = args.dataroot
    log(f"stage 1 ({arm}): {args.vae_steps} steps -> {run}")
    train_vae(cfg, run, resume=(run / "latest").exists())
    return run


def train_stage2(arm: str, vae: Path, seed: int, args, log) -> Path:
    run = Path(args.out) / f"dit_{arm}_seed{seed}"
    if finished(run, args.dit_steps):
        return run
    cfg = DiTTrainConfig.load(args.dit_config)
    cfg.vae_checkpoint = str(vae)
    cfg.train.steps = args.dit_steps
    cfg.train.warmup_steps = min(cfg.train.warmup_steps, args.dit_steps // 5)
    cfg.train.checkpoint_every = min(cfg.train.checkpoint_every, args.dit_steps)
    cfg.train.seed = seed
    if args.dataroot:
        cfg.data.dataroot = args.dataroot
    log(f"stage 2 ({arm}, seed {seed}): {args.dit_steps} steps -> {run}")
    train_dit(cfg, run, resume=(run / "latest").exists())
    return run


def scene_metrics(dit: Path, arm: str, seed: int, args, log) -> dict[str, dict[str, float]]:
    """{scene: {metric: value}} for the generated (non-reference) frames of each held-out scene."""
    out = Path(args.out) / f"eval_{arm}_seed{seed}"
    dataroot = args.eval_dataroot or args.dataroot or DiTTrainConfig.load(args.dit_config).data.dataroot
    agg = evaluate_generation(dit, dataroot, out, scenes=args.scenes, references=[args.references],
                              frames=args.frames, seed=0, split=args.split, fid=False, progress=False, log=log)
    per_scene = {}
    for run in sorted((out / "runs").glob(f"*/ref{args.references}")):
        s = read_json(run / "eval_generation.json", "evaluation")["summary"]
        per_scene[run.parent.name] = {m: s[m] for m in METRICS if s.get(m) is not None}
    if not per_scene:
        raise SystemExit(f"no evaluated runs under {out}/runs ({agg.summary})")
    return per_scene


def t_interval(values: list[float]) -> tuple[float, float]:
    """Mean and half-width of the Student-t 95% interval (nan half-width for a single value)."""
    v = np.asarray(values, dtype=np.float64)
    if len(v) < 2:
        return float(v.mean()), math.nan
    return float(v.mean()), float(stats.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / math.sqrt(len(v)))


def compare(results: dict) -> list[dict]:
    """Per metric: each arm's mean +- CI over seeds, and the paired STORM - no-GS difference."""
    rows = []
    for m, higher in METRICS.items():
        per_seed = {arm: [] for arm in ARMS}
        for seed in sorted(results["storm"], key=int):
            scenes = sorted(set(results["storm"][seed]) & set(results["nogs"].get(seed, {})))
            vals = {arm: [results[arm][seed][sc][m] for sc in scenes if m in results[arm][seed][sc]] for arm in ARMS}
            if scenes and all(len(vals[a]) == len(scenes) for a in ARMS):
                for arm in ARMS:
                    per_seed[arm].append(float(np.mean(vals[arm])))
        if not per_seed["storm"]:
            continue
        diff = [a - b for a, b in zip(per_seed["storm"], per_seed["nogs"])]
        d_mean, d_ci = t_interval(diff)
        better = sum((d > 0) == higher for d in diff if d != 0)
        resolved = not math.isnan(d_ci) and abs(d_mean) > d_ci
        verdict = ("STORM better" if (d_mean > 0) == higher else "no-GS better") if resolved else "not resolved"
        rows.append({"metric": m, "higher_is_better": higher, "seeds": len(diff),
                     **{f"{arm}_mean": t_interval(per_seed[arm])[0] for arm in ARMS},
                     **{f"{arm}_ci95": t_interval(per_seed[arm])[1] for arm in ARMS},
                     **{f"{arm}_per_seed": per_seed[arm] for arm in ARMS},
                     "diff_mean": d_mean, "diff_ci95": d_ci, "storm_better_seeds": better, "verdict": verdict})
    return rows


def markdown(rows: list[dict]) -> str:
    lines = ["| metric | STORM-VAE latents | no-GS latents | STORM - no-GS (paired, 95% CI) | seeds STORM better "
             "| verdict |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        arrow = "higher" if r["higher_is_better"] else "lower"
        lines.append(f"| {r['metric']} ({arrow} better) | {r['storm_mean']:.4g} +- {r['storm_ci95']:.2g} | "
                     f"{r['nogs_mean']:.4g} +- {r['nogs_ci95']:.2g} | {r['diff_mean']:+.4g} +- {r['diff_ci95']:.2g} | "
                     f"{r['storm_better_seeds']}/{r['seeds']} | {r['verdict']} |")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default="outputs/storm_vs_nogs")
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="DiT training seeds (pairs)")
    p.add_argument("--vae-config", default=str(ROOT / "configs" / "vae_demo.yaml"))
    p.add_argument("--dit-config", default=str(ROOT / "configs" / "dit_demo.yaml"))
    p.add_argument("--vae-steps", type=int, default=800)
    p.add_argument("--dit-steps", type=int, default=400)
    p.add_argument("--vae-storm", default=None, help="existing STORM-VAE run (skips its training)")
    p.add_argument("--vae-nogs", default=None, help="existing no-GS ablation run (skips its training)")
    p.add_argument("--dataroot", default=None, help="override both configs' dataroot")
    p.add_argument("--eval-dataroot", default=None, help="held-out world to generate (default: the training one)")
    p.add_argument("--split", default="val", help="its split to generate (all: every scene of a fresh world)")
    p.add_argument("--scenes", type=int, default=2, help="held-out scenes (the first N of the split)")
    p.add_argument("--frames", type=int, default=18)
    p.add_argument("--references", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    import torch

    torch.set_num_threads(args.threads)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if bool(args.vae_storm) != bool(args.vae_nogs):
        raise SystemExit("give both --vae-storm and --vae-nogs, or neither (then both are trained here)")
    vaes = {"storm": Path(args.vae_storm), "nogs": Path(args.vae_nogs)} if args.vae_storm else \
        {arm: train_stage1(arm, args, log) for arm in ARMS}
    results = {arm: {} for arm in ARMS}
    for seed in args.seeds:
        for arm in ARMS:
            dit = train_stage2(arm, vaes[arm], seed, args, log)
            results[arm][str(seed)] = scene_metrics(dit, arm, seed, args, log)
    rows = compare(results)
    write_json(Path(args.out) / "results.json", {"settings": {k: v for k, v in vars(args).items()},
                                                 "vaes": {a: str(v) for a, v in vaes.items()},
                                                 "per_scene": results, "comparison": rows})
    print(f"STORM-VAE vs no-GS latents, {len(args.seeds)} DiT seeds per arm, {args.scenes} held-out {args.split} "
          f"scene(s) x {args.frames} frames, {args.references} reference frames; VAE {args.vae_steps} steps, "
          f"DiT {args.dit_steps} steps\n")
    print(markdown(rows))


if __name__ == "__main__":
    main()
