"""Rectified flow: training loss, timestep sampling, Euler sampler with classifier-free guidance.

Convention (SD3 / diffusers FlowMatchEuler): `x_t = (1 - t) x0 + t eps`, the model predicts
`v = eps - x0`, t = 1 is noise, t = 0 is data. Latents are `[B, T, ...]` (T frames first after
the batch, then V cameras for the video DiT); timesteps are per frame `[B, T]`, or per frame and
camera `[B, T, V]`, so references can sit at t = 0, clean, while the rest is noised. A reference
mask has the timesteps' shape: `[B, T]` marks whole frames (future prediction), `[B, T, V]` single
images (camera completion: some cameras given, the others generated). References are never noised,
never in the loss, and held fixed by the sampler.

The model is any callable `velocity(x [B, T, ...], t [B, T(, V)], drop) -> v [B, T, ...]` where `drop`
is None or `{condition name: bool [B]}` (True = that condition replaced by its null embedding).
The sampler evaluates the conditional and unconditional branches in one batched call.

    t = sample_timesteps(B, cfg)                                   # [B], SD3 shifted logit-normal
    ref = reference_mask(B, T, (0, 1, 3))                          # [B, T]: first k frames clean
    ref = ref[..., None] | view_reference_mask(B, T, V, 0.5)      # [B, T, V]: + given cameras
    out = flow_loss(velocity, x0, cfg, ref_mask=ref, drop=drop)    # out.loss: scalar
    x0 = euler_sample(velocity, noise, steps=50, shift=3.0, guidance=4.0,
                      conditions=("text", "boxes", "map"), ref_latents=x_ref, ref_mask=ref)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

import torch

from ..errors import require

Velocity = Callable[[torch.Tensor, torch.Tensor, "Mapping[str, torch.Tensor] | None"], torch.Tensor]


def shift_time(t: torch.Tensor, shift: float) -> torch.Tensor:
    """SD3 time shift `s t / (1 + (s - 1) t)`: s > 1 spends more time at high noise."""
    return shift * t / (1 + (shift - 1) * t)


def sample_timesteps(batch: int, cfg, generator: torch.Generator | None = None, device=None) -> torch.Tensor:
    """t [B] in (0, 1): shift(sigmoid(u)), u ~ N(cfg.logit_mean, cfg.logit_std) (SD3 training)."""
    u = torch.randn(batch, generator=generator, device=device) * cfg.logit_std + cfg.logit_mean
    return shift_time(torch.sigmoid(u), cfg.train_shift)


def frame_timesteps(t: torch.Tensor, num_frames: int, ref_mask: torch.Tensor | None = None) -> torch.Tensor:
    """Per-clip t [B] (or per-frame [B, T]) -> per-frame [B, T], or [B, T, V] for a per-image ref_mask;
    0 on references."""
    tf = t[:, None].expand(-1, num_frames) if t.dim() == 1 else t
    if ref_mask is None:
        return tf
    tf = tf.reshape(*tf.shape, *([1] * (ref_mask.dim() - tf.dim()))).expand(ref_mask.shape)
    return torch.where(ref_mask, torch.zeros_like(tf), tf)


def reference_mask(batch: int, num_frames: int, choices: tuple[int, ...] = (0, 1, 3),
                   generator: torch.Generator | None = None) -> torch.Tensor:
    """Training reference frames: per clip the first k frames, k drawn uniformly from `choices`: bool [B, T]."""
    require(all(0 <= k < num_frames for k in choices), f"reference counts {choices} must be in [0, T={num_frames})")
    k = torch.tensor(choices)[torch.randint(len(choices), (batch,), generator=generator)]
    return torch.arange(num_frames)[None] < k[:, None]


def view_reference_mask(batch: int, num_frames: int, num_views: int, prob: float,
                        generator: torch.Generator | None = None) -> torch.Tensor:
    """Training camera completion: with probability `prob` a clip gives k of its V cameras clean on every
    frame (k uniform in 1..V-1, which cameras uniform), the others are generated: bool [B, T, V].

    Why: when every camera is equally noisy, a camera's own tokens explain most of its velocity and the
    cross-view blocks learn little (zeroing them changed cross-view error by ~10 %, issue 29); a clean
    neighbour is only useful through them, so these clips teach them to carry the overlap across."""
    require(0.0 <= prob <= 1.0, f"view reference probability must be in [0, 1], got {prob}")
    if num_views < 2:
        return torch.zeros(batch, num_frames, num_views, dtype=torch.bool)
    on = torch.rand(batch, generator=generator) < prob                                   # [B]
    k = torch.randint(1, num_views, (batch,), generator=generator)                      # [B] in 1..V-1
    rank = torch.rand(batch, num_views, generator=generator).argsort(1).argsort(1)       # random order
    given = (rank < k[:, None]) & on[:, None]                                            # [B, V]
    return given[:, None].expand(batch, num_frames, num_views)


def _bcast(t: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """[B, T(, V)] -> [B, T(, V), 1, ...] to broadcast over the trailing dims of x."""
    return t.reshape(*t.shape, *([1] * (x.dim() - t.dim())))


def interpolate(x0: torch.Tensor, noise: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """x_t = (1 - t) x0 + t eps, with t [B, T] per frame or [B, T, V] per image."""
    tb = _bcast(t, x0)
    return (1 - tb) * x0 + tb * noise


@dataclass
class FlowLoss:
    loss: torch.Tensor         # scalar: mean squared v error over non-reference frames (images)
    t: torch.Tensor            # [B] clip times drawn
    per_frame: torch.Tensor    # [B, T] (or [B, T, V], as ref_mask) mean squared error, 0 on references, detached


def flow_loss(velocity: Velocity, x0: torch.Tensor, cfg, *, ref_mask: torch.Tensor | None = None,
              drop: Mapping[str, torch.Tensor] | None = None, generator: torch.Generator | None = None,
              noise: torch.Tensor | None = None, t: torch.Tensor | None = None) -> FlowLoss:
    """Rectified-flow loss on latents x0 [B, T, ...]; ref_mask [B, T] (frames) or [B, T, V] (images) bool
    marks clean references.

    One t per clip (all generated frames share the noise level), drawn by `sample_timesteps`
    unless given. References get t = 0 (so x_t = x0 there) and are masked out of the loss.
    """
    B, T = x0.shape[:2]
    if ref_mask is not None:
        lead = tuple(x0.shape[:ref_mask.dim()])
        require(ref_mask.dim() in (2, 3) and ref_mask.shape == lead,
                f"ref_mask must be [B, T] or [B, T, V] = {list(x0.shape[:3])}, got {list(ref_mask.shape)}")
        require(bool((~ref_mask).flatten(1).any(1).all()), "every clip needs something not a reference to train on")
    if t is None:
        t = sample_timesteps(B, cfg, generator, x0.device)
    if noise is None:
        noise = torch.randn(x0.shape, generator=generator, device=x0.device, dtype=x0.dtype)
    tf = frame_timesteps(t, T, ref_mask)                      # [B, T]
    xt = interpolate(x0, noise, tf)
    v = velocity(xt, tf, drop)
    err = (v.float() - (noise - x0).float()).pow(2).flatten(tf.dim()).mean(-1)  # [B, T(, V)]
    w = torch.ones_like(err) if ref_mask is None else (~ref_mask).to(err.dtype)
    loss = (err * w).sum() / w.sum()
    return FlowLoss(loss, t, (err * w).detach())


def euler_schedule(steps: int, shift: float, num_train_timesteps: int = 1000) -> torch.Tensor:
    """Sigmas [steps + 1] from 1 down to 0, equal to diffusers' FlowMatchEulerDiscreteScheduler
    (shift=shift).set_timesteps(steps).sigmas: linspace(1, sigma_min) then shifted, sigma_min being
    the shifted smallest training sigma 1/num_train_timesteps (diffusers shifts it twice)."""
    require(steps >= 1, f"sampling needs at least 1 step, got {steps}")
    n = num_train_timesteps
    sigma_min = shift_time(torch.tensor(1.0 / n, dtype=torch.float32), shift).item()
    base = torch.linspace(1.0, sigma_min, steps, dtype=torch.float64)
    sig = shift_time(base, shift).to(torch.float32)
    return torch.cat([sig, sig.new_zeros(1)])


def guided_velocity(velocity: Velocity, x: torch.Tensor, t: torch.Tensor, guidance: float | Mapping[str, float],
                    conditions: tuple[str, ...]) -> torch.Tensor:
    """Classifier-free guidance in one batched model call.

    guidance float s:  v = v_none + s (v_all - v_none), v_none drops every name in `conditions`.
    guidance {c: s_c}: v = v_all + sum_c (s_c - 1)(v_all - v_without_c)  (each c alone is plain CFG
                       on c; all s_c = 1 gives v_all). Conditions not named are always kept.
    """
    B = x.shape[0]
    if isinstance(guidance, Mapping):
        names = [c for c, s in guidance.items() if s != 1.0]
        if not names:
            return velocity(x, t, None)
        drops = [set()] + [{c} for c in names]     # branch 0: everything kept
    else:
        if guidance == 1.0 or not conditions:
            return velocity(x, t, None)
        names = list(conditions)
        drops = [set(), set(names)]
    keys = sorted(set().union(*drops))
    n = len(drops)
    drop = {k: torch.tensor([k in d for d in drops], device=x.device).repeat_interleave(B) for k in keys}
    v = velocity(x.repeat(n, *([1] * (x.dim() - 1))), t.repeat(n, *([1] * (t.dim() - 1))), drop).chunk(n)
    if isinstance(guidance, Mapping):
        return v[0] + sum((guidance[c] - 1.0) * (v[0] - v[i + 1]) for i, c in enumerate(names))
    return v[1] + guidance * (v[0] - v[1])


@torch.no_grad()
def euler_sample(velocity: Velocity, noise: torch.Tensor, *, steps: int, shift: float,
                 guidance: float | Mapping[str, float] = 1.0, conditions: tuple[str, ...] = (),
                 ref_latents: torch.Tensor | None = None, ref_mask: torch.Tensor | None = None,
                 num_train_timesteps: int = 1000, callback: Callable[[int, torch.Tensor], None] | None = None
                 ) -> torch.Tensor:
    """Integrate dx/dt = v from t = 1 (noise [B, T, ...]) to t = 0; returns x0 [B, T, ...].

    ref_mask [B, T] (frames) or [B, T, V] (images) bool: those are ref_latents (same shape as noise)
    throughout, at t = 0.
    """
    B, T = noise.shape[:2]
    sig = euler_schedule(steps, shift, num_train_timesteps).to(noise.device)
    x = noise.clone()
    if ref_mask is not None:
        require(ref_latents is not None and ref_latents.shape == noise.shape,
                "reference frames need ref_latents with the shape of the noise")
        keep = _bcast(ref_mask, x)
        x = torch.where(keep, ref_latents, x)
    for i in range(steps):
        t = frame_timesteps(sig[i].expand(B), T, ref_mask)          # [B, T(, V)]
        v = guided_velocity(velocity, x, t, guidance, conditions)
        x = x + (sig[i + 1] - sig[i]) * v
        if ref_mask is not None:
            x = torch.where(keep, ref_latents, x)
        if callback is not None:
            callback(i, x)
    return x
