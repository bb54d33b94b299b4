"""3D Gaussian Splatting `.ply` files: write our Gaussians in the layout common 3DGS viewers read.

Layout (as written by the original 3DGS code, binary little-endian, one vertex per Gaussian):
x y z, nx ny nz (zeros), f_dc_0..2 (SH degree-0 colour), [f_rest_0..44 when sh_degree=3], opacity
(logit), scale_0..2 (log), rot_0..3 (quaternion w, x, y, z, not necessarily normalised).
Velocities, which the format has no place for, go into a sidecar `.npz` beside the file
(`velocities [N, 3]`, metres per second, plus the window's reference time).

Colours: the DC coefficient c relates to RGB as rgb = 0.5 + C0 * c with C0 = 0.28209479 (the SH
basis constant), as in the 3DGS code; opacities and scales are stored pre-activation (logit, log).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..errors import CvdError
from ..io import atomic_path, read_npz
from ..limits import check_memory

SH_C0 = 0.28209479177387814


def _props(sh_degree: int) -> list[str]:
    rest = [f"f_rest_{i}" for i in range(3 * ((sh_degree + 1) ** 2 - 1))]
    return (["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2", *rest, "opacity",
             "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"])


def write_gaussians_ply(path: str | os.PathLike, means, quats, scales, opacities, colors,
                        velocities=None, time: float = 0.0, sh_degree: int = 0) -> Path:
    """Write N Gaussians; arrays are numpy or torch, scales linear, opacities and colors in [0, 1].

    means [N, 3], quats [N, 4] (w, x, y, z), scales [N, 3], opacities [N], colors [N, 3] (RGB),
    velocities [N, 3] or None. Returns the path written.
    """
    arrs = [np.asarray(_np(a), dtype=np.float64) for a in (means, quats, scales, opacities, colors)]
    means, quats, scales, opacities, colors = arrs
    n = len(means)
    for name, a, shape in (("quats", quats, (n, 4)), ("scales", scales, (n, 3)), ("opacities", opacities, (n,)),
                           ("colors", colors, (n, 3)), ("means", means, (n, 3))):
        if a.shape != shape:
            raise CvdError(f"write_gaussians_ply: {name} has shape {a.shape}, expected {shape}")
        if not np.isfinite(a).all():
            raise CvdError(f"write_gaussians_ply: {name} contains NaN/Inf; refusing to write {path}")
    eps = 1e-6
    names = _props(sh_degree)
    data = np.zeros(n, dtype=[(k, "<f4") for k in names])
    for i, k in enumerate("xyz"):
        data[k] = means[:, i]
    for i in range(3):
        data[f"f_dc_{i}"] = (colors[:, i] - 0.5) / SH_C0
        data[f"scale_{i}"] = np.log(np.maximum(scales[:, i], eps))
    op = np.clip(opacities, eps, 1 - eps)
    data["opacity"] = np.log(op / (1 - op))
    for i in range(4):
        data[f"rot_{i}"] = quats[:, i]
    header = "\n".join(["ply", "format binary_little_endian 1.0", f"element vertex {n}",
                        *[f"property float {k}" for k in names], "end_header"]) + "\n"
    path = Path(path)
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as f:
            f.write(header.encode("ascii"))
            f.write(data.tobytes())
    if velocities is not None:
        vel = np.asarray(_np(velocities), dtype=np.float32)
        if vel.shape != (n, 3):
            raise CvdError(f"write_gaussians_ply: velocities has shape {vel.shape}, expected {(n, 3)}")
        with atomic_path(path.with_suffix(".velocity.npz")) as tmp:
            with open(tmp, "wb") as f:
                np.savez(f, velocities=vel, time=np.float64(time))
    return path


def read_gaussians_ply(path: str | os.PathLike) -> dict[str, np.ndarray]:
    """Parse a binary little-endian 3DGS .ply into activated arrays (means, quats, scales, ...)."""
    path = Path(path)
    if not path.is_file():
        raise CvdError(f"missing Gaussian file: {path} does not exist")
    # the file, its float32 view and the activated float64 arrays: about 4x the file's size
    check_memory(path.stat().st_size * 4, f"reading the Gaussians of {path}", "regenerate the run with fewer Gaussians")
    raw = path.read_bytes()
    end = raw.find(b"end_header\n")
    if not raw.startswith(b"ply\n") or end < 0:
        raise CvdError(f"{path} is not a PLY file (no ply header)")
    lines = raw[:end].decode("ascii", errors="replace").splitlines()
    if "format binary_little_endian 1.0" not in lines:
        raise CvdError(f"{path}: only binary_little_endian PLY is supported")
    counts = [l.split()[2:3] for l in lines if l.startswith("element vertex")]
    if len(counts) != 1 or not counts[0] or not counts[0][0].isdigit():
        raise CvdError(f"{path}: corrupt PLY header (needs one 'element vertex N' line); regenerate the run")
    n = int(counts[0][0])
    props = [l.split()[2] for l in lines if l.startswith("property float") and len(l.split()) > 2]
    lacking = sorted(set(_props(0)) - set(props))
    if lacking:
        raise CvdError(f"{path}: the PLY lacks the 3DGS properties {lacking}; regenerate the run")
    body = raw[end + len(b"end_header\n"):]
    if len(body) < n * 4 * len(props):
        raise CvdError(f"{path} is truncated: header promises {n} Gaussians")
    v = np.frombuffer(body, dtype=[(k, "<f4") for k in props], count=n)
    out = {
        "means": np.stack([v["x"], v["y"], v["z"]], -1),
        "colors": 0.5 + SH_C0 * np.stack([v[f"f_dc_{i}"] for i in range(3)], -1),
        "opacities": 1 / (1 + np.exp(-v["opacity"].astype(np.float64))),
        "scales": np.exp(np.stack([v[f"scale_{i}"] for i in range(3)], -1)),
        "quats": np.stack([v[f"rot_{i}"] for i in range(4)], -1),
        "properties": np.array(props),
    }
    side = path.with_suffix(".velocity.npz")
    if side.is_file():
        # float32 velocities [n, 3] and a float64 time: a member inflating beyond that is refused unread
        z = read_npz(side, "velocity sidecar", {"velocities": n * 3 * 4, "time": 8})
        if "velocities" not in z or "time" not in z:
            raise CvdError(f"corrupt velocity sidecar {side} (needs velocities and time); regenerate the run")
        out["velocities"], out["time"] = z["velocities"], z["time"]
        if out["velocities"].shape != out["means"].shape:
            raise CvdError(f"{side}: velocities have shape {out['velocities'].shape}, the PLY {out['means'].shape}")
    return out


def _np(a):
    return a.detach().cpu().numpy() if hasattr(a, "detach") else a
