"""The shipped demo checkpoint (checkpoints/demo): what `make demo` loads on a fresh clone.

It must exist, stay small enough to commit, load through the same path as `generate`, and be
exactly what the committed configs and commands produce (configs/*_demo.yaml, step counts, logs).
"""

import json
from pathlib import Path

import torch
import yaml
from safetensors import safe_open

from cvdstorm.config import DiTTrainConfig, StormVAEConfig
from cvdstorm.demo import SHIPPED
from cvdstorm.pipelines.generate import CVDStormPipeline

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_checkpoint_is_small_complete_and_loads():
    assert SHIPPED == ROOT / "checkpoints" / "demo" and SHIPPED.is_dir(), "checkpoints/demo is missing"
    total = sum(f.stat().st_size for f in SHIPPED.rglob("*") if f.is_file())
    assert total < 40 * 2**20, f"shipped checkpoint is {total / 2**20:.1f} MB"
    for part in ("dit", "vae"):
        for name in ("model.safetensors", "config.yaml", "state.json", "log.csv"):
            assert (SHIPPED / part / name).is_file(), f"{part}/{name}"
        with safe_open(str(SHIPPED / part / "model.safetensors"), "pt") as f:
            assert {f.get_slice(k).get_dtype() for k in f.keys()} <= {"F16", "I64", "BOOL"}
    gen = CVDStormPipeline.from_pretrained(SHIPPED)
    assert all(p.dtype == torch.float32 for p in gen.dit.parameters())
    assert all(torch.isfinite(p).all() for p in gen.dit.parameters())
    # the configs in the repo are the ones the weights were trained with
    dit_yaml = yaml.safe_load((ROOT / "configs" / "dit_demo.yaml").read_text())
    vae_yaml = yaml.safe_load((ROOT / "configs" / "vae_demo.yaml").read_text())
    assert gen.dit_cfg.dit == DiTTrainConfig.from_dict(dit_yaml).dit
    shipped_vae = StormVAEConfig.from_dict(vae_yaml)
    assert (gen.vae_cfg.vae, gen.vae_cfg.gs) == (shipped_vae.vae, shipped_vae.gs)
    steps = {p: json.loads((SHIPPED / p / "state.json").read_text())["step"] for p in ("dit", "vae")}
    assert steps == {"dit": dit_yaml["train"]["steps"], "vae": vae_yaml["train"]["steps"]}
    last = (SHIPPED / "dit" / "log.csv").read_text().strip().splitlines()[-1]
    assert int(last.split(",")[0]) == steps["dit"]
