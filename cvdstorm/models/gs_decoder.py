"""STORM-style Gaussian-Splatting decoder: latents of all cameras and context frames -> 4D Gaussians.

In:  z [B, Tc, V, C, h, w] normalised VAE latents of the context frames (h = H/8, w = W/8),
     intrinsics [B, Tc, V, 3, 3] (for the H x W images), cam_to_world [B, Tc, V, 4, 4] (clip world,
     OpenCV camera frame), times [B, Tc] seconds.
Out: `GSOutput`: one Gaussian per input pixel, B x (Tc V H W) of them, placed in world space:
     gaussians (cvdstorm.render.Gaussians, each field with a leading [B]: means [B, G, 3],
     quats [B, G, 4] (w, x, y, z), scales [B, G, 3] linear, opacities [B, G], colors [B, G, 3]
     in [0, 1], velocities [B, G, 3] m/s), gaussian_times [B, G] (the time each Gaussian was
     seen), depth [B, Tc, V, H, W] (the predicted z-depth per input pixel), sky_feature [B, S]
     and color_affine [B, V, 3, 4] (per-camera colour correction for renders).

How: every (frame, camera) latent is concatenated with its Plücker ray map and patchified (patch p
latent pixels); a time embedding is added; learnable sky / per-camera affine / motion tokens are
appended; one ViT attends over all tokens of all views and times jointly; a linear head
unpatchifies each image token to features of its (8p)^2 pixels and a 3x3 conv turns them into
Gaussian parameters. Depth is a log-space
sigmoid between near and far, scales are relative to the pixel footprint (depth / focal),
velocities are softmax(temperature 0.5)-weighted mixtures of the motion tokens' velocities.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from ..config import GSDecoderConfig
from ..geometry import float32_region, plucker_rays, quat_multiply, rotmat_to_quat, scale_intrinsics, unproject_depth
from ..render.gaussians import Gaussians

# channel layout of the per-pixel head: depth 1, log-scale 3, quaternion 4, opacity 1, rgb 3, motion key
_N_FIXED = 12
_MOMENT_SCALE = 0.1  # Plücker moments o x d grow with distance from the clip origin (metres): keep them ~1


@dataclass
class GSOutput:
    gaussians: Gaussians
    gaussian_times: torch.Tensor    # [B, G]
    depth: torch.Tensor             # [B, Tc, V, H, W]
    sky_feature: torch.Tensor       # [B, S]
    color_affine: torch.Tensor      # [B, V, 3, 4]


def sinusoidal_embedding(x: torch.Tensor, dim: int, max_period: float = 100.0) -> torch.Tensor:
    """[...] scalars -> [..., dim] sin/cos features over log-spaced frequencies."""
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(half, dtype=x.dtype, device=x.device) / half)
    ang = x[..., None] * freqs * 2 * math.pi
    return torch.cat([ang.sin(), ang.cos()], -1)


class Block(nn.Module):
    """Pre-norm transformer block (self-attention + MLP)."""

    def __init__(self, dim: int, heads: int, mlp_ratio: float):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.norm2 = nn.LayerNorm(dim)
        hidden = int(dim * mlp_ratio)
        self.mlp = nn.Sequential(nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # [B, L, D]
        B, L, D = x.shape
        q, k, v = self.qkv(self.norm1(x)).reshape(B, L, 3, self.heads, D // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v)  # [B, heads, L, D / heads]
        x = x + self.proj(a.transpose(1, 2).reshape(B, L, D))
        return x + self.mlp(self.norm2(x))


class GSDecoder(nn.Module):
    def __init__(self, cfg: GSDecoderConfig, latent_channels: int = 16, num_cameras: int = 6, downsample: int = 8):
        super().__init__()
        if cfg.dim % cfg.heads:
            raise ValueError(f"GS decoder dim {cfg.dim} must be divisible by heads {cfg.heads}")
        self.cfg, self.V, self.down = cfg, num_cameras, downsample
        p, D = cfg.patch_size, cfg.dim
        self.patch_in = nn.Linear((latent_channels + 6) * p * p, D)
        self.time_mlp = nn.Sequential(nn.Linear(D, D), nn.SiLU(), nn.Linear(D, D))
        n_extra = 1 + num_cameras + cfg.num_motion_tokens  # sky, per-camera affine, motion
        # unit-scale, not ViT's usual 0.02: at 0.02 the attention/MLP updates (the same for every extra
        # token) swamp the tokens' own embeddings and the final norm makes all motion tokens one vector
        self.extra_tokens = nn.Parameter(torch.randn(1, n_extra, D))
        self.blocks = nn.ModuleList(Block(D, cfg.heads, cfg.mlp_ratio) for _ in range(cfg.depth))
        self.norm = nn.LayerNorm(D)
        self.px = downsample * p  # image pixels per token side
        self.n_out = _N_FIXED + cfg.motion_dim
        # a linear unpatchify alone makes each token's pixels a rank-D linear map of one vector (blocky,
        # texture-poor at small D); a 3x3 conv over the per-pixel features adds non-linearity and mixes
        # across patch borders
        C = cfg.head_channels
        self.head = nn.Linear(D, self.px * self.px * C)
        self.refine = nn.Sequential(nn.Conv2d(C, C, 3, padding=1), nn.GELU(), nn.Conv2d(C, self.n_out, 1))
        self.sky_head = nn.Linear(D, SkyModel.FEATURES)
        self.sky_model = SkyModel()
        self.affine_head = nn.Linear(D, 12)
        self.motion_key = nn.Linear(D, cfg.motion_dim)
        self.motion_vel = nn.Linear(D, 3)
        self._init_heads()

    def _init_heads(self) -> None:
        with torch.no_grad():
            last = self.refine[-1]
            last.weight[:_N_FIXED].mul_(0.1)  # Gaussian parameters start near their biases; motion keys do not
            last.bias.zero_()
            last.bias[8] = 2.0  # opacity starts at sigmoid(2) = 0.88: surfaces start nearly opaque
            last.bias[1:4] = -1.0  # scales start at 0.37 pixel footprints: neighbours overlap little (sharp)
            nn.init.zeros_(self.affine_head.weight)  # identity colour at init
            nn.init.zeros_(self.affine_head.bias)
            # distinct token velocities (~0.5 m/s apart) and full-size keys: the velocity of a Gaussian is
            # key x token-velocity, so if either starts tiny both get tiny gradients and every Gaussian
            # keeps the same mixture: a moving box and the static ground then share one velocity
            # (tests/test_can_learn.py). Uniform mixing at init still averages them to ~0.
            nn.init.normal_(self.motion_vel.weight, std=0.5 / (math.sqrt(self.cfg.dim) * self.cfg.velocity_scale))
            nn.init.zeros_(self.motion_vel.bias)

    def forward(self, z: torch.Tensor, intrinsics: torch.Tensor, cam_to_world: torch.Tensor,
                times: torch.Tensor) -> GSOutput:
        cfg, p = self.cfg, self.cfg.patch_size
        B, Tc, V, C, h, w = z.shape
        if V != self.V:
            raise ValueError(f"GS decoder built for {self.V} cameras, got {V}")
        if h % p or w % p:
            raise ValueError(f"latent size {h}x{w} must be a multiple of the patch size {p}")
        H, W = h * self.down, w * self.down
        dtype = torch.float32 if z.dtype == torch.bfloat16 else z.dtype
        # --- tokens: latent + Plücker rays at latent resolution, patchified
        K_lat = scale_intrinsics(intrinsics, 1.0 / self.down, 1.0 / self.down)
        rays = plucker_rays(K_lat.float(), cam_to_world.float(), h, w).to(dtype)   # [B, Tc, V, 6, h, w]
        rays = torch.cat([rays[..., :3, :, :] * _MOMENT_SCALE, rays[..., 3:, :, :]], -3)
        x = torch.cat([z, rays], 3)                                                 # [B, Tc, V, C + 6, h, w]
        hp, wp = h // p, w // p
        x = x.reshape(B, Tc, V, C + 6, hp, p, wp, p).permute(0, 1, 2, 4, 6, 3, 5, 7)
        x = self.patch_in(x.reshape(B, Tc, V, hp * wp, (C + 6) * p * p))           # [B, Tc, V, n, D]
        temb = self.time_mlp(sinusoidal_embedding(times.to(dtype) * cfg.time_scale, cfg.dim))  # [B, Tc, D]
        x = x + temb[:, :, None, None, :]
        n_img = Tc * V * hp * wp
        x = torch.cat([x.reshape(B, n_img, cfg.dim), self.extra_tokens.expand(B, -1, -1).to(dtype)], 1)
        for blk in self.blocks:
            x = blk(x)
        x = self.norm(x)
        img, sky_tok = x[:, :n_img], x[:, n_img]
        aff_tok = x[:, n_img + 1:n_img + 1 + V]
        mot_tok = x[:, n_img + 1 + V:]
        # --- unpatchify: each token -> its px x px pixels' parameters
        Cf = cfg.head_channels
        feat = self.head(img).reshape(B * Tc * V, hp, wp, self.px, self.px, Cf)
        feat = feat.permute(0, 5, 1, 3, 2, 4).reshape(B * Tc * V, Cf, H, W)             # [B Tc V, Cf, H, W]
        heads = (self.refine(feat), self.sky_head(sky_tok), self.affine_head(aff_tok), self.motion_key(mot_tok),
                 self.motion_vel(mot_tok))
        # Gaussian parameters in float32 whatever the autocast dtype: bf16 depth (8 mantissa bits) is
        # 0.4 % coarse, ~0.2 m at 50 m, and the rasteriser kernel takes float32
        with float32_region(z.device):
            return self._gaussians(*(h.to(dtype) for h in heads), intrinsics, cam_to_world, times, n_img)

    def _gaussians(self, out, sky_feature, affine, k_mot, v_mot, intrinsics, cam_to_world, times, n_img) -> GSOutput:
        """Per-pixel head outputs [B Tc V, n_out, H, W] and token heads -> world-space Gaussians."""
        cfg, dtype = self.cfg, out.dtype
        B, Tc, V = cam_to_world.shape[:3]
        H, W = out.shape[-2:]
        out = out.reshape(B, Tc, V, self.n_out, H, W).permute(0, 1, 2, 4, 5, 3)    # [B, Tc, V, H, W, n_out]
        raw_depth, raw_scale, raw_quat = out[..., 0], out[..., 1:4], out[..., 4:8]
        raw_opacity, raw_rgb, key = out[..., 8], out[..., 9:12], out[..., 12:]

        lo, hi = math.log(cfg.near), math.log(cfg.far)
        # bias so that a zero input gives ~10 m (the typical distance of street content)
        depth = torch.exp(lo + torch.sigmoid(raw_depth + _logit((math.log(10.0) - lo) / (hi - lo))) * (hi - lo))
        focal = intrinsics[..., 0, 0].to(dtype)[..., None, None, None]                 # [B, Tc, V, 1, 1, 1]
        scales = depth[..., None] / focal * torch.exp(raw_scale.clamp(-cfg.max_log_scale, cfg.max_log_scale))
        q_cam = F.normalize(raw_quat + raw_quat.new_tensor([1.0, 0, 0, 0]), dim=-1)
        q_c2w = rotmat_to_quat(cam_to_world[..., :3, :3].float()).to(dtype)[..., None, None, :]
        quats = quat_multiply(q_c2w, q_cam)                                            # world-frame rotation
        means = unproject_depth(depth, intrinsics.to(dtype), cam_to_world.to(dtype))  # [B, Tc, V, H, W, 3]
        # --- velocity: softmax over motion tokens (temperature) mixes their velocities
        v_mot = v_mot * cfg.velocity_scale                                             # [B, M, 3] m/s
        logits = torch.einsum("btvhwd,bmd->btvhwm", key, k_mot) / (math.sqrt(cfg.motion_dim) * cfg.motion_temperature)
        vel = torch.einsum("btvhwm,bmc->btvhwc", logits.softmax(-1), v_mot)
        A = affine.reshape(B, V, 3, 4) + torch.eye(3, 4, dtype=dtype, device=out.device)
        G = n_img * self.px * self.px
        gs = Gaussians(means=means.reshape(B, G, 3), quats=quats.reshape(B, G, 4), scales=scales.reshape(B, G, 3),
                       opacities=torch.sigmoid(raw_opacity).reshape(B, G),
                       colors=torch.sigmoid(raw_rgb).reshape(B, G, 3), velocities=vel.reshape(B, G, 3))
        gt = times.to(dtype)[:, :, None, None, None].expand(B, Tc, V, H, W).reshape(B, G)
        return GSOutput(gs, gt, depth, sky_feature, A)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


class SkyModel(nn.Module):
    """Sky colour from the sky token's feature and a ray direction (STORM's sky token)."""

    FEATURES = 32

    def __init__(self, hidden: int = 64, frequencies: int = 4):
        super().__init__()
        self.freqs = frequencies
        self.mlp = nn.Sequential(nn.Linear(self.FEATURES + 3 + 6 * frequencies, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, feature: torch.Tensor, dirs: torch.Tensor) -> torch.Tensor:
        """feature [B, S], dirs [B, N, H, W, 3] unit world rays -> rgb [B, N, H, W, 3] in [0, 1]."""
        f = 2.0 ** torch.arange(self.freqs, dtype=dirs.dtype, device=dirs.device) * math.pi
        ang = (dirs[..., None] * f).flatten(-2)                                        # [..., 3F]
        feat = feature[:, None, None, None, :].expand(*dirs.shape[:-1], -1)
        return torch.sigmoid(self.mlp(torch.cat([feat, dirs, ang.sin(), ang.cos()], -1)))


def build_gs_decoder(cfg: GSDecoderConfig, latent_channels: int = 16, num_cameras: int = 6) -> GSDecoder:
    return GSDecoder(cfg, latent_channels, num_cameras)
