"""The names of the generation metrics, the keys they are stored under, and the aggregate result type.

In:  nothing (constants and key builders). Out: the key spellings every writer and reader of
     eval_generation.json / .csv uses (eval/generation.py, eval/generation_suite.py, report/, demo.py).

The JSON layout is unchanged (docs/run_format.md): a run's `summary` maps metric -> value; an aggregate's
`by_reference` maps `ref_key(k)` ("ref3") -> {metric: value} and its flat `summary` holds
`by_ref(metric, k)` ("fvd_ref3"). Never build these strings by hand and never take them apart with
slices: `ref_count("ref3") == 3`. In code an aggregate is a `GenerationAggregate` (reference counts as ints);
its `to_json` / `from_json` are the one encoding; one run's evaluation is a `RunEvaluation`, likewise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import CvdError

PSNR, SSIM, LPIPS = "psnr", "ssim", "lpips"
IMAGE_METRICS = (PSNR, SSIM, LPIPS)                     # per frame, averaged over views
FID, FVD = "fid", "fvd"
FVD_LOW, FVD_HIGH = "fvd_low", "fvd_high"               # 90 % bootstrap interval of FVD
GEN_DEPTH = "gen_depth"                                 # GS-decoder depth of generated frames vs exact depth
GEN_LIDAR = "gen_lidar"                                 # ... vs projected LiDAR
REAL_GS_DEPTH = "real_gs_depth"                         # GS depth of the real frames, decoded in the run's windows
DEPTH_STATS = ("abs_rel", "rmse", "delta1")
WARPS = ("crossview", "temporal")                       # neighbour-camera and next-frame warps
WARP_SOURCES = ("generated", "real", "real_gs")         # generated frames / real with exact depth / with GS depth
SEGMENTED = ("generated", "real")                       # frames the segmenter reads


def depth_key(prefix: str, stat: str) -> str:
    """`gen_depth_abs_rel`: a depth statistic (DEPTH_STATS or "pixels") of a depth source."""
    return f"{prefix}_{stat}"


def warp_l1(warp: str, source: str) -> str:
    """`crossview_l1_generated`: the photometric L1 of a warp (WARPS) over one source (WARP_SOURCES)."""
    return f"{warp}_l1_{source}"


def warp_pixels(warp: str, source: str) -> str:
    """`crossview_pixels_generated`: the pixel count that pools warp_l1 over runs."""
    return f"{warp}_pixels_{source}"


def miou(who: str, control: bool = False) -> str:
    """`miou_generated` / `control_miou_real`: the segmenter's mIoU over all classes or the control classes."""
    return f"{'control_' if control else ''}miou_{who}"


def ref_key(k: int) -> str:
    """`ref3`: the aggregate's section for runs with k reference frames."""
    return f"ref{int(k)}"


def ref_count(key: str) -> int:
    """The reference count of a `ref_key`: `ref_count("ref3") == 3`."""
    if not (isinstance(key, str) and key.startswith("ref") and key[3:].isdigit()):
        raise CvdError(f"{key!r} is not a reference-count key (ref0, ref1, ...)")
    return int(key[3:])


def by_ref(metric: str, k: int) -> str:
    """`fvd_ref3`: a metric in the aggregate's flat summary, for runs with k reference frames."""
    return f"{metric}_{ref_key(k)}"


# What the aggregate copies from each reference count's section into its flat summary.
HEADLINE = (*IMAGE_METRICS, *(depth_key(GEN_DEPTH, s) for s in DEPTH_STATS), miou("generated", True),
            miou("real", True), *(warp_l1(w, s) for w in WARPS for s in WARP_SOURCES))


@dataclass
class GenerationAggregate:
    """Generation runs pooled by reference count: what `evaluate_generation` returns and writes as
    OUT/eval_generation.json (`to_json`; the layout of docs/run_format.md, reference counts as `ref_key`s).

    Reference counts are ints here; only the JSON spells them `ref3`, and `from_json` reads them back."""

    summary: dict[str, Any]                                # flat: by_ref(metric, k) -> value (HEADLINE, FID, FVD)
    by_reference: dict[int, dict[str, Any]]                # k -> pooled metrics of the runs with k references
    quality_vs_horizon: dict[int, dict[str, list[float]]]  # k -> image metric -> mean per frame index
    runs: list[dict[str, Any]] = field(default_factory=list)   # scene, references, run folder, status
    notes: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    def metric(self, name: str, k: int) -> Any:
        """A pooled metric of the runs with k reference frames (None when not computed)."""
        return self.by_reference.get(int(k), {}).get(name)

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary, "by_reference": {ref_key(k): v for k, v in sorted(self.by_reference.items())},
                "quality_vs_horizon": {ref_key(k): v for k, v in sorted(self.quality_vs_horizon.items())},
                "runs": self.runs, "notes": self.notes, "settings": self.settings}

    @classmethod
    def from_json(cls, data: Any, where: str = "aggregate") -> "GenerationAggregate":
        """Read `to_json`'s layout back; anything else is one CvdError naming `where`."""
        parts = ("summary", "by_reference", "quality_vs_horizon")
        if not (isinstance(data, dict) and all(isinstance(data.get(p), dict) for p in parts)):
            raise CvdError(f"{where} is not a generation aggregate (needs {', '.join(parts)}); "
                           "write it with `cvdstorm evaluate --stage generation`")
        return cls(summary=dict(data["summary"]),
                   by_reference={ref_count(k): v for k, v in data["by_reference"].items()},
                   quality_vs_horizon={ref_count(k): v for k, v in data["quality_vs_horizon"].items()},
                   runs=list(data.get("runs") or []), notes=list(data.get("notes") or []),
                   settings=dict(data.get("settings") or {}))


@dataclass
class RunEvaluation:
    """One generation run scored against its real clip: what `evaluate_run` returns and writes as
    RUN/eval_generation.json (`to_json`, the layout of docs/run_format.md; `from_json` reads it back)."""

    summary: dict[str, Any]                      # the generated frames pooled: metric -> value
    per_frame: list[dict[str, Any]]              # one row per frame (`reference`: a real-frame reconstruction)
    reference_frames: dict[str, Any]             # the reference frames pooled apart ({} without any)
    settings: dict[str, Any]                     # run, scene, dataroot, frames, references, sizes, versions
    notes: list[str] = field(default_factory=list)
    fvd: dict[str, Any] | None = None            # {ref_key(k): FVD, videos, fvd_low, fvd_high, protocol}
    per_class_iou: dict[str, Any] | None = None  # part -> generated / real -> class -> IoU
    confusion: dict[str, Any] | None = None      # "<gen|real>_<part>" -> confusion matrix (pooled by aggregates)

    @property
    def references(self) -> int:
        return int(self.settings["references"])

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary, "fvd": self.fvd, "reference_frames": self.reference_frames,
                "per_class_iou": self.per_class_iou, "confusion": self.confusion, "settings": self.settings,
                "notes": self.notes, "per_frame": self.per_frame}

    @classmethod
    def from_json(cls, data: Any, where: str = "run evaluation") -> "RunEvaluation":
        """Read `to_json`'s layout back; anything else is one CvdError naming `where`."""
        if not (isinstance(data, dict) and isinstance(data.get("summary"), dict)
                and isinstance(data.get("per_frame"), list) and isinstance(data.get("settings"), dict)
                and "references" in data["settings"]):
            raise CvdError(f"{where} is not a run evaluation (needs summary, per_frame and settings); "
                           "re-run `cvdstorm evaluate --stage generation --runs RUN`")
        return cls(summary=data["summary"], per_frame=data["per_frame"],
                   reference_frames=data.get("reference_frames") or {}, settings=data["settings"],
                   notes=list(data.get("notes") or []), fvd=data.get("fvd"), per_class_iou=data.get("per_class_iou"),
                   confusion=data.get("confusion"))
