"""A real clip through the STORM-VAE: its frames decoded again, Gaussians and depth from its context frames.

In:  a trained STORM-VAE and its config, a clip (data.clips.load_clip: images [T, V, 3, H, W], intrinsics,
     cam_to_world, timestamps). Out: a `Reconstruction` (Gaussians, depth, VAE frames, latents, the
     context frames used), as `CVDStormPipeline.reconstruct` and the novel-view evaluation use it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from ..config import StormVAEConfig
from ..models.storm_vae import StormVAE
from .windows import decode_window, window_gaussians


@dataclass
class Reconstruction:
    """A real clip of T frames through the STORM-VAE and its GS decoder (clip world, clip times)."""

    gaussians: dict            # GaussianWindows item: WINDOW_KEYS arrays [N, ...] at `time`, the first frame's
    depth: np.ndarray          # float32 [T, V, H, W] metres: the Gaussians rendered into the clip's cameras
    rgb: np.ndarray            # uint8 [T, V, H, W, 3] VAE-decoded frames
    latents: torch.Tensor      # [T, V, C, h, w]
    context: list[int]         # the frames the GS decoder saw


@torch.no_grad()
def reconstruct_clip(vae: StormVAE, vae_cfg: StormVAEConfig, clip: dict) -> Reconstruction:
    """Encode a clip (data.clips.load_clip: images [T, V, 3, H, W], intrinsics, cam_to_world, timestamps)
    and decode it again: frames, and Gaussians from its context frames with their depth renders."""
    dev = next(vae.parameters()).device
    T = clip["images"].shape[0]
    H, W = clip["images"].shape[-2:]
    ctx = [c for c in vae_cfg.data.context_frames if c < T]
    z = vae.encode(clip["images"].to(dev))[0]                                            # [T, V, C, h, w]
    t = clip["timestamps"].float()
    rgb, depth, gs = decode_window(vae, z, clip["intrinsics"].float(), clip["cam_to_world"].float(), t, ctx, 0, H, W)
    return Reconstruction(window_gaussians(gs, float(t[0])), depth, rgb, z.cpu(), ctx)
