"""Shading of the synthetic world: procedural materials, sun and ambient light, shadows, sky, weather.

In:  a Scene (layout.py), the Hits of rays cast into it (raycast.py), the ray directions
     [N, 3] and origin, the ego's forward direction (headlights) and the scene time.
Out: `shade(scene, hits, dirs, origin, ego_fwd, t, shadows) -> rgb [N, 3]` in [0, 1]: materials
     evaluated at the 3D hit point (consistent across views and time), lighting, fog, rain, night
     lights. `sun_shadows(scene, t, center_xy) -> ShadowMap | None`: the sun's shadows on the
     ground around a point, computed once per frame and shared by its cameras.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .layout import (BUILDING_K, CANOPY, CAR_BODY, CAR_CABIN, CARGO, GROUND, HEAD, MARKING, PERSON, PROXY, ROAD,
                           Scene, road_frame)
from .raycast import Hits


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

    from ...geometry import box_corners

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
        dx, dy, _, _ = road_frame(p[:, 0], p[:, 1])
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
        ddx, ddy, _, _ = road_frame(pt[solid, 0], pt[solid, 1])
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
