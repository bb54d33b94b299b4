"""torch.distributed pieces of the training loop: process group, DDP-equal gradient all-reduce, FSDP2.

Under `torchrun` (RANK / WORLD_SIZE / LOCAL_RANK / MASTER_ADDR in the environment) `init_distributed`
starts one process group (`nccl` on CUDA, `gloo` on CPU) and pins this rank's GPU; outside torchrun
it does nothing and the loop runs single-process, unchanged.

- `parallel="ddp"`: every rank holds the whole model; after the (accumulated) backward the gradients
  are averaged over ranks in flat buckets (`allreduce_gradients`), with DDP's semantics: parameters
  broadcast from rank 0 at the start, a parameter without a gradient on some ranks counts as a zero
  gradient there (DDP's find_unused_parameters), one all-reduce per optimiser step (DDP's no_sync
  during gradient accumulation). The stage's `step_fn` calls the plain module, so no wrapper class is
  needed and checkpoints keep their key names. (No backward/all-reduce overlap: the all-reduce runs
  after backward.)
- `parallel="fsdp"`: FSDP2 `fully_shard` on every block (see `model_blocks`) and on the root;
  parameters, gradients and AdamW states are sharded over ranks. Checkpoints gather full tensors one
  at a time (rank 0 writes them), so a checkpoint is the same file whatever the parallelism, and
  resume scatters them back.
- Activation checkpointing per block (`apply_activation_checkpointing`) keeps the parameter names.
"""

from __future__ import annotations

import atexit
import os
from typing import Iterable

import torch
import torch.distributed as dist
from torch import nn

from ..errors import CvdError


def env_world_size() -> int:
    return int(os.environ.get("WORLD_SIZE", "1") or 1)


def init_distributed(device: str | torch.device = "cpu") -> tuple[int, int]:
    """Join the torchrun process group if there is one; returns (rank, world_size). Idempotent."""
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    if env_world_size() <= 1:
        return 0, 1
    missing = [k for k in ("RANK", "MASTER_ADDR", "MASTER_PORT") if k not in os.environ]
    if missing:
        raise CvdError(f"WORLD_SIZE={os.environ['WORLD_SIZE']} but {', '.join(missing)} unset: launch multi-process "
                       "training with torchrun (see README, Multi-GPU / multi-node)")
    cuda = torch.device(device).type == "cuda"
    if cuda:
        if not torch.cuda.is_available():
            raise CvdError("--device cuda but no CUDA device is visible to this process")
        torch.cuda.set_device(int(os.environ.get("LOCAL_RANK", "0")))
    dist.init_process_group(backend="nccl" if cuda else "gloo")
    atexit.register(_destroy)
    return dist.get_rank(), dist.get_world_size()


def is_initialized() -> bool:
    return dist.is_available() and dist.is_initialized()


def _destroy() -> None:
    if dist.is_initialized():
        dist.destroy_process_group()


def barrier() -> None:
    if dist.is_available() and dist.is_initialized():
        dist.barrier()


def _pg_device(t: torch.Tensor | None = None) -> torch.device:
    if dist.get_backend() == "nccl":
        return torch.device("cuda", torch.cuda.current_device())
    return torch.device("cpu")


def all_true(flag: bool) -> bool:
    """True iff flag holds on every rank (a collective)."""
    if not (dist.is_available() and dist.is_initialized()) or dist.get_world_size() == 1:
        return flag
    t = torch.tensor([int(flag)], dtype=torch.int32, device=_pg_device())
    dist.all_reduce(t, op=dist.ReduceOp.MIN)
    return bool(t.item())


def mean_over_ranks(values: list[float]) -> list[float]:
    if not (dist.is_available() and dist.is_initialized()) or dist.get_world_size() == 1:
        return values
    t = torch.tensor(values, dtype=torch.float64, device=_pg_device())
    dist.all_reduce(t)
    return (t / dist.get_world_size()).tolist()


# ----------------------------------------------------------------------------------- blocks
def model_blocks(model: nn.Module) -> list[nn.Module]:
    """The repeated blocks of a model: `model.parallel_blocks()` if it defines it, else every element of
    every outermost nn.ModuleList (transformer blocks, temporal / cross-view blocks, VAE up/down
    blocks...), in module order. These are the FSDP units and the activation-checkpointing units."""
    if callable(getattr(model, "parallel_blocks", None)):
        return list(model.parallel_blocks())
    out: list[nn.Module] = []

    def walk(m: nn.Module) -> None:
        for child in m.children():
            if isinstance(child, nn.ModuleList):
                out.extend(c for c in child if any(True for _ in c.parameters()))
            else:
                walk(child)

    walk(model)
    return out


def select_blocks(blocks: list[nn.Module], spec: str) -> list[nn.Module]:
    """`spec`: "" (none), "all", "every:N" (blocks 0, N, 2N, ...) or comma-separated block indices."""
    spec = (spec or "").strip()
    if spec in ("", "none"):
        return []
    if spec == "all":
        return list(blocks)
    try:
        if spec.startswith("every:"):
            n = int(spec.split(":", 1)[1])
            if n < 1:
                raise ValueError
            return blocks[::n]
        idx = [int(s) for s in spec.split(",") if s.strip()]
    except ValueError:
        raise CvdError(f"activation_checkpointing {spec!r}: use '', 'all', 'every:N' or block indices like '0,2,5'") from None
    bad = [i for i in idx if not 0 <= i < len(blocks)]
    if bad:
        raise CvdError(f"activation_checkpointing names blocks {bad}, but the model has {len(blocks)} blocks (0..{len(blocks) - 1})")
    return [blocks[i] for i in idx]


def apply_activation_checkpointing(model: nn.Module, spec: str) -> int:
    """Recompute the chosen blocks' activations in backward (parameter names unchanged); returns the count."""
    chosen = select_blocks(model_blocks(model), spec)
    if chosen:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the composable API is marked experimental
            from torch.distributed._composable import checkpoint
        for b in chosen:
            checkpoint(b)
    return len(chosen)


# --------------------------------------------------------------------------------------- DDP
@torch.no_grad()
def broadcast_module(model: nn.Module) -> None:
    """Rank 0's parameters and buffers to every rank (what DDP does at construction)."""
    for t in list(model.parameters()) + list(model.buffers()):
        if t.device.type != _pg_device().type:
            tmp = t.detach().to(_pg_device())
            dist.broadcast(tmp, 0)
            t.copy_(tmp)
        else:
            dist.broadcast(t.data, 0)


@torch.no_grad()
def allreduce_gradients(params: Iterable[torch.Tensor], bucket_bytes: int = 25 * 2**20) -> None:
    """Average .grad over ranks as DDP does (unused parameters count as zero gradients)."""
    world = dist.get_world_size()
    params = [p for p in params if p.requires_grad]
    if not params:
        return
    dev = _pg_device()
    has = torch.tensor([p.grad is not None for p in params], dtype=torch.int32, device=dev)
    dist.all_reduce(has, op=dist.ReduceOp.MAX)
    grads = []
    for p, h in zip(params, has.tolist()):
        if h:
            if p.grad is None:
                p.grad = torch.zeros_like(p)
            grads.append(p.grad)
    buckets: list[list[torch.Tensor]] = []
    size, last_dtype = 0, None
    for g in grads:
        if not buckets or size + g.numel() * g.element_size() > bucket_bytes or g.dtype != last_dtype:
            buckets.append([])
            size, last_dtype = 0, g.dtype
        buckets[-1].append(g)
        size += g.numel() * g.element_size()
    for b in buckets:
        flat = torch.cat([g.reshape(-1) for g in b]).to(dev)
        dist.all_reduce(flat)
        flat /= world
        off = 0
        for g in b:
            g.copy_(flat[off:off + g.numel()].view_as(g))
            off += g.numel()


# -------------------------------------------------------------------------------------- FSDP
def fsdp_shard(model: nn.Module, device: torch.device) -> int:
    """FSDP2 fully_shard on each block, then on the root; returns the number of block units."""
    from torch.distributed.device_mesh import init_device_mesh
    from torch.distributed.fsdp import fully_shard

    mesh = init_device_mesh(device.type, (dist.get_world_size(),))
    blocks = model_blocks(model)
    for b in blocks:
        fully_shard(b, mesh=mesh)
    fully_shard(model, mesh=mesh)
    return len(blocks)


def is_dtensor(t) -> bool:
    from torch.distributed.tensor import DTensor

    return isinstance(t, DTensor)


def full_tensors(sd: dict[str, torch.Tensor], rank: int) -> dict[str, torch.Tensor]:
    """Gather sharded (DTensor) entries one at a time (a collective); rank 0 gets CPU copies, others {}."""
    out: dict[str, torch.Tensor] = {}
    for k, v in sd.items():
        full = v.full_tensor() if is_dtensor(v) else v
        if rank == 0:  # a fresh copy per name: no shared storage for safetensors to refuse
            out[k] = full.detach().to("cpu", copy=True).contiguous()
        del full
    return out


def shard_like(full: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    """A full tensor laid out as `like` (same DTensor mesh/placements, or plain on like's device)."""
    if is_dtensor(like):
        from torch.distributed.tensor import distribute_tensor

        return distribute_tensor(full.to(like.device, like.dtype), like.device_mesh, like.placements)
    return full.to(like.device, like.dtype)


@torch.no_grad()
def load_full_state(module_sd: dict[str, torch.Tensor], full: dict[str, torch.Tensor], path) -> None:
    """Copy full tensors into a (possibly sharded) state dict in place, with the load_weights checks."""
    missing = sorted(set(module_sd) - set(full))
    unexpected = sorted(set(full) - set(module_sd))
    shapes = [f"{k} {list(full[k].shape)} vs {list(module_sd[k].shape)}" for k in sorted(set(full) & set(module_sd))
              if tuple(full[k].shape) != tuple(module_sd[k].shape)]
    if missing or unexpected or shapes:
        raise CvdError(f"weights {path} do not fit this model: {len(missing)} missing keys {missing[:5]}, "
                       f"{len(unexpected)} unexpected keys {unexpected[:5]}, shape mismatches {shapes[:3]}; "
                       "was it saved with another preset/config?")
    for k, v in module_sd.items():
        src = shard_like(full[k], v)
        if is_dtensor(v):
            v.to_local().copy_(src.to_local())
        else:
            v.copy_(src)


class ShardedEMA:
    """EMA for an FSDP model: a sharded copy of its floating-point state, updated shard by shard."""

    model = None  # no full module copy under FSDP

    def __init__(self, model: nn.Module, decay: float):
        self.decay = decay
        self.state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    @torch.no_grad()
    def update(self, model: nn.Module) -> None:
        for (k, e), p in zip(self.state.items(), model.state_dict().values()):
            if e.dtype.is_floating_point:
                e.lerp_(p.detach(), 1 - self.decay)
            else:
                e.copy_(p)
