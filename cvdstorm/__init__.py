"""cvdstorm: cross-view video diffusion with a Gaussian-Splatting reconstruction VAE (CVD-STORM).

Data flows one way: data -> conditions -> models -> pipelines -> eval/report.
See docs/DATA.md for the on-disk data contract and README.md for the commands and results.
"""

__version__ = "0.1.0"

CAMERAS = (
    "CAM_FRONT_LEFT",
    "CAM_FRONT",
    "CAM_FRONT_RIGHT",
    "CAM_BACK_RIGHT",
    "CAM_BACK",
    "CAM_BACK_LEFT",
)
"""Camera order used everywhere (views axis V of every tensor)."""
