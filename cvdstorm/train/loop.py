"""The training loop shared by both stages: data order, LR schedule, EMA, logging, checkpoints.

A stage supplies a model, the parameters to optimise and a `step_fn(batch, generator) ->
(loss, metrics)`; `Trainer.fit()` does the rest:

- AdamW with linear warm-up then cosine decay to `min_lr`, gradient clipping, optional EMA,
  bf16 autocast where `train.mixed_precision` resolves to it (hardware.py: "auto" = only where the
  GPU or CPU computes bf16 natively; the choice is printed at start and kept in each checkpoint's
  state.json with its reason);
- a data order that is a pure function of (seed, position), so `--resume` continues the exact
  sequence of batches, and a per-step RNG (global torch seed and a `torch.Generator` handed to
  `step_fn`) that is a pure function of (seed, step): a resumed run is bit-for-bit the
  uninterrupted one;
- non-finite losses skip the step (counted in the log) and stop the run with a clear error after
  `max_nonfinite_steps` in a row;
- checkpoints every `checkpoint_every` steps and at the end (see checkpoint.py), JSONL + CSV logs,
  and a tqdm progress bar with ETA;
- `grad_accum` micro-batches per optimiser step, activation checkpointing of chosen blocks;
- under torchrun (see distributed.py): rank r reads every world_size-th element of the same data
  stream, seeds are per (seed, step, rank), gradients are averaged as DDP does (`parallel="ddp"`) or
  the model is sharded with FSDP2 (`parallel="fsdp"`); the NaN decision, logged numbers (averaged
  over ranks) and checkpoints (full tensors, written by rank 0) are the same on every rank. A
  single process with batch B x world_size takes the same elements per step as world_size ranks of B.
"""

from __future__ import annotations

import contextlib
import csv
import copy
import json
import math
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import torch
from torch.utils.data import DataLoader, Sampler
from tqdm.auto import tqdm

from ..config import TrainConfig
from ..errors import CvdError
from ..hardware import resolve_precision
from ..io import FolderLock
from ..models.loading import load_checkpoint_state, load_weights, read_tensors, resolve_checkpoint
from . import distributed
from .checkpoint import clean_leftovers, optimizer_from_safetensors, save_checkpoint

StepFn = Callable[[Any, torch.Generator], "tuple[torch.Tensor, dict[str, float]]"]


def lr_at(step: int, cfg: TrainConfig) -> float:
    """Linear warm-up to cfg.lr, then cosine decay to cfg.min_lr at cfg.steps."""
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    span = max(1, cfg.steps - cfg.warmup_steps)
    progress = min(1.0, (step - cfg.warmup_steps) / span)
    return cfg.min_lr + 0.5 * (cfg.lr - cfg.min_lr) * (1 + math.cos(math.pi * progress))


def step_seed(seed: int, step: int, rank: int = 0, micro: int = 0) -> int:
    # Mix (seed, step, rank[, micro-batch]) into one 63-bit seed; SeedSequence avoids correlated nearby seeds.
    key = [seed, step, rank] + ([micro] if micro else [])
    return int(np.random.SeedSequence(key).generate_state(2, np.uint64)[0] >> 1)


def require_data(n: int) -> None:
    if n <= 0:
        raise CvdError("the training dataset is empty: no clip fits the requested frame count; "
                       "use fewer frames per clip or a dataset with longer scenes")


class ResumableSampler(Sampler[int]):
    """Endless per-epoch permutations of range(n), starting at a global position.

    Element k of the stream depends only on (seed, k), so a run resumed at position p sees the
    same indices an uninterrupted run sees from p on. With several ranks, rank r takes every
    world_size-th element.
    """

    def __init__(self, n: int, seed: int, start: int = 0, rank: int = 0, world_size: int = 1):
        require_data(n)
        self.n, self.seed, self.start, self.rank, self.world = n, seed, start, rank, world_size

    def __iter__(self) -> Iterator[int]:
        k = self.start * self.world + self.rank
        while True:
            epoch, i = divmod(k, self.n)
            perm = np.random.default_rng([self.seed, epoch]).permutation(self.n)
            yield int(perm[i])
            k += self.world

    def __len__(self) -> int:  # endless; DataLoader only needs a number
        return 2**62


class EMA:
    """Exponential moving average of a model's floating-point parameters and buffers."""

    def __init__(self, model: torch.nn.Module, decay: float):
        self.decay = decay
        self.model = copy.deepcopy(model).eval().requires_grad_(False)

    @torch.no_grad()
    def update(self, model: torch.nn.Module) -> None:
        for e, p in zip(self.model.state_dict().values(), model.state_dict().values()):
            if e.dtype.is_floating_point:
                e.lerp_(p.detach(), 1 - self.decay)
            else:
                e.copy_(p)


class MetricLog:
    """Appends rows to RUN/log.jsonl and RUN/log.csv; on resume drops rows past the resumed step."""

    def __init__(self, run_dir: Path, resume_step: int | None):
        self.jsonl, self.csv = run_dir / "log.jsonl", run_dir / "log.csv"
        rows = []
        if resume_step is not None and self.jsonl.exists():
            rows = [r for r in self._read() if r.get("step", 0) <= resume_step]
        self.rows: list[dict[str, Any]] = rows
        self._rewrite()

    def _read(self) -> list[dict[str, Any]]:
        """The logged rows. A torn last line (the process died mid-write) is dropped with a warning, as
        the checkpoint being resumed precedes it; a damaged line elsewhere is one CvdError line."""
        lines = [ln for ln in self.jsonl.read_text(errors="replace").splitlines() if ln.strip()]
        rows = []
        for i, ln in enumerate(lines):
            try:
                row = json.loads(ln)
            except (json.JSONDecodeError, RecursionError):
                row = None
            if isinstance(row, dict):
                rows.append(row)
            elif i == len(lines) - 1:
                warnings.warn(f"{self.jsonl}: dropped a torn last line (written when the run was killed)", stacklevel=3)
            else:
                raise CvdError(f"{self.jsonl} line {i + 1} is not a JSON record; delete that line (or the file: "
                               "it is only the metric log) and resume again")
        return rows

    def append(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        with open(self.jsonl, "a") as f:
            f.write(json.dumps(row) + "\n")
        keys = self._keys()
        if keys != self._csv_keys:  # a new metric appeared: rewrite the CSV with the wider header
            self._rewrite()
        else:
            with open(self.csv, "a", newline="") as f:
                csv.DictWriter(f, keys).writerow(row)

    def _keys(self) -> list[str]:
        keys: dict[str, None] = {}
        for r in self.rows:
            keys.update(dict.fromkeys(r))
        return list(keys)

    def _rewrite(self) -> None:
        self._csv_keys = self._keys()
        self.jsonl.write_text("".join(json.dumps(r) + "\n" for r in self.rows))
        with open(self.csv, "w", newline="") as f:
            w = csv.DictWriter(f, self._csv_keys)
            w.writeheader()
            w.writerows(self.rows)


@dataclass
class Trainer:
    """Generic loop. `model` is what gets checkpointed; `params` (default: its trainable ones) train."""

    model: torch.nn.Module
    step_fn: StepFn
    dataset: Any
    train_cfg: TrainConfig
    run_config: Any                     # a Config: saved beside every checkpoint
    run_dir: Path
    collate_fn: Callable | None = None
    params: list | None = None
    desc: str = "train"
    rank: int = 0
    world_size: int = 1

    def __post_init__(self):
        self.run_dir = Path(self.run_dir)
        cfg = self.train_cfg
        if cfg.parallel not in ("ddp", "fsdp"):
            raise CvdError(f"train.parallel must be 'ddp' or 'fsdp', got {cfg.parallel!r}")
        if cfg.grad_accum < 1:
            raise CvdError(f"train.grad_accum must be >= 1, got {cfg.grad_accum}")
        device = next(self.model.parameters()).device
        if distributed.env_world_size() > 1:
            self.rank, self.world_size = distributed.init_distributed(device)
        # before any model work: an unknown value fails here; rank 0 alone warns about emulated bf16
        self.precision = resolve_precision(cfg.mixed_precision, device,
                                           warn=None if self.rank == 0 else (lambda line: None))
        # a process group the caller initialised counts even with one rank (benchmarks/gpu_check.py runs
        # FSDP2 on one GPU that way); torchrun with one process starts none, so trains unsharded
        self.fsdp = cfg.parallel == "fsdp" and (self.world_size > 1 or distributed.is_initialized())
        names = {id(p): n for n, p in self.model.named_parameters()}
        params = self.params if self.params is not None else [p for p in self.model.parameters() if p.requires_grad]
        if self.world_size > 1:
            distributed.broadcast_module(self.model)  # identical replicas (DDP) / identical shards' source (FSDP)
        distributed.apply_activation_checkpointing(self.model, cfg.activation_checkpointing)
        if self.fsdp:
            distributed.fsdp_shard(self.model, device)  # replaces the parameters by sharded ones: look them up by name
            by_name = dict(self.model.named_parameters())
            params = [by_name[names[id(p)]] for p in params]
        self.optimizer = torch.optim.AdamW(params, lr=cfg.lr, betas=tuple(cfg.betas), weight_decay=cfg.weight_decay)
        self.ema = None
        if cfg.ema_decay > 0:
            self.ema = (distributed.ShardedEMA(self.model, cfg.ema_decay) if self.fsdp
                        else EMA(self.model, cfg.ema_decay))
        self.step = 0

    # ------------------------------------------------------------------------------- resume
    def resume(self) -> None:
        """Load the newest checkpoint of run_dir (model, optimiser, EMA, step); no-op if none."""
        if not (self.run_dir / "latest").is_file():
            return
        ckpt = resolve_checkpoint(self.run_dir)
        step = int(load_checkpoint_state(ckpt)["step"])
        if self.fsdp:  # every rank reads the full tensors and keeps its shards
            f = ckpt / "model.safetensors"
            distributed.load_full_state(self.model.state_dict(), read_tensors(f), f)
            if (ckpt / "optimizer.safetensors").is_file():
                optimizer_from_safetensors(self.optimizer, ckpt / "optimizer.safetensors", self._shard_optimizer_state)
            if self.ema is not None and (ckpt / "ema.safetensors").is_file():
                f = ckpt / "ema.safetensors"
                distributed.load_full_state(self.ema.state, read_tensors(f), f)
        else:
            load_weights(self.model, ckpt / "model.safetensors")
            if (ckpt / "optimizer.safetensors").is_file():
                optimizer_from_safetensors(self.optimizer, ckpt / "optimizer.safetensors")
            if self.ema is not None and (ckpt / "ema.safetensors").is_file():
                load_weights(self.ema.model, ckpt / "ema.safetensors")
        self.step = step

    def _shard_optimizer_state(self, sd: dict) -> dict:
        params = [p for g in self.optimizer.param_groups for p in g["params"]]
        state = {i: {k: (distributed.shard_like(v, params[i]) if isinstance(v, torch.Tensor) and v.dim() > 0 else v)
                     for k, v in st.items()} for i, st in sd["state"].items() if i < len(params)}
        return {"state": state, "param_groups": sd["param_groups"]}

    def _full_optimizer_state(self) -> dict:
        sd = self.optimizer.state_dict()
        state = {}
        for i, st in sorted(sd["state"].items()):  # same order on every rank: the gathers are collectives
            full = distributed.full_tensors({k: v for k, v in st.items() if isinstance(v, torch.Tensor)}, self.rank)
            state[i] = {**{k: v for k, v in st.items() if not isinstance(v, torch.Tensor)}, **full}
        return {"state": state, "param_groups": sd["param_groups"]}

    def checkpoint(self) -> Path | None:
        """Save a step folder (rank 0 writes; under FSDP every rank takes part in gathering the tensors)."""
        cfg = self.train_cfg
        state = {"data_position": self.step * cfg.batch_size * cfg.grad_accum * self.world_size,
                 "world_size": self.world_size, "parallel": cfg.parallel if self.world_size > 1 else "none",
                 "precision": self.precision.name, "precision_reason": self.precision.reason}
        if self.fsdp:
            model = distributed.full_tensors(self.model.state_dict(), self.rank)
            opt = self._full_optimizer_state()
            ema = distributed.full_tensors(self.ema.state, self.rank) if self.ema is not None else None
        else:
            model, opt, ema = self.model, self.optimizer, (self.ema.model if self.ema else None)
        out = None
        if self.rank == 0:
            out = save_checkpoint(self.run_dir, self.step, model, self.run_config, opt, ema, state)
        distributed.barrier()
        return out

    # ---------------------------------------------------------------------------------- fit
    def fit(self, resume: bool = False) -> dict[str, float]:
        require_data(len(self.dataset))  # before anything is written: a refused run leaves no folder or log
        # one writer per run folder (rank 0 writes it); a second train-vae/-dit into it gets one line
        with FolderLock(self.run_dir) if self.rank == 0 else contextlib.nullcontext():
            return self._fit(resume)

    def _fit(self, resume: bool) -> dict[str, float]:
        cfg = self.train_cfg
        self.run_dir.mkdir(parents=True, exist_ok=True)
        if self.rank == 0:
            clean_leftovers(self.run_dir)  # of a run killed while it wrote a checkpoint (we hold the lock)
        if not resume and (self.run_dir / "latest").exists():
            raise CvdError(f"{self.run_dir} already holds a training run; pass --resume to continue it "
                           "or choose another --out")
        if resume:
            self.resume()
        distributed.barrier()  # every rank has checked the folder before rank 0 writes to it
        log = MetricLog(self.run_dir, self.step if resume else None) if self.rank == 0 else None
        if self.step >= cfg.steps:
            return log.rows[-1] if log and log.rows else {}
        accum, many_ranks = cfg.grad_accum, self.world_size > 1
        sampler = ResumableSampler(len(self.dataset), cfg.seed, self.step * cfg.batch_size * accum, self.rank,
                                   self.world_size)
        loader = DataLoader(self.dataset, batch_size=cfg.batch_size, sampler=sampler, collate_fn=self.collate_fn,
                            num_workers=cfg.num_workers, persistent_workers=cfg.num_workers > 0)
        device = next(self.model.parameters()).device
        dtype = self.precision.dtype
        autocast = torch.autocast(device.type, dtype=dtype) if dtype else contextlib.nullcontext()
        if self.rank == 0:
            print(f"{self.desc}: precision {self.precision.name} ({self.precision.reason})", flush=True)
        gen = torch.Generator(device=device)
        bad_in_row, skipped, since_log, last = 0, 0, 0, {}
        self.model.train()
        bar = tqdm(total=cfg.steps, initial=self.step, desc=self.desc, dynamic_ncols=True,
                   disable=self.rank != 0)
        data = iter(loader)
        t0 = time.perf_counter()
        params = [p for g in self.optimizer.param_groups for p in g["params"]]
        try:  # close the bar first, so an error message gets a line of its own
            while self.step < cfg.steps:
                lr = lr_at(self.step, cfg)
                for g in self.optimizer.param_groups:
                    g["lr"] = lr
                self.optimizer.zero_grad(set_to_none=True)
                finite, loss_sum, metric_sum = True, 0.0, {}
                for micro in range(accum):
                    batch = next(data)
                    seed = step_seed(cfg.seed, self.step, self.rank, micro)
                    torch.manual_seed(seed)
                    gen.manual_seed(seed)
                    if self.fsdp:  # reduce-scatter gradients on the last micro-batch only
                        self.model.set_requires_gradient_sync(micro == accum - 1)
                    with autocast:
                        loss, metrics = self.step_fn(batch, gen)
                    ok = bool(torch.isfinite(loss))
                    finite = finite and ok
                    # several ranks: every rank runs every backward (FSDP's collectives live there); the
                    # step is dropped below when any rank saw a non-finite loss
                    if (ok or many_ranks) and loss.requires_grad:
                        (loss / accum if accum > 1 else loss).backward()
                    loss_sum += float(loss.detach())
                    for k, v in metrics.items():
                        metric_sum[k] = metric_sum.get(k, 0.0) + float(v)
                if many_ranks:
                    finite = distributed.all_true(finite)
                if finite:
                    bad_in_row = 0
                    if many_ranks and not self.fsdp:
                        distributed.allreduce_gradients(params)
                    gnorm = torch.nn.utils.clip_grad_norm_(params, cfg.grad_clip)
                    if distributed.is_dtensor(gnorm):
                        gnorm = gnorm.full_tensor()
                    self.optimizer.step()
                    if self.ema is not None:
                        self.ema.update(self.model)
                else:  # skip the update, keep the schedule moving
                    bad_in_row, skipped = bad_in_row + 1, skipped + 1
                    if bad_in_row >= cfg.max_nonfinite_steps:
                        raise CvdError(f"loss was NaN/Inf for {bad_in_row} steps in a row (last at step "
                                       f"{self.step}); lower the learning rate or check the data; the last "
                                       f"good checkpoint is in {self.run_dir}")
                self.step += 1
                since_log += 1
                bar.update(1)
                if finite and (self.step % cfg.log_every == 0 or self.step == cfg.steps):
                    keys = sorted(metric_sum)
                    vals = [loss_sum / accum] + [metric_sum[k] / accum for k in keys]
                    if many_ranks:  # the mean over ranks: what the whole batch saw
                        vals = distributed.mean_over_ranks(vals)
                    last = {"step": self.step, "loss": vals[0], "lr": lr, "grad_norm": float(gnorm),
                            "skipped_nonfinite": skipped, "sec_per_step": (time.perf_counter() - t0) / since_log,
                            **{k: metric_sum[k] / accum for k in metric_sum}}
                    last.update(zip(keys, vals[1:]))
                    t0, since_log = time.perf_counter(), 0
                    if log is not None:
                        log.append(last)
                    bar.set_postfix(loss=f"{last['loss']:.4f}")
                if self.step % cfg.checkpoint_every == 0 or self.step == cfg.steps:
                    self.checkpoint()
        finally:
            bar.close()
        return last


def fit_run(make_trainer: Callable, cfg, run_dir: str | Path, resume: bool = False,
            device: str | torch.device = "cpu") -> dict[str, float]:
    """Train (or, with resume, continue) a run of either stage; returns the last logged metrics.
    `make_trainer(cfg, run_dir, device) -> Trainer`. On resume the run's own config.yaml wins over `cfg`,
    so a resumed run is the run that was started, whatever the command line says now."""
    if resume and (Path(run_dir) / "config.yaml").is_file():
        cfg = type(cfg).load(Path(run_dir) / "config.yaml")
    return make_trainer(cfg, run_dir, device).fit(resume=resume)
