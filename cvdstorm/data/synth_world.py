"""The procedural world behind `cvdstorm synth`: city grid, agents, exact ray caster, shading.

In:  a numpy Generator (the scene's seed), the number of keyframes and their rate.
Out: `make_scene(rng, frames, hz) -> Scene`: static and moving oriented boxes (buildings, trees,
     cars/trucks built from parts, pedestrians), the annotatable agents (one proxy box each, the
     nuScenes box), the ego trajectory, weather and time of day, and the map geometry.
     `cast_rays(scene, t, origin, dirs, ...) -> Hits`: exact first hits with the ground plane and
     every solid box (slab test), so camera depth, semantics and LiDAR share one geometry.
     `shade(scene, hits, dirs, origin, ego_fwd) -> rgb [N, 3]`: procedural materials evaluated at
     the 3D hit point (consistent across views and time), lighting, fog, rain, night lights.

World: a Manhattan grid of GRID x GRID roads (BLOCK apart; 2 lanes per direction and a parking
strip; dashed lane lines, double yellow centre line, zebra crossings and stop lines at every
intersection) whose arms continue one block beyond the grid, with a ring of built blocks around.
Everything moves with constant velocity, so annotation positions follow the motion exactly.
Camera ray directions are not normalised: with K^-1 [u, v, 1] rotated to the world, the ray
parameter is the camera z-depth itself.

Global frame: x east, y north, z up, ground at z = 0 (as nuScenes); all map coordinates are
positive (the map canvas is [0, CANVAS]^2). Yaw is about +z.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

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


@dataclass
class Scene:
    boxes: Boxes
    agents: list[Agent]
    ego_xy: np.ndarray       # [F, 2]
    ego_yaw: np.ndarray      # [F]
    times: np.ndarray        # [F] seconds
    weather: str
    time_of_day: str
    maneuvers: list = field(default_factory=list)   # per frame: "driving straight" / "turning left" / ...
    places: list = field(default_factory=list)      # per frame: "through an intersection" / "along a street"

    def ego_pose(self, f: int) -> np.ndarray:
        c, s = math.cos(self.ego_yaw[f]), math.sin(self.ego_yaw[f])
        T = np.eye(4)
        T[:2, :2] = [[c, -s], [s, c]]
        T[:2, 3] = self.ego_xy[f]
        return T


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
    s = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(pts, axis=0), axis=1))])
    st = speed * np.arange(frames) / hz + BLOCK * 0.1

    def at(x):
        return np.stack([np.interp(x, s, pts[:, 0]), np.interp(x, s, pts[:, 1])], -1)

    xy = at(st)
    tangent = at(st + 1.0) - at(st - 1.0)
    yaw = np.arctan2(tangent[:, 1], tangent[:, 0])
    # manoeuvre from the heading change over the next 2 s
    dyaw = np.angle(np.exp(1j * (np.arctan2(*(at(st + 2 * speed) - at(st + 2 * speed - 1.0))[:, ::-1].T) - yaw)))
    maneuvers = ["turning left" if w > 0.3 else "turning right" if w < -0.3 else "driving straight" for w in dyaw]
    return xy, yaw, maneuvers, pts


def _nearest_road(p):
    """Offset of coordinate(s) p from the nearest existing road centreline, and that road's index."""
    k = np.clip(np.round((np.asarray(p) - ROAD0) / BLOCK), 0, GRID - 1)
    return np.asarray(p) - road_coord(k), k


def _in_intersection(xy) -> np.ndarray:
    dx, _ = _nearest_road(xy[..., 0])
    dy, _ = _nearest_road(xy[..., 1])
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
        d, _ = _nearest_road(s)
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
        _, k = _nearest_road(base[1 - axis])
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
    return Scene(B.build(), B.agents, ego_xy, ego_yaw, times, weather, tod, maneuvers=maneuvers, places=places)


# --------------------------------------------------------------------------------- casting
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


# ---------------------------------------------------------------------------------- ground
def _road_frame(x, y):
    """Offsets from the nearest existing x-road / y-road centrelines and whether each road is there.

    Returns (dx, dy, on_x, on_y): dy is the offset across the road running along x (at y = const),
    on_x whether (x, y) lies on such a road (inside the map's extent), and likewise for y roads.
    """
    dy, _ = _nearest_road(y)
    dx, _ = _nearest_road(x)
    on_x = (np.abs(dy) < HALF_ROAD) & (x >= MAP_LO) & (x <= MAP_HI)
    on_y = (np.abs(dx) < HALF_ROAD) & (y >= MAP_LO) & (y <= MAP_HI)
    return dx, dy, on_x, on_y


def ground_class(x, y):
    """Semantic class of ground points: ROAD, MARKING (paint) or GROUND (sidewalk, verge)."""
    dx, dy, on_x, on_y = _road_frame(x, y)
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


# ----------------------------------------------------------------------------------- shading
def _hash(a, b, c):
    """Deterministic pseudo-random in [0, 1) from integer lattice coordinates."""
    h = (a * 73856093) ^ (b * 19349663) ^ (c * 83492791)
    h = (h ^ (h >> 13)) * 1274126177
    return ((h ^ (h >> 16)) & 0xFFFF) / 65536.0


def _noise(p, scale):
    """Blocky value noise on a 3D lattice (cheap; for fine grain)."""
    q = np.floor(p * scale).astype(np.int64)
    return _hash(q[..., 0], q[..., 1], q[..., 2])


def _vnoise2(u, v, scale, salt=0):
    """Smooth 2D value noise in [0, 1): bilinear between lattice values with smoothstep weights."""
    u, v = u * scale, v * scale
    iu, iv = np.floor(u), np.floor(v)
    fu, fv = u - iu, v - iv
    fu, fv = fu * fu * (3 - 2 * fu), fv * fv * (3 - 2 * fv)
    iu, iv = iu.astype(np.int64), iv.astype(np.int64)
    h00, h10 = _hash(iu, iv, salt), _hash(iu + 1, iv, salt)
    h01, h11 = _hash(iu, iv + 1, salt), _hash(iu + 1, iv + 1, salt)
    return (h00 * (1 - fu) + h10 * fu) * (1 - fv) + (h01 * (1 - fu) + h11 * fu) * fv


def _fbm2(u, v, scale, octaves=3, salt=0):
    out, amp, tot = 0.0, 1.0, 0.0
    for o in range(octaves):
        out = out + amp * _vnoise2(u, v, scale * 2 ** o, salt + o)
        tot += amp
        amp *= 0.5
    return out / tot


LIGHT = {  # towards the sun, sun colour, ambient colour, sky zenith, sky horizon, haze
    "day": ((0.4, 0.3, 0.85), (1.0, 0.96, 0.88), (0.42, 0.46, 0.55), (0.3, 0.5, 0.85), (0.72, 0.82, 0.94), (0.75, 0.78, 0.82)),
    "dusk": ((-0.85, 0.25, 0.18), (1.0, 0.62, 0.35), (0.3, 0.27, 0.34), (0.22, 0.24, 0.45), (0.95, 0.62, 0.42), (0.72, 0.56, 0.5)),
    "night": ((0.2, 0.3, 0.9), (0.08, 0.08, 0.12), (0.07, 0.07, 0.1), (0.01, 0.015, 0.04), (0.06, 0.06, 0.1), (0.07, 0.07, 0.09)),
}
FOG_LENGTH = {"clear": 500.0, "rain": 110.0, "fog": 32.0}   # metres for 63 % haze


@dataclass
class ShadowMap:
    """Top-down map of the sun's shadows on the ground around a point, shared by all cameras."""

    shade: np.ndarray      # [S, S] float32 in [0, 1], 1 = full shadow; row = y, column = x
    x0: float
    y0: float
    res: float             # metres per cell

    def lookup(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Bilinear shadow amount at world x, y (0 outside the map)."""
        S = self.shade.shape[0]
        u, v = (x - self.x0) / self.res - 0.5, (y - self.y0) / self.res - 0.5
        iu, iv = np.floor(u).astype(np.int64), np.floor(v).astype(np.int64)
        fu, fv = u - iu, v - iv
        ok = (iu >= 0) & (iv >= 0) & (iu < S - 1) & (iv < S - 1)
        iu, iv = np.where(ok, iu, 0), np.where(ok, iv, 0)
        m = self.shade
        val = (m[iv, iu] * (1 - fu) + m[iv, iu + 1] * fu) * (1 - fv) + (m[iv + 1, iu] * (1 - fu) + m[iv + 1, iu + 1] * fu) * fv
        return np.where(ok, val, 0.0)


def sun_shadows(scene: Scene, t: float, center_xy, half: float = 70.0, res: float = 0.2) -> ShadowMap | None:
    """Sun shadows of every solid box on the ground within `half` metres of center_xy.

    A box's shadow on the plane z = 0 is the convex hull of its corners projected along the sun
    direction, drawn as one polygon (PIL, in C); bilinear lookup softens its edges over a cell.
    None when there is no direct sun (night, rain, fog).
    """
    if scene.time_of_day == "night" or scene.weather != "clear":
        return None
    from PIL import Image, ImageDraw

    from ..geometry import box_corners

    sun = np.array(LIGHT[scene.time_of_day][0], dtype=np.float64)
    sun = sun / np.linalg.norm(sun)
    bx = scene.boxes
    cen = bx.centers(t)
    # shadows reach up to height / tan(elevation): include boxes that far outside the map
    reach = half + bx.size[:, 2] * math.hypot(sun[0], sun[1]) / sun[2] + np.linalg.norm(bx.size[:, :2], axis=1)
    sel = np.nonzero(bx.solid & (np.abs(cen[:, :2] - np.asarray(center_xy)).max(1) < reach))[0]
    x0, y0 = center_xy[0] - half, center_xy[1] - half
    S = int(round(2 * half / res))
    im = Image.new("L", (S, S), 0)
    draw = ImageDraw.Draw(im)
    if len(sel):
        corners = box_corners(cen[sel], bx.size[sel][:, [1, 0, 2]], bx.yaw[sel])          # [M, 8, 3]
        flat = corners[..., :2] - corners[..., 2:3] / sun[2] * sun[:2]                    # on z = 0
        px = np.stack([(flat[..., 0] - x0) / res, (flat[..., 1] - y0) / res], -1)
        lo, hi = px.min(1), px.max(1)
        inside = np.nonzero((hi > 0).all(1) & (lo < S).all(1))[0]
        for k in inside:
            draw.polygon(_hull(px[k]), fill=255)
    return ShadowMap(np.asarray(im, dtype=np.float32) / 255.0, x0, y0, res)


def _hull(p: np.ndarray) -> list[tuple[float, float]]:
    """Convex hull of a few 2D points [n, 2] (Andrew's monotone chain), counter-clockwise."""
    pts = sorted(map(tuple, p.tolist()))

    def half(seq):
        out = []
        for q in seq:
            while len(out) >= 2 and (out[-1][0] - out[-2][0]) * (q[1] - out[-2][1]) - (out[-1][1] - out[-2][1]) * (q[0] - out[-2][0]) <= 0:
                out.pop()
            out.append(q)
        return out[:-1]

    return half(pts) + half(pts[::-1])


def shade(scene: Scene, hits: Hits, dirs: np.ndarray, origin: np.ndarray, ego_fwd: np.ndarray,
          t: float = 0.0, shadows: ShadowMap | None = None) -> np.ndarray:
    """Colours [N, 3] in [0, 1] for hits of rays `dirs` [N, 3] from `origin` at scene time t.

    shadows: the sun's shadows on the ground (sun_shadows), or None for none.
    """
    sun, sun_col, amb, sky_top, sky_hor, haze = (np.array(v) for v in LIGHT[scene.time_of_day])
    sun = sun / np.linalg.norm(sun)
    night, wet = scene.time_of_day == "night", scene.weather == "rain"
    if scene.weather != "clear":  # overcast: no direct sun, brighter flat ambient
        amb, sun_col = amb + 0.35 * sun_col * (0.3 if night else 1.0), sun_col * 0.15
    n = len(dirs)
    alb = np.zeros((n, 3))
    emit = np.zeros((n, 3))           # light sources (lamps, lit windows), not lit by the sun
    spec = np.zeros(n)                # specular strength (paint, glass, wet road)
    pt = hits.point
    g = (hits.box < 0) & np.isfinite(hits.depth)
    if g.any():
        p = pt[g]
        cls = hits.cls[g]
        large = _fbm2(p[:, 0], p[:, 1], 0.15, 2, salt=1)[:, None]
        grain = _noise(p, 12.0)[:, None]
        asphalt = np.array([0.25, 0.25, 0.27]) * (0.85 + 0.3 * large) + 0.05 * (grain - 0.5)
        pave = np.array([0.56, 0.54, 0.5]) * (0.9 + 0.15 * large) + 0.04 * (grain - 0.5)
        slab = (np.abs((p[:, 0] % 1.5) - 0.75) > 0.72) | (np.abs((p[:, 1] % 1.5) - 0.75) > 0.72)
        pave = np.where(slab[:, None], pave * 0.8, pave)
        dx, dy, _, _ = _road_frame(p[:, 0], p[:, 1])
        centre = np.minimum(np.abs(dx), np.abs(dy)) < 0.4
        paint = np.where(centre[:, None], np.array([0.85, 0.68, 0.15]), np.array([0.88, 0.88, 0.85]))
        paint = paint * (0.8 + 0.2 * _vnoise2(p[:, 0], p[:, 1], 2.0, salt=2))[:, None]  # worn paint
        col = np.where((cls == ROAD)[:, None], asphalt, np.where((cls == MARKING)[:, None], paint, pave))
        if wet:
            col = col * 0.6
            spec[g] = np.where(cls == GROUND, 0.15, 0.45)
        alb[g] = col
        alb[g] *= _contact_shadows(scene, p, t, sun)[:, None]
    b = hits.box >= 0
    if b.any():
        alb[b], emit[b], spec[b] = _box_materials(scene, hits, b, night)
    nrm = hits.normal
    ndl = np.clip(nrm[:, 0] * sun[0] + nrm[:, 1] * sun[1] + nrm[:, 2] * sun[2], 0, 1)
    if shadows is not None and g.any():  # the ground in a box's shadow gets no direct sun
        gi = np.nonzero(g)[0]
        ndl[gi] *= 1 - shadows.lookup(pt[gi, 0], pt[gi, 1])
    # ambient is stronger on up-facing surfaces (sky light) than on walls
    light = amb[None] * (0.75 + 0.25 * nrm[:, 2:3]) + sun_col[None] * ndl[:, None]
    rgb = alb * light + emit
    dn = dirs / np.sqrt(dirs[:, 0] ** 2 + dirs[:, 1] ** 2 + dirs[:, 2] ** 2)[:, None]
    sp = np.nonzero(spec > 0)[0]
    if len(sp):  # specular: sky reflection with a Schlick grazing boost, and the sun's highlight
        d, n_, k = dn[sp], nrm[sp], spec[sp]
        dot = np.sum(d * n_, 1)
        fres = k * (0.04 + 0.96 * (1 - np.abs(dot)) ** 5)
        refl = d - 2 * dot[:, None] * n_
        hl = np.clip(refl @ sun, 0, 1) ** 40 * k * 0.8
        rgb[sp] += fres[:, None] * sky_hor + hl[:, None] * sun_col
    solid = np.nonzero(np.isfinite(hits.depth))[0]
    to = pt[solid] - origin
    dist = np.sqrt(np.sum(to * to, 1))
    if night:  # ego headlights light the road and objects ahead
        cosang = (to @ ego_fwd) / (dist + 1e-6)
        beam = np.clip((cosang - 0.82) / 0.18, 0, 1) * np.clip(1 - dist / 45, 0, 1) ** 1.5
        # street-light pools at the intersections
        ddx, ddy, _, _ = _road_frame(pt[solid, 0], pt[solid, 1])
        pool = np.exp(-(np.minimum(np.abs(ddx), 30) ** 2 + np.minimum(np.abs(ddy), 30) ** 2) / 250.0) * 0.8
        rgb[solid] += alb[solid] * (beam[:, None] * np.array([1.3, 1.25, 1.1]) + pool[:, None] * np.array([1.0, 0.8, 0.5]))
    sky = np.nonzero(~np.isfinite(hits.depth))[0]
    if len(sky):
        rgb[sky] = _sky(scene, dn[sky], sun, sky_top, sky_hor, haze)
        if scene.weather != "clear":
            rgb[sky] = rgb[sky] * 0.15 + haze * 0.85
    # fog / haze: exponential blend towards the haze colour with distance
    f = (1 - np.exp(-dist / FOG_LENGTH[scene.weather]))[:, None]
    rgb[solid] = rgb[solid] * (1 - f) + haze * f
    if wet:  # rain streaks: thin slanted bright lines fixed to the view ray (near the lens)
        a = np.floor(dn[:, 0] * 260 + dn[:, 1] * 260 + dn[:, 2] * 35).astype(np.int64)
        b_ = np.floor(dn[:, 2] * 9).astype(np.int64)
        streak = _hash(a, b_, np.floor(np.arctan2(dn[:, 1], dn[:, 0]) * 40).astype(np.int64))
        rgb += (streak > 0.975)[:, None] * (0.05 if night else 0.12)
    return np.clip(rgb, 0, 1)


def _sky(scene, dn, sun, top, hor, haze):
    e = np.clip(dn[:, 2], 0, 1)[:, None]
    col = hor * (1 - e ** 0.5) + top * e ** 0.5
    if scene.weather == "clear":
        # clouds on a plane 1 km up, faded towards the horizon; a glow around the sun
        k = 1000.0 / np.maximum(dn[:, 2], 0.02)
        cu, cv = dn[:, 0] * k, dn[:, 1] * k
        cover = np.clip((_fbm2(cu, cv, 1 / 900.0, 3, salt=7) - 0.55) * 3.0, 0, 1) * np.clip(dn[:, 2] * 6, 0, 1)
        cloud = np.array([0.95, 0.95, 0.97]) if scene.time_of_day == "day" else (
            np.array([0.9, 0.55, 0.45]) if scene.time_of_day == "dusk" else np.array([0.04, 0.04, 0.06]))
        col = col * (1 - cover[:, None] * 0.85) + cloud * cover[:, None] * 0.85
        glow = np.clip(dn @ sun, 0, 1)
        if scene.time_of_day != "night":
            col = col + (glow ** 300 * 1.5 + glow ** 8 * 0.25)[:, None] * np.array([1.0, 0.9, 0.7])
    else:
        col = col * 0.3 + haze * 0.7
    if scene.time_of_day == "night":  # city glow near the horizon
        col = col + np.array([0.08, 0.06, 0.05]) * np.clip(1 - dn[:, 2] * 4, 0, 1)[:, None]
    return col


def _contact_shadows(scene: Scene, p: np.ndarray, t: float, sun: np.ndarray) -> np.ndarray:
    """Darkening factor [M] of ground points p [M, 3] under and beside agents.

    Cheap blob shadows instead of shadow rays: each agent's footprint, shifted away from the sun
    by a fraction of its height, darkens the ground with a soft 0.8 m edge.
    """
    out = np.ones(len(p))
    bx = scene.boxes
    agents = np.nonzero(bx.kind == PROXY)[0]
    if len(agents) == 0 or len(p) == 0:
        return out
    lean = -sun[:2] / max(sun[2], 0.35) * 0.35
    cen = bx.centers(t)[agents, :2] + lean[None] * bx.size[agents, 2:3]
    lo, hi = p[:, :2].min(0) - 6, p[:, :2].max(0) + 6
    inside = np.all((cen > lo) & (cen < hi), axis=1)
    for k in np.nonzero(inside)[0]:
        i = agents[k]
        reach = bx.size[i, 0] / 2 + 1.0
        m = np.nonzero((np.abs(p[:, 0] - cen[k, 0]) < reach) & (np.abs(p[:, 1] - cen[k, 1]) < reach))[0]
        if len(m) == 0:
            continue
        c, s = math.cos(bx.yaw[i]), math.sin(bx.yaw[i])
        d = p[m, :2] - cen[k]
        lx, ly = np.abs(c * d[:, 0] + s * d[:, 1]), np.abs(c * d[:, 1] - s * d[:, 0])
        outside = np.maximum(np.maximum(lx - bx.size[i, 0] / 2, ly - bx.size[i, 1] / 2), 0)
        out[m] = np.minimum(out[m], 1 - 0.55 * np.clip(1 - outside / 0.8, 0, 1))
    return out


def _box_materials(scene: Scene, hits: Hits, b: np.ndarray, night: bool):
    """Albedo [M, 3], emission [M, 3] and specular strength [M] of the box hits selected by b."""
    bx = scene.boxes
    i = hits.box[b]
    lp = hits.local[b]                       # hit point in the box frame
    nrm_l = np.zeros_like(lp)                # box-frame normal from the face that was hit
    half = bx.size[i] / 2
    u = lp / half                            # [-1, 1] on each axis
    face = np.argmax(np.abs(u), 1)
    nrm_l[np.arange(len(u)), face] = np.sign(u[np.arange(len(u)), face])
    col = bx.albedo[i].copy()
    emit = np.zeros_like(col)
    spec = np.zeros(len(i))
    kind = bx.kind[i]
    wp = hits.point[b]
    grain = _noise(wp, 8.0) - 0.5
    side = face == 1                          # box-frame y faces (sides of vehicles)
    front, back, top = (face == 0) & (u[:, 0] > 0), (face == 0) & (u[:, 0] < 0), (face == 2) & (u[:, 2] > 0)

    # car body: paint, dark wheels on the sides, lamps on the front and back, dark sill
    m = kind == CAR_BODY
    if m.any():
        spec[m] = 0.5
        zb = lp[m, 2] + half[m, 2]                             # height above the ground
        wx = np.abs(np.abs(lp[m, 0]) - 0.68 * half[m, 0])     # distance to the wheel axles
        wheel = side[m] & (wx ** 2 + (zb - 0.33) ** 2 < 0.33 ** 2)
        sill = zb < 0.2
        cm = col[m]
        cm[sill] = (0.05, 0.05, 0.05)
        cm[wheel] = (0.03, 0.03, 0.03)
        lamp_row = (u[m, 2] > 0.1) & (u[m, 2] < 0.6) & (np.abs(u[m, 1]) > 0.55) & (np.abs(u[m, 1]) < 0.9)
        head = front[m] & lamp_row
        tail = back[m] & lamp_row
        grille = front[m] & (np.abs(u[m, 1]) < 0.45) & (u[m, 2] > -0.3) & (u[m, 2] < 0.3)
        plate = back[m] & (np.abs(u[m, 1]) < 0.2) & (u[m, 2] > -0.5) & (u[m, 2] < -0.1)
        cm[grille] = (0.08, 0.08, 0.09)
        cm[plate] = (0.85, 0.85, 0.8)
        cm[head] = (0.9, 0.9, 0.85)
        cm[tail] = (0.6, 0.05, 0.05)
        col[m] = cm
        em = emit[m]
        em[head] = (1.0, 0.95, 0.8) if night else (0.1, 0.1, 0.1)
        em[tail] = (0.9, 0.1, 0.05) if night else (0.0, 0.0, 0.0)
        emit[m] = em
    # cabin (car greenhouse / truck cab): glass all round behind thin pillars, painted roof
    m = kind == CAR_CABIN
    if m.any():
        truck = np.array([scene.agents[a].category == "vehicle.truck" for a in bx.agent[i[m]]], bool)
        vert = ~top[m]
        lo_edge = np.where(truck, -0.1, -0.75)                  # trucks: glass only in the upper part
        glass = vert & (u[m, 2] > lo_edge) & (u[m, 2] < 0.8) & (np.max(np.abs(u[m, :2]) * (1 - np.abs(nrm_l[m, :2])), 1) < 0.86)
        cm = col[m]
        sky_tint = np.array([0.12, 0.14, 0.17]) if not night else np.array([0.03, 0.03, 0.04])
        cm[glass] = sky_tint
        col[m] = cm
        spec[m] = np.where(glass, 0.9, 0.5)
        # truck cabs also carry the headlights, low on the front face
        tl = truck & front[m] & (u[m, 2] < -0.55) & (np.abs(u[m, 1]) > 0.5)
        if tl.any():
            em = emit[m]
            em[tl] = (1.0, 0.95, 0.8) if night else (0.1, 0.1, 0.1)
            emit[m] = em
    # truck cargo: ribbed panels
    m = kind == CARGO
    if m.any():
        rib = (np.abs(np.where(side[m], lp[m, 0], lp[m, 1])) % 0.6) < 0.06
        col[m] = col[m] * np.where(rib, 0.8, 1.0)[:, None]
        em = emit[m]
        em[back[m] & (u[m, 2] < -0.7) & (np.abs(u[m, 1]) > 0.8)] = (0.9, 0.1, 0.05) if night else (0, 0, 0)
        emit[m] = em
    # buildings: floors of windows above a darker shop front; lit windows at night
    m = kind == BUILDING_K
    if m.any():
        wl = lp[m]
        along = np.where(face[m] == 0, wl[:, 1], wl[:, 0])      # horizontal coordinate on the facade
        zz = wl[:, 2] + half[m, 2]
        vert = face[m] != 2
        bay, floor = np.floor(along / 3.0).astype(np.int64), np.floor((zz - 3.6) / 3.2).astype(np.int64)
        win = vert & ((along % 3.0) > 0.8) & ((along % 3.0) < 2.4) & (((zz - 3.6) % 3.2) > 1.0) & (((zz - 3.6) % 3.2) < 2.6) \
            & (zz > 3.6) & (zz < 2 * half[m, 2] - 0.8)
        shop = vert & (zz < 3.4)
        shop_win = shop & (zz > 0.4) & (zz < 2.9) & ((along % 5.0) > 0.6)
        cornice = vert & (zz > 2 * half[m, 2] - 0.6)
        cm = col[m] * (0.93 + 0.14 * _vnoise2(along, zz, 0.7, salt=int(3)))[:, None] + 0.03 * grain[m, None]
        cm[shop] *= 0.55
        cm[cornice] *= 0.8
        cm[top[m]] = cm[top[m]] * 0.6 + 0.1
        rnd = _hash(bay, floor, i[m] * 7 + face[m])
        glass = np.array([0.16, 0.2, 0.25]) + 0.12 * rnd[:, None]
        cm[win] = glass[win]
        cm[shop_win] = (0.1, 0.11, 0.12)
        col[m] = cm
        spec[m] = np.where(win | shop_win, 0.6, 0.0)
        if night:
            lit = (win & (rnd > 0.55)) | (shop_win & (_hash(np.floor(along / 5.0).astype(np.int64), 0, i[m]) > 0.4))
            em = emit[m]
            em[lit] = np.array([0.85, 0.72, 0.45]) * (0.7 + 0.3 * rnd[lit, None])
            emit[m] = em
    # crowns: leafy noise; pedestrians: darker trousers, shoes; heads: skin and hair
    m = kind == CANOPY
    if m.any():
        col[m] *= (0.65 + 0.7 * _noise(hits.point[b][m], 3.0) * (0.6 + 0.4 * _noise(hits.point[b][m], 9.0)))[:, None]
    m = kind == PERSON
    if m.any():
        zz = lp[m, 2] + half[m, 2]
        legs = zz < 0.5 * 2 * half[m, 2]
        cm = col[m]
        cm[legs] = cm[legs] * 0.35 + 0.05
        cm[zz < 0.08] = (0.05, 0.05, 0.05)
        col[m] = cm
    m = kind == HEAD
    if m.any():
        cm = col[m]
        hair = (u[m, 2] > 0.45) | (back[m] & (u[m, 2] > -0.3))
        cm[hair] = (0.12, 0.08, 0.05)
        col[m] = cm
    col += 0.02 * grain[:, None]
    return np.clip(col, 0, 1), emit, spec
