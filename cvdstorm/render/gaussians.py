"""Containers: a set of 3D Gaussians and a render result, plus small camera/background helpers.

Gaussians: means [N, 3], quats [N, 4] (w, x, y, z, any norm), scales [N, 3] (linear), opacities [N]
in [0, 1], colors [N, 3] (or [N, F] features), velocities [N, 3] or None (metres per second; see
`moved`); every field may carry the same leading batch dimensions.
RenderOutput: rgb [C, H, W, 3], depth [C, H, W] (alpha-normalised camera z, 0 where alpha ~ 0),
alpha [C, H, W]; all with an optional leading batch dimension.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple

import torch

# RenderOutput.depth is 0 where alpha <= this (no surface), else accumulated depth / alpha.
DEPTH_EPS = 1e-6


class RenderOutput(NamedTuple):
    rgb: torch.Tensor
    depth: torch.Tensor
    alpha: torch.Tensor


@dataclass
class Gaussians:
    means: torch.Tensor
    quats: torch.Tensor
    scales: torch.Tensor
    opacities: torch.Tensor
    colors: torch.Tensor
    velocities: torch.Tensor | None = None

    def __len__(self) -> int:
        return self.means.shape[-2]

    def moved(self, dt: float | torch.Tensor) -> "Gaussians":
        """The Gaussians after moving for dt seconds with their velocities (static if none).
        dt: a number, or a tensor broadcastable to means[..., :1] (e.g. per Gaussian [N, 1])."""
        if self.velocities is None:
            return self
        return Gaussians(self.means + self.velocities * dt, self.quats, self.scales, self.opacities, self.colors,
                         self.velocities)

    def select(self, mask: torch.Tensor) -> "Gaussians":
        """Gaussians picked by a boolean mask or index tensor over the Gaussian dimension (unbatched)."""
        return Gaussians(**{f.name: (None if getattr(self, f.name) is None else getattr(self, f.name)[mask])
                            for f in fields(self)})


def viewmats_from_cam_to_world(cam_to_world: torch.Tensor) -> torch.Tensor:
    """[..., 4, 4] camera-to-world poses -> [..., 4, 4] world-to-camera `viewmats` (rigid inverse)."""
    R, t = cam_to_world[..., :3, :3], cam_to_world[..., :3, 3:]
    out = torch.zeros_like(cam_to_world)
    out[..., :3, :3] = R.transpose(-1, -2)
    out[..., :3, 3:] = -R.transpose(-1, -2) @ t
    out[..., 3, 3] = 1
    return out


def composite_background(rgb: torch.Tensor, alpha: torch.Tensor, background) -> torch.Tensor:
    """rgb [..., C, H, W, F] + (1 - alpha) * background; background None, [F], [C, F] or [..., C, F]."""
    if background is None:
        return rgb
    bg = torch.as_tensor(background, dtype=rgb.dtype, device=rgb.device)
    bg = bg[..., None, None, :] if bg.ndim >= 2 else bg                # [..., C, 1, 1, F] or [F]
    return rgb + (1 - alpha[..., None]) * bg
