"""Cross-view video DiT: SD3 MM-DiT spatial blocks + temporal + cross-view blocks + controls.

Tensor layout (everywhere in this file):
    latents   [B, T, V, C, h, w]   B clips, T frames, V cameras, C latent channels, h x w latent size
    images    [B*T*V, N, D]        tokens of one (frame, camera) image, index (b * T + t) * V + v,
                                   N = (h / p)(w / p) patches of p x p (SD3 PatchEmbed order), D width
    text      [B*T*V, L, D]        the frame's caption tokens, repeated over its V cameras
    temb      [B*T*V, D]           timestep + pooled caption of the frame (per-frame t: references at 0)
    temporal  [B, T, V*N, D]       attention along T: one sequence per (clip, camera, token position)
    cross-view[B*T, V*N, 1, D]     attention along V*N: all tokens of all cameras of one frame

Layer i: SD3 `JointTransformerBlock` on every image (joint attention with its caption) ->
(i < control_blocks) + zero-initialised adapter of the control features -> temporal attention ->
cross-view attention (all views, or ring neighbours by mask). Temporal and cross-view blocks add a
position embedding (frame time + camera rays, optionally camera ids) to their normalised input
and end in a zero-initialised projection, so at init the model equals SD3 run per image.

The SD3 parts live under diffusers' attribute names (pos_embed, time_text_embed,
context_embedder, transformer_blocks, norm_out, proj_out): `sd3_state_dict()` has exactly the
keys of `SD3Transformer2DModel` with the same arguments, and `load_sd35_transformer` fills them
from a local SD3.5 checkpoint. New parts: text_proj, pooled_proj, null_*, temporal_blocks,
view_blocks, frame_time_embed, ray_embed, camera_id_embed, control_encoder, null_controls,
control_adapters.

    model = build_dit("tiny")
    v = model(latents, t, cond, drop)      # t: flow time in [0, 1], [B], per frame [B, T] or per image [B, T, V]
    x0 = sample_latents(model, cond, noise, ref_latents=x_ref, ref_mask=ref)   # Euler + CFG
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
from diffusers.models.attention import JointTransformerBlock
from diffusers.models.embeddings import CombinedTimestepTextProjEmbeddings, PatchEmbed
from diffusers.models.normalization import AdaLayerNormContinuous
from torch.utils.checkpoint import checkpoint

from ..config import DiTConfig
from ..errors import CvdError, require
from .conditioning import (ControlEncoder, DiTConditions, FrameTimeEmbedder, RayEmbedder, condition_names,
                           sample_condition_dropout)
from .flow import euler_sample

SD3_MODULES = ("pos_embed", "time_text_embed", "context_embedder", "transformer_blocks", "norm_out", "proj_out")
# Axis sequences up to this length (time: T frames) skip SDPA: its CPU kernel costs ~3x an explicit
# softmax on [*, 8, 64] problems, and the score matrix is at most n / head_dim of q's size.
SHORT_SEQUENCE = 32
KEYFRAME_SECONDS = 0.5  # default frame spacing (nuScenes keyframes, 2 Hz) when frame_times are not given


class _RMSNormFn(torch.autograd.Function):
    """RMS norm over the last dim of a contiguous x, with its closed-form backward (reference: F.rms_norm).

    Written here because torch's CPU rms_norm is fused only without autograd; with it, it is a chain of
    about ten elementwise ops, ~3x slower than this on the axis blocks' q and k.
    Under autocast x arrives in bf16 beside a float32 weight: the statistics are computed in the
    wider of the two dtypes (as F.rms_norm does) and the result goes on in x's dtype.
    """

    @staticmethod
    def forward(ctx, x, weight, eps):
        ctx.x_dtype = x.dtype
        xf = x.to(torch.promote_types(x.dtype, weight.dtype))
        r = torch.rsqrt(torch.linalg.vecdot(xf, xf).unsqueeze(-1) / x.shape[-1] + eps)   # [..., 1]
        xhat = xf * r
        ctx.save_for_backward(xhat, r, weight)
        return (xhat * weight).to(x.dtype)

    @staticmethod
    def backward(ctx, g):
        xhat, r, weight = ctx.saved_tensors
        g = g.contiguous().to(xhat.dtype)
        gw = g * weight
        s = torch.linalg.vecdot(gw, xhat).unsqueeze(-1) / xhat.shape[-1]              # [..., 1]
        return ((gw - xhat * s) * r).to(ctx.x_dtype), (g * xhat).flatten(0, -2).sum(0).to(weight.dtype), None


def rms_norm(x: torch.Tensor, norm: nn.Module) -> torch.Tensor:
    """x through `norm` (an nn.RMSNorm with weight, or nn.Identity) with the closed-form backward."""
    return x if isinstance(norm, nn.Identity) else _RMSNormFn.apply(x.contiguous(), norm.weight, norm.eps)


class AxisAttention(nn.Module):
    """Residual self-attention along axis 1 of x [B, n, R, D]: each (b, r) is its own length-n sequence.

    LayerNorm -> + pos (broadcastable to x) -> q, k, v -> RMS qk-norm (as SD3.5) -> attention (SDPA, or
    an explicit softmax for n <= SHORT_SEQUENCE; optional bool mask [n, n], True = may attend) ->
    zero-initialised output projection (identity at init).
    No copies of the activations, forward or backward: q, k, v come from three matmuls (slices of one
    fused weight) as dense [B, n, R, D] tensors, and attention reads them through a strided view
    [B, R*H, n, hd] (the R sequences and H heads share SDPA's head axis: R's stride is H x hd). A fused
    qkv output split by unbind cost a stack + strided copy of its gradient and SDPA input copies,
    about a quarter of the block's time on CPU.
    """

    def __init__(self, dim: int, heads: int, qk_norm: bool, ray_bias: float | None = None):
        super().__init__()
        self.heads = heads
        # Cross-view only: per-head logit bias s_h (d_i . d_j) between the tokens' unit ray directions (see
        # `forward`); s_h learnt, starting at `ray_bias`.
        self.ray_scale = nn.Parameter(torch.full((heads,), float(ray_bias))) if ray_bias is not None else None
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.qkv = nn.Linear(dim, 3 * dim)
        hd = dim // heads
        self.q_norm = nn.RMSNorm(hd, eps=1e-6) if qk_norm else nn.Identity()
        self.k_norm = nn.RMSNorm(hd, eps=1e-6) if qk_norm else nn.Identity()
        self.out = nn.Linear(dim, dim)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x: torch.Tensor, pos: torch.Tensor | None = None, mask: torch.Tensor | None = None,
                rays: torch.Tensor | None = None):
        """x [B, n, R, D]; pos broadcastable to x; mask [n, n] bool; rays [B, n, 3] unit ray directions of the
        tokens (R = 1 only), used by a block built with `ray_bias`."""
        B, n, R, D = x.shape
        h = self.norm(x)
        if pos is not None:
            h = h + pos
        H, hd = self.heads, D // self.heads
        q, k, v = (F.linear(h, w, b).unflatten(-1, (H, hd))                  # [B, n, R, H, hd]
                   for w, b in zip(self.qkv.weight.chunk(3), self.qkv.bias.chunk(3)))
        q, k = rms_norm(q, self.q_norm), rms_norm(k, self.k_norm)
        q, k, v = (t.flatten(2, 3).transpose(1, 2) for t in (q, k, v))        # [B, R*H, n, hd] views
        scale = hd ** -0.5
        if self.ray_scale is not None and rays is not None:
            # Tokens looking the same way see the same far-away content (the epipolar point at infinity of
            # two cameras of one rig): logit + s_h (d_i . d_j). Rank 3, so it rides on q and k as three
            # extra channels (q gets s_h d_i / scale, k gets d_j) instead of an [n, n] bias per head:
            # memory stays O(n) at the paper's 6 x 1,000+ tokens per frame.
            require(R == 1 and rays.shape == (B, n, 3), f"ray bias needs rays [B, n, 3] = {[B, n, 3]} and R = 1")
            # Zero channels pad q, k and v to a multiple of 8 with one head size: the fused SDPA kernels
            # (flash on CUDA and CPU) take only that; otherwise attention falls back to the math path,
            # which stores [n, n] per head (tens of GB at the paper's size). Zeros change no logit.
            pad = (-(hd + 3)) % 8
            d = rays.to(q.dtype)[:, None]                                      # [B, 1, n, 3]
            q = F.pad(torch.cat([q, d * (self.ray_scale.to(q.dtype)[:, None, None] / scale)], -1), (0, pad))
            k = F.pad(torch.cat([k, d.expand(B, H, n, 3)], -1), (0, pad))     # [B, H, n, hd + 3 + pad]
            v = F.pad(v, (0, 3 + pad))
        if n <= SHORT_SEQUENCE:   # explicit softmax: the fused kernel's per-sequence overhead dominates here
            s = q @ k.transpose(-1, -2) * scale                                # [B, R*H, n, n]
            o = (s if mask is None else s.masked_fill(~mask, float("-inf"))).softmax(-1) @ v
        else:
            o = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=scale)   # [B, R*H, n, hd]
        return x + self.out(o[..., :hd].transpose(1, 2).reshape(B, n, R, D))


def _zero_linear(dim: int) -> nn.Linear:
    lin = nn.Linear(dim, dim)
    nn.init.zeros_(lin.weight)
    nn.init.zeros_(lin.bias)
    return lin


def _proj(din: int, dout: int) -> nn.Module:
    return nn.Identity() if din == dout else nn.Linear(din, dout)


class CVDDiT(nn.Module):
    """The stage-2 denoiser. `forward(latents, timestep, cond, drop) -> v` (layout in the module docstring)."""

    def __init__(self, cfg: DiTConfig):
        super().__init__()
        self.cfg = cfg
        D = cfg.num_attention_heads * cfg.attention_head_dim
        require(cfg.caption_projection_dim == D, f"caption_projection_dim ({cfg.caption_projection_dim}) must equal "
                f"num_attention_heads x attention_head_dim ({D}): the caption stream runs at the model width")
        require(cfg.view_attention in ("all", "neighbors"),
                f"view_attention must be 'all' or 'neighbors', got {cfg.view_attention!r}")
        require(cfg.camera_embed in ("rays", "ids", "rays+ids"),
                f"camera_embed must be rays, ids or rays+ids, got {cfg.camera_embed!r}")
        require(2 ** len(cfg.control_channels) == cfg.vae_downsample,
                f"control_channels needs log2(vae_downsample) = {cfg.vae_downsample.bit_length() - 1} entries, "
                f"got {len(cfg.control_channels)}")
        self.inner_dim = D
        p = cfg.patch_size
        qk = cfg.qk_norm or None
        # --- SD3 parts: same names, classes and arguments as diffusers.SD3Transformer2DModel
        self.pos_embed = PatchEmbed(height=cfg.sample_size, width=cfg.sample_size, patch_size=p,
                                    in_channels=cfg.in_channels, embed_dim=D, pos_embed_max_size=cfg.pos_embed_max_size)
        self.time_text_embed = CombinedTimestepTextProjEmbeddings(embedding_dim=D,
                                                                  pooled_projection_dim=cfg.pooled_projection_dim)
        self.context_embedder = nn.Linear(cfg.joint_attention_dim, cfg.caption_projection_dim)
        self.transformer_blocks = nn.ModuleList([
            JointTransformerBlock(dim=D, num_attention_heads=cfg.num_attention_heads,
                                  attention_head_dim=cfg.attention_head_dim, context_pre_only=i == cfg.num_layers - 1,
                                  qk_norm=qk,
                                  use_dual_attention=i in cfg.dual_attention_layers)
            for i in range(cfg.num_layers)])
        self.norm_out = AdaLayerNormContinuous(D, D, elementwise_affine=False, eps=1e-6)
        self.proj_out = nn.Linear(D, p * p * cfg.out_channels, bias=True)
        # --- text: encoder width -> SD3 widths, learnt nulls for dropped captions
        self.text_proj = _proj(cfg.text_dim, cfg.joint_attention_dim)
        self.pooled_proj = _proj(cfg.text_pooled_dim, cfg.pooled_projection_dim)
        self.null_text_tokens = nn.Parameter(torch.zeros(cfg.text_tokens, cfg.text_dim))
        self.null_text_pooled = nn.Parameter(torch.zeros(cfg.text_pooled_dim))
        # --- temporal / cross-view blocks and their position embeddings
        def axis_blocks(ray_bias=None):
            return nn.ModuleList([AxisAttention(D, cfg.num_attention_heads, bool(qk), ray_bias)
                                  for _ in range(cfg.num_layers)])

        self.temporal_blocks = axis_blocks() if cfg.temporal else None
        self.view_blocks = axis_blocks(cfg.view_ray_bias or None) if cfg.cross_view else None
        axial = cfg.temporal or cfg.cross_view
        self.frame_time_embed = FrameTimeEmbedder(D, cfg.frame_time_scale) if cfg.temporal else None
        self.ray_embed = RayEmbedder(p, D) if axial and "rays" in cfg.camera_embed else None
        self.camera_id_embed = nn.Embedding(cfg.max_views, D) if axial and "ids" in cfg.camera_embed else None
        self.null_camera = nn.Parameter(torch.zeros(D)) if self.ray_embed is not None else None
        # --- box / map controls: one conv encoder over the stacked control images (a dropped or missing
        # control is zeros there plus its learnt null), zero-initialised adapters into the first blocks
        n_ctrl = min(cfg.control_blocks, cfg.num_layers) if cfg.control_names else 0
        ctrl_in = 3 * len(cfg.control_names)
        self.control_encoder = ControlEncoder(cfg.control_channels, p, D, ctrl_in) if n_ctrl else None
        self.null_controls = (nn.ParameterDict({n: nn.Parameter(torch.zeros(D)) for n in cfg.control_names})
                              if n_ctrl else None)
        self.control_adapters = nn.ModuleList([_zero_linear(D) for _ in range(n_ctrl)]) if n_ctrl else None
        self.gradient_checkpointing = cfg.gradient_checkpointing

    # ------------------------------------------------------------------------------ public helpers
    @property
    def condition_names(self) -> tuple[str, ...]:
        """Droppable conditions: text, camera and the control names."""
        return condition_names(tuple(self.cfg.control_names) if self.control_encoder is not None else ())

    def sample_dropout(self, batch: int, p: float | None = None, generator: torch.Generator | None = None):
        """Training-time condition dropout masks {name: bool [B]} (p defaults to cfg.cond_drop_prob)."""
        return sample_condition_dropout(self.condition_names, batch, self.cfg.cond_drop_prob if p is None else p,
                                        generator, self.null_text_pooled.device)

    def sd3_state_dict(self) -> dict[str, torch.Tensor]:
        """The shared part: keys exactly those of diffusers.SD3Transformer2DModel(**self.sd3_config())."""
        return {k: v for k, v in self.state_dict().items() if k.split(".", 1)[0] in SD3_MODULES}

    def sd3_config(self) -> dict:
        """Arguments of the diffusers.SD3Transformer2DModel whose weights this model shares."""
        c = self.cfg
        return dict(sample_size=c.sample_size, patch_size=c.patch_size, in_channels=c.in_channels,
                    num_layers=c.num_layers, attention_head_dim=c.attention_head_dim,
                    num_attention_heads=c.num_attention_heads, joint_attention_dim=c.joint_attention_dim,
                    caption_projection_dim=c.caption_projection_dim, pooled_projection_dim=c.pooled_projection_dim,
                    out_channels=c.out_channels, pos_embed_max_size=c.pos_embed_max_size,
                    dual_attention_layers=tuple(c.dual_attention_layers), qk_norm=c.qk_norm or None)

    # ------------------------------------------------------------------------------------ forward
    def forward(self, latents: torch.Tensor, timestep: torch.Tensor, cond: DiTConditions,
                drop: dict[str, torch.Tensor] | None = None) -> torch.Tensor:
        """latents [B, T, V, C, h, w] at flow time `timestep` ([B], [B, T] or [B, T, V], in [0, 1])
        -> v [B, T, V, C_out, h, w]."""
        cfg, p = self.cfg, self.cfg.patch_size
        require(latents.dim() == 6, f"latents must be [B, T, V, C, h, w], got {list(latents.shape)}")
        B, T, V, C, h, w = latents.shape
        require(C == cfg.in_channels and h % p == 0 and w % p == 0,
                f"latents {list(latents.shape)}: need C = {cfg.in_channels} and h, w divisible by patch {p}")
        drop = drop or {}
        N, M = (h // p) * (w // p), B * T * V
        t = timestep.reshape(B, 1).expand(B, T) if timestep.dim() <= 1 else timestep
        require(t.shape in ((B, T), (B, T, V)),
                f"timestep must be [B], [B, T] = {[B, T]} or [B, T, V] = {[B, T, V]}, got {list(timestep.shape)}")

        x = self.pos_embed(latents.reshape(M, C, h, w)).contiguous()            # [M, N, D]
        tokens, pooled = self._text(cond, drop, B, T)                            # [B, T, L, Dj], [B, T, Dp]
        ctx = self.context_embedder(tokens.reshape(B * T, *tokens.shape[2:]))   # [B*T, L, D]
        ctx = ctx.repeat_interleave(V, 0)                                        # [M, L, D]
        if t.dim() == 2:    # one noise level per frame: embed per frame, then repeat over its cameras
            temb = self.time_text_embed(t.reshape(-1) * cfg.flow.num_train_timesteps, pooled.reshape(B * T, -1))
            temb = temb.repeat_interleave(V, 0)                                  # [M, D]
        else:               # per image (camera completion: given cameras at t = 0)
            temb = self.time_text_embed(t.reshape(-1) * cfg.flow.num_train_timesteps,
                                        pooled.reshape(B * T, -1).repeat_interleave(V, 0))   # [M, D]
        pos = self._axis_positions(cond, drop, B, T, V, h, w)                    # [B, T, V*N, D] or None
        ctrl = self._controls(cond, drop, B, T, V, h, w)                        # [M, N, D] or None
        mask = self._view_mask(V, N, latents.device)
        dirs = self._token_directions(cond, drop, B, T, V, h, w)                # [B*T, V*N, 3] or None
        dims = (B, T, V, N)
        for i in range(len(self.transformer_blocks)):
            if self.gradient_checkpointing and self.training and torch.is_grad_enabled():
                x, ctx = checkpoint(self._layer, i, x, ctx, temb, pos, ctrl, mask, dirs, dims, use_reentrant=False)
            else:
                x, ctx = self._layer(i, x, ctx, temb, pos, ctrl, mask, dirs, dims)
        x = self.proj_out(self.norm_out(x, temb))                                # [M, N, p p C_out]
        hh, ww, co = h // p, w // p, cfg.out_channels
        x = torch.einsum("nhwpqc->nchpwq", x.reshape(M, hh, ww, p, p, co))     # unpatchify as diffusers
        return x.reshape(B, T, V, co, h, w)

    def _layer(self, i, x, ctx, temb, pos, ctrl, mask, dirs, dims):
        B, T, V, N = dims
        D = x.shape[-1]
        ctx, x = self.transformer_blocks[i](hidden_states=x, encoder_hidden_states=ctx, temb=temb)
        if ctrl is not None and i < len(self.control_adapters):
            x = x + self.control_adapters[i](ctrl)
        if self.temporal_blocks is not None:   # sequences over T: x viewed as [B, T, V*N, D]
            x = self.temporal_blocks[i](x.reshape(B, T, V * N, D), pos).reshape(B * T * V, N, D)
        if self.view_blocks is not None:       # sequences over all V*N tokens of a frame: [B*T, V*N, 1, D]
            xv = self.view_blocks[i](x.reshape(B * T, V * N, 1, D), pos.reshape(B * T, V * N, 1, D), mask, dirs)
            x = xv.reshape(B * T * V, N, D)
        return x, ctx

    def _text(self, cond: DiTConditions, drop, B: int, T: int):
        cfg = self.cfg
        tok, pooled = cond.text_tokens, cond.text_pooled
        require(tok.shape == (B, T, cfg.text_tokens, cfg.text_dim) and pooled.shape == (B, T, cfg.text_pooled_dim),
                f"text must be tokens [B, T, L, Dt] = {[B, T, cfg.text_tokens, cfg.text_dim]} and pooled "
                f"[B, T, Dp] = {[B, T, cfg.text_pooled_dim]}; got {list(tok.shape)} and {list(pooled.shape)}")
        if "text" in drop:
            d = drop["text"].to(tok.device).reshape(B, 1, 1)
            tok = torch.where(d[..., None], self.null_text_tokens, tok)
            pooled = torch.where(d, self.null_text_pooled, pooled)
        return self.text_proj(tok), self.pooled_proj(pooled)

    def _axis_positions(self, cond: DiTConditions, drop, B, T, V, h, w):
        """Position embedding of the temporal / cross-view blocks: frame time + camera, [B, T, V*N, D]."""
        if self.temporal_blocks is None and self.view_blocks is None:
            return None
        p, D = self.cfg.patch_size, self.inner_dim
        N = (h // p) * (w // p)
        dev = self.null_text_pooled.device
        pos = torch.zeros(1, 1, 1, 1, D, device=dev)
        if self.ray_embed is not None:
            if cond.rays is None:
                cam = self.null_camera.reshape(1, 1, 1, 1, D)
            else:
                r = cond.rays
                require(r.dim() == 6 and r.shape[:4] == (B, T, V, 6),
                        f"rays must be [B, T, V, 6, H, W] with B, T, V = {B, T, V}, got {list(r.shape)}")
                cam = self.ray_embed(r.reshape(B * T * V, 6, *r.shape[-2:]).to(pos.dtype), h, w).reshape(B, T, V, N, D)
                if "camera" in drop:
                    cam = torch.where(drop["camera"].to(dev).reshape(B, 1, 1, 1, 1), self.null_camera, cam)
            pos = pos + cam
        if self.camera_id_embed is not None:
            ids = torch.arange(V, device=dev).expand(B, V) if cond.camera_ids is None else cond.camera_ids.to(dev)
            require(ids.shape == (B, V) and (ids.is_meta or int(ids.max()) < self.cfg.max_views),
                    f"camera_ids must be [B, V] = {[B, V]} in [0, {self.cfg.max_views}), got {list(ids.shape)}")
            pos = pos + self.camera_id_embed(ids)[:, None, :, None]
        if self.frame_time_embed is not None:
            ft = cond.frame_times
            if ft is None:
                ft = torch.arange(T, device=dev, dtype=pos.dtype).expand(B, T) * KEYFRAME_SECONDS
            ft = ft.to(dev)
            require(ft.shape == (B, T), f"frame_times must be [B, T] = {[B, T]}, got {list(ft.shape)}")
            pos = pos + self.frame_time_embed(ft)[:, :, None, None]
        return pos.expand(B, T, V, N, D).reshape(B, T, V * N, D)

    def _token_directions(self, cond: DiTConditions, drop, B, T, V, h, w):
        """Unit world ray direction of every token for the cross-view ray bias: [B*T, V*N, 3], or None (no
        bias, no rays, or the camera condition dropped for every clip; a clip whose camera is dropped gets
        zero directions, so no bias)."""
        if self.view_blocks is None or not self.cfg.view_ray_bias or cond.rays is None:
            return None
        p = self.cfg.patch_size
        r = cond.rays[:, :, :, 3:6].reshape(B * T * V, 3, *cond.rays.shape[-2:]).float()
        d = F.normalize(F.adaptive_avg_pool2d(r, (h // p, w // p)), dim=1)       # [M, 3, h/p, w/p] patch means
        d = d.flatten(2).transpose(1, 2).reshape(B, T, -1, 3)                       # [B, T, V*N, 3]
        if "camera" in drop:
            d = torch.where(drop["camera"].to(d.device).reshape(B, 1, 1, 1), 0.0, d)
        return d.reshape(B * T, -1, 3)

    def _controls(self, cond: DiTConditions, drop, B, T, V, h, w):
        """Encoded control images + nulls of dropped / missing controls: [B*T*V, N, D] (or [1, N, D]) or None."""
        if self.control_encoder is None:
            return None
        names = tuple(self.cfg.control_names)
        unknown = sorted(set(cond.controls) - set(names))
        require(not unknown, f"unknown control(s) {unknown}; this model takes {list(names)}")
        s, M = self.cfg.vae_downsample, B * T * V
        dev, dt = self.null_text_pooled.device, self.null_text_pooled.dtype
        imgs, nulls, any_img = [], 0, False
        for name in names:
            img = cond.controls.get(name)
            off = torch.ones(B, dtype=torch.bool) if img is None else drop.get(name, torch.zeros(B, dtype=torch.bool))
            off = off.to(dev)
            if img is None or (not off.is_meta and bool(off.all())):
                imgs.append(None)
            else:
                require(img.shape == (B, T, V, 3, h * s, w * s),
                        f"control {name!r} must be [B, T, V, 3, H, W] = {[B, T, V, 3, h * s, w * s]}, "
                        f"got {list(img.shape)}")
                imgs.append(torch.where(off.reshape(B, 1, 1, 1, 1, 1), 0.0, img.to(dt)).reshape(M, 3, h * s, w * s))
                any_img = True
            nulls = nulls + off.to(dt).repeat_interleave(T * V).reshape(M, 1, 1) * self.null_controls[name]
        rows = M if any_img else 1   # nothing to see: encode one blank image and broadcast it
        blank = torch.zeros(rows, 3, h * s, w * s, device=dev, dtype=dt)
        x = torch.cat([blank if i is None else i for i in imgs], 1)                # [M, 3 K, H, W]
        return self.control_encoder(x) + nulls

    def _view_mask(self, V: int, N: int, device):
        """Cross-view attention mask [V*N, V*N] (True = attend) for ring neighbours; None for all views."""
        k = self.cfg.view_neighbors
        if self.view_blocks is None or self.cfg.view_attention == "all" or V <= 2 * k + 1:
            return None
        i = torch.arange(V, device=device)
        d = (i[:, None] - i[None, :]).abs()
        near = torch.minimum(d, V - d) <= k                                      # [V, V] ring distance
        return near.repeat_interleave(N, 0).repeat_interleave(N, 1)


def velocity_fn(model: CVDDiT, cond: DiTConditions):
    """Adapter for models.flow: `fn(x, t, drop) -> v`, repeating cond for batched guidance branches."""
    B = cond.text_tokens.shape[0]

    def fn(x, t, drop):
        return model(x, t, cond.repeat(x.shape[0] // B), drop)

    return fn


@torch.no_grad()
def sample_latents(model: CVDDiT, cond: DiTConditions, noise: torch.Tensor, *, steps: int | None = None,
                   shift: float | None = None, guidance: float | dict[str, float] | None = None,
                   guided: tuple[str, ...] | None = None, ref_latents: torch.Tensor | None = None,
                   ref_mask: torch.Tensor | None = None, callback=None) -> torch.Tensor:
    """Generate latents [B, T, V, C, h, w] from noise of that shape (Euler + CFG, models.flow).

    Defaults come from model.cfg.flow: sample_steps, sample_shift, and condition_guidance if set, else
    guidance_scale applied to `guided` (default: text and the controls; the camera is always kept).
    ref_mask [B, T] marks frames fixed to ref_latents (future prediction / long rollout), [B, T, V] single
    images (camera completion: the given cameras fixed, the others generated).
    """
    f = model.cfg.flow
    if guidance is None:
        guidance = dict(f.condition_guidance) if f.condition_guidance else f.guidance_scale
    if guided is None:
        guided = tuple(n for n in model.condition_names if n != "camera")
    was = model.training
    model.eval()
    try:
        return euler_sample(velocity_fn(model, cond), noise, steps=steps or f.sample_steps,
                            shift=f.sample_shift if shift is None else shift, guidance=guidance, conditions=guided,
                            ref_latents=ref_latents, ref_mask=ref_mask, num_train_timesteps=f.num_train_timesteps,
                            callback=callback)
    finally:
        model.train(was)


def build_dit(cfg: DiTConfig | str = "tiny", device=None, **overrides) -> CVDDiT:
    """A CVDDiT from a config or preset name; loads `cfg.pretrained` SD3.5 weights when set."""
    if isinstance(cfg, str):
        cfg = DiTConfig.from_preset(cfg, **overrides)
    elif overrides:
        cfg = DiTConfig.from_dict({**cfg.to_dict(), **overrides})
    with torch.device(device) if device is not None else contextlib.nullcontext():
        model = CVDDiT(cfg)
    if cfg.pretrained:
        load_sd35_transformer(model, cfg.pretrained)
    return model


# ------------------------------------------------------------------------------- SD3.5 weights
def read_sd35_state_dict(path: str | Path) -> dict[str, torch.Tensor]:
    """SD3(.5) transformer weights in diffusers naming from a local folder or safetensors file.

    Folder: the pipeline root (uses `transformer/`) or the transformer folder itself, holding
    `diffusion_pytorch_model.safetensors` or a sharded `diffusion_pytorch_model.safetensors.index.json`.
    File: a diffusers-format safetensors, or Stability's single file (converted by diffusers).
    """
    from safetensors.torch import load_file

    path = Path(path)
    if path.is_dir():
        d = path / "transformer" if (path / "transformer").is_dir() else path
        single, index = d / "diffusion_pytorch_model.safetensors", d / "diffusion_pytorch_model.safetensors.index.json"
        if single.is_file():
            files = [single]
        elif index.is_file():
            files = [d / f for f in sorted(set(json.loads(index.read_text())["weight_map"].values()))]
        else:
            raise CvdError(f"{d} has neither diffusion_pytorch_model.safetensors nor its .index.json "
                           f"(give an SD3.5 diffusers folder, its transformer/ folder, or a .safetensors file)")
    elif path.is_file() and path.suffix == ".safetensors":
        files = [path]
    else:
        raise CvdError(f"SD3.5 weights not found at {path} (give a diffusers folder or a .safetensors file)")
    sd: dict[str, torch.Tensor] = {}
    for f in files:
        require(f.is_file(), f"missing weight shard {f}")
        sd.update(load_file(str(f)))
    if any(k.startswith(("model.diffusion_model.", "joint_blocks.")) for k in sd):
        from diffusers.loaders.single_file_utils import convert_sd3_transformer_checkpoint_to_diffusers

        sd = convert_sd3_transformer_checkpoint_to_diffusers(sd)
    return sd


def load_sd35_transformer(model: CVDDiT, path: str | Path) -> None:
    """Fill the model's SD3 part from `path` (see read_sd35_state_dict); every key must match."""
    sd = read_sd35_state_dict(path)
    ours = model.sd3_state_dict()
    missing = sorted(set(ours) - set(sd))
    unexpected = sorted(set(sd) - set(ours))
    shapes = [f"{k} {list(sd[k].shape)} vs ours {list(ours[k].shape)}" for k in sorted(set(ours) & set(sd))
              if sd[k].shape != ours[k].shape]
    if missing or unexpected or shapes:
        def few(xs):
            return f"{len(xs)} {xs[:8]}{' ...' if len(xs) > 8 else ''}"
        raise CvdError(f"{path}: SD3 transformer weights do not fit the model config (check num_layers, widths, "
                       f"dual_attention_layers, qk_norm): missing {few(missing)}; unexpected {few(unexpected)}; "
                       f"shape mismatch {few(shapes)}")
    meta = any(v.is_meta for v in ours.values())
    sd = {k: v.to(ours[k].dtype) for k, v in sd.items()}
    model.load_state_dict(sd, strict=False, assign=meta)
