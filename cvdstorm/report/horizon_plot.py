"""The quality-vs-horizon figure of a generation evaluation (eval/generation_suite.py).

In:  a GenerationAggregate's `quality_vs_horizon`: {k: {"psnr" | "ssim" | "lpips": [F] per-frame means
     over the scenes}}, one entry per reference count k.
Out: `plot_horizon(horizon, OUT / HORIZON_PLOT)` -> OUT/plot_quality_vs_horizon.png and .svg: one
     panel per metric, one line per reference count, the reference frames (real reconstructions)
     drawn hollow. `cvdstorm report` inlines the SVG beside the generation table.
"""

from __future__ import annotations

from pathlib import Path

from ..eval.results import IMAGE_METRICS as METRICS
from ..io import atomic_path

HORIZON_PLOT = "plot_quality_vs_horizon"


def plot_horizon(horizon: dict, base: Path) -> list[Path]:
    """PSNR / SSIM / LPIPS per frame index, one line per reference count -> base.png, base.svg."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    with plt.rc_context({"svg.hashsalt": "horizon", "svg.fonttype": "path"}):
        fig, axes = plt.subplots(1, 3, figsize=(11, 3.0), dpi=110)
        for ax, m, label in zip(axes, METRICS, ("PSNR (dB) ↑", "SSIM ↑", "ST-LPIPS ↓")):
            for k, v in sorted(horizon.items()):
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
