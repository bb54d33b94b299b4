"""The report in a real headless browser (Debian's chromium): loads without console errors, the
videos play, and a screenshot shows a page.

Chromium is found on PATH (chromium-headless-shell, chromium, chromium-browser, google-chrome). When
absent and we are root with apt-get, it is installed with
`apt-get install -y --no-install-recommends chromium-headless-shell` if CI is set or
CVDSTORM_INSTALL_BROWSER=1 (about 10 s from a warm apt cache, once per machine); otherwise, or when
the install fails, the test is skipped with the reason.

A probe script is injected into a copy of the page (beside it, so relative video paths still
resolve): it records window errors, failed resource loads and console.error calls, calls play() on
every video, and after a few seconds of virtual time writes readyState, duration, currentTime and
the errors as JSON into the DOM, which `--dump-dom` prints.
"""

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from cvdstorm.report.html import build_report

BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-default-apps", "--mute-audio",
         "--autoplay-policy=no-user-gesture-required", "--allow-file-access-from-files"]

PROBE = """<script>
(function () {
  var errors = [];
  window.__probeErrors = errors;
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) errors.push('resource failed: ' + (t.src || t.href).slice(0, 200));
    else errors.push('error: ' + (e.message || String(e)));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('rejection: ' + String(e.reason)); });
  var origError = console.error;
  console.error = function () { errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); origError.apply(console, arguments); };
  window.addEventListener('load', function () {
    var vids = Array.prototype.slice.call(document.querySelectorAll('video'));
    var played = vids.map(function () { return false; });
    vids.forEach(function (v, i) {
      v.addEventListener('error', function () { errors.push('video error ' + i + ': ' + (v.error && v.error.code)); });
      var p = v.play();
      if (p && p.then) p.then(function () { played[i] = true; }, function (err) { errors.push('play() rejected ' + i + ': ' + err); });
    });
    setTimeout(function () {
      var out = document.createElement('pre');
      out.id = 'probe-result';
      out.textContent = JSON.stringify({
        errors: errors, played: played,
        videos: vids.map(function (v) { return {readyState: v.readyState, duration: v.duration,
          currentTime: v.currentTime, width: v.videoWidth, height: v.videoHeight, networkState: v.networkState}; })
      });
      document.body.appendChild(out);
    }, 3000);
  });
})();
</script>"""


def find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    path = find_browser()
    if path:
        return path
    allowed = os.environ.get("CI") or os.environ.get("CVDSTORM_INSTALL_BROWSER") == "1"
    if not allowed:
        pytest.skip("no chromium on PATH; set CVDSTORM_INSTALL_BROWSER=1 (or CI) to let the test apt-get install "
                    "chromium-headless-shell")
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("no chromium on PATH and cannot install it (needs root and apt-get)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", "chromium-headless-shell"]
    try:
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if r.returncode != 0:  # stale package lists: refresh once and retry
            subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600)
            r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as e:
        pytest.skip(f"installing chromium-headless-shell failed: {e}")
    path = find_browser()
    if r.returncode != 0 or not path:
        pytest.skip("installing chromium-headless-shell failed: " + (r.stderr.strip().splitlines() or ["?"])[-1])
    return path


def _run(browser: str, tmp: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    cmd = [browser, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def probe(browser: str, tmp: Path, page: Path, extra_head: str = "") -> dict:
    """Load a probe copy of page (beside it) and return what the probe wrote into the DOM. The probe (and
    `extra_head`) go first in <head>: the page's Content-Security-Policy blocks inline scripts after it."""
    probe = page.with_name("probe_" + page.name)
    probe.write_text(page.read_text().replace("<head>", "<head>" + PROBE + extra_head, 1))
    r = _run(browser, tmp, "--virtual-time-budget=8000", "--dump-dom", probe.as_uri())
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', r.stdout, re.S)
    assert m, f"probe did not report (rc {r.returncode}): {r.stderr[-2000:]}"
    return json.loads(html.unescape(m.group(1)))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from test_report import make_run

    run = make_run(tmp_path_factory.mktemp("browser") / "run")
    out = build_report(run)
    return run, out


@pytest.mark.parametrize("embed", [False, True])
def test_page_loads_and_videos_play(browser, report, tmp_path, embed):
    run, _ = report
    page = build_report(run, run / ("embedded.html" if embed else "linked.html"), embed=embed)
    # Chromium advances currentTime only as decoded frames arrive, in real time, while the probe's timer
    # runs on virtual time: on a loaded machine the report can come before the first frame (seen in CI:
    # readyState 1, currentTime 0). A page that does not play fails every try.
    for _ in range(3):
        res = probe(browser, tmp_path, page)
        if res["errors"] or all(v["currentTime"] > 0 for v in res["videos"]):
            break
    assert res["errors"] == []
    assert len(res["videos"]) == 3
    for v in res["videos"]:
        assert v["readyState"] >= 1, res
        assert v["duration"] and v["duration"] > 0, res      # 8 frames at 4 fps = 2 s
        assert abs(v["duration"] - 2.0) < 0.3
        assert (v["width"], v["height"]) == (64, 48)
    assert all(res["played"]), res
    assert all(v["currentTime"] > 0 for v in res["videos"]), res  # playback advanced (virtual time)


def test_screenshot_not_blank(browser, report, tmp_path):
    from PIL import Image

    _, page = report
    shot = tmp_path / "shot.png"
    r = _run(browser, tmp_path, f"--screenshot={shot}", "--window-size=1280,1800", "--hide-scrollbars",
             "--virtual-time-budget=3000", page.as_uri())
    assert shot.is_file(), r.stderr[-2000:]
    im = np.asarray(Image.open(shot).convert("RGB"))
    assert im.shape[:2] == (1800, 1280)
    assert im.std() > 20                                    # not a flat page
    assert len(np.unique(im.reshape(-1, 3), axis=0)) > 200  # text, video frames and tables drawn
    # the heading is dark text on the light background at the top left
    assert im[:60, :400].min() < 80 and np.median(im[:60, :400]) > 200


def test_probe_sees_a_broken_page(browser, tmp_path):
    # the probe is not vacuous: a missing video file and a script error are both reported
    from test_report import make_run

    run = make_run(tmp_path / "run", metrics=False)
    page = build_report(run)
    (run / "depth.mp4").unlink()
    res = probe(browser, tmp_path, page, "<script>window.addEventListener('load', function () { undefinedFunction(); });</script>")
    assert any("depth.mp4" in e for e in res["errors"]), res
    assert any("undefinedFunction" in e for e in res["errors"]), res
    assert res["videos"][2]["readyState"] == 0 and res["videos"][0]["readyState"] >= 1
