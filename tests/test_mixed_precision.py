"""bf16 autocast (the `mixed_precision: bf16` path, CUDA and CPU alike): one train step of each stage
runs under it, its losses agree with float32 on a fixed batch, and the geometry stays float32.

CPU autocast applies the same dtype rules to these ops as CUDA autocast, so a failure here (it was
`torch.linalg.cross` receiving float32 and bfloat16 from `plucker_rays`) is what a paper-size run
would hit at its first step on a GPU.
"""

import pytest
import torch

from cvdstorm.config import TrainConfig
from cvdstorm.geometry import pixel_rays, plucker_rays
from cvdstorm.models.dit import build_dit, velocity_fn
from cvdstorm.models.flow import flow_loss
from cvdstorm.models.losses import storm_vae_loss
from cvdstorm.train.loop import Trainer
from test_dit import make_inputs
from test_storm_vae import make_clip, tiny_model

BF16 = dict(device_type="cpu", dtype=torch.bfloat16)


def test_rays_stay_float32_under_autocast():
    clip, _ = make_clip(T=1, H=8, W=12)
    K, c2w = clip["intrinsics"][0, 0, 0], clip["cam_to_world"][0, 0, 0]
    ref = plucker_rays(K, c2w, 8, 12)
    with torch.autocast(**BF16):
        got = plucker_rays(K, c2w, 8, 12)
        _, d = pixel_rays(K, c2w, 8, 12)
    assert got.dtype == d.dtype == torch.float32
    torch.testing.assert_close(got, ref)


def storm_vae_step(autocast: bool):
    m, cfg = tiny_model(depth_weight=1.0)
    clip, _ = make_clip(T=4, H=24, W=40, ego_speed=1.0)
    with torch.autocast(**BF16, enabled=autocast):
        loss, metrics = storm_vae_loss(m, clip, cfg, torch.Generator().manual_seed(0), None)
    loss.backward()
    grads = torch.cat([p.grad.flatten() for p in m.parameters() if p.grad is not None])
    return loss.detach(), metrics, grads


def test_storm_vae_step_under_bf16_matches_float32():
    l32, m32, g32 = storm_vae_step(False)
    l16, m16, g16 = storm_vae_step(True)
    assert l16.dtype == torch.float32 and torch.isfinite(l16) and torch.isfinite(g16).all()
    # bf16 keeps 8 mantissa bits (~0.4 %); the loss is a mean over thousands of terms
    assert abs(l16 - l32) < 0.03 * abs(l32), (l16, l32)
    for k in ("vae_mse", "render_mse", "ctx_depth_l1_log"):
        assert abs(m16[k] - m32[k]) <= 0.05 * abs(m32[k]) + 1e-3, (k, m16[k], m32[k])
    cos = torch.nn.functional.cosine_similarity(g16, g32, dim=0)
    assert cos > 0.95, cos


def test_dit_step_under_bf16_matches_float32():
    def step(autocast):
        torch.manual_seed(0)
        m = build_dit("tiny").train()
        x0, _, cond = make_inputs(m.cfg, B=1, T=2, V=2, seed=3)
        g = torch.Generator().manual_seed(1)
        with torch.autocast(**BF16, enabled=autocast):
            loss = flow_loss(velocity_fn(m, cond), x0, m.cfg.flow, generator=g).loss
        loss.float().backward()
        return loss.detach().float(), torch.cat([p.grad.flatten() for p in m.parameters() if p.grad is not None])

    l32, g32 = step(False)
    l16, g16 = step(True)
    assert torch.isfinite(l16) and torch.isfinite(g16).all()
    assert abs(l16 - l32) < 0.03 * abs(l32), (l16, l32)
    assert torch.nn.functional.cosine_similarity(g16, g32, dim=0) > 0.95


@pytest.mark.parametrize("precision", ["no", "bf16"])
def test_trainer_runs_the_stage1_loss_with_either_precision(tmp_path, precision):
    """The Trainer's own autocast (the path `train-vae` takes) on the STORM-VAE loss, a few steps."""
    m, cfg = tiny_model(depth_weight=1.0)
    clip, _ = make_clip(T=4, H=24, W=40)

    class One(torch.utils.data.Dataset):
        def __len__(self):
            return 1

        def __getitem__(self, i):
            return clip

    tc = TrainConfig(steps=3, warmup_steps=1, log_every=1, checkpoint_every=3, mixed_precision=precision)
    tr = Trainer(model=m, step_fn=lambda batch, gen: storm_vae_loss(m, batch, cfg, gen, None), dataset=One(),
                 train_cfg=tc, run_config=tc, run_dir=tmp_path, collate_fn=lambda items: items[0])
    last = tr.fit()
    assert tr.step == 3 and last["loss"] == last["loss"]   # finite, logged
