"""Exact ray casting against the synthetic world (synth_layout): the ground plane and every solid box.

In:  a Scene, a scene time t, a ray origin [3] and directions [N, 3] (world frame), optionally the
     boxes to test with per-box ray subsets or tiles and lower bounds (culling by the caller).
Out: `cast_rays(...) -> Hits`: per ray the first hit's ray parameter (inf = sky), semantic class,
     box id (-1 = ground or sky), world normal, box-frame and world hit point, so camera depth,
     semantics, shading and LiDAR all share one geometry.

Camera ray directions are not normalised: with K^-1 [u, v, 1] rotated to the world, the ray
parameter is the camera z-depth itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .layout import ROAD, SKY, Scene, ground_class


@dataclass
class Hits:
    depth: np.ndarray     # [N] ray parameter (camera z for camera rays), inf for sky
    cls: np.ndarray       # [N] semantic class
    box: np.ndarray       # [N] box index, -1 for ground/sky
    normal: np.ndarray    # [N, 3] world normal
    local: np.ndarray     # [N, 3] hit point in the box frame (ground: world point)
    point: np.ndarray     # [N, 3] world hit point


TILE = 16                  # camera rays are cast in TILE x TILE pixel tiles (see cast_rays `tiles`)
TT = TILE * TILE


def cast_rays(scene: Scene, t: float, origin: np.ndarray, dirs: np.ndarray, box_ids=None,
              regions=None, lower=None, max_t: float = np.inf, tiles=None) -> Hits:
    """Exact first hits of rays origin + s * dirs (s > 0) at scene time t.

    dirs [N, 3]. box_ids: boxes to test (default all solid boxes). regions: optional list parallel
    to box_ids of index arrays (or slices) of the rays each box can possibly hit (screen-space
    culling). lower: optional [len(box_ids)] lower bounds of the ray parameter at which each box
    can be hit; boxes are best given nearest first, so rays already hit in front of a box skip it.
    tiles: instead of regions, a list of tile-id arrays per box for rays laid out tile-major
    (N = n_tiles * TT, tile k owning rays [k*TT, (k+1)*TT)); a box then skips every tile whose
    farthest hit so far is nearer than its lower bound (hierarchical occlusion culling).
    """
    n = len(dirs)
    # structure of arrays: 1-D passes are several times faster than [N, 3] reductions in numpy
    dx, dy, dz = (np.ascontiguousarray(dirs[:, k]) for k in range(3))
    with np.errstate(divide="ignore", invalid="ignore"):
        tg = np.where(dz < -1e-12, -origin[2] / dz, np.inf)  # ground plane z = 0
    best = np.where(tg < max_t, tg, np.inf)
    box = np.full(n, -1, np.int64)
    axis_hit = np.full(n, 2, np.int8)      # slab axis of the hit face (box frame); ground: z
    sign_hit = np.ones(n, np.float64)      # outward normal sign along that axis
    bx = scene.boxes
    centers = bx.centers(t)
    ids = np.nonzero(bx.solid)[0] if box_ids is None else box_ids
    all_rays = np.arange(n)
    if tiles is not None:
        best2d = best.reshape(-1, TT)        # a view: tile_max follows best
        tile_max = best2d.max(1)
        in_tile = np.arange(TT)
    for k, i in enumerate(ids):
        if tiles is not None:
            tids = tiles[k][tile_max[tiles[k]] > lower[k]]
            if len(tids) == 0:
                continue
            sel = (tids[:, None] * TT + in_tile).ravel()
        else:
            sel = all_rays if regions is None or isinstance(regions[k], slice) else regions[k]
        if lower is not None:
            sel = sel[best[sel] > lower[k]]   # occlusion culling: something nearer already hit
        if len(sel) == 0:
            continue
        c, s = math.cos(bx.yaw[i]), math.sin(bx.yaw[i])
        # into the box frame: R^T (p - centre)
        o = origin - centers[i]
        ox, oy, oz = c * o[0] + s * o[1], -s * o[0] + c * o[1], o[2]
        ddx, ddy = dx[sel], dy[sel]
        lx, ly, lz = c * ddx + s * ddy, c * ddy - s * ddx, dz[sel]
        hx, hy, hz = bx.size[i] / 2
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ax, bxx = (-hx - ox) / lx, (hx - ox) / lx
            ay, byy = (-hy - oy) / ly, (hy - oy) / ly
            az, bzz = (-hz - oz) / lz, (hz - oz) / lz
        nx, fx = np.minimum(ax, bxx), np.maximum(ax, bxx)
        ny, fy = np.minimum(ay, byy), np.maximum(ay, byy)
        nz, fz = np.minimum(az, bzz), np.maximum(az, bzz)
        tnear = np.maximum(np.maximum(nx, ny), nz)
        tfar = np.minimum(np.minimum(fx, fy), fz)
        hit = (tnear <= tfar) & (tnear > 1e-6) & (tnear < best[sel])
        if not hit.any():
            continue
        idx = sel[hit]
        th = tnear[hit]
        best[idx] = th
        box[idx] = i
        # which face: the slab whose entry parameter is the largest
        ax_ = np.where((nx[hit] >= ny[hit]) & (nx[hit] >= nz[hit]), 0, np.where(ny[hit] >= nz[hit], 1, 2))
        axis_hit[idx] = ax_
        ldir = np.where(ax_ == 0, lx[hit], np.where(ax_ == 1, ly[hit], lz[hit]))
        sign_hit[idx] = -np.sign(ldir)
        if tiles is not None:
            touched = np.unique(idx // TT)
            tile_max[touched] = best2d[touched].max(1)
    finite = np.isfinite(best)
    tb = np.where(finite, best, 0.0)
    point = origin + tb[:, None] * dirs
    # box-frame hit points and world normals, only for the rays that hit a box
    local = point.copy()
    normal = np.zeros((n, 3))
    normal[finite, 2] = 1.0
    hb = np.nonzero(box >= 0)[0]
    if len(hb):
        bi = box[hb]
        c, s = np.cos(bx.yaw[bi]), np.sin(bx.yaw[bi])
        rel = point[hb] - centers[bi]
        local[hb] = np.stack([c * rel[:, 0] + s * rel[:, 1], c * rel[:, 1] - s * rel[:, 0], rel[:, 2]], -1)
        nl = np.zeros((len(hb), 3))
        nl[np.arange(len(hb)), axis_hit[hb]] = sign_hit[hb]
        normal[hb] = np.stack([c * nl[:, 0] - s * nl[:, 1], s * nl[:, 0] + c * nl[:, 1], nl[:, 2]], -1)
    cls = np.where(box >= 0, bx.cls[np.maximum(box, 0)], np.where(finite, ROAD, SKY))
    ground = (box < 0) & finite
    if ground.any():
        cls[ground] = ground_class(point[ground, 0], point[ground, 1])
    return Hits(best, cls, box, normal, local, point)
