"""Tiny randomly initialised checkpoints (STORM-VAE + DiT train runs) for the generation and demo tests."""

import torch

from cvdstorm.config import DiTTrainConfig, StormVAEConfig
from cvdstorm.models.dit import build_dit
from cvdstorm.models.storm_vae import build_storm_vae
from cvdstorm.train.checkpoint import save_checkpoint


def make_checkpoint(root, dataroot, controls_on=False):
    """root/vae and root/dit as train runs; returns root/dit. controls_on: random (instead of
    zero-init) control adapters, as after training, so the controls visibly act on the output."""
    vcfg = StormVAEConfig.from_preset("tiny")
    vcfg.data.dataroot = str(dataroot)
    torch.manual_seed(0)
    save_checkpoint(root / "vae", 0, build_storm_vae(vcfg), vcfg)
    dcfg = DiTTrainConfig.from_preset("tiny", vae_checkpoint=str(root / "vae"))
    dcfg.dit.in_channels = dcfg.dit.out_channels = 16
    dcfg.data.dataroot = str(dataroot)
    dit = build_dit(dcfg.dit)
    if controls_on:
        for lin in dit.control_adapters:
            torch.nn.init.normal_(lin.weight, std=0.5)
    save_checkpoint(root / "dit", 0, dit, dcfg)
    return root / "dit"
