"""numpy/torch dispatch so each geometry function is written once for both array kinds."""

import contextlib

import numpy as np
import torch


def xp(x):
    """The array module (torch or numpy) that matches x."""
    return torch if isinstance(x, torch.Tensor) else np


def stack(arrays, axis):
    a = arrays[0]
    return torch.stack(arrays, dim=axis) if isinstance(a, torch.Tensor) else np.stack(arrays, axis=axis)


def cross(a, b):
    return torch.linalg.cross(a, b, dim=-1) if isinstance(a, torch.Tensor) else np.cross(a, b, axis=-1)


def norm(a, keepdims=True):
    if isinstance(a, torch.Tensor):
        return torch.linalg.norm(a, dim=-1, keepdim=keepdims)
    return np.linalg.norm(a, axis=-1, keepdims=keepdims)


def eye_like(x, n, batch_shape):
    if isinstance(x, torch.Tensor):
        return torch.eye(n, dtype=x.dtype, device=x.device).expand(*batch_shape, n, n).clone()
    return np.broadcast_to(np.eye(n, dtype=x.dtype), (*batch_shape, n, n)).copy()


def float32_region(device: torch.device):
    """Autocast off on `device` (float32 maths under bf16 training). The meta device, where
    benchmarks/memory.py traces a step's memory without running it, has no autocast to leave."""
    if device.type == "meta":
        return contextlib.nullcontext()
    return torch.autocast(device.type, enabled=False)
