"""Differentiable 3D Gaussian Splatting.

`rasterize` (C++ CPU kernel, gsplat on CUDA, PyTorch fallback), the dense `render_reference`
(tests and benchmark baseline), the `Gaussians` / `RenderOutput` containers and
`viewmats_from_cam_to_world`. See rasterize.py for the API and conventions.
"""

from .gaussians import Gaussians, RenderOutput, viewmats_from_cam_to_world
from .rasterize import rasterize
from .reference import render_reference

__all__ = ["Gaussians", "RenderOutput", "rasterize", "render_reference", "viewmats_from_cam_to_world"]
