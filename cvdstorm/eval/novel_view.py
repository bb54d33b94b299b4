"""`cvdstorm evaluate --stage novel-view`: Gaussians of a run seen from a laterally shifted rig vs the
synthetic world's exact ground truth from the same shifted cameras.

In:  generation runs (`generate` folders), and/or reconstructions of real clips made here by
     `reconstruct_run` (a STORM-VAE encodes the real frames of a clip, its GS decoder gives the
     Gaussians; written in the run layout so the same renderer serves both). Their source must be a
     synthetic dataroot (`cvdstorm synth`): the ground truth is re-rendered by its ray caster
     (data/synth/truth.py) from each shifted camera.
Out: OUT/eval_novel_view.json + .csv: per run and per lateral shift s (default 0, 1, 2, 4 m; the rig
     moves s metres to the ego's left, +y): PSNR (all pixels; and `psnr_covered`, only pixels with
     alpha >= 0.5), SSIM, ST-LPIPS (alex), depth AbsRel (pixels with alpha >= 0.5 and a ground-truth
     hit within 80 m), hole fraction (alpha < 0.5), and FID (Inception, rendered vs true images of
     every frame and camera) at 1 and 2 m. `warp_*`: the same metrics for a baseline that forward-
     warps the run's own frames (rgb.npy) with their own depth (depth.npy) into the shifted camera
     (nearest pixel, z-buffer; unfilled pixels are holes, black). OUT/renders/<run>/shift_<s>m/ keep
     the renders (render.json, arrays) and the true images (truth_rgb.npy, truth_depth.npy).
Colour of the renders is the Gaussians' own over a black background (pipelines/novel_view.py); sky
is rarely covered by Gaussians, so `psnr` includes that as error and `psnr_covered` does not.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import torch

from .. import CAMERAS, __version__
from ..data.nuscenes import NuScenesReader
from ..data.synth.truth import render_truth
from ..errors import require
from ..geometry import EVAL_MAX_DEPTH, invert_pose
from ..io import write_bytes, write_json
from ..paths import plain_name
from ..pipelines.novel_view import HOLE_ALPHA, load_run, render_run
from ..pipelines.run import GenerationRun
from .metrics import DepthStats, psnr, ssim

SHIFTS = (0.0, 1.0, 2.0, 4.0)
FID_SHIFTS = (1.0, 2.0)


@torch.no_grad()
def reconstruct_run(checkpoint: str | Path, dataroot: str | Path, out: str | Path, version: str = "v1.0-synth",
                    scene: str | None = None, start: int = 0, device: str = "cpu") -> Path:
    """STORM-VAE reconstruction of one real clip (the VAE's clip length from keyframe `start`) saved as
    a run folder (pipelines/run.py, data only): VAE-decoded frames, GS renders of the input views as
    depth, latents, one window of Gaussians. `checkpoint`: a STORM-VAE run/step folder or a generate
    checkpoint (folder with vae/)."""
    from ..data.clips import load_clip, split_scenes
    from ..models.loading import load_storm_vae
    from ..pipelines.generate import scene_record
    from ..pipelines.reconstruct import reconstruct_clip

    ck = Path(checkpoint)
    vae, cfg = load_storm_vae(ck / "vae" if (ck / "vae").is_dir() else ck, device)
    T, H, W = cfg.data.num_frames, cfg.data.height, cfg.data.width
    reader = NuScenesReader(dataroot, version).preload()
    names = split_scenes(reader, "val") or reader.scene_names() if scene is None else [scene]
    sc = reader.scene(names[0])
    samples = reader.scene_samples(sc)[start:start + T]
    require(len(samples) == T, f"scene {sc['name']} has fewer than {T} keyframes from {start}")
    clip = load_clip(reader, samples, H, W, scene_polylines={})
    rec = reconstruct_clip(vae, cfg, clip)
    record = scene_record(dataroot, version, start, T, reader, sc, samples, clip, [(0, T)])
    record["reconstruction"] = {"checkpoint": str(ck.resolve()), "context_frames": rec.context}
    settings = {"cvdstorm": __version__, "reconstruct": {"checkpoint": str(ck.resolve()), "dataroot": str(dataroot),
                                                         "version": version, "scene": sc["name"], "start": start}}
    return GenerationRun(record, settings, rec.rgb, rec.depth, rec.latents, [rec.gaussians]).save(
        out, overwrite=True, views=False)


def oracle_run(dataroot: str | Path, out: str | Path, version: str = "v1.0-synth", scene: str | None = None,
               start: int = 0, frames: int = 8, context: tuple[int, ...] = (0, 2, 4, 6), height: int | None = None,
               width: int | None = None) -> Path:
    """An upper-bound "reconstruction" of a synthetic clip written as a run folder: one Gaussian per
    pixel of the context frames' exact depth (6 cameras), coloured by the true image, about one
    pixel wide (isotropic, scale = 0.6 x depth / focal), opacity 0.95, with the velocity of the
    annotated box it lies in (0 elsewhere). It isolates the renderer and the evaluation from the
    model: what a perfect GS decoder would give. rgb.npy / depth.npy hold the true frames."""
    from ..data.clips import load_clip, split_scenes
    from ..geometry import quat_to_rotmat
    from ..images import to_uint8
    from ..pipelines.generate import scene_record

    reader = NuScenesReader(dataroot, version).preload()
    names = (split_scenes(reader, "val") or reader.scene_names()) if scene is None else [scene]
    sc = reader.scene(names[0])
    samples = reader.scene_samples(sc)[start:start + frames]
    require(len(samples) == frames, f"scene {sc['name']} has fewer than {frames} keyframes from {start}")
    cam = reader.camera(samples[0], CAMERAS[0])
    H, W = height or cam.height, width or cam.width
    clip = load_clip(reader, samples, H, W, scene_polylines={})
    t = clip["timestamps"].numpy()
    means, colors, scales, vels = [], [], [], []
    v_idx, u_idx = np.meshgrid(np.arange(H) + 0.5, np.arange(W) + 0.5, indexing="ij")
    for f in context:
        b = clip["boxes"][f]
        for v in range(len(CAMERAS)):
            d = clip["depth"][f, v].numpy().astype(np.float64)
            ok = d > 0
            K = clip["intrinsics"][f, v].numpy()
            c2w = clip["cam_to_world"][f, v].numpy()
            pix = np.stack([u_idx[ok], v_idx[ok], np.ones(ok.sum())], -1) * d[ok][:, None]
            p = (pix @ np.linalg.inv(K).T) @ c2w[:3, :3].T + c2w[:3, 3]
            vel = np.zeros_like(p)
            if len(b["instance"]):
                R = quat_to_rotmat(np.asarray(b["rotation"], np.float64))              # [N, 3, 3]
                local = np.einsum("nji,npj->npi", R, p[None] - np.asarray(b["center"], np.float64)[:, None])
                size = np.asarray(b["size"], np.float64)
                half = np.stack([size[:, 1], size[:, 0], size[:, 2]], -1)[:, None] / 2 + 0.05
                inside = (np.abs(local) <= half).all(-1)                                 # [N, P]
                hit = inside.any(0)
                vel[hit] = np.asarray(b["velocity"], np.float64)[inside.argmax(0)[hit]]
            p = p + vel * (t[0] - t[f])                                                  # to the first frame's time
            means.append(p)
            vels.append(vel)
            colors.append(((clip["images"][f, v].numpy().transpose(1, 2, 0)[ok] + 1) / 2).clip(0, 1))
            scales.append(np.repeat((0.6 * d[ok] / K[0, 0])[:, None], 3, 1))
    means, colors, scales, vels = (np.concatenate(x) for x in (means, colors, scales, vels))
    n = len(means)
    g = {"means": means, "quats": np.tile([1.0, 0, 0, 0], (n, 1)), "scales": scales, "opacities": np.full(n, 0.95),
         "colors": colors, "velocities": vels, "time": float(t[0])}
    rec = scene_record(dataroot, version, start, frames, reader, sc, samples, clip, [(0, frames)])
    rec["reconstruction"] = {"oracle": "exact depth", "context_frames": list(context)}
    settings = {"cvdstorm": __version__, "oracle": {"dataroot": str(dataroot), "version": version, "scene": sc["name"],
                                                    "start": start, "frames": frames, "context": list(context)}}
    return GenerationRun(rec, settings, to_uint8(clip["images"]), clip["depth"].numpy().astype(np.float32),
                         gaussians=[g]).save(out, overwrite=True, views=False)


def forward_warp(rgb: np.ndarray, depth: np.ndarray, K: np.ndarray, c2w_src: np.ndarray, K_dst: np.ndarray,
                 c2w_dst: np.ndarray, H: int, W: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Warp one frame (rgb uint8 [h, w, 3], depth [h, w], 0 = none) into another camera: nearest
    pixel with a z-buffer. -> rgb uint8 [H, W, 3], depth [H, W], filled mask [H, W]."""
    h, w = depth.shape
    v, u = np.nonzero(depth > 0)
    d = depth[v, u].astype(np.float64)
    pix = np.stack([u + 0.5, v + 0.5, np.ones_like(d)], -1) * d[:, None]
    p_cam = pix @ np.linalg.inv(K).T
    T = invert_pose(c2w_dst) @ c2w_src
    q = p_cam @ T[:3, :3].T + T[:3, 3]
    z = q[:, 2]
    keep = z > 1e-3
    uv = (q[keep] @ np.asarray(K_dst).T)
    x = np.floor(uv[:, 0] / uv[:, 2]).astype(np.int64)
    y = np.floor(uv[:, 1] / uv[:, 2]).astype(np.int64)
    z, col = z[keep], rgb[v[keep], u[keep]]
    inside = (x >= 0) & (x < W) & (y >= 0) & (y < H)
    x, y, z, col = x[inside], y[inside], z[inside], col[inside]
    order = np.argsort(-z, kind="stable")          # far first, so the nearest write wins
    out = np.zeros((H, W, 3), np.uint8)
    dep = np.zeros((H, W), np.float32)
    out[y[order], x[order]] = col[order]
    dep[y[order], x[order]] = z[order]
    return out, dep, dep > 0


def image_metrics(pred: np.ndarray, gt: np.ndarray, covered: np.ndarray, lpips) -> dict[str, list[float]]:
    """pred, gt uint8 [N, H, W, 3]; covered bool [N, H, W] -> per-image lists."""
    x = torch.from_numpy(pred).permute(0, 3, 1, 2).float() / 127.5 - 1
    y = torch.from_numpy(gt).permute(0, 3, 1, 2).float() / 127.5 - 1
    m = torch.from_numpy(covered)[:, None].float()
    mse_cov = ((x - y) ** 2 * m).flatten(1).sum(1) / (3 * m.flatten(1).sum(1)).clamp_min(1)
    out = {"psnr": psnr(x, y).tolist(), "ssim": ssim(x, y).tolist() if min(x.shape[-2:]) >= 11 else [math.nan] * len(x),
           "psnr_covered": torch.where(m.flatten(1).sum(1) > 0, 10 * torch.log10(4 / mse_cov.clamp_min(1e-12)),
                                       torch.tensor(math.nan)).tolist()}
    if lpips is not None:
        out["stlpips"] = torch.cat([lpips(x[i:i + 8], y[i:i + 8]) for i in range(0, len(x), 8)]).tolist()
    return out


def _mean(xs) -> float:
    a = np.asarray([x for x in xs if x is not None and not (isinstance(x, float) and math.isnan(x))], np.float64)
    return float(a.mean()) if len(a) else math.nan


def evaluate_novel_view(runs: list[str | Path], out: str | Path, shifts=SHIFTS, fid_shifts=FID_SHIFTS,
                        max_frames: int | None = None, perceptual: bool = True, fid: bool = True,
                        overwrite: bool = True) -> dict:
    """Metrics of every run at every shift (module docstring); writes OUT/eval_novel_view.json/.csv."""
    require(len(runs) > 0, "evaluate --stage novel-view needs --runs (generate outputs) or --checkpoint "
            "(to reconstruct real clips)")
    shifts = [float(s) for s in shifts]
    require(all(math.isfinite(s) for s in shifts), f"shifts must be finite numbers, got {shifts}")
    out = Path(out)
    lpips = None
    if perceptual:
        from ..models.perceptual import get_perceptual

        lpips = get_perceptual("alex")
    rows, fid_sets = [], {s: ([], []) for s in fid_shifts if s in shifts}
    for run in runs:
        run = Path(run)
        R = load_run(run)
        scene = R.scene
        reader = NuScenesReader(scene["dataroot"], scene["version"])
        F = len(scene["samples"])
        frames = list(range(F)) if not max_frames or max_frames >= F else \
            sorted(set(np.linspace(0, F - 1, max_frames).round().astype(int).tolist()))
        times = [float(scene["timestamps"][f]) for f in frames]
        w2g = np.asarray(scene["world_to_global"], np.float64)
        own_rgb, own_depth = R.rgb, R.depth
        c2w0 = np.asarray(scene["cam_to_world"], np.float64)
        Ks = np.asarray(scene["intrinsics"], np.float64)
        frame0 = reader.scene_samples(scene["scene"]).index(scene["samples"][0])
        for s in shifts:
            folder = out / "renders" / run.name / f"shift_{s:g}m"
            rec = render_run(run, folder, offset=(0.0, s, 0.0), times=times, overwrite=overwrite, videos=False)
            rgb = np.load(folder / "rgb.npy")
            depth, alpha = np.load(folder / "depth.npy"), np.load(folder / "alpha.npy")
            N, V, H, W = depth.shape
            c2w = np.asarray(rec["cam_to_world"])
            K = np.asarray(rec["intrinsics"])
            gt_rgb = np.zeros_like(rgb)
            gt_depth = np.zeros(depth.shape, np.float32)
            warp = np.zeros_like(rgb)
            warp_depth = np.zeros(depth.shape, np.float32)
            for n, f in enumerate(frames):
                for v in range(V):
                    gt_rgb[n, v], gt_depth[n, v] = render_truth(reader, scene["scene"], frame0 + f, K[n, v],
                                                                w2g @ c2w[n, v], H, W)
                    if own_depth is not None:
                        warp[n, v], warp_depth[n, v], _ = forward_warp(own_rgb[f, v], own_depth[f, v], Ks[f, v],
                                                                       c2w0[f, v], K[n, v], c2w[n, v], H, W)
            np.save(folder / "truth_rgb.npy", gt_rgb)
            np.save(folder / "truth_depth.npy", gt_depth)
            flat = lambda a: a.reshape(N * V, *a.shape[2:])  # noqa: E731
            covered = flat(alpha) >= HOLE_ALPHA
            m = image_metrics(flat(rgb), flat(gt_rgb), covered, lpips)
            dstats = DepthStats().add(torch.from_numpy(flat(depth)), torch.from_numpy(flat(gt_depth)),
                                      torch.from_numpy(covered), EVAL_MAX_DEPTH).result()
            row = {"run": str(run), "kind": "reconstruction" if "reconstruction" in scene else "generated",
                   "shift_m": s, "images": N * V, **{k: _mean(v) for k, v in m.items()},
                   "depth_abs_rel": dstats["abs_rel"], "depth_pixels": dstats["pixels"],
                   "hole_fraction": float(1 - covered.mean())}
            if own_depth is not None:
                filled = flat(warp_depth) > 0
                mw = image_metrics(flat(warp), flat(gt_rgb), filled, lpips)
                dw = DepthStats().add(torch.from_numpy(flat(warp_depth)), torch.from_numpy(flat(gt_depth)),
                                      torch.from_numpy(filled), EVAL_MAX_DEPTH).result()
                row.update({f"warp_{k}": _mean(v) for k, v in mw.items()})
                row.update({"warp_depth_abs_rel": dw["abs_rel"], "warp_hole_fraction": float(1 - filled.mean())})
            rows.append(row)
            if s in fid_sets:
                fid_sets[s][0].append(flat(rgb))
                fid_sets[s][1].append(flat(gt_rgb))
    fids = {}
    if fid and fid_sets:
        from .fid import InceptionFeatures, fid_from_images

        ext = InceptionFeatures()
        for s, (gen, real) in fid_sets.items():
            fids[f"{s:g}"] = float(fid_from_images(np.concatenate(gen), np.concatenate(real), ext))
    summary = {}
    for s in shifts:
        rs = [r for r in rows if r["shift_m"] == s]
        summary[f"{s:g}"] = {k: _mean([r.get(k) for r in rs]) for k in rs[0] if k not in ("run", "kind", "shift_m")}
        if f"{s:g}" in fids:
            summary[f"{s:g}"]["fid"] = fids[f"{s:g}"]
    res = {"rows": rows, "summary": summary, "fid": fids, "shifts": shifts, "hole_alpha": HOLE_ALPHA,
           "max_depth": EVAL_MAX_DEPTH, "runs": [str(r) for r in runs]}
    write_json(out / "eval_novel_view.json", res)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    w = csv.DictWriter(buf, keys)
    w.writeheader()
    for r in rows:
        w.writerow({k: (f"{v:.6g}" if isinstance(v, float) else v) for k, v in r.items()})
    write_bytes(out / "eval_novel_view.csv", buf.getvalue().encode())
    return res


def novel_view_stage(out, runs=None, checkpoint=None, dataroot=None, version: str = "v1.0-synth", split: str = "val",
                     scenes: int = 1, start: int = 0, device: str = "cpu", shifts=None, max_frames=None,
                     fid: bool = True) -> dict:
    """`cvdstorm evaluate --stage novel-view`: `runs` and/or `checkpoint` + `dataroot` (reconstructions of
    the first `scenes` val scenes from `start`), scored into `out` at the lateral `shifts` (default SHIFTS)."""
    require(bool(out), "evaluate --stage novel-view needs --out (the folder for renders and the metric table)")
    runs = [Path(r) for r in (runs or [])]
    if checkpoint:
        from ..data.clips import split_scenes

        require(bool(dataroot), "evaluate --stage novel-view with --checkpoint needs --dataroot (a synthetic "
                "world) to reconstruct its val clips")
        reader = NuScenesReader(dataroot, version)
        for name in (split_scenes(reader, split) or reader.scene_names())[:scenes]:
            folder = Path(out) / "reconstructions" / plain_name(name, f"scene name in {reader.vdir / 'scene.json'}")
            runs.append(reconstruct_run(checkpoint, dataroot, folder, version=version, scene=name, start=start,
                                        device=device))
    shifts = [float(x) for x in (shifts or SHIFTS)]
    return evaluate_novel_view(runs, out, shifts=shifts, max_frames=max_frames, fid=fid)
