"""HTML report: renders any subset of a run folder, offline, with tables beside the paper's numbers."""

import base64
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from cvdstorm.errors import CvdError
from cvdstorm.io import write_json, write_video
from cvdstorm.report.html import PAPER_NUMBERS, build_report


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.stack, self.errors = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))


def _frames(n=8, h=48, w=64, seed=0):
    r = np.random.default_rng(seed)
    base = r.integers(0, 255, (h, w, 3), dtype=np.uint8)
    return [np.roll(base, 3 * i, axis=1) for i in range(n)]


def make_run(root: Path, metrics: bool = True) -> Path:
    """A small run folder like `generate` + `evaluate` will write (real MP4s, JSON, CSV, YAML)."""
    root.mkdir(parents=True, exist_ok=True)
    write_video(root / "generated.mp4", _frames(seed=1), fps=4)
    write_video(root / "controls.mp4", _frames(seed=2), fps=4)
    write_video(root / "depth.mp4", _frames(seed=3), fps=4)
    (root / "run.yaml").write_text("preset: tiny\nref_frames: [0, 1, 3]\ndataset: synthetic <world>\n")
    if metrics:
        write_json(root / "eval_generation.json", {
            "settings": {"scenes": 2, "ref_frames": [0, 1, 3], "version": "v1.0-synth", "height": 64, "width": 112},
            "summary": {"fid_ref3": 12.5, "fvd_ref3": None, "fid_ref0": 30.25, "control_miou": 0.41},
            "quality_vs_horizon": {"ref0": {"psnr": [20, 18, 17, 16.5], "ssim": [0.7, 0.6, 0.55, 0.5]},
                                   "ref3": {"psnr": [25, 24, 23, 22.5], "ssim": [0.8, 0.75, 0.7, 0.68]}},
            "clips": [{"clip": 0, "psnr": 20.0}, {"clip": 1, "psnr": 21.0}],
        })
        write_json(root / "eval_vae.json", {"summary": {"gs_novel_psnr": 19.75, "gs_lidar_rmse": 6.5}})
        (root / "log.csv").write_text("step,loss,lr\n0,1.0,0.001\n10,0.5,0.001\n20,0.25,0.0005\n")
    return root


def test_full_report(tmp_path):
    run = make_run(tmp_path / "run")
    out = build_report(run)
    assert out == run / "report.html"
    text = out.read_text()
    p = _Collect()
    p.feed(text)
    videos = [a for t, a in p.attrs if t == "video"]
    assert len(videos) == 3
    # known roles first, relative paths that exist beside the page
    assert [v["src"] for v in videos] == ["generated.mp4", "controls.mp4", "depth.mp4"]
    for v in videos:
        assert (out.parent / v["src"]).is_file()
    # offline: nothing is fetched from the network (the SVG namespace URI is not a fetch)
    for t, a in p.attrs:
        for k in ("src", "href"):
            assert not str(a.get(k, "")).startswith(("http:", "https:", "//")), (t, a)
    assert "<link" not in text and "@import" not in text
    # paper table: our FID with 3 reference frames sits in the paper's 3.8 row
    row = re.search(r"<tr><td>FID ↓</td><td>3 reference frames</td>(.*?)</tr>", text).group(1)
    assert ">3.8<" in row and ">12.5<" in row and "UniMLVG 5.8" in row
    row = re.search(r"<tr><td>PSNR ↑</td><td>STORM-VAE reconstruction.*?</td>(.*?)</tr>", text).group(1)
    assert ">21.18<" in row and ">19.75<" in row
    # what our numbers were measured on, from the run's settings, beside the paper's
    assert "ours: a synthetic world (v1.0-synth) at 64x112 pixels." in text
    # FVD was not computed (null): shown as a dash, not a number
    row = re.search(r"<tr><td>FVD ↓</td><td>3 reference frames</td>(.*?)</tr>", text).group(1)
    assert "<td class='num ours'>–</td>" in row
    # plots: psnr of ref0 and ref3 share one figure; the CSV gives loss and lr vs step
    assert text.count("data:image/svg+xml;base64,") == 4   # SVG as images: their scripts never run
    assert "settings/ref_frames" in text and ">0, 1, 3<" in text   # a setting, not a plot
    assert "loss (log)" in text and "lr (log)" in text
    # settings verbatim and escaped
    assert "dataset: synthetic &lt;world&gt;" in text
    # per-clip record lists are summarised, not dumped
    assert "clips" in text and "[2 entries]" in text


def test_subsets_and_embed(tmp_path):
    # videos only: no metric sections
    run = make_run(tmp_path / "v", metrics=False)
    text = build_report(run).read_text()
    assert text.count("<video") == 3 and 'id="paper"' not in text and 'id="plots"' not in text
    # empty folder: still a page
    (tmp_path / "empty").mkdir()
    assert "no videos, metrics or settings" in build_report(tmp_path / "empty").read_text()
    # embedded videos: data URIs holding the exact MP4 bytes; page written elsewhere
    out = build_report(run, tmp_path / "elsewhere" / "r.html", embed=True)
    p = _Collect()
    p.feed(out.read_text())
    srcs = [a["src"] for t, a in p.attrs if t == "video"]
    assert all(s.startswith("data:video/mp4;base64,") for s in srcs)
    assert base64.b64decode(srcs[0].split(",", 1)[1]) == (run / "generated.mp4").read_bytes()
    # linked videos from a page in another folder use paths relative to the page
    out = build_report(run, tmp_path / "elsewhere" / "linked.html")
    p = _Collect()
    p.feed(out.read_text())
    for t, a in p.attrs:
        if t == "video":
            assert (out.parent / a["src"]).resolve().is_file()


def test_bad_inputs(tmp_path):
    with pytest.raises(CvdError, match="does not exist"):
        build_report(tmp_path / "missing")
    run = make_run(tmp_path / "r")
    (run / "metrics_broken.json").write_text("{not json")
    text = build_report(run).read_text()
    assert "metrics_broken.json: not readable JSON" in text


def test_paper_numbers_constant():
    fid3 = next(r for r in PAPER_NUMBERS if r["metric"] == "FID" and r["setting"] == "3 reference frames")
    fvd3 = next(r for r in PAPER_NUMBERS if r["metric"] == "FVD" and r["setting"] == "3 reference frames")
    assert (fid3["paper"], fvd3["paper"]) == (3.8, 14.0)
    assert fvd3["others"]["DiVE"] == 94.6
    assert all({"metric", "setting", "paper", "others", "keys", "lower_is_better"} <= set(r) for r in PAPER_NUMBERS)


def test_cli_report(tmp_path):
    from cvdstorm.cli import main

    run = make_run(tmp_path / "run", metrics=False)
    assert main(["report", "--run", str(run), "--out", str(tmp_path / "x.html")]) == 0
    assert (tmp_path / "x.html").is_file()
    assert main(["report", "--run", str(tmp_path / "nope")]) == 2
