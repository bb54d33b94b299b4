"""Build, load and call the C++ compositing kernel (csrc/rasterize_cpu.cpp).

In: packed CPU tensors (see `Kernel`). Out: images and per-entry gradients, as torch tensors.

The kernel is a plain shared library with a C ABI, compiled with the machine's C++ compiler
(`$CXX`, else g++/c++) with `-O3 -fopenmp` and loaded with ctypes: no Python headers, no ninja,
a few seconds to build. `make setup` builds it (`python -m cvdstorm.setup_check`) into
`cvdstorm/render/_build/` (or $CVDSTORM_BUILD_DIR); the file name carries a hash of the source and
flags, so an edited source is rebuilt, once, at first use (with a message). If no compiler works,
`load()` warns once and returns None, and `rasterize` uses the pure-PyTorch compositor
(composite_torch.py): same results, slower. CVDSTORM_NO_EXT=1 forces that fallback.
Threads: torch.get_num_threads() (one for small inputs), passed to every call.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import torch

HERE = Path(__file__).parent
SOURCE = HERE / "csrc" / "rasterize_cpu.cpp"
# -ffp-contract=off: forward and backward must take bit-identical skip decisions (no FMA differences)
CFLAGS = ["-O3", "-fopenmp", "-ffp-contract=off", "-std=c++17", "-shared", "-fPIC"]
_kernel = None
_failed: str | None = None


def build_dir() -> Path:
    return Path(os.environ.get("CVDSTORM_BUILD_DIR", HERE / "_build"))


def compiler() -> str | None:
    if os.environ.get("CXX"):  # an explicit choice is used as is, never silently replaced
        return os.environ["CXX"] if shutil.which(os.environ["CXX"]) else None
    return next((c for c in ("g++", "c++", "clang++") if shutil.which(c)), None)


def library_path(cxx: str) -> Path:
    key = hashlib.sha256(SOURCE.read_bytes() + " ".join([cxx, *CFLAGS]).encode()).hexdigest()[:12]
    return build_dir() / f"cvdstorm_rasterize_cpu_{key}.so"


def build(verbose: bool = False) -> Path:
    """Compile the kernel if its library is missing; -> the library path. Raises on failure."""
    cxx = compiler()
    if cxx is None:
        raise RuntimeError(f"no C++ compiler found ({'CXX=' + os.environ['CXX'] if os.environ.get('CXX') else 'install g++ or set CXX'})")
    lib = library_path(cxx)
    if lib.exists():
        return lib
    lib.parent.mkdir(parents=True, exist_ok=True)
    print(f"cvdstorm: compiling the C++ rasteriser -> {lib}", file=sys.stderr)
    # compile to a temporary name and rename: concurrent processes never load a half-written file
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=lib.parent)
    os.close(fd)
    cmd = [cxx, *CFLAGS, str(SOURCE), "-o", tmp]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        os.unlink(tmp)
        err = (res.stderr or res.stdout).strip().splitlines()
        raise RuntimeError(f"{' '.join(cmd)} failed: {err[0] if err else res.returncode}")
    if verbose:
        print(" ".join(cmd), file=sys.stderr)
    os.replace(tmp, lib)
    for old in lib.parent.glob("cvdstorm_rasterize_cpu_*.so"):  # builds of earlier sources
        if old != lib:
            old.unlink(missing_ok=True)
    return lib


SERIAL_ROWS = 16384  # below this many packed rows, one thread: a parallel region costs more than it saves


def _threads(rows: int) -> ctypes.c_int:
    return ctypes.c_int(1 if rows < SERIAL_ROWS else torch.get_num_threads())


class Kernel:
    """Typed wrappers around the library's functions. All tensors: contiguous, on the CPU, one
    floating dtype (float32 or float64) for real-valued inputs."""

    def __init__(self, lib: ctypes.CDLL):
        self.lib = lib
        self.tile = lib.cvd_tile_size()
        lib.cvd_proj_chunk.restype = ctypes.c_int64
        self.proj_chunk = lib.cvd_proj_chunk()

    def _fn(self, name: str, dtype: torch.dtype):
        return getattr(self.lib, f"cvd_{name}_{'f64' if dtype == torch.float64 else 'f32'}")

    @staticmethod
    def _p(t: torch.Tensor) -> ctypes.c_void_p:
        assert t.is_contiguous() and t.device.type == "cpu"
        return ctypes.c_void_p(t.data_ptr())

    @staticmethod
    def _real(x: float, dtype: torch.dtype):
        return (ctypes.c_double if dtype == torch.float64 else ctypes.c_float)(x)

    def project(self, means, quats, scales, viewmats, Ks, W: int, H: int, near: float, far: float):
        """means [B, N, 3], quats [B, N, 4], scales [B, N, 3], viewmats [B * C, 4, 4], Ks [B * C, 3, 3]
        -> (means2d [M, 2], conics [M, 3], depths [M], radii [M] int32, gauss_ids [M] (b * N + n),
        cam_ids [M] (b * C + c), cam_offsets [B * C + 1]); rows sorted by camera, then Gaussian."""
        B, N = means.shape[:2]
        NC = viewmats.shape[0]
        C = NC // B
        dt = means.dtype
        chunks = (N + self.proj_chunk - 1) // self.proj_chunk
        items = NC * chunks
        nt = _threads(NC * N // 4)
        factors = torch.empty(B * N, 9, dtype=dt)
        vis = torch.empty(NC * N, dtype=torch.uint8)
        counts = torch.empty(items, dtype=torch.int64)
        p, i64, ci, r = self._p, ctypes.c_int64, ctypes.c_int, self._real
        self._fn("project_count", dt)(p(means), p(quats), p(scales), p(viewmats), p(Ks), i64(B), i64(N), i64(C), ci(W),
                                      ci(H), r(near, dt), r(far, dt), p(factors), p(vis), p(counts), nt)
        item_off = torch.zeros(items + 1, dtype=torch.int64)
        torch.cumsum(counts, 0, out=item_off[1:])
        M = int(item_off[-1])
        means2d, conics, depths = torch.empty(M, 2, dtype=dt), torch.empty(M, 3, dtype=dt), torch.empty(M, dtype=dt)
        radii = torch.empty(M, dtype=torch.int32)
        gauss_ids, cam_ids = torch.empty(M, dtype=torch.int64), torch.empty(M, dtype=torch.int64)
        self._fn("project_fill", dt)(p(means), p(viewmats), p(Ks), i64(B), i64(N), i64(C), ci(W), ci(H), r(near, dt),
                                     r(far, dt), p(factors), p(vis), p(item_off), p(means2d), p(conics), p(depths),
                                     p(radii), p(gauss_ids), p(cam_ids), nt)
        # rows of camera k: those of its items, k * chunks ... (k + 1) * chunks - 1
        cam_offsets = item_off[::chunks].contiguous() if chunks else torch.zeros(NC + 1, dtype=torch.int64)
        return means2d, conics, depths, radii, gauss_ids, cam_ids, cam_offsets

    def project_backward(self, means, quats, scales, viewmats, Ks, W: int, H: int, gauss_ids, cam_ids, g_means2d,
                         g_conics, g_depths, want_view: bool):
        """-> per-row gradients (means [M, 3], quats [M, 4], scales [M, 3], view [M, 12] or None)."""
        M, dt = gauss_ids.numel(), means.dtype
        gm, gq, gs = torch.empty(M, 3, dtype=dt), torch.empty(M, 4, dtype=dt), torch.empty(M, 3, dtype=dt)
        gv = torch.empty(M, 12, dtype=dt) if want_view else None
        p = self._p
        self._fn("project_backward", dt)(p(means), p(quats), p(scales), p(viewmats), p(Ks), ctypes.c_int64(M),
                                         ctypes.c_int(W), ctypes.c_int(H), p(gauss_ids), p(cam_ids), p(g_means2d),
                                         p(g_conics), p(g_depths), p(gm), p(gq), p(gs),
                                         p(gv) if want_view else ctypes.c_void_p(0), _threads(M))
        return gm, gq, gs, gv

    def bin(self, means2d, conics, opac, depths, radii, cam_off, W: int, H: int):
        """-> (tile_off [NC * tiles + 1] int64, ids [K] int32: packed rows per tile, by depth)."""
        NC = cam_off.numel() - 1
        tiles = ((W + self.tile - 1) // self.tile) * ((H + self.tile - 1) // self.tile)
        nt = _threads(means2d.shape[0])
        counts = torch.zeros(NC * tiles, dtype=torch.int64)
        p = self._p
        self._fn("bin_count", means2d.dtype)(p(means2d), p(conics), p(opac), p(radii), p(cam_off), ctypes.c_int64(NC),
                                             ctypes.c_int(W), ctypes.c_int(H), p(counts), nt)
        tile_off = torch.zeros(NC * tiles + 1, dtype=torch.int64)
        torch.cumsum(counts, 0, out=tile_off[1:])
        ids = torch.empty(int(tile_off[-1]), dtype=torch.int32)
        self._fn("bin_fill", means2d.dtype)(p(means2d), p(conics), p(opac), p(depths), p(radii), p(cam_off),
                                            ctypes.c_int64(NC), ctypes.c_int(W), ctypes.c_int(H), p(tile_off), p(ids), nt)
        return tile_off, ids

    def forward(self, means2d, conics, opac, colors, depths, tile_off, ids, NC: int, W: int, H: int):
        """-> (color [NC, H, W, F], depth_acc [NC, H, W], alpha [NC, H, W], last [NC, H, W] int32)."""
        F = colors.shape[1]
        dt = means2d.dtype
        oc, od = torch.empty(NC, H, W, F, dtype=dt), torch.empty(NC, H, W, dtype=dt)
        oa, last = torch.empty(NC, H, W, dtype=dt), torch.empty(NC, H, W, dtype=torch.int32)
        p = self._p
        self._fn("forward", dt)(p(means2d), p(conics), p(opac), p(colors), p(depths), ctypes.c_int64(F),
                                ctypes.c_int64(NC), ctypes.c_int(W), ctypes.c_int(H), p(tile_off), p(ids), p(oc), p(od),
                                p(oa), p(last), _threads(means2d.shape[0]))
        return oc, od, oa, last

    def backward(self, means2d, conics, opac, colors, depths, tile_off, ids, alpha, last, g_color, g_depth, g_alpha,
                 NC: int, W: int, H: int):
        """-> gradient rows [K, 7 + F] per tile entry (means2d, conic, opacity, color, depth)."""
        F = colors.shape[1]
        grad = torch.zeros(ids.numel(), 7 + F, dtype=means2d.dtype)
        p = self._p
        self._fn("backward", means2d.dtype)(p(means2d), p(conics), p(opac), p(colors), p(depths), ctypes.c_int64(F),
                                            ctypes.c_int64(NC), ctypes.c_int(W), ctypes.c_int(H), p(tile_off), p(ids),
                                            p(alpha), p(last), p(g_color), p(g_depth), p(g_alpha), p(grad),
                                            _threads(means2d.shape[0]))
        return grad


def load(verbose: bool = False) -> Kernel | None:
    """The compiled kernel, building it if needed; None (after one warning) if that is impossible."""
    global _kernel, _failed
    if os.environ.get("CVDSTORM_NO_EXT"):
        return None
    if _kernel is not None or _failed is not None:
        return _kernel
    try:
        _kernel = Kernel(ctypes.CDLL(str(build(verbose))))
    except Exception as e:  # compiler missing or failing: stay usable, slower
        _failed = f"{type(e).__name__}: {e}"[:300]
        warnings.warn(f"cvdstorm: C++ rasteriser unavailable ({_failed}); using the slower PyTorch compositor",
                      stacklevel=2)
    return _kernel


def status() -> str:
    """One line: whether the kernel is loaded, or why not."""
    if os.environ.get("CVDSTORM_NO_EXT"):
        return "disabled by CVDSTORM_NO_EXT"
    return "ready" if load() is not None else f"unavailable ({_failed})"
