"""Nothing is lost: a run killed while writing a checkpoint resumes from the previous one, and every
command given bad input exits non-zero with one line naming the problem, leaving outputs intact."""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from conftest import digest, fails
from cvdstorm.cli import main
from cvdstorm.config import StormVAEConfig
from cvdstorm.models.loading import load_weights, resolve_checkpoint
from cvdstorm.train.checkpoint import save_checkpoint

ROOT = Path(__file__).resolve().parents[1]
VERSION = "v1.0-synth"
sys.path.insert(0, str(ROOT / "tests"))


# ------------------------------------------------------------------------- kill mid-checkpoint
def test_sigkill_while_writing_a_checkpoint_then_resume(tmp_path):
    from dist_worker import Net, main as worker

    run = tmp_path / "run"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "CVDSTORM_TEST_SLOW_SAVE": "4:120"}
    env.pop("WORLD_SIZE", None)
    # checkpoints every 2 steps; the step-4 one stalls after its model file until the kill
    p = subprocess.Popen([sys.executable, str(ROOT / "tests" / "dist_worker.py"), str(run), "--steps", "6"],
                         env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 300
        while not list(run.glob(".tmp-step_00000004-*/model.safetensors")):
            assert p.poll() is None and time.time() < deadline, "the worker ended before the step-4 checkpoint"
            time.sleep(0.1)
        os.kill(p.pid, signal.SIGKILL)
        p.wait(60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == -signal.SIGKILL
    # the half-written step 4 is invisible; step 2 is complete and loads
    assert (run / "latest").read_text() == "step_00000002"
    assert resolve_checkpoint(run).name == "step_00000002"
    assert not (run / "step_00000004").exists()
    load_weights(Net(), run / "step_00000002" / "model.safetensors")
    assert json.loads((run / "step_00000002" / "state.json").read_text())["step"] == 2

    worker([str(run), "--steps", "6", "--resume"])  # continues from step 2 (in this process)
    worker([str(tmp_path / "ref"), "--steps", "6"])  # never interrupted
    assert resolve_checkpoint(run).name == "step_00000006"
    assert not list(run.glob(".tmp-*"))  # the killed write's leftovers are cleaned up
    for name in ("model", "ema", "optimizer"):
        a = load_file(str(run / "step_00000006" / f"{name}.safetensors"))
        b = load_file(str(tmp_path / "ref" / "step_00000006" / f"{name}.safetensors"))
        assert all(torch.equal(a[k], b[k]) for k in a), name
    steps = [json.loads(l)["step"] for l in (run / "log.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 3, 4, 5, 6]


# ----------------------------------------------------------------------------- CLI bad input
@pytest.fixture(scope="module")
def vae_run(tmp_path_factory, synth_root):
    """A STORM-VAE run folder (tiny preset, untrained weights) as train-vae writes it."""
    from cvdstorm.models.storm_vae import build_storm_vae

    run = tmp_path_factory.mktemp("vae") / "run"
    cfg = StormVAEConfig.from_preset("tiny")
    cfg.data.dataroot = str(synth_root)
    torch.manual_seed(0)
    save_checkpoint(run, 1, build_storm_vae(cfg), cfg)
    return run


def test_missing_paths(capsys, tmp_path):
    missing = tmp_path / "nope"
    fails(capsys, ["evaluate", "--stage", "vae", "--checkpoint", str(missing)], str(missing))
    fails(capsys, ["train-vae", "--config", str(missing / "c.yaml"), "--out", str(tmp_path / "o")], "c.yaml")
    fails(capsys, ["preview", "--dataroot", str(missing), "--out", str(tmp_path / "p.mp4")], str(missing))
    fails(capsys, ["report", "--run", str(missing)], str(missing))
    fails(capsys, ["train-seg", "--dataroot", str(missing), "--out", str(tmp_path / "s")], str(missing))
    assert not (tmp_path / "p.mp4").exists() and not (tmp_path / "o" / "latest").exists()


def test_not_a_nuscenes_folder(capsys, tmp_path):
    junk = tmp_path / "photos"
    junk.mkdir()
    (junk / "a.txt").write_text("hello")
    fails(capsys, ["preview", "--dataroot", str(junk), "--out", str(tmp_path / "p.mp4")], "scene")
    fails(capsys, ["train-vae", "--preset", "tiny", "--dataroot", str(junk), "--out", str(tmp_path / "o"),
                   "--steps", "1"], "scene")
    assert digest(junk) == {"a.txt": hashlib.sha256(b"hello").hexdigest()}
    assert not (tmp_path / "o" / "latest").exists()


def test_truncated_checkpoint(capsys, tmp_path, vae_run, synth_root):
    run = tmp_path / "run"
    shutil.copytree(vae_run, run)
    f = run / "step_00000001" / "model.safetensors"
    f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])
    before = digest(run)
    fails(capsys, ["evaluate", "--stage", "vae", "--checkpoint", str(run), "--dataroot", str(synth_root),
                   "--out", str(tmp_path / "ev")], "corrupt or truncated", "model.safetensors")
    fails(capsys, ["train-vae", "--out", str(run), "--resume", "--dataroot", str(synth_root)],
          "corrupt or truncated")
    f.write_bytes(b"")  # an empty file too
    fails(capsys, ["evaluate", "--stage", "vae", "--checkpoint", str(run), "--dataroot", str(synth_root)],
          "model.safetensors")
    (run / "step_00000001" / "model.safetensors").unlink()
    fails(capsys, ["evaluate", "--stage", "vae", "--checkpoint", str(run)], "step_00000001")
    before.pop("step_00000001/model.safetensors")
    after = digest(run)
    assert after == before  # nothing written into the run


def test_config_from_another_preset(capsys, tmp_path, vae_run, synth_root):
    run = tmp_path / "run"
    shutil.copytree(vae_run, run)
    StormVAEConfig.from_preset("demo").save(run / "step_00000001" / "config.yaml")
    fails(capsys, ["evaluate", "--stage", "vae", "--checkpoint", str(run), "--dataroot", str(synth_root)],
          "do not fit", "another preset")
    # a config file of the wrong kind (a YAML that is not a StormVAEConfig)
    (tmp_path / "bad.yaml").write_text("dit:\n  num_layers: 2\n")
    fails(capsys, ["train-vae", "--config", str(tmp_path / "bad.yaml"), "--out", str(tmp_path / "o")],
          "unknown config key", "dit")


def test_nan_pose(capsys, tmp_path, synth_root):
    root = tmp_path / "nan"
    shutil.copytree(synth_root, root)
    f = root / VERSION / "ego_pose.json"
    rows = json.loads(f.read_text())
    for r in rows:
        r["translation"][0] = float("nan")
    f.write_text(json.dumps(rows))
    fails(capsys, ["preview", "--dataroot", str(root), "--out", str(tmp_path / "p.mp4"), "--frames", "2"],
          "ego_pose", "NaN")
    assert not (tmp_path / "p.mp4").exists()
    fails(capsys, ["train-vae", "--preset", "tiny", "--dataroot", str(root), "--out", str(tmp_path / "o"),
                   "--steps", "1"], "NaN")


def test_outputs_never_overwritten(capsys, tmp_path, vae_run, synth_root):
    run = tmp_path / "run"
    shutil.copytree(vae_run, run)
    before = digest(run)
    fails(capsys, ["train-vae", "--preset", "tiny", "--dataroot", str(synth_root), "--out", str(run), "--steps", "1"],
          "--resume")
    assert digest(run) == before
    out = tmp_path / "world"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    fails(capsys, ["synth", "--out", str(out), "--scenes", "1", "--frames", "2", "--width", "32", "--height", "16",
                   "--workers", "1"], "--overwrite")
    assert digest(out) == {"keep.txt": hashlib.sha256(b"mine").hexdigest()}


def test_subprocess_prints_one_line_and_debug_shows_the_traceback(tmp_path):
    cmd = [sys.executable, "-m", "cvdstorm.cli", "evaluate", "--stage", "vae", "--checkpoint", str(tmp_path / "x")]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.strip().count("\n") == 0 and "missing checkpoint" in p.stderr
    p = subprocess.run(cmd[:3] + ["--debug"] + cmd[3:], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert p.returncode != 0 and "Traceback" in p.stderr


# ----------------------------------------------------------------------------- filesystem faults
def test_unwritable_outputs_give_one_line(capsys, tmp_path, synth_root):
    blocker = tmp_path / "a_file"
    blocker.write_text("mine")
    tiny = ["--scenes", "1", "--frames", "2", "--width", "32", "--height", "16", "--workers", "1"]
    fails(capsys, ["synth", "--out", str(blocker / "world"), *tiny], str(blocker), "a file is in the way")
    fails(capsys, ["preview", "--dataroot", str(synth_root), "--frames", "2", "--out", str(blocker / "p.mp4")],
          str(blocker), "a file is in the way")
    assert blocker.read_text() == "mine"
    ro = Path("/sys/cvdstorm-test")  # sysfs: no one, root included, may create files there (EPERM or EROFS)
    fails(capsys, ["synth", "--out", str(ro / "world"), *tiny], "/sys/cvdstorm-test", "cannot write or read")


def test_existing_outputs_and_a_full_disk_keep_the_old_file(capsys, tmp_path, synth_root, monkeypatch):
    import errno

    import cvdstorm.io as cio

    out = tmp_path / "p.mp4"
    assert main(["preview", "--dataroot", str(synth_root), "--frames", "2", "--out", str(out)]) == 0
    capsys.readouterr()
    before = out.read_bytes()

    def full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    fails(capsys, ["preview", "--dataroot", str(synth_root), "--frames", "2", "--out", str(out)],
          "p.mp4", "already exists", "--overwrite")  # and without --overwrite it is never replaced
    assert out.read_bytes() == before
    run = tmp_path / "run"
    run.mkdir()
    (run / "report.html").write_text("my page")
    fails(capsys, ["report", "--run", str(run)], "report.html", "--overwrite")
    assert (run / "report.html").read_text() == "my page"
    assert main(["report", "--run", str(run), "--overwrite"]) == 0
    assert "my page" not in (run / "report.html").read_text()
    monkeypatch.setattr(cio.os, "replace", full)
    fails(capsys, ["preview", "--dataroot", str(synth_root), "--frames", "2", "--out", str(out), "--overwrite"],
          "p.mp4", "disk is full", "nothing was replaced")
    assert out.read_bytes() == before and not list(tmp_path.glob(".p.mp4.*"))  # temporary file removed


def test_weights_files_get_the_usual_mode(tmp_path, vae_run):
    (tmp_path / "plain").write_text("x")
    usual = (tmp_path / "plain").stat().st_mode & 0o777
    files = list(vae_run.rglob("*.safetensors"))
    assert files and {f.stat().st_mode & 0o777 for f in files} == {usual}  # safetensors alone makes 0600


@pytest.mark.parametrize("seconds", ["nan", "inf", "-2", "0"])
def test_generate_length_checked_before_models_load(capsys, tmp_path, synth_root, seconds):
    # the checkpoint does not exist: the length is refused first, so no model is ever loaded
    fails(capsys, ["generate", "--checkpoint", str(tmp_path / "none"), "--dataroot", str(synth_root),
                   f"--seconds={seconds}", "--out", str(tmp_path / "g")], "--seconds", "positive")
    assert not (tmp_path / "g").exists()


@pytest.mark.parametrize("text, needles", [
    ("add: [{class: car, center: [1, 2, 0], size: [1, 1, 1], yaw: left}]", ["edit:", "yaw", "'left'"]),
    ("move: [{instance: abc, offset: [1, two, 0]}]", ["edit:", "move offset", "3 finite number"]),
    ("add: [{class: car, center: [1, 2], size: [1, 1, 1]}]", ["edit:", "add center"]),
    ("add: [{class: spaceship, center: [1, 2, 0], size: [1, 1, 1]}]", ["edit:", "spaceship", "choose one of"]),
    ("weather: [rain]", ["edit:", "weather must be text"]),
    ("remove: abc", ["edit:", "remove must be a list"]),
    ("captions: 'a'\nmove: [{instance: a, offset: [1, 2, 3]}\nadd: []\n", ["e.yaml", "not valid YAML", "line 3"]),
])
def test_bad_edit_files_fail_before_models_load(capsys, tmp_path, synth_root, text, needles):
    (tmp_path / "e.yaml").write_text(text)
    # the checkpoint does not exist: the edit file is refused first, so no model is ever loaded
    fails(capsys, ["generate", "--checkpoint", str(tmp_path / "none"), "--dataroot", str(synth_root),
                   "--edits", str(tmp_path / "e.yaml"), "--out", str(tmp_path / "g")], *needles)


# ----------------------------------------------------------------------------- one writer per output
def test_second_writer_of_an_output_folder_gets_one_line(capsys, tmp_path, synth_root):
    from cvdstorm.io import OutputFolder

    out = tmp_path / "gen"
    with OutputFolder(out):  # another run is writing `out`
        fails(capsys, ["generate", "--checkpoint", str(tmp_path / "none"), "--dataroot", str(synth_root),
                       "--out", str(out)], str(out), "being written by another process", f"pid {os.getpid()}")
        fails(capsys, ["pack", "--dit", str(tmp_path / "none"), "--out", str(out)], "being written")
    assert not out.exists()
    # once it has finished, the next writer gets past the lock (and fails on the missing checkpoint instead)
    fails(capsys, ["generate", "--checkpoint", str(tmp_path / "none"), "--dataroot", str(synth_root),
                   "--out", str(out)], "missing checkpoint")


def test_output_folder_publishes_whole_or_not_at_all(tmp_path):
    from cvdstorm.io import OutputFolder

    out = tmp_path / "run"
    out.mkdir()
    (out / "a.txt").write_text("old")
    (tmp_path / ".run.tmp-killed").mkdir()  # what a killed writer leaves
    with pytest.raises(RuntimeError), OutputFolder(out) as w:
        assert not (tmp_path / ".run.tmp-killed").exists()
        (w.temp() / "a.txt").write_text("half")
        raise RuntimeError("interrupted")
    assert digest(out) == {"a.txt": hashlib.sha256(b"old").hexdigest()}
    assert not list(tmp_path.glob(".run.tmp-*"))
    with OutputFolder(out) as w:
        tmp = w.temp()
        assert tmp.stat().st_mode & 0o777 == out.stat().st_mode & 0o777
        (tmp / "b.txt").write_text("new")
        assert w.publish() == out
    assert digest(out) == {"b.txt": hashlib.sha256(b"new").hexdigest()}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".run.lock", "run"]
