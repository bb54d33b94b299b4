"""The path policy: names that come from files never reach outside their root.

Datasets, run folders and rig files are downloaded and shared, so every name inside them (camera
names, sample_data / map filenames, locations, scene names, file names listed in a run folder) is
untrusted. Every reader and writer that joins such a name to a folder goes through one of these:

  plain_name(name, what)        one path component (a file or folder name): not empty, not "." or
                                "..", no "/", "\\", NUL or control character, at most 255 bytes
  inside(root, rel, what)       a relative path ("samples/CAM_FRONT/x.jpg"): no absolute path, no ".."
                                component, and once resolved (symlinks followed) still under root
  contained(root, path)         whether an existing path, resolved, lies under root (folder listings)

`what` names the record and field ("sample_data 3f2a filename in .../sample_data.json"); the error
is one CvdError line with it, the offending value and the fix.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path, PurePosixPath

from .errors import CvdError

MAX_NAME_BYTES = 255   # the longest file name ext4 / most file systems take


def _bad_char(text: str) -> str | None:
    for c in text:
        if c == "\0" or ord(c) < 32 or ord(c) == 127:
            return repr(c)
    return None


def plain_name(name, what: str) -> str:
    """`name` as one safe path component, or a CvdError naming `what`."""
    if not isinstance(name, str) or not name:
        raise CvdError(f"{what} must be a non-empty name, got {name!r}; fix the file that gives it")
    why = ("is '.' or '..'" if name in (".", "..") else
           "contains a path separator" if "/" in name or "\\" in name else
           f"contains the control character {_bad_char(name)}" if _bad_char(name) else
           f"is longer than {MAX_NAME_BYTES} bytes" if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
           else None)
    if why:
        raise CvdError(f"{what} {name!r} {why}: it must be a plain file name (it is used as one); "
                       "fix the file that gives it")
    return name


def inside(root: str | os.PathLike, rel, what: str) -> Path:
    """root / rel for a relative path `rel` read from a file, refused (CvdError naming `what`) when it
    is absolute, has a '..' component or resolves (through symlinks) outside root."""
    if not isinstance(rel, str) or not rel:
        raise CvdError(f"{what} must be a non-empty relative path, got {rel!r}; fix the record")
    parts = PurePosixPath(rel.replace("\\", "/")).parts
    why = ("is an absolute path" if rel.startswith(("/", "\\")) or (len(rel) > 1 and rel[0].isalpha() and rel[1] == ":") else
           "has a '..' component" if ".." in parts else
           f"contains the control character {_bad_char(rel)}" if _bad_char(rel) else None)
    root = Path(root)
    path = root.joinpath(*parts) if not why else None
    if path is not None and not contained(root, path):
        why = "leads outside it through a symlink"
    if why:
        raise CvdError(f"{what} {rel!r} {why}, but it must name a file inside {root}; fix the record "
                       "(or copy the file into the folder)")
    return path


def contained(root: str | os.PathLike, path: str | os.PathLike) -> bool:
    """Whether `path` (existing or not), with every symlink resolved, lies under `root` resolved."""
    return Path(os.path.realpath(path)).is_relative_to(_resolved(os.fspath(root)))


@functools.lru_cache(maxsize=64)
def _resolved(root: str) -> Path:
    # a clip reads ~250 files under one root: resolve the root once (a dataroot does not move mid-run)
    return Path(os.path.realpath(root))
