"""Shift-tolerant LPIPS (ST-LPIPS) with the weights shipped in `stlpips-pytorch`, nothing downloaded.

In:  two image batches [N, 3, H, W] in [-1, 1] (H, W >= 32).
Out: distance [N] (0 for identical images, larger for more perceptual difference).

The package's own code imports torchvision and IPython, so it is never imported: this module defines
the same networks (AlexNet / VGG16 with blur-pool anti-aliasing, conv1 stride 1, reflection padding,
LPIPS 1x1 heads) with the same parameter names and loads the shipped state dict with
`torch.load(weights_only=True)`. The file is located with importlib, so only the package *data* is used.

`alex` (2.5M parameters, ~0.4 GMAC per 64x112 image) is the training default: about 5x cheaper on CPU
than `vgg` (14.7M, ~2.2 GMAC), which matters when every training step runs it on several images.
It lives with the models because it is first a training loss (train/vae.py); eval reuses it for LPIPS.
"""

from __future__ import annotations

from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from ..errors import CvdError
from ..packages import package_file

CHANNELS = {"alex": (64, 192, 384, 256, 256), "vgg": (64, 128, 256, 512, 512)}


def weight_path(net: str) -> Path:
    """ST-LPIPS weights of `net` from stlpips-pytorch (installed --no-deps: its code needs torchvision)."""
    return package_file("stlpips_pytorch", f"weights/vST0.0/{net}_shift_tolerant.pth", "stlpips-pytorch==0.0.2",
                        "the perceptual weights")


class BlurDown(nn.Module):
    """Anti-aliased stride-2 downsampling: reflection pad 2, [1 2 1]^T [1 2 1] / 16 depthwise blur."""

    def __init__(self, channels: int):
        super().__init__()
        a = torch.tensor([1.0, 2.0, 1.0])
        self.register_buffer("filt", (a[:, None] * a[None, :] / 16).expand(channels, 1, 3, 3).clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.conv2d(F.pad(x, (2, 2, 2, 2), mode="reflect"), self.filt, stride=2, groups=x.shape[1])


def _alex_slices() -> list[nn.Sequential]:
    f = [nn.Conv2d(3, 64, 11, 1, 2), BlurDown(64), nn.ReLU(),
         nn.MaxPool2d(3, 1), BlurDown(64), nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(),
         nn.MaxPool2d(3, 1), BlurDown(192), nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(),
         nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(),
         nn.Conv2d(256, 256, 3, padding=1), nn.ReLU()]
    return _slices(f, (0, 3, 7, 11, 13, 15))


def _vgg_slices() -> list[nn.Sequential]:
    f: list[nn.Module] = []
    c_in = 3
    for v in (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512):
        if v == "M":
            f += [nn.MaxPool2d(2, 1), BlurDown(c_in)]
        else:
            f += [nn.Conv2d(c_in, v, 3, padding=1), nn.ReLU()]
            c_in = v
    return _slices(f, (0, 4, 10, 18, 26, 34))


def _slices(layers: list[nn.Module], bounds: tuple[int, ...]) -> list[nn.Sequential]:
    # keep the original layer indices as module names so the shipped state dict keys match
    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        s = nn.Sequential()
        for i in range(lo, hi):
            s.add_module(str(i), layers[i])
        out.append(s)
    return out


class _Trunk(nn.Module):
    def __init__(self, net: str):
        super().__init__()
        for i, s in enumerate(_alex_slices() if net == "alex" else _vgg_slices()):
            self.add_module(f"slice{i + 1}", s)

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        feats = []
        for i in range(5):
            x = getattr(self, f"slice{i + 1}")(x)
            feats.append(x)
        return feats


class _Lin(nn.Module):
    def __init__(self, c: int):
        super().__init__()
        self.model = nn.Sequential(nn.Identity(), nn.Conv2d(c, 1, 1, bias=False))  # index 0 was Dropout

    def forward(self, x):
        return self.model(x)


class STLPIPS(nn.Module):
    """ST-LPIPS distance; frozen, eval mode. `net`: 'alex' or 'vgg'."""

    def __init__(self, net: str = "alex", load_weights: bool = True):
        super().__init__()
        if net not in CHANNELS:
            raise CvdError(f"unknown perceptual net {net!r}; choose 'alex' or 'vgg'")
        self.net_name = net
        self.register_buffer("shift", torch.tensor([-0.030, -0.088, -0.188])[None, :, None, None])
        self.register_buffer("scale", torch.tensor([0.458, 0.448, 0.450])[None, :, None, None])
        self.net = _Trunk(net)
        self.lins = nn.ModuleList(_Lin(c) for c in CHANNELS[net])
        if load_weights:
            sd = torch.load(weight_path(net), map_location="cpu", weights_only=True)
            sd = {_rename(k): v for k, v in sd.items()}
            self.load_state_dict(sd, strict=True)
        self.eval().requires_grad_(False)

    def train(self, mode: bool = True):  # always eval: no dropout, frozen statistics
        return super().train(False)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """[N, 3, H, W] x 2 in [-1, 1] -> [N]."""
        n = x.shape[0]
        both = torch.cat([x, y]).sub(self.shift).div(self.scale)
        total = 0.0
        for lin, f in zip(self.lins, self.net(both)):
            f = f / (f.pow(2).sum(1, keepdim=True).sqrt() + 1e-10)  # unit feature vector per position
            total = total + lin((f[:n] - f[n:]).pow(2)).mean((1, 2, 3))
        return total


def _rename(k: str) -> str:
    # shipped keys: scaling_layer.{shift,scale}, net.sliceK.I.*, linK.model.1.weight
    if k.startswith("scaling_layer."):
        return k[len("scaling_layer."):]
    if k.startswith("lin"):
        i, rest = k[3:].split(".", 1)
        return f"lins.{i}.{rest}"
    return k


_CACHE: dict[tuple[str, str], STLPIPS] = {}


def get_perceptual(net: str = "alex", device: torch.device | str = "cpu") -> STLPIPS:
    """A shared frozen instance per (net, device) (loading the weights once)."""
    key = (net, str(device))
    if key not in _CACHE:
        _CACHE[key] = STLPIPS(net).to(device)
    return _CACHE[key]
