"""Run by `make setup`: checks the install and builds what must be compiled on this machine."""

import sys
import time


def main() -> int:
    import torch

    print(f"cvdstorm setup: python {sys.version.split()[0]}, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, cuda {torch.cuda.is_available()}")
    from .render import _ext

    t0 = time.perf_counter()
    ok = _ext.load() is not None
    print(f"cvdstorm setup: C++ rasteriser {'ready' if ok else 'NOT built (slow fallback)'} "
          f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
