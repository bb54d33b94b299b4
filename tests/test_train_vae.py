"""`cvdstorm train-vae` / `evaluate --stage vae` on the tiny synthetic world: runs, resumes exactly."""

import json

import pytest
import torch
from safetensors.torch import load_file

from cvdstorm.cli import main
from cvdstorm.config import StormVAEConfig
from cvdstorm.train.vae import train_vae


def _cfg(root, steps):
    cfg = StormVAEConfig.from_preset("tiny")
    cfg.data.dataroot = str(root)
    cfg.data.split = "all"
    cfg.train.steps, cfg.train.checkpoint_every, cfg.train.log_every = steps, 2, 1
    return cfg


def test_train_resume_and_evaluate(synth_root, tmp_path):
    cfg = _cfg(synth_root, 4)
    cfg.save(tmp_path / "cfg.yaml")
    # uninterrupted 4 steps vs 2 steps + --resume to 4: the same weights, bit for bit
    assert main(["train-vae", "--config", str(tmp_path / "cfg.yaml"), "--out", str(tmp_path / "a")]) == 0
    assert main(["train-vae", "--config", str(tmp_path / "cfg.yaml"), "--out", str(tmp_path / "b"), "--steps", "2"]) == 0
    b_cfg = StormVAEConfig.load(tmp_path / "b" / "config.yaml")
    b_cfg.train.steps = 4
    b_cfg.save(tmp_path / "b" / "config.yaml")
    assert main(["train-vae", "--config", str(tmp_path / "cfg.yaml"), "--out", str(tmp_path / "b"), "--resume"]) == 0
    wa = load_file(str(tmp_path / "a" / "step_00000004" / "model.safetensors"))
    wb = load_file(str(tmp_path / "b" / "step_00000004" / "model.safetensors"))
    assert wa.keys() == wb.keys() and all(torch.equal(wa[k], wb[k]) for k in wa)
    rows = [json.loads(l) for l in (tmp_path / "b" / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [1, 2, 3, 4]
    assert {"vae_mse", "render_mse", "depth_l1_log", "sky_alpha", "speed"} <= rows[-1].keys()
    # evaluation of the run writes JSON + CSV with the stage-1 metrics
    assert main(["evaluate", "--stage", "vae", "--checkpoint", str(tmp_path / "a"), "--split", "all",
                 "--max-clips", "1", "--out", str(tmp_path / "ev")]) == 0
    summary = json.loads((tmp_path / "ev" / "eval_vae.json").read_text())["summary"]
    for k in ("vae_psnr", "vae_ssim", "gs_ctx_psnr", "gs_novel_psnr", "gs_depth_abs_rel", "dec_depth_rmse"):
        assert isinstance(summary[k], float), k
    assert (tmp_path / "ev" / "eval_vae.csv").read_text().startswith("clip,scene,vae_psnr")
    # per clip: its own depth AbsRel; with one clip the pooled summary is that clip's
    clip = json.loads((tmp_path / "ev" / "eval_vae.json").read_text())["clips"][0]
    for k in ("gs_depth_abs_rel", "dec_depth_abs_rel"):
        assert clip[k] == pytest.approx(summary[k]), k


def test_decoder_finetune_keeps_the_encoder(synth_root, tmp_path):
    from safetensors.torch import load_file

    from cvdstorm.models.loading import resolve_checkpoint

    train_vae(_cfg(synth_root, 2), tmp_path / "base")
    base = load_file(str(resolve_checkpoint(tmp_path / "base") / "model.safetensors"))
    cfg = _cfg(synth_root, 2)
    cfg.init_from, cfg.freeze_encoder = str(tmp_path / "base"), True
    train_vae(cfg, tmp_path / "ft")
    ft = load_file(str(resolve_checkpoint(tmp_path / "ft") / "model.safetensors"))
    enc = [k for k in base if k.startswith("vae.ae.encoder.")]
    dec = [k for k in base if k.startswith("vae.ae.decoder.")]
    assert enc and dec
    assert all(torch.equal(base[k], ft[k]) for k in enc)            # latent space unchanged
    assert any(not torch.equal(base[k], ft[k]) for k in dec)        # started from base and trained on
    fresh = load_file(str(resolve_checkpoint(tmp_path / "base") / "model.safetensors"))
    assert all(torch.equal(fresh[k], base[k]) for k in base)        # the source run is untouched
