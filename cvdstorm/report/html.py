"""`cvdstorm report`: one static, self-contained HTML page built from a run / output folder.

In:  RUN, a folder holding any subset of
       *.mp4                      videos (generated 6-camera video, controls, depth, real, preview...),
                                  found up to 3 folders deep; known names are shown first (VIDEO_ROLES)
       eval*.json, metrics*.json, *_metrics.json
                                  metric files: numbers become tables, numeric lists become per-frame
                                  plots (lists under the same final key, e.g. ref0/psnr and ref3/psnr,
                                  share one plot, so quality vs horizon for 0/1/3 reference frames
                                  lands in one figure)
       *.csv                      with a first column frame / t / step / horizon: one plot per column
       eval_generation.json, plot_*.svg|png
                                  generation evaluation: a table by reference count (or generated vs
                                  reference frames of one run) and the quality-vs-horizon figure
       run.yaml, config.yaml, settings.json
                                  run settings, shown verbatim
       a generation run (pipelines/run.py) with Gaussians
                                  an interactive 3D viewer of the Gaussians (report/viewer.py: a
                                  vendored GaussianSplats3D + three.js bundle inlined into the page)
Out: RUN/report.html (or the given path). Plots are SVG images (matplotlib) in data: URIs, styles
     inline, no script or font from the network: the page works offline. Videos are linked by relative
     path (keep them beside the page) or, with `embed=True`, inlined as base64 `data:video/mp4` URIs.

The page is inert (report/inert.py): what the run folder holds (file names, JSON keys and values,
SVG files, settings, camera names) is shown as text, images or relative links, never run as script;
a Content-Security-Policy lets only the page's own scripts run. Files that lead out of the run folder
through a symlink are left out.

Metric tables put our numbers beside the paper's (`PAPER_NUMBERS`, from the CVD-STORM paper,
arXiv 2510.07944) where a metric key of ours matches one of the row's `keys` patterns (fnmatch, on
keys flattened with "/", e.g. `summary/gs_novel_psnr`). The paper's numbers are nuScenes val;
ours are on whatever data the run used (shown beside them), so they are comparable in kind only.
"""

from __future__ import annotations

import base64
import csv
import datetime as _dt
import fnmatch
import html
import io
import json
import math
from pathlib import Path
from typing import Any

from ..errors import CvdError
from ..eval import results as R
from ..io import write_bytes
from ..paths import contained
from .inert import csp_meta, file_url, svg_image

# Videos by role, in display order: (name patterns, caption).
VIDEO_ROLES = (
    (("generated*.mp4", "cameras*.mp4", "rollout*.mp4", "gen*.mp4", "video*.mp4"), "Generated 6-camera video"),
    (("controls*.mp4", "control*.mp4", "layout*.mp4"), "Controls (3D boxes and HD map drawn per camera)"),
    (("depth*.mp4",), "Depth of the generated video (GS decoder)"),
    (("real*.mp4", "gt*.mp4", "reference*.mp4"), "Real clip under the same controls"),
    (("preview*.mp4",), "Dataset preview (cameras with controls | depth)"),
)
METRIC_GLOBS = ("eval*.json", "metrics*.json", "*_metrics.json", "*metrics.json")
SETTINGS_FILES = ("run.yaml", "config.yaml", "settings.json", "settings.yaml")
SETTING_KEYS = ("settings", "config", "args", "arguments")
PLOT_X_COLUMNS = ("frame", "t", "step", "horizon", "time")
MAX_DEPTH = 3
MAX_PLOTS = 24
MAX_FILES = 60

# The paper's numbers (nuScenes val, 6 views unless noted). `keys`: fnmatch patterns of our metric
# keys that measure the same thing; the first match in the run's metric files is shown.
PAPER_NUMBERS = (
    {"metric": "FID", "setting": "3 reference frames", "paper": 3.8, "lower_is_better": True,
     "others": {"UniMLVG": 5.8, "MagicDrive-V2": 19.1}, "keys": ["*" + R.by_ref(R.FID, 3), "*ref3/fid", "*fid/ref3"]},
    {"metric": "FVD", "setting": "3 reference frames", "paper": 14.0, "lower_is_better": True,
     "others": {"UniMLVG": 36.1, "MagicDrive-V2": 218.1, "DiVE": 94.6},
     "keys": ["*" + R.by_ref(R.FVD, 3), "*ref3/fvd", "*fvd/ref3"]},
    {"metric": "FID", "setting": "1 reference frame", "paper": 3.6, "lower_is_better": True, "others": {},
     "keys": ["*" + R.by_ref(R.FID, 1), "*ref1/fid", "*fid/ref1"]},
    {"metric": "FVD", "setting": "1 reference frame", "paper": 17.2, "lower_is_better": True, "others": {},
     "keys": ["*" + R.by_ref(R.FVD, 1), "*ref1/fvd", "*fvd/ref1"]},
    {"metric": "FID", "setting": "no reference frame", "paper": 8.7, "lower_is_better": True, "others": {},
     "keys": ["*" + R.by_ref(R.FID, 0), "*ref0/fid", "*fid/ref0"]},
    {"metric": "FVD", "setting": "no reference frame", "paper": 39.0, "lower_is_better": True, "others": {},
     "keys": ["*" + R.by_ref(R.FVD, 0), "*ref0/fvd", "*fvd/ref0"]},
    {"metric": "FID", "setting": "ablation: plain VAE -> STORM-VAE", "paper": 7.92, "lower_is_better": True,
     "others": {"plain VAE": 9.36}, "keys": ["*ablation*fid*"]},
    {"metric": "FVD", "setting": "ablation: plain VAE -> STORM-VAE", "paper": 34.37, "lower_is_better": True,
     "others": {"plain VAE": 52.85}, "keys": ["*ablation*fvd*"]},
    {"metric": "PSNR", "setting": "STORM-VAE reconstruction (GS rendering)", "paper": 21.18,
     "lower_is_better": False, "others": {"STORM": 20.89}, "keys": ["*gs_novel_psnr", "*gs_ctx_psnr", "*recon*psnr"]},
    {"metric": "Depth RMSE (m)", "setting": "STORM-VAE reconstruction vs LiDAR", "paper": 4.55,
     "lower_is_better": True, "others": {"STORM": 5.52}, "keys": ["*gs_lidar_rmse", "*gs_depth_rmse"]},
    {"metric": "Depth AbsRel", "setting": "generated video depth (GS decoder) vs Depth-Anything-V2",
     "paper": 0.1605, "lower_is_better": True, "others": {},
     "keys": ["*gen*depth*abs_rel", "*generated*abs_rel", "*depth/abs_rel"]},
)


# ------------------------------------------------------------------------------------ helpers
def _own(root: Path, p: Path) -> bool:
    """A file of the run folder: not a symlink to one elsewhere (whose content the page would show)."""
    return p.is_file() and contained(root, p)


def _files(root: Path, patterns, max_depth: int = MAX_DEPTH) -> list[Path]:
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if len(rel.parts) > max_depth or any(part.startswith(".") for part in rel.parts) or not _own(root, p):
            continue
        if any(fnmatch.fnmatch(p.name.lower(), pat) for pat in patterns):
            out.append(p)
    return out


def _flatten(obj: Any, prefix: str = "") -> tuple[dict[str, Any], dict[str, list[float]]]:
    """JSON -> (scalars {path: value}, numeric series {path: list}) with '/'-joined key paths.

    Lists under a settings/config key are settings (e.g. ref_frames [0, 1, 3]), never plotted.
    Lists of records (e.g. per-clip rows) are summarised by their length only: tables of hundreds
    of rows help nobody on a report page, and the CSV beside the JSON has them.
    """
    scalars: dict[str, Any] = {}
    series: dict[str, list[float]] = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            s, r = _flatten(v, f"{prefix}/{k}" if prefix else str(k))
            scalars.update(s)
            series.update(r)
    elif isinstance(obj, list):
        is_setting = any(part.lower() in SETTING_KEYS for part in prefix.split("/"))
        if not is_setting and len(obj) >= 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) or v is None for v in obj):
            series[prefix] = [float("nan") if v is None else float(v) for v in obj]
        elif obj and all(isinstance(v, (int, float, str, bool)) for v in obj) and (len(obj) <= 8 or is_setting):
            scalars[prefix] = ", ".join(map(str, obj))
        elif obj:
            scalars[prefix] = f"[{len(obj)} entries]"
    else:
        scalars[prefix] = obj
    return scalars, series


def format_value(v: Any) -> str:
    """A value as the report's tables print it ("–" where missing or not finite)."""
    if v is None:
        return "–"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            return "–"
        if isinstance(v, int):
            return str(v)
        return f"{v:.1f}" if v.is_integer() and abs(v) < 1e9 else f"{v:.4g}"
    return str(v)


def _e(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    return buf.getvalue()


def _plot(title: str, lines: dict[str, tuple[list[float], list[float]]], xlabel: str, salt: str) -> str:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    with plt.rc_context({"svg.hashsalt": salt, "svg.fonttype": "path"}):
        fig, ax = plt.subplots(figsize=(4.6, 2.8), dpi=100)
        return _draw(fig, ax, title, lines, xlabel)


def _draw(fig, ax, title, lines, xlabel) -> str:
    import matplotlib.pyplot as plt

    for label, (x, y) in lines.items():
        ax.plot(x, y, marker="o" if len(y) <= 30 else None, markersize=3, linewidth=1.4, label=label)
    from matplotlib.ticker import MaxNLocator

    if all(float(v).is_integer() for x, _ in lines.values() for v in x):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # frames and steps are whole numbers
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(alpha=0.3)
    if len(lines) > 1:
        ax.legend(fontsize=7, frameon=False)
    try:
        return _svg(fig)
    finally:
        plt.close(fig)


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh))
    return (rows[0], rows[1:]) if rows else ([], [])


def _to_float(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------------------------ sections
def _videos_section(root: Path, out_dir: Path, embed: bool) -> tuple[str, list[Path]]:
    vids = _files(root, ("*.mp4",))
    ordered: list[tuple[Path, str]] = []
    for patterns, caption in VIDEO_ROLES:
        for v in vids:
            if v not in [o for o, _ in ordered] and any(fnmatch.fnmatch(v.name.lower(), p) for p in patterns):
                ordered.append((v, caption))
    ordered += [(v, v.stem.replace("_", " ")) for v in vids if v not in [o for o, _ in ordered]]
    if not ordered:
        return "", []
    parts = ['<section id="videos"><h2>Videos</h2><div class="grid">']
    for v, caption in ordered:
        if embed:
            src = "data:video/mp4;base64," + base64.b64encode(v.read_bytes()).decode()
        else:
            src = file_url(v, out_dir)
        parts.append(f'<figure><video controls muted loop playsinline preload="auto" src="{_e(src)}"></video>'
                     f'<figcaption>{_e(caption)} <span class="file">{_e(v.relative_to(root))}</span>'
                     f' <span class="vstatus"></span></figcaption></figure>')
    parts.append("</div></section>")
    return "\n".join(parts), [v for v, _ in ordered]


def _metrics(root: Path) -> tuple[list[tuple[Path, dict, dict]], list[str]]:
    """[(file, scalars, series)] of every metric JSON, and warnings for unreadable ones."""
    out, warnings = [], []
    for f in _files(root, METRIC_GLOBS):
        try:
            data = json.loads(f.read_text())
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
            warnings.append(f"{f.relative_to(root)}: not readable JSON ({e.__class__.__name__}); skipped")
            continue
        s, r = _flatten(data)
        out.append((f, s, r))
    return out, warnings


def _data_caveat(flat: dict) -> str:
    """What this run's numbers were measured on, from its settings: the dataset version and the frame size."""
    def setting(name):
        return next((v for k, (v, _) in flat.items() if k.rpartition("/")[2] == name and k.startswith("settings/")
                     and isinstance(v, (str, int)) and not isinstance(v, bool)), None)
    version, h, w = setting("version"), setting("height"), setting("width")
    if version is None:
        return "this run's data (see settings)"
    kind = "a synthetic world" if "synth" in str(version) else "nuScenes-format data"
    size = f" at {h}x{w} pixels" if isinstance(h, int) and isinstance(w, int) else ""
    return f"{kind} ({version}){size}"


def _paper_section(metrics) -> str:
    flat: dict[str, Any] = {}
    for f, scalars, _ in metrics:
        for k, v in scalars.items():
            flat.setdefault(k, (v, f.name))
    rows = []
    for row in PAPER_NUMBERS:
        ours, src = None, ""
        for pat in row["keys"]:
            hit = next((k for k in flat if fnmatch.fnmatch(k.lower(), pat) and isinstance(flat[k][0], (int, float))
                        and not isinstance(flat[k][0], bool)), None)
            if hit:
                ours, src = flat[hit][0], f"{flat[hit][1]}: {hit}"
                # the protocol written beside the number (FVD: frames, size, resize, network file)
                parent = hit.rpartition("/")[0]
                near = (f"{parent}/protocol", f"{parent}/fvd_protocol", "settings/fvd_protocol")
                proto = next((flat[k][0] for k in near
                              if k in flat and flat[k][1] == flat[hit][1] and isinstance(flat[k][0], str)), None)
                src += f" ({proto})" if proto else ""
                break
        others = ", ".join(f"{k} {format_value(v)}" for k, v in row["others"].items())
        arrow = "↓" if row["lower_is_better"] else "↑"
        rows.append(f"<tr><td>{_e(row['metric'])} {arrow}</td><td>{_e(row['setting'])}</td>"
                    f"<td class='num'>{format_value(row['paper'])}</td><td>{_e(others)}</td>"
                    f"<td class='num ours'>{format_value(ours)}</td><td class='file'>{_e(src)}</td></tr>")
    return ('<section id="paper"><h2>Against the paper</h2>'
            "<p class='note'>Paper: CVD-STORM (arXiv 2510.07944) on nuScenes val; ours: "
            f"{_e(_data_caveat(flat))}. Comparable in kind, not in value, unless the run used nuScenes.</p>"
            "<table><thead><tr><th>metric</th><th>setting</th><th>paper</th><th>other methods (paper)</th>"
            "<th>this run</th><th>from</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>")


def _metric_tables(root: Path, metrics) -> str:
    if not metrics:
        return ""
    parts = ['<section id="metrics"><h2>Metrics</h2>']
    for f, scalars, _ in metrics:
        if not scalars:
            continue
        rows = "".join(f"<tr><td>{_e(k)}</td><td class='num'>{_e(format_value(v))}</td></tr>" for k, v in scalars.items())
        parts.append(f"<h3>{_e(f.relative_to(root))}</h3><table class='kv'><tbody>{rows}</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


def _plots_section(root: Path, metrics) -> str:
    figs: list[str] = []
    # JSON series grouped by their final key (e.g. */psnr), labelled by the rest of the path
    for f, _, series in metrics:
        groups: dict[str, dict[str, list[float]]] = {}
        for k, y in series.items():
            head, _, leaf = k.rpartition("/")
            groups.setdefault(leaf, {})[head or leaf] = y
        for leaf, lines in groups.items():
            if len(figs) >= MAX_PLOTS:
                break
            labels = _short_labels(list(lines))
            data = {lab: (list(range(len(y))), y) for lab, y in zip(labels, lines.values())}
            title = f"{leaf} ({f.stem})"
            figs.append(_figure(_plot(title, data, "frame", f"fig{len(figs)}"), f.relative_to(root), title))
    # CSVs with a frame/step column
    for f in _files(root, ("*.csv",), max_depth=2):
        header, rows = _read_csv(f)
        if not header or header[0].strip().lower() not in PLOT_X_COLUMNS or len(rows) < 2:
            continue
        x = [_to_float(r[0]) for r in rows]
        for j, name in enumerate(header[1:], start=1):
            if len(figs) >= MAX_PLOTS:
                break
            pts = [(xi, _to_float(r[j])) for xi, r in zip(x, rows) if j < len(r)]
            pts = [(a, b) for a, b in pts if a is not None and b is not None]
            if len(pts) >= 2:
                title = f"{name} ({f.stem})"
                figs.append(_figure(_plot(title, {name: ([a for a, _ in pts], [b for _, b in pts])}, header[0],
                                          f"fig{len(figs)}"), f.relative_to(root), title))
    if not figs:
        return ""
    return '<section id="plots"><h2>Per-frame metrics</h2><div class="grid">' + "".join(figs) + "</div></section>"


def _short_labels(paths: list[str]) -> list[str]:
    """Drop the key-path components all labels share: quality/ref0, quality/ref3 -> ref0, ref3."""
    parts = [p.split("/") for p in paths]
    while len(paths) > 1 and all(len(q) > 1 for q in parts) and len({q[0] for q in parts}) == 1:
        parts = [q[1:] for q in parts]
    return ["/".join(q) for q in parts]


def _figure(svg: str, src, title: str) -> str:
    return f"<figure class='plot'>{svg_image(svg, title)}<figcaption class='file'>{_e(src)}</figcaption></figure>"


# Generation evaluation (eval/generation.py per run, eval/generation_suite.py by reference count): table columns.
GENERATION_COLUMNS = (
    (R.PSNR, "PSNR ↑"), (R.SSIM, "SSIM ↑"), (R.LPIPS, "ST-LPIPS ↓"), (R.FID, "FID ↓"), (R.FVD, "FVD ↓"),
    (R.depth_key(R.GEN_DEPTH, "abs_rel"), "depth AbsRel ↓"), (R.depth_key(R.GEN_DEPTH, "rmse"), "depth RMSE m ↓"),
    (R.depth_key(R.GEN_DEPTH, "delta1"), "δ<1.25 ↑"),
    (R.miou("generated", True), "control mIoU ↑"), (R.miou("real", True), "control mIoU, real frames"),
    (R.warp_l1("crossview", "generated"), "cross-view L1 ↓"), (R.warp_l1("crossview", "real"), "cross-view L1, real frames"),
    (R.warp_l1("crossview", "real_gs"), "cross-view L1, real frames, GS depth"),
    (R.warp_l1("temporal", "generated"), "temporal L1 ↓"),
    (R.warp_l1("temporal", "real_gs"), "temporal L1, real frames, GS depth"),
)


def ref_label(key: str) -> str:
    """`ref3` -> "3 reference frames"; a key that is no reference count (a foreign file) shows as it is."""
    try:
        k = R.ref_count(key)
    except CvdError:
        return str(key)
    return f"{k} reference frame{'s' if k != 1 else ''}"


def _generation_section(root: Path) -> str:
    """RUN/eval_generation.json as one table (rows: reference counts of an aggregate, or generated vs
    reference frames of one run), its notes, and the plot_*.svg (or .png) figures beside it."""
    p = root / "eval_generation.json"
    try:
        data = json.loads(p.read_text()) if _own(root, p) else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        data = None  # reported by the metrics section
    if not isinstance(data, dict):
        return ""
    if isinstance(data.get("by_reference"), dict):
        rows = [(ref_label(k), v) for k, v in data["by_reference"].items()]
    elif isinstance(data.get("summary"), dict) and "per_frame" in data:
        rows = [("generated frames", data["summary"]),
                ("reference frames (real-frame reconstructions)", data.get("reference_frames") or {})]
    else:
        return ""
    rows = [(label, r) for label, r in rows if isinstance(r, dict) and r]
    cols = [c for c in GENERATION_COLUMNS if any(r.get(c[0]) is not None for _, r in rows)]
    head = "".join(f"<th>{_e(name)}</th>" for _, name in cols)
    body = "".join("<tr><td>" + _e(label) + "</td>" + "".join(f"<td class='num'>{_e(format_value(r.get(k)))}</td>"
                                                             for k, _ in cols) + "</tr>" for label, r in rows)
    parts = ['<section id="generation"><h2>Generation vs the real clips</h2>',
             f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"]
    parts += [f"<p class='note'>{_e(n)}</p>" for n in data.get("notes") or [] if isinstance(n, str)]
    for svg in sorted(f for f in root.glob("plot_*.svg") if _own(root, f)):
        try:
            parts.append(_figure(svg.read_text(), svg.name, svg.stem))
        except (OSError, UnicodeDecodeError):
            continue
    for png in sorted(f for f in root.glob("plot_*.png") if _own(root, f)):
        if not png.with_suffix(".svg").is_file():
            src = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
            parts.append(f"<figure class='plot'><img alt='{_e(png.stem)}' src='{src}' style='width:100%'>"
                         f"<figcaption class='file'>{_e(png.name)}</figcaption></figure>")
    parts.append("</section>")
    return "\n".join(parts)


def _settings_section(root: Path) -> str:
    parts = []
    for name in SETTINGS_FILES:
        p = root / name
        if _own(root, p):
            try:
                t = p.read_text()
            except (OSError, UnicodeDecodeError):
                continue
            parts.append(f"<h3>{_e(name)}</h3><pre>{_e(t)}</pre>")
    if not parts:
        return ""
    return '<section id="settings"><h2>Run settings</h2>' + "".join(parts) + "</section>"


def _files_section(root: Path, out_dir: Path) -> str:
    data = _files(root, ("*.json", "*.csv", "*.yaml", "*.ply", "*.npz"), max_depth=2)
    if not data:
        return ""
    items = "".join(f"<li><a href='{_e(file_url(p, out_dir))}'>{_e(p.relative_to(root))}</a> "
                    f"<span class='file'>{p.stat().st_size / 1024:.1f} KiB</span></li>" for p in data[:MAX_FILES])
    if len(data) > MAX_FILES:  # checkpoint folders can hold hundreds of small files
        items += f"<li class='note'>and {len(data) - MAX_FILES} more</li>"
    return f'<section id="files"><h2>Files</h2><ul>{items}</ul></section>'


CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1280px;
     padding:16px 24px;color:#1d2330;background:#fafbfc}
h1{font-size:1.5em;margin:0.2em 0} h2{border-bottom:1px solid #d7dbe2;padding-bottom:4px;margin-top:1.6em}
h3{font-size:1em;margin:1em 0 0.3em} .note,.file{color:#667085;font-size:0.85em}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid #e3e6eb;border-radius:6px;padding:8px}
video{width:100%;background:#000;border-radius:4px} figure.plot svg{width:100%;height:auto}
table{border-collapse:collapse;font-size:0.9em;background:#fff}
td,th{border:1px solid #e3e6eb;padding:4px 8px;text-align:left} td.num{text-align:right;font-variant-numeric:tabular-nums}
td.ours{font-weight:600} pre{background:#fff;border:1px solid #e3e6eb;padding:8px;overflow:auto;font-size:0.85em}
.warn{color:#a15c00}
"""

# Shows each video's duration (or why it cannot play) under it; no network, no dependencies.
STATUS_JS = """
document.querySelectorAll('figure video').forEach(function (v) {
  var s = v.parentNode.querySelector('.vstatus');
  function show() { if (s) s.textContent = '(' + v.duration.toFixed(1) + ' s, ' + v.videoWidth + 'x' + v.videoHeight + ')'; }
  v.addEventListener('loadedmetadata', show);
  v.addEventListener('error', function () { if (s) { s.textContent = '(this browser cannot play this video)'; s.className = 'vstatus warn'; } });
  if (v.readyState >= 1) show();
});
"""


def build_report(run_dir: str | Path, out_html: str | Path | None = None, embed: bool = False,
                 title: str | None = None, generation: str | Path | None = None) -> Path:
    """Write the report page for run_dir (see module docstring); returns its path.

    generation: a generation run folder inside run_dir (the demo's `generated/`) whose evaluation
    table and 3D Gaussians the page shows; default run_dir itself."""
    root = Path(run_dir)
    if not root.is_dir():
        raise CvdError(f"report: run folder {root} does not exist")
    out = Path(out_html) if out_html else root / "report.html"
    out_dir = out.parent
    out_dir.mkdir(parents=True, exist_ok=True)

    videos_html, videos = _videos_section(root, out_dir, embed)
    metrics, warnings = _metrics(root)
    settings_html = _settings_section(root)
    gen_root = Path(generation) if generation is not None else root
    sections = [videos_html, _generation_section(gen_root)]
    if metrics:
        sections += [_paper_section(metrics), _plots_section(root, metrics), _metric_tables(root, metrics)]
    else:
        sections.append(_plots_section(root, []))
    from .viewer import viewer_scripts, viewer_section

    viewer_html = viewer_section(gen_root)           # interactive 3D Gaussians (gaussians/window_*.ply)
    sections.append(viewer_html)
    sections += [settings_html, _files_section(root, out_dir)]
    if not any(sections):
        sections.append("<p class='note'>This folder has no videos, metrics or settings yet.</p>")
    warn_html = "".join(f"<p class='warn'>{_e(w)}</p>" for w in warnings)
    from .. import __version__

    now = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    page = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        + csp_meta([STATUS_JS] + (viewer_scripts() if viewer_html else []))   # before any content of the run
        + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title or 'cvdstorm report: ' + root.resolve().name)}</title><style>{CSS}</style></head><body>"
        f"<h1>{_e(title or 'cvdstorm report: ' + root.resolve().name)}</h1>"
        f"<p class='note'>Built {_e(now)} by cvdstorm {_e(__version__)} from {_e(root.resolve())}. "
        f"{len(videos)} video(s), {len(metrics)} metric file(s).</p>{warn_html}"
        + "\n".join(s for s in sections if s)
        + f"<script>{STATUS_JS}</script></body></html>\n"
    )
    write_bytes(out, page.encode("utf-8"))
    return out
