"""Conditions of the video DiT: containers, condition dropout, and the small embedders.

Layout: B clips, T frames, V cameras, (h, w) latent size, H = 8h, W = 8w image size, p patch,
N = (h / p)(w / p) tokens per image, D model width, L text tokens.

`DiTConditions` (all optional except text):
    text_tokens  [B, T, L, Dt]    per-frame caption tokens (TextEncoder.encode)
    text_pooled  [B, T, Dp]       per-frame pooled caption embedding
    rays         [B, T, V, 6, Hr, Wr]  Plücker rays (geometry.plucker_rays), Hr = h or a multiple of h
    controls     {name: [B, T, V, 3, H, W]}  control images in [0, 1] (data/conditions.py)
    frame_times  [B, T]           seconds from the clip's first frame (default 0.5 s steps, nuScenes keyframes)
    camera_ids   [B, V] long      only for camera_embed "ids" / "rays+ids" (default 0..V-1)

Dropout: `sample_condition_dropout(names, B, p)` -> {name: bool [B]}, True = replaced by that
condition's learnt null embedding in the DiT (the trainer calls it; the sampler builds the masks
for classifier-free guidance). Names are "text", "camera" and the control names.

Embedders (all output per-token features [B*T*V, N, D] or per-frame [B, T, D]):
    ControlEncoder: images [M, 3 K, H, W] (K controls stacked) -> space-to-depth, convs -> patchify -> [M, N, D]
    RayEmbedder:    rays [M, 6, Hr, Wr] -> average to latent size -> patchify -> MLP -> [M, N, D]
    FrameTimeEmbedder: seconds [B, T] -> sinusoid -> MLP -> [B, T, D]
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import torch
import torch.nn as nn
import torch.nn.functional as F
from diffusers.models.embeddings import get_timestep_embedding

from ..errors import require


@dataclass
class DiTConditions:
    """Conditions of one batch (shapes in the module docstring)."""

    text_tokens: torch.Tensor
    text_pooled: torch.Tensor
    rays: torch.Tensor | None = None
    controls: dict[str, torch.Tensor] = field(default_factory=dict)
    frame_times: torch.Tensor | None = None
    camera_ids: torch.Tensor | None = None

    def map(self, fn) -> "DiTConditions":
        """Apply fn to every tensor (e.g. `.to(device)`, repeat, index)."""
        out = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = {k: fn(x) for k, x in v.items()} if isinstance(v, dict) else (None if v is None else fn(v))
        return DiTConditions(**out)

    def repeat(self, n: int) -> "DiTConditions":
        """The batch repeated n times along B (for batched guidance branches)."""
        return self if n == 1 else self.map(lambda x: x.repeat(n, *([1] * (x.dim() - 1))))

    def to(self, *args, **kwargs) -> "DiTConditions":
        return self.map(lambda x: x.to(*args, **kwargs))

    def index(self, idx) -> "DiTConditions":
        """Select along B (idx: tensor, list or slice) or, with a tuple, along (B, V) etc."""
        return self.map(lambda x: x[idx])


def condition_names(control_names: tuple[str, ...]) -> tuple[str, ...]:
    """All droppable condition names of a model."""
    return ("text", "camera", *control_names)


def sample_condition_dropout(names: tuple[str, ...], batch: int, p: float, generator: torch.Generator | None = None,
                             device=None) -> dict[str, torch.Tensor]:
    """Each condition dropped independently with probability p per clip: {name: bool [B]}."""
    u = torch.rand(len(names), batch, generator=generator)
    return {n: (u[i] < p).to(device) for i, n in enumerate(names)}


def patchify(x: torch.Tensor, p: int) -> torch.Tensor:
    """[M, C, h, w] -> [M, (h/p)(w/p), C p p] row-major tokens (SD3 PatchEmbed order)."""
    M, C, h, w = x.shape
    x = x.reshape(M, C, h // p, p, w // p, p).permute(0, 2, 4, 1, 3, 5)
    return x.reshape(M, (h // p) * (w // p), C * p * p)


class ControlEncoder(nn.Module):
    """Control images, channels stacked [M, 3 K, H, W] -> tokens [M, N, dim] on the latent patch grid.

    Space-to-depth by 2 first (lossless for one-pixel lines, and 4x cheaper than a full-size conv),
    then a 3x3 conv, len(channels) - 1 stride-2 convs and a p x p patchify conv.
    """

    def __init__(self, channels: tuple[int, ...], patch: int, dim: int, in_channels: int):
        super().__init__()
        layers = [nn.PixelUnshuffle(2), nn.Conv2d(4 * in_channels, channels[0], 3, padding=1)]
        for cin, cout in zip(channels[:-1], channels[1:]):
            layers += [nn.SiLU(), nn.Conv2d(cin, cout, 3, stride=2, padding=1)]
        layers += [nn.SiLU(), nn.Conv2d(channels[-1], dim, patch, stride=patch)]
        self.net = nn.Sequential(*layers)
        self.down = 2 ** len(channels) * patch   # image pixels per token

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        return self.net(img).flatten(2).transpose(1, 2)  # [M, N, dim]


class RayEmbedder(nn.Module):
    """Plücker rays [M, 6, Hr, Wr] -> per-token camera embedding [M, N, dim]."""

    def __init__(self, patch: int, dim: int):
        super().__init__()
        self.patch = patch
        self.mlp = nn.Sequential(nn.Linear(6 * patch * patch, dim), nn.SiLU(), nn.Linear(dim, dim))

    def forward(self, rays: torch.Tensor, h: int, w: int) -> torch.Tensor:
        Hr, Wr = rays.shape[-2:]
        require(Hr % h == 0 and Wr % w == 0 and Hr // h == Wr // w,
                f"rays are {Hr}x{Wr}; they must be at latent size {h}x{w} or an integer multiple of it")
        if Hr != h:
            rays = F.avg_pool2d(rays, Hr // h)
        return self.mlp(patchify(rays, self.patch))


class FrameTimeEmbedder(nn.Module):
    """Frame times in seconds [B, T] -> [B, T, dim] (sinusoid of seconds x scale, then an MLP)."""

    def __init__(self, dim: int, scale: float, freq_dim: int = 128):
        super().__init__()
        self.scale, self.freq_dim = scale, freq_dim
        self.mlp = nn.Sequential(nn.Linear(freq_dim, dim), nn.SiLU(), nn.Linear(dim, dim))

    def forward(self, times: torch.Tensor) -> torch.Tensor:
        B, T = times.shape
        f = get_timestep_embedding(times.reshape(-1).float() * self.scale, self.freq_dim, flip_sin_to_cos=True,
                                   downscale_freq_shift=0)
        return self.mlp(f.to(self.mlp[0].weight.dtype)).reshape(B, T, -1)


def make_conditions(captions: list[list[str]], intrinsics: torch.Tensor, cam_to_world: torch.Tensor,
                    timestamps: torch.Tensor, controls: dict[str, torch.Tensor], text_encoder,
                    downsample: int, image_hw: tuple[int, int]) -> DiTConditions:
    """DiTConditions of a clip batch, the same way in training and generation.

    captions [B][T] str; intrinsics [B, T, V, 3, 3] for images of size image_hw; cam_to_world
    [B, T, V, 4, 4] in the clip's world (first ego pose); timestamps [B, T] seconds; controls
    {name: [B, T, V, 3, H, W] in [0, 1]}. Rays are computed directly at latent size (intrinsics
    scaled by 1/downsample) rather than pooled from full-size maps: same rays, 64x less work.
    """
    from ..geometry import plucker_rays, scale_intrinsics
    from .text import encode_captions

    H, W = image_hw
    require(H % downsample == 0 and W % downsample == 0,
            f"image size {H}x{W} must be divisible by the VAE downsampling {downsample}")
    tokens, pooled = encode_captions(text_encoder, captions)
    K = scale_intrinsics(intrinsics.float(), 1 / downsample, 1 / downsample)
    rays = plucker_rays(K, cam_to_world.float(), H // downsample, W // downsample)   # [B, T, V, 6, h, w]
    return DiTConditions(tokens, pooled, rays=rays, controls={k: v.float() for k, v in controls.items()},
                         frame_times=timestamps.float())
