"""PSNR / SSIM / depth metrics against independent computations (numpy, scipy.ndimage)."""

import math

import numpy as np
import pytest
import torch
from scipy.ndimage import correlate1d

from cvdstorm.eval.metrics import DepthStats, depth_metrics, psnr, ssim


def test_psnr_closed_form():
    x = torch.zeros(2, 3, 8, 8)
    y = x.clone()
    y[0] += 0.1  # mse 0.01 -> 10 log10(4 / 0.01)
    y[1, :, :4] += 0.2  # mse 0.02
    np.testing.assert_allclose(psnr(x, y, 2.0).numpy(), [10 * math.log10(400), 10 * math.log10(200)], rtol=1e-5)


def _ssim_scipy(a: np.ndarray, b: np.ndarray, data_range: float) -> float:
    """Wang et al. 2004 with scipy's separable correlation and a Gaussian window truncated at 11 taps,
    statistics cropped to the windows that lie inside the image (as skimage does)."""
    x = np.arange(11) - 5.0
    g = np.exp(-x ** 2 / (2 * 1.5 ** 2))
    g /= g.sum()
    vals = []
    for c in range(a.shape[0]):
        p, q = a[c].astype(np.float64), b[c].astype(np.float64)

        def f(t):
            return correlate1d(correlate1d(t, g, axis=0, mode="constant"), g, axis=1, mode="constant")[5:-5, 5:-5]

        mp, mq = f(p), f(q)
        vp, vq, cpq = f(p * p) - mp ** 2, f(q * q) - mq ** 2, f(p * q) - mp * mq
        c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
        s = (2 * mp * mq + c1) * (2 * cpq + c2) / ((mp ** 2 + mq ** 2 + c1) * (vp + vq + c2))
        vals.append(s.mean())
    return float(np.mean(vals))


def test_ssim_matches_scipy_reference(rng):
    a = rng.uniform(-1, 1, (2, 3, 24, 30)).astype(np.float32)
    b = np.clip(a + rng.normal(0, 0.2, a.shape), -1, 1).astype(np.float32)
    b[1] = a[1] * 0.5 + 0.1  # contrast/brightness change
    got = ssim(torch.from_numpy(a), torch.from_numpy(b), data_range=2.0).numpy()
    want = [_ssim_scipy(a[i], b[i], 2.0) for i in range(2)]
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_ssim_properties(rng):
    a = torch.from_numpy(rng.uniform(0, 1, (1, 3, 32, 32)).astype(np.float32))
    assert ssim(a, a, 1.0).item() == pytest.approx(1.0, abs=1e-6)
    small = ssim(a, (a + 0.05 * torch.randn_like(a)).clamp(0, 1), 1.0).item()
    big = ssim(a, (a + 0.3 * torch.randn_like(a)).clamp(0, 1), 1.0).item()
    assert 1 > small > big
    with pytest.raises(ValueError):
        ssim(a[..., :8, :8], a[..., :8, :8])


def test_depth_metrics_against_numpy(rng):
    gt = rng.uniform(1, 60, (3, 10, 12))
    gt[0, :2] = 0          # unknown
    gt[1, 0, 0] = 95.0     # beyond max_depth
    pred = gt * rng.uniform(0.7, 1.4, gt.shape)
    mask = np.ones_like(gt, bool)
    mask[2, :, :3] = False
    got = depth_metrics(torch.from_numpy(pred), torch.from_numpy(gt), torch.from_numpy(mask), max_depth=80)
    v = (gt > 0) & mask & (gt <= 80)
    p, t = pred[v], gt[v]
    assert got["pixels"] == v.sum()
    assert got["abs_rel"] == pytest.approx(np.mean(np.abs(p - t) / t))
    assert got["rmse"] == pytest.approx(np.sqrt(np.mean((p - t) ** 2)))
    assert got["delta1"] == pytest.approx(np.mean(np.maximum(p / t, t / p) < 1.25))


def test_depth_stats_pool_pixels():
    gt = torch.tensor([1.0, 2.0, 4.0, 8.0])
    pred = torch.tensor([1.0, 3.0, 4.0, 4.0])
    whole = DepthStats().add(pred, gt).result()
    parts = DepthStats().add(pred[:1], gt[:1]).merge(DepthStats().add(pred[1:], gt[1:])).result()
    assert whole == pytest.approx(parts)
    assert whole["abs_rel"] == pytest.approx((0 + 0.5 + 0 + 0.5) / 4)
    assert math.isnan(DepthStats().result()["abs_rel"])
