"""Containers: a set of 3D Gaussians and a render result.

Gaussians: means [N, 3], quats [N, 4] (w, x, y, z), scales [N, 3] (linear), opacities [N] in [0, 1],
colors [N, 3] in [0, 1], velocities [N, 3] or None (metres per second; see `moved`).
RenderOutput: rgb [C, H, W, 3], depth [C, H, W] (alpha-normalised camera z, 0 where alpha ~ 0),
alpha [C, H, W]; all with an optional leading batch dimension.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple

import torch


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
        """The Gaussians after moving for dt seconds with their velocities (static if none)."""
        if self.velocities is None:
            return self
        return Gaussians(self.means + self.velocities * dt, self.quats, self.scales, self.opacities, self.colors,
                         self.velocities)

    def select(self, mask: torch.Tensor) -> "Gaussians":
        return Gaussians(**{f.name: (None if getattr(self, f.name) is None else getattr(self, f.name)[mask])
                            for f in fields(self)})
