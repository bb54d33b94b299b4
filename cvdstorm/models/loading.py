"""Trained models from checkpoint folders: find the step folder, load safetensors weights with
one-line errors, rebuild a STORM-VAE or a DiT from the config saved beside its weights.

In:  a run folder (follows its `latest` file) or a step folder, as `train/checkpoint.py` writes them
     (its docstring holds the layout), or a folder `cvdstorm pack` wrote.
Out: the model in eval mode and its config.

Reading lives here, with the models, and writing with the trainers: pipelines and evaluation load
trained models without importing the training code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, load_model

from ..config import DiTTrainConfig, StormVAEConfig
from ..errors import CvdError, require
from .dit import CVDDiT, build_dit
from .storm_vae import StormVAE, build_storm_vae


def resolve_checkpoint(path: str | os.PathLike) -> Path:
    """A run folder (follows `latest`) or a step folder -> the step folder holding model.safetensors."""
    path = Path(path)
    if not path.exists():
        raise CvdError(f"missing checkpoint: {path} does not exist")
    if (path / "model.safetensors").is_file():
        return path
    latest = path / "latest"
    if latest.is_file():
        step = path / latest.read_text().strip()
        if (step / "model.safetensors").is_file():
            return step
        raise CvdError(f"checkpoint {path}: `latest` names {step.name}, which is missing or incomplete")
    raise CvdError(f"{path} is not a checkpoint: it has neither model.safetensors nor a `latest` file")


def weights_file(step_dir: Path, ema: bool = True) -> Path:
    """The EMA weights of a step folder when asked for and present, else its model weights."""
    return step_dir / ("ema.safetensors" if ema and (step_dir / "ema.safetensors").is_file() else "model.safetensors")


def load_weights(model: torch.nn.Module, path: str | os.PathLike, strict: bool = True) -> None:
    """Load safetensors weights with a one-line error for missing/corrupt/mismatched files."""
    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing weights: {path} does not exist")
    _check_dtypes(model, path)
    try:
        missing, unexpected = load_model(model, str(path), strict=False)
    except (SafetensorError, OSError) as e:
        raise CvdError(f"corrupt or truncated weights file {path} ({e}); use an earlier checkpoint") from None
    except RuntimeError as e:  # shape mismatch
        raise CvdError(f"weights {path} do not fit this model: {str(e).splitlines()[0]}; "
                       "was it saved with another preset/config?") from None
    if strict and (missing or unexpected):
        raise CvdError(f"weights {path} do not fit this model: {len(missing)} missing keys "
                       f"{sorted(missing)[:5]}, {len(unexpected)} unexpected keys {sorted(unexpected)[:5]}; "
                       "was it saved with another preset/config?")


def _check_dtypes(model: torch.nn.Module, path: Path) -> None:
    """Refuse a tensor whose stored kind (float / integer / bool) differs from the model's: loading
    would cast it silently (a float16 tensor relabelled int16 in the header becomes garbage weights
    that fail much later). float16/bfloat16 into float32 is a legitimate cast and allowed."""
    from safetensors import safe_open

    def kind(code: str) -> str:  # safetensors dtype codes: F16, BF16, F32, I16, U8, BOOL, F8_E4M3, ...
        return "bool" if code == "BOOL" else "float" if code.startswith(("F", "BF")) else "integer"

    torch_codes = {torch.bool: "BOOL", torch.bfloat16: "BF16"}
    state = model.state_dict()
    try:
        with safe_open(str(path), "pt") as f:
            for key in f.keys():
                if key not in state:
                    continue
                code, want = f.get_slice(key).get_dtype(), state[key].dtype
                if kind(code) != kind(torch_codes.get(want, "F" if want.is_floating_point else "I")):
                    raise CvdError(f"weights {path}: tensor {key!r} is stored as {code} but the model's is {want}; "
                                   "the file is damaged or not this model's checkpoint (use an earlier checkpoint)")
    except (SafetensorError, OSError) as e:
        raise CvdError(f"corrupt or truncated weights file {path} ({e}); use an earlier checkpoint") from None


def read_tensors(path: str | os.PathLike) -> dict[str, torch.Tensor]:
    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing weights: {path} does not exist")
    try:
        return load_file(str(path))
    except (SafetensorError, OSError) as e:
        raise CvdError(f"corrupt or truncated weights file {path} ({e})") from None


def load_checkpoint_state(step_dir: Path) -> dict[str, Any]:
    f = Path(step_dir) / "state.json"
    if not f.is_file():
        raise CvdError(f"checkpoint {step_dir} has no state.json; it was not written by cvdstorm")
    try:
        return json.loads(f.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise CvdError(f"corrupt checkpoint state {f}; use an earlier checkpoint") from None


def load_storm_vae(checkpoint: str | Path, device: str | torch.device = "cpu",
                   ema: bool = False) -> tuple[StormVAE, StormVAEConfig]:
    """A trained STORM-VAE from a run folder (newest step) or a step folder; eval mode."""
    step_dir = resolve_checkpoint(checkpoint)
    cfg = StormVAEConfig.load(step_dir / "config.yaml")
    cfg.vae.pretrained = ""  # the checkpoint holds the weights
    model = build_storm_vae(cfg)
    load_weights(model, weights_file(step_dir, ema))
    return model.to(device).eval(), cfg


def load_dit(checkpoint: str | Path, device: str | torch.device = "cpu",
             ema: bool = True) -> tuple[CVDDiT, DiTTrainConfig]:
    """A trained DiT from a run or step folder (EMA weights when present and ema=True); eval mode."""
    step_dir = resolve_checkpoint(checkpoint)
    try:
        cfg = DiTTrainConfig.load(step_dir / "config.yaml")
    except CvdError as e:
        raise CvdError(f"{step_dir} is not a train-dit checkpoint ({e})") from None
    cfg.dit.pretrained = ""  # the checkpoint holds the weights
    model = build_dit(cfg.dit)
    load_weights(model, weights_file(step_dir, ema))
    return model.to(device).eval(), cfg


def check_compatible(cfg: DiTTrainConfig, vae_cfg: StormVAEConfig) -> None:
    """The DiT must read the VAE's latents: channels and downsampling agree."""
    lat, ds = vae_cfg.vae.latent_channels, 2 ** (len(vae_cfg.vae.block_out_channels) - 1)
    d = cfg.dit
    require(d.in_channels == lat and d.out_channels == lat,
            f"the DiT takes {d.in_channels} latent channels (out {d.out_channels}) but the STORM-VAE in "
            f"{cfg.vae_checkpoint} makes {lat}; set dit.in_channels and dit.out_channels to {lat}")
    require(d.vae_downsample == ds, f"dit.vae_downsample is {d.vae_downsample} but the VAE downsamples by {ds}")
