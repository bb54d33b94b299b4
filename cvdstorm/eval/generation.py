"""Generation evaluation (`cvdstorm evaluate --stage generation`): generated runs vs the real clip.

The synthetic world gives ground truth for every generated frame: the real camera images, exact
depth and semantic masks of the same samples, under the same controls (boxes, map, poses).

In:  a generation RUN folder (pipelines/run.py, read by `GenerationRun.load`): its scene record
     (dataroot, version, samples [F], references k, ...), frames uint8 [F, V, H, W, 3] and GS-decoder
     depth float32 [F, V, H, W] (optional). The real clip of the same samples is loaded at the run's H x W.
Out: `evaluate_run(RUN)` -> dict, also written as RUN/eval_generation.json and the per-frame table
     RUN/eval_generation.csv (first column `frame`; `reference` = true for the first k frames, which
     are real-frame reconstructions, not generated). Metrics per frame (mean over the 6 views):
       psnr, ssim, lpips            vs the real frame (ST-LPIPS, `alex` by default)
       depth_{abs_rel,rmse,delta1}  GS-decoder depth vs the synthetic world's exact depth (0 = unknown)
       lidar_{abs_rel,rmse,delta1}  the same vs projected LiDAR (the only ground truth on nuScenes)
       miou_generated, miou_real    the shipped segmenter on generated / real frames vs the
                                    ground-truth semantic masks (control fidelity)
       crossview_generated, crossview_real
                                    neighbour-warp photometric L1 (eval/crossview.py): generated
                                    frames with their GS depth, real frames with the exact depth
       crossview_real_gs, real_gs_depth_{abs_rel,rmse,delta1}
                                    with a pipeline given (`pipe=`): the real frames warped with the
                                    GS depth the same checkpoint makes of them, decoded in the run's
                                    windows (`CVDStormPipeline.windowed_depth`), and that depth's
                                    error. The fair reference for crossview_generated: both warp
                                    with GS depth, so depth error is not counted against generation
     The summary averages the generated frames only (pixel-pooled for depth, confusion-pooled for
     mIoU, overlap-pixel-pooled for cross-view); reference frames are summarised apart.

`evaluate_generation(checkpoint, dataroot, out, ...)` generates one run per (val scene, reference
count) under OUT/runs/<scene>/ref<k>/, evaluates it, and aggregates into OUT/eval_generation.json,
OUT/eval_generation.csv (one row per reference count, with the settings), OUT/quality_vs_horizon.csv
(long format: references, frame, scenes, psnr, ssim, lpips) and OUT/plot_quality_vs_horizon.{png,svg};
FID over all generated vs real frames per reference count, FVD when an I3D TorchScript is given.
It is resumable: a (scene, references) pair whose RUN/eval_generation.json exists is reused, a run
that was generated but not evaluated is only evaluated. Per-image Inception (and I3D) features are
cached (generated: in each run folder; real: OUT/fid_real/, shared by the runs of the same
samples), so re-aggregating costs no network passes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from .. import CAMERAS, __version__
from ..errors import CvdError
from ..geometry import EVAL_MAX_DEPTH
from ..images import to_float_images, to_uint8
from ..io import atomic_path, read_json, write_json
from ..pipelines.run import GenerationRun, is_run
from .metrics import DepthStats

EVAL_JSON, EVAL_CSV = "eval_generation.json", "eval_generation.csv"
FID_FEATURES, FVD_FEATURES = "fid_features.npy", "fvd_features.npz"
# The classes the controls draw: boxes (vehicle, pedestrian) and the HD map (road, lane marking).
CONTROL_CLASSES = ("road", "lane_marking", "vehicle", "pedestrian")
METRICS = ("psnr", "ssim", "lpips")
SMALL_N_NOTE = ("FID from {n} generated images: below ~2048 Inception features the covariance is "
                "rank-deficient and FID is biased upwards (it falls as N grows); compare only runs "
                "with the same N, not with the paper's 50k-image numbers.")


# ------------------------------------------------------------------------------------ a run
def load_run(run_dir: str | Path) -> GenerationRun:
    """A RUN folder (pipelines/run.py), checked for what evaluation needs, frames and depth in memory."""
    run = GenerationRun.load(run_dir)
    for key in ("samples", "dataroot"):
        if key not in run.scene:
            raise CvdError(f"{run.folder / 'scene.json'} has no {key!r}; regenerate the run with `cvdstorm generate`")
    if not 0 <= run.references <= run.frames:
        raise CvdError(f"{run.folder / 'scene.json'}: references = {run.references} is outside 0..{run.frames}")
    run.rgb = np.array(run.rgb)
    run.depth = None if run.depth is None else np.array(run.depth, np.float32)
    return run


def real_frames(meta: dict, height: int, width: int, dataroot: str | Path | None = None) -> dict:
    """The real clip of the run's samples at H x W (`data.clips.load_clip`) plus `semantic`
    [F, V, H, W] int64 ground-truth class masks, or None where the dataset has no semantic/."""
    from ..data.clips import load_clip
    from ..data.nuscenes import NuScenesReader
    from ..io import read_image
    from .segmentation import resize_labels, semantic_path

    root = Path(dataroot or meta["dataroot"])
    if not root.is_dir():
        raise CvdError(f"dataroot {root} of the run does not exist; pass --dataroot to point at the data")
    reader = NuScenesReader(root, meta.get("version", "v1.0-synth"))
    clip = load_clip(reader, list(meta["samples"]), height, width)
    sem = np.zeros((len(meta["samples"]), len(CAMERAS), height, width), np.int64)
    for t, s in enumerate(meta["samples"]):
        for v, cam in enumerate(CAMERAS):
            p = semantic_path(reader.root, reader.camera(s, cam).filename, cam)
            if not p.is_file():
                clip["semantic"] = None
                return clip
            sem[t, v] = resize_labels(read_image(p, "semantic mask"), height, width)
    clip["semantic"] = torch.from_numpy(sem)
    return clip


def _depth_row(pred: torch.Tensor, gt: torch.Tensor, prefix: str) -> tuple[dict, DepthStats]:
    st = DepthStats().add(pred, gt, max_depth=EVAL_MAX_DEPTH)
    r = st.result()
    return {f"{prefix}_{k}": _num(r[k]) for k in ("abs_rel", "rmse", "delta1")}, st


def _num(v):
    """JSON-safe number: NaN/inf -> None."""
    if v is None:
        return None
    v = float(v)
    return v if math.isfinite(v) else None


def _crossview_frame(images, depth, K, c2w) -> tuple[float | None, int]:
    """Cross-view L1 of one frame [V, 3, H, W] and its overlap pixel count."""
    from .crossview import crossview_consistency

    r = crossview_consistency(images[None], depth[None], K[None], c2w[None])
    n = sum(p["pixels"] for p in r["pairs"].values())
    return (_num(r["l1"]) if n else None), n


def _pool_crossview(values: list[tuple[float | None, int]]) -> dict:
    n = sum(p for v, p in values if v is not None)
    s = sum(v * p for v, p in values if v is not None)
    return {"l1": s / n if n else None, "pixels": n}


def _pool_depth(stats: list) -> dict:
    tot = DepthStats()
    for s in stats:
        tot = tot.merge(s)
    r = tot.result()
    return {k: _num(r[k]) if k != "pixels" else r[k] for k in ("abs_rel", "rmse", "delta1", "pixels")}


def _miou_of(matrix: np.ndarray) -> dict:
    from .segmentation import CLASS_NAMES, ConfusionMatrix

    cm = ConfusionMatrix(len(CLASS_NAMES))
    cm.matrix = np.asarray(matrix, np.int64).copy()
    r = cm.result(CLASS_NAMES)
    ctrl = [r["iou"][c] for c in CONTROL_CLASSES if r["iou"].get(c) is not None]
    r["control_miou"] = float(np.mean(ctrl)) if ctrl else None
    r["miou"] = _num(r["miou"])
    r["pixel_accuracy"] = _num(r["pixel_accuracy"])
    return r


def resolve_segmenter(segmenter=None, device: str = "cpu"):
    """A Segmenter: the given one, a weights folder, or the shipped weights (None when absent)."""
    from .segmentation import DEFAULT_WEIGHTS, WEIGHTS_FILE, Segmenter

    if segmenter is False:
        return None
    if isinstance(segmenter, Segmenter):
        return segmenter
    if segmenter is None and not (DEFAULT_WEIGHTS / WEIGHTS_FILE).is_file():
        return None
    return Segmenter.load(segmenter, device)


@torch.no_grad()
def evaluate_run(run_dir: str | Path, segmenter=None, lpips_net: str = "alex", dataroot: str | Path | None = None,
                 crossview: bool = True, device: str = "cpu", write: bool = True, real: dict | None = None,
                 pipe=None) -> dict:
    """Evaluate one generation run against the real clip (module docstring); returns the JSON dict.

    segmenter: a `Segmenter`, a weights folder, None (the shipped weights) or False (skip).
    real: a preloaded `real_frames(...)` dict (tests, or several runs of the same samples).
    pipe: the run's `CVDStormPipeline`, for the real frames' GS depth (crossview_real_gs); None: skipped.
    """
    from .metrics import psnr, ssim
    from ..models.perceptual import get_perceptual
    from .segmentation import CLASS_NAMES, ConfusionMatrix

    run = load_run(run_dir)
    meta, k = run.scene, run.references
    F, V, H, W, _ = run.rgb.shape
    clip = real if real is not None else real_frames(meta, H, W, dataroot)
    if tuple(clip["images"].shape) != (F, V, 3, H, W):
        raise CvdError(f"real clip shape {tuple(clip['images'].shape)} does not match the run's [F, V, 3, H, W] = "
                       f"{(F, V, 3, H, W)}")
    gen = to_float_images(run.rgb)                                          # [F, V, 3, H, W]
    # the real frames as a run stores them (8-bit), so a perfect generation scores exactly
    ref = to_float_images(to_uint8(clip["images"]))                           # [F, V, 3, H, W]
    seg = resolve_segmenter(segmenter, device)
    sem = clip.get("semantic")
    lp = get_perceptual(lpips_net, device)
    gen_depth = None if run.depth is None else torch.from_numpy(run.depth)
    has_dense = bool((clip["depth"] > 0).any())
    real_gs = None
    if pipe is not None:
        resolved = run.settings.get("resolved", {})
        plan = [tuple(p) for p in resolved.get("windows", [])]
        if plan:
            real_gs = torch.from_numpy(pipe.windowed_depth(clip, plan, int(resolved["window"])))

    rows = []
    depth_stats = {w: {"generated": [], "reference": []} for w in ("depth", "lidar", "real_gs_depth")}
    conf = {w: {"generated": ConfusionMatrix(), "reference": ConfusionMatrix()} for w in ("gen", "real")}
    xv = {w: {"generated": [], "reference": []} for w in ("gen", "real", "real_gs")}
    for f in range(F):
        part = "reference" if f < k else "generated"
        g, r = gen[f], ref[f]                                                  # [V, 3, H, W]
        row = {"frame": f, "reference": f < k, "sample": meta["samples"][f],
               "psnr": float(psnr(g, r).mean()), "ssim": float(ssim(g, r).mean()),
               "lpips": float(lp(g.to(device), r.to(device)).mean())}
        scored = [("depth", gen_depth, "depth"), ("lidar", gen_depth, "lidar_depth"), ("real_gs_depth", real_gs, "depth")]
        for name, pred, truth in scored:
            if pred is not None and (has_dense or truth == "lidar_depth"):
                d, st = _depth_row(pred[f], clip[truth][f], name)
                row.update(d)
                depth_stats[name][part].append(st)
        if seg is not None and sem is not None:
            for who, imgs in (("gen", g), ("real", r)):
                cm = ConfusionMatrix().update(seg(imgs), sem[f])
                conf[who][part].matrix += cm.matrix
                row[f"miou_{'generated' if who == 'gen' else 'real'}"] = _num(cm.result(CLASS_NAMES)["miou"])
        if crossview:
            if gen_depth is not None:
                l1, n = _crossview_frame(g, gen_depth[f], clip["intrinsics"][f], clip["cam_to_world"][f])
                row["crossview_generated"] = l1
                xv["gen"][part].append((l1, n))
            real_d = clip["depth"][f] if has_dense else clip["lidar_depth"][f]
            l1, n = _crossview_frame(r, real_d, clip["intrinsics"][f], clip["cam_to_world"][f])
            row["crossview_real"] = l1
            xv["real"][part].append((l1, n))
            if real_gs is not None:
                l1, n = _crossview_frame(r, real_gs[f], clip["intrinsics"][f], clip["cam_to_world"][f])
                row["crossview_real_gs"] = l1
                xv["real_gs"][part].append((l1, n))
        rows.append(row)

    def part_summary(part: str) -> dict:
        sel = [r for r in rows if (r["reference"] if part == "reference" else not r["reference"])]
        if not sel:
            return {}
        s = {m: float(np.mean([r[m] for r in sel])) for m in METRICS}
        for name, key in (("depth", "gen_depth"), ("lidar", "gen_lidar"), ("real_gs_depth", "real_gs_depth")):
            if depth_stats[name][part]:
                s.update({f"{key}_{m}": v for m, v in _pool_depth(depth_stats[name][part]).items()})
        if seg is not None and sem is not None:
            for who, name in (("gen", "generated"), ("real", "real")):
                res = _miou_of(conf[who][part].matrix)
                s[f"miou_{name}"] = res["miou"]
                s[f"control_miou_{name}"] = res["control_miou"]
        if crossview:
            for who, name in (("gen", "generated"), ("real", "real"), ("real_gs", "real_gs")):
                if xv[who][part]:
                    p = _pool_crossview(xv[who][part])
                    s[f"crossview_l1_{name}"], s[f"crossview_pixels_{name}"] = p["l1"], p["pixels"]
        s["frames"] = len(sel)
        return s

    notes = []
    if gen_depth is None:
        notes.append("no depth.npy in the run: depth and generated cross-view metrics skipped")
    if not has_dense:
        notes.append("the dataset has no dense depth/: depth scored against LiDAR only, real cross-view uses LiDAR depth")
    if seg is None:
        notes.append("control fidelity skipped: no segmenter weights (train them with `cvdstorm train-seg`)")
    elif sem is None:
        notes.append("control fidelity skipped: the dataset has no semantic/ masks (synthetic world only)")
    classes = None
    if seg is not None and sem is not None:
        classes = {part: {"generated": _miou_of(conf["gen"][part].matrix)["iou"],
                          "real": _miou_of(conf["real"][part].matrix)["iou"]}
                   for part in ("generated", "reference") if any(r["reference"] == (part == "reference") for r in rows)}
    result = {
        "summary": part_summary("generated"),
        "reference_frames": part_summary("reference"),
        "per_class_iou": classes,
        "confusion": None if classes is None else {
            f"{who}_{part}": conf[who][part].matrix.tolist() for who in ("gen", "real") for part in ("generated", "reference")},
        "settings": {"run": str(run.folder), "scene": meta.get("scene"), "dataroot": str(dataroot or meta["dataroot"]),
                     "version": meta.get("version", "v1.0-synth"), "frames": F, "references": k,
                     "height": H, "width": W, "lpips_net": lpips_net, "max_depth": EVAL_MAX_DEPTH,
                     "control_classes": list(CONTROL_CLASSES),
                     "segmenter": None if seg is None else {"input_size": list(seg.input_size),
                                                             "train_miou": seg.meta.get("train_miou"),
                                                             "val_miou": seg.meta.get("val_miou")},
                     "crossview": crossview, "cvdstorm": __version__},
        "notes": notes,
        "per_frame": rows,
    }
    if write:
        write_json(run.folder / EVAL_JSON, result)
        write_csv(run.folder / EVAL_CSV, rows)
    return result


def write_csv(path: Path, rows: list[dict]) -> None:
    if not rows:
        raise CvdError(f"nothing to write to {path}")
    keys: list[str] = []
    for r in rows:
        keys += [c for c in r if c not in keys]
    with atomic_path(path) as tmp, open(tmp, "w", newline="") as fh:
        w = csv.DictWriter(fh, keys)
        w.writeheader()
        for r in rows:
            w.writerow({c: ("" if r.get(c) is None else str(r[c]).lower() if isinstance(r.get(c), bool) else r[c])
                        for c in keys})


# ------------------------------------------------------------------------- features (cached)
def _fid_features(path: Path, images_fn, shape: tuple[int, int], frames: np.ndarray, extractor) -> np.ndarray:
    """Inception features [F, V, 2048] float32 of the wanted frames (bool [F]), cached in `path`.

    Frames not yet computed are NaN in the cache; only missing wanted frames are computed, from
    `images_fn()` -> uint8 [F, V, H, W, 3] (called only when something is missing)."""
    F, V = shape
    f = None
    if path.is_file():
        try:
            f = np.load(path, allow_pickle=False)
            f = f if f.shape == (F, V, 2048) else None
        except (OSError, ValueError, EOFError):
            f = None  # recompute a corrupt cache
    if f is None:
        f = np.full((F, V, 2048), np.nan, np.float32)
    missing = frames & np.isnan(f).any((1, 2))
    if missing.any():
        imgs = images_fn()[missing]                                                  # [n, V, H, W, 3]
        f[missing] = extractor(imgs.reshape(-1, *imgs.shape[2:])).astype(np.float32).reshape(len(imgs), V, -1)
        with atomic_path(path) as tmp, open(tmp, "wb") as fh:
            np.save(fh, f)
    return f


def _fvd_features(run: Path, videos: torch.Tensor, extractor, key: str) -> np.ndarray:
    """I3D features of the run's per-camera videos [V, F, 3, H, W], cached per I3D file in RUN."""
    path = run / FVD_FEATURES
    if path.is_file():
        try:
            with np.load(path, allow_pickle=False) as z:
                if key in z.files:
                    return z[key]
                cached = {n: z[n] for n in z.files}
        except (OSError, ValueError, EOFError):
            cached = {}
    else:
        cached = {}
    cached[key] = extractor(videos).astype(np.float32)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        np.savez(fh, **cached)
    return cached[key]


# ----------------------------------------------------------------------------- the driver
def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(name)) or "scene"


def val_scenes(dataroot: str | Path, version: str = "v1.0-synth", split: str = "val") -> list[str]:
    from ..data.clips import split_scenes
    from ..data.nuscenes import NuScenesReader

    return sorted(split_scenes(NuScenesReader(dataroot, version), split))


def evaluate_generation(checkpoint: str | Path | None, dataroot: str | Path | None, out: str | Path,
                        scenes: int | Sequence[str] = 1, references: Sequence[int] = (0, 1, 3), frames: int = 18,
                        seed: int = 0, start: int = 0, steps: int | None = None, guidance: float | None = None,
                        version: str = "v1.0-synth", split: str = "val", i3d: str | Path | None = None,
                        segmenter=None, lpips_net: str = "alex", device: str = "cpu", runs: Sequence | None = None,
                        fid: bool = True, crossview: bool = True, progress: bool = True, log=print) -> dict:
    """Generate + evaluate each (scene, reference count), then aggregate (module docstring).

    scenes: how many scenes of the split (the first N, sorted) or their names. runs: existing run
    folders to evaluate instead of generating (checkpoint / dataroot are then not needed).
    Returns the aggregate JSON dict (also OUT/eval_generation.json).
    """
    out = Path(out)
    refs = sorted({int(r) for r in references})
    if any(r < 0 or r >= frames for r in refs) and runs is None:
        raise CvdError(f"reference counts must be in 0..{frames - 1} (got {refs})")
    jobs: list[dict] = []  # {run, scene, references, status}
    if runs is not None:
        for r in runs:
            jobs.append({"run": Path(r), "status": None})
    else:
        if not checkpoint or not dataroot:
            raise CvdError("evaluate --stage generation needs --checkpoint and --dataroot (or --runs RUN... "
                           "to evaluate runs that exist)")
        if frames < 1:
            raise CvdError(f"--frames must be positive (got {frames})")
        names = list(scenes) if not isinstance(scenes, int) else val_scenes(dataroot, version, split)[:scenes]
        if isinstance(scenes, int) and scenes < 1:
            raise CvdError(f"--scenes must be positive (got {scenes})")
        if not names:
            raise CvdError(f"no {split} scenes in {dataroot} ({version})")
        for name in names:
            for k in refs:
                jobs.append({"run": out / "runs" / _safe(name) / f"ref{k}", "scene": name, "references": k,
                             "status": None})

    seg = resolve_segmenter(segmenter, device)
    pipe = None
    results = []
    for i, job in enumerate(jobs):
        run = job["run"]
        label = f"[{i + 1}/{len(jobs)}] {run}"
        res = None
        if (run / EVAL_JSON).is_file():
            try:
                res = read_json(run / EVAL_JSON, "evaluation")
                if "summary" not in res or "per_frame" not in res:
                    res = None
            except CvdError:
                res = None
            if res is not None:
                job["status"] = "reused"
        if res is None:
            if not is_run(run):
                if runs is not None:
                    load_run(run)  # raises the one-line error for a folder that is no run
                from ..pipelines import generate as pipeline

                if pipe is None:
                    pipe = pipeline.CVDStormPipeline.from_pretrained(checkpoint, device)  # once for every run
                cfg = pipeline.GenerateConfig(checkpoint=str(checkpoint), dataroot=str(dataroot), version=version,
                                              scene=job["scene"], start=start, frames=frames,
                                              references=job["references"], seed=seed, steps=steps,
                                              guidance=guidance, device=device)
                if log:
                    log(f"{label}: generating {frames} frames with {job['references']} reference frame(s)")
                pipe(cfg, progress=progress).save(run, overwrite=True)
                job["status"] = "generated"
            else:
                job["status"] = "evaluated"
            if log:
                log(f"{label}: evaluating")
            if crossview and pipe is None and checkpoint:
                from ..pipelines.generate import CVDStormPipeline

                pipe = CVDStormPipeline.from_pretrained(checkpoint, device)
            res = evaluate_run(run, segmenter=seg if seg is not None else False, lpips_net=lpips_net,
                               device=device, crossview=crossview, pipe=pipe)
        elif log:
            log(f"{label}: already evaluated, reused")
        job["scene"] = res["settings"].get("scene")
        job["references"] = int(res["settings"]["references"])
        results.append((job, res))

    agg = aggregate(results, out, i3d=i3d, fid=fid, device=device, log=log)
    agg["settings"].update({"checkpoint": None if checkpoint is None else str(checkpoint),
                            "dataroot": None if dataroot is None else str(dataroot), "version": version,
                            "split": split, "frames": frames, "start": start, "seed": seed, "steps": steps,
                            "guidance": guidance, "lpips_net": lpips_net, "device": device,
                            "segmenter": results[0][1]["settings"].get("segmenter") if results else None,
                            "from_existing_runs": runs is not None, "cvdstorm": __version__})
    write_json(out / EVAL_JSON, agg)
    _write_summary_csv(out / EVAL_CSV, agg)
    return agg


def aggregate(results: list[tuple[dict, dict]], out: Path, i3d=None, fid: bool = True, device: str = "cpu",
              log=print) -> dict:
    """Pool per-run evaluations by reference count; FID/FVD; quality vs horizon (CSV, PNG, SVG)."""
    if not results:
        raise CvdError("no generation runs to aggregate")
    out.mkdir(parents=True, exist_ok=True)
    by_ref: dict[int, list[tuple[dict, dict]]] = {}
    for job, res in results:
        by_ref.setdefault(job["references"], []).append((job, res))
    summary: dict = {}
    by_reference: dict = {}
    horizon: dict = {}
    notes: list[str] = []

    # ---------------- per-frame means over scenes, and pooled summaries
    for k in sorted(by_ref):
        group = by_ref[k]
        F = max(len(r["per_frame"]) for _, r in group)
        h = {m: [] for m in METRICS}
        h["scenes"] = []
        for f in range(F):
            vals = [r["per_frame"][f] for _, r in group if f < len(r["per_frame"])]
            for m in METRICS:
                h[m].append(float(np.mean([v[m] for v in vals])))
            h["scenes"].append(len(vals))
        horizon[f"ref{k}"] = {"psnr": h["psnr"], "ssim": h["ssim"], "lpips": h["lpips"]}
        horizon[f"ref{k}"]["_scenes"] = h["scenes"]
        gen_rows = [row for _, r in group for row in r["per_frame"] if not row["reference"]]
        s: dict = {"runs": len(group), "generated_frames": len(gen_rows)}
        for m in METRICS:
            s[m] = float(np.mean([row[m] for row in gen_rows])) if gen_rows else None
        # depth: pixel-pooled from the per-run results (exact: sums of per-run pixel sums)
        for pre in ("gen_depth", "gen_lidar"):
            parts = [(r["summary"].get(f"{pre}_abs_rel"), r["summary"].get(f"{pre}_rmse"),
                      r["summary"].get(f"{pre}_delta1"), r["summary"].get(f"{pre}_pixels", 0)) for _, r in group]
            parts = [p for p in parts if p[0] is not None and p[3]]
            n = sum(p[3] for p in parts)
            if n:
                s[f"{pre}_abs_rel"] = sum(p[0] * p[3] for p in parts) / n
                s[f"{pre}_rmse"] = math.sqrt(sum(p[1] ** 2 * p[3] for p in parts) / n)
                s[f"{pre}_delta1"] = sum(p[2] * p[3] for p in parts) / n
        # control fidelity: sum the confusion matrices
        per_class = {}
        for who, name in (("gen", "generated"), ("real", "real")):
            mats = [np.asarray(r["confusion"][f"{who}_generated"]) for _, r in group if r.get("confusion")]
            if mats:
                res = _miou_of(sum(mats))
                s[f"miou_{name}"], s[f"control_miou_{name}"] = res["miou"], res["control_miou"]
                per_class[name] = res["iou"]
        # cross-view: overlap-pixel-pooled
        for name in ("generated", "real", "real_gs"):
            parts = [(r["summary"].get(f"crossview_l1_{name}"), r["summary"].get(f"crossview_pixels_{name}", 0))
                     for _, r in group]
            parts = [p for p in parts if p[0] is not None and p[1]]
            n = sum(p[1] for p in parts)
            if n:
                s[f"crossview_l1_{name}"] = sum(a * b for a, b in parts) / n
        by_reference[f"ref{k}"] = {**s, "per_class_iou": per_class or None,
                                   "scenes": sorted({str(j["scene"]) for j, _ in group})}
        for key in ("psnr", "ssim", "lpips", "gen_depth_abs_rel", "gen_depth_rmse", "gen_depth_delta1",
                    "control_miou_generated", "control_miou_real", "crossview_l1_generated", "crossview_l1_real",
                    "crossview_l1_real_gs"):
            if s.get(key) is not None:
                summary[f"{key}_ref{k}"] = s[key]

    # ---------------- FID (generated frames vs the real frames of the same samples)
    if fid:
        from .fid import InceptionFeatures
        from .frechet import FeatureStats

        ext = InceptionFeatures(device)
        n_min = None
        for k in sorted(by_ref):
            g_st, r_st = FeatureStats(), FeatureStats()
            for job, res in by_ref[k]:
                run = load_run(job["run"])
                H, W = run.rgb.shape[2:4]
                mask = np.array([not row["reference"] for row in res["per_frame"]])
                if not mask.any():
                    continue
                g = _fid_features(run.folder / FID_FEATURES, lambda: run.rgb, run.rgb.shape[:2], mask, ext)
                # real features are shared by every run of the same samples (0/1/3 references)
                root = res["settings"].get("dataroot")
                key = hashlib.sha1(json.dumps([str(root), run.scene.get("version"), run.scene["samples"],
                                               H, W]).encode()).hexdigest()[:16]
                r_ = _fid_features(out / "fid_real" / f"{key}.npy",
                                   lambda: to_uint8(real_frames(run.scene, H, W, root)["images"]),
                                   run.rgb.shape[:2], mask, ext)
                g_st.update(g[mask].reshape(-1, g.shape[-1]))
                r_st.update(r_[mask].reshape(-1, r_.shape[-1]))
            if g_st.n >= 2 and r_st.n >= 2:
                summary[f"fid_ref{k}"] = g_st.frechet(r_st)
                by_reference[f"ref{k}"]["fid"] = summary[f"fid_ref{k}"]
                by_reference[f"ref{k}"]["fid_images"] = g_st.n
                n_min = g_st.n if n_min is None else min(n_min, g_st.n)
        if n_min is not None and n_min < 2048:
            notes.append(SMALL_N_NOTE.format(n=n_min))
    # ---------------- FVD when an I3D model is given
    fvd_note = None
    if i3d is None:
        fvd_note = "FVD skipped: no --i3d PATH given (the usual i3d_torchscript.pt; no registry ships it)"
    else:
        from .fvd import I3DFeatures
        from .frechet import FeatureStats

        try:
            ext3 = I3DFeatures(i3d, device)
        except CvdError as e:
            fvd_note = str(e)
        else:
            key = "i3d_" + hashlib.sha1(str(Path(i3d).resolve()).encode()).hexdigest()[:12]
            for k in sorted(by_ref):
                g_st, r_st = FeatureStats(), FeatureStats()
                for job, res in by_ref[k]:
                    run = load_run(job["run"])
                    H, W = run.rgb.shape[2:4]
                    real = real_frames(run.scene, H, W, res["settings"].get("dataroot"))
                    gv = to_float_images(run.rgb).transpose(0, 1)                  # [V, F, 3, H, W]
                    rv = to_float_images(to_uint8(real["images"])).transpose(0, 1)
                    g_st.update(_fvd_features(run.folder, gv, ext3, key + "_gen"))
                    r_st.update(_fvd_features(run.folder, rv, ext3, key + "_real"))
                if g_st.n >= 2:
                    summary[f"fvd_ref{k}"] = g_st.frechet(r_st)
                    by_reference[f"ref{k}"]["fvd"] = summary[f"fvd_ref{k}"]
                    by_reference[f"ref{k}"]["fvd_videos"] = g_st.n
            if ext3.stretched:
                notes.append(f"FVD: {ext3.stretched} videos were shorter than 16 frames and were stretched")
            notes.append("FVD on per-camera videos of every run (all frames, references included), "
                         "few videos: biased like FID at small N")
    if fvd_note:
        notes.append(fvd_note)
        if log:
            log(fvd_note)

    # ---------------- quality vs horizon: CSV (long format) and plots
    rows = [{"references": int(k[3:]), "frame": f, "scenes": v["_scenes"][f],
             **{m: v[m][f] for m in METRICS}} for k, v in horizon.items() for f in range(len(v["psnr"]))]
    with atomic_path(out / "quality_vs_horizon.csv") as tmp, open(tmp, "w", newline="") as fh:
        w = csv.DictWriter(fh, ["references", "frame", "scenes", *METRICS])
        w.writeheader()
        w.writerows(rows)
    plot_horizon(horizon, out / "plot_quality_vs_horizon")
    for v in horizon.values():
        v.pop("_scenes")
    return {"summary": summary, "by_reference": by_reference, "quality_vs_horizon": horizon,
            "runs": [{"scene": j["scene"], "references": j["references"], "run": str(j["run"]),
                      "status": j["status"]} for j, _ in results],
            "notes": notes, "settings": {"references": sorted(by_ref), "fid": fid,
                                         "i3d": None if i3d is None else str(i3d)}}


def plot_horizon(horizon: dict, base: Path) -> list[Path]:
    """PSNR / SSIM / LPIPS per frame index, one line per reference count -> base.png, base.svg."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    with plt.rc_context({"svg.hashsalt": "horizon", "svg.fonttype": "path"}):
        fig, axes = plt.subplots(1, 3, figsize=(11, 3.0), dpi=110)
        for ax, m, label in zip(axes, METRICS, ("PSNR (dB) ↑", "SSIM ↑", "ST-LPIPS ↓")):
            for key, v in sorted(horizon.items(), key=lambda kv: int(kv[0][3:])):
                k = int(key[3:])
                y = v[m]
                line, = ax.plot(range(len(y)), y, marker="o", markersize=3, linewidth=1.4,
                                label=f"{k} reference frame{'s' if k != 1 else ''}")
                if k:  # reference frames (real reconstructions) drawn hollow
                    ax.plot(range(k), y[:k], "o", markersize=6, markerfacecolor="none", color=line.get_color())
            ax.set_title(label, fontsize=10)
            ax.set_xlabel("frame index (horizon)", fontsize=8)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.tick_params(labelsize=7)
            ax.grid(alpha=0.3)
        axes[0].legend(fontsize=7, frameon=False)
        fig.suptitle("Generation quality vs horizon (hollow: reference frames)", fontsize=10)
        fig.tight_layout()
        paths = []
        for ext in ("png", "svg"):
            p = base.with_suffix(f".{ext}")
            with atomic_path(p) as tmp:
                fig.savefig(tmp, format=ext)
            paths.append(p)
        plt.close(fig)
    return paths


def _write_summary_csv(path: Path, agg: dict) -> None:
    """One row per reference count: pooled metrics, FID/FVD and the settings."""
    st = agg["settings"]
    rows = []
    for key, s in agg["by_reference"].items():
        row = {"references": int(key[3:])}
        row.update({m: v for m, v in s.items() if not isinstance(v, (dict, list))})
        row["scenes"] = " ".join(s.get("scenes", []))
        for name in ("checkpoint", "dataroot", "version", "frames", "seed", "steps", "guidance", "lpips_net", "i3d"):
            row[name] = st.get(name)
        rows.append(row)
    write_csv(path, rows)
