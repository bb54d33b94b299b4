"""The nuScenes map expansion (maps/expansion/<location>.json) as polylines per layer.

In:  a map-expansion JSON file (nuScenes map expansion v1.3 layout: node, line, polygon, lane_divider,
     road_divider, ped_crossing, drivable_area).
Out: `read_map_expansion(path)` -> {layer: [[M, 2] global x, y polylines]} for the layers of MAP_LAYERS
     (the reader adds the scene's ego path as the last one); data/conditions.py draws them.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np

from ..errors import CvdError
from ..io import read_json

MAP_LAYERS = ("lane_divider", "road_divider", "ped_crossing", "road_edge", "ego_path")


_warned: set[str] = set()


def read_map_expansion(path: str | Path) -> dict[str, list[np.ndarray]]:
    """nuScenes map-expansion JSON -> {layer: list of [M, 2] polylines} for lane_divider,
    road_divider (their `line`s), ped_crossing and road_edge (exteriors, and holes, of the
    ped_crossing / drivable_area polygons, closed). A missing file gives empty layers and one warning."""
    path = Path(path)
    empty: dict[str, list[np.ndarray]] = {k: [] for k in MAP_LAYERS if k != "ego_path"}
    if not path.is_file():
        if str(path) not in _warned:
            _warned.add(str(path))
            warnings.warn(f"no map expansion at {path}; map controls will be empty "
                          "(install the nuScenes map expansion there to get them)", stacklevel=3)
        return empty
    m = read_json(path, "map expansion")
    try:
        nodes = {n["token"]: (float(n["x"]), float(n["y"])) for n in m["node"]}
        lines = {ln["token"]: ln["node_tokens"] for ln in m.get("line", [])}
        polys = {p["token"]: p for p in m.get("polygon", [])}

        def pts(tokens: list[str]) -> np.ndarray:
            return np.asarray([nodes[t] for t in tokens], dtype=np.float64).reshape(-1, 2)

        def ring(tokens: list[str]) -> np.ndarray:
            p = pts(tokens)
            return np.concatenate([p, p[:1]]) if len(p) and not np.array_equal(p[0], p[-1]) else p

        out = dict(empty)
        out["lane_divider"] = [pts(lines[r["line_token"]]) for r in m.get("lane_divider", [])]
        out["road_divider"] = [pts(lines[r["line_token"]]) for r in m.get("road_divider", [])]
        out["ped_crossing"] = [ring(polys[r["polygon_token"]]["exterior_node_tokens"]) for r in m.get("ped_crossing", [])]
        edges = []
        for r in m.get("drivable_area", []):
            for pt in r["polygon_tokens"]:
                p = polys[pt]
                edges.append(ring(p["exterior_node_tokens"]))
                edges += [ring(h["node_tokens"]) for h in p.get("holes", [])]
        out["road_edge"] = edges
    except (KeyError, TypeError, ValueError) as e:
        raise CvdError(f"corrupt map expansion {path}: missing key or token {e}; re-install the map expansion") from None
    for layer, pls in out.items():
        for p in pls:
            if not np.isfinite(p).all():
                raise CvdError(f"corrupt map expansion {path}: NaN/Inf node coordinates in layer {layer}")
    out = {k: [p for p in v if len(p) > 1] for k, v in out.items()}
    return out
