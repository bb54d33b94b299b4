"""Checkpoint folders: safetensors weights + config YAML + optimiser state + trainer state.

Layout of a run folder:

    RUN/
      config.yaml            the config that rebuilds the model (also copied into each step folder)
      latest                 text file naming the newest complete step folder
      step_00000100/
        model.safetensors    weights (safetensors.torch.save_model: handles tied tensors)
        ema.safetensors      EMA weights, when EMA is on
        optimizer.safetensors  optimiser tensors; its structure (param groups, scalars) in the metadata
        state.json           step, data position, counters
        config.yaml
      log.jsonl, log.csv     one row per logged step

Nothing is pickled: optimiser state goes through safetensors + JSON, so loading an untrusted
checkpoint cannot run code. A step folder is written under a temporary name and renamed when
complete, then `latest` is replaced atomically: a run killed mid-write keeps its previous checkpoint.
This module writes the folders; `models/loading.py` reads them (weights, state, the newest step).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save_model

from ..errors import CvdError, require
from ..io import atomic_path, fault_point, full_disk_as_error, require_space, save_tensors, usual_mode, write_bytes
from ..models.loading import load_weights, resolve_checkpoint

STEP_PREFIX = "step_"


def step_dir_name(step: int) -> str:
    return f"{STEP_PREFIX}{step:08d}"


# --------------------------------------------------------------------------- optimiser state
def optimizer_to_safetensors(opt: torch.optim.Optimizer | dict) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """Flatten an optimiser (or its state dict) into (tensors, string metadata) for safetensors."""
    sd = opt if isinstance(opt, dict) else opt.state_dict()
    tensors: dict[str, torch.Tensor] = {}
    scalars: dict[str, dict[str, Any]] = {}
    for idx, st in sd["state"].items():
        for name, v in st.items():
            if isinstance(v, torch.Tensor):
                tensors[f"{idx}.{name}"] = v.detach().contiguous().cpu()
            else:
                scalars.setdefault(str(idx), {})[name] = v
    meta = {"param_groups": json.dumps(sd["param_groups"]), "scalars": json.dumps(scalars)}
    return tensors, meta


def read_optimizer_state(path: Path) -> dict[str, Any]:
    """An optimiser state dict ({"state", "param_groups"}) from optimizer.safetensors."""
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as f:
            meta = f.metadata() or {}
            tensors = {k: f.get_tensor(k) for k in f.keys()}
    except (SafetensorError, OSError) as e:
        raise CvdError(f"corrupt or truncated optimiser state {path} ({e}); use an earlier checkpoint") from None
    if "param_groups" not in meta:
        raise CvdError(f"corrupt optimiser state: {path} has no param_groups metadata")
    state: dict[int, dict[str, Any]] = {}
    for key, v in tensors.items():
        idx, name = key.split(".", 1)
        state.setdefault(int(idx), {})[name] = v
    for idx, st in json.loads(meta.get("scalars", "{}")).items():
        state.setdefault(int(idx), {}).update(st)
    # JSON turned tuples (e.g. AdamW betas) into lists; only "params" is a list in torch
    groups = [{k: (tuple(v) if isinstance(v, list) and k != "params" else v) for k, v in g.items()}
              for g in json.loads(meta["param_groups"])]
    return {"state": state, "param_groups": groups}


def optimizer_from_safetensors(opt: torch.optim.Optimizer, path: Path, transform=None) -> None:
    """Load optimizer.safetensors into opt; `transform(sd)` may re-lay tensors out first (FSDP shards)."""
    sd = read_optimizer_state(path)
    try:
        opt.load_state_dict(transform(sd) if transform else sd)
    except (ValueError, KeyError) as e:
        raise CvdError(f"optimiser state {path} does not match this model ({e}); "
                       "resume with the same config or start a new run") from None


# ------------------------------------------------------------------------------------ weights
def save_weights(model: torch.nn.Module, path: str | os.PathLike) -> None:
    with atomic_path(path) as tmp:
        save_model(model, str(tmp))
        usual_mode(tmp)


def init_from(model: torch.nn.Module, source: str | os.PathLike) -> list[str]:
    """Start a run from the weights of a run folder (newest step) or step folder (fine-tuning);
    a resumed run then loads its own newest checkpoint over these. Parameters the source lacks (a part
    added to the config, e.g. the cross-view ray bias) keep their initial values and are returned and
    printed; a tensor of the source that the model lacks or cannot hold is an error."""
    path = resolve_checkpoint(source) / "model.safetensors"
    expected = set(model.state_dict())
    load_weights(model, path, strict=False)
    with safe_open(str(path), "pt") as f:
        stored = set(f.keys())
    unexpected = sorted(stored - expected)
    require(not unexpected, f"weights {path} do not fit this model: {len(unexpected)} unexpected keys "
            f"{unexpected[:5]}; was it saved with another preset/config?")
    new = sorted(expected - stored)
    if new:
        print(f"init_from {source}: {len(new)} new tensor(s) keep their initial values: {new[:4]}"
              f"{' ...' if len(new) > 4 else ''}", flush=True)
    return new


# ------------------------------------------------------------------------------- step folders
def _save_weights_into(weights: torch.nn.Module | dict, path: Path) -> None:
    if isinstance(weights, dict):  # full tensors gathered from shards (one copy per name)
        save_tensors(weights, path)
    else:
        save_model(weights, str(path))  # a full disk: save_checkpoint turns it into one line
        usual_mode(path)


def save_checkpoint(run_dir: str | os.PathLike, step: int, model: torch.nn.Module | dict, config,
                    optimizer: torch.optim.Optimizer | dict | None = None, ema: torch.nn.Module | dict | None = None,
                    state: dict[str, Any] | None = None, keep: int = 2) -> Path:
    """Write RUN/step_N atomically, point RUN/latest at it and prune older step folders.

    model / ema: a module, or a state dict of full tensors; optimizer: an optimiser or its state dict.
    `CVDSTORM_TEST_SLOW_SAVE=STEP:SECONDS` sleeps after the weights of step STEP (tests kill a run
    in the middle of writing a checkpoint with it)."""
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    final = run_dir / step_dir_name(step)
    # a full disk is one line naming the step, before the write when the estimate shows it, else when met
    fix = f"free space and continue with --resume (the last complete checkpoint in {run_dir} is kept)"
    needed = sum(_tensor_bytes(x) for x in (model, ema, optimizer) if x is not None)
    require_space(final, needed, fix)
    tmp = run_dir / f".tmp-{final.name}-{os.getpid()}"
    _remove(tmp)
    tmp.mkdir()
    try:
        with full_disk_as_error(final, needed, fix):
            _write_step(tmp, step, model, config, optimizer, ema, state)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove(final)
    fault_point("checkpoint:step")
    os.replace(tmp, final)
    write_bytes(run_dir / "latest", final.name.encode())
    if not (run_dir / "config.yaml").exists():
        config.save(run_dir / "config.yaml")
    _prune(run_dir, keep, final)
    return final


def _write_step(tmp: Path, step: int, model, config, optimizer, ema, state) -> None:
    slow_step, _, slow = os.environ.get("CVDSTORM_TEST_SLOW_SAVE", "").partition(":")
    _save_weights_into(model, tmp / "model.safetensors")
    if slow and int(slow_step) == step:
        time.sleep(float(slow))
    if ema is not None:
        _save_weights_into(ema, tmp / "ema.safetensors")
    if optimizer is not None:
        tensors, meta = optimizer_to_safetensors(optimizer)
        save_tensors(tensors, tmp / "optimizer.safetensors", metadata=meta)
    (tmp / "state.json").write_text(json.dumps({"step": step, **(state or {})}, indent=1))
    (tmp / "config.yaml").write_text(config.to_yaml())
    for f in tmp.iterdir():  # data on disk before the rename makes it visible
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())


def _tensor_bytes(x) -> int:
    """Bytes of the tensors a module, a state dict or an optimiser (state) holds: a checkpoint's size."""
    if isinstance(x, torch.optim.Optimizer):
        x = x.state_dict()
    if isinstance(x, torch.nn.Module):
        x = x.state_dict()
    if isinstance(x, torch.Tensor):
        return x.numel() * x.element_size()
    if isinstance(x, dict):
        return sum(_tensor_bytes(v) for v in x.values())
    if isinstance(x, (list, tuple)):
        return sum(_tensor_bytes(v) for v in x)
    return 0


def _remove(path: Path) -> None:
    """Delete a leftover at one of our names; a link there is removed itself, never followed."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _prune(run_dir: Path, keep: int, newest: Path) -> None:
    steps = sorted(p for p in run_dir.glob(f"{STEP_PREFIX}*") if p.is_dir())
    for p in steps[:-keep] if keep > 0 else []:
        if p != newest:
            shutil.rmtree(p, ignore_errors=True)
    clean_leftovers(run_dir, keep=f".tmp-{newest.name}-{os.getpid()}")


def clean_leftovers(run_dir: Path, keep: str = "") -> None:
    """Remove what a write killed midway leaves: step folders under their temporary names and the
    temporary files of `latest` (io.atomic_path names them .latest.*.tmp)."""
    for p in [*run_dir.glob(".tmp-*"), *run_dir.glob(".latest.*.tmp")]:
        if p.name != keep:
            _remove(p)
