"""Control images: each frame's 3D boxes and map polylines drawn into every camera.

In:  a clip's `boxes` (list of T dicts, clip world), `map` ({layer: [M, 3] polylines}),
     intrinsics [T, V, 3, 3], cam_to_world [T, V, 4, 4], image size.
Out: float32 [T, V, 3, H, W] in [0, 1]: black background, map lines coloured per layer, box
     wireframes coloured per class on top, with a cross on each box's front face (heading).

Segments are clipped at the near plane in 3D before projection (a segment crossing behind the
camera keeps its visible part, it is neither dropped nor wrapped around), then drawn with PIL's
line rasteriser (C speed; a few hundred segments per image).
"""

from __future__ import annotations

import numpy as np

from ..geometry import box_corners, invert_pose, transform_points
from ..geometry.boxes import BOX_EDGES
from .nuscenes import BOX_CLASSES

# RGB 0-255. Distinct hues so a small conv net separates them easily.
CLASS_COLORS = {
    "car": (255, 0, 0), "truck": (255, 128, 0), "bus": (255, 255, 0), "trailer": (128, 64, 0),
    "construction_vehicle": (255, 0, 255), "pedestrian": (0, 0, 255), "motorcycle": (0, 255, 255),
    "bicycle": (0, 128, 255), "traffic_cone": (128, 0, 255), "barrier": (255, 255, 255),
}
LAYER_COLORS = {
    "road_edge": (0, 160, 0), "lane_divider": (160, 160, 160), "road_divider": (200, 200, 0),
    "ped_crossing": (0, 120, 200), "ego_path": (90, 0, 90),
}
# front-face diagonals mark the heading (corners 0-3 are the front face, devkit order)
_HEADING = ((0, 2), (1, 3))
_EDGES = np.array(BOX_EDGES + _HEADING)


def clip_segments(p0: np.ndarray, p1: np.ndarray, near: float) -> tuple[np.ndarray, np.ndarray]:
    """Keep the part of camera-frame segments [S, 3] with z >= near; drops fully hidden ones."""
    z0, z1 = p0[:, 2], p1[:, 2]
    keep = (z0 >= near) | (z1 >= near)
    p0, p1, z0, z1 = p0[keep], p1[keep], z0[keep], z1[keep]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(z1 != z0, (near - z0) / (z1 - z0), 0.0)[:, None]
    cut = p0 + t * (p1 - p0)
    p0 = np.where((z0 < near)[:, None], cut, p0)
    p1 = np.where((z1 < near)[:, None], cut, p1)
    return p0, p1


def clip_to_rect(a: np.ndarray, b: np.ndarray, x0: float, y0: float, x1: float, y1: float):
    """Liang-Barsky: clip 2D segments [S, 2] to a rectangle -> (a', b', inside mask).

    Projected segments near the camera plane can reach millions of pixels; clipping keeps the
    drawn part exact where simply bounding the coordinates would bend the line.
    """
    d = b - a
    t0, t1 = np.zeros(len(a)), np.ones(len(a))
    inside = np.ones(len(a), bool)
    for p, q in ((-d[:, 0], a[:, 0] - x0), (d[:, 0], x1 - a[:, 0]), (-d[:, 1], a[:, 1] - y0), (d[:, 1], y1 - a[:, 1])):
        par = p == 0
        inside &= ~(par & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(par, 0.0, q / np.where(par, 1.0, p))
        t0 = np.where(~par & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~par & (p > 0), np.minimum(t1, r), t1)
    inside &= t0 <= t1
    return a + t0[:, None] * d, a + t1[:, None] * d, inside


def _segments(boxes: dict, polylines: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All world segments of one frame: (starts [S, 3], ends [S, 3], colours [S, 3]); map first."""
    starts, ends, cols = [], [], []
    for layer, lines in polylines.items():
        col = LAYER_COLORS.get(layer)
        if col is None:
            continue
        for pl in lines:
            if len(pl) > 1:
                starts.append(pl[:-1]); ends.append(pl[1:]); cols.append(np.tile(col, (len(pl) - 1, 1)))
    if len(boxes["cls"]):
        corners = box_corners(np.asarray(boxes["center"], np.float64), np.asarray(boxes["size"], np.float64),
                              np.asarray(boxes["yaw"], np.float64))  # [N, 8, 3]
        colors = np.array([CLASS_COLORS[BOX_CLASSES[c]] for c in boxes["cls"]])
        starts.append(corners[:, _EDGES[:, 0]].reshape(-1, 3))
        ends.append(corners[:, _EDGES[:, 1]].reshape(-1, 3))
        cols.append(np.repeat(colors, len(_EDGES), axis=0))
    if not starts:
        z = np.zeros((0, 3))
        return z, z, z
    return np.concatenate(starts), np.concatenate(ends), np.concatenate(cols)


def draw_segments(p0: np.ndarray, p1: np.ndarray, colors: np.ndarray, world_to_cam: np.ndarray, K: np.ndarray,
                  height: int, width: int, near: float = 0.1, line_width: int = 1) -> np.ndarray:
    """Project world segments into one camera and draw them: uint8 [H, W, 3]."""
    from PIL import Image, ImageDraw

    c0, c1 = transform_points(world_to_cam, p0), transform_points(world_to_cam, p1)
    z0, z1 = c0[:, 2], c1[:, 2]
    vis = (z0 >= near) | (z1 >= near)
    a, b = clip_segments(c0, c1, near)
    cols = colors[vis]
    ua = a[:, :2] / a[:, 2:] @ K[:2, :2].T + K[:2, 2]
    ub = b[:, :2] / b[:, 2:] @ K[:2, :2].T + K[:2, 2]
    ua, ub, on = clip_to_rect(ua, ub, -2.0, -2.0, width + 2.0, height + 2.0)
    im = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(im)
    for (x0, y0), (x1, y1), c in zip(ua[on], ub[on], cols[on]):
        draw.line([(x0, y0), (x1, y1)], fill=tuple(int(x) for x in c), width=line_width)
    return np.asarray(im)


def control_images(boxes: list[dict], polylines: dict, intrinsics, cam_to_world, height: int, width: int,
                   near: float = 0.1) -> np.ndarray:
    """Control images float32 [T, V, 3, H, W] in [0, 1] for one clip (see module docstring)."""
    Ks = np.asarray(intrinsics, np.float64)
    c2w = np.asarray(cam_to_world, np.float64)
    T, V = Ks.shape[:2]
    out = np.zeros((T, V, 3, height, width), np.float32)
    for t in range(T):
        p0, p1, cols = _segments(boxes[t], polylines)
        for v in range(V):
            img = draw_segments(p0, p1, cols, invert_pose(c2w[t, v]), Ks[t, v], height, width, near)
            out[t, v] = img.transpose(2, 0, 1) / 255.0
    return out
