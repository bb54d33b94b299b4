"""The procedural world behind `cvdstorm synth`: city grid, road paint, buildings, trees, agents, ego path.

In:  a numpy Generator (the scene's seed), the number of keyframes and their rate.
Out: `make_scene(rng, frames, hz) -> Scene`: static and moving oriented boxes (buildings, trees,
     cars/trucks built from parts, pedestrians; `Boxes`), the annotatable agents (one proxy box
     each, the nuScenes box; `Agent`), the ego trajectory with its manoeuvre and place words,
     weather and time of day. `Scene.keyframe(f)` / `Scene.at(t)` -> `Instant` (time, ego x, y,
     yaw): the world at a keyframe or at any time along the ego path (camera sweeps).
     The world constants (semantic classes, texture kinds, the road grid) and the ground:
     `road_frame(x, y)` (offsets from the nearest roads) and `ground_class(x, y)` (road, paint or
     sidewalk), which the ray caster (raycast.py), the shader (shading.py) and the HD map
     (hdmap.py) share.

World: a Manhattan grid of GRID x GRID roads (BLOCK apart; 2 lanes per direction and a parking
strip; dashed lane lines, double yellow centre line, zebra crossings and stop lines at every
intersection) whose arms continue one block beyond the grid, with a ring of built blocks around.
Everything moves with constant velocity, so annotation positions follow the motion exactly.

Global frame: x east, y north, z up, ground at z = 0 (as nuScenes); all map coordinates are
positive (the map canvas is [0, CANVAS]^2). Yaw is about +z.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np


# semantic classes (docs/DATA.md)
SKY, ROAD, MARKING, VEHICLE, PEDESTRIAN, BUILDING, VEGETATION, GROUND = range(8)
CLASS_NAMES = ("sky", "road", "lane_marking", "vehicle", "pedestrian", "building", "vegetation", "ground")

BLOCK = 70.0            # distance between parallel road centrelines (m)
LANE = 3.5              # lane width
LANES_OFFSETS = (1.75, 5.25)   # lane centres right of a road's centreline, per direction
PARK_OFFSET = 8.25      # parking strip centre
HALF_ROAD = 9.5         # kerb distance from the centreline
SIDEWALK = 3.5
GRID = 5                # roads per axis
ROAD0 = 2 * BLOCK       # coordinate of the first road (keeps every map coordinate positive)
SPAN = (GRID - 1) * BLOCK
MAP_LO, MAP_HI = ROAD0 - BLOCK, ROAD0 + SPAN + BLOCK   # the road arms end here
CANVAS = MAP_HI + BLOCK                                # map canvas edge (x and y)

WEATHERS = ("clear", "rain", "fog")
TIMES = ("day", "dusk", "night")

# texture kinds of boxes (shade); PROXY boxes are annotation boxes, never rendered
PLAIN, CAR_BODY, BUILDING_K, CANOPY, PERSON, CAR_CABIN, HEAD, CARGO, PROXY = range(9)


def road_coord(k):
    """Centreline coordinate of road k (0..GRID-1) of either axis."""
    return ROAD0 + np.asarray(k) * BLOCK


@dataclass
class Boxes:
    """Oriented boxes moving with constant velocity: centre(t) = center + velocity * t."""

    center: np.ndarray      # [N, 3] at t = 0, z is the box centre height
    size: np.ndarray        # [N, 3] length (x), width (y), height (z) in the box frame
    yaw: np.ndarray         # [N]
    velocity: np.ndarray    # [N, 3]
    cls: np.ndarray         # [N] semantic class
    albedo: np.ndarray      # [N, 3] base colour in [0, 1]
    kind: np.ndarray        # [N] texture kind (PLAIN, CAR_BODY, ...; PROXY = not rendered)
    agent: np.ndarray       # [N] index into Scene.agents, -1 for scenery (parts share their agent)

    def centers(self, t: float) -> np.ndarray:
        return self.center + self.velocity * t

    @property
    def solid(self) -> np.ndarray:
        return self.kind != PROXY


@dataclass
class Agent:
    """An annotatable object: `box` is its proxy (annotation) box, its parts are rendered."""

    category: str
    attribute: str
    box: int


class Instant(NamedTuple):
    """One moment of a scene: the time and where the ego is (what a render needs besides the scene)."""

    t: float                 # seconds from the scene's first keyframe
    xy: np.ndarray           # [2] ego position (global)
    yaw: float               # ego heading about +z

    def pose(self) -> np.ndarray:
        """ego_to_world [4, 4]."""
        c, s = math.cos(self.yaw), math.sin(self.yaw)
        T = np.eye(4)
        T[:2, :2] = [[c, -s], [s, c]]
        T[:2, 3] = self.xy
        return T


@dataclass
class Scene:
    boxes: Boxes
    agents: list[Agent]
    ego_xy: np.ndarray       # [F, 2]
    ego_yaw: np.ndarray      # [F]
    times: np.ndarray        # [F] seconds
    weather: str
    time_of_day: str
    path: np.ndarray         # [P, 2] ego path waypoints (the ego drives along it at `speed`)
    speed: float             # m/s
    maneuvers: list = field(default_factory=list)   # per frame: "driving straight" / "turning left" / ...
    places: list = field(default_factory=list)      # per frame: "through an intersection" / "along a street"

    def keyframe(self, f: int) -> Instant:
        return Instant(float(self.times[f]), self.ego_xy[f], self.ego_yaw[f])

    def at(self, t: float) -> Instant:
        """The world at time t (s) between keyframes: the ego where the path puts it then (the
        keyframes' ego_xy / ego_yaw are this function sampled at `times`, up to rounding)."""
        xy, yaw = path_pose(self.path, np.array([self.speed * t + PATH_START]))
        return Instant(float(t), xy[0], float(yaw[0]))

    def ego_pose(self, f: int) -> np.ndarray:
        return self.keyframe(f).pose()


# ---------------------------------------------------------------------------------- ego path
def _ego_path(rng: np.random.Generator, frames: int, hz: float, speed: float):
    """Waypoints through the grid (right-hand traffic, inner lane), corners rounded, sampled by time.

    Returns xy [F, 2], yaw [F], per-frame manoeuvre words, and the waypoints [P, 2].
    """
    dirs = [(1, 0), (0, 1), (-1, 0), (0, -1)]
    node = np.array([int(rng.integers(1, GRID - 1)), int(rng.integers(1, GRID - 1))])
    heading = int(rng.integers(4))
    length_needed = speed * frames / hz + 2 * BLOCK
    # start mid-block behind the first node so the first frames are on a straight road
    d = np.array(dirs[heading])
    right = np.array([d[1], -d[0]])
    pts = [road_coord(node) - d * BLOCK * 0.5 + right * LANES_OFFSETS[0]]
    total = 0.0
    while total < length_needed:
        options = []  # the next heading at this node, staying inside the grid
        for turn, dh in (("straight", 0), ("turning left", 1), ("turning right", 3)):
            h = (heading + dh) % 4
            nxt = node + np.array(dirs[h])
            if 0 <= nxt[0] < GRID and 0 <= nxt[1] < GRID:
                options.append((turn, h))
        weights = np.array([3.0 if t == "straight" else 1.0 for t, _ in options])
        turn, new_h = options[int(rng.choice(len(options), p=weights / weights.sum()))]
        d_in, d_out = np.array(dirs[heading]), np.array(dirs[new_h])
        r_in, r_out = np.array([d_in[1], -d_in[0]]), np.array([d_out[1], -d_out[0]])
        corner_in = road_coord(node) + r_in * LANES_OFFSETS[0]
        corner_out = road_coord(node) + r_out * LANES_OFFSETS[0]
        if turn == "straight":
            pts.append(corner_in)
        else:
            # lane-to-lane corner: where the in-lane and out-lane lines meet, rounded by a
            # quadratic Bezier (tangent-continuous) of the largest radius inside the intersection
            corner = corner_in + d_in * np.dot(corner_out - corner_in, d_in)
            radius = max(HALF_ROAD + (LANES_OFFSETS[0] if turn == "turning right" else -LANES_OFFSETS[0]), 4.0)
            a, b = corner - d_in * radius, corner + d_out * radius
            for k in np.linspace(0, 1, 17):
                pts.append((1 - k) ** 2 * a + 2 * (1 - k) * k * corner + k ** 2 * b)
        heading, node = new_h, node + d_out
        total += BLOCK
    pts = np.array(pts, dtype=np.float64)
    pts = pts[np.concatenate([[True], np.linalg.norm(np.diff(pts, axis=0), axis=1) > 1e-6])]
    st = speed * np.arange(frames) / hz + PATH_START
    xy, yaw = path_pose(pts, st)
    # manoeuvre from the heading change over the next 2 s
    at = lambda x: _along(pts, x)  # noqa: E731
    dyaw = np.angle(np.exp(1j * (np.arctan2(*(at(st + 2 * speed) - at(st + 2 * speed - 1.0))[:, ::-1].T) - yaw)))
    maneuvers = ["turning left" if w > 0.3 else "turning right" if w < -0.3 else "driving straight" for w in dyaw]
    return xy, yaw, maneuvers, pts


PATH_START = BLOCK * 0.1   # arc length (m) along the ego path at t = 0


def _along(pts: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Points [N, 2] at arc lengths x [N] along the polyline pts [P, 2]."""
    s = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(pts, axis=0), axis=1))])
    return np.stack([np.interp(x, s, pts[:, 0]), np.interp(x, s, pts[:, 1])], -1)


def path_pose(pts: np.ndarray, st: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ego position [N, 2] and heading [N] at arc lengths st [N] along the path pts [P, 2]
    (heading: the chord over +-1 m, which smooths the polyline's corners)."""
    tangent = _along(pts, st + 1.0) - _along(pts, st - 1.0)
    return _along(pts, st), np.arctan2(tangent[:, 1], tangent[:, 0])


def nearest_road(p):
    """Offset of coordinate(s) p from the nearest existing road centreline, and that road's index."""
    k = np.clip(np.round((np.asarray(p) - ROAD0) / BLOCK), 0, GRID - 1)
    return np.asarray(p) - road_coord(k), k


def _in_intersection(xy) -> np.ndarray:
    dx, _ = nearest_road(xy[..., 0])
    dy, _ = nearest_road(xy[..., 1])
    return (np.abs(dx) < HALF_ROAD + 2) & (np.abs(dy) < HALF_ROAD + 2)


# ----------------------------------------------------------------------------------- scene
CAR_COLORS = np.array([[0.78, 0.78, 0.8], [0.08, 0.08, 0.1], [0.5, 0.06, 0.06], [0.1, 0.18, 0.45],
                       [0.45, 0.46, 0.48], [0.85, 0.72, 0.2], [0.18, 0.3, 0.2], [0.92, 0.92, 0.9],
                       [0.3, 0.3, 0.32], [0.6, 0.55, 0.45]])
FACADES = np.array([[0.62, 0.6, 0.56], [0.72, 0.66, 0.55], [0.55, 0.33, 0.25], [0.8, 0.78, 0.74],
                    [0.4, 0.42, 0.45], [0.66, 0.52, 0.4], [0.5, 0.5, 0.5], [0.75, 0.7, 0.62]])


class _Builder:
    """Collects boxes (and agents) while a scene is generated."""

    def __init__(self):
        self.rows = {k: [] for k in ("center", "size", "yaw", "velocity", "cls", "albedo", "kind", "agent")}
        self.agents: list[Agent] = []

    def box(self, center, size, yaw, cls, albedo, kind, velocity=(0.0, 0.0, 0.0), agent=-1) -> int:
        for k, v in zip(self.rows, (center, size, yaw, velocity, cls, albedo, kind, agent)):
            self.rows[k].append(v)
        return len(self.rows["cls"]) - 1

    def agent(self, category, attribute, center_xy, yaw, lwh, velocity, cls, parts) -> None:
        """An annotated object: a proxy box (the annotation) and its rendered parts.

        parts: (offset along heading, lateral offset, z bottom, length, width, height, kind, albedo).
        """
        ai = len(self.agents)
        l, w, h = lwh
        b = self.box((center_xy[0], center_xy[1], h / 2), lwh, yaw, cls, (0, 0, 0), PROXY, velocity, ai)
        self.agents.append(Agent(category, attribute, b))
        c, s = math.cos(yaw), math.sin(yaw)
        for dx, dy, z0, pl, pw, ph, kind, alb in parts:
            x, y = center_xy[0] + c * dx - s * dy, center_xy[1] + s * dx + c * dy
            self.box((x, y, z0 + ph / 2), (pl, pw, ph), yaw, cls, alb, kind, velocity, ai)

    def build(self) -> Boxes:
        r = self.rows
        f = lambda k: np.asarray(r[k], dtype=np.float64).reshape(len(r["cls"]), -1)  # noqa: E731
        return Boxes(f("center"), f("size"), f("yaw")[:, 0], f("velocity"), np.asarray(r["cls"], np.int64),
                     f("albedo"), np.asarray(r["kind"], np.int64), np.asarray(r["agent"], np.int64))


def _vehicle_parts(rng, category, l, w, h, color):
    if category == "vehicle.truck":  # cab in front, cargo box behind, a small gap between
        cab_l = 0.24 * l
        return [(l / 2 - cab_l / 2, 0.0, 0.0, cab_l, w, 0.82 * h, CAR_CABIN, color),
                (-0.13 * l, 0.0, 0.0, 0.72 * l, w, h, CARGO, np.clip(color * 0.3 + 0.6, 0, 1))]
    body_h = 0.56 * h
    cab_l = float(rng.uniform(0.48, 0.58)) * l
    return [(0.0, 0.0, 0.0, l, w, body_h, CAR_BODY, color),
            (-0.06 * l, 0.0, body_h, cab_l, 0.9 * w, h - body_h, CAR_CABIN, color)]


def _person_parts(h, cloth):
    head = 0.13 * h
    return [(0.0, 0.0, 0.0, 0.3, 0.5, h - head, PERSON, cloth),
            (0.0, 0.0, h - head, 0.22, 0.2, head, HEAD, (0.8, 0.62, 0.5))]


def _clear_of_ego(center_xy, yaw, lwh, velocity, ego_xy, ego_yaw, times, margin=0.8) -> bool:
    """Whether a box's footprint stays at least `margin` from the ego car's at every keyframe."""
    ego_l, ego_w, ego_front = 4.8, 1.95, 1.4  # nuScenes ego poses sit near the rear axle
    track = np.asarray(center_xy)[None] + np.asarray(velocity[:2])[None] * np.asarray(times)[:, None]
    reach = math.hypot(*lwh) / 2 + math.hypot(ego_l, ego_w) / 2 + ego_front + margin
    if (np.linalg.norm(track - ego_xy, axis=1) > reach).all():
        return True  # too far at every keyframe for the exact test to matter
    for k in range(len(times)):
        p = np.asarray(center_xy) + np.asarray(velocity[:2]) * times[k]
        ce = ego_xy[k] + ego_front * np.array([math.cos(ego_yaw[k]), math.sin(ego_yaw[k])])
        if _rect_gap(p, yaw, lwh[0], lwh[1], ce, ego_yaw[k], ego_l, ego_w) < margin:
            return False
    return True


def _rect_gap(c1, y1, l1, w1, c2, y2, l2, w2) -> float:
    """Separation of two oriented rectangles along the best separating axis (<= 0: overlap)."""
    axes = [np.array([math.cos(a), math.sin(a)]) for a in (y1, y1 + math.pi / 2, y2, y2 + math.pi / 2)]
    d = np.asarray(c2) - np.asarray(c1)

    def extent(yaw, l, w, ax):
        return (abs(math.cos(yaw) * ax[0] + math.sin(yaw) * ax[1]) * l
                + abs(-math.sin(yaw) * ax[0] + math.cos(yaw) * ax[1]) * w) / 2

    return max(abs(d @ ax) - extent(y1, l1, w1, ax) - extent(y2, l2, w2, ax) for ax in axes)


def make_scene(rng: np.random.Generator, frames: int, hz: float) -> Scene:
    weather = WEATHERS[int(rng.integers(3))]
    tod = TIMES[int(rng.choice(3, p=[0.5, 0.25, 0.25]))]
    speed = float(rng.uniform(5.0, 9.0))
    ego_xy, ego_yaw, maneuvers, path = _ego_path(rng, frames, hz, speed)
    times = np.arange(frames) / hz
    B = _Builder()
    tracks: list[tuple[np.ndarray, np.ndarray]] = []  # accepted vehicles: centres [F, 2], half extents [2]

    def free_of_traffic(c, yaw, l, w, vel, margin=0.5) -> bool:
        """No overlap with an accepted vehicle at any keyframe (all vehicles are axis-aligned)."""
        track = np.asarray(c)[None] + np.asarray(vel[:2])[None] * times[:, None]
        half = np.abs([[math.cos(yaw), math.sin(yaw)], [math.sin(yaw), math.cos(yaw)]]) @ np.array([l, w]) / 2
        for other, oh in tracks:
            if (np.all(np.abs(track - other) < half + oh + margin, axis=1)).any():
                return False
        tracks.append((track, half))
        return True

    def vehicle_dims():
        if rng.random() < 0.15:
            return "vehicle.truck", (float(rng.uniform(6.5, 9.0)), float(rng.uniform(2.3, 2.6)), float(rng.uniform(2.8, 3.5)))
        return "vehicle.car", (float(rng.uniform(4.2, 5.0)), float(rng.uniform(1.75, 1.95)), float(rng.uniform(1.45, 1.7)))

    # buildings (facing all four streets) and trees in every block of the grid and a ring around it
    for i in range(-1, GRID):
        for j in range(-1, GRID):
            x0, y0 = road_coord(i) + HALF_ROAD + SIDEWALK, road_coord(j) + HALF_ROAD + SIDEWALK
            x1, y1 = road_coord(i + 1) - HALF_ROAD - SIDEWALK, road_coord(j + 1) - HALF_ROAD - SIDEWALK
            inner = x1 - x0
            n = int(rng.integers(2, 5))
            cuts = np.sort(rng.uniform(0.12, 0.88, n - 1)) * inner
            edges = np.concatenate([[0.0], cuts, [inner]])
            for side in range(4):
                for a, b in zip(edges[:-1], edges[1:]):
                    if b - a < 6:
                        continue
                    depth = float(rng.uniform(10, 20))
                    h = float(rng.uniform(7, 30)) * (1.0 if rng.random() < 0.8 else 1.6)
                    setback = float(rng.uniform(0.3, 2.5))
                    col = np.clip(FACADES[int(rng.integers(len(FACADES)))] + rng.normal(0, 0.04, 3), 0.1, 0.9)
                    along, gap = (a + b) / 2, (b - a) - float(rng.uniform(0.5, 2.5))
                    if side == 0:   c, sz = (x0 + along, y0 + setback + depth / 2), (gap, depth)
                    elif side == 1: c, sz = (x0 + along, y1 - setback - depth / 2), (gap, depth)
                    elif side == 2: c, sz = (x0 + setback + depth / 2, y0 + along), (depth, gap)
                    else:           c, sz = (x1 - setback - depth / 2, y0 + along), (depth, gap)
                    B.box((c[0], c[1], h / 2), (sz[0], sz[1], h), 0.0, BUILDING, col, BUILDING_K)
            for side in range(4):  # street trees near the kerb
                for s in np.arange(6.0, inner, 11.0):
                    if rng.random() < 0.45:
                        continue
                    off = -SIDEWALK + 0.8
                    xy = {0: (x0 + s, y0 + off), 1: (x0 + s, y1 - off), 2: (x0 + off, y0 + s), 3: (x1 - off, y0 + s)}[side]
                    th, ch, cw = float(rng.uniform(2.2, 3.0)), float(rng.uniform(2.5, 4.5)), float(rng.uniform(2.5, 4.0))
                    green = np.clip([0.2, 0.42, 0.16] + rng.normal(0, 0.04, 3), 0, 1)
                    B.box((xy[0], xy[1], th / 2), (0.35, 0.35, th), 0.0, VEGETATION, (0.32, 0.23, 0.15), PLAIN)
                    yaw = float(rng.uniform(0, np.pi / 2))
                    # two crossed boxes make a rounder crown than one cube
                    B.box((xy[0], xy[1], th + ch / 2), (cw, 0.75 * cw, ch), yaw, VEGETATION, green, CANOPY)
                    B.box((xy[0], xy[1], th + ch * 0.45), (0.75 * cw, cw, 0.8 * ch), yaw, VEGETATION, green * 0.9, CANOPY)

    def near_intersection(s, clearance):
        d, _ = nearest_road(s)
        return abs(d) < HALF_ROAD + clearance

    roads = [(axis, float(road_coord(k))) for axis in (0, 1) for k in range(GRID)]  # axis 0: along x at y = pos
    for axis, pos in roads:  # parked cars on both parking strips, facing the traffic direction
        for side in (-1, 1):
            for s in np.arange(MAP_LO + 5.0, MAP_HI - 5.0, 7.0):
                if rng.random() > 0.25 or near_intersection(s, 8):
                    continue
                cat, (l, w, h) = vehicle_dims()
                if cat == "vehicle.truck":
                    continue
                yaw = (0.0 if axis == 0 else math.pi / 2) + (math.pi if side > 0 else 0.0)
                c = (s, pos + side * PARK_OFFSET) if axis == 0 else (pos - side * PARK_OFFSET, s)
                if not _clear_of_ego(c, yaw, (l, w), (0, 0, 0), ego_xy, ego_yaw, times) or \
                        not free_of_traffic(c, yaw, l, w, (0.0, 0.0)):
                    continue
                color = CAR_COLORS[int(rng.integers(len(CAR_COLORS)))]
                B.agent(cat, "vehicle.parked", c, yaw, (l, w, h), (0.0, 0.0, 0.0), VEHICLE,
                        _vehicle_parts(rng, cat, l, w, h, color))

    # moving traffic: one speed per lane (so cars in a lane never run into each other), kept on
    # the map for the whole scene and clear of the ego
    for axis, pos in roads:
        for direction in (-1, 1):
            for off in LANES_OFFSETS:
                v = float(rng.uniform(4.0, 11.0)) * direction
                phase = float(rng.uniform(0, 30))
                for s0 in np.arange(MAP_LO + phase, MAP_HI, 30.0):
                    if rng.random() > 0.35:
                        continue
                    cat, (l, w, h) = vehicle_dims()
                    ends = s0 + v * times[[0, -1]]
                    if ends.min() < MAP_LO + l or ends.max() > MAP_HI - l:
                        continue
                    right = -direction * off  # right-hand traffic: lane right of the travel direction
                    if axis == 0:
                        c, vel, yaw = (s0, pos + right), (v, 0.0, 0.0), 0.0 if direction > 0 else math.pi
                    else:
                        c, vel, yaw = (pos - right, s0), (0.0, v, 0.0), math.pi / 2 if direction > 0 else -math.pi / 2
                    if not _clear_of_ego(c, yaw, (l, w), vel, ego_xy, ego_yaw, times, margin=1.5) or \
                            not free_of_traffic(c, yaw, l, w, vel):
                        continue  # crossing traffic would drive through it (no traffic lights)
                    color = CAR_COLORS[int(rng.integers(len(CAR_COLORS)))]
                    B.agent(cat, "vehicle.moving", c, yaw, (l, w, h), vel, VEHICLE,
                            _vehicle_parts(rng, cat, l, w, h, color))

    # pedestrians on the sidewalks near the ego route, walking along the street or standing
    for _ in range(int(rng.integers(14, 26))):
        f = int(rng.integers(len(ego_xy)))
        axis = int(rng.integers(2))
        base = ego_xy[f] + rng.normal(0, 25, 2)
        _, k = nearest_road(base[1 - axis])
        side = 1 if rng.random() < 0.5 else -1
        off = float(road_coord(k)) + side * (HALF_ROAD + float(rng.uniform(1.6, SIDEWALK - 0.4)))
        moving = rng.random() > 0.2
        speed_p = float(rng.uniform(0.9, 1.6)) * (1 if rng.random() < 0.5 else -1) * moving
        h = float(rng.uniform(1.55, 1.9))
        c = (float(base[0]), off) if axis == 0 else (off, float(base[1]))
        vel = (speed_p, 0.0, 0.0) if axis == 0 else (0.0, speed_p, 0.0)
        yaw = math.atan2(vel[1], vel[0]) if moving else float(rng.uniform(-np.pi, np.pi))
        cloth = np.clip(rng.uniform(0.05, 0.75, 3), 0, 1)
        if not _clear_of_ego(c, yaw, (0.6, 0.6), vel, ego_xy, ego_yaw, times):
            continue
        B.agent("human.pedestrian.adult", "pedestrian.moving" if moving else "pedestrian.standing", c, yaw,
                (0.45, 0.6, h), vel, PEDESTRIAN, _person_parts(h, cloth))

    places = ["through an intersection" if x else "along a city street" for x in _in_intersection(ego_xy)]
    return Scene(B.build(), B.agents, ego_xy, ego_yaw, times, weather, tod, path, speed, maneuvers=maneuvers,
                 places=places)


# ---------------------------------------------------------------------------------- ground
def road_frame(x, y):
    """Offsets from the nearest existing x-road / y-road centrelines and whether each road is there.

    Returns (dx, dy, on_x, on_y): dy is the offset across the road running along x (at y = const),
    on_x whether (x, y) lies on such a road (inside the map's extent), and likewise for y roads.
    """
    dy, _ = nearest_road(y)
    dx, _ = nearest_road(x)
    on_x = (np.abs(dy) < HALF_ROAD) & (x >= MAP_LO) & (x <= MAP_HI)
    on_y = (np.abs(dx) < HALF_ROAD) & (y >= MAP_LO) & (y <= MAP_HI)
    return dx, dy, on_x, on_y


def ground_class(x, y):
    """Semantic class of ground points: ROAD, MARKING (paint) or GROUND (sidewalk, verge)."""
    dx, dy, on_x, on_y = road_frame(x, y)
    road = on_x | on_y
    cls = np.where(road, ROAD, GROUND)
    return np.where(road & _marking(x, y, dx, dy, on_x, on_y), MARKING, cls)


def _marking(x, y, dx, dy, on_x, on_y):
    """Road paint, the same lines the map's lane/road dividers and crossings describe."""
    inter = on_x & on_y
    along_x = on_x & ~on_y
    along_y = on_y & ~on_x
    dash_x = (x % 9.0) < 4.5
    dash_y = (y % 9.0) < 4.5
    m = np.zeros(np.shape(x), dtype=bool)
    # double yellow centre line (map: road_divider) and dashed lane lines (map: lane_divider)
    m |= along_x & ((np.abs(np.abs(dy) - 0.2) < 0.1) | ((np.abs(np.abs(dy) - LANE) < 0.1) & dash_x))
    m |= along_y & ((np.abs(np.abs(dx) - 0.2) < 0.1) | ((np.abs(np.abs(dx) - LANE) < 0.1) & dash_y))
    # edge line of the parking strip (solid, thin)
    m |= along_x & (np.abs(np.abs(dy) - 2 * LANE) < 0.06)
    m |= along_y & (np.abs(np.abs(dx) - 2 * LANE) < 0.06)
    # zebra crossings (map: ped_crossing), 4 m wide just outside each intersection
    zx = along_x & (np.abs(dx) > HALF_ROAD + 0.5) & (np.abs(dx) < HALF_ROAD + 4.5) & ((dy % 1.2) < 0.6)
    zy = along_y & (np.abs(dy) > HALF_ROAD + 0.5) & (np.abs(dy) < HALF_ROAD + 4.5) & ((dx % 1.2) < 0.6)
    # stop lines (map: stop_line) on the approaching half of each arm
    sx = along_x & (np.abs(np.abs(dx) - STOP_AT) < 0.25) & (dy * np.sign(dx) > 0) & (np.abs(dy) < 2 * LANE)
    sy = along_y & (np.abs(np.abs(dy) - STOP_AT) < 0.25) & (dx * np.sign(dy) < 0) & (np.abs(dx) < 2 * LANE)
    return (m | zx | zy | sx | sy) & ~inter


STOP_AT = HALF_ROAD + 5.5   # stop line distance from the crossing road's centreline
