"""Clipping for drawing 3D lines into pinhole cameras (numpy).

In:  camera-frame segments (x right, y down, z forward), 2D pixel segments, 2D point sets.
Out: the part of each segment in front of the near plane (`clip_segments_near`), the part inside
     an image rectangle (`clip_segments_rect`, Liang-Barsky), the convex hull of points
     (`convex_hull`), the projected outline of a box cut at the near plane (`box_outline`) and a
     convex polygon clipped to a rectangle (`clip_polygon_rect`).

Why clip in 3D first: a segment with one end behind the camera projects to a line through the
point at infinity; projecting its endpoints and joining them draws the wrong (wrapped) line.
Cutting it at z = near keeps exactly the visible part.
"""

from __future__ import annotations

import numpy as np

from .boxes import BOX_EDGES


def clip_segments_near(p0: np.ndarray, p1: np.ndarray, near: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut camera-frame segments [S, 3] at the plane z = near.

    Returns (a [S, 3], b [S, 3], keep [S] bool): for kept segments, a-b is the part with z >= near;
    segments entirely behind the plane have keep = False (their a, b are meaningless).
    """
    p0 = np.asarray(p0, np.float64)
    p1 = np.asarray(p1, np.float64)
    z0, z1 = p0[:, 2], p1[:, 2]
    keep = (z0 >= near) | (z1 >= near)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(z1 != z0, (near - z0) / (z1 - z0), 0.0)[:, None]
    cut = p0 + t * (p1 - p0)
    cut[:, 2] = near  # exact, whatever the rounding of t
    a = np.where((z0 < near)[:, None], cut, p0)
    b = np.where((z1 < near)[:, None], cut, p1)
    return a, b, keep


def clip_segments_rect(a: np.ndarray, b: np.ndarray, x0: float, y0: float, x1: float,
                       y1: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Liang-Barsky: clip 2D segments [S, 2] to the rectangle [x0, x1] x [y0, y1].

    Returns (a' [S, 2], b' [S, 2], inside [S] bool). Projected segments close to the near plane can
    be millions of pixels long; clipping them exactly keeps the drawn part straight where bounding
    the coordinates would bend it, and lets the rasteriser skip what is off screen.
    """
    a = np.asarray(a, np.float64)
    b = np.asarray(b, np.float64)
    d = b - a
    t0, t1 = np.zeros(len(a)), np.ones(len(a))
    inside = np.isfinite(a).all(1) & np.isfinite(b).all(1)
    for p, q in ((-d[:, 0], a[:, 0] - x0), (d[:, 0], x1 - a[:, 0]), (-d[:, 1], a[:, 1] - y0), (d[:, 1], y1 - a[:, 1])):
        par = p == 0
        inside &= ~(par & (q < 0))  # parallel to this edge and outside it
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(par, 0.0, q / np.where(par, 1.0, p))
        t0 = np.where(~par & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~par & (p > 0), np.minimum(t1, r), t1)
    inside &= t0 <= t1
    return a + t0[:, None] * d, a + t1[:, None] * d, inside


def convex_hull(points: np.ndarray) -> np.ndarray:
    """Convex hull [K, 2] (counter-clockwise, no repeated end point) of 2D points [N, 2]; monotone chain."""
    pts = np.unique(np.asarray(points, np.float64), axis=0)  # sorted by x, then y
    if len(pts) < 3:
        return pts

    def half(seq):
        out: list[np.ndarray] = []
        for p in seq:
            while len(out) >= 2:
                (ax, ay), (bx, by) = out[-1] - out[-2], p - out[-2]
                if ax * by - ay * bx > 0:  # a left turn: keep
                    break
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])


def box_outline(corners_cam: np.ndarray, K: np.ndarray, near: float) -> np.ndarray | None:
    """Pixel outline [K, 2] of a box (corners [8, 3] in camera frame) cut at z = near, or None.

    The part of a convex box in front of a plane is convex; its vertices are the corners in front
    plus the points where edges cross the plane, so its image is the hull of their projections.
    """
    e = np.array(BOX_EDGES)
    a, b, keep = clip_segments_near(corners_cam[e[:, 0]], corners_cam[e[:, 1]], near)
    if not keep.any():
        return None
    v = np.concatenate([a[keep], b[keep]])
    uv = v[:, :2] / v[:, 2:] @ K[:2, :2].T + K[:2, 2]
    hull = convex_hull(uv)
    return hull if len(hull) >= 3 else None


def clip_polygon_rect(poly: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """Sutherland-Hodgman: the part [K, 2] of a polygon [N, 2] inside [x0, x1] x [y0, y1] (exact
    for convex polygons; may be empty). Keeps far-off vertices out of integer rasterisers."""
    out = np.asarray(poly, np.float64)
    for axis, bound, keep_ge in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        if not len(out):
            break
        nxt = np.roll(out, -1, axis=0)
        s = out[:, axis] - bound if keep_ge else bound - out[:, axis]  # >= 0: inside this edge
        sn = np.roll(s, -1)
        pts = []
        for p, q, sp, sq in zip(out, nxt, s, sn):
            if sp >= 0:
                pts.append(p)
            if (sp >= 0) != (sq >= 0):  # the edge p -> q crosses the boundary
                pts.append(p + (q - p) * (sp / (sp - sq)))
        out = np.array(pts).reshape(-1, 2)
    return out
