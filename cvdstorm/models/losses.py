"""Stage-1 losses: the VAE loss and the Gaussian reconstruction loss of STORM-VAE.

In:  a StormVAE, a batched clip (docs/DATA.md), its StormVAEConfig, a torch.Generator (all random
     choices come from it, so a resumed run repeats them) and a frozen perceptual network.
Out: `storm_vae_loss` -> (total loss, dict of float metrics), where

  total = VAE loss + gs_weight x reconstruction loss
  VAE loss      = pixel MSE + w_p LPIPS (on `vae_images` decoded context images) + w_kl KL
  recon. loss   = MSE + w_p LPIPS of the rendered targets (`num_targets` random (frame, camera)
                  pairs of the whole clip: novel times and, as the ego moves, novel viewpoints)
                  + w_d L1(log depth) where depth is known (rendered target depth and the decoder's
                  depth of the context views) + w_sky (L1(rendered alpha, 1 - sky) + mean opacity of
                  the context views' sky-pixel Gaussians) + w_v mean |velocity|.

Depth is compared in log space, which weighs a 10 % error at 5 m and at 50 m alike. Sky pixels are
those with dense depth 0 (the synthetic world); with LiDAR-only data there is no sky term.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..config import StormVAEConfig
from ..geometry import MIN_DEPTH


def _f(t: torch.Tensor) -> float:
    return float(t.detach())


def depth_target(clip: dict, source: str = "auto") -> tuple[torch.Tensor, torch.Tensor | None]:
    """-> (depth [B, T, V, H, W] with 0 = unknown, sky mask [B, T, V, H, W] or None).

    auto: dense depth for clips that have it (the synthetic world), LiDAR depth otherwise.
    """
    dense, lidar = clip["depth"].float(), clip["lidar_depth"].float()
    has_dense = (dense.flatten(1) > 0).any(1)                                   # [B]
    if source == "dense":
        use = torch.ones_like(has_dense)
    elif source == "lidar":
        use = torch.zeros_like(has_dense)
    else:
        use = has_dense
    sel = use[:, None, None, None, None]
    depth = torch.where(sel, dense, lidar)
    sky = (dense == 0) & (has_dense[:, None, None, None, None])
    return depth, (sky if bool(has_dense.any()) else None)


def log_depth_l1(pred: torch.Tensor, gt: torch.Tensor) -> torch.Tensor:
    valid = gt > 0
    if not bool(valid.any()):
        return pred.sum() * 0
    return (pred[valid].clamp_min(MIN_DEPTH).log() - gt[valid].log()).abs().mean()


def sky_opacity_loss(alpha: torch.Tensor, opacities: torch.Tensor, sky: torch.Tensor | None, b, frames, cams,
                     context: list[int]) -> torch.Tensor:
    """STORM's sky term: L1 between the rendered alpha [B, N, H, W] and (1 - sky mask) of the targets,
    plus the mean opacity of the context views' own sky-pixel Gaussians (opacities [B, Tc V H W]).

    The first term alone only sees the targets; the second tells each sky pixel's Gaussian directly
    to vanish, which the rendered alpha can only do through whichever Gaussian happens to cover it."""
    if sky is None:  # LiDAR-only data: no sky mask
        return alpha.sum() * 0
    tgt_sky = sky[b, frames, cams].to(alpha.dtype)                              # [B, N, H, W]
    ctx_sky = sky[:, context].reshape(opacities.shape)                          # [B, Tc V H W]
    ctx = opacities[ctx_sky].mean() if bool(ctx_sky.any()) else opacities.sum() * 0
    return (alpha - (1 - tgt_sky)).abs().mean() + ctx


def sample_targets(B: int, T: int, V: int, n: int, generator: torch.Generator | None, device=None):
    """n distinct random (frame, camera) pairs per clip -> (frames [B, n], cams [B, n])."""
    idx = torch.stack([torch.randperm(T * V, generator=generator)[:n] for _ in range(B)]).to(device)
    return idx // V, idx % V


def storm_vae_loss(model, clip: dict, cfg: StormVAEConfig, generator: torch.Generator | None,
                   perceptual) -> tuple[torch.Tensor, dict[str, float]]:
    images = clip["images"]                                                    # [B, T, V, 3, H, W]
    B, T, V = images.shape[:3]
    context = list(cfg.data.context_frames)
    frames, cams = sample_targets(B, T, V, cfg.data.num_targets, generator, images.device)
    out = model(clip, context, frames, cams, generator)
    mean, logvar, z = out["mean"], out["logvar"], out["z"]                     # [B, Tc, V, 16, h, w]

    # --- VAE: decode a random subset of the context images (all of them when vae_images is 0)
    ctx_imgs = images[:, context].flatten(0, 2)                                # [B Tc V, 3, H, W]
    z_flat = z.flatten(0, 2)
    k = cfg.vae_images or z_flat.shape[0]
    pick = torch.randperm(z_flat.shape[0], generator=generator)[:k].to(images.device)
    recon = model.vae.decode(z_flat[pick])
    target = ctx_imgs[pick]
    recon = recon.float()  # losses in float32 under autocast
    vae_mse = F.mse_loss(recon, target)
    vae_lp = perceptual(recon, target).float().mean() if cfg.perceptual_weight > 0 else vae_mse * 0
    kl = model.vae.kl(mean.flatten(0, 2).float(), logvar.flatten(0, 2).float())
    loss_vae = vae_mse + cfg.perceptual_weight * vae_lp + cfg.kl_weight * kl
    metrics = {"vae_mse": _f(vae_mse), "vae_lpips": _f(vae_lp), "kl": _f(kl)}
    if cfg.gs_weight <= 0:
        return loss_vae, metrics

    # --- reconstruction through the Gaussians
    rend, gs = out["render"], out["gs"]
    b = torch.arange(B, device=images.device)[:, None]
    tgt = images[b, frames, cams]                                              # [B, N, 3, H, W]
    r_mse = F.mse_loss(rend["rgb"], tgt)
    r_lp = (perceptual(rend["rgb"].flatten(0, 1), tgt.flatten(0, 1)).float().mean()
            if cfg.perceptual_weight > 0 else r_mse * 0)
    depth, sky = depth_target(clip, cfg.depth_source)
    d_render = log_depth_l1(rend["depth"], depth[b, frames, cams])
    d_ctx = log_depth_l1(gs.depth, depth[:, context])
    sky_term = sky_opacity_loss(rend["alpha"], gs.gaussians.opacities, sky, b, frames, cams, context)
    speed = gs.gaussians.velocities.norm(dim=-1).mean()
    loss_rec = (r_mse + cfg.perceptual_weight * r_lp + cfg.depth_weight * (d_render + d_ctx)
                + cfg.sky_weight * sky_term + cfg.velocity_weight * speed)
    metrics.update(render_mse=_f(r_mse), render_lpips=_f(r_lp), depth_l1_log=_f(d_render),
                   ctx_depth_l1_log=_f(d_ctx), sky_alpha=_f(sky_term), speed=_f(speed))
    return loss_vae + cfg.gs_weight * loss_rec, metrics
