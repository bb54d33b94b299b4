"""Image and depth metrics: PSNR, SSIM (Gaussian window), depth AbsRel / RMSE / delta < 1.25.

In:  images [N, C, H, W] (any value range, given as `data_range`), depths [...] in metres with a
     validity mask (ground truth 0 = unknown).
Out: per-image tensors [N] for PSNR/SSIM; for depth, pixel-pooled sums in `DepthStats` so that
     metrics over a whole split weigh every valid pixel alike (the usual convention).

SSIM is Wang et al. 2004 as skimage (`gaussian_weights=True, use_sample_covariance=False`) and
pytorch-msssim compute it: 11x11 Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03, statistics
over valid windows only (no padding), mean over the map and the channels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ..geometry import MIN_DEPTH


def psnr(x: torch.Tensor, y: torch.Tensor, data_range: float = 2.0) -> torch.Tensor:
    """[N, ...] x 2 -> [N] in dB (data_range 2 for images in [-1, 1])."""
    mse = (x.float() - y.float()).pow(2).flatten(1).mean(1)
    return 10 * torch.log10(data_range ** 2 / mse.clamp_min(1e-12))


def gaussian_window(size: int = 11, sigma: float = 1.5, dtype=torch.float32, device=None) -> torch.Tensor:
    x = torch.arange(size, dtype=torch.float64) - (size - 1) / 2
    g = torch.exp(-x ** 2 / (2 * sigma ** 2))
    return (g / g.sum()).to(dtype=dtype, device=device)


def ssim(x: torch.Tensor, y: torch.Tensor, data_range: float = 2.0, win_size: int = 11,
         sigma: float = 1.5) -> torch.Tensor:
    """[N, C, H, W] x 2 -> [N] mean SSIM (H, W >= win_size)."""
    if min(x.shape[-2:]) < win_size:
        raise ValueError(f"SSIM needs images of at least {win_size}x{win_size}, got {tuple(x.shape[-2:])}")
    x, y = x.double(), y.double()  # variances are differences of large terms: float64 keeps them exact
    N, C = x.shape[:2]
    g = gaussian_window(win_size, sigma, x.dtype, x.device)

    def blur(t):  # separable Gaussian, valid region only: [N * C, 1, H, W] -> [N * C, 1, H', W']
        t = F.conv2d(t, g.view(1, 1, 1, -1))
        return F.conv2d(t, g.view(1, 1, -1, 1))

    x, y = x.reshape(N * C, 1, *x.shape[-2:]), y.reshape(N * C, 1, *y.shape[-2:])
    mx, my = blur(x), blur(y)
    sxx, syy, sxy = blur(x * x) - mx * mx, blur(y * y) - my * my, blur(x * y) - mx * my
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    s = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
    return s.reshape(N, C, -1).mean((1, 2)).float()


@dataclass
class DepthStats:
    """Pixel-pooled sums for AbsRel, squared error, delta1 and the count of valid pixels."""

    abs_rel: float = 0.0
    sq_err: float = 0.0
    delta1: float = 0.0
    count: int = 0

    def add(self, pred: torch.Tensor, gt: torch.Tensor, mask: torch.Tensor | None = None,
            max_depth: float | None = None) -> "DepthStats":
        """Accumulate pixels where gt > 0 (and mask, and gt <= max_depth). pred <= 0 counts as a miss."""
        valid = gt > 0
        if mask is not None:
            valid = valid & mask.bool()
        if max_depth is not None:
            valid = valid & (gt <= max_depth)
        p, t = pred[valid].double().clamp_min(MIN_DEPTH), gt[valid].double()
        self.abs_rel += float(((p - t).abs() / t).sum())
        self.sq_err += float(((p - t) ** 2).sum())
        self.delta1 += float((torch.maximum(p / t, t / p) < 1.25).sum())
        self.count += int(valid.sum())
        return self

    def merge(self, other: "DepthStats") -> "DepthStats":
        return DepthStats(self.abs_rel + other.abs_rel, self.sq_err + other.sq_err, self.delta1 + other.delta1,
                          self.count + other.count)

    def result(self) -> dict[str, float]:
        n = self.count
        if n == 0:
            return {"abs_rel": math.nan, "rmse": math.nan, "delta1": math.nan, "pixels": 0}
        return {"abs_rel": self.abs_rel / n, "rmse": math.sqrt(self.sq_err / n), "delta1": self.delta1 / n, "pixels": n}


def depth_metrics(pred: torch.Tensor, gt: torch.Tensor, mask: torch.Tensor | None = None,
                  max_depth: float | None = None) -> dict[str, float]:
    """AbsRel, RMSE (m), delta < 1.25 over the valid pixels of any-shaped depth maps."""
    return DepthStats().add(pred, gt, mask, max_depth).result()
