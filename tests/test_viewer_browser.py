"""The report's 3D Gaussian viewer in headless Chromium (WebGL on SwiftShader, the software path):
the page loads with no console errors, the viewer's canvas is not the background, and it changes
when the time slider moves the Gaussians (velocities). Chromium is found/installed as in
test_report_browser (skips without it)."""

import base64
import html
import io
import json
import math
import re
import subprocess

import numpy as np

from cvdstorm import CAMERAS
from cvdstorm.data.synth.sensors import rig_calibration
from cvdstorm.pipelines.run import GenerationRun
from cvdstorm.report.html import build_report
from cvdstorm.report.viewer import viewer_payload, viewer_section
from test_report_browser import browser  # noqa: F401  (the fixture)

FLAGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps", "--mute-audio",
         "--allow-file-access-from-files", "--window-size=1000,900"]

# After the viewer is ready: snapshot at frame 0, move the slider to the last frame, snapshot again.
# Under --virtual-time-budget, timers run in virtual time, which races ahead while the page waits on
# the viewer's sort worker (real time). So the probe polls every 20 ms of virtual time and burns ~2 ms
# of real time per poll, which gives the worker real time; it stops polling once it has reported, and
# the budget then ends at once.
PROBE = """<script>
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push('error: ' + (e.message || String(e))); }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('rejection: ' + String(e.reason)); });
  var oe = console.error;
  console.error = function () { errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); oe.apply(console, arguments); };
  function report(o) { var p = document.createElement('pre'); p.id = 'probe-result'; p.textContent = JSON.stringify(o); document.body.appendChild(p); }
  window.addEventListener('load', function () {
    var V = window.cvdViewer, st = {step: 0, done: false, ticks: 0}, a, sink = 0;
    if (!V) { report({errors: errors.concat(['no window.cvdViewer'])}); return; }
    V.ready.then(function () { st.step = 1; }, function (e) { errors.push('ready: ' + e); st.step = 9; });
    function tick() {
      for (var i = 0; i < 300000; i++) sink += Math.sqrt(i);          // ~2 ms of real time
      st.ticks++;
      if (st.step === 1 && st.ticks > 20) {
        a = V.snapshot(); st.step = 2;
        V.setFrame(V.frames - 1).then(function () { st.step = 3; st.ticks = 0; }, function (e) { errors.push('setFrame: ' + e); st.step = 9; });
      } else if (st.step === 3 && st.ticks > 20) {
        report({errors: errors, a: a, b: V.snapshot(), label: document.getElementById('cvd-viewer-time').textContent});
        return;
      } else if (st.step === 9) { report({errors: errors}); return; }
      setTimeout(tick, 20);
    }
    setTimeout(tick, 20);
  });
})();
</script>"""


def make_run(root, frames=3, moving_speed=6.0):
    """A run folder with a static ground of grey Gaussians and a red cluster driving left (+y) at
    `moving_speed` m/s; a static ego rig (the frusta do not move), no boxes."""
    rng = np.random.default_rng(0)
    H, W = 64, 112
    calib = rig_calibration(W, H)
    g = np.stack(np.meshgrid(np.linspace(0, 30, 40), np.linspace(-12, 12, 30), indexing="ij"), -1).reshape(-1, 2)
    ground = np.c_[g, np.zeros(len(g))]
    blob = np.array([12.0, -4.0, 1.0]) + rng.normal(0, 0.6, (300, 3))
    means = np.r_[ground, blob]
    n = len(means)
    colors = np.r_[np.full((len(ground), 3), 0.6), np.tile([0.95, 0.1, 0.1], (len(blob), 1))]
    vel = np.r_[np.zeros((len(ground), 3)), np.tile([0.0, moving_speed, 0.0], (len(blob), 1))]
    window = {"means": means, "quats": np.tile([1.0, 0, 0, 0], (n, 1)), "scales": np.full((n, 3), 0.35),
              "opacities": np.full(n, 0.9), "colors": colors, "velocities": vel, "time": 0.0}
    c2w = [[calib[c][1].tolist() for c in CAMERAS] for _ in range(frames)]
    K = [[calib[c][0].tolist() for c in CAMERAS] for _ in range(frames)]
    scene = {"timestamps": [0.5 * f for f in range(frames)], "window_starts": [0], "window_fixed": [1],
             "cameras": list(CAMERAS), "intrinsics": K, "cam_to_world": c2w,
             "ego_to_world": [np.eye(4).tolist()] * frames,
             "boxes": [{"center": [], "size": [], "yaw": [], "cls": [], "instance": []} for _ in range(frames)]}
    rgb = np.zeros((frames, len(CAMERAS), H, W, 3), np.uint8)
    return GenerationRun(scene, {}, rgb, gaussians=[window]).save(root, views=False)


def _probe(browser, tmp, page):
    probe = page.with_name("probe_" + page.name)
    probe.write_text(page.read_text().replace("<head>", "<head>" + PROBE, 1))
    r = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=1200000",
                        "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=240)
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', r.stdout, re.S)
    assert m, f"probe did not report (rc {r.returncode}): {r.stderr[-2000:]}"
    return json.loads(html.unescape(m.group(1)))


def _png(data_url):
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(base64.b64decode(data_url.split(",", 1)[1]))).convert("RGB")).astype(float)


def test_payload_and_no_viewer_without_gaussians(tmp_path):
    run = make_run(tmp_path / "run")
    p = viewer_payload(run, max_gaussians=500)
    assert p["windows"][0]["n"] == 500 and p["total"] == 40 * 30 + 300 and p["frame_window"] == [0, 0, 0]
    raw = base64.b64decode(p["windows"][0]["b64"])
    assert len(raw) == 500 * (4 * 9 + 8)                    # pos, vel, scale f32 + rgba, rot u8
    assert viewer_section(tmp_path) == ""                   # no gaussians/: no viewer
    html_text = viewer_section(run)
    assert "cvd-viewer-slider" in html_text and "GaussianSplats3D" in html_text and "http://" not in html_text.split(
        "cvd-viewer-data")[0]


def test_viewer_renders_and_time_slider_moves_gaussians(browser, tmp_path):  # noqa: F811
    run = make_run(tmp_path / "run")
    page = build_report(run)
    assert "id='viewer'" in page.read_text()
    res = _probe(browser, tmp_path, page)
    assert res["errors"] == [], res["errors"]
    a, b = _png(res["a"]), _png(res["b"])
    assert a.shape[0] == 480 and a.shape == b.shape
    drawn = a.sum(-1) > 30                                  # background is black
    assert drawn.mean() > 0.05, drawn.mean()
    red = (a[..., 0] > 120) & (a[..., 1] < 90)              # the moving cluster is visible
    assert red.sum() > 50
    diff = np.abs(a - b).mean(-1) > 20
    assert diff.mean() > 0.005, diff.mean()                 # the red cluster moved 6 m between frames
    # it moved to the left in the image, as +y (ego left) from a camera behind the ego looking forward
    xs_a, xs_b = np.nonzero(red)[1].mean(), np.nonzero((b[..., 0] > 120) & (b[..., 1] < 90))[1].mean()
    assert xs_b < xs_a - 10, (xs_a, xs_b)
    assert "frame 2" in res["label"] and not math.isnan(xs_b)


def test_broken_run_gets_a_note_not_a_crash(tmp_path):
    run = make_run(tmp_path / "run")
    (run / "gaussians" / "window_000.velocity.npz").unlink()
    page = build_report(run).read_text()
    assert "No viewer" in page and "velocity sidecar" in page and "cvd-viewer-data" not in page
