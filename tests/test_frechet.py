"""Fréchet distance against closed forms; streaming statistics against numpy."""

import numpy as np
import pytest

from cvdstorm.errors import CvdError
from cvdstorm.eval.frechet import FeatureStats, frechet_distance, trace_sqrt_product


def _rand_psd(rng, d, rank=None):
    a = rng.normal(size=(d, rank or d))
    return a @ a.T / d


@pytest.mark.parametrize("method", ["eigh", "sqrtm"])
def test_diagonal_closed_form(rng, method):
    d = 16
    mu1, mu2 = rng.normal(size=d), rng.normal(size=d)
    a, b = rng.uniform(0.1, 3, d), rng.uniform(0.1, 3, d)
    expect = np.sum((mu1 - mu2) ** 2) + np.sum((np.sqrt(a) - np.sqrt(b)) ** 2)
    got = frechet_distance(mu1, np.diag(a), mu2, np.diag(b), method=method)
    assert got == pytest.approx(expect, rel=1e-10, abs=1e-10)


@pytest.mark.parametrize("method", ["eigh", "sqrtm"])
def test_commuting_closed_form(rng, method):
    # S1 = U diag(a) U^T, S2 = U diag(b) U^T commute: distance = sum (sqrt a - sqrt b)^2 + |dmu|^2
    d = 12
    U, _ = np.linalg.qr(rng.normal(size=(d, d)))
    a, b = rng.uniform(0.01, 5, d), rng.uniform(0.01, 5, d)
    s1, s2 = U @ np.diag(a) @ U.T, U @ np.diag(b) @ U.T
    mu1, mu2 = rng.normal(size=d), rng.normal(size=d)
    expect = np.sum((mu1 - mu2) ** 2) + np.sum((np.sqrt(a) - np.sqrt(b)) ** 2)
    assert frechet_distance(mu1, s1, mu2, s2, method=method) == pytest.approx(expect, rel=1e-9)


def test_one_dimensional_and_scaled():
    # 1D: (m1 - m2)^2 + (s1 - s2)^2 with standard deviations s
    assert frechet_distance([1.0], [[4.0]], [3.0], [[9.0]]) == pytest.approx(4 + 1)
    # S2 = c^2 S1: tr(S1 + c^2 S1 - 2 c S1) = (1 - c)^2 tr(S1)
    S = _rand_psd(np.random.default_rng(1), 10)
    assert frechet_distance(np.zeros(10), S, np.zeros(10), 9 * S) == pytest.approx(4 * np.trace(S), rel=1e-9)


def test_general_matches_sqrtm_and_identity_is_zero(rng):
    d = 32
    s1, s2 = _rand_psd(rng, d), _rand_psd(rng, d)
    assert trace_sqrt_product(s1, s2, "eigh") == pytest.approx(trace_sqrt_product(s1, s2, "sqrtm"), rel=1e-8)
    assert frechet_distance(np.ones(d), s1, np.ones(d), s1) == pytest.approx(0.0, abs=1e-9)
    # singular (rank-deficient) covariances, as with fewer samples than feature dimensions
    r1, r2 = _rand_psd(rng, d, rank=5), _rand_psd(rng, d, rank=7)
    e = frechet_distance(np.zeros(d), r1, np.zeros(d), r2, "eigh")
    assert np.isfinite(e) and e >= 0
    assert e == pytest.approx(frechet_distance(np.zeros(d), r1, np.zeros(d), r2, "sqrtm"), rel=1e-4)


def test_low_rank_nuclear_norm(rng):
    # S1 = X^T X, S2 = Y^T Y (rank 6 in 300-d): tr((S1 S2)^(1/2)) = nuclear norm of X Y^T
    X, Y = rng.normal(size=(6, 300)), rng.normal(size=(6, 300))
    expect = np.linalg.svd(X @ Y.T, compute_uv=False).sum()
    assert trace_sqrt_product(X.T @ X, Y.T @ Y) == pytest.approx(expect, rel=1e-9)
    assert trace_sqrt_product(np.zeros((5, 5)), np.eye(5)) == 0.0


def test_gaussian_samples_converge(rng):
    # features drawn from two known Gaussians: the estimate approaches the exact distance
    d, n = 4, 200_000
    s1, s2 = _rand_psd(rng, d), _rand_psd(rng, d)
    mu1, mu2 = rng.normal(size=d), rng.normal(size=d)
    exact = frechet_distance(mu1, s1, mu2, s2)
    x = rng.multivariate_normal(mu1, s1, n)
    y = rng.multivariate_normal(mu2, s2, n)
    est = FeatureStats().update(x).frechet(FeatureStats().update(y))
    assert est == pytest.approx(exact, rel=0.02, abs=0.01)


def test_streaming_stats_match_numpy(rng):
    x = rng.normal(size=(257, 9)) * 3 + 100.0  # large offset: checks the shifted accumulation
    st = FeatureStats()
    for chunk in np.array_split(x, 7):
        st.update(chunk)
    np.testing.assert_allclose(st.mean, x.mean(0), rtol=1e-12)
    np.testing.assert_allclose(st.cov, np.cov(x, rowvar=False), rtol=1e-10, atol=1e-10)
    # merging two partial statistics gives the same as one pass
    a, b = FeatureStats().update(x[:100]), FeatureStats().update(x[100:] + 0)
    a.merge(b)
    np.testing.assert_allclose(a.cov, np.cov(x, rowvar=False), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(FeatureStats().merge(b).mean, x[100:].mean(0), rtol=1e-12)


def test_save_load_and_errors(tmp_path, rng):
    st = FeatureStats().update(rng.normal(size=(20, 3)))
    st.save(tmp_path / "s.npz")
    mu, sigma, n = FeatureStats.load_npz(tmp_path / "s.npz")
    np.testing.assert_allclose(mu, st.mean)
    np.testing.assert_allclose(sigma, st.cov)
    assert n == 20
    with pytest.raises(CvdError, match="missing"):
        FeatureStats.load_npz(tmp_path / "nope.npz")
    (tmp_path / "bad.npz").write_bytes(b"junk")
    with pytest.raises(CvdError, match="corrupt"):
        FeatureStats.load_npz(tmp_path / "bad.npz")
    with pytest.raises(CvdError, match="at least 2"):
        FeatureStats().update(np.zeros((1, 3))).cov
    with pytest.raises(CvdError, match="NaN"):
        FeatureStats().update(np.full((2, 3), np.nan))
    with pytest.raises(CvdError, match="shapes"):
        frechet_distance(np.zeros(2), np.eye(2), np.zeros(3), np.eye(3))


def test_low_rank_stats_path_matches_full(rng):
    # fewer samples than dimensions: FeatureStats keeps the rows and uses the nuclear-norm form
    x, y = rng.normal(size=(9, 40)) + 1.0, rng.normal(size=(12, 40)) * 2
    a, b = FeatureStats(), FeatureStats()
    a.update(x[:4]).update(x[4:])
    b.merge(FeatureStats().update(y[:5])).merge(FeatureStats().update(y[5:]))
    assert a.features().shape == (9, 40) and b.features().shape == (12, 40)
    mu1, s1, mu2, s2 = x.mean(0), np.cov(x, rowvar=False), y.mean(0), np.cov(y, rowvar=False)
    assert a.frechet(b) == pytest.approx(frechet_distance(mu1, s1, mu2, s2, "eigh"), rel=1e-10)
    # scipy's sqrtm of the singular product is good to ~1e-8 only
    assert a.frechet(b) == pytest.approx(frechet_distance(mu1, s1, mu2, s2, "sqrtm"), rel=1e-6)
    # past n > dim the rows are dropped and the D x D form takes over, same statistics
    big = FeatureStats().update(rng.normal(size=(50, 40)))
    assert big.features() is None
    assert np.isfinite(big.frechet(a))


def test_bootstrap_interval_closed_forms():
    """Paired bootstrap of (generated, real) pairs: identical sets give [0, 0]; a constant shift c of every
    generated row leaves both covariances equal in every resample, so every resample's distance is |c|^2."""
    from cvdstorm.eval.generation_features import bootstrap_frechet

    rng = np.random.default_rng(0)
    real = rng.normal(size=(12, 40))
    assert max(bootstrap_frechet(real.copy(), real, rounds=50)) < 1e-9
    c = np.full(40, 0.5)
    lo, hi = bootstrap_frechet(real + c, real, rounds=50)
    assert lo == pytest.approx(c @ c, rel=1e-6) and hi == pytest.approx(c @ c, rel=1e-6)
    # unpaired (different sizes): a real spread, around the full-data distance
    gen = rng.normal(size=(20, 40)) + 0.3
    full = FeatureStats().update(gen).frechet(FeatureStats().update(real))
    lo, hi = bootstrap_frechet(gen, real, rounds=100, seed=1)
    assert lo < hi and bootstrap_frechet(gen, real, rounds=100, seed=1) == (lo, hi)
    assert lo < 2 * full and hi > 0.5 * full
