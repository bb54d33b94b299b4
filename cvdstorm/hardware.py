"""The processor a run is on, and the training precision and thread count that follow from it.

In:  a device ("cpu" / "cuda[:i]") and the requested `train.mixed_precision` ("auto", "bf16" or "no").
Out: `resolve_precision` -> a `Precision` (the dtype autocast uses, or none, and the reason in words);
     `describe` -> one line naming the processor (model, SIMD capability, native bf16, threads) for
     logs, benchmarks and `python -m cvdstorm.setup_check`; `default_threads` -> the torch thread count.

Why: bf16 autocast pays only where the hardware computes bf16 natively. On a CPU with AVX512-BF16 a
demo train step ran ~1.8x faster than float32; on an AMD EPYC with AVX2 only, bf16 matmul ran at
0.3 GFLOP/s vs 119 for float32 and the demo DiT step 14.7x slower (issue 28). So "auto" (the default)
picks bf16 only on CPUs with AVX512-BF16 or AMX and on GPUs with native bf16 (compute capability 8+),
float32 elsewhere; an explicit "bf16" without native support runs, after a one-line warning that states
the slowdown a short probe measured. fp16 is never chosen: it is unusable on CPU.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from .errors import CvdError

PRECISIONS = ("auto", "bf16", "no")


def cpu_model() -> str:
    """The CPU's marketing name (/proc/cpuinfo on Linux), else what `platform` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def default_threads() -> int:
    """OMP_NUM_THREADS when set, else one thread per usable core: 2 on the 2-core CI machines, all
    cores on a workstation (a fixed 2 would leave most of a 16-core machine idle)."""
    try:
        n = int(os.environ.get("OMP_NUM_THREADS", "0") or 0)
    except ValueError:
        raise CvdError(f"OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']!r} is not a whole number; "
                       "unset it or give a thread count such as 2") from None
    return n if n > 0 else usable_cores()


def native_bf16(device: str | torch.device = "cpu") -> bool:
    """True where bf16 matmul/conv run in hardware: CUDA compute capability 8+ (no emulation), CPUs with
    AVX512-BF16 or AMX tiles (oneDNN uses them for autocast's bf16 linear and conv)."""
    device = torch.device(device)
    if device.type == "cuda":
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported(including_emulation=False)
    if device.type == "cpu":
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    return False


def describe(device: str | torch.device = "cpu") -> str:
    """One line for logs and benchmark tables, e.g. 'AMD EPYC, AVX512, native bf16: yes, 2 threads'."""
    device = torch.device(device)
    if device.type == "cuda" and torch.cuda.is_available():
        name = torch.cuda.get_device_name(device)
        cc = ".".join(map(str, torch.cuda.get_device_capability(device)))
        return f"{name} (compute {cc}, CUDA {torch.version.cuda}), native bf16: {_yes(native_bf16(device))}"
    return (f"{cpu_model()}, {torch.backends.cpu.get_cpu_capability()}, native bf16: {_yes(native_bf16('cpu'))}, "
            f"{torch.get_num_threads()} threads")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def bf16_slowdown(device: str | torch.device = "cpu", n: int = 256) -> float:
    """bf16 over float32 time of an n x n matmul on `device`, best of 3 (a ~0.1 s probe even where bf16
    is emulated: 256^3 x 2 FLOP at the 0.3 GFLOP/s measured on AVX2)."""
    device = torch.device(device)
    a = torch.randn(n, n, device=device)

    def best(x: torch.Tensor) -> float:
        times = []
        for _ in range(4):  # the first run pays one-off set-up (oneDNN primitive creation)
            t0 = time.perf_counter()
            x @ x
            if device.type == "cuda":
                torch.cuda.synchronize(device)
            times.append(time.perf_counter() - t0)
        return min(times[1:])

    return best(a.bfloat16()) / max(best(a), 1e-9)


@dataclass(frozen=True)
class Precision:
    """What a run trains in: `name` is "bf16" or "no" (float32); `reason` says why, in words."""

    name: str
    reason: str

    @property
    def dtype(self) -> torch.dtype | None:
        """The autocast dtype, or None for plain float32."""
        return torch.bfloat16 if self.name == "bf16" else None


def resolve_precision(requested: str, device: str | torch.device = "cpu", warn=None) -> Precision:
    """The precision a run uses for `requested` ("auto" / "bf16" / "no") on `device`.

    An explicit "bf16" without native support is honoured (someone may want to check bf16 numerics on a
    laptop) but `warn` (a callable taking one line; default: print to stderr) states the probe's
    measured slowdown first; it is never a silent 25x."""
    if requested not in PRECISIONS:
        raise CvdError(f"train.mixed_precision must be one of {list(PRECISIONS)}, got {requested!r} "
                       "(auto: bf16 where the processor computes it natively, float32 elsewhere)")
    device = torch.device(device)
    native = native_bf16(device)
    where = describe(device)
    if requested == "no":
        return Precision("no", f"float32 as configured ({where})")
    if requested == "auto":
        return (Precision("bf16", f"auto: native bf16 on {where}") if native else
                Precision("no", f"auto: float32, no native bf16 on {where}"))
    if not native:
        slow = bf16_slowdown(device)
        line = (f"cvdstorm: warning: train.mixed_precision=bf16 on {where}: without native bf16 a bf16 matmul "
                f"measured {slow:.1f}x the float32 time here; set train.mixed_precision=auto (float32 here) "
                f"unless you want bf16 numerics at that cost")
        (warn or _stderr)(line)
        return Precision("bf16", f"bf16 as configured, emulated ({slow:.1f}x slower matmul) on {where}")
    return Precision("bf16", f"bf16 as configured, native on {where}")


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
