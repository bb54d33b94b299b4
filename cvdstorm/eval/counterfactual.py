"""`cvdstorm evaluate --stage counterfactual`: the ego on another path (pipelines/ego_edits.py), scored
against the synthetic world's exact views of that path, each number beside its factual twin.

In:  a checkpoint and a synthetic dataroot (the first `scenes` scenes of the split), or existing run
     folders (`runs=`: each scored against the exact views of its own path, diffusion route only).
     Edits: lane changes of `shifts` metres to the right (in the synthetic world: into the next lane of
     the same direction) starting at the last reference frame and taking `lane_seconds`, speed factors
     `speeds`, and `factual` (no edit). Two routes per edit:
       diffusion   the DiT generates with the edited controls (the edit's own run)
       gaussians   the factual run's 4D Gaussians rendered along the edit's cameras
                   (pipelines/novel_view.render_along; their own colour over black, no sky model)
Out: OUT/eval_counterfactual.json (+ .csv, one row per edit and route), OUT/runs/<scene>/<edit>/ (the
     runs) and OUT/side_by_side/<scene>_<edit>.png (last frame: diffusion | gaussians | exact). Scores on
     the generated frames (after the references), against exact views rendered at the dataset's image
     size and resized to the run's as clips are (data/synth/truth.run_views):
       psnr, ssim, stlpips     vs the exact frames (ST-LPIPS alex); psnr_covered: alpha >= 0.5 pixels only
       depth_abs_rel           GS depth (the run's depth.npy / the rendered depth) vs exact depth (<= 80 m)
       control_miou            the shipped segmenter vs the exact semantics, mean IoU over the classes the
                               controls draw (road, lane marking, vehicle, pedestrian)
       vehicle_iou             NTA-IoU in spirit, a segmenter instead of a detector: for each vehicle box
                               projected into the new cameras (its image hull, nearer hulls on top, at least
                               MIN_HULL pixels), |hull and segmented vehicle pixels| / |hull|, averaged
       lane_iou                NTL-IoU in spirit: IoU of the segmented lane-marking pixels with the map's lane
                               and road dividers projected into the new cameras (LANE_WIDTH px lines), pooled
       fid                     Inception FID vs the exact views (per edit and route, pooled over scenes;
                               tens of images: indicative only)
     `exact`: the segmenter scores of the exact views themselves (the ceiling of each metric), and
     `vs_factual`: each edit's ratio (control mIoU, vehicle IoU) and PSNR difference to the factual
     twin of the same route, with the issue's targets (>= 85 %, >= -1.5 dB).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch

from .. import CAMERAS, __version__
from ..data.clips import clip_map, resize_image, resize_nearest
from ..data.conditions import box_masks, control_images
from ..data.annotations import BOX_CLASSES
from ..data.nuscenes import NuScenesReader
from ..data.synth.truth import run_views
from ..errors import CvdError, require
from ..geometry import EVAL_MAX_DEPTH, invert_pose, scale_intrinsics, transform_points
from ..images import caption_bar, tile_rig, to_uint8
from ..io import atomic_path, write_json
from ..pipelines.novel_view import HOLE_ALPHA, render_along
from ..pipelines.run import GenerationRun, is_run
from .generation import CONTROL_CLASSES, miou_of, resolve_segmenter, write_csv
from .metrics import DepthStats
from .novel_view import image_metrics
from .segmentation import ConfusionMatrix, resize_labels

SHIFTS = (1.0, 2.0, 3.0, 4.0)
SPEEDS = (0.5, 1.5)
LANE_SECONDS = 1.0       # a lane change takes this long (2 keyframes at 2 Hz)
MIN_HULL = 20            # px: smaller projected vehicles are not scored
LANE_WIDTH = 2           # px: the map's lane lines drawn this wide
LANE_LAYERS = ("lane_divider", "road_divider")
MAP_RADIUS = 80.0        # m around the ego path: the map lines drawn
VEHICLES = [BOX_CLASSES.index(c) for c in ("car", "truck", "bus", "trailer", "construction_vehicle")]
SEG_VEHICLE, SEG_LANE = 3, 2     # segmenter classes (eval/segmentation.CLASS_NAMES)
TARGETS = {"control_miou": 0.85, "vehicle_iou": 0.85, "psnr": -1.5}
ROUTES = ("diffusion", "gaussians")


def edit_set(shifts=SHIFTS, speeds=SPEEDS, start: float = 0.0, lane_seconds: float = LANE_SECONDS) -> dict:
    """{name: edit file content}: the factual path, lane changes of each shift (to the right) from
    `start` (s), speed factors."""
    out = {"factual": {}}
    for s in shifts:
        out[f"shift_{s:g}m"] = {"ego": {"lane_change": {"offset": -float(s), "start": float(start),
                                                        "duration": float(lane_seconds)}}}
    for k in speeds:
        out[f"speed_x{k:g}"] = {"ego": {"speed": float(k)}}
    return out


class Scores:
    """Pooled scores of one (edit, route): per-image metrics, depth, confusion, per-box IoUs, lane counts."""

    def __init__(self):
        self.images: dict[str, list[float]] = {}
        self.depth, self.conf = DepthStats(), ConfusionMatrix()
        self.vehicle: list[float] = []
        self.lane = np.zeros(2)                     # intersection, union
        self.fid: tuple[list, list] = ([], [])

    def add_segmentation(self, labels: np.ndarray, truth: dict, masks: dict) -> None:
        """labels [N, V, H, W] (segmenter or exact classes) vs the exact semantics and the projected controls."""
        self.conf.update(labels, truth["semantic"])
        veh = labels == SEG_VEHICLE
        for hull in masks["hulls"]:                                                    # (n, v, flat pixel ids)
            n, v, px = hull
            self.vehicle.append(float(veh[n, v].reshape(-1)[px].mean()))
        lane, lines = labels == SEG_LANE, masks["lanes"]
        self.lane += [(lane & lines).sum(), (lane | lines).sum()]

    def add_images(self, rgb, depth, covered, truth: dict, lpips) -> None:
        N, V = rgb.shape[:2]
        flat = lambda a: a.reshape(N * V, *a.shape[2:])  # noqa: E731
        for k, vals in image_metrics(flat(rgb), flat(truth["rgb"]), flat(covered), lpips).items():
            self.images.setdefault(k, []).extend(vals)
        if depth is not None:  # where the Gaussians cover the pixel (all pixels of a generated frame)
            self.depth.add(torch.from_numpy(flat(np.asarray(depth, np.float32))),
                           torch.from_numpy(flat(truth["depth"]).astype(np.float32)), torch.from_numpy(flat(covered)),
                           EVAL_MAX_DEPTH)
        self.fid[0].append(flat(rgb))
        self.fid[1].append(flat(truth["rgb"]))

    def result(self) -> dict:
        out = {k: _mean(v) for k, v in self.images.items()}
        d = self.depth.result()
        out["depth_abs_rel"] = d["abs_rel"] if d["pixels"] else None
        m = miou_of(self.conf.matrix)
        out.update(control_miou=m["control_miou"], vehicle_iou=_mean(self.vehicle), vehicles=len(self.vehicle),
                   lane_iou=float(self.lane[0] / self.lane[1]) if self.lane[1] else None)
        return out


def _mean(xs) -> float | None:
    a = np.asarray([x for x in xs if x is not None and math.isfinite(x)], np.float64)
    return float(a.mean()) if len(a) else None


def exact_truth(reader: NuScenesReader, run: GenerationRun, frames: list[int]) -> dict:
    """Exact rgb uint8, depth, semantic [N, V, H, W(, 3)] of the run's frames along its own cameras,
    rendered at the dataset's image size and resized to the run's as clips are (data/clips.py)."""
    H, W = run.rgb.shape[2:4]
    cam = reader.camera(run.scene["samples"][0], CAMERAS[0])
    h0, w0 = (cam.height, cam.width) if cam.height and cam.width else (H, W)
    rec = {**run.scene, "intrinsics": scale_intrinsics(np.asarray(run.scene["intrinsics"], np.float64), w0 / W, h0 / H)}
    v = run_views(reader, rec, h0, w0, frames)
    rgb = np.stack([[to_uint8(resize_image(im, W, H).transpose(2, 0, 1) / 127.5 - 1) for im in f] for f in v["rgb"]])
    depth = np.stack([[resize_nearest(d, W, H) for d in f] for f in v["depth"]])
    return {"rgb": rgb, "depth": depth, "semantic": resize_labels(v["semantic"], H, W).astype(np.int64)}


def control_masks(reader: NuScenesReader, run: GenerationRun, frames: list[int]) -> dict:
    """What the controls put where, in the run's cameras: vehicle box hulls [(n, v, pixel ids)] of at
    least MIN_HULL pixels, and the map's lane lines as a mask [N, V, H, W]."""
    sc = run.scene
    H, W = run.rgb.shape[2:4]
    K, c2w = np.asarray(sc["intrinsics"])[frames], np.asarray(sc["cam_to_world"])[frames]
    boxes = [{k: (np.asarray(v) if k != "instance" else v) for k, v in sc["boxes"][f].items()} for f in frames]
    cls, idx = box_masks(boxes, K, c2w, H, W)
    hulls = []
    for n, b in enumerate(boxes):
        for i in np.nonzero(np.isin(np.asarray(b["cls"], np.int64), VEHICLES))[0]:
            for v in range(len(CAMERAS)):
                px = np.flatnonzero(idx[n, v] == i)
                if len(px) >= MIN_HULL:
                    hulls.append((n, v, px))
    w2g = np.asarray(sc["world_to_global"], np.float64)
    ego_xy = transform_points(w2g, np.asarray(sc["ego_to_world"], np.float64)[frames, :3, 3])[:, :2]
    lines = {k: v for k, v in reader.map_polylines(sc["scene"]).items() if k in LANE_LAYERS}
    polylines = clip_map(lines, ego_xy, invert_pose(w2g), MAP_RADIUS)
    img = control_images([{"cls": []}] * len(frames), polylines, K, c2w, H, W, names=("map",), line_width=LANE_WIDTH)
    return {"hulls": hulls, "lanes": img.max(2) > 0}


@torch.no_grad()
def evaluate_counterfactual(checkpoint, dataroot, out, scenes: int = 1, shifts=SHIFTS, speeds=SPEEDS,
                            frames: int | None = None, references: int = 3, steps: int | None = None,
                            seed: int = 0, version: str = "v1.0-synth", split: str = "val", runs=None,
                            lane_seconds: float = LANE_SECONDS, fid: bool = True, segmenter=None,
                            device: str = "cpu", log=print) -> dict:
    """Generate (or take) the runs, score both routes of every edit (module docstring); writes
    OUT/eval_counterfactual.json/.csv and the side-by-side stills; returns the JSON dict."""
    from ..models.perceptual import get_perceptual

    out = Path(out)
    seg = resolve_segmenter(segmenter, device)
    require(seg is not None, "evaluate --stage counterfactual needs the segmenter (the shipped weights are missing; "
            "train them with `cvdstorm train-seg` and pass --segmenter)")
    lpips = get_perceptual("alex", device)
    jobs = _jobs(checkpoint, dataroot, out, scenes, shifts, speeds, frames, references, steps, seed, version, split,
                 runs, lane_seconds, device, log)
    scores = {(e, r): Scores() for _, e, _, _ in jobs for r in ROUTES}
    exact = {e: Scores() for _, e, _, _ in jobs}
    for scene, edit, run_dir, factual_dir in jobs:
        if log:
            log(f"scoring {scene} {edit}")
        run = GenerationRun.load(run_dir, need=("depth",))
        reader = NuScenesReader(run.scene["dataroot"], run.scene["version"])
        gen = list(range(run.references, run.frames))
        require(len(gen) > 0, f"{run_dir} has no generated frames (all {run.frames} are references)")
        truth, masks = exact_truth(reader, run, gen), control_masks(reader, run, gen)
        exact[edit].add_segmentation(truth["semantic"], truth, masks)
        views = {"diffusion": (np.asarray(run.rgb)[gen], np.asarray(run.depth)[gen], None)}
        if factual_dir is not None:
            sc = run.scene
            g = render_along(GenerationRun.load(factual_dir, need=("gaussians",)), [sc["timestamps"][f] for f in gen],
                             np.asarray(sc["cam_to_world"])[gen], np.asarray(sc["intrinsics"])[gen], *run.rgb.shape[2:4])
            views["gaussians"] = (g["rgb"], g["depth"], g["alpha"] >= HOLE_ALPHA)
        for route, (rgb, depth, covered) in views.items():
            acc = scores[(edit, route)]
            acc.add_images(rgb, depth, np.ones(rgb.shape[:4], bool) if covered is None else covered, truth, lpips)
            acc.add_segmentation(seg(torch.from_numpy(rgb).permute(0, 1, 4, 2, 3).float() / 127.5 - 1).numpy(),
                                 truth, masks)
        _side_by_side(out / "side_by_side" / f"{scene}_{edit}.png", {r: v[0][-1] for r, v in views.items()},
                      truth["rgb"][-1], f"{scene} {edit}, frame {gen[-1]}")
    return _report(scores, exact, out, fid, device, {
        "checkpoint": None if checkpoint is None else str(checkpoint), "dataroot": None if dataroot is None else
        str(dataroot), "scenes": sorted({j[0] for j in jobs}), "edits": edit_set(shifts, speeds, 0.0, lane_seconds),
        "references": references, "frames": frames, "steps": steps, "seed": seed, "lane_seconds": lane_seconds,
        "min_hull_px": MIN_HULL, "lane_width_px": LANE_WIDTH, "control_classes": list(CONTROL_CLASSES),
        "cvdstorm": __version__})


def _jobs(checkpoint, dataroot, out, scenes, shifts, speeds, frames, references, steps, seed, version, split, runs,
          lane_seconds, device, log) -> list[tuple[str, str, Path, Path | None]]:
    """[(scene, edit, run folder, factual run folder or None)], generating what is missing (resumable)."""
    if runs:
        return [(GenerationRun.load(r).scene["scene"], Path(r).name, Path(r), None) for r in runs]
    require(bool(checkpoint) and bool(dataroot), "evaluate --stage counterfactual needs --checkpoint and --dataroot "
            "(or --runs RUN... to score runs that exist)")
    from ..data.clips import split_scenes
    from ..pipelines.generate import CVDStormPipeline, GenerateConfig, generate

    reader = NuScenesReader(dataroot, version)
    names = sorted(split_scenes(reader, split) or reader.scene_names())[:scenes]
    require(len(names) > 0, f"no {split} scenes in {dataroot}")
    pipe, jobs = None, []
    for name in names:
        folder = out / "runs" / name
        base = dict(checkpoint=str(checkpoint), dataroot=str(dataroot), version=version, scene=name,
                    frames=frames, references=references, steps=steps, seed=seed, device=device)
        for edit in edit_set(shifts, speeds):   # factual first: the lane changes start at its last reference frame
            run, spec = folder / edit, None
            if not is_run(run):
                if edit != "factual":
                    t = GenerationRun.load(folder / "factual").scene["timestamps"]
                    spec = folder / f"{edit}.yaml"
                    spec.write_text(_yaml(edit_set(shifts, speeds, t[max(references - 1, 0)], lane_seconds)[edit]))
                if pipe is None:
                    pipe = CVDStormPipeline.from_pretrained(checkpoint, device)
                if log:
                    log(f"generating {name} {edit}")
                folder.mkdir(parents=True, exist_ok=True)
                generate(GenerateConfig(**base, edits=None if spec is None else str(spec)), run, overwrite=True,
                         progress=False, pipe=pipe)
            jobs.append((name, edit, run, folder / "factual"))
    return jobs


def _yaml(obj) -> str:
    import yaml

    return yaml.safe_dump(obj, sort_keys=False)


def _side_by_side(path: Path, routes: dict[str, np.ndarray], exact: np.ndarray, label: str, scale: int = 2) -> None:
    """One frame's 6 cameras (rig layout) of each route above the exact view, labelled."""
    from PIL import Image

    big = lambda a: tile_rig(a).repeat(scale, 0).repeat(scale, 1)  # noqa: E731
    parts = []
    for name, rgb in [*routes.items(), ("exact view of the new path (synthetic world)", exact)]:
        im = big(rgb)
        parts += [caption_bar(im.shape[1], f"{label}: {name}"), im]
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        Image.fromarray(np.concatenate(parts, 0)).save(tmp, format="PNG")


def _report(scores: dict, exact: dict, out: Path, fid: bool, device: str, settings: dict) -> dict:
    rows, table = [], {}
    ext = None
    if fid:
        from .fid import InceptionFeatures

        ext = InceptionFeatures(device)
    real_stats = {}   # Inception statistics of each edit's exact views, shared by the routes
    for (edit, route), acc in scores.items():
        if not acc.images:
            continue
        r = acc.result()
        if ext is not None:
            from .fid import fid_from_stats, fid_stats

            if edit not in real_stats:
                real_stats[edit] = fid_stats(np.concatenate(acc.fid[1]), ext)
            r["fid"] = float(fid_from_stats(fid_stats(np.concatenate(acc.fid[0]), ext), real_stats[edit]))
        r["images"] = sum(len(a) for a in acc.fid[0])
        table.setdefault(edit, {})[route] = r
    for edit, per in table.items():
        per["exact"] = exact[edit].result()
        for route in ROUTES:
            r, f = per.get(route), table.get("factual", {}).get(route)
            if r is None or f is None:
                continue
            r["vs_factual"] = {"control_miou": _ratio(r["control_miou"], f["control_miou"]),
                               "vehicle_iou": _ratio(r["vehicle_iou"], f["vehicle_iou"]),
                               "psnr": r["psnr"] - f["psnr"]}
            r["meets_targets"] = all(v is not None and v >= TARGETS[k] for k, v in r["vs_factual"].items())
        for route in (*ROUTES, "exact"):
            if route in per:
                rows.append({"edit": edit, "route": route, **{k: v for k, v in per[route].items() if k != "vs_factual"},
                             **{f"{k}_vs_factual": v for k, v in per[route].get("vs_factual", {}).items()}})
    if not rows:
        raise CvdError("no runs were scored")
    res = {"table": table, "targets": TARGETS, "settings": settings,
           "notes": ["scored on the generated frames (after the references), lane changes included while they happen",
                     "gaussians: the factual run's Gaussians, their own colour over black (no sky model), rendered "
                     "along the edit's cameras", "fid from few images: indicative only"]}
    write_json(out / "eval_counterfactual.json", res)
    write_csv(out / "eval_counterfactual.csv", rows)
    return res


def _ratio(a, b):
    return None if a is None or not b else float(a / b)


def counterfactual_stage(out, checkpoint=None, dataroot=None, shifts=None, speeds=None, **kwargs) -> dict:
    """`cvdstorm evaluate --stage counterfactual`: `checkpoint` + `dataroot` (generate the first `scenes`
    scenes of `split` with each edit) or `runs`; lateral `shifts` (m) and `speeds` (factors), checked here;
    the other keywords go to `evaluate_counterfactual`."""
    require(bool(out), "evaluate --stage counterfactual needs --out (the folder for runs and the table)")
    for s in shifts or ():
        require(math.isfinite(s) and s > 0, f"--shifts must be positive numbers of metres, got {s}")
    for k in speeds or ():
        require(math.isfinite(k) and k > 0, f"--speeds must be numbers > 0, got {k}")
    return evaluate_counterfactual(checkpoint, dataroot, out, shifts=shifts or SHIFTS, speeds=speeds or SPEEDS,
                                   references=3, **kwargs)
