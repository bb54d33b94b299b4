"""Issue 24, readers and paths: datasets, run folders and rig files are untrusted. Names inside them
never lead outside their root (a write outside --out, a read outside the dataroot), the report never
runs what a run folder holds, sizes are checked against the memory limit before allocating, and
damaged files end in one line. Each escape case digests the whole temporary tree before and after:
nothing outside the command's own output changed.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from conftest import fails
from test_bad_input import contents, rig, shared  # noqa: F401  (shared: the module fixture)
from test_report_browser import browser  # noqa: F401  (the fixture: finds or installs chromium)
from cvdstorm.errors import CvdError
from cvdstorm.paths import inside, plain_name

ESCAPE = "../../outside/victim"


@pytest.fixture
def world(tmp_path):
    """tmp/outside/ holds files a hostile input aims at; tmp/work/ is where inputs and outputs live."""
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("victim.mp4", "src.png", "secret.jpg", "secret.bin"):
        (outside / name).write_bytes(b"precious " + name.encode())
    (tmp_path / "work").mkdir()
    return tmp_path


def refused(capsys, world, argv, *needles, out=None):
    """The command exits 2 with one line holding the needles, and nothing under the test root changed
    (lock files aside, the one thing a refused writer may leave); no output was started."""
    before = contents([world])
    fails(capsys, [str(a) for a in argv], *needles)
    assert contents([world]) == before
    assert out is None or not Path(out).exists()


def copy_run(shared, world, edit_scene=None) -> Path:
    run = world / "work" / "run"
    shutil.copytree(shared["run"], run)
    if edit_scene:
        scene = json.loads((run / "scene.json").read_text())
        edit_scene(scene)
        (run / "scene.json").write_text(json.dumps(scene))
    return run


def copy_data(shared, world, table: str, edit) -> Path:
    data = world / "work" / "data"
    shutil.copytree(shared["data"], data)
    path = data / "v1.0-synth" / f"{table}.json"
    rows = json.loads(path.read_text())
    edit(rows)
    path.write_text(json.dumps(rows))
    return data


def first_camera_row(name: str):
    def edit(rows):
        row = next(r for r in rows if "/CAM_FRONT/" in r["filename"] and r["is_key_frame"])
        row["filename"] = name
    return edit


def every_lidar_row(name: str):
    def edit(rows):
        for r in rows:
            if "/LIDAR_TOP/" in r["filename"]:
                r["filename"] = name
    return edit


# ------------------------------------------------------------------------------ the policy itself
@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "..\\x", "x\0y", "tab\tname", "a" * 256, 3, None])
def test_plain_name_refuses(name):
    with pytest.raises(CvdError, match="record field"):
        plain_name(name, "record field")


def test_inside(tmp_path):
    (tmp_path / "root" / "a").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "root" / "inner").symlink_to(tmp_path / "root" / "a")
    assert inside(tmp_path / "root", "a/x.jpg", "f") == tmp_path / "root" / "a" / "x.jpg"
    assert inside(tmp_path / "root", "inner/x.jpg", "f") == tmp_path / "root" / "inner" / "x.jpg"  # stays inside
    for rel, why in (("../x", "'..'"), ("a/../../x", "'..'"), ("/etc/passwd", "absolute"), ("C:\\x", "absolute"),
                     ("link/x.jpg", "symlink"), ("", "non-empty")):
        with pytest.raises(CvdError, match=why):
            inside(tmp_path / "root", rel, "f")


# --------------------------------------------------------------------- 1. render writes outside --out
def test_render_rig_camera_name_cannot_escape(capsys, world, shared):
    rig_file = world / "work" / "rig.yaml"
    rig_file.write_text(rig(16, 1).replace("  A:", f"  '{ESCAPE}':"))
    out = world / "work" / "a" / "b"
    refused(capsys, world, ["render", "--run", shared["run"], "--out", out, "--rig", rig_file],
            "rig.yaml", "camera name", ESCAPE, "path separator", out=out)


def test_render_run_camera_name_cannot_escape(capsys, world, shared):
    run = copy_run(shared, world, lambda s: s.update(cameras=[ESCAPE] + s["cameras"][1:]))
    out = world / "work" / "a" / "b"
    refused(capsys, world, ["render", "--run", run, "--out", out], "scene.json", "cameras[0]", ESCAPE, out=out)


# ------------------------------------------------------------- 2. export writes outside --out (map)
@pytest.mark.parametrize("name", ["../../outside/src.png", "ABSOLUTE"])
def test_export_map_filename_cannot_escape(capsys, world, shared, name):
    name = str(world / "outside" / "src.png") if name == "ABSOLUTE" else name
    data = copy_data(shared, world, "map", lambda rows: rows[0].update(filename=name))
    run = copy_run(shared, world, lambda s: s.update(dataroot=str(data)))
    out = world / "work" / "export"
    refused(capsys, world, ["export", "--runs", run, "--out", out], "map.json", "filename", name, out=out)


# ------------------------------------------------ 3. files outside the dataroot are read or copied
@pytest.mark.parametrize("name", ["../outside/secret.jpg", "ABSOLUTE"])
def test_preview_reads_no_file_outside_the_dataroot(capsys, world, shared, name):
    name = str(world / "outside" / "secret.jpg") if name == "ABSOLUTE" else name
    data = copy_data(shared, world, "sample_data", first_camera_row(name))
    out = world / "work" / "p.mp4"
    refused(capsys, world, ["preview", "--dataroot", data, "--frames", "1", "--out", out],
            "sample_data.json", "filename", name, out=out)


def test_preview_refuses_a_symlink_out_of_the_dataroot(capsys, world, shared):
    data = copy_data(shared, world, "sample_data", lambda rows: None)
    cam = data / "samples" / "CAM_FRONT"
    shutil.move(cam, world / "outside" / "CAM_FRONT")
    cam.symlink_to(world / "outside" / "CAM_FRONT")
    out = world / "work" / "p.mp4"
    refused(capsys, world, ["preview", "--dataroot", data, "--frames", "1", "--out", out],
            "sample_data.json", "CAM_FRONT", "symlink", out=out)


def test_export_copies_no_lidar_file_from_outside(capsys, world, shared):
    name = str(world / "outside" / "secret.bin")
    data = copy_data(shared, world, "sample_data", every_lidar_row(name))
    run = copy_run(shared, world, lambda s: s.update(dataroot=str(data)))
    out = world / "work" / "export"
    refused(capsys, world, ["export", "--runs", run, "--out", out], "sample_data.json", "filename", "absolute", out=out)


def test_map_location_is_a_plain_name(capsys, world, shared):
    data = copy_data(shared, world, "log", lambda rows: [r.update(location="../../outside/x") for r in rows])
    out = world / "work" / "p.mp4"
    refused(capsys, world, ["preview", "--dataroot", data, "--frames", "1", "--out", out], "log.json", "location",
            out=out)


# ------------------------------------------------------------------------------- 4. the report
EVIL_SVG = ("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><script>document.title='pwned-svg'"
            "</script><a href='javascript:document.title=1'><rect width='10' height='10'/></a></svg>")
EVIL_NAME = "javascript:document.title='pwned-link';x.json"


def evil_run(root: Path) -> Path:
    """A report folder whose files try to become script: an SVG plot with <script>, a file named as a
    javascript: URL, markup in JSON keys and settings, and a symlink to a file outside it."""
    from test_report import make_run

    run = make_run(root)
    (run / "plot_evil.svg").write_text(EVIL_SVG)
    (run / EVIL_NAME).write_text("{}")
    (run / "eval_evil.json").write_text(json.dumps({"<script>document.title='pwned-key'</script>": 1.5}))
    (run / "run.yaml").write_text("x: </pre><script>document.title='pwned-yaml'</script>\n")
    (root.parent / "secret.json").write_text('{"secret_value": 42}')
    (run / "metrics_link.json").symlink_to(root.parent / "secret.json")
    return run


def test_report_is_inert(tmp_path):
    from cvdstorm.report.html import build_report

    text = build_report(evil_run(tmp_path / "run")).read_text()
    assert "<svg" not in text and "<script>document" not in text           # SVGs are images; markup is text
    hrefs = re.findall(r"href='([^']*)'", text)
    assert hrefs and all(":" not in h for h in hrefs), hrefs                # relative links, no scheme
    assert "javascript%3Adocument.title%3D%27pwned-link%27%3Bx.json" in hrefs
    assert "secret_value" not in text and "metrics_link" not in text       # the symlink out is left out
    assert text.count("Content-Security-Policy") == 1 and "sha256-" in text


def test_viewer_data_block_escaped(tmp_path):
    from test_viewer_browser import make_run as viewer_run
    from cvdstorm.report.viewer import viewer_section

    run = viewer_run(tmp_path / "run")
    scene = json.loads((run / "scene.json").read_text())
    scene["cameras"][0] = "<!--<script>"
    (run / "scene.json").write_text(json.dumps(scene))
    html = viewer_section(run)
    block = re.search(r"<script type='application/json' id='cvd-viewer-data'>(.*?)</script>", html, re.S).group(1)
    assert "<" not in block and json.loads(block)["camera_names"][0] == "<!--<script>"


# ------------------------------------------------------------------------- 9. one line, not a traceback
def test_torn_log_line(capsys, tmp_path, synth_root):
    """A torn last line of log.jsonl (killed mid-write) is dropped with a warning and resume works; a
    damaged line before it is one line naming it."""
    from cvdstorm.cli import main

    out = tmp_path / "vae"
    argv = ["train-vae", "--preset", "tiny", "--dataroot", str(synth_root), "--out", str(out), "--steps"]
    assert main(argv + ["1"]) == 0
    log = out / "log.jsonl"
    log.write_text(log.read_text() + '{"step": 2, "loss": 0.')
    with pytest.warns(UserWarning, match="torn last line"):
        assert main(argv + ["2", "--resume"]) == 0
    steps = [json.loads(line)["step"] for line in log.read_text().splitlines()]   # every line whole again
    assert steps == sorted(set(steps)), steps
    log.write_text("garbage\n" + log.read_text())
    capsys.readouterr()
    fails(capsys, argv + ["3", "--resume"], "log.jsonl", "line 1")


def test_huge_and_big_jpegs(capsys, world, shared, monkeypatch):
    """A 20000x20000 JPEG (PIL: DecompressionBombError) and a 12000x12000 one (PIL: a two-line warning):
    our one line, from the header, before decoding."""
    data = copy_data(shared, world, "sample_data", lambda rows: None)
    target = sorted((data / "samples" / "CAM_FRONT").glob("*.jpg"))[0]
    out = world / "work" / "p.mp4"
    for side in (20000, 12000):
        Image.new("L", (side, side)).save(target, format="JPEG", quality=1)
        refused(capsys, world, ["preview", "--dataroot", data, "--frames", "1", "--out", out],
                "CAM_FRONT", f"{side}x{side}", "112x64", out=out)
    # an image larger than the memory limit is refused from its header wherever it is read
    from cvdstorm.io import read_image

    monkeypatch.setenv("CVDSTORM_MAX_MEMORY_GB", "1")
    with pytest.raises(CvdError, match=r"12000x12000 pixels.*needs about 3\.46 GB.*CVDSTORM_MAX_MEMORY_GB"):
        read_image(target, "CAM_FRONT image")


def test_json_nested_deep(capsys, world, shared):
    data = copy_data(shared, world, "sample_data", lambda rows: None)
    (data / "v1.0-synth" / "scene.json").write_text("[" * 100_000 + "]" * 100_000)
    refused(capsys, world, ["preview", "--dataroot", data, "--out", world / "work" / "p.mp4"], "scene.json",
            "nested too deeply")
    cfg = world / "work" / "c.yaml"
    cfg.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    refused(capsys, world, ["train-vae", "--config", cfg, "--dataroot", data, "--out", world / "work" / "v"],
            "c.yaml", "nested too deeply")


def test_frames_at_one_timestamp(capsys, world, shared):
    """What `synth --hz 1e7` made (frames 0.1 us apart round to one timestamp): preview divided by zero."""
    data = copy_data(shared, world, "sample", lambda rows: [r.update(timestamp=rows[0]["timestamp"]) for r in rows])
    refused(capsys, world, ["preview", "--dataroot", data, "--frames", "1", "--out", world / "work" / "p.mp4"],
            "sample.json", "do not increase")
    refused(capsys, world, ["synth", "--out", world / "work" / "s", "--hz", "1e7"], "--hz", "1000 Hz")


# ------------------------------------------------------------------------------------ 10. limits
def test_size_limits(capsys, world, shared):
    w = world / "work"
    refused(capsys, world, ["synth", "--out", w / "s", "--width", "20000", "--height", "20000"],
            "20000x20000", "GB of memory", "CVDSTORM_MAX_MEMORY_GB")
    refused(capsys, world, ["synth", "--out", w / "s", "--frames", "10000000"], "10000000 frames", "GB")
    refused(capsys, world, ["preview", "--dataroot", shared["data"], "--width", "50000", "--out", w / "p.mp4"],
            "50000x256", "16384")
    cams = "".join(f"  C{i}: {{intrinsics: [[1, 0, 8], [0, 1, 8], [0, 0, 1]], translation: [0, 0, 1], "
                   f"rotation: [1, 0, 0, 0]}}\n" for i in range(64))
    (w / "rig.yaml").write_text("width: 4096\nheight: 4096\ncameras:\n" + cams)
    refused(capsys, world, ["render", "--run", shared["run"], "--out", w / "r", "--rig", w / "rig.yaml"],
            "64 camera(s) at 4096x4096", "GB of memory")


def test_memory_limit_is_settable(capsys, world, shared, monkeypatch):
    monkeypatch.setenv("CVDSTORM_MAX_MEMORY_GB", "0.01")
    refused(capsys, world, ["preview", "--dataroot", shared["data"], "--out", world / "work" / "p.mp4"],
            "more than the limit of 0.01 GB (CVDSTORM_MAX_MEMORY_GB=0.01)")
    monkeypatch.setenv("CVDSTORM_MAX_MEMORY_GB", "lots")
    refused(capsys, world, ["preview", "--dataroot", shared["data"], "--out", world / "work" / "p.mp4"],
            "CVDSTORM_MAX_MEMORY_GB", "'lots'")


def test_velocity_sidecar_bomb(capsys, world, shared):
    """A small .velocity.npz whose member inflates far beyond what the PLY's Gaussians need is refused
    from the zip header, unread."""
    import zipfile

    run = copy_run(shared, world)
    side = sorted((run / "gaussians").glob("*.npz"))[0]
    with zipfile.ZipFile(side, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("velocities.npy", "w", force_zip64=True) as fh:
            chunk = bytes(1 << 24)
            for _ in range(64):                                                    # 1 GiB of zeros, ~1 MB zipped
                fh.write(chunk)
        zf.writestr("time.npy", b"")
    assert side.stat().st_size < 3e6
    refused(capsys, world, ["render", "--run", run, "--out", world / "work" / "r"], "velocity.npz", "inflates to",
            "1073741824")


# ------------------------------------------------------------------ 11. weights of the wrong dtype
def test_weights_with_a_relabelled_dtype(capsys, world, shared):
    ck = world / "work" / "ck"
    shutil.copytree(shared["ck"], ck)
    path = next((ck / "vae").glob("step_*/model.safetensors"))
    raw = path.read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + n])
    key = next(k for k, v in header.items() if k != "__metadata__" and v["dtype"] == "F32")
    header[key]["dtype"] = "I32"                                             # same size: only the label lies
    new = json.dumps(header, separators=(",", ":")).encode().ljust(n)   # safetensors pads with spaces too
    path.write_bytes(raw[:8] + new + raw[8 + n:])
    refused(capsys, world, ["generate", "--checkpoint", ck, "--dataroot", shared["data"], "--frames", "4",
                            "--references", "1", "--overlap", "2", "--steps", "1", "--out", world / "work" / "g"],
            "model.safetensors", repr(key), "I32", "torch.float32")


# ------------------------------------------------------------------------------ 12. wording
def test_scene_without_samples(capsys, world, shared):
    data = copy_data(shared, world, "scene", lambda rows: rows[0].update(first_sample_token="", nbr_samples=0))
    refused(capsys, world, ["preview", "--dataroot", data, "--out", world / "work" / "p.mp4"], "no keyframes")
    data2 = world / "work" / "data2"
    shutil.copytree(data, data2)
    rows = json.loads((data2 / "v1.0-synth" / "scene.json").read_text())
    del rows[0]["log_token"]
    (data2 / "v1.0-synth" / "scene.json").write_text(json.dumps(rows))
    refused(capsys, world, ["preview", "--dataroot", data2, "--out", world / "work" / "p.mp4"], "scene.json",
            "log_token")


# ------------------------------------------------------------------------------------ still holds
def test_yaml_object_tags_refused(capsys, world, shared):
    rig_file = world / "work" / "rig.yaml"
    rig_file.write_text("width: !!python/object/apply:os.system ['touch pwned']\n")
    refused(capsys, world, ["render", "--run", shared["run"], "--out", world / "work" / "r", "--rig", rig_file],
            "rig.yaml", "not valid YAML")
    assert not Path("pwned").exists()


# ---------------------------------------------------------------------- the report in a real browser
PROBE = """<script>
(function () {
  var errs = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    errs.push('csp: ' + e.violatedDirective + ' ' + (e.blockedURI || '') + ' line ' + e.lineNumber); });
  window.addEventListener('error', function (e) { errs.push('error: ' + (e.message || e.target)); }, true);
  window.addEventListener('load', function () { setTimeout(function () {
    var p = document.createElement('pre'); p.id = 'probe-result';
    p.textContent = JSON.stringify({errors: errs, title: document.title, viewer: !!window.cvdViewer,
      status: Array.prototype.map.call(document.querySelectorAll('.vstatus'), function (s) { return s.textContent; }),
      sections: Array.prototype.map.call(document.querySelectorAll('section'), function (s) { return s.id; })});
    document.body.appendChild(p); }, 1500); });
})();
</script>"""


def browse(browser, tmp, page: Path, flags=()) -> dict:
    """Load a copy of the page with PROBE first in <head> (before the page's CSP, so it may run) plus an
    inline script injected into the body (as an escaping bug would), and read what the probe saw."""
    import html as _html

    from test_report_browser import FLAGS

    probe = page.with_name("probe_" + page.name)
    probe.write_text(page.read_text().replace("<head>", "<head>" + PROBE, 1)
                     .replace("</h1>", "</h1><script>document.title='pwned-inline'</script>", 1))
    r = subprocess.run([browser, *FLAGS, *flags, f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=6000",
                        "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=180)
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', r.stdout, re.S)
    assert m, f"probe did not report (rc {r.returncode}): {r.stderr[-2000:]}"
    assert "pwned" not in r.stdout.split("<body")[0], "an injected script set the title"
    return json.loads(_html.unescape(m.group(1)))


def test_report_inert_in_chromium(browser, tmp_path):
    from cvdstorm.report.html import build_report

    page = build_report(evil_run(tmp_path / "run"))
    res = browse(browser, tmp_path, page)
    assert res["title"].startswith("cvdstorm report"), res                 # no injected script ran
    assert any(e.startswith("csp: script-src") for e in res["errors"]), res  # the injected one was blocked...
    assert not [e for e in res["errors"] if not e.startswith("csp: script-src")], res   # ...and nothing else failed
    assert all(s.startswith("(2.0 s") for s in res["status"]) and len(res["status"]) == 3, res  # our script ran
    assert res["sections"][-1] == "files"                                    # the page is whole


def test_viewer_with_hostile_camera_name_in_chromium(browser, tmp_path):
    from test_viewer_browser import FLAGS as VIEWER_FLAGS, make_run as viewer_run
    from cvdstorm.report.html import build_report

    run = viewer_run(tmp_path / "run")
    scene = json.loads((run / "scene.json").read_text())
    scene["cameras"][0] = "<!--<script>"
    (run / "scene.json").write_text(json.dumps(scene))
    res = browse(browser, tmp_path, build_report(run), VIEWER_FLAGS)
    assert res["viewer"], res                                                # the viewer's scripts ran under the CSP
    assert "viewer" in res["sections"] and res["sections"][-1] == "files", res
    assert not [e for e in res["errors"] if "pwned" not in e and not e.startswith("csp: script-src")], res

