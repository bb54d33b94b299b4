"""bf16 autocast (the `mixed_precision: bf16` path, CUDA and CPU alike): one train step of each stage
runs under it, its losses agree with float32 on a fixed batch, and the geometry stays float32; and
`mixed_precision: auto` resolves to bf16 only where the processor computes it natively (hardware.py).

CPU autocast applies the same dtype rules to these ops as CUDA autocast, so a failure here (it was
`torch.linalg.cross` receiving float32 and bfloat16 from `plucker_rays`) is what a paper-size run
would hit at its first step on a GPU.
"""

import re
from pathlib import Path

import pytest
import torch
import yaml

from cvdstorm.config import TrainConfig
from cvdstorm.errors import CvdError
from cvdstorm.hardware import default_threads, resolve_precision, usable_cores
from cvdstorm.geometry import pixel_rays, plucker_rays
from cvdstorm.models.dit import build_dit, velocity_fn
from cvdstorm.models.flow import flow_loss
from cvdstorm.models.loading import load_checkpoint_state, resolve_checkpoint
from cvdstorm.models.losses import storm_vae_loss
from cvdstorm.train.loop import Trainer
from test_dit import make_inputs
from test_storm_vae import make_clip, tiny_model

BF16 = dict(device_type="cpu", dtype=torch.bfloat16)
ROOT = Path(__file__).resolve().parents[1]


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


def trainer_first_loss(run_dir, precision: str) -> tuple[float, Trainer]:
    """One step of the Trainer's own autocast (the path `train-vae` takes) on the STORM-VAE loss."""
    m, cfg = tiny_model(depth_weight=1.0)
    clip, _ = make_clip(T=4, H=24, W=40)

    class One(torch.utils.data.Dataset):
        def __len__(self):
            return 1

        def __getitem__(self, i):
            return clip

    tc = TrainConfig(steps=1, warmup_steps=1, log_every=1, checkpoint_every=1, mixed_precision=precision)
    tr = Trainer(model=m, step_fn=lambda batch, gen: storm_vae_loss(m, batch, cfg, gen, None), dataset=One(),
                 train_cfg=tc, run_config=tc, run_dir=run_dir, collate_fn=lambda items: items[0])
    return tr.fit()["loss"], tr


@pytest.mark.parametrize("precision", ["bf16", "auto"])
def test_trainer_step_under_the_resolved_precision_matches_float32(tmp_path, precision):
    """The same first step (same init, batch and seed) in float32 and under `precision` as resolved on
    this machine: losses within bf16's tolerance, and the choice recorded in the checkpoint."""
    ref, _ = trainer_first_loss(tmp_path / "fp32", "no")
    got, tr = trainer_first_loss(tmp_path / precision, precision)
    assert abs(got - ref) < 0.03 * abs(ref), (got, ref)
    state = load_checkpoint_state(resolve_checkpoint(tmp_path / precision))
    assert state["precision"] == tr.precision.name == resolve_precision(precision).name


# ------------------------------------------------------------------ precision chosen by the hardware
def patch_cpu(monkeypatch, avx512_bf16: bool, amx: bool) -> None:
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: avx512_bf16)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: amx)


@pytest.mark.parametrize("avx512_bf16, amx, expect", [(True, False, "bf16"), (False, True, "bf16"),
                                                      (True, True, "bf16"), (False, False, "no")])
def test_auto_picks_bf16_only_on_cpus_with_native_bf16(monkeypatch, avx512_bf16, amx, expect):
    patch_cpu(monkeypatch, avx512_bf16, amx)
    p = resolve_precision("auto", "cpu")
    assert p.name == expect and (p.dtype is torch.bfloat16) == (expect == "bf16")
    assert ("native bf16: yes" in p.reason) == (expect == "bf16")
    assert resolve_precision("no", "cpu").name == "no"   # an explicit float32 is never overridden


@pytest.mark.parametrize("capability, expect", [((9, 0), "bf16"), ((8, 0), "bf16"), ((7, 0), "no")])
def test_auto_on_cuda_follows_the_gpu(monkeypatch, capability, expect):
    # is_bf16_supported(including_emulation=False) is true from compute capability 8 (Ampere) on
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported",
                        lambda including_emulation=True: including_emulation or capability >= (8, 0))
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda d=None: "GPU")
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda d=None: capability)
    assert resolve_precision("auto", "cuda").name == expect


def test_forced_bf16_without_native_support_warns_with_the_measured_slowdown(monkeypatch):
    patch_cpu(monkeypatch, False, False)
    lines = []
    p = resolve_precision("bf16", "cpu", warn=lines.append)
    assert p.name == "bf16" and len(lines) == 1
    slow = float(re.search(r"measured ([0-9.]+)x the float32 time", lines[0]).group(1))
    assert slow > 0 and "mixed_precision=auto" in lines[0]
    assert resolve_precision("bf16", "cpu", warn=lines.append) and len(lines) == 2  # once per resolution
    patch_cpu(monkeypatch, True, False)
    assert resolve_precision("bf16", "cpu", warn=lines.append).name == "bf16" and len(lines) == 2  # native: quiet


def test_unknown_precision_is_one_clear_error(tmp_path):
    with pytest.raises(CvdError, match="train.mixed_precision must be one of"):
        resolve_precision("fp16")
    m, _ = tiny_model()
    with pytest.raises(CvdError, match="auto"):
        Trainer(model=m, step_fn=None, dataset=None, train_cfg=TrainConfig(mixed_precision="float16"),
                run_config=None, run_dir=tmp_path)


def test_configs_and_presets_default_to_auto():
    from cvdstorm.config import DiTTrainConfig, StormVAEConfig

    assert TrainConfig().mixed_precision == "auto"
    for preset in ("tiny", "demo", "paper"):
        assert StormVAEConfig.from_preset(preset).train.mixed_precision == "auto"
        assert DiTTrainConfig.from_preset(preset).train.mixed_precision == "auto"
    for f in ("vae_demo", "dit_demo"):
        assert yaml.safe_load((ROOT / "configs" / f"{f}.yaml").read_text())["train"]["mixed_precision"] == "auto"


def test_default_threads_follow_the_machine(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert default_threads() == usable_cores()
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert default_threads() == 3
    monkeypatch.setenv("OMP_NUM_THREADS", "many")
    with pytest.raises(CvdError, match="OMP_NUM_THREADS"):
        default_threads()
