"""The synthetic world's HD map in the nuScenes map-expansion format (version 1.3).

In:  nothing but the world constants of layout.py (the road grid is the same for every scene).
Out: `map_expansion() -> dict`, the JSON that `NuScenesMap` (nuscenes-devkit) and our reader load
     from `maps/expansion/<location>.json`: geometric tables `node`, `line`, `polygon`, and the
     layers `drivable_area`, `road_segment`, `road_block`, `lane`, `lane_connector`, `ped_crossing`,
     `walkway`, `stop_line`, `road_divider`, `lane_divider` (+ empty `traffic_light`,
     `carpark_area`), `arcline_path_3` (lane centre paths) and `connectivity` (lane graph).
     `drivable_area_raster(px_per_m) -> uint8 [H, W]`: the map table's semantic-prior image.

The map describes exactly what layout.py lays out: road dividers are the double yellow centre
lines, lane dividers the dashed lines, ped crossings the zebras, stop lines the painted bars,
drivable area the tarmac. Lane connectors join the lanes straight across each intersection (turn
connectors are not modelled). Tokens are hashes of the element's role, so the file is a pure
function of the constants.
"""

from __future__ import annotations

import math

import numpy as np

from ..tables import token
from .layout import (CANVAS, GRID, HALF_ROAD, LANE, LANES_OFFSETS, MAP_HI, MAP_LO, SIDEWALK, STOP_AT,
                      road_coord)

LANE_TYPE = "CAR"


def _tok(*parts) -> str:
    return token("map", *parts)


def _pieces():
    """Road pieces between intersections (and the arms beyond the grid): (axis, road k, s0, s1)."""
    c = [float(road_coord(k)) for k in range(GRID)]
    edges = [MAP_LO] + [x for cc in c for x in (cc - HALF_ROAD, cc + HALF_ROAD)] + [MAP_HI]
    spans = [(edges[2 * j], edges[2 * j + 1]) for j in range(GRID + 1)]
    return [(axis, k, a, b) for axis in (0, 1) for k in range(GRID) for a, b in spans]


def _xy(axis: int, k: int, s: float, d: float) -> tuple[float, float]:
    """Road coordinates -> world x, y: s along the road, d to the left of its + direction."""
    c = float(road_coord(k))
    return (s, c + d) if axis == 0 else (c - d, s)


class _Geometry:
    """node / line / polygon tables with node de-duplication (shared corners share a node)."""

    def __init__(self):
        self.node, self.line, self.polygon = [], [], []
        self._nodes: dict[tuple[float, float], str] = {}

    def n(self, p) -> str:
        key = (round(float(p[0]), 3), round(float(p[1]), 3))
        if key not in self._nodes:
            self._nodes[key] = _tok("node", *key)
            self.node.append({"token": self._nodes[key], "x": key[0], "y": key[1]})
        return self._nodes[key]

    def add_line(self, role, pts) -> str:
        tok = _tok("line", role)
        self.line.append({"token": tok, "node_tokens": [self.n(p) for p in pts]})
        return tok

    def add_polygon(self, role, ext, holes=()) -> str:
        tok = _tok("polygon", role)
        self.polygon.append({"token": tok, "exterior_node_tokens": [self.n(p) for p in ext],
                             "holes": [{"node_tokens": [self.n(p) for p in h]} for h in holes]})
        return tok


def _rect(axis, k, s0, s1, d0, d1):
    """Counter-clockwise corners of the road-coordinate rectangle [s0, s1] x [d0, d1]."""
    return [_xy(axis, k, s0, d0), _xy(axis, k, s1, d0), _xy(axis, k, s1, d1), _xy(axis, k, s0, d1)]


def _drivable_outline():
    """Exterior of the road network (grid square plus the arms), counter-clockwise, and the holes."""
    h, lo, hi = HALF_ROAD, MAP_LO, MAP_HI
    c = [float(road_coord(k)) for k in range(GRID)]
    a, b = c[0] - h, c[-1] + h
    pts = []
    for x in c:                      # bottom arms (pointing -y), left to right
        pts += [(x - h, a), (x - h, lo), (x + h, lo), (x + h, a)]
    for y in c:                      # right arms, bottom to top
        pts += [(b, y - h), (hi, y - h), (hi, y + h), (b, y + h)]
    for x in c[::-1]:                # top arms, right to left
        pts += [(x + h, b), (x + h, hi), (x - h, hi), (x - h, b)]
    for y in c[::-1]:                # left arms, top to bottom
        pts += [(a, y + h), (lo, y + h), (lo, y - h), (a, y - h)]
    ext = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    if ext[0] == ext[-1]:
        ext = ext[:-1]
    holes = [[(c[i] + h, c[j] + h), (c[i] + h, c[j + 1] - h), (c[i + 1] - h, c[j + 1] - h), (c[i + 1] - h, c[j] + h)]
             for i in range(GRID - 1) for j in range(GRID - 1)]  # clockwise: holes
    return ext, holes


def _straight(start, end) -> dict:
    """An arcline path for a straight lane: zero-length arcs around a straight middle part."""
    (x0, y0), (x1, y1) = start, end
    yaw = math.atan2(y1 - y0, x1 - x0)
    return {"start_pose": [x0, y0, yaw], "end_pose": [x1, y1, yaw], "shape": "LSL", "radius": 999.0,
            "segment_length": [0.0, math.hypot(x1 - x0, y1 - y0), 0.0]}


def map_expansion() -> dict:
    G = _Geometry()
    h, L = HALF_ROAD, LANE
    out = {k: [] for k in ("drivable_area", "road_segment", "road_block", "lane", "ped_crossing", "walkway",
                           "stop_line", "carpark_area", "road_divider", "lane_divider", "traffic_light",
                           "lane_connector")}
    arcs, conn = {}, {}
    ext, holes = _drivable_outline()
    da = _tok("drivable_area", 0)
    out["drivable_area"].append({"token": da, "polygon_tokens": [G.add_polygon("drivable_area", ext, holes)]})
    # intersections
    inter_tok = {}
    for i in range(GRID):
        for j in range(GRID):
            x, y = float(road_coord(i)), float(road_coord(j))
            tok = inter_tok[i, j] = _tok("road_segment", "intersection", i, j)
            poly = G.add_polygon(("intersection", i, j), [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)])
            out["road_segment"].append({"token": tok, "polygon_token": poly, "is_intersection": True,
                                        "drivable_area_token": da})
    lane_at = {}  # (axis, k, direction, lane index, piece start) -> lane token, for connectivity
    grid_edges = {float(road_coord(j)) + sgn * h for j in range(GRID) for sgn in (-1, 1)}
    for axis, k, a, b in _pieces():
        seg = _tok("road_segment", axis, k, a)
        out["road_segment"].append({"token": seg, "polygon_token": G.add_polygon(("segment", axis, k, a), _rect(axis, k, a, b, -h, h)),
                                    "is_intersection": False, "drivable_area_token": da})
        rd_line = G.add_line(("road_divider", axis, k, a), [_xy(axis, k, a, 0.0), _xy(axis, k, b, 0.0)])
        centre = [{"node_token": nt, "segment_type": "DOUBLE_SOLID_YELLOW"} for nt in G.line[-1]["node_tokens"]]
        out["road_divider"].append({"token": _tok("road_divider", axis, k, a), "line_token": rd_line,
                                    "road_segment_token": seg})
        dividers = {}
        for d in (-L, L):
            ln = G.add_line(("lane_divider", axis, k, a, d), [_xy(axis, k, a, d), _xy(axis, k, b, d)])
            nodes = G.line[-1]["node_tokens"]
            dividers[d] = [{"node_token": nt, "segment_type": "SINGLE_DASHED_WHITE"} for nt in nodes]
            out["lane_divider"].append({"token": _tok("lane_divider", axis, k, a, d), "line_token": ln,
                                        "lane_divider_segments": dividers[d]})
        for direction in (1, -1):
            sgn = -direction  # right-hand traffic: the lanes of the + direction have d < 0
            s_from, s_to = (a, b) if direction > 0 else (b, a)
            blk = _tok("road_block", axis, k, a, direction)
            e0 = G.add_line(("block_from", axis, k, a, direction), [_xy(axis, k, s_from, 0.0), _xy(axis, k, s_from, sgn * h)])
            e1 = G.add_line(("block_to", axis, k, a, direction), [_xy(axis, k, s_to, 0.0), _xy(axis, k, s_to, sgn * h)])
            d0, d1 = sorted((0.0, sgn * h))
            out["road_block"].append({"token": blk, "polygon_token": G.add_polygon(("block", axis, k, a, direction), _rect(axis, k, a, b, d0, d1)),
                                      "from_edge_line_token": e0, "to_edge_line_token": e1, "road_segment_token": seg})
            for li, off in enumerate(LANES_OFFSETS):
                tok = _tok("lane", axis, k, a, direction, li)
                lane_at[axis, k, direction, li, a] = tok
                dc = sgn * off
                f0 = G.add_line(("lane_from", tok), [_xy(axis, k, s_from, dc - L / 2), _xy(axis, k, s_from, dc + L / 2)])
                f1 = G.add_line(("lane_to", tok), [_xy(axis, k, s_to, dc - L / 2), _xy(axis, k, s_to, dc + L / 2)])
                inner, outer = (centre, dividers[sgn * L]) if li == 0 else (dividers[sgn * L], [])
                # the left of a lane faces the centre line (right-hand traffic)
                out["lane"].append({"token": tok, "polygon_token": G.add_polygon(("lane", tok), _rect(axis, k, a, b, dc - L / 2, dc + L / 2)),
                                    "lane_type": LANE_TYPE, "from_edge_line_token": f0, "to_edge_line_token": f1,
                                    "left_lane_divider_segments": inner, "right_lane_divider_segments": outer})
                arcs[tok] = [_straight(_xy(axis, k, s_from, dc), _xy(axis, k, s_to, dc))]
        # zebra crossings and stop lines at the intersection end(s) of this piece
        for s_edge, outward in ((a, 1), (b, -1)):
            if s_edge not in grid_edges:
                continue  # the far end of an arm: no intersection there
            z0, z1 = sorted((s_edge + outward * 0.5, s_edge + outward * 4.5))
            pc = _tok("ped_crossing", axis, k, a, s_edge)
            out["ped_crossing"].append({"token": pc, "polygon_token": G.add_polygon(("ped_crossing", pc), _rect(axis, k, z0, z1, -h, h)),
                                        "road_segment_token": seg})
            # traffic approaching this intersection drives towards -outward: its lanes lie on d * outward > 0
            stop_s = s_edge + outward * (STOP_AT - h)
            dd = sorted((0.0, outward * 2 * L))
            direction = -outward
            out["stop_line"].append({"token": _tok("stop_line", pc), "polygon_token": G.add_polygon(("stop_line", pc), _rect(axis, k, stop_s - 0.25, stop_s + 0.25, *dd)),
                                     "stop_line_type": "PED_CROSSING", "ped_crossing_tokens": [pc], "traffic_light_tokens": [],
                                     "road_block_token": _tok("road_block", axis, k, a, direction)})
    # straight-through lane connectors across every intersection
    pieces = {}
    for axis, k, a, b in _pieces():
        pieces.setdefault((axis, k), []).append((a, b))
    for (axis, k), spans in pieces.items():
        for (a0, b0), (a1, b1) in zip(spans[:-1], spans[1:]):
            for direction in (1, -1):
                sgn = -direction
                for li, off in enumerate(LANES_OFFSETS):
                    up, down = (lane_at[axis, k, direction, li, a0], lane_at[axis, k, direction, li, a1])
                    if direction < 0:
                        up, down = down, up
                    s_from, s_to = (b0, a1) if direction > 0 else (a1, b0)
                    dc = sgn * off
                    tok = _tok("lane_connector", up, down)
                    out["lane_connector"].append({"token": tok, "polygon_token": G.add_polygon(("connector", tok), _rect(axis, k, b0, a1, dc - L / 2, dc + L / 2))})
                    arcs[tok] = [_straight(_xy(axis, k, s_from, dc), _xy(axis, k, s_to, dc))]
                    conn.setdefault(up, {"incoming": [], "outgoing": []})["outgoing"].append(tok)
                    conn.setdefault(down, {"incoming": [], "outgoing": []})["incoming"].append(tok)
                    conn[tok] = {"incoming": [up], "outgoing": [down]}
    # sidewalks: the ring between the kerb and the building line of every block
    for i in range(-1, GRID):
        for j in range(-1, GRID):
            x0, y0 = float(road_coord(i)) + h, float(road_coord(j)) + h
            x1, y1 = float(road_coord(i + 1)) - h, float(road_coord(j + 1)) - h
            sw = SIDEWALK
            ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            hole = [(x0 + sw, y0 + sw), (x0 + sw, y1 - sw), (x1 - sw, y1 - sw), (x1 - sw, y0 + sw)]
            out["walkway"].append({"token": _tok("walkway", i, j), "polygon_token": G.add_polygon(("walkway", i, j), ring, [hole])})
    for lane in out["lane"]:
        conn.setdefault(lane["token"], {"incoming": [], "outgoing": []})
    return {"version": "1.3", "polygon": G.polygon, "line": G.line, "node": G.node, **out,
            "arcline_path_3": arcs, "connectivity": conn, "canvas_edge": [CANVAS, CANVAS]}


def drivable_area_raster(px_per_m: float = 10.0) -> np.ndarray:
    """uint8 [H, W] drivable-area mask of the whole canvas, row 0 = the largest y (image order)."""
    from PIL import Image, ImageDraw

    size = int(round(CANVAS * px_per_m))
    im = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(im)
    ext, holes = _drivable_outline()

    def px(pts):
        return [(x * px_per_m, (CANVAS - y) * px_per_m) for x, y in pts]

    d.polygon(px(ext), fill=255)
    for hole in holes:
        d.polygon(px(hole), fill=0)
    return np.asarray(im)
