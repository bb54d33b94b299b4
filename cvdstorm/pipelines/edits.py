"""Control edits for generation: add, remove or move objects and change caption text.

In:  a clip's per-frame boxes and captions (data/clips.py layout, clip world = ego pose of the first
     generated frame: x forward, y left, z up, metres) and an edit file (YAML or JSON):

    captions: "Rainy night. Ego driving straight in a city street."   # all frames, or a list of F strings,
                                                                       # or {frame index: text}
    weather: "Rainy night."        # replaces the caption's first sentence (the synthetic world's weather)
    remove: [<instance token>, ...]                  # tokens as in scene.json / sample_annotation
    move:   [{instance: <token>, offset: [dx, dy, dz]}]   # metres in clip world, every frame
    add:    [{class: car, center: [x, y, z], size: [w, l, h], yaw: 0.0, velocity: [vx, vy, 0]}]
            # center at the first frame (clip world), yaw in degrees, velocity m/s (constant motion)
    ego:    {speed: 1.5, lane_change: {offset: 2.0, start: 1.5, duration: 3.0}, poses: [{t, dx, dy, dyaw}]}
            # the ego drives another path (pipelines/ego_edits.py); the cameras, the controls drawn
            # into them and the map's ego_path follow it, other agents keep their world trajectories

Out: new boxes (list of F dicts) and captions; the input is not modified (the ego path needs the
scene: `generate` applies it with ego_edits.ego_poses). Unknown instances or
classes are one clear error naming the valid choices.
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from ..data.annotations import BOX_CLASSES
from ..errors import require
from ..io import read_yaml
from .ego_edits import check_ego

EDIT_KEYS = ("captions", "weather", "remove", "move", "add", "ego")


def load_edits(path: str | Path) -> dict:
    """Parse an edit file (YAML or JSON, which YAML reads too)."""
    path = Path(path)
    edits = read_yaml(path, "edit file")
    require(edits is not None, f"edit file {path} is empty; give at least one of {list(EDIT_KEYS)}")
    require(isinstance(edits, dict), f"edit file {path} must hold a mapping with keys {list(EDIT_KEYS)}")
    unknown = sorted(set(edits) - set(EDIT_KEYS))
    require(not unknown, f"edit file {path}: unknown key(s) {unknown}; valid keys are {list(EDIT_KEYS)}")
    check_edits(edits)
    return edits


def check_edits(edits: dict) -> None:
    """Every entry's form and values (what needs no scene), so a bad file fails before models load."""
    for key in ("remove", "move", "add"):
        require(isinstance(edits.get(key) or [], list), f"edit: {key} must be a list")
    for m in edits.get("move") or []:
        require(isinstance(m, dict) and "instance" in m and "offset" in m,
                "edit: each move needs {instance: <token>, offset: [dx, dy, dz]}")
        _vec(m["offset"], 3, "move offset")
    for a in edits.get("add") or []:
        require(isinstance(a, dict) and {"class", "center", "size"} <= set(a),
                "edit: each add needs class, center [x, y, z], size [w, l, h] (optional yaw degrees, velocity)")
        require(a["class"] in BOX_CLASSES, f"edit: unknown class {a['class']!r}; choose one of {list(BOX_CLASSES)}")
        _vec(a["center"], 3, "add center")
        require(bool((_vec(a["size"], 3, "add size") > 0).all()), f"edit: add size must be 3 positive numbers "
                f"(w, l, h metres), got {a['size']!r}")
        _vec(a.get("velocity", [0, 0, 0]), 3, "add velocity")
        _vec(a.get("yaw", 0.0), 1, "add yaw (degrees)")
    c, w = edits.get("captions"), edits.get("weather")
    require(c is None or isinstance(c, (str, list, dict)),
            "edit: captions must be a string, a list of strings or {frame: text}")
    require(w is None or isinstance(w, str), "edit: weather must be text such as 'Rainy night.'")
    if "ego" in edits:
        check_ego(edits["ego"])


def _vec(x, n: int, what: str) -> np.ndarray:
    try:
        a = np.asarray(x, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):  # text such as "left" where numbers belong
        a = np.full(0, np.nan)
    require(a.shape == (n,) and np.isfinite(a).all(), f"edit: {what} must be {n} finite number(s), got {x!r}")
    return a


def _captions(captions: list[str], edits: dict) -> list[str]:
    F = len(captions)
    out = list(captions)
    c = edits.get("captions")
    if isinstance(c, str):
        out = [c] * F
    elif isinstance(c, list):
        require(len(c) == F and all(isinstance(x, str) for x in c), f"edit: captions list must have {F} strings")
        out = list(c)
    elif isinstance(c, dict):
        for k, v in c.items():
            require(isinstance(k, int) and 0 <= k < F and isinstance(v, str),
                    f"edit: captions keys must be frame indices in [0, {F}) with text values, got {k!r}")
            out[k] = v
    w = edits.get("weather")
    if w is not None:
        w = w.strip().rstrip(".") + "."
        out = [w + (" " + s.split(".", 1)[1].strip() if "." in s else "") for s in out]
    return out


def apply_edits(boxes: list[dict], captions: list[str], timestamps, edits: dict) -> tuple[list[dict], list[str]]:
    """Edited copies of (boxes, captions); timestamps [F] seconds from the first frame (for `add`)."""
    check_edits(edits)
    boxes = copy.deepcopy(boxes)
    known = {tok for b in boxes for tok in b["instance"]}
    for tok in edits.get("remove") or []:
        require(tok in known, f"edit: cannot remove {tok!r}: no such instance in these frames "
                f"(instances: {sorted(known)[:6]}{' ...' if len(known) > 6 else ''})")
        for b in boxes:
            keep = np.array([t != tok for t in b["instance"]], bool)
            for k in ("center", "size", "yaw", "rotation", "cls", "velocity"):
                b[k] = b[k][keep]
            b["instance"] = [t for t in b["instance"] if t != tok]
    for m in edits.get("move") or []:
        require(m["instance"] in known, f"edit: cannot move {m['instance']!r}: no such instance in these frames")
        off = _vec(m["offset"], 3, "move offset").astype(np.float32)
        for b in boxes:
            for i, t in enumerate(b["instance"]):
                if t == m["instance"]:
                    b["center"][i] = b["center"][i] + off
    for j, a in enumerate(edits.get("add") or []):
        c0, size = _vec(a["center"], 3, "add center"), _vec(a["size"], 3, "add size")
        vel = _vec(a.get("velocity", [0, 0, 0]), 3, "add velocity")
        yaw = float(np.deg2rad(_vec(a.get("yaw", 0.0), 1, "add yaw (degrees)")[0]))
        quat = np.array([np.cos(yaw / 2), 0, 0, np.sin(yaw / 2)], np.float32)
        for b, t in zip(boxes, np.asarray(timestamps, np.float64)):
            b["center"] = np.concatenate([b["center"], (c0 + vel * t)[None].astype(np.float32)])
            b["size"] = np.concatenate([b["size"], size[None].astype(np.float32)])
            b["yaw"] = np.concatenate([b["yaw"], np.array([yaw], np.float32)])
            b["rotation"] = np.concatenate([b["rotation"], quat[None]])
            b["cls"] = np.concatenate([b["cls"], np.array([BOX_CLASSES.index(a["class"])], b["cls"].dtype)])
            b["velocity"] = np.concatenate([b["velocity"], vel[None].astype(np.float32)])
            b["instance"] = list(b["instance"]) + [f"added-{j}"]
    return boxes, _captions(captions, edits)
