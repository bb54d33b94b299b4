"""FVD with a TorchScript I3D given by path (the StyleGAN-V `i3d_torchscript.pt` convention).

In:  videos as float `[N, T, 3, H, W]` in [-1, 1] or uint8 `[N, T, H, W, 3]`; multi-view clips
     `[N, T, V, 3, H, W]` become N*V single-camera videos with `views_to_videos` (FVD is computed
     per camera video, as in MagicDrive / UniMLVG); iterables of such batches for streaming.
Out: I3D features `[M, 400]` (logits before the softmax), `FeatureStats`, FVD (a float).

Clip sampling: each video gives `clip_len` (16) consecutive frames starting at frame 0 (the usual
FVD protocol), or every `stride` frames when a stride is given; a video shorter than clip_len is
stretched to clip_len by repeating frames (nearest index of an even spread), and `clip_indices`
says so. Each frame is resized so its shorter side is 224 (bilinear, align_corners=False), centre-
cropped to 224x224, and the clip is given as `[B, 3, 16, 224, 224]` in [-1, 1] to
`i3d(x, rescale=False, resize=False, return_features=True)`. I3D weights are on no registry: a
missing path is a one-line `CvdError` so `evaluate` can say so and report everything else.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import CvdError
from .frechet import FeatureStats

CLIP_LEN = 16
RESOLUTION = 224


def i3d_missing_message(path) -> str:
    return (f"FVD skipped: no I3D TorchScript at {path!s} (pass --i3d PATH to the usual "
            "i3d_torchscript.pt of StyleGAN-V / fvd-comparison)")


def load_i3d(path: str | Path | None, device: str | torch.device = "cpu") -> torch.jit.ScriptModule:
    if path is None or not Path(path).is_file():
        raise CvdError(i3d_missing_message(path))
    try:
        return torch.jit.load(str(path), map_location=torch.device(device)).eval()
    except (RuntimeError, OSError, ValueError) as e:
        raise CvdError(f"FVD skipped: {path} is not a loadable TorchScript I3D ({str(e).splitlines()[0]})") from None


def views_to_videos(clips) -> torch.Tensor:
    """[N, T, V, 3, H, W] multi-view clips -> [N*V, T, 3, H, W] single-camera videos."""
    t = torch.as_tensor(clips)
    if t.ndim != 6:
        raise CvdError(f"multi-view clips must be [N, T, V, 3, H, W], got shape {tuple(t.shape)}")
    return t.transpose(1, 2).reshape(-1, t.shape[1], *t.shape[3:])


def clip_indices(T: int, clip_len: int = CLIP_LEN, stride: int | None = None) -> list[list[int]]:
    """Frame indices of the clips taken from a T-frame video (see module docstring)."""
    if T < 1:
        raise CvdError("FVD: a video has no frames")
    if T < clip_len:
        return [np.round(np.linspace(0, T - 1, clip_len)).astype(int).tolist()]
    starts = [0] if not stride else list(range(0, T - clip_len + 1, stride))
    return [list(range(s, s + clip_len)) for s in starts]


def _as_videos(videos) -> torch.Tensor:
    """Accepted video batch -> float [N, T, 3, H, W] in [-1, 1]."""
    t = videos if isinstance(videos, torch.Tensor) else torch.from_numpy(np.ascontiguousarray(videos))
    if t.dtype == torch.uint8:
        if t.ndim != 5 or t.shape[-1] != 3:
            raise CvdError(f"uint8 videos must be [N, T, H, W, 3], got shape {tuple(t.shape)}")
        return t.permute(0, 1, 4, 2, 3).float() / 127.5 - 1
    if t.ndim != 5 or t.shape[2] != 3:
        raise CvdError(f"videos must be [N, T, 3, H, W] in [-1, 1] (multi-view: use views_to_videos), "
                       f"got shape {tuple(t.shape)}")
    return t.float()


def preprocess(clip: torch.Tensor, resolution: int = RESOLUTION) -> torch.Tensor:
    """[T, 3, H, W] in [-1, 1] -> [3, T, res, res] in [-1, 1]: shorter side to res, centre crop."""
    T, C, H, W = clip.shape
    s = resolution / min(H, W)
    size = (resolution, math.ceil(W * s)) if H < W else (math.ceil(H * s), resolution)
    x = F.interpolate(clip.clamp(-1, 1), size=size, mode="bilinear", align_corners=False)
    h0, w0 = (x.shape[-2] - resolution) // 2, (x.shape[-1] - resolution) // 2
    x = x[..., h0:h0 + resolution, w0:w0 + resolution]
    return x.permute(1, 0, 2, 3).contiguous()


class I3DFeatures:
    """`I3DFeatures(path)(videos)` -> numpy float64 [M, 400]: one feature row per sampled clip."""

    def __init__(self, path: str | Path | None, device: str | torch.device = "cpu", batch_size: int = 4,
                 clip_len: int = CLIP_LEN, stride: int | None = None):
        self.device = torch.device(device)
        self.net = load_i3d(path, self.device)
        self.batch_size, self.clip_len, self.stride = batch_size, clip_len, stride
        self.stretched = 0  # videos shorter than clip_len (frames were repeated)

    @torch.inference_mode()
    def __call__(self, videos) -> np.ndarray:
        v = _as_videos(videos)                                                  # [N, T, 3, H, W]
        if v.shape[1] < self.clip_len:
            self.stretched += len(v)
        clips = [v[n, idx] for n in range(len(v)) for idx in clip_indices(v.shape[1], self.clip_len, self.stride)]
        out = []
        for i in range(0, len(clips), self.batch_size):
            x = torch.stack([preprocess(c) for c in clips[i:i + self.batch_size]]).to(self.device)  # [B, 3, 16, 224, 224]
            f = self.net(x, rescale=False, resize=False, return_features=True)
            out.append(f.reshape(len(x), -1).double().cpu().numpy())            # [B, 400]
        return np.concatenate(out) if out else np.zeros((0, 400))


def fvd_stats(source, extractor: I3DFeatures, progress: bool = False, desc: str = "FVD features") -> FeatureStats:
    """I3D statistics of videos: one array [N, T, ...] or an iterable of such batches."""
    from tqdm.auto import tqdm

    batches: Iterable = [source] if isinstance(source, (np.ndarray, torch.Tensor)) else source
    st = FeatureStats()
    for b in tqdm(batches, desc=desc, disable=not progress, leave=False):
        st.update(extractor(b))
    return st


def fvd_from_videos(gen, real, i3d: str | Path | I3DFeatures, progress: bool = False, **kw) -> float:
    """FVD between two video sets ([N, T, 3, H, W] / uint8 [N, T, H, W, 3], or iterables of them)."""
    ext = i3d if isinstance(i3d, I3DFeatures) else I3DFeatures(i3d, **kw)
    return fvd_stats(gen, ext, progress, "FVD generated").frechet(fvd_stats(real, ext, progress, "FVD real"))
