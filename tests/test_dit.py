"""Video DiT: shapes, equivalence with diffusers' SD3 at init, symmetry, locality, SD3.5 keys/loading, overfit."""

import time

import pytest
import torch
from diffusers import SD3Transformer2DModel
from safetensors.torch import save_file

from cvdstorm.config import DiTConfig
from cvdstorm.errors import CvdError
from cvdstorm.models.conditioning import DiTConditions, sample_condition_dropout
from cvdstorm.models.dit import (SHORT_SEQUENCE, AxisAttention, CVDDiT, build_dit, load_sd35_transformer, rms_norm,
                                 sample_latents, velocity_fn)
from cvdstorm.models.flow import euler_sample, flow_loss, sample_timesteps

SD35_MEDIUM = dict(num_layers=24, num_attention_heads=24, attention_head_dim=64, joint_attention_dim=4096,
                   caption_projection_dim=1536, pooled_projection_dim=2048, in_channels=16, out_channels=16,
                   patch_size=2, pos_embed_max_size=384, qk_norm="rms_norm", dual_attention_layers=tuple(range(13)))


def make_inputs(cfg, B=2, T=3, V=4, h=4, w=6, seed=0, controls=True, rays_at_image=True):
    g = torch.Generator().manual_seed(seed)
    s = 8 if rays_at_image else 1
    cond = DiTConditions(
        text_tokens=torch.randn(B, T, cfg.text_tokens, cfg.text_dim, generator=g),
        text_pooled=torch.randn(B, T, cfg.text_pooled_dim, generator=g),
        rays=torch.randn(B, T, V, 6, h * s, w * s, generator=g),
        controls={n: torch.rand(B, T, V, 3, 8 * h, 8 * w, generator=g) for n in cfg.control_names} if controls else {},
        frame_times=torch.rand(B, T, generator=g).cumsum(1),
    )
    x = torch.randn(B, T, V, cfg.in_channels, h, w, generator=g)
    t = torch.rand(B, T, generator=g)
    return x, t, cond


def randomise(model, which=("temporal_blocks", "view_blocks", "control_adapters", "null"), seed=1, scale=0.2):
    """Give the zero-initialised parts random values so that they matter."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if any(name.startswith(w) for w in which):
                p.add_(torch.randn(p.shape, generator=g) * scale)
    return model


def tiny(**kw):
    torch.manual_seed(0)
    return build_dit("tiny", **kw).eval()


def test_shapes_and_optional_conditions():
    m = tiny()
    x, t, cond = make_inputs(m.cfg)
    assert m(x, t, cond).shape == x.shape
    assert m(x, t[:, 0], cond).shape == x.shape                      # one t per clip
    bare = DiTConditions(cond.text_tokens, cond.text_pooled)          # no rays, controls, times
    assert m(x, t, bare).shape == x.shape
    x2, t2, c2 = make_inputs(m.cfg, rays_at_image=False)               # rays at latent size
    assert m(x2, t2, c2).shape == x2.shape
    with pytest.raises(CvdError, match="latents must be"):
        m(x[0], t, cond)
    with pytest.raises(CvdError, match="control 'boxes'"):
        m(x, t, DiTConditions(cond.text_tokens, cond.text_pooled, controls={"boxes": cond.controls["boxes"][..., :8]}))
    with pytest.raises(CvdError, match="unknown control"):
        m(x, t, DiTConditions(cond.text_tokens, cond.text_pooled, controls={"lidar": cond.controls["boxes"]}))


def _sd3_reference(model: CVDDiT) -> SD3Transformer2DModel:
    ref = SD3Transformer2DModel(**model.sd3_config()).eval()
    ref.load_state_dict(model.sd3_state_dict(), strict=True)
    return ref


def _run_sd3_per_image(ref, model, x, t, cond):
    """diffusers' SD3 on every (frame, view) image with that frame's caption and timestep."""
    B, T, V = x.shape[:3]
    with torch.no_grad():
        tok = model.text_proj(cond.text_tokens)          # [B, T, L, joint]
        pooled = model.pooled_proj(cond.text_pooled)     # [B, T, pooled]
        out = torch.empty_like(x)
        for b in range(B):
            for f in range(T):
                out[b, f] = ref(x[b, f], encoder_hidden_states=tok[b, f].expand(V, -1, -1),
                                pooled_projections=pooled[b, f].expand(V, -1),
                                timestep=(t[b, f] * 1000).expand(V), return_dict=False)[0]
    return out


def test_rms_norm_matches_torch_and_gradcheck():
    norm = torch.nn.RMSNorm(16, eps=1e-6, dtype=torch.float64)
    with torch.no_grad():
        norm.weight.add_(torch.randn(16, dtype=torch.float64))
    x = torch.randn(3, 5, 16, dtype=torch.float64, requires_grad=True)
    g = torch.randn(3, 5, 16, dtype=torch.float64)
    ours, ref = rms_norm(x, norm), norm(x)   # nn.RMSNorm with autograd: torch's composite reference
    torch.testing.assert_close(ours, ref)
    for a, b in zip(torch.autograd.grad(ours, [x, norm.weight], g), torch.autograd.grad(ref, [x, norm.weight], g)):
        torch.testing.assert_close(a, b)
    # w is norm.weight itself: gradcheck perturbs its inputs in place, so rms_norm sees every perturbation
    assert torch.autograd.gradcheck(lambda x, w: rms_norm(x, norm), (x, norm.weight))
    assert rms_norm(x, torch.nn.Identity()) is x


def axis_attention_reference(blk: AxisAttention, x, pos, mask, rays=None):
    """AxisAttention written out: each (b, r) sequence on its own, explicit softmax, per-head loop, the ray
    bias as an explicit [n, n] matrix s_h (d_i . d_j) added to the logits."""
    B, n, R, D = x.shape
    H = blk.heads
    hd = D // H
    h = blk.norm(x) + pos
    q, k, v = blk.qkv(h).split(D, -1)
    out = torch.zeros_like(x)
    for b in range(B):
        for r in range(R):
            heads = []
            for i in range(H):
                sl = slice(i * hd, (i + 1) * hd)
                qi, ki = blk.q_norm(q[b, :, r, sl]), blk.k_norm(k[b, :, r, sl])      # [n, hd]
                s = qi @ ki.T / hd ** 0.5
                if rays is not None:
                    s = s + blk.ray_scale[i] * (rays[b] @ rays[b].T)
                if mask is not None:
                    s = s.masked_fill(~mask, float("-inf"))
                heads.append(s.softmax(-1) @ v[b, :, r, sl])
            out[b, :, r] = torch.cat(heads, -1)
    return x + blk.out(out)


# temporal layout (R sequences per clip), cross-view layout (R = 1) with a mask and / or the ray bias; n = 40
# takes the SDPA path
@pytest.mark.parametrize("R, n, masked, ray_bias", [(5, 7, False, False), (1, 7, True, False), (1, 40, True, False),
                                                    (3, 40, False, False), (1, 7, True, True), (1, 40, False, True),
                                                    (1, 40, True, True)])
def test_axis_attention_matches_reference(R, n, masked, ray_bias):
    torch.manual_seed(0)
    blk = AxisAttention(24, 3, qk_norm=True, ray_bias=8.0 if ray_bias else None)
    with torch.no_grad():
        for prm in blk.parameters():
            prm.add_(torch.randn_like(prm) * 0.3)   # out is zero at init; give every part a value
    assert (n <= SHORT_SEQUENCE) == (n == 7)
    x = torch.randn(2, n, R, 24, requires_grad=True)
    pos = torch.randn(1, n, R, 24)
    mask = (torch.rand(n, n) > 0.4) | torch.eye(n, dtype=torch.bool) if masked else None
    rays = torch.nn.functional.normalize(torch.randn(2, n, 3), dim=-1) if ray_bias else None
    y, y_ref = blk(x, pos, mask, rays), axis_attention_reference(blk, x, pos, mask, rays)
    torch.testing.assert_close(y, y_ref, atol=1e-5, rtol=1e-5)
    w = torch.randn_like(y)
    grads = torch.autograd.grad((y * w).sum(), [x, *blk.parameters()])
    grads_ref = torch.autograd.grad((y_ref * w).sum(), [x, *blk.parameters()])
    for g, g_ref in zip(grads, grads_ref):
        torch.testing.assert_close(g, g_ref, atol=1e-4, rtol=1e-4)


def test_ray_bias_keeps_the_fused_attention_kernel(monkeypatch):
    """SDPA gets q, k, v of one head size, a multiple of 8 (what the flash kernels take; anything else
    falls back to the math path, which stores [n, n] per head; benchmarks/memory.py's meta trace uses
    the fused kernel's shapes)."""
    seen = []
    sdpa = torch.nn.functional.scaled_dot_product_attention

    def spy(q, k, v, **kw):
        seen.append((q.shape[-1], k.shape[-1], v.shape[-1]))
        return sdpa(q, k, v, **kw)
    monkeypatch.setattr(torch.nn.functional, "scaled_dot_product_attention", spy)
    for dim, heads in [(24, 3), (64, 4)]:   # head sizes 8 and 16
        blk = AxisAttention(dim, heads, qk_norm=True, ray_bias=8.0)
        n = SHORT_SEQUENCE + 8
        rays = torch.nn.functional.normalize(torch.randn(2, n, 3), dim=-1)
        assert blk(torch.randn(2, n, 1, dim), None, None, rays).shape == (2, n, 1, dim)
    assert len(seen) == 2 and all(a == b == c and a % 8 == 0 for a, b, c in seen), seen


def test_init_equals_sd3_per_image():
    """New blocks at init: the video model equals diffusers' SD3 run image by image."""
    m = tiny()
    x, t, cond = make_inputs(m.cfg)
    with torch.no_grad():
        ours = m(x, t, cond)
    ref = _run_sd3_per_image(_sd3_reference(m), m, x, t, cond)
    torch.testing.assert_close(ours, ref, atol=2e-5, rtol=1e-5)
    randomise(m)                                                       # the equality is not vacuous
    with torch.no_grad():
        assert (m(x, t, cond) - ref).abs().max() > 1e-2


@pytest.mark.parametrize("mode,perm", [("all", [2, 0, 3, 1]), ("neighbors", [1, 2, 3, 4, 5, 0]),
                                       ("neighbors", [5, 4, 3, 2, 1, 0])])
def test_camera_permutation_permutes_output(mode, perm):
    m = randomise(tiny(view_attention=mode), which=("temporal_blocks", "view_blocks", "control_adapters", "null",
                                                    "ray_embed", "frame_time_embed"))
    V = len(perm)
    x, t, cond = make_inputs(m.cfg, V=V, B=1, T=2)
    perm = torch.tensor(perm)
    pc = DiTConditions(cond.text_tokens, cond.text_pooled, rays=cond.rays[:, :, perm],
                       controls={k: v[:, :, perm] for k, v in cond.controls.items()}, frame_times=cond.frame_times)
    with torch.no_grad():
        out, out_p = m(x, t, cond), m(x[:, :, perm], t, pc)
    torch.testing.assert_close(out_p, out[:, :, perm], atol=2e-5, rtol=1e-5)
    if mode == "neighbors":   # a permutation that breaks the ring changes who sees whom
        bad = torch.tensor([0, 3, 1, 4, 2, 5])
        bc = DiTConditions(cond.text_tokens, cond.text_pooled, rays=cond.rays[:, :, bad],
                           controls={k: v[:, :, bad] for k, v in cond.controls.items()}, frame_times=cond.frame_times)
        with torch.no_grad():
            assert (m(x[:, :, bad], t, bc) - out[:, :, bad]).abs().max() > 1e-3


@pytest.mark.parametrize("mix", ["views", "frames"])
def test_control_change_is_local(mix):
    """Cross-view blocks mix the views of one frame only; temporal blocks the frames of one view only."""
    which = ("control_adapters", "null") + (("view_blocks",) if mix == "views" else ("temporal_blocks",))
    m = randomise(tiny(), which=which, scale=1.0)
    x, t, cond = make_inputs(m.cfg, B=1, T=3, V=3)
    c2 = DiTConditions(cond.text_tokens, cond.text_pooled, rays=cond.rays, frame_times=cond.frame_times,
                       controls={k: v.clone() for k, v in cond.controls.items()})
    c2.controls["boxes"][0, 1, 2] = torch.rand(c2.controls["boxes"][0, 1, 2].shape)
    with torch.no_grad():
        d = (m(x, t, cond) - m(x, t, c2)).abs().amax(dim=(0, 3, 4, 5))  # [T, V]
    touched = torch.zeros(3, 3, dtype=torch.bool)
    if mix == "views":
        touched[1, :] = True
    else:
        touched[:, 2] = True
    assert d[touched].min() > 1e-4, d      # beyond float noise (untouched images agree to ~1e-7)
    assert d[~touched].max() < 1e-6, d


def test_dropout_masks_and_null_embeddings():
    m = randomise(tiny())
    x, t, cond = make_inputs(m.cfg)
    B = x.shape[0]
    names = m.condition_names
    assert names == ("text", "camera", "boxes", "map")
    with torch.no_grad():
        base = m(x, t, cond)
        none = {n: torch.zeros(B, dtype=torch.bool) for n in names}
        torch.testing.assert_close(m(x, t, cond, none), base, atol=0, rtol=0)
        # a dropped control equals an absent one; dropping sample 0 only leaves sample 1 alone
        d = {"boxes": torch.tensor([True, False])}
        out = m(x, t, cond, d)
        absent = DiTConditions(cond.text_tokens, cond.text_pooled, rays=cond.rays, frame_times=cond.frame_times,
                               controls={"map": cond.controls["map"]})
        torch.testing.assert_close(out[0], m(x, t, absent)[0], atol=1e-6, rtol=0)
        torch.testing.assert_close(out[1], base[1], atol=1e-6, rtol=0)
        assert (out[0] - base[0]).abs().max() > 1e-3
        # dropped camera equals no rays; dropped text equals the null tokens given as text
        torch.testing.assert_close(m(x, t, cond, {"camera": torch.ones(B, dtype=torch.bool)}),
                                   m(x, t, DiTConditions(cond.text_tokens, cond.text_pooled, controls=cond.controls,
                                                         frame_times=cond.frame_times)), atol=1e-6, rtol=0)
        T = x.shape[1]
        nt = m.null_text_tokens.expand(B, T, -1, -1)
        npool = m.null_text_pooled.expand(B, T, -1)
        torch.testing.assert_close(m(x, t, cond, {"text": torch.ones(B, dtype=torch.bool)}),
                                   m(x, t, DiTConditions(nt, npool, rays=cond.rays, controls=cond.controls,
                                                         frame_times=cond.frame_times)), atol=1e-6, rtol=0)
    masks = sample_condition_dropout(names, 20000, 0.2, torch.Generator().manual_seed(0))
    rates = torch.stack([masks[n].float() for n in names])
    assert (rates.mean(1) - 0.2).abs().max() < 0.015
    both = (masks["text"] & masks["boxes"]).float().mean()
    assert abs(both - 0.04) < 0.01                                    # independent


def test_reference_frames_and_sampler_wiring():
    """Per-frame t reaches the model (t = 0 on references); the sampler keeps reference latents."""
    m = randomise(tiny())
    x, t, cond = make_inputs(m.cfg, B=1, T=3, V=2)
    ref = torch.tensor([[True, False, False]])
    g = torch.Generator().manual_seed(0)
    noise = torch.randn(x.shape, generator=g)
    out = euler_sample(velocity_fn(m, cond), noise, steps=2, shift=3.0,
                       guidance={"text": 2.0, "boxes": 1.5}, ref_latents=x, ref_mask=ref)
    assert torch.equal(out[ref], x[ref]) and torch.isfinite(out).all()
    # sample_latents: config defaults (4 steps, scale 4 over text + controls) = the explicit call
    default = sample_latents(m, cond, noise, ref_latents=x, ref_mask=ref)
    explicit = euler_sample(velocity_fn(m, cond), noise, steps=4, shift=3.0, guidance=4.0,
                            conditions=("text", "boxes", "map"), ref_latents=x, ref_mask=ref)
    torch.testing.assert_close(default, explicit, atol=0, rtol=0)
    loss = flow_loss(velocity_fn(m, cond), x, m.cfg.flow, ref_mask=ref, generator=g)
    loss.loss.backward()
    assert loss.per_frame[0, 0] == 0 and all(p.grad is not None for p in m.temporal_blocks.parameters())


def test_per_image_timesteps_and_ray_bias_wiring():
    """t [B, T, V] equal over V is t [B, T]; a per-image t changes the images it differs on. The ray bias
    reads the rays: with it, rotating every camera changes the cross-view output; a dropped camera
    condition switches the bias off (equal to a model whose bias scales are 0)."""
    m = randomise(tiny(), which=("temporal_blocks", "view_blocks", "control_adapters", "null", "ray_embed"))
    x, t, cond = make_inputs(m.cfg, B=1, T=2, V=3)
    with torch.no_grad():
        out = m(x, t, cond)
        torch.testing.assert_close(m(x, t[..., None].expand(1, 2, 3), cond), out, atol=1e-6, rtol=0)
        t2 = t[..., None].expand(1, 2, 3).clone()
        t2[0, 1, 2] = 0.0
        d = (m(x, t2, cond) - out).abs().amax(dim=(3, 4, 5))[0]                     # [T, V]
    assert d[1, 2] > 1e-3 and d[1, 2] == d.max()       # the image whose t changed moves most (others via attention)
    drop = {"camera": torch.tensor([True])}
    with torch.no_grad():
        biased = m(x, t, cond, drop)
        for blk in m.view_blocks:
            blk.ray_scale.zero_()
        torch.testing.assert_close(m(x, t, cond, drop), biased, atol=1e-6, rtol=0)
        assert (m(x, t, cond) - out).abs().max() > 1e-4                            # scales 0 = another model


def test_gradient_checkpointing_same_gradients():
    x, t, cond = make_inputs(DiTConfig.from_preset("tiny"), B=1, T=2, V=2)
    grads = []
    for ckpt in (False, True):
        m = randomise(tiny(gradient_checkpointing=ckpt)).train()
        m(x, t, cond).square().mean().backward()
        grads.append(torch.cat([p.grad.flatten() for p in m.parameters() if p.grad is not None]))
    torch.testing.assert_close(grads[0], grads[1], atol=1e-6, rtol=1e-5)


def test_paper_preset_has_sd35_medium_keys():
    cfg = DiTConfig.from_preset("paper")
    assert DiTConfig.from_yaml(cfg.to_yaml()) == cfg
    with torch.device("meta"):
        ours = CVDDiT(cfg)
        ref = SD3Transformer2DModel(**SD35_MEDIUM)
    a, b = ours.sd3_state_dict(), ref.state_dict()
    assert sorted(a) == sorted(b) and len(a) == 909
    assert all(a[k].shape == b[k].shape for k in a)
    shared = sum(v.numel() for k, v in a.items() if k != "pos_embed.pos_embed")
    assert shared == sum(p.numel() for p in ref.parameters()) == 2_243_171_520
    assert ours.sd3_config() == {**SD35_MEDIUM, "sample_size": 128}


def _tiny_sd3(cfg, seed):
    torch.manual_seed(seed)
    sd3 = SD3Transformer2DModel(**CVDDiT(cfg).sd3_config()).eval()
    with torch.no_grad():  # non-trivial adaLN / output weights (diffusers does not zero them, but be sure)
        for p in sd3.parameters():
            p.add_(torch.randn_like(p) * 0.02)
    return sd3


@pytest.mark.parametrize("layout", ["folder", "sharded", "file"])
def test_load_sd35_transformer_matches_diffusers(tmp_path, layout):
    cfg = DiTConfig.from_preset("tiny")
    sd3 = _tiny_sd3(cfg, seed=5)
    if layout == "folder":
        sd3.save_pretrained(tmp_path / "transformer")
        path = tmp_path
    elif layout == "sharded":
        sd3.save_pretrained(tmp_path / "transformer", max_shard_size="20KB")
        assert (tmp_path / "transformer" / "diffusion_pytorch_model.safetensors.index.json").is_file()
        path = tmp_path / "transformer"
    else:
        path = tmp_path / "sd3.safetensors"
        save_file({k: v.contiguous() for k, v in sd3.state_dict().items()}, str(path))
    m = build_dit(cfg, pretrained=str(path)).eval()
    for k, v in sd3.state_dict().items():
        assert torch.equal(m.sd3_state_dict()[k], v)
    x, t, cond = make_inputs(cfg, B=2, T=1, V=1)
    with torch.no_grad():
        ours = m(x, t, cond)
    ref = _run_sd3_per_image(sd3, m, x, t, cond)
    torch.testing.assert_close(ours, ref, atol=1e-5, rtol=1e-5)


def test_load_sd35_mismatch_is_one_clear_line(tmp_path):
    cfg = DiTConfig.from_preset("tiny")
    other = SD3Transformer2DModel(**{**CVDDiT(cfg).sd3_config(), "num_layers": 3})
    other.save_pretrained(tmp_path / "transformer")
    with pytest.raises(CvdError) as e:
        load_sd35_transformer(build_dit(cfg), tmp_path)
    msg = str(e.value)
    assert "\n" not in msg and "missing 0 []" in msg and "transformer_blocks.2." in msg and "shape mismatch 2" in msg
    with pytest.raises(CvdError, match="not found"):
        load_sd35_transformer(build_dit(cfg), tmp_path / "nothing_here")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CvdError, match="neither diffusion_pytorch_model"):
        load_sd35_transformer(build_dit(cfg), tmp_path / "empty")


def test_one_clip_overfit():
    """Tiny model, one fixed clip: the flow loss (fixed evaluation noise and times) falls 10x."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tensors this small only lose from a second (shared) thread
    try:
        torch.manual_seed(0)
        m = build_dit("tiny").train()
        x0, _, cond = make_inputs(m.cfg, B=1, T=2, V=2, seed=3)
        g = torch.Generator().manual_seed(1)
        # the loss at 16 fixed (noise, t) draws from the training distribution
        evals = [(torch.randn(x0.shape, generator=g), sample_timesteps(1, m.cfg.flow, g)) for _ in range(16)]
        fn = velocity_fn(m, cond)

        def eval_loss():
            with torch.no_grad():
                return sum(flow_loss(fn, x0, m.cfg.flow, noise=n, t=tt).loss.item() for n, tt in evals) / len(evals)

        before = eval_loss()
        steps = 200
        opt = torch.optim.AdamW(m.parameters(), lr=1e-2, weight_decay=0.0)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, 1e-2, total_steps=steps, pct_start=0.1)
        start = time.perf_counter()
        for _ in range(steps):
            loss = flow_loss(fn, x0, m.cfg.flow, generator=g).loss
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        seconds = time.perf_counter() - start
        after = eval_loss()
    finally:
        torch.set_num_threads(threads)
    assert seconds < 60
    assert after < before / 10, (before, after)
