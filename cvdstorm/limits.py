"""Size limits: work that would not fit is refused in one line before anything is allocated.

Image sizes, frame and camera counts and decompressed sizes come from arguments and from untrusted
files (datasets, run folders, rig files). Each command that allocates in proportion to them
estimates the memory first (`check_memory`) and, where it writes in proportion, the disk
(`check_disk`), and refuses what exceeds the limit with the estimate, the limit and how to change it.

The memory limit is CVDSTORM_MAX_MEMORY_GB (GB = 10^9 bytes) when set, else half of this machine's
physical memory: set it higher to run a deliberately large job on a machine that has the memory.
"""

from __future__ import annotations

import math
import os
import shutil
from pathlib import Path

from .errors import CvdError

ENV = "CVDSTORM_MAX_MEMORY_GB"


def gb(nbytes: float) -> str:
    return f"{nbytes / 1e9:.3g} GB"


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not Linux/BSD: assume a small machine
        return 8 * 10**9


def memory_limit() -> tuple[int, str]:
    """(bytes, where the limit comes from)."""
    text = os.environ.get(ENV, "").strip()
    if text:
        try:
            v = float(text)
        except ValueError:
            v = math.nan
        if not (math.isfinite(v) and v > 0):
            raise CvdError(f"{ENV} must be a positive number of GB, got {text!r}")
        return int(v * 1e9), f"{ENV}={text}"
    return _physical_memory() // 2, "half of this machine's memory"


def check_memory(nbytes: float, what: str, fix: str) -> None:
    """Refuse `what` (e.g. "preview of 6 cameras at 50000x256") when it needs more than the limit."""
    limit, source = memory_limit()
    if nbytes > limit:
        raise CvdError(f"{what} needs about {gb(nbytes)} of memory, more than the limit of {gb(limit)} ({source}); "
                       f"{fix}, or raise {ENV} if this machine has the memory")


def check_disk(nbytes: float, folder: str | os.PathLike, what: str, fix: str) -> None:
    """Refuse `what` when its estimated output does not fit in the free space where `folder` will be."""
    p = Path(folder).absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        usage = shutil.disk_usage(p)
    except OSError:
        return  # cannot tell: the writer's own ENOSPC handling still applies
    if usage.total and nbytes > usage.free:  # total 0: a pseudo file system (sysfs), where writing fails anyway
        raise CvdError(f"{what} would write about {gb(nbytes)} into {folder}, more than the {gb(usage.free)} free "
                       f"on its disk; {fix}")
