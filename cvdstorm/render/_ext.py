"""Build and load the C++ compositing kernel (csrc/rasterize_cpu.cpp) with the machine's compiler.

`make setup` builds it once (`python -m cvdstorm.setup_check`); later imports find the compiled
module in `cvdstorm/render/_build` (torch's cpp_extension rebuilds only when the source changes).
If it cannot be built (no compiler), `load()` returns None and callers fall back to the
reference renderer with a one-line warning.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

HERE = Path(__file__).parent
BUILD = Path(os.environ.get("CVDSTORM_BUILD_DIR", HERE / "_build"))
_module = None
_failed: str | None = None


def load(verbose: bool = False):
    global _module, _failed
    if _module is not None or _failed is not None:
        return _module
    try:
        from torch.utils.cpp_extension import load as _load

        BUILD.mkdir(parents=True, exist_ok=True)
        _module = _load(name="cvdstorm_rasterize_cpu", sources=[str(HERE / "csrc" / "rasterize_cpu.cpp")],
                        extra_cflags=["-O3", "-fopenmp", "-march=x86-64-v2" if os.uname().machine == "x86_64" else "-O3"],
                        extra_ldflags=["-fopenmp"], build_directory=str(BUILD), verbose=verbose)
    except Exception as e:  # compiler missing or failing: stay usable, slowly
        _failed = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
        warnings.warn(f"cvdstorm: C++ rasteriser unavailable ({_failed}); using the slow reference renderer",
                      stacklevel=2)
    return _module
