"""Interactive 3D viewer of a run's Gaussians for the HTML report (offline, one self-contained page).

In:  a `generate` output folder (pipelines/run.py: its Gaussians and scene record).
Out: `viewer_section(run) -> str`: an HTML section with the viewer, or "" when the folder has no
     Gaussians. The page needs nothing from the network: the viewer library (vendor/: the npm
     packages @mkkellogg/gaussian-splats-3d and three, MIT, bundled by esbuild; vendor/LICENSES.md) and
     the Gaussians (base64) are inlined.

What it shows: the Gaussians of the window that generated the selected frame, each moved by its
velocity to the frame's time (mean + velocity * (t - window time)); the library has no notion of
per-splat velocity, so every time-slider step rebuilds the splat buffer (.splat layout: position,
scale, RGBA, quaternion bytes) and re-uploads it. Orbit controls (left drag orbit, right drag pan,
wheel zoom); the 6 camera frusta of the rig at that frame (2 m deep, one colour per camera) and the
control boxes of that frame (after edits; class colours) as line overlays. World: the run's (ego
pose of its first frame; x forward, y left, z up).
Size: windows with more than `max_gaussians` Gaussians keep a random subset (fixed seed) of those
with opacity >= `min_opacity`; the section says how many are shown.
`window.cvdViewer` = {ready (a Promise), setFrame(i) -> Promise, snapshot() -> PNG data URL,
frames} lets tests drive the viewer.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import numpy as np

from .. import CAMERAS
from .inert import script_json

VENDOR = Path(__file__).parent / "vendor" / "gaussian-splats-3d.bundle.js"
CAMERA_COLORS = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4")
BOX_COLORS = ("#ff3b30", "#ff9500", "#ffcc00", "#a2845e", "#8e8e93", "#34c759", "#00c7be", "#30b0c7",
              "#ff2d55", "#5856d6")   # per nuscenes.BOX_CLASSES


def _pack(g: dict, idx: np.ndarray) -> str:
    """Selected Gaussians -> base64 of pos f32 [3n], vel f32 [3n], scale f32 [3n], rgba u8 [4n], rot u8 [4n]."""
    pos = np.asarray(g["means"], np.float32)[idx]
    vel = np.asarray(g["velocities"], np.float32)[idx]
    scale = np.asarray(g["scales"], np.float32)[idx]
    rgba = np.concatenate([np.clip(np.asarray(g["colors"])[idx], 0, 1),
                           np.clip(np.asarray(g["opacities"])[idx, None], 0, 1)], 1)
    q = np.asarray(g["quats"], np.float64)[idx]
    q = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
    rot = np.clip(np.round(q * 128 + 128), 0, 255).astype(np.uint8)                     # w, x, y, z bytes
    raw = b"".join(a.tobytes() for a in (pos, vel, scale, (rgba * 255 + 0.5).astype(np.uint8), rot))
    return base64.b64encode(raw).decode("ascii")


def viewer_payload(run: str | Path, max_gaussians: int = 40000, min_opacity: float = 0.05, seed: int = 0) -> dict | None:
    from ..pipelines.run import GenerationRun, is_run

    if not is_run(run):
        return None
    R = GenerationRun.load(run)
    if not len(R.gaussians):
        return None
    scene = R.scene
    rng = np.random.default_rng(seed)
    windows, total = [], 0
    for g in R.gaussians:
        keep = np.nonzero(np.asarray(g["opacities"]) >= min_opacity)[0]
        if len(keep) > max_gaussians:
            keep = np.sort(rng.choice(keep, max_gaussians, replace=False))
        total += len(g["means"])
        windows.append({"time": float(g["time"]), "n": int(len(keep)), "b64": _pack(g, keep)})
    times = [float(t) for t in scene["timestamps"]]
    frame_window = [R.window_of_frame(f) for f in range(len(times))]
    K = np.asarray(scene["intrinsics"], np.float64)
    H, W = R.rgb.shape[2:4]
    boxes = [[[*map(float, b["center"][i]), *map(float, b["size"][i]), float(b["yaw"][i]), int(b["cls"][i])]
              for i in range(len(b["instance"]))] for b in scene["boxes"]]
    return {"windows": windows, "times": times, "frame_window": frame_window, "total": total,
            "cam_to_world": np.round(np.asarray(scene["cam_to_world"]), 5).tolist(),
            "intrinsics": np.round(K, 4).tolist(), "size": [int(H), int(W)], "boxes": boxes,
            "camera_names": list(scene.get("cameras") or CAMERAS), "camera_colors": list(CAMERA_COLORS),
            "box_colors": list(BOX_COLORS), "view": {"position": [-14.0, 0.0, 9.0], "lookAt": [10.0, 0.0, 0.0]}}


VIEWER_JS = r"""
(function () {
  var P = JSON.parse(document.getElementById('cvd-viewer-data').textContent);
  var G = window.GaussianSplats3D, THREE = window.THREE;
  function bytes(s) { var b = atob(s), u = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return u.buffer; }
  var W = P.windows.map(function (w) {
    var buf = bytes(w.b64), n = w.n;
    return {time: w.time, n: n, pos: new Float32Array(buf, 0, 3 * n), vel: new Float32Array(buf, 12 * n, 3 * n),
            scale: new Float32Array(buf, 24 * n, 3 * n), rgba: new Uint8Array(buf, 36 * n, 4 * n),
            rot: new Uint8Array(buf, 40 * n, 4 * n)};
  });
  function splatURL(w, t) {            // .splat rows: position f32x3, scale f32x3, rgba u8x4, rotation u8x4 (w,x,y,z)
    var n = w.n, out = new ArrayBuffer(32 * n), f = new Float32Array(out), u = new Uint8Array(out), dt = t - w.time;
    for (var i = 0; i < n; i++) {
      var o = 8 * i, b = 32 * i;
      for (var k = 0; k < 3; k++) { f[o + k] = w.pos[3 * i + k] + w.vel[3 * i + k] * dt; f[o + 3 + k] = w.scale[3 * i + k]; }
      for (k = 0; k < 4; k++) { u[b + 24 + k] = w.rgba[4 * i + k]; u[b + 28 + k] = w.rot[4 * i + k]; }
    }
    return URL.createObjectURL(new Blob([out], {type: 'application/octet-stream'}));
  }
  var scene = new THREE.Scene(), overlay = new THREE.Group();
  scene.add(overlay);
  var root = document.getElementById('cvd-viewer');
  var viewer = new G.Viewer({rootElement: root, threeScene: scene, cameraUp: [0, 0, 1],
    initialCameraPosition: P.view.position, initialCameraLookAt: P.view.lookAt, sharedMemoryForWorkers: false,
    gpuAcceleratedSort: false, sceneRevealMode: G.SceneRevealMode.Instant, useBuiltInControls: true,
    selfDrivenMode: true, logLevel: G.LogLevel.None});
  function lines(segs) {               // segs: [[x,y,z, x,y,z, '#rrggbb'], ...]
    var pos = [], col = [], c = new THREE.Color();
    segs.forEach(function (s) { c.set(s[6]); pos.push(s[0], s[1], s[2], s[3], s[4], s[5]); col.push(c.r, c.g, c.b, c.r, c.g, c.b); });
    var geo = new THREE.BufferGeometry();
    geo.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
    geo.setAttribute('color', new THREE.Float32BufferAttribute(col, 3));
    return new THREE.LineSegments(geo, new THREE.LineBasicMaterial({vertexColors: true}));
  }
  function drawOverlay(i) {
    while (overlay.children.length) { var o = overlay.children.pop(); o.geometry.dispose(); o.material.dispose(); }
    var segs = [], H = P.size[0], Wd = P.size[1], d = 2.0;
    P.cam_to_world[i].forEach(function (M, v) {
      var K = P.intrinsics[i][v], col = P.camera_colors[v % P.camera_colors.length];
      function w(u, y) { var x = (u - K[0][2]) / K[0][0] * d, yy = (y - K[1][2]) / K[1][1] * d;
        return [0, 1, 2].map(function (r) { return M[r][0] * x + M[r][1] * yy + M[r][2] * d + M[r][3]; }); }
      var o = [M[0][3], M[1][3], M[2][3]], c = [w(0, 0), w(Wd, 0), w(Wd, H), w(0, H)];
      for (var k = 0; k < 4; k++) { segs.push(o.concat(c[k], [col])); segs.push(c[k].concat(c[(k + 1) % 4], [col])); }
    });
    P.boxes[i].forEach(function (b) {
      var cx = b[0], cy = b[1], cz = b[2], w = b[3], l = b[4], h = b[5], yaw = b[6], col = P.box_colors[b[7] % P.box_colors.length];
      var cs = Math.cos(yaw), sn = Math.sin(yaw), p = [];
      [[1, 1], [1, -1], [-1, -1], [-1, 1]].forEach(function (q) {
        var x = q[0] * l / 2, y = q[1] * w / 2;
        p.push([cx + cs * x - sn * y, cy + sn * x + cs * y]);
      });
      for (var k = 0; k < 4; k++) {
        var a = p[k], e = p[(k + 1) % 4];
        segs.push([a[0], a[1], cz - h / 2, e[0], e[1], cz - h / 2, col]);
        segs.push([a[0], a[1], cz + h / 2, e[0], e[1], cz + h / 2, col]);
        segs.push([a[0], a[1], cz - h / 2, a[0], a[1], cz + h / 2, col]);
      }
    });
    if (segs.length) overlay.add(lines(segs));
  }
  var label = document.getElementById('cvd-viewer-time'), slider = document.getElementById('cvd-viewer-slider');
  var chain = Promise.resolve();
  function setFrame(i) {
    chain = chain.then(function () {
      var k = P.frame_window[i], url = splatURL(W[k], P.times[i]);
      var gone = viewer.getSceneCount() > 0 ? viewer.removeSplatScene(0, false) : Promise.resolve();
      return gone.then(function () {
        return viewer.addSplatScene(url, {format: G.SceneFormat.Splat, showLoadingUI: false, progressiveLoad: false,
                                          splatAlphaRemovalThreshold: 1});
      }).then(function () {
        URL.revokeObjectURL(url);
        drawOverlay(i);
        label.textContent = 'frame ' + i + ', t = ' + P.times[i].toFixed(2) + ' s, window ' + k + ', ' + W[k].n + ' Gaussians';
      });
    });
    return chain;
  }
  slider.addEventListener('input', function () { setFrame(parseInt(slider.value, 10)); });
  var ready = setFrame(0).then(function () { viewer.start(); });
  window.cvdViewer = {ready: ready, setFrame: function (i) { slider.value = i; return setFrame(i); }, frames: P.times.length,
    snapshot: function () { viewer.update(); viewer.render(); return viewer.renderer.domElement.toDataURL('image/png'); }};
})();
"""


def viewer_section(run: str | Path, max_gaussians: int = 40000) -> str:
    """The report section (module docstring); "" without Gaussians or without the vendored bundle."""
    from ..errors import CvdError

    try:
        payload = viewer_payload(run, max_gaussians)
    except (CvdError, KeyError, IndexError, TypeError, ValueError) as e:   # an incomplete or older run folder
        return ("<section id='viewer'><h2>3D viewer</h2><p class='warn'>No viewer: the Gaussians or scene.json "
                f"of this folder cannot be read ({html.escape(type(e).__name__ + ': ' + str(e))}).</p></section>")
    if payload is None:
        return ""
    if not VENDOR.is_file():
        return ("<section id='viewer'><h2>3D viewer</h2><p class='warn'>The viewer bundle "
                f"{html.escape(str(VENDOR))} is missing from this installation.</p></section>")
    shown = sum(w["n"] for w in payload["windows"])
    data = script_json(payload)   # camera names and box fields come from the run: no '<' reaches the page
    n = len(payload["times"])
    return (
        "<section id='viewer'><h2>3D viewer</h2>"
        f"<p class='note'>The generated Gaussians ({shown} of {payload['total']} shown, {len(payload['windows'])} "
        "window(s)), moved by their velocities to the selected frame; camera frusta of the rig and the control "
        "boxes of that frame. Drag to orbit, right-drag to pan, wheel to zoom. Viewer: GaussianSplats3D + three.js "
        "(MIT), inlined.</p>"
        "<div id='cvd-viewer' style='width:100%;height:480px;background:#000;position:relative'></div>"
        f"<p><input type='range' id='cvd-viewer-slider' min='0' max='{n - 1}' step='1' value='0' style='width:60%'> "
        "<span id='cvd-viewer-time' class='note'></span></p>"
        f"<script type='application/json' id='cvd-viewer-data'>{data}</script>"
        + "".join(f"<script>{js}</script>" for js in viewer_scripts()) + "</section>"
    )


def viewer_scripts() -> list[str]:
    """The section's inline scripts, exactly as inlined (the page's CSP allows them by hash)."""
    return [VENDOR.read_text(encoding="utf-8"), VIEWER_JS]
