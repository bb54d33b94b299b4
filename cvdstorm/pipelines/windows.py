"""The windows of a long generation: which frames each covers, its own world frame, and its decoding.

In:  a clip (data.clips layout) or a window's latents [T, V, C, h, w] with its cameras and times; a trained
     STORM-VAE. Out: `window_plan` -> [(start, fixed)] windows of a run; `window_frame` -> a window in its own
     world (where the models were trained); `decode_window` -> its frames, GS-decoder depth and Gaussians;
     `window_gaussians` -> those Gaussians moved to a time and into the run's world (a GaussianWindows item).
Used by generation (generate.py), the reconstruction of real clips (reconstruct.py) and the windowed GS
depth of real frames (`CVDStormPipeline.windowed_depth`).
"""

from __future__ import annotations

import numpy as np
import torch

from ..errors import require
from ..geometry import invert_pose, quat_multiply, rotmat_to_quat
from ..images import to_uint8
from ..models.storm_vae import StormVAE
from .run import WINDOW_KEYS


def decode_window(vae: StormVAE, z: torch.Tensor, K: torch.Tensor, c2w: torch.Tensor, times: torch.Tensor,
                  ctx: list[int], first: int, H: int, W: int) -> tuple[np.ndarray, np.ndarray, object]:
    """One window's latents z [T, V, C, h, w] (cameras K [T, V, 3, 3], c2w [T, V, 4, 4], times [T] in
    the window's world) -> frames uint8 [n, V, H, W, 3] and GS-decoder depth float32 [n, V, H, W] of
    frames first..T-1 (n of them), and the Gaussians the GS decoder made from the context frames."""
    dev = next(vae.parameters()).device
    n, V = z.shape[0] - first, z.shape[1]
    rgb = to_uint8(vae.decode(z[first:].to(dev)).clamp(-1, 1))
    gs = vae.gs_decode(z[ctx][None].to(dev), K[ctx][None].to(dev), c2w[ctx][None].to(dev), times[ctx][None].to(dev))
    rend = vae.render(gs, c2w[first:].reshape(1, -1, 4, 4).to(dev), K[first:].reshape(1, -1, 3, 3).to(dev),
                      times[first:].repeat_interleave(V)[None].float().to(dev), torch.arange(V).repeat(n)[None].to(dev),
                      H, W)
    return rgb, rend["depth"].reshape(n, V, H, W).cpu().numpy(), gs


def window_frame(clip: dict, start: int, T: int) -> tuple[slice, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Window [start, start + T) of a clip in its own world (the ego pose of its first frame, where the
    models were trained): (frames slice, e2w [4, 4] window world in clip world, c2w [T, V, 4, 4],
    times [T] seconds from the window's first frame)."""
    sl = slice(start, start + T)
    e2w = clip["ego_to_world"][start]
    return sl, e2w, invert_pose(e2w) @ clip["cam_to_world"][sl], clip["timestamps"][sl] - clip["timestamps"][start]


def window_gaussians(gs, at: float, e2w: torch.Tensor | None = None, start: float = 0.0) -> dict:
    """The GS decoder's Gaussians moved to time `at` (seconds in the window's times), in the world of
    e2w [4, 4] (the window's world in the run world; None: the window's own) -> a GaussianWindows item
    whose time is `at` in run time (the window's times start at `start` there)."""
    g = gs.gaussians
    if e2w is None:
        out = {k: getattr(g, k)[0] for k in WINDOW_KEYS}
    else:
        R, t = e2w[:3, :3], e2w[:3, 3]
        q = torch.from_numpy(rotmat_to_quat(R.double().cpu().numpy())).to(g.quats)
        out = {"means": g.means[0] @ R.T + t, "quats": quat_multiply(q.expand_as(g.quats[0]), g.quats[0]),
               "scales": g.scales[0], "opacities": g.opacities[0], "colors": g.colors[0],
               "velocities": g.velocities[0] @ R.T}
    dt = at - gs.gaussian_times[0]
    out["means"] = out["means"] + out["velocities"] * dt[:, None].to(out["means"])
    return {**{k: v.cpu().numpy() for k, v in out.items()}, "time": start + at}


def window_plan(frames: int, window: int, overlap: int, references: int) -> list[tuple[int, int]]:
    """[(start, fixed)]: window k covers [start, start + window) with its first `fixed` frames held
    as references (real ones in window 0, generated ones after)."""
    require(frames >= window, f"generate at least one window ({window} frames); got {frames}")
    require(0 <= references < window, f"references must be in [0, {window}), got {references}")
    require(0 < overlap < window, f"overlap must be in [1, {window}), got {overlap}")
    plan, end = [(0, references)], window
    while end < frames:
        start = min(end - overlap, frames - window)
        plan.append((start, end - start))
        end = start + window
    return plan
