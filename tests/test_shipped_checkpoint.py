"""The shipped checkpoints: checkpoints/demo12 (12 Hz, what `make demo` loads on a fresh clone) and
checkpoints/demo (2 Hz keyframes, the baseline the benchmarks compare with).

It must exist, stay small enough to commit, load through the same path as `generate`, and be
exactly what the committed configs and commands produce (configs/*_demo.yaml, step counts, logs).
"""

import json
from pathlib import Path

import pytest

import torch
import yaml
from safetensors import safe_open

from cvdstorm.config import DiTTrainConfig, StormVAEConfig
from cvdstorm.demo import SHIPPED, SHIPPED_12HZ
from cvdstorm.pipelines.generate import CVDStormPipeline

ROOT = Path(__file__).resolve().parents[1]


# the 12 Hz STORM-VAE was stopped at step 1,000 of its 1,500-step schedule (checkpoints/demo12/README.md)
@pytest.mark.parametrize("shipped, dit_config, vae_config, rate, vae_step",
                         [(SHIPPED, "dit_demo.yaml", "vae_demo.yaml", "keyframes", None),
                          (SHIPPED_12HZ, "dit_demo12.yaml", "vae_demo12.yaml", "camera", 800)])
def test_shipped_checkpoint_is_small_complete_and_loads(shipped, dit_config, vae_config, rate, vae_step):
    assert shipped.parent == ROOT / "checkpoints" and shipped.is_dir(), f"{shipped} is missing"
    total = sum(f.stat().st_size for f in shipped.rglob("*") if f.is_file())
    assert total < 40 * 2**20, f"shipped checkpoint is {total / 2**20:.1f} MB"
    for part in ("dit", "vae"):
        for name in ("model.safetensors", "config.yaml", "state.json", "log.csv"):
            assert (shipped / part / name).is_file(), f"{part}/{name}"
        with safe_open(str(shipped / part / "model.safetensors"), "pt") as f:
            assert {f.get_slice(k).get_dtype() for k in f.keys()} <= {"F16", "I64", "BOOL"}
    gen = CVDStormPipeline.from_pretrained(shipped)
    assert all(p.dtype == torch.float32 for p in gen.dit.parameters())
    assert all(torch.isfinite(p).all() for p in gen.dit.parameters())
    # the configs in the repo are the ones the weights were trained with
    dit_yaml = yaml.safe_load((ROOT / "configs" / dit_config).read_text())
    vae_yaml = yaml.safe_load((ROOT / "configs" / vae_config).read_text())
    assert gen.dit_cfg.dit == DiTTrainConfig.from_dict(dit_yaml).dit
    shipped_vae = StormVAEConfig.from_dict(vae_yaml)
    assert (gen.vae_cfg.vae, gen.vae_cfg.gs) == (shipped_vae.vae, shipped_vae.gs)
    # the DiT's frame rate and the clip layout the VAE decodes its windows with
    assert gen.dit_cfg.data.frame_rate == gen.vae_cfg.data.frame_rate == rate
    assert max(gen.vae_cfg.data.context_frames) < gen.dit_cfg.data.num_frames
    steps = {p: json.loads((shipped / p / "state.json").read_text())["step"] for p in ("dit", "vae")}
    assert steps == {"dit": dit_yaml["train"]["steps"], "vae": vae_step or vae_yaml["train"]["steps"]}
    last = (shipped / "dit" / "log.csv").read_text().strip().splitlines()[-1]
    assert int(last.split(",")[0]) == steps["dit"]
