"""STORM-VAE: the SD3.5-layout VAE plus a Gaussian-Splatting decoder that reads the same latents.

In:  a clip batch (docs/DATA.md, batched by `collate_clips`): images [B, T, V, 3, H, W] in [-1, 1],
     intrinsics [B, T, V, 3, 3], cam_to_world [B, T, V, 4, 4], timestamps [B, T].
Out: `encode(images)` -> normalised latents (mean, logvar) [..., 16, H/8, W/8] for any leading
     dims; `decode(z)` -> images; `gs_decode(z_ctx, K, c2w, times)` -> GSOutput (Gaussians in clip
     world + depth of the input views); `render(gs, c2w, K, times, cams, H, W)` -> rgb [B, N, 3, H, W]
     in [-1, 1], depth [B, N, H, W], alpha [B, N, H, W] for any N (camera pose, time) targets:
     Gaussians move by velocity x (t_target - t_seen), sky colour fills what they leave uncovered,
     and the target camera's affine colour token corrects the result.

For the generation pipeline: latents from the diffusion model go straight into `gs_decode`
(no VAE decoding needed) to get depth and a 4D Gaussian scene.
"""

from __future__ import annotations

import torch
from torch import nn

from ..config import StormVAEConfig
from ..geometry import invert_pose, pixel_rays
from ..render import rasterize
from .gs_decoder import GSDecoder, GSOutput
from .vae import VAE, build_vae


class StormVAE(nn.Module):
    def __init__(self, cfg: StormVAEConfig):
        super().__init__()
        self.cfg = cfg
        self.vae: VAE = build_vae(cfg.vae)
        # one affine colour token per camera of the rig the data holds (cfg.data.num_cameras)
        self.gs_decoder = GSDecoder(cfg.gs, cfg.vae.latent_channels, cfg.data.num_cameras, self.vae.downsample)

    # ---------------------------------------------------------------------------- VAE side
    def encode(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """images [..., 3, H, W] -> normalised (mean, logvar) [..., 16, H/8, W/8]."""
        lead = images.shape[:-3]
        mean, logvar = self.vae.encode(images.reshape(-1, *images.shape[-3:]))
        return mean.reshape(*lead, *mean.shape[1:]), logvar.reshape(*lead, *logvar.shape[1:])

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """normalised latents [..., 16, h, w] -> images [..., 3, 8h, 8w] (unclamped)."""
        x = self.vae.decode(z.reshape(-1, *z.shape[-3:]))
        return x.reshape(*z.shape[:-3], *x.shape[1:])

    # ----------------------------------------------------------------------------- GS side
    def gs_decode(self, z: torch.Tensor, intrinsics: torch.Tensor, cam_to_world: torch.Tensor,
                  times: torch.Tensor) -> GSOutput:
        """z [B, Tc, V, 16, h, w], intrinsics [B, Tc, V, 3, 3], cam_to_world [B, Tc, V, 4, 4],
        times [B, Tc] -> Gaussians (one per input pixel, clip world) and the input views' depth."""
        return self.gs_decoder(z, intrinsics, cam_to_world, times)

    def render(self, gs: GSOutput, cam_to_world: torch.Tensor, intrinsics: torch.Tensor, times: torch.Tensor,
               cameras: torch.Tensor | None, height: int, width: int, use_sky: bool = True,
               backend: str = "auto") -> dict[str, torch.Tensor]:
        """Render N targets per clip: cam_to_world [B, N, 4, 4], intrinsics [B, N, 3, 3], times [B, N],
        cameras [B, N] (camera index for the affine colour token; None: no colour correction).

        -> rgb [B, N, 3, H, W] in [-1, 1], depth [B, N, H, W] (0 where nothing), alpha [B, N, H, W].
        Always float32, autocast or not: the rasteriser's sort and compositing need it.
        """
        with torch.autocast(times.device.type, enabled=False):
            return self._render(gs, cam_to_world, intrinsics, times, cameras, height, width, use_sky, backend)

    def _render(self, gs, cam_to_world, intrinsics, times, cameras, height, width, use_sky, backend):
        g = gs.gaussians
        B, N = times.shape
        dt = (times[:, :, None] - gs.gaussian_times[:, None, :]).to(g.means.dtype)      # [B, N, G]
        means = g.means[:, None] + g.velocities[:, None] * dt[..., None]                 # [B, N, G, 3]

        def per_target(x):  # [B, G, ...] -> [B * N, G, ...] (a view, no copy)
            return x[:, None].expand(B, N, *x.shape[1:]).reshape(B * N, *x.shape[1:])

        viewmats = invert_pose(cam_to_world).reshape(B * N, 1, 4, 4)
        out = rasterize(means.reshape(B * N, -1, 3), per_target(g.quats), per_target(g.scales),
                        per_target(g.opacities), per_target(g.colors), viewmats.to(g.means.dtype),
                        intrinsics.reshape(B * N, 1, 3, 3).to(g.means.dtype), width, height,
                        near=self.cfg.gs.near * 0.5, backend=backend)
        rgb = out.rgb.reshape(B, N, height, width, 3)
        alpha = out.alpha.reshape(B, N, height, width)
        if use_sky:  # sky colour fills the transmittance left by the Gaussians
            _, dirs = pixel_rays(intrinsics.to(rgb.dtype), cam_to_world.to(rgb.dtype), height, width)
            sky = self.gs_decoder.sky_model(gs.sky_feature, dirs)                        # [B, N, H, W, 3]
            rgb = rgb + (1 - alpha[..., None]) * sky
        if cameras is not None:  # per-camera affine colour token
            A = torch.gather(gs.color_affine, 1, cameras[:, :, None, None].expand(B, N, 3, 4))  # [B, N, 3, 4]
            rgb = torch.einsum("bnij,bnhwj->bnhwi", A[..., :3], rgb) + A[:, :, None, None, :, 3]
        return {"rgb": rgb.permute(0, 1, 4, 2, 3) * 2 - 1, "depth": out.depth.reshape(B, N, height, width),
                "alpha": alpha}

    def forward(self, clip: dict, context: list[int], target_frames: torch.Tensor, target_cams: torch.Tensor,
                generator: torch.Generator | None = None, sample: bool = True) -> dict:
        """Encode the context frames, GS-decode them and render the targets.

        target_frames / target_cams: [B, N] frame and camera indices into the clip.
        -> dict(mean, logvar, z [B, Tc, V, 16, h, w], gs (GSOutput), render (see `render`)).
        """
        images = clip["images"][:, context]                                              # [B, Tc, V, 3, H, W]
        H, W = images.shape[-2:]
        mean, logvar = self.encode(images)
        z = self.vae.sample(mean, logvar, generator) if sample else mean
        z_gs = z if self.cfg.gs_grad_to_vae else z.detach()
        ctx = torch.as_tensor(context, device=images.device)
        gs = self.gs_decode(z_gs, clip["intrinsics"][:, ctx], clip["cam_to_world"][:, ctx], clip["timestamps"][:, ctx])
        b = torch.arange(target_frames.shape[0], device=images.device)[:, None]
        tgt_c2w = clip["cam_to_world"][b, target_frames, target_cams]                   # [B, N, 4, 4]
        tgt_K = clip["intrinsics"][b, target_frames, target_cams]
        tgt_t = clip["timestamps"][b, target_frames]
        rend = self.render(gs, tgt_c2w, tgt_K, tgt_t, target_cams, H, W)
        return {"mean": mean, "logvar": logvar, "z": z, "gs": gs, "render": rend}


def build_storm_vae(cfg: StormVAEConfig) -> StormVAE:
    return StormVAE(cfg)
