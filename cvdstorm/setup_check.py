"""Run by `make setup`: checks the install and builds what must be compiled on this machine.

In: nothing. Out: exit status 0, and a few lines on stdout (python/torch/threads; the processor, its
SIMD capability and whether it computes bf16 natively, with the precision `mixed_precision: auto`
resolves to here; the rasteriser kernel: built in how long, or why not; the slower PyTorch compositor
is used then; where FVD's I3D weights are, or how to install them).
"""

import sys
import time


def main() -> int:
    import torch

    from .hardware import default_threads, describe, resolve_precision

    torch.set_num_threads(default_threads())
    print(f"cvdstorm setup: python {sys.version.split()[0]}, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, cuda {torch.cuda.is_available()}")
    for device in ["cpu"] + (["cuda"] if torch.cuda.is_available() else []):
        auto = resolve_precision("auto", device).name
        print(f"cvdstorm setup: {device}: {describe(device)}; training mixed_precision auto -> "
              f"{'bf16' if auto == 'bf16' else 'float32'}")
    from .render import kernel

    t0 = time.perf_counter()
    state = kernel.status()
    print(f"cvdstorm setup: C++ rasteriser {state} ({time.perf_counter() - t0:.1f} s)"
          + ("" if state == "ready" else "; rasterize will use the slower PyTorch compositor"))
    from .errors import CvdError
    from .eval.i3d import weights_path

    try:  # FVD's network: a missing file only turns FVD off (with this line saying how to fix it)
        print(f"cvdstorm setup: FVD I3D weights {weights_path()}")
    except CvdError as e:
        print(f"cvdstorm setup: {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
