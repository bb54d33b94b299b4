"""The procedural world behind `cvdstorm synth`: city grid, agents, rig, and an exact ray caster.

`make_scene(rng, frames, hz)` builds one scene: a Manhattan grid of roads (2 lanes each way plus a
parking strip, lane markings, zebra crossings at intersections), blocks with sidewalks, buildings
and trees, an ego car driving along the lanes (turning at some intersections), moving cars,
parked cars and walking pedestrians, all with constant velocities, plus weather and time of day.

`cast_rays(scene, t, origin, dirs)` intersects rays with the ground plane and every oriented box
exactly (slab test), so depth, semantics and LiDAR come from the same geometry. Directions are
not normalised: with camera rays K^-1 [u, v, 1] rotated to the world, the ray parameter is the
camera z-depth itself. `shade` turns hits into colours (procedural textures evaluated at the 3D
hit point, so texture is consistent across views and time).

Global frame: x east, y north, z up, ground at z = 0 (as nuScenes). Yaw is about +z.
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
GRID = 5                # roads per axis: the world spans (GRID - 1) * BLOCK

WEATHERS = ("clear", "rain", "fog")
TIMES = ("day", "dusk", "night")


@dataclass
class Boxes:
    """Oriented boxes moving with constant velocity: centre(t) = center + velocity * t."""

    center: np.ndarray      # [N, 3] at t = 0, z is the box centre height
    size: np.ndarray        # [N, 3] length (x), width (y), height (z) in the box frame
    yaw: np.ndarray         # [N]
    velocity: np.ndarray    # [N, 3]
    cls: np.ndarray         # [N] semantic class
    albedo: np.ndarray      # [N, 3] base colour in [0, 1]
    kind: np.ndarray        # [N] texture kind: 0 plain, 1 car, 2 building, 3 canopy, 4 person
    agent: np.ndarray       # [N] index into Scene.agents, -1 for scenery

    def centers(self, t: float) -> np.ndarray:
        return self.center + self.velocity * t


@dataclass
class Agent:
    """An annotatable object (one box): what goes into sample_annotation / instance."""

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
    map_layers: dict = field(default_factory=dict)
    maneuvers: list = field(default_factory=list)   # per frame: "straight" / "turning left" / ...

    def ego_pose(self, f: int) -> np.ndarray:
        c, s = math.cos(self.ego_yaw[f]), math.sin(self.ego_yaw[f])
        T = np.eye(4)
        T[:2, :2] = [[c, -s], [s, c]]
        T[:2, 3] = self.ego_xy[f]
        return T


# ---------------------------------------------------------------------------------- ego path
def _ego_path(rng: np.random.Generator, frames: int, hz: float, speed: float):
    """Waypoints through the grid (right-hand traffic, inner lane), corners filleted, sampled by time."""
    dirs = [(1, 0), (0, 1), (-1, 0), (0, -1)]
    node = np.array([int(rng.integers(1, GRID - 1)), int(rng.integers(1, GRID - 1))])
    heading = int(rng.integers(4))
    length_needed = speed * frames / hz + 2 * BLOCK
    pts, turns = [], []
    # start mid-block behind the first node so the first frames are on a straight road
    d = np.array(dirs[heading])
    right = np.array([d[1], -d[0]])
    start = node * BLOCK - d * BLOCK * 0.5 + right * LANES_OFFSETS[0]
    pts.append(start)
    total = 0.0
    while total < length_needed:
        # choose the next heading at this node; stay inside the grid
        options = []
        for turn, dh in (("straight", 0), ("turning left", 1), ("turning right", 3)):
            h = (heading + dh) % 4
            nxt = node + np.array(dirs[h])
            if 0 <= nxt[0] < GRID and 0 <= nxt[1] < GRID:
                options.append((turn, h))
        weights = np.array([3.0 if t == "straight" else 1.0 for t, _ in options])
        turn, new_h = options[int(rng.choice(len(options), p=weights / weights.sum()))]
        d_in, d_out = np.array(dirs[heading]), np.array(dirs[new_h])
        r_in, r_out = np.array([d_in[1], -d_in[0]]), np.array([d_out[1], -d_out[0]])
        corner_in = node * BLOCK + r_in * LANES_OFFSETS[0]
        corner_out = node * BLOCK + r_out * LANES_OFFSETS[0]
        if turn == "straight":
            pts.append(corner_in)
            turns.append((len(pts) - 1, turn))
        else:
            # lane-to-lane corner: the intersection of the in-lane and out-lane lines, filleted
            # with a circular arc of the largest radius that fits inside the intersection
            corner = corner_in + d_in * np.dot(corner_out - corner_in, d_in)
            radius = HALF_ROAD + (LANES_OFFSETS[0] if turn == "turning right" else -LANES_OFFSETS[0])
            radius = max(radius, 4.0)
            a, b = corner - d_in * radius, corner + d_out * radius
            for k in np.linspace(0, 1, 9):
                # quadratic Bezier: close to a circular arc, tangent-continuous at both ends
                pts.append((1 - k) ** 2 * a + 2 * (1 - k) * k * corner + k ** 2 * b)
                turns.append((len(pts) - 1, turn))
        heading, node = new_h, node + d_out
        total += BLOCK
    pts = np.array(pts, dtype=np.float64)
    seg = np.linalg.norm(np.diff(pts, axis=0), axis=1)
    keep = np.concatenate([[True], seg > 1e-6])
    pts = pts[keep]
    s = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(pts, axis=0), axis=1))])
    t = np.arange(frames) / hz
    st = speed * t + BLOCK * 0.1
    xy = np.stack([np.interp(st, s, pts[:, 0]), np.interp(st, s, pts[:, 1])], -1)
    ahead = np.stack([np.interp(st + 1.0, s, pts[:, 0]), np.interp(st + 1.0, s, pts[:, 1])], -1)
    behind = np.stack([np.interp(st - 1.0, s, pts[:, 0]), np.interp(st - 1.0, s, pts[:, 1])], -1)
    tangent = ahead - behind
    yaw = np.arctan2(tangent[:, 1], tangent[:, 0])
    dyaw = np.angle(np.exp(1j * (np.roll(yaw, -1) - yaw)))
    dyaw[-1] = dyaw[-2] if frames > 1 else 0.0
    maneuvers = ["turning left" if w > 0.05 else "turning right" if w < -0.05 else "driving straight"
                 for w in dyaw]
    return xy, yaw, maneuvers, pts


# ----------------------------------------------------------------------------------- scene
def make_scene(rng: np.random.Generator, frames: int, hz: float) -> Scene:
    weather = WEATHERS[int(rng.integers(3))]
    tod = TIMES[int(rng.choice(3, p=[0.5, 0.25, 0.25]))]
    speed = float(rng.uniform(5.0, 9.0))
    ego_xy, ego_yaw, maneuvers, path = _ego_path(rng, frames, hz, speed)
    B: dict[str, list] = {k: [] for k in ("center", "size", "yaw", "velocity", "cls", "albedo", "kind", "agent")}
    agents: list[Agent] = []

    def add(center, size, yaw, cls, albedo, kind, velocity=(0.0, 0.0, 0.0), agent=None):
        B["center"].append(center); B["size"].append(size); B["yaw"].append(yaw)
        B["velocity"].append(velocity); B["cls"].append(cls); B["albedo"].append(albedo)
        B["kind"].append(kind)
        if agent is not None:
            agents.append(Agent(agent[0], agent[1], len(B["cls"]) - 1))
            B["agent"].append(len(agents) - 1)
        else:
            B["agent"].append(-1)

    span = (GRID - 1) * BLOCK
    car_colors = np.array([[0.8, 0.8, 0.82], [0.1, 0.1, 0.12], [0.55, 0.05, 0.05], [0.1, 0.2, 0.5],
                           [0.5, 0.5, 0.52], [0.85, 0.75, 0.2], [0.2, 0.35, 0.2], [0.9, 0.9, 0.88]])

    def car_dims():
        if rng.random() < 0.15:
            return "vehicle.truck", (float(rng.uniform(6.5, 9.0)), float(rng.uniform(2.3, 2.6)), float(rng.uniform(2.8, 3.5)))
        return "vehicle.car", (float(rng.uniform(4.2, 5.0)), float(rng.uniform(1.75, 1.95)), float(rng.uniform(1.45, 1.7)))

    # buildings and trees along every block side; parked cars on the parking strips
    for i in range(GRID - 1):
        for j in range(GRID - 1):
            x0, y0 = i * BLOCK + HALF_ROAD + SIDEWALK, j * BLOCK + HALF_ROAD + SIDEWALK
            x1, y1 = (i + 1) * BLOCK - HALF_ROAD - SIDEWALK, (j + 1) * BLOCK - HALF_ROAD - SIDEWALK
            inner = x1 - x0
            n = int(rng.integers(2, 4))
            cuts = np.sort(rng.uniform(0.15, 0.85, n - 1)) * inner
            edges = np.concatenate([[0.0], cuts, [inner]])
            for side in range(4):  # four rows of buildings facing the four streets
                for a, b in zip(edges[:-1], edges[1:]):
                    if b - a < 6:
                        continue
                    depth = float(rng.uniform(10, 20))
                    h = float(rng.uniform(8, 32))
                    setback = float(rng.uniform(0.5, 3.0))
                    col = np.clip(np.array([0.55, 0.5, 0.45]) + rng.normal(0, 0.12, 3), 0.15, 0.9)
                    along, gap = (a + b) / 2, (b - a) - 1.5
                    if side == 0:   c, sz = (x0 + along, y0 + setback + depth / 2), (gap, depth)
                    elif side == 1: c, sz = (x0 + along, y1 - setback - depth / 2), (gap, depth)
                    elif side == 2: c, sz = (x0 + setback + depth / 2, y0 + along), (depth, gap)
                    else:           c, sz = (x1 - setback - depth / 2, y0 + along), (depth, gap)
                    add((c[0], c[1], h / 2), (sz[0], sz[1], h), 0.0, BUILDING, col, 2)
            # trees on the sidewalk edge
            for side in range(4):
                for s in np.arange(6.0, inner, 11.0):
                    if rng.random() < 0.45:
                        continue
                    off = -SIDEWALK + 1.0
                    xy = {0: (x0 + s, y0 + off), 1: (x0 + s, y1 - off), 2: (x0 + off, y0 + s), 3: (x1 - off, y0 + s)}[side]
                    th, ch = float(rng.uniform(2.0, 3.0)), float(rng.uniform(2.5, 4.5))
                    add((xy[0], xy[1], th / 2), (0.35, 0.35, th), 0.0, VEGETATION, (0.35, 0.25, 0.15), 0)
                    cw = float(rng.uniform(2.5, 4.0))
                    add((xy[0], xy[1], th + ch / 2), (cw, cw, ch), float(rng.uniform(0, np.pi)), VEGETATION,
                        np.clip([0.2, 0.45, 0.18] + rng.normal(0, 0.05, 3), 0, 1), 3)

    roads = [(axis, k * BLOCK) for axis in (0, 1) for k in range(GRID)]  # axis 0: road along x at y = k*B
    for axis, pos in roads:
        for side in (-1, 1):
            for s in np.arange(5.0, span - 5.0, 7.0):
                if rng.random() > 0.22 or abs((s + BLOCK / 2) % BLOCK - BLOCK / 2) < HALF_ROAD + 8:
                    continue  # sparse, and not inside intersections
                cat, (l, w, h) = car_dims()
                if cat == "vehicle.truck":
                    continue
                yaw = 0.0 if axis == 0 else math.pi / 2
                yaw += math.pi if side > 0 else 0.0
                c = (s, pos + side * PARK_OFFSET) if axis == 0 else (pos + side * PARK_OFFSET, s)
                add((c[0], c[1], h / 2), (l, w, h), yaw, VEHICLE, car_colors[int(rng.integers(len(car_colors)))], 1,
                    agent=(cat, "vehicle.parked"))

    # moving traffic: every lane of a road, constant velocity; keep the ego lane clear ahead of ego
    for axis, pos in roads:
        for direction in (-1, 1):
            for lane_i, off in enumerate(LANES_OFFSETS):
                for s0 in np.arange(-span * 0.5, span * 1.5, 30.0):
                    if rng.random() > 0.3:
                        continue
                    v = float(rng.uniform(4.0, 10.0)) * direction
                    right = -direction * off  # right-hand traffic: lane right of the travel direction
                    if axis == 0:
                        c, vel, yaw = (s0, pos + right), (v, 0.0, 0.0), 0.0 if direction > 0 else math.pi
                    else:
                        c, vel, yaw = (pos - right, s0), (0.0, v, 0.0), math.pi / 2 if direction > 0 else -math.pi / 2
                    # no car overlapping the ego's own lane near the ego's route
                    if lane_i == 0 and _near_path(np.array(c), np.array(vel[:2]), path, ego_xy, hz):
                        continue
                    cat, (l, w, h) = car_dims()
                    add((c[0], c[1], h / 2), (l, w, h), yaw, VEHICLE, car_colors[int(rng.integers(len(car_colors)))], 1,
                        velocity=vel, agent=(cat, "vehicle.moving"))

    # pedestrians walking along sidewalks near the ego route, some standing
    for _ in range(int(rng.integers(14, 26))):
        f = int(rng.integers(len(ego_xy)))
        axis = int(rng.integers(2))
        base = ego_xy[f] + rng.normal(0, 25, 2)
        k = round(base[1 - axis] / BLOCK)
        side = 1 if rng.random() < 0.5 else -1
        off = k * BLOCK + side * (HALF_ROAD + float(rng.uniform(0.8, SIDEWALK - 0.8)))
        speed_p = float(rng.uniform(0.9, 1.6)) * (1 if rng.random() < 0.5 else -1) * (rng.random() > 0.2)
        h = float(rng.uniform(1.55, 1.9))
        c = (base[0], off) if axis == 0 else (off, base[1])
        vel = (speed_p, 0.0, 0.0) if axis == 0 else (0.0, speed_p, 0.0)
        yaw = math.atan2(vel[1], vel[0]) if speed_p else float(rng.uniform(-np.pi, np.pi))
        cloth = np.clip(rng.uniform(0.05, 0.8, 3), 0, 1)
        add((c[0], c[1], h / 2), (0.45, 0.6, h), yaw, PEDESTRIAN, cloth, 4, velocity=vel,
            agent=("human.pedestrian.adult", "pedestrian.moving" if speed_p else "pedestrian.standing"))

    boxes = Boxes(*(np.asarray(B[k], dtype=np.float64 if k not in ("cls", "kind", "agent") else np.int64)
                    for k in ("center", "size", "yaw", "velocity", "cls", "albedo", "kind", "agent")))
    scene = Scene(boxes, agents, ego_xy, ego_yaw, np.arange(frames) / hz, weather, tod, maneuvers=maneuvers)
    scene.map_layers = _map_layers()
    return scene


def _near_path(c, vel, path, ego_xy, hz) -> bool:
    """Whether a car in the ego's lane would be within 15 m of the ego at some frame."""
    t = np.arange(len(ego_xy)) / hz
    pos = c[None] + vel[None] * t[:, None]
    return bool((np.linalg.norm(pos - ego_xy, axis=1) < 15).any() or
                (np.linalg.norm(path[:, None] - c[None, None], axis=-1) < 3.0).any())


# ------------------------------------------------------------------------------------- map
def _map_layers() -> dict:
    """Map geometry as plain polylines/polygons in global x, y (written as map-expansion JSON)."""
    span = (GRID - 1) * BLOCK
    lo, hi = -HALF_ROAD - 20, span + HALF_ROAD + 20
    lane_dividers, road_dividers, crossings, blocks = [], [], [], []
    for k in range(GRID):
        c = k * BLOCK
        for j in range(GRID - 1):
            a, b = j * BLOCK + HALF_ROAD, (j + 1) * BLOCK - HALF_ROAD
            for off in (-LANE, LANE):  # dashed white lines between the two lanes of each direction
                lane_dividers.append([(a, c + off), (b, c + off)])
                lane_dividers.append([(c + off, a), (c + off, b)])
            road_dividers.append([(a, c), (b, c)])
            road_dividers.append([(c, a), (c, b)])
        for j in range(GRID):
            x = j * BLOCK
            for sgn in (-1, 1):  # zebra crossings on each arm of every intersection
                e0, e1 = HALF_ROAD + 0.5, HALF_ROAD + 4.5
                crossings.append([(x + sgn * e0, c - HALF_ROAD), (x + sgn * e1, c - HALF_ROAD),
                                  (x + sgn * e1, c + HALF_ROAD), (x + sgn * e0, c + HALF_ROAD)])
                crossings.append([(c - HALF_ROAD, x + sgn * e0), (c - HALF_ROAD, x + sgn * e1),
                                  (c + HALF_ROAD, x + sgn * e1), (c + HALF_ROAD, x + sgn * e0)])
    for i in range(GRID - 1):
        for j in range(GRID - 1):
            x0, y0 = i * BLOCK + HALF_ROAD, j * BLOCK + HALF_ROAD
            x1, y1 = (i + 1) * BLOCK - HALF_ROAD, (j + 1) * BLOCK - HALF_ROAD
            blocks.append([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    outer = [(lo, lo), (hi, lo), (hi, hi), (lo, hi)]
    return {"lane_divider": lane_dividers, "road_divider": road_dividers, "ped_crossing": crossings,
            "drivable_area": [(outer, blocks)], "walkway": blocks}


# --------------------------------------------------------------------------------- casting
@dataclass
class Hits:
    depth: np.ndarray     # [N] ray parameter (camera z for camera rays), inf for sky
    cls: np.ndarray       # [N] semantic class
    box: np.ndarray       # [N] box index, -1 for ground/sky
    normal: np.ndarray    # [N, 3] world normal
    local: np.ndarray     # [N, 3] hit point in the box frame (ground: world point)
    point: np.ndarray     # [N, 3] world hit point


def cast_rays(scene: Scene, t: float, origin: np.ndarray, dirs: np.ndarray, box_ids=None,
              regions=None, lower=None, max_t: float = np.inf) -> Hits:
    """Exact first hits of rays origin + s * dirs (s > 0) at scene time t.

    dirs [N, 3]. box_ids: boxes to test (default all). regions: optional list parallel to box_ids
    of index arrays (or slices) of the rays each box can possibly hit (screen-space culling).
    lower: optional [len(box_ids)] lower bounds of the ray parameter at which each box can be hit;
    boxes are best given nearest first, so rays already hit in front of a box skip it.
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
    ids = np.arange(len(bx.cls)) if box_ids is None else box_ids
    all_rays = np.arange(n)
    for k, i in enumerate(ids):
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


def _road_coords(x, y):
    """Distance across the nearest road (signed), position along it, and which axis it runs on."""
    dy = (y + BLOCK / 2) % BLOCK - BLOCK / 2      # offset from the nearest road along x
    dx = (x + BLOCK / 2) % BLOCK - BLOCK / 2      # offset from the nearest road along y
    return dx, dy


def ground_class(x, y):
    dx, dy = _road_coords(x, y)
    on_x, on_y = np.abs(dy) < HALF_ROAD, np.abs(dx) < HALF_ROAD
    road = on_x | on_y
    cls = np.where(road, ROAD, GROUND)
    return np.where(road & _marking(x, y, dx, dy, on_x, on_y), MARKING, cls)


def _marking(x, y, dx, dy, on_x, on_y):
    inter = on_x & on_y
    # centre double line and dashed lane lines, only outside intersections
    along_x = on_x & ~on_y
    along_y = on_y & ~on_x
    dash_x = ((x % 9.0) < 4.5)
    dash_y = ((y % 9.0) < 4.5)
    m = np.zeros_like(x, dtype=bool)
    m |= along_x & ((np.abs(np.abs(dy) - 0.2) < 0.1) | ((np.abs(np.abs(dy) - LANE) < 0.1) & dash_x))
    m |= along_y & ((np.abs(np.abs(dx) - 0.2) < 0.1) | ((np.abs(np.abs(dx) - LANE) < 0.1) & dash_y))
    # zebra crossings: 4 m wide bands just outside each intersection
    zx = along_x & (np.abs(dx) > HALF_ROAD + 0.5) & (np.abs(dx) < HALF_ROAD + 4.5) & ((dy % 1.2) < 0.6)
    zy = along_y & (np.abs(dy) > HALF_ROAD + 0.5) & (np.abs(dy) < HALF_ROAD + 4.5) & ((dx % 1.2) < 0.6)
    # stop lines
    sx = along_x & (np.abs(np.abs(dx) - (HALF_ROAD + 5.5)) < 0.25) & (dy * np.sign(dx) > 0) & (np.abs(dy) < HALF_ROAD - 1.5)
    sy = along_y & (np.abs(np.abs(dy) - (HALF_ROAD + 5.5)) < 0.25) & (dx * np.sign(dy) < 0) & (np.abs(dx) < HALF_ROAD - 1.5)
    return (m | zx | zy | sx | sy) & ~inter


# ----------------------------------------------------------------------------------- shading
def _hash(a, b, c):
    """Deterministic pseudo-random in [0, 1) from integer lattice coordinates (value noise)."""
    h = (a * 73856093) ^ (b * 19349663) ^ (c * 83492791)
    h = (h ^ (h >> 13)) * 1274126177
    return ((h ^ (h >> 16)) & 0xFFFF) / 65536.0


def _noise(p, scale):
    q = np.floor(p * scale).astype(np.int64)
    return _hash(q[..., 0], q[..., 1], q[..., 2])


LIGHT = {  # sun direction (towards the sun), sun colour, ambient colour, sky top/horizon
    "day": ((0.4, 0.3, 0.85), (1.0, 0.97, 0.9), (0.45, 0.48, 0.55), (0.35, 0.55, 0.9), (0.75, 0.85, 0.95)),
    "dusk": ((-0.8, 0.2, 0.2), (1.0, 0.65, 0.4), (0.35, 0.3, 0.35), (0.25, 0.25, 0.5), (0.95, 0.6, 0.4)),
    "night": ((0.2, 0.3, 0.9), (0.12, 0.12, 0.18), (0.12, 0.12, 0.16), (0.01, 0.01, 0.04), (0.05, 0.05, 0.1)),
}


def shade(scene: Scene, hits: Hits, dirs: np.ndarray, origin: np.ndarray, ego_fwd: np.ndarray) -> np.ndarray:
    """Colours [N, 3] in [0, 1] for hits of rays `dirs` from `origin`."""
    sun, sun_col, amb, sky_top, sky_hor = (np.array(v) for v in LIGHT[scene.time_of_day])
    sun = sun / np.linalg.norm(sun)
    n = len(dirs)
    alb = np.zeros((n, 3))
    bx = scene.boxes
    g = (hits.box < 0) & np.isfinite(hits.depth)
    # ground: asphalt with noise, markings white (centre line yellow), pavement lighter
    if g.any():
        p = hits.point[g]
        cls = hits.cls[g]
        grain = _noise(p, 4.0)[:, None] * 0.06 + _noise(p, 0.3)[:, None] * 0.05
        col = np.where((cls == ROAD)[:, None], np.array([0.27, 0.27, 0.29]), np.array([0.55, 0.53, 0.5]))
        dx, dy = _road_coords(p[:, 0], p[:, 1])
        centre = (np.minimum(np.abs(dx), np.abs(dy)) < 0.4)
        mark = np.where(centre[:, None], np.array([0.85, 0.7, 0.15]), np.array([0.88, 0.88, 0.86]))
        col = np.where((cls == MARKING)[:, None], mark, col)
        # paving slabs on the pavement
        slab = ((np.abs((p[:, 0] % 1.5) - 0.75) > 0.72) | (np.abs((p[:, 1] % 1.5) - 0.75) > 0.72))
        col = np.where(((cls == GROUND) & slab)[:, None], col * 0.85, col)
        if scene.weather == "rain":
            col = col * 0.7
        alb[g] = col + grain - 0.05
    b = hits.box >= 0
    if b.any():
        i = hits.box[b]
        lp = hits.local[b]
        half = bx.size[i] / 2
        col = bx.albedo[i].copy()
        kind = bx.kind[i]
        u = lp / half  # [-1, 1] within the box
        # cars: dark windows band in the upper third, dark wheels/bumper band at the bottom
        car = kind == 1
        win = car & (u[:, 2] > 0.1) & (u[:, 2] < 0.75) & (np.abs(u[:, 0]) < 0.55)
        col[win] = (0.08, 0.1, 0.13)
        col[car & (u[:, 2] < -0.55)] = (0.05, 0.05, 0.05)
        # buildings: window grid on the facades
        bld = kind == 2
        if bld.any():
            wp = hits.local[b][bld]
            horiz = np.where(np.abs(hits.normal[b][bld][:, 0]) > 0.5, wp[:, 1], wp[:, 0])
            zz = wp[:, 2] + half[bld, 2]
            wgrid = ((horiz % 3.0) > 1.0) & ((zz % 3.2) > 1.2) & (zz > 2.5) & (np.abs(hits.normal[b][bld][:, 2]) < 0.5)
            wcol = np.where(scene.time_of_day == "night", 1.0, 0.0) * (_hash(np.floor(horiz / 3).astype(np.int64),
                            np.floor(zz / 3.2).astype(np.int64), i[bld]) > 0.6)
            bcol = col[bld]
            bcol[wgrid] = np.stack([0.15 + 0.8 * wcol[wgrid], 0.18 + 0.7 * wcol[wgrid], 0.22 + 0.3 * wcol[wgrid]], -1)
            col[bld] = bcol
        # canopies and pedestrians: noise / head
        col[kind == 3] *= (0.75 + 0.5 * _noise(hits.point[b][kind == 3], 3.0))[:, None]
        ped = kind == 4
        col[ped & (u[:, 2] > 0.75)] = (0.8, 0.62, 0.5)
        col[ped & (u[:, 2] < -0.1)] = col[ped & (u[:, 2] < -0.1)] * 0.5
        col += (_noise(hits.point[b], 6.0)[:, None] - 0.5) * 0.04
        alb[b] = col
    lambert = np.clip(hits.normal @ sun, 0, 1)[:, None]
    rgb = alb * (amb + sun_col * lambert)
    # night: headlights of the ego light the road ahead; building windows glow (emissive)
    if scene.time_of_day == "night":
        to = hits.point - origin
        dist = np.linalg.norm(to, axis=1) + 1e-6
        cosang = (to @ ego_fwd) / dist
        head = np.clip((cosang - 0.8) / 0.2, 0, 1) * np.clip(1 - dist / 40, 0, 1)
        rgb = rgb + alb * head[:, None] * 1.2
        glow = b & (alb.sum(1) > 2.0)  # lit windows (set bright by the facade texture above)
        rgb = np.where(glow[:, None], alb, rgb)
    # sky gradient by elevation of the ray
    sky = ~np.isfinite(hits.depth)
    if sky.any():
        dn = dirs[sky] / np.linalg.norm(dirs[sky], axis=1, keepdims=True)
        e = np.clip(dn[:, 2], 0, 1)[:, None] ** 0.6
        col = sky_hor * (1 - e) + sky_top * e
        if scene.weather != "clear":
            col = col * 0.4 + np.array([0.6, 0.62, 0.65]) * 0.6 * (0.3 if scene.time_of_day == "night" else 1.0)
        rgb[sky] = col
    # fog / rain haze: exponential blend towards the haze colour with distance
    dist = np.where(sky, np.inf, np.linalg.norm(hits.point - origin, axis=1))
    fog_len = {"clear": 400.0, "rain": 120.0, "fog": 35.0}[scene.weather]
    haze = np.array({"day": (0.75, 0.77, 0.8), "dusk": (0.7, 0.55, 0.5), "night": (0.08, 0.08, 0.1)}[scene.time_of_day])
    f = 1 - np.exp(-np.where(np.isfinite(dist), dist, 1e9) / fog_len)
    rgb = rgb * (1 - f[:, None]) + haze * f[:, None]
    if scene.weather == "rain":  # streaks: thin bright slanted lines in screen-independent ray space
        dn = dirs / np.linalg.norm(dirs, axis=1, keepdims=True)
        streak = _hash(np.floor(dn[:, 0] * 300 + dn[:, 2] * 40).astype(np.int64),
                       np.floor(dn[:, 1] * 300).astype(np.int64), np.floor(dn[:, 2] * 12).astype(np.int64))
        rgb = rgb + (streak > 0.985)[:, None] * 0.12
    return np.clip(rgb, 0, 1)
