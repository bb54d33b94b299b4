"""Differentiable 3D Gaussian Splatting: `rasterize` (fast CPU kernel / gsplat on CUDA), the dense
reference renderer, and the Gaussian containers."""

from .gaussians import Gaussians, RenderOutput
from .rasterize import rasterize, render_reference

__all__ = ["Gaussians", "RenderOutput", "rasterize", "render_reference"]
