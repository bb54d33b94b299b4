"""File input/output shared by every module: atomic writes, checked reads, MP4 video.

Every writer goes through `atomic_path` (write to a temporary file beside the target, then
`os.replace`), so an interrupted run never leaves a half-written file where a good one was.
Every reader turns a missing or corrupt file into a one-line `CvdError` naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from .errors import CvdError
from .limits import check_memory


_UMASK = os.umask(0)
os.umask(_UMASK)


# ----------------------------------------------------------------------------- faults a user fixes
# a full disk, a used-up quota, a file-size limit (ulimit -f): the user frees space or chooses another --out
_FULL = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
         errno.EFBIG: "the file size limit (ulimit -f) is reached"}
_FULL_FIX = "free space or choose another --out (nothing was replaced)"


def full_disk_errno(e: BaseException) -> int | None:
    """ENOSPC / EDQUOT / EFBIG behind an OSError, or behind a safetensors SafetensorError (which carries it
    only in its text: '... No space left on device (os error 28)'); None for anything else."""
    if isinstance(e, OSError):
        return e.errno if e.errno in _FULL else None
    if type(e).__name__ == "SafetensorError":
        m = re.search(r"os error (\d+)", str(e))
        if m and int(m.group(1)) in _FULL:
            return int(m.group(1))
    return None


def _size(n: float) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e9 else f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def _free_bytes(path: Path) -> int:
    """Free bytes on the file system of `path` (or of its nearest existing parent)."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path).free


def disk_full_error(path: str | os.PathLike, err: int = errno.ENOSPC, needed: str = "",
                    fix: str = _FULL_FIX) -> CvdError:
    """The one line for a full disk while writing `path`: what, how much it needs, how much is free."""
    need = f"needs {needed}, " if needed else ""
    return CvdError(f"{_FULL[err]}: cannot write {path} ({need}{_size(_free_bytes(Path(path)))} free); {fix}")


@contextlib.contextmanager
def full_disk_as_error(path: str | os.PathLike, needed: int = 0, fix: str = _FULL_FIX) -> Iterator[None]:
    """Turn a full disk met inside the block (OSError, SafetensorError) into disk_full_error(path)."""
    try:
        yield
    except Exception as e:
        err = full_disk_errno(e)
        if err is None:
            raise
        raise disk_full_error(path, err, _size(needed) if needed else "", fix) from None


def require_space(path: str | os.PathLike, nbytes: int, fix: str = _FULL_FIX) -> None:
    """Refuse a write of `nbytes` to `path` before it starts when the disk has less free space."""
    if nbytes > _free_bytes(Path(path)):
        raise disk_full_error(path, errno.ENOSPC, _size(nbytes), fix)


def reserve(fd: int, nbytes: int) -> None:
    """Allocate a file's first `nbytes` on disk now (posix_fallocate): the pages of a memory map of it
    can then always be written; a full disk fails here with ENOSPC instead of a SIGBUS later."""
    try:
        os.posix_fallocate(fd, 0, nbytes)
    except OSError as e:
        if e.errno in _FULL:
            raise
        # EINVAL / EOPNOTSUPP: a file system without fallocate; require_space is the check it gets


def new_memmap(path: str | os.PathLike, dtype, shape: tuple[int, ...]) -> np.memmap:
    """np.lib.format.open_memmap(path, "w+", ...) with its blocks reserved first: a full disk is one
    CvdError naming the file and its size, never a SIGBUS while the map is written."""
    path = Path(path)
    nbytes = int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize
    require_space(path, nbytes)
    try:
        with full_disk_as_error(path, nbytes):
            a = np.lib.format.open_memmap(path, "w+", dtype, shape)  # sparse until reserved
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
            try:
                reserve(fd, a.offset + a.nbytes)
            finally:
                os.close(fd)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return a


def fault_point(name: str) -> None:
    """Tests kill the process here, as `kill -9` or a power cut would: CVDSTORM_FAULT=NAME[,NAME...]."""
    if name in os.environ.get("CVDSTORM_FAULT", "").split(","):
        os.kill(os.getpid(), signal.SIGKILL)


# ----------------------------------------------------------------------------- links and folders
def refuse_link(path: str | os.PathLike, what: str) -> None:
    """One CvdError line when `path` is a symbolic link: writers never follow links (a planted link
    would make them empty, overwrite or delete the file it points to)."""
    if os.path.islink(path):
        raise CvdError(f"{path} is a symbolic link (to {os.readlink(path)}) where cvdstorm keeps {what}; "
                       "writers never follow links: remove the link, or give the real path as --out")


def make_folder(path: str | os.PathLike) -> None:
    """mkdir -p; a place where no folder can be made (under /proc, ...) is one CvdError line."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except FileNotFoundError as e:  # other errors (permissions, a file in the way) get the CLI's lines
        raise CvdError(f"cannot write or read {e.filename or path}: {e.strerror}; no folder can be made there, "
                       "choose another --out") from None


def _is_dir(path: Path) -> bool:
    """A real folder (not a link to one)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def _remove_dir(path: Path) -> None:
    """Delete a folder of ours; a link or a file at its name is left alone (never followed)."""
    if _is_dir(path):
        shutil.rmtree(path, ignore_errors=True)


def _tree_bytes(path: Path) -> int:
    return sum(os.lstat(os.path.join(d, f)).st_size for d, _, files in os.walk(path) for f in files)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it is renamed onto `path` (a link
    there is replaced, never followed). A full disk is one CvdError naming `path`."""
    path = Path(path)
    make_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp)
    usual_mode(tmp)  # mkstemp makes 0600 files
    try:
        with full_disk_as_error(path):
            yield tmp
            fault_point(f"replace:{path.name}")
            os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            tmp.unlink()


class FolderLock:
    """`.NAME.lock` beside a folder: an flock held while one process writes the folder (released when
    the process ends, however it ends), with the holder's pid inside for the refusal message.

    The lock file is opened with O_NOFOLLOW and must be a plain file with no other name: a link planted
    there would otherwise have its target emptied and a pid written into it."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.file = self.path.parent / f".{self.path.name}.lock"
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        import fcntl

        make_folder(self.path.parent)
        try:
            fd = os.open(self.file, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                         0o666 & ~_UMASK)
        except OSError as e:
            if e.errno == errno.ELOOP:
                refuse_link(self.file, f"the lock of {self.path}")
            if e.errno == errno.ENOENT:  # e.g. /proc: the folder exists but takes no new files
                raise CvdError(f"cannot write or read {self.file}: {e.strerror}; no file can be made there, "
                               "choose another --out") from None
            raise
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
            os.close(fd)
            raise CvdError(f"{self.file} is not a plain lock file (not a regular file, or a hard link to another "
                           "file); cvdstorm will not write into it: remove it and rerun")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise CvdError(f"{self.path} is being written by another process (pid {pid}); wait for it to finish "
                           f"or choose another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        import fcntl

        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class OutputFolder:
    """A folder that one process at a time writes, published whole.

        with OutputFolder(out) as w:    # lock taken: a second writer of `out` gets one CvdError line
            w.check(overwrite)          # refuse a file, or an existing folder without overwrite
            tmp = w.temp()              # a fresh temporary folder beside `out`
            ...                         # write into tmp
            w.publish()                 # tmp replaces `out`

    The lock (FolderLock) is held from the first check to the publish, so two runs into one `--out`
    cannot interleave their files. Without `publish` (an error, Ctrl-C) `out` is left as it was and the
    temporary folder is removed; a full disk met while writing is one CvdError line.

    Publishing never loses both outputs, whenever the process is killed: the complete new folder is
    first renamed to `.NAME.new` (from then on the publish is decided), the old one to `.NAME.old`, the
    new one to NAME, and only then is the old one deleted. The next writer of `out` (under the lock)
    finishes a publish that was cut short and removes the temporary folders of killed writers.
    `out`, `.NAME.new`, `.NAME.old` and the lock are never followed when they are links.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._new = self.path.parent / f".{self.path.name}.new"
        self._old = self.path.parent / f".{self.path.name}.old"
        self._tmp: Path | None = None
        self._lock = FolderLock(self.path)

    def __enter__(self) -> "OutputFolder":
        self._lock.__enter__()
        try:
            refuse_link(self.path, "its output")
            refuse_link(self._new, f"a new output of {self.path.name} being published")
            refuse_link(self._old, f"the previous output of {self.path.name} while it is replaced")
            self._recover()
            for stale in self.path.parent.glob(f".{self.path.name}.tmp-*"):  # left by a writer that was killed
                _remove_dir(stale)
        except BaseException:
            self._lock.__exit__()
            raise
        return self

    def check(self, overwrite: bool, ours=None, kind: str = "") -> None:
        """Refuse a file where the folder belongs, and an existing non-empty folder unless `overwrite`;
        with `ours` (folder -> bool), also a folder this command did not write (`kind` says what it is)."""
        out = self.path
        if out.exists() and not out.is_dir():
            raise CvdError(f"{out} exists and is a file; choose a folder for --out")
        if out.exists() and any(out.iterdir()):
            if not overwrite:
                raise CvdError(f"{out} already exists; pass --overwrite to replace it or choose another --out")
            if ours is not None and not ours(out):
                raise CvdError(f"{out} is not {kind}; refusing to overwrite it")

    def temp(self) -> Path:
        self._tmp = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.tmp-", dir=self.path.parent))
        os.chmod(self._tmp, 0o777 & ~_UMASK)  # mkdtemp makes 0700 folders
        return self._tmp

    def publish(self) -> Path:
        fault_point("publish:1")
        os.rename(self._tmp, self._new)  # the new output is complete: from here on the publish is decided
        self._tmp = None
        self._finish()
        return self.path

    def _finish(self) -> None:
        """Put the complete `.NAME.new` in place of NAME, keeping the old folder until it is there."""
        if os.path.lexists(self.path):
            _remove_dir(self._old)  # a stale one: a publish killed while it deleted its old folder
            fault_point("publish:2")
            os.rename(self.path, self._old)
        fault_point("publish:3")
        os.rename(self._new, self.path)
        fault_point("publish:4")
        _remove_dir(self._old)

    def _recover(self) -> None:
        """Complete what a killed writer left half done (see the class docstring)."""
        if _is_dir(self._new):
            self._finish()
        elif _is_dir(self._old):
            if os.path.lexists(self.path):
                _remove_dir(self._old)  # the new output is in place; the old one was being deleted
            else:
                os.rename(self._old, self.path)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._tmp is not None:
                tmp, self._tmp = self._tmp, None
                written = _tree_bytes(tmp) if _is_dir(tmp) else 0
                _remove_dir(tmp)
                err = full_disk_errno(exc) if exc is not None else None
                if err is not None:
                    raise disk_full_error(self.path, err, f"more than the {_size(written)} written before it "
                                          "filled; the temporary folder was removed") from None
                if isinstance(exc, CvdError) and str(tmp) in str(exc):  # name the file as it would be published
                    raise CvdError(str(exc).replace(str(tmp), str(self.path))) from None
        finally:
            self._lock.__exit__()


def usual_mode(path: str | os.PathLike) -> None:
    """Give a file the mode a plain open() would (0644 under the usual umask)."""
    os.chmod(path, 0o666 & ~_UMASK)


def save_tensors(tensors: dict, path: str | os.PathLike, metadata: dict[str, str] | None = None) -> None:
    """safetensors.torch.save_file with the usual file mode: safetensors creates its files 0600."""
    from safetensors.torch import save_file

    nbytes = sum(t.numel() * t.element_size() for t in tensors.values())
    require_space(path, nbytes)
    with full_disk_as_error(path, nbytes):
        save_file(tensors, str(path), metadata=metadata)
    usual_mode(path)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def json_bytes(obj: Any, indent: int | None = 1) -> bytes:
    """The bytes `write_json` writes: one encoding for every JSON file cvdstorm makes."""
    return json.dumps(obj, indent=indent).encode()


def write_json(path: str | os.PathLike, obj: Any, indent: int | None = 1) -> None:
    write_bytes(path, json_bytes(obj, indent))


def file_digest(path: str | os.PathLike) -> str:
    """sha256 hex digest of a file, read in 1 MiB chunks (weights files are large)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_json(path: str | os.PathLike, what: str = "file") -> Any:
    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing {what}: {path} does not exist")
    try:
        return json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CvdError(f"corrupt {what}: {path} is not valid JSON ({e}); restore or regenerate it") from None
    except RecursionError:  # json's parser recurses once per level: a file nested 100,000 deep ends it
        raise CvdError(f"corrupt {what}: {path} is nested too deeply to be a cvdstorm/nuScenes file; "
                       "restore or regenerate it") from None


def read_yaml(path: str | os.PathLike, what: str = "file") -> Any:
    """Parse a YAML (or JSON) file; a missing, binary or malformed one is one CvdError line (with the
    line and column of a syntax error)."""
    import yaml

    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing {what}: {path} does not exist")
    try:
        return yaml.safe_load(path.read_text())
    except UnicodeDecodeError:
        raise CvdError(f"{what} {path} is not text (YAML/JSON); restore it or give the right file") from None
    except RecursionError:  # the YAML composer recurses once per nesting level
        raise CvdError(f"{what} {path} is nested too deeply to be a settings file; give the right file") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise CvdError(f"{what} {path} is not valid YAML/JSON{where}: {problem}") from None


def read_npy(path: str | os.PathLike, what: str, mmap_mode: str | None = None) -> np.ndarray:
    """np.load without pickles; a missing or truncated array is one CvdError line."""
    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing {what}: {path} (the run is incomplete; rerun `cvdstorm generate`)")
    try:
        return np.load(path, mmap_mode=mmap_mode, allow_pickle=False)
    except (OSError, ValueError, EOFError) as e:
        raise CvdError(f"corrupt {what}: {path} ({e}); rerun `cvdstorm generate`") from None


def read_npz(path: str | os.PathLike, what: str, max_bytes: dict[str, int]) -> dict[str, np.ndarray]:
    """The arrays of an .npz without pickles. Each member's uncompressed size is read from the zip
    header first and refused above `max_bytes[name]` (what the caller expects, plus the .npy header),
    so a small file that inflates to gigabytes is never inflated; unexpected members are refused too."""
    import zipfile

    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing {what}: {path} does not exist")
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                name = info.filename.removesuffix(".npy")
                if name not in max_bytes:
                    raise CvdError(f"corrupt {what}: {path} holds an unexpected member {info.filename!r} "
                                   f"(expected {sorted(max_bytes)}); regenerate it")
                if info.file_size > max_bytes[name] + 4096:  # the .npy header is at most a few hundred bytes
                    raise CvdError(f"corrupt {what}: {path} member {info.filename!r} inflates to {info.file_size} "
                                   f"bytes, more than the {max_bytes[name]} its data needs; regenerate it")
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as e:
        raise CvdError(f"corrupt {what} {path} ({e}); regenerate it") from None


def write_image(path: str | os.PathLike, array: np.ndarray, **save_kwargs) -> None:
    """Write a uint8 [H, W, 3] / [H, W] or uint16 [H, W] array as an image (format from the suffix)."""
    from PIL import Image

    path = Path(path)
    with atomic_path(path) as tmp:
        Image.fromarray(array).save(tmp, format=_PIL_FORMATS.get(path.suffix.lower(), None), **save_kwargs)


_PIL_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}


# Decoding an image and converting it to float (clips, resizing) takes about this many bytes per pixel.
IMAGE_BYTES_PER_PIXEL = 24


def read_image(path: str | os.PathLike, what: str = "image", mode: str | None = None) -> np.ndarray:
    """Read an image fully (so truncation is detected) into a numpy array (converted to PIL `mode`,
    e.g. "RGB", when given); an image too large for the memory limit (limits.py) is refused from its
    header, before decoding."""
    with _open_image(path, what) as im:
        w, h = im.size
        check_memory(w * h * IMAGE_BYTES_PER_PIXEL, f"{what} {path} ({w}x{h} pixels)",
                     "replace it with an image of the dataset's size")
        im.load()
        return np.asarray(im.convert(mode) if mode else im)


def image_size(path: str | os.PathLike, what: str = "image") -> tuple[int, int]:
    """(width, height) of an image from its header, without decoding the pixels."""
    with _open_image(path, what) as im:
        return im.size


@contextlib.contextmanager
def _open_image(path: str | os.PathLike, what: str):
    """The PIL image of `path`; a missing or undecodable file is one CvdError naming it."""
    from PIL import Image

    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing {what}: {path} does not exist")
    # PIL's own decompression-bomb guard warns (two lines) above 89M pixels and raises above 179M:
    # read_image applies the memory limit instead, with one line naming the file
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(path) as im:
            yield im
    except (OSError, SyntaxError, ValueError) as e:
        raise CvdError(f"corrupt {what}: {path} cannot be decoded ({e}); re-copy or regenerate it") from None


MAX_VIDEO_SIDE = 16384   # libx264 refuses wider or taller frames (and ffmpeg then writes an empty file)


def check_video_size(width: int, height: int, what: str, fix: str) -> None:
    if max(width, height) > MAX_VIDEO_SIDE:
        raise CvdError(f"{what} makes video frames of {width}x{height} pixels, more than the {MAX_VIDEO_SIDE} an "
                       f"H.264 MP4 can hold; {fix}")


def write_video(path: str | os.PathLike, frames: Iterable[np.ndarray], fps: float = 12.0,
                quality: int = 7) -> int:
    """Encode uint8 [H, W, 3] frames as an H.264 MP4 (yuv420p, plays in browsers). Returns frame count.

    Uses imageio-ffmpeg's bundled ffmpeg, so no system ffmpeg is needed. Odd sizes are padded to
    even (H.264 with yuv420p needs even dimensions).
    """
    import imageio.v2 as imageio

    path = Path(path)
    n = 0
    with atomic_path(path) as tmp:
        writer = imageio.get_writer(tmp, format="FFMPEG", mode="I", fps=fps, codec="libx264",
                                    quality=quality, pixelformat="yuv420p", macro_block_size=1,
                                    ffmpeg_log_level="fatal",  # its write errors become our one line below
                                    output_params=["-movflags", "+faststart"])
        try:
            for frame in frames:
                frame = np.ascontiguousarray(frame)
                h, w = frame.shape[:2]
                if n == 0:
                    check_video_size(w, h, f"{path}", "write smaller frames")
                if h % 2 or w % 2:
                    frame = np.pad(frame, ((0, h % 2), (0, w % 2), (0, 0)), mode="edge")
                writer.append_data(frame)
                n += 1
        finally:
            writer.close()
        if n == 0:
            raise CvdError(f"no frames to write to {path}")
        if not _mp4_complete(tmp):  # ffmpeg's exit status never reaches us through imageio
            _video_failed(path, tmp)
    return n


def _mp4_complete(path: Path) -> bool:
    """Whether an MP4's top-level boxes exactly fill the file and include moov and mdat: an ffmpeg that
    ran out of disk leaves its file without them, and imageio reports no error."""
    size, pos, seen = path.stat().st_size, 0, set()
    with open(path, "rb") as f:
        while pos < size:
            f.seek(pos)
            head = f.read(16)
            n = int.from_bytes(head[:4], "big") if len(head) >= 8 else -1
            if n == 1 and len(head) == 16:  # a 64-bit box size follows the type
                n = int.from_bytes(head[8:16], "big")
            elif n == 0:  # the box runs to the end of the file
                n = size - pos
            if n < 8:
                return False
            seen.add(head[4:8])
            pos += n
    return pos == size and {b"moov", b"mdat"} <= seen


def _video_failed(path: Path, tmp: Path) -> None:
    """The one line for an MP4 that ffmpeg could not finish: a full disk or the file-size limit, else unknown."""
    import resource

    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit != resource.RLIM_INFINITY and tmp.stat().st_size + (1 << 20) >= limit:
        raise disk_full_error(path, errno.EFBIG)
    if _free_bytes(tmp) < (1 << 20):  # ffmpeg writes in chunks below 1 MiB: less free than that is a full disk
        raise disk_full_error(path, errno.ENOSPC)
    raise CvdError(f"ffmpeg could not finish {path} (the MP4 is incomplete); check the disk and rerun "
                   "(nothing was replaced)")


def read_video(path: str | os.PathLike) -> np.ndarray:
    """Decode an MP4 into uint8 [N, H, W, 3] (used by tests and the report)."""
    import imageio.v2 as imageio

    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing video: {path} does not exist")
    reader = imageio.get_reader(path, format="FFMPEG")
    try:
        return np.stack([np.asarray(f) for f in reader])
    finally:
        reader.close()
