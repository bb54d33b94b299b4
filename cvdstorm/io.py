"""File input/output shared by every module: atomic writes, checked reads, MP4 video.

Every writer goes through `atomic_path` (write to a temporary file beside the target, then
`os.replace`), so an interrupted run never leaves a half-written file where a good one was.
Every reader turns a missing or corrupt file into a one-line `CvdError` naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from .errors import CvdError
from .limits import check_memory


_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it is renamed onto `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp)
    usual_mode(tmp)  # mkstemp makes 0600 files
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


class OutputFolder:
    """A folder that one process at a time writes, published in one rename.

        with OutputFolder(out) as w:    # lock taken: a second writer of `out` gets one CvdError line
            tmp = w.temp()              # a fresh temporary folder beside `out`
            ...                         # write into tmp
            w.publish()                 # tmp replaces `out`

    The lock (`.NAME.lock` beside the folder, an flock released when the process ends, however it
    ends) is held from the first check to the rename, so two runs into one `--out` cannot interleave
    their files; temporary folders of a writer that was killed are removed by the next one. Without
    `publish` (an error, Ctrl-C) `out` is left as it was.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._tmp: Path | None = None
        self._lock = None

    def __enter__(self) -> "OutputFolder":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path.parent / f".{self.path.name}.lock", "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            pid = fh.read().strip() or "unknown"
            fh.close()
            raise CvdError(f"{self.path} is being written by another process (pid {pid}); wait for it to finish "
                           f"or choose another --out") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self._lock = fh
        for stale in self.path.parent.glob(f".{self.path.name}.tmp-*"):  # left by a writer that was killed
            shutil.rmtree(stale, ignore_errors=True)
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
        old = None
        if self.path.exists():
            old = self.path.parent / f".{self.path.name}.tmp-old-{os.getpid()}"
            self.path.rename(old)
        self._tmp.rename(self.path)
        self._tmp = None
        if old is not None:
            shutil.rmtree(old)
        return self.path

    def __exit__(self, *exc) -> None:
        import fcntl

        if self._tmp is not None and self._tmp.exists():
            shutil.rmtree(self._tmp, ignore_errors=True)
        fcntl.flock(self._lock, fcntl.LOCK_UN)
        self._lock.close()


def usual_mode(path: str | os.PathLike) -> None:
    """Give a file the mode a plain open() would (0644 under the usual umask)."""
    os.chmod(path, 0o666 & ~_UMASK)


def save_tensors(tensors: dict, path: str | os.PathLike, metadata: dict[str, str] | None = None) -> None:
    """safetensors.torch.save_file with the usual file mode: safetensors creates its files 0600."""
    from safetensors.torch import save_file

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
                                    ffmpeg_log_level="error",
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
    return n


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
