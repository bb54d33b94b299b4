"""Control images: each frame's 3D boxes and map polylines drawn into every camera.

In:  a clip's `boxes` (list of T dicts in clip world: center [N, 3], size [N, 3] w/l/h, yaw [N],
     cls [N]), `map` ({layer: list of [M, 3] polylines}, clip world), intrinsics [T, V, 3, 3],
     cam_to_world [T, V, 4, 4] (numpy or torch), image size H, W.
Out: `control_images(...)` float32 numpy [T, V, 3, H, W] with values in [0, 1]: black background,
     map polylines coloured per layer (LAYER_COLORS), box wireframes coloured per class
     (CLASS_COLORS) on top, nearer boxes over farther ones, each box with a cross on its front
     face (the face its heading points through). `clip_controls(clip)` gives the DiT's inputs,
     {"boxes": [T, V, 3, H, W], "map": [T, V, 3, H, W]} torch float32 in [0, 1], one image per
     control name. `box_masks(...)` gives per-pixel class and box index [T, V, H, W] (-1 = none)
     from the boxes' projected outlines, nearest box on top.

Segments are cut at the near plane in 3D before projection (geometry.clip: a segment crossing
behind the camera keeps its visible part; it is neither dropped nor wrapped around), clipped to
the image rectangle in 2D, then drawn with PIL's C line rasteriser (1 px, no antialiasing, so
the output is exactly reproducible). Pixel convention as everywhere: pixel (i, j) covers
[j, j+1) x [i, i+1); PIL truncates float coordinates, which for non-negative values is that floor.
"""

from __future__ import annotations

import numpy as np
import torch

from ..geometry import box_corners, invert_pose, transform_points
from ..geometry.boxes import BOX_EDGES
from ..geometry.clip import box_outline, clip_polygon_rect, clip_segments_near, clip_segments_rect
from .annotations import BOX_CLASSES
from .maps import MAP_LAYERS

# RGB 0-255, saturated and well apart so a small conv net separates them easily.
CLASS_COLORS: dict[str, tuple[int, int, int]] = {
    "car": (255, 0, 0), "truck": (255, 128, 0), "bus": (255, 255, 0), "trailer": (128, 64, 0),
    "construction_vehicle": (255, 0, 255), "pedestrian": (0, 0, 255), "motorcycle": (0, 255, 255),
    "bicycle": (0, 128, 255), "traffic_cone": (128, 0, 255), "barrier": (255, 255, 255),
}
LAYER_COLORS: dict[str, tuple[int, int, int]] = {
    "road_edge": (0, 160, 0), "lane_divider": (160, 160, 160), "road_divider": (200, 200, 0),
    "ped_crossing": (0, 120, 200), "ego_path": (90, 0, 90),
}
CLASS_COLOR_TABLE = np.array([CLASS_COLORS[c] for c in BOX_CLASSES], np.uint8)  # [C, 3], row = class index
CONTROL_NAMES = ("boxes", "map")
NEAR = 0.1  # m; the near plane at which segments are cut
# Wireframe: the 12 edges plus the front face's two diagonals (corners 0-3 are the front face,
# devkit order), so the heading is visible.
HEADING_EDGES = ((0, 2), (1, 3))
_BOX_SEGS = np.array(BOX_EDGES + HEADING_EDGES)  # [14, 2]


def _np(x) -> np.ndarray:
    return x.detach().cpu().numpy().astype(np.float64) if torch.is_tensor(x) else np.asarray(x, np.float64)


def map_segments(polylines: dict[str, list]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map polylines -> (starts [S, 3], ends [S, 3], colours [S, 3] uint8), layers in MAP_LAYERS order."""
    starts, ends, cols = [], [], []
    for layer in MAP_LAYERS:
        for pl in polylines.get(layer, []):
            pl = _np(pl)
            if pl.shape[-1] == 2:
                pl = np.concatenate([pl, np.zeros((len(pl), 1))], 1)
            if len(pl) > 1:
                starts.append(pl[:-1]); ends.append(pl[1:])
                cols.append(np.broadcast_to(np.array(LAYER_COLORS[layer], np.uint8), (len(pl) - 1, 3)))
    if not starts:
        return np.zeros((0, 3)), np.zeros((0, 3)), np.zeros((0, 3), np.uint8)
    return np.concatenate(starts), np.concatenate(ends), np.concatenate(cols)


def box_wireframes(boxes: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Boxes of one frame -> (corners [N, 8, 3], segment starts [N, 14, 3], ends [N, 14, 3]).

    Colours come from CLASS_COLOR_TABLE[boxes["cls"]]."""
    n = len(boxes["cls"])
    if not n:
        z = np.zeros((0, 8, 3))
        return z, np.zeros((0, len(_BOX_SEGS), 3)), np.zeros((0, len(_BOX_SEGS), 3))
    corners = box_corners(_np(boxes["center"]), _np(boxes["size"]), _np(boxes["yaw"]))  # [N, 8, 3]
    return corners, corners[:, _BOX_SEGS[:, 0]], corners[:, _BOX_SEGS[:, 1]]


def project_segments(p0: np.ndarray, p1: np.ndarray, world_to_cam: np.ndarray, K: np.ndarray, height: int,
                     width: int, near: float = NEAR) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """World segments [S, 3] -> pixel segments (a [S, 2], b [S, 2], visible [S] bool), cut at the
    near plane and clipped to the image (coordinates in [0, W) x [0, H))."""
    c0, c1 = transform_points(world_to_cam, p0), transform_points(world_to_cam, p1)
    a, b, keep = clip_segments_near(c0, c1, near)
    a[~keep, 2] = b[~keep, 2] = 1.0  # hidden anyway; avoids dividing by z <= 0
    ua = a[:, :2] / a[:, 2:] @ K[:2, :2].T + K[:2, 2]
    ub = b[:, :2] / b[:, 2:] @ K[:2, :2].T + K[:2, 2]
    eps = 1e-6 * max(width, height)
    ua, ub, inside = clip_segments_rect(ua, ub, 0.0, 0.0, width - eps, height - eps)
    return ua, ub, keep & inside


def draw_segments(p0: np.ndarray, p1: np.ndarray, colors: np.ndarray, world_to_cam: np.ndarray, K: np.ndarray,
                  height: int, width: int, near: float = NEAR, line_width: int = 1,
                  image: np.ndarray | None = None) -> np.ndarray:
    """Project world segments into one camera and draw them in order (later over earlier):
    uint8 [H, W, 3] (onto a copy of `image` if given, else black)."""
    from PIL import Image, ImageDraw

    ua, ub, vis = project_segments(_np(p0), _np(p1), _np(world_to_cam), _np(K), height, width, near)
    im = Image.fromarray(np.ascontiguousarray(image, np.uint8)) if image is not None else Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(im)
    idx = np.flatnonzero(vis)
    line = draw.line
    for (x0, y0, x1, y1), c in zip(np.concatenate([ua[idx], ub[idx]], 1).tolist(), np.asarray(colors)[idx].tolist()):
        line((x0, y0, x1, y1), fill=tuple(c), width=line_width)
    return np.asarray(im)


def _frame_layers(boxes: dict, polylines: dict, names: tuple[str, ...]):
    """Per frame, what each control draws: map segments and the boxes' wireframes."""
    m = map_segments(polylines) if "map" in names else (np.zeros((0, 3)),) * 2 + (np.zeros((0, 3), np.uint8),)
    b = box_wireframes(boxes) if "boxes" in names else box_wireframes({"cls": []})
    cls = np.asarray(boxes["cls"], np.int64) if "boxes" in names else np.zeros(0, np.int64)
    return m, b, cls


def _camera_segments(m, b, cls, world_to_cam: np.ndarray):
    """Map segments first, then box wireframes far to near (so the nearest box is drawn last)."""
    (ms, me, mc), (corners, bs, be) = m, b
    if len(cls):
        dist = np.linalg.norm(transform_points(world_to_cam, corners.mean(1)), axis=-1)
        order = np.argsort(-dist, kind="stable")
        bcol = np.repeat(CLASS_COLOR_TABLE[cls[order]], len(_BOX_SEGS), axis=0)
        return (np.concatenate([ms, bs[order].reshape(-1, 3)]), np.concatenate([me, be[order].reshape(-1, 3)]),
                np.concatenate([mc, bcol]))
    return ms, me, mc


def control_images(boxes: list[dict], polylines: dict, intrinsics, cam_to_world, height: int, width: int,
                   near: float = NEAR, names: tuple[str, ...] = CONTROL_NAMES, line_width: int = 1) -> np.ndarray:
    """Control images float32 [T, V, 3, H, W] in [0, 1] with the controls in `names` ("boxes", "map")
    drawn together (map under boxes); see the module docstring."""
    Ks, c2w = _np(intrinsics), _np(cam_to_world)  # [T, V, 3, 3], [T, V, 4, 4]
    T, V = Ks.shape[:2]
    w2c = invert_pose(c2w)
    out = np.zeros((T, V, 3, height, width), np.float32)
    for t in range(T):
        m, b, cls = _frame_layers(boxes[t], polylines, tuple(names))
        for v in range(V):
            p0, p1, cols = _camera_segments(m, b, cls, w2c[t, v])
            img = draw_segments(p0, p1, cols, w2c[t, v], Ks[t, v], height, width, near, line_width)
            out[t, v] = img.transpose(2, 0, 1) * np.float32(1 / 255)
    return out


def clip_controls(clip: dict, names: tuple[str, ...] = CONTROL_NAMES, near: float = NEAR,
                  size: tuple[int, int] | None = None) -> dict[str, torch.Tensor]:
    """{name: float32 [T, V, 3, H, W] in [0, 1]} for one (unbatched) clip: one image per control,
    as the DiT's `DiTConditions.controls` wants them (batch with torch.stack). size: (H, W),
    default the clip's images' (a clip loaded without pixels has none)."""
    H, W = size or clip["images"].shape[-2:]
    return {n: torch.from_numpy(control_images(clip["boxes"], clip["map"], clip["intrinsics"], clip["cam_to_world"],
                                               H, W, near, names=(n,))) for n in names}


def box_masks(boxes: list[dict], intrinsics, cam_to_world, height: int, width: int,
              near: float = NEAR) -> tuple[np.ndarray, np.ndarray]:
    """Per-pixel (class [T, V, H, W] int64, box index [T, V, H, W] int64), -1 where no box.

    Each box fills its projected outline (the hull of its corners, cut at the near plane), nearest
    box on top. The box index refers to the frame's `boxes[t]` arrays.
    """
    from PIL import Image, ImageDraw

    Ks, c2w = _np(intrinsics), _np(cam_to_world)
    T, V = Ks.shape[:2]
    w2c = invert_pose(c2w)
    idx = np.full((T, V, height, width), -1, np.int64)
    cls_map = np.full((T, V, height, width), -1, np.int64)
    for t in range(T):
        corners, _, _ = box_wireframes(boxes[t])
        cls = np.asarray(boxes[t]["cls"], np.int64)
        if not len(cls):
            continue
        for v in range(V):
            cc = transform_points(w2c[t, v], corners.reshape(-1, 3)).reshape(-1, 8, 3)  # camera frame
            order = np.argsort(-np.linalg.norm(cc.mean(1), axis=-1), kind="stable")
            im = Image.new("I", (width, height), 0)
            draw = ImageDraw.Draw(im)
            for i in order:
                hull = box_outline(cc[i], Ks[t, v], near)
                if hull is None:
                    continue
                # PIL fills pixels whose integer coordinate is inside; our pixel centres are at +0.5
                hull = clip_polygon_rect(hull - 0.5, -2.0, -2.0, width + 1.0, height + 1.0)
                if len(hull) >= 3:
                    draw.polygon([tuple(p) for p in hull.tolist()], fill=int(i) + 1)
            k = np.asarray(im, np.int64) - 1
            idx[t, v] = k
            cls_map[t, v] = np.where(k >= 0, cls[np.maximum(k, 0)], -1)
    return cls_map, idx


# Backwards-compatible names for the clipping helpers (now in geometry.clip).
def clip_segments(p0: np.ndarray, p1: np.ndarray, near: float) -> tuple[np.ndarray, np.ndarray]:
    """The parts of camera-frame segments [S, 3] with z >= near, fully hidden ones dropped."""
    a, b, keep = clip_segments_near(p0, p1, near)
    return a[keep], b[keep]


clip_to_rect = clip_segments_rect
