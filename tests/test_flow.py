"""Rectified flow: schedule vs diffusers, exact recovery of a linear flow, references, loss, guidance."""

import math

import pytest
import torch
from diffusers import FlowMatchEulerDiscreteScheduler

from cvdstorm.config import FlowConfig
from cvdstorm.errors import CvdError
from cvdstorm.models.flow import (euler_sample, euler_schedule, flow_loss, frame_timesteps, guided_velocity,
                                  interpolate, reference_mask, sample_timesteps, shift_time,
                                  view_reference_mask)


@pytest.mark.parametrize("shift,steps", [(1.0, 10), (3.0, 28), (3.0, 50), (5.0, 7), (3.0, 1)])
def test_schedule_equals_diffusers(shift, steps):
    sch = FlowMatchEulerDiscreteScheduler(num_train_timesteps=1000, shift=shift)
    sch.set_timesteps(steps)
    ours = euler_schedule(steps, shift)
    assert ours.shape == sch.sigmas.shape
    torch.testing.assert_close(ours, sch.sigmas, atol=1e-7, rtol=0)
    torch.testing.assert_close(ours[:-1] * 1000, sch.timesteps, atol=1e-4, rtol=0)


def test_sampler_steps_equal_diffusers_scheduler():
    """Same velocity field, our loop vs diffusers' scheduler.step loop."""
    g = torch.Generator().manual_seed(0)
    A = torch.randn(3, 3, generator=g) * 0.3
    field = lambda x, t: x @ A + t.reshape(-1, *[1] * (x.dim() - 1)) * 0.5  # noqa: E731  nonlinear in t via x
    noise = torch.randn(2, 1, 4, 3, generator=g)
    sch = FlowMatchEulerDiscreteScheduler(shift=3.0)
    sch.set_timesteps(12)
    x = noise.clone()
    for ts in sch.timesteps:
        x = sch.step(field(x, (ts / 1000).expand(2)), ts, x).prev_sample
    ours = euler_sample(lambda x, t, d: field(x, t[:, 0]), noise, steps=12, shift=3.0)
    torch.testing.assert_close(ours, x, atol=1e-6, rtol=1e-6)


@pytest.mark.parametrize("steps", [1, 5, 50])
def test_linear_flow_recovers_x0_exactly(steps):
    """For one data point the true field is v = (x - x0) / t; Euler is exact on straight paths."""
    g = torch.Generator().manual_seed(1)
    x0, noise = torch.randn(2, 3, 4, 5, generator=g), torch.randn(2, 3, 4, 5, generator=g)
    v = lambda x, t, d: (x - x0) / t[..., None, None]  # noqa: E731
    out = euler_sample(v, noise, steps=steps, shift=3.0)
    torch.testing.assert_close(out, x0, atol=1e-5, rtol=0)


def test_reference_frames_fixed_and_at_t0():
    g = torch.Generator().manual_seed(2)
    x0, noise = torch.randn(2, 4, 3, generator=g), torch.randn(2, 4, 3, generator=g)
    ref = torch.tensor([[True, False, False, False], [True, True, True, False]])
    seen = []

    def v(x, t, d):
        seen.append((x.clone(), t.clone()))
        return (x - x0) / t.clamp(min=1e-9)[..., None] * (~ref)[..., None]

    out = euler_sample(v, noise, steps=6, shift=3.0, ref_latents=x0, ref_mask=ref)
    torch.testing.assert_close(out, x0, atol=1e-5, rtol=0)
    for x, t in seen:
        assert torch.equal(x[ref], x0[ref]) and bool((t[ref] == 0).all()) and bool((t[~ref] > 0).all())
    # a velocity that tries to move reference frames does not move them
    out = euler_sample(lambda x, t, d: torch.ones_like(x), noise, steps=3, shift=1.0, ref_latents=x0, ref_mask=ref)
    assert torch.equal(out[ref], x0[ref])
    torch.testing.assert_close(out[~ref], noise[~ref] - 1.0)


def test_timestep_sampling_matches_shifted_logit_normal():
    cfg = FlowConfig(train_shift=3.0, logit_mean=0.2, logit_std=0.8)
    t = sample_timesteps(200_000, cfg, torch.Generator().manual_seed(0))
    assert t.min() > 0 and t.max() < 1
    for q in (0.1, 0.5, 0.9):
        z = math.sqrt(2) * torch.special.erfinv(torch.tensor(2 * q - 1.0))
        expect = shift_time(torch.sigmoid(cfg.logit_mean + cfg.logit_std * z), cfg.train_shift)
        assert abs(torch.quantile(t, q).item() - expect.item()) < 4e-3


def test_loss_closed_forms_and_reference_masking():
    g = torch.Generator().manual_seed(3)
    cfg = FlowConfig()
    x0, noise = torch.randn(2, 5, 3, 4, generator=g), torch.randn(2, 5, 3, 4, generator=g)
    ref = torch.zeros(2, 5, dtype=torch.bool)
    ref[:, :2] = True
    seen = {}

    def oracle(x, t, d):
        seen["x"], seen["t"] = x, t
        return noise - x0

    out = flow_loss(oracle, x0, cfg, ref_mask=ref, noise=noise, generator=g)
    assert out.loss.item() == 0.0
    assert torch.equal(seen["x"][ref], x0[ref]) and bool((seen["t"][ref] == 0).all())
    torch.testing.assert_close(seen["x"], interpolate(x0, noise, frame_timesteps(out.t, 5, ref)))
    # v = 0: loss = mean of (eps - x0)^2 over non-reference frames only
    zero = flow_loss(lambda x, t, d: torch.zeros_like(x), x0, cfg, ref_mask=ref, noise=noise)
    torch.testing.assert_close(zero.loss, (noise - x0)[:, 2:].pow(2).mean())
    # garbage on reference frames does not change the loss
    junk = flow_loss(lambda x, t, d: torch.where(ref[..., None, None], 1e3, 0.0).expand_as(x), x0, cfg,
                     ref_mask=ref, noise=noise)
    torch.testing.assert_close(junk.loss, zero.loss)
    with pytest.raises(CvdError):
        flow_loss(oracle, x0, cfg, ref_mask=torch.ones(2, 5, dtype=torch.bool), noise=noise)


def test_guidance_single_and_per_condition():
    """Branch outputs depend on which conditions are dropped; check the CFG formulas and one call."""
    base = {"text": 1.0, "boxes": 10.0, "map": 100.0}
    calls = []

    def v(x, t, drop):
        calls.append(x.shape[0])
        out = torch.zeros_like(x)
        for name, val in base.items():
            kept = torch.ones(x.shape[0], dtype=torch.bool) if drop is None or name not in drop else ~drop[name]
            out = out + kept.float().reshape(-1, 1) * val
        return out

    x, t = torch.zeros(3, 2), torch.full((3, 2), 0.5)
    full = 111.0
    assert guided_velocity(v, x, t, 1.0, ("text", "boxes")).eq(full).all() and calls == [3]
    calls.clear()
    # single scale over text + boxes (map always kept): v_none = 100
    out = guided_velocity(v, x, t, 3.0, ("text", "boxes"))
    assert calls == [6] and out.eq(100 + 3.0 * (full - 100)).all()
    calls.clear()
    out = guided_velocity(v, x, t, {"text": 2.0, "boxes": 0.5, "map": 1.0}, ())
    expect = full + (2.0 - 1) * (full - 110) + (0.5 - 1) * (full - 101)
    assert calls == [9] and torch.allclose(out, torch.full_like(out, expect))


def test_reference_mask_prefixes():
    m = reference_mask(3000, 8, (0, 1, 3), torch.Generator().manual_seed(0))
    k = m.sum(1)
    assert m.shape == (3000, 8) and set(k.tolist()) == {0, 1, 3}
    assert torch.equal(m, torch.arange(8)[None] < k[:, None])             # always the first k frames
    assert all(abs((k == c).float().mean().item() - 1 / 3) < 0.04 for c in (0, 1, 3))
    with pytest.raises(CvdError):
        reference_mask(2, 3, (0, 3))


def test_camera_completion_masks_per_image():
    """A [B, T, V] reference mask (whole cameras given): the sampler holds exactly those images at t = 0 and
    integrates the rest to x0; the loss is the closed form over the generated images only; the guidance
    batch repeats per-image timesteps."""
    g = torch.Generator().manual_seed(5)
    B, T, V = 2, 3, 4
    x0, noise = torch.randn(B, T, V, 2, generator=g), torch.randn(B, T, V, 2, generator=g)
    ref = torch.zeros(B, T, V, dtype=torch.bool)
    ref[0, :, [0, 2]] = True
    ref[1, :, 1:] = True
    seen = []

    def v(x, t, d):
        seen.append((x.clone(), t.clone()))
        return (x - x0.repeat(x.shape[0] // B, 1, 1, 1)) / t.clamp(min=1e-9)[..., None]

    out = euler_sample(v, noise, steps=5, shift=3.0, ref_latents=x0, ref_mask=ref)
    torch.testing.assert_close(out, x0, atol=1e-5, rtol=0)
    for x, t in seen:
        assert t.shape == (B, T, V) and torch.equal(x[ref], x0[ref])
        assert bool((t[ref] == 0).all()) and bool((t[~ref] > 0).all())
    seen.clear()
    euler_sample(v, noise, steps=2, shift=3.0, guidance=2.0, conditions=("text",), ref_latents=x0, ref_mask=ref)
    assert all(t.shape == (2 * B, T, V) and torch.equal(t[:B], t[B:]) for _, t in seen)
    cfg = FlowConfig()
    zero = flow_loss(lambda x, t, d: torch.zeros_like(x), x0, cfg, ref_mask=ref, noise=noise)
    torch.testing.assert_close(zero.loss, (noise - x0)[~ref].pow(2).mean())
    assert zero.per_frame.shape == (B, T, V) and bool((zero.per_frame[ref] == 0).all())
    with pytest.raises(CvdError, match="ref_mask"):
        flow_loss(lambda x, t, d: x, x0, cfg, ref_mask=torch.zeros(B, T, V + 1, dtype=torch.bool), noise=noise)


def test_view_reference_mask():
    m = view_reference_mask(4000, 5, 6, 0.3, torch.Generator().manual_seed(0))
    assert m.shape == (4000, 5, 6) and torch.equal(m, m[:, :1].expand_as(m))   # a camera is given on every frame
    k = m[:, 0].sum(1)
    on = k > 0
    assert abs(on.float().mean().item() - 0.3) < 0.03
    assert set(k[on].tolist()) == {1, 2, 3, 4, 5}                              # never all six, never none
    assert all(abs(m[on][:, 0, v].float().mean().item() - 0.5) < 0.06 for v in range(6))   # any camera alike
    assert not view_reference_mask(10, 2, 6, 0.0).any() and not view_reference_mask(10, 2, 1, 1.0).any()
    with pytest.raises(CvdError):
        view_reference_mask(2, 2, 6, 1.5)
