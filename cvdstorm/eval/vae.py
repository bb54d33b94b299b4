"""Stage-1 evaluation (`cvdstorm evaluate --stage vae`): how well STORM-VAE reconstructs clips.

In:  a trained STORM-VAE checkpoint (run or step folder) and clips of a split (default: val).
Out: a dict of metrics (also RUN/eval_vae.json and a per-clip eval_vae.csv):
  vae_psnr / vae_ssim              VAE decode(encode(x)) vs x, every frame and camera
  gs_ctx_psnr / gs_ctx_ssim        Gaussians rendered at the context frames' cameras (reconstruction)
  gs_novel_psnr / gs_novel_ssim    rendered at the non-context frames (novel time; the ego has moved,
                                   so every camera is also a novel viewpoint)
  gs_sky_alpha                     mean rendered opacity on sky pixels of the novel frames (dense depth 0;
                                   synthetic world only): 0 = the Gaussians leave the sky to the sky model
  gs_depth_{abs_rel,rmse,delta1}   rendered depth at novel frames vs the dataset's exact dense depth
  gs_lidar_{abs_rel,rmse,delta1}   the same vs projected LiDAR depth (the only GT on nuScenes)
  dec_depth_*, dec_lidar_*         the GS decoder's per-pixel depth of the input (context) views
The CSV has one row per clip (its scene, image metrics and depth AbsRel); the summary pools depth pixels.
Depth is scored where the ground truth is in (0, max_depth]; latents are the posterior means.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import torch
from tqdm.auto import tqdm

from ..config import StormVAEConfig
from ..errors import CvdError
from ..io import atomic_path, write_json
from .metrics import DepthStats, psnr, ssim


@torch.no_grad()
def evaluate_clip(model, clip: dict, cfg: StormVAEConfig) -> tuple[dict, dict[str, DepthStats]]:
    """One batched clip (B = 1) -> (mean image metrics, depth statistics by name)."""
    images = clip["images"]                                               # [1, T, V, 3, H, W]
    B, T, V, _, H, W = images.shape
    context = list(cfg.data.context_frames)
    novel = [t for t in range(T) if t not in context]
    mean, _ = model.encode(images)                                        # [1, T, V, 16, h, w]
    recon = model.decode(mean).clamp(-1, 1)
    flat = lambda x: x.reshape(-1, *x.shape[-3:])
    row = {"vae_psnr": psnr(flat(recon), flat(images)).mean().item(),
           "vae_ssim": ssim(flat(recon), flat(images)).mean().item()}
    ctx = torch.as_tensor(context)
    gs = model.gs_decode(mean[:, ctx], clip["intrinsics"][:, ctx], clip["cam_to_world"][:, ctx],
                         clip["timestamps"][:, ctx])
    stats = {k: DepthStats() for k in ("gs_depth", "gs_lidar", "dec_depth", "dec_lidar")}
    max_d = cfg.eval_max_depth
    for name, frames in (("gs_ctx", context), ("gs_novel", novel)):
        if not frames:
            continue
        f = torch.as_tensor(frames).repeat_interleave(V)[None]            # [1, N]
        c = torch.arange(V).repeat(len(frames))[None]
        r = model.render(gs, clip["cam_to_world"][0, f[0], c[0]][None], clip["intrinsics"][0, f[0], c[0]][None],
                         clip["timestamps"][0, f[0]][None], c, H, W)
        pred, tgt = r["rgb"][0].clamp(-1, 1), images[0, f[0], c[0]]
        row[f"{name}_psnr"] = psnr(pred, tgt).mean().item()
        row[f"{name}_ssim"] = ssim(pred, tgt).mean().item()
        if name == "gs_novel":
            gt = clip["depth"][0, f[0], c[0]]
            if bool((gt > 0).any()) and bool((gt == 0).any()):   # dense depth: 0 marks the sky
                row["gs_sky_alpha"] = r["alpha"][0][gt == 0].mean().item()
            stats["gs_depth"].add(r["depth"][0], clip["depth"][0, f[0], c[0]], max_depth=max_d)
            stats["gs_lidar"].add(r["depth"][0], clip["lidar_depth"][0, f[0], c[0]], max_depth=max_d)
    stats["dec_depth"].add(gs.depth, clip["depth"][:, ctx], max_depth=max_d)
    stats["dec_lidar"].add(gs.depth, clip["lidar_depth"][:, ctx], max_depth=max_d)
    return row, stats


def evaluate_vae(checkpoint: str | Path, out: str | Path | None = None, split: str = "val",
                 dataroot: str | None = None, max_clips: int | None = None, device: str = "cpu",
                 progress: bool = True, overrides: dict | None = None) -> dict[str, float]:
    """overrides: checked config keys applied to the checkpoint's config before reading clips, e.g.
    {"data.frame_rate": "camera", "data.num_frames": 19, "data.context_frames": [0, 6, 12, 18]} to score a
    keyframe-trained model in the camera-rate clip layout."""
    from ..data.clips import ClipDataset, collate_clips, to_device
    from ..models.loading import load_storm_vae

    model, cfg = load_storm_vae(checkpoint, device)
    if overrides:
        cfg = cfg.with_overrides(overrides)
    cfg.data.split = split
    if dataroot:
        cfg.data.dataroot = dataroot
    ds = ClipDataset(cfg.data)
    n = len(ds) if max_clips is None else min(len(ds), max_clips)
    if n == 0:
        raise CvdError(f"no {split} clips of {cfg.data.num_frames} frames in {cfg.data.dataroot}")
    rows, totals = [], {k: DepthStats() for k in ("gs_depth", "gs_lidar", "dec_depth", "dec_lidar")}
    for i in tqdm(range(n), desc="evaluate vae", disable=not progress):
        row, stats = evaluate_clip(model, to_device(collate_clips([ds[i]]), torch.device(device)), cfg)
        # the clip's own depth AbsRel (the summary pools pixels over clips): shows which scenes are hard
        row.update({f"{k}_abs_rel": v for k, s in stats.items() if not math.isnan(v := s.result()["abs_rel"])})
        rows.append({"clip": i, "scene": ds.index[i][0], **row})
        for k, s in stats.items():
            totals[k] = totals[k].merge(s)
    columns = list(dict.fromkeys(k for r in rows for k in r))   # gs_sky_alpha only where a clip shows sky
    keys = [k for k in columns if k not in ("clip", "scene")]
    summary: dict[str, float] = {k: sum(r[k] for r in rows if k in r) / sum(k in r for r in rows) for k in keys}
    for name, s in totals.items():
        res = s.result()
        summary.update({f"{name}_{m}": res[m] for m in ("abs_rel", "rmse", "delta1")})
    summary.update(clips=n, split=split, checkpoint=str(checkpoint), gs_grad_to_vae=cfg.gs_grad_to_vae,
                   gs_weight=cfg.gs_weight, frame_rate=cfg.data.frame_rate, num_frames=cfg.data.num_frames,
                   context_frames=list(cfg.data.context_frames))
    summary = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in summary.items()}
    if out is not None:
        out = Path(out)
        write_json(out / "eval_vae.json", {"summary": summary, "clips": rows})
        with atomic_path(out / "eval_vae.csv") as tmp, open(tmp, "w", newline="") as fh:
            w = csv.DictWriter(fh, columns)
            w.writeheader()
            w.writerows(rows)
    return summary
