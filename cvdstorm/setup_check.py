"""Run by `make setup`: checks the install and builds what must be compiled on this machine."""

import sys


def main() -> int:
    import torch

    print(f"cvdstorm setup: python {sys.version.split()[0]}, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, cuda {torch.cuda.is_available()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
