"""Fréchet distance between Gaussians, and streaming feature statistics (the core of FID and FVD).

In:  two Gaussians (mean [D], covariance [D, D]) or two feature sets [N, D].
Out: d^2 = ||mu1 - mu2||^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2)), a float (float64 throughout).

`tr((S1 S2)^(1/2))` is computed as the sum of square roots of the eigenvalues of the symmetric PSD
matrix A S2 A with A = S1^(1/2) (same spectrum as S1 S2), restricted to S1's range (exact). This avoids `scipy.linalg.sqrtm` on a
non-symmetric product, whose complex round-off is what makes some FID codes add `eps * I`;
`method="sqrtm"` gives the classic scipy form (as used by pytorch-fid / fid-helper) for cross-checks.

`FeatureStats` accumulates count, sum and sum of outer products in float64 so features can be
streamed batch by batch (and saved / merged) without keeping them all in memory.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import CvdError


def trace_sqrt_product(sigma1: np.ndarray, sigma2: np.ndarray, method: str = "eigh") -> float:
    """tr((sigma1 @ sigma2)^(1/2)) for PSD covariances [D, D]."""
    if method == "eigh":
        # S1 = U diag(w) U^T; with B = U_r diag(sqrt w_r) over the r non-zero eigenvalues, the
        # non-zero spectrum of S1^(1/2) S2 S1^(1/2) is that of the r x r matrix B^T S2 B. Exact, and
        # much cheaper when there are fewer samples than feature dimensions (rank r < D).
        w, U = np.linalg.eigh((sigma1 + sigma1.T) * 0.5)
        keep = w > max(w.max(initial=0.0), 0.0) * 1e-12 * len(w)
        if not keep.any():
            return 0.0
        B = U[:, keep] * np.sqrt(w[keep])                                     # [D, r]
        M = B.T @ sigma2 @ B                                                  # [r, r]
        ev = np.linalg.eigvalsh((M + M.T) * 0.5)
        return float(np.sqrt(np.clip(ev, 0, None)).sum())
    if method == "sqrtm":
        import scipy.linalg

        s = scipy.linalg.sqrtm(sigma1 @ sigma2)
        if not np.isfinite(s).all():  # singular product: the usual fix, offset both diagonals
            off = np.eye(len(sigma1)) * 1e-6
            s = scipy.linalg.sqrtm((sigma1 + off) @ (sigma2 + off))
        return float(np.real(np.trace(s)))
    raise ValueError(f"unknown method {method!r}; use 'eigh' or 'sqrtm'")


def frechet_distance(mu1, sigma1, mu2, sigma2, method: str = "eigh") -> float:
    """Squared Fréchet (2-Wasserstein) distance between N(mu1, sigma1) and N(mu2, sigma2)."""
    mu1, mu2 = np.atleast_1d(np.asarray(mu1, np.float64)), np.atleast_1d(np.asarray(mu2, np.float64))
    s1, s2 = np.atleast_2d(np.asarray(sigma1, np.float64)), np.atleast_2d(np.asarray(sigma2, np.float64))
    if mu1.shape != mu2.shape or s1.shape != s2.shape or s1.shape != (mu1.size, mu1.size):
        raise CvdError(f"Fréchet distance: shapes do not match (mu {mu1.shape} vs {mu2.shape}, "
                       f"sigma {s1.shape} vs {s2.shape})")
    for name, a in (("mu1", mu1), ("mu2", mu2), ("sigma1", s1), ("sigma2", s2)):
        if not np.isfinite(a).all():
            raise CvdError(f"Fréchet distance: {name} has NaN/Inf values (did the feature network diverge?)")
    diff = mu1 - mu2
    d = float(diff @ diff + np.trace(s1) + np.trace(s2) - 2.0 * trace_sqrt_product(s1, s2, method))
    return max(d, 0.0)  # round-off can give -1e-12 for identical inputs


class FeatureStats:
    """Streaming mean and covariance of feature vectors [N, D] in float64.

    The covariance is the unbiased one (divides by N - 1), like `np.cov(rowvar=False)`, which FID
    implementations use; the Fréchet distance changes by O(1/N) between the two conventions.

    While there are no more vectors than dimensions (n <= dim, so the covariance is rank-deficient)
    the vectors themselves are kept too; `frechet` then uses the exact low-rank form
    tr((S1 S2)^(1/2)) = ||X Y^T||_* / sqrt((n1 - 1)(n2 - 1)) (X, Y the centred features; the
    non-zero eigenvalues of S1 S2 are the squared singular values of X Y^T / sqrt(...)), which costs
    an n1 x n2 SVD instead of D x D eigen-decompositions (2048-d Inception features, small test sets).
    """

    def __init__(self, dim: int | None = None):
        self.dim = dim
        self.n = 0
        self._rows: list[np.ndarray] | None = []  # raw features while n <= dim
        self._sum = None if dim is None else np.zeros(dim)
        self._outer = None if dim is None else np.zeros((dim, dim))
        self._shift = None  # first batch's mean: accumulating around it keeps float64 precise

    def update(self, feats) -> "FeatureStats":
        """Add a batch of features [N, D] (numpy or torch)."""
        f = feats.detach().cpu().numpy() if hasattr(feats, "detach") else np.asarray(feats)
        f = f.astype(np.float64).reshape(len(f), -1)                              # [N, D]
        if len(f) == 0:
            return self
        if self.dim is None:
            self.dim = f.shape[1]
        if f.shape[1] != self.dim:
            raise CvdError(f"feature size changed from {self.dim} to {f.shape[1]} while accumulating statistics")
        if not np.isfinite(f).all():
            raise CvdError("features contain NaN/Inf; check the inputs (images must be finite)")
        if self._shift is None:
            self._shift = f.mean(0)
            self._sum = np.zeros(self.dim)
            self._outer = np.zeros((self.dim, self.dim))
        g = f - self._shift
        self.n += len(f)
        self._keep_rows(f)
        self._sum += g.sum(0)
        self._outer += g.T @ g
        return self

    def merge(self, other: "FeatureStats") -> "FeatureStats":
        """Combine with statistics gathered elsewhere (another process, another run)."""
        if other.n == 0:
            return self
        if self.n == 0:
            self.dim, self.n = other.dim, other.n
            self._shift, self._sum, self._outer = other._shift.copy(), other._sum.copy(), other._outer.copy()
            self._rows = None if other._rows is None else list(other._rows)
            return self
        if other.dim != self.dim:
            raise CvdError(f"cannot merge feature statistics of size {self.dim} and {other.dim}")
        # re-centre the other's sums on our shift: g' = g + (s_o - s)
        d = other._shift - self._shift
        self._outer += other._outer + np.outer(other._sum, d) + np.outer(d, other._sum) + other.n * np.outer(d, d)
        self._sum += other._sum + other.n * d
        self.n += other.n
        if self._rows is not None and other._rows is not None:
            self._rows.extend(other._rows)
        self._keep_rows(None)
        return self

    def _keep_rows(self, f: np.ndarray | None) -> None:
        if self._rows is not None and f is not None:
            self._rows.append(f)
        if self._rows is not None and self.n > self.dim:
            self._rows = None  # full-rank regime: the D x D form is as cheap; stop keeping rows

    def features(self) -> np.ndarray | None:
        """The raw features [n, D] while they are kept (n <= dim), else None."""
        return None if self._rows is None or not self._rows else np.concatenate(self._rows)

    @property
    def mean(self) -> np.ndarray:                                                 # [D]
        self._need(1)
        return self._shift + self._sum / self.n

    @property
    def cov(self) -> np.ndarray:                                                  # [D, D]
        self._need(2)
        m = self._sum / self.n
        c = (self._outer - self.n * np.outer(m, m)) / (self.n - 1)
        return (c + c.T) * 0.5

    def _need(self, k: int) -> None:
        if self.n < k:
            raise CvdError(f"need at least {k} feature vectors for statistics, got {self.n}")

    def frechet(self, other: "FeatureStats", method: str = "eigh") -> float:
        """Squared Fréchet distance to other's Gaussian (low-rank exact form when rows are kept)."""
        X, Y = self.features(), other.features()
        if method != "eigh" or X is None or Y is None or X.shape[1] != Y.shape[1]:
            return frechet_distance(self.mean, self.cov, other.mean, other.cov, method)
        self._need(2)
        other._need(2)
        X, Y = X - self.mean, Y - other.mean                                      # centred [n1, D], [n2, D]
        c1, c2 = len(X) - 1, len(Y) - 1
        diff = self.mean - other.mean
        tr_sqrt = np.linalg.svd(X @ Y.T, compute_uv=False).sum() / np.sqrt(c1 * c2)
        d = diff @ diff + (X * X).sum() / c1 + (Y * Y).sum() / c2 - 2.0 * tr_sqrt
        return max(float(d), 0.0)

    # -------------------------------------------------------------------------------- files
    def save(self, path: str | Path) -> None:
        """Write mean, covariance and count to an .npz (atomic), e.g. to cache real-data statistics."""
        from ..io import atomic_path

        with atomic_path(path) as tmp:
            with open(tmp, "wb") as fh:
                np.savez(fh, mu=self.mean, sigma=self.cov, n=self.n)

    @staticmethod
    def load_npz(path: str | Path) -> tuple[np.ndarray, np.ndarray, int]:
        """(mu [D], sigma [D, D], n) from a file written by `save`."""
        path = Path(path)
        if not path.is_file():
            raise CvdError(f"missing feature statistics file {path}")
        try:
            with np.load(path) as z:
                return z["mu"], z["sigma"], int(z["n"])
        except (OSError, KeyError, ValueError) as e:
            raise CvdError(f"corrupt feature statistics file {path} ({e}); delete it to recompute") from None
