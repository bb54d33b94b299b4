"""Rasteriser benchmark: the STORM-VAE rendering workload on CPU, fast path vs the dense reference.

Case "storm-demo": one Gaussian per pixel of 4 frames x 6 cameras at 64x112 (172,032 Gaussians,
back-projected from depth so each is about a pixel wide in its own camera), rendered into 18
target images (6 cameras x 3 nearby times) of 64x112. Prints forward and forward+backward time
and peak memory (RSS growth) for the fast path, the same for the reference on a case it can run,
and the speed ratio measured in the same run.

    python benchmarks/rasterize.py [--threads 2]
"""

from __future__ import annotations

import argparse
import gc
import math
import resource
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.data.synthetic import rig_calibration  # noqa: E402
from cvdstorm.geometry import invert_pose, make_pose, unproject_depth  # noqa: E402
from cvdstorm.render import rasterize, render_reference  # noqa: E402


def scene(height: int, width: int, frames: int = 4, seed: int = 0):
    """Gaussians from per-pixel depth of a street-like box scene, and 18 target cameras."""
    g = torch.Generator().manual_seed(seed)
    calib = rig_calibration(width, height)
    means, cams = [], []
    for f in range(frames):
        ego = make_pose(torch.eye(3, dtype=torch.float64), torch.tensor([2.0 * f, 0.0, 0.0], dtype=torch.float64))
        for K, c2e in calib.values():
            K, c2e = torch.tensor(K), torch.tensor(c2e)
            c2w = ego @ c2e
            v, u = torch.meshgrid(torch.arange(height) + 0.5, torch.arange(width) + 0.5, indexing="ij")
            depth = 4 + 30 * torch.rand(height, width, generator=g, dtype=torch.float64) ** 2
            depth = torch.where(v > height * 0.55, (1.5 * K[1, 1] / (v - K[1, 2]).clamp_min(1)).clamp(1, 60), depth)
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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, params, viewmats, Ks, width, height, repeats=3):
    fwd, both = math.inf, math.inf
    for _ in range(repeats):
        ps = [p.clone().requires_grad_() for p in params]
        t0 = time.perf_counter()
        out = fn(*ps, viewmats, Ks, width, height)
        t1 = time.perf_counter()
        (out.rgb.sum() + out.depth.mean() + out.alpha.sum()).backward()
        t2 = time.perf_counter()
        fwd, both = min(fwd, t1 - t0), min(both, t2 - t0)
        del out, ps
        gc.collect()
    return fwd, both


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rows = []
    base = peak_rss_mb()
    for name, (h, w) in (("storm-demo", (64, 112)), ("scaling", (128, 224))):
        params, viewmats, Ks = scene(h, w)
        rasterize(*params, viewmats[:1], Ks[:1], w, h)  # load/compile the kernel outside the timing
        fwd, both = timed(rasterize, params, viewmats, Ks, w, h)
        rows.append((name, len(params[0]), len(viewmats), f"{h}x{w}", "fast (C++)", fwd, both, peak_rss_mb() - base))
    # the reference is pixels x Gaussians dense: run it on a cut of the storm-demo case that fits
    params, viewmats, Ks = scene(64, 112)
    sub = [p[::16].contiguous() for p in params]
    fast = timed(rasterize, sub, viewmats[:3], Ks[:3], 112, 64)
    ref = timed(render_reference, sub, viewmats[:3], Ks[:3], 112, 64, repeats=1)
    for label, (f_, b_) in (("fast (C++)", fast), ("reference", ref)):
        rows.append(("ref-case", len(sub[0]), 3, "64x112", label, f_, b_, float("nan")))
    print(f"rasterize benchmark, {args.threads} threads, torch {torch.__version__}\n")
    print("| case | gaussians | targets | size | path | forward s | fwd+bwd s | peak RSS growth MB |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]:,} | {r[2]} | {r[3]} | {r[4]} | {r[5]:.3f} | {r[6]:.3f} | {r[7]:.0f} |")
    print(f"\nspeed-up of the fast path over the reference (fwd+bwd, ref-case): {ref[1] / fast[1]:.0f}x")
    print("targets: storm-demo fwd+bwd < 2 s, peak memory < 4 GB, >= 20x faster than the reference")


if __name__ == "__main__":
    main()
