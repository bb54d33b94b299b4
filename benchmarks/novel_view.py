"""Novel-view benchmark: render time per frame of `cvdstorm render` at the demo preset, and the
novel-view metric table (lateral shifts 0/1/2/4 m vs the synthetic world's exact views).

Scene: a synthetic world (1 scene, 8 keyframes, 6 cameras at 112x64 = the demo preset's image size;
written to a temporary folder unless --dataroot is given). Gaussians:
  - oracle: one per pixel of the exact depth of frames 0/2/4/6 (the demo GS decoder's context frames),
    i.e. what a perfect GS decoder would give (eval/novel_view.oracle_run): 4 x 6 x 64 x 112 =
    172,032 Gaussians minus sky, the demo preset's count;
  - with --checkpoint: the STORM-VAE reconstruction of the same clip (eval/novel_view.reconstruct_run);
  - with --runs: generation runs of a synthetic source (their own Gaussians).
Prints markdown: render seconds per time step (6 cameras, best of --repeats) and the metric table
(PSNR, PSNR where alpha >= 0.5, SSIM, ST-LPIPS, depth AbsRel, hole fraction, the forward-warp
baseline's PSNR and holes; FID at 1 and 2 m over all runs).

    python benchmarks/novel_view.py [--threads 2] [--repeats 3] [--checkpoint outputs/ship/vae]
                                    [--runs RUN ...] [--dataroot D] [--frames 8] [--max-frames 4] [--no-fid]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from cvdstorm.hardware import describe
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dataroot", default=None, help="synthetic dataroot (default: write one to a temp folder)")
    ap.add_argument("--frames", type=int, default=8)
    ap.add_argument("--max-frames", type=int, default=4, help="frames per run in the metric table")
    ap.add_argument("--checkpoint", default=None, help="STORM-VAE run (adds its reconstruction)")
    ap.add_argument("--runs", nargs="*", default=[], help="generation runs to add")
    ap.add_argument("--no-fid", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    from cvdstorm.data.synth.writer import SynthConfig, write_dataset
    from cvdstorm.eval.novel_view import evaluate_novel_view, oracle_run, reconstruct_run
    from cvdstorm.pipelines.novel_view import load_run, render_run

    tmp = Path(tempfile.mkdtemp(prefix="bench_novel_view_"))
    data = Path(args.dataroot) if args.dataroot else tmp / "data"
    if not args.dataroot:
        print("writing the synthetic world ...", file=sys.stderr)
        write_dataset(data, SynthConfig(scenes=1, frames=args.frames, width=112, height=64, seed=0, workers=1),
                      progress=False)
    print("oracle Gaussians ...", file=sys.stderr)
    runs = [oracle_run(data, tmp / "oracle", frames=args.frames, context=(0, 2, 4, 6))]
    if args.checkpoint:
        print("STORM-VAE reconstruction ...", file=sys.stderr)
        runs.append(reconstruct_run(args.checkpoint, data, tmp / "storm_vae"))
    runs += [Path(r) for r in args.runs]

    timing = []
    for r in runs:
        n = len(load_run(r).gaussians[0]["means"])
        best = []
        for k in range(args.repeats):
            rec = render_run(r, tmp / f"render_{k}", offset=(0.0, 1.0, 0.0), overwrite=True, videos=False)
            best.append(min(rec["seconds_per_time"]))
        timing.append((r.name, n, len(rec["cameras"]), rec["image_size"], min(best), sum(rec["seconds_per_time"]) /
                       len(rec["seconds_per_time"])))
    print("evaluating ...", file=sys.stderr)
    tick = time.perf_counter()
    res = evaluate_novel_view(runs, tmp / "eval", max_frames=args.max_frames, fid=not args.no_fid)
    eval_s = time.perf_counter() - tick

    load = os.getloadavg()
    print(f"novel-view benchmark: {describe()}, torch {torch.__version__}, "
          f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min)\n")
    print("| run | Gaussians | cameras | size | render s / time step (best) | mean s |")
    print("|---|---|---|---|---|---|")
    for name, n, v, (h, w), best, mean in timing:
        print(f"| {name} | {n:,} | {v} | {w}x{h} | {best:.3f} | {mean:.3f} |")
    print("\n| run | shift m | PSNR | PSNR covered | SSIM | ST-LPIPS | depth AbsRel | holes | warp PSNR | warp holes |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    f = lambda x: "n/a" if x is None or x != x else f"{x:.3f}"  # noqa: E731
    for r in res["rows"]:
        print(f"| {Path(r['run']).name} | {r['shift_m']:g} | {f(r['psnr'])} | {f(r['psnr_covered'])} | {f(r['ssim'])} | "
              f"{f(r.get('stlpips'))} | {f(r['depth_abs_rel'])} | {f(r['hole_fraction'])} | {f(r.get('warp_psnr'))} | "
              f"{f(r.get('warp_hole_fraction'))} |")
    if res["fid"]:
        print("\nFID (rendered vs true views, all runs pooled): " +
              ", ".join(f"{k} m: {v:.1f}" for k, v in res["fid"].items()))
    print(f"\nmetric table: {args.max_frames} frames x 6 cameras per run and shift, {eval_s:.0f} s (ground truth "
          "re-rendered by the synthetic world's ray caster). holes: alpha < 0.5. warp: the run's own frame "
          "forward-warped with its own depth. FID on this few images is only indicative.")


if __name__ == "__main__":
    main()
