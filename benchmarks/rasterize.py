"""Rasteriser benchmark: the STORM-VAE rendering workload on CPU; fast path vs fallback vs reference.

Case "storm-demo": one Gaussian per pixel of 4 frames x 6 cameras at 64x112 (172,032 Gaussians,
back-projected from depth maps of a 6-camera rig, so each is about a pixel wide in its own camera),
rendered into 18 target images (the 6 cameras at 3 nearby ego poses) of 64x112. Also a scaling row
at 128x224 (688,128 Gaussians). The dense reference cannot run that (pixels x Gaussians), so the
speed-up is measured on "ref-case": every 16th Gaussian of storm-demo into 3 targets, same run.

Prints a markdown table: forward and forward+backward seconds (best of `--repeats`; the fallback
and the reference run once), and the peak resident memory of the process (each case runs in its
own process) with its growth over the RSS just before the timed runs.

    python benchmarks/rasterize.py [--threads 2] [--repeats 3] [--skip-fallback]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.hardware import describe  # noqa: E402
from cvdstorm.data.synth.sensors import rig_calibration  # noqa: E402
from cvdstorm.geometry import invert_pose, make_pose, unproject_depth  # noqa: E402
from cvdstorm.render import kernel, rasterize, render_reference  # noqa: E402


def scene(height: int, width: int, frames: int = 4, seed: int = 0):
    """Gaussians from per-pixel depth of a street-like scene seen by the 6-camera rig at `frames`
    ego poses 2 m apart, and 18 target cameras (the rig at the first 3 poses)."""
    g = torch.Generator().manual_seed(seed)
    calib = rig_calibration(width, height)
    means, cams = [], []
    for f in range(frames):
        ego = make_pose(torch.eye(3, dtype=torch.float64), torch.tensor([2.0 * f, 0.0, 0.0], dtype=torch.float64))
        for K, c2e in calib.values():
            K, c2e = torch.tensor(K), torch.tensor(c2e)
            c2w = ego @ c2e
            v, u = torch.meshgrid(torch.arange(height) + 0.5, torch.arange(width) + 0.5, indexing="ij")
            depth = 4 + 30 * torch.rand(height, width, generator=g, dtype=torch.float64) ** 2  # walls, objects
            ground = (1.5 * K[1, 1] / (v - K[1, 2]).clamp_min(1)).clamp(1, 60)               # road 1.5 m below
            depth = torch.where(v > height * 0.55, ground, depth)
            means.append(unproject_depth(depth, K, c2w).reshape(-1, 3))
            cams.append((K, c2w, depth.reshape(-1)))
    means = torch.cat(means).float()
    z = torch.cat([c[2] for c in cams]).float()
    f = float(cams[0][0][0, 0])
    n = len(means)
    scales = (z / f * 0.6)[:, None].repeat(1, 3) * torch.tensor([1.0, 1.0, 0.3])  # ~a pixel wide, flat
    quats = torch.randn(n, 4, generator=g)
    opac = 0.3 + 0.6 * torch.rand(n, generator=g)
    colors = torch.rand(n, 3, generator=g)
    targets = [(K, c2w) for (K, c2w, _) in cams[: 6 * 3]]
    viewmats = torch.stack([invert_pose(c2w) for _, c2w in targets]).float()
    Ks = torch.stack([K for K, _ in targets]).float()
    return [means, quats, scales, opac, colors], viewmats, Ks


def _vm(key: str) -> float:
    """VmHWM / VmRSS of this process in MB."""
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
    return float("nan")


def render_loss(out):
    """The scalar whose gradients the benchmarks time and compare: every output of the render counts."""
    return out.rgb.square().sum() + out.depth.mean() + out.alpha.sum()


def timed(fn, params, viewmats, Ks, width, height, repeats=3, **kw):
    """-> (best forward s, best forward+backward s, CPU s of that fwd+bwd (all threads), peak RSS MB
    of the process during the runs)."""
    fwd, both, cpu = math.inf, math.inf, math.inf
    sync = torch.cuda.synchronize if params[0].is_cuda else (lambda: None)  # CUDA runs asynchronously
    for _ in range(repeats):
        ps = [p.clone().requires_grad_() for p in params]
        sync()
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn(*ps, viewmats, Ks, width, height, **kw)
        sync()
        t1 = time.perf_counter()
        render_loss(out).backward()
        sync()
        t2, c2 = time.perf_counter(), time.process_time()
        fwd = min(fwd, t1 - t0)
        if t2 - t0 < both:
            both, cpu = t2 - t0, c2 - c0
        del out, ps
        gc.collect()
    return fwd, both, cpu, _vm("VmHWM")


CASES = {  # name -> (height, width, every k-th Gaussian, targets, path)
    "storm-demo": (64, 112, 1, 18, "fast"),
    "storm-demo-fallback": (64, 112, 1, 18, "torch"),
    "scaling": (128, 224, 1, 18, "fast"),
    "ref-case": (64, 112, 16, 3, "fast"),
    "ref-case-reference": (64, 112, 16, 3, "reference"),
}


def run_case(name: str, repeats: int) -> dict:
    """One case in this (fresh) process -> its row; memory = process peak minus RSS before timing."""
    h, w, every, targets, path = CASES[name]
    params, viewmats, Ks = scene(h, w)
    params = [p[::every].contiguous() for p in params]
    viewmats, Ks = viewmats[:targets], Ks[:targets]
    rasterize(*params[:5], viewmats[:1], Ks[:1], w, h)  # load the kernel, warm the allocator a little
    gc.collect()
    base = _vm("VmRSS")
    if path == "reference":
        res = timed(render_reference, params, viewmats, Ks, w, h, 1)
    else:
        res = timed(rasterize, params, viewmats, Ks, w, h, repeats if path == "fast" else 1,
                    backend="cpu" if path == "fast" else "torch")
    label = {"fast": "fast (C++)" if kernel.status() == "ready" else "fast (no C++: PyTorch)",
             "torch": "PyTorch fallback", "reference": "dense reference"}[path]
    return dict(case=name.replace("-fallback", "").replace("-reference", ""), gaussians=len(params[0]),
                targets=targets, size=f"{h}x{w}", path=label, fwd=res[0], both=res[1], cpu=res[2], peak=res[3], base=base)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-fallback", action="store_true", help="do not time the PyTorch fallback compositor")
    ap.add_argument("--case", choices=list(CASES), help=argparse.SUPPRESS)  # internal: one case, JSON out
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if args.case:
        print(json.dumps(run_case(args.case, args.repeats)))
        return
    rows = []
    for name in CASES:  # each case in its own process: peak memory is per case, nothing cached between
        if name.endswith("fallback") and args.skip_fallback:
            continue
        res = subprocess.run([sys.executable, __file__, "--case", name, "--threads", str(args.threads), "--repeats",
                              str(args.repeats)], capture_output=True, text=True, check=True)
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
    load = os.getloadavg()
    print(f"rasterize benchmark: {describe()}, torch {torch.__version__}, "
          f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min)\n")
    print("| case | Gaussians | targets | size | path | forward s | fwd+bwd s | fwd+bwd CPU s | peak RSS MB (growth) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['case']} | {r['gaussians']:,} | {r['targets']} | {r['size']} | {r['path']} | {r['fwd']:.3f} | "
              f"{r['both']:.3f} | {r['cpu']:.2f} | {r['peak']:.0f} ({r['peak'] - r['base']:+.0f}) |")
    fast, ref = (next(r for r in rows if r["case"] == "ref-case" and r["path"] == p)
                 for p in (rows[0]["path"], "dense reference"))
    print(f"\nspeed-up over the dense reference (ref-case): forward {ref['fwd'] / fast['fwd']:.0f}x, "
          f"forward+backward {ref['both'] / fast['both']:.0f}x")
    print("peak RSS: whole process (Python + torch + scene); growth: above the RSS just before timing")
    print("CPU s: process CPU time of the timed fwd+bwd, all threads (on a busy machine wall time exceeds it)")
    print("targets (2 cores): storm-demo fwd+bwd < 2 s, peak memory < 4 GB, >= 20x faster than the reference")


if __name__ == "__main__":
    main()
