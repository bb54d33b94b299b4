"""Issue 24, the writers: what a command writes is never redirected by a link planted beside its
output, a full disk is one line (never a SIGBUS or a traceback) with the temporary folder removed,
every writer takes the output's lock (synth included), and a kill at any point of an --overwrite
publish leaves the old or the new output whole (the next writer of the folder finishes the publish).

The inputs (a tiny checkpoint, the synthetic world, a 4-frame run) are test_bad_input.py's `shared`.
"""

import errno
import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors import SafetensorError
from safetensors.torch import load_file

from conftest import digest, fails
from cvdstorm.cli import main
from cvdstorm.io import OutputFolder
from test_bad_input import RENDER, ROOT, SYNTH, race, shared  # noqa: F401 (shared: the module's inputs fixture)

sys.path.insert(0, str(ROOT / "tests"))
GEN = "generate --checkpoint {ck} --dataroot {data} --frames 4 --references 1 --overlap 2 --steps 1 --out {out}"


def argv(template: str, shared: dict, out: Path, *extra: str) -> list[str]:
    return template.format(out=out, **{k: str(v) for k, v in shared.items()}).split() + list(extra)


def python(args: list[str], env: dict | None = None, fsize: int | None = None) -> tuple[int, list[str]]:
    """`python ARGS` in a subprocess (with RLIMIT_FSIZE = fsize bytes): its exit status and stderr lines
    (progress bars left out)."""
    limit = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))) if fsize else None
    p = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, preexec_fn=limit,
                       env={**os.environ, "OMP_NUM_THREADS": "1", **(env or {})}, timeout=300)
    return p.returncode, [l for l in re.split(r"[\r\n]", p.stderr) if l.strip() and "%|" not in l]


def cli(args: list[str], env: dict | None = None, fsize: int | None = None) -> tuple[int, list[str]]:
    return python(["-m", "cvdstorm.cli", *args], env, fsize)


def one_line(err: list[str], *needles: str) -> None:
    assert len(err) == 1 and "Traceback" not in err[0], err
    assert all(n in err[0] for n in needles), (needles, err)


def leftovers(folder: Path, name: str) -> list[str]:
    """Temporary names of output `name` still in `folder` (its lock file excepted)."""
    return sorted(p.name for p in folder.glob(f".{name}.*") if p.name != f".{name}.lock")


# ------------------------------------------------------------------------------------- links
@pytest.mark.parametrize("command", [SYNTH, RENDER], ids=["synth", "render"])
def test_a_linked_lock_file_is_never_followed(capsys, tmp_path, shared, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out"
    (tmp_path / ".out.lock").symlink_to(victim)
    fails(capsys, argv(command, shared, out), ".out.lock", "symbolic link", "victim.txt")
    (tmp_path / ".out.lock").unlink()
    os.link(victim, tmp_path / ".out.lock")  # a hard link would be written through just the same
    fails(capsys, argv(command, shared, out), ".out.lock", "hard link")
    assert victim.read_text() == "precious" and not out.exists()


def test_links_at_temporary_names_are_never_followed(capsys, tmp_path):
    """A link planted where an older synth kept its `.partial` folder, or at a temporary name, is left
    alone (temporary folders get fresh unguessable names); one at `.NAME.new` / `.NAME.old` (the
    publish's fixed names) is refused with one line."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "mine.txt").write_text("precious")
    out = tmp_path / "out"
    for name in (".out.partial", ".out.tmp-planted"):
        (tmp_path / name).symlink_to(victim)
    assert main(SYNTH.format(out=out).split()) == 0
    assert (out / "v1.0-synth" / "scene.json").is_file()
    for name in (".out.new", ".out.old"):
        (tmp_path / name).symlink_to(victim)
        fails(capsys, SYNTH.format(out=out).split() + ["--overwrite"], name, "symbolic link")
        (tmp_path / name).unlink()
    assert digest(victim) == {"mine.txt": hashlib.sha256(b"precious").hexdigest()}
    assert (tmp_path / ".out.partial").is_symlink() and (tmp_path / ".out.tmp-planted").is_symlink()


@pytest.mark.parametrize("command", [SYNTH, RENDER, GEN], ids=["synth", "render", "generate"])
def test_a_linked_output_is_refused_even_with_overwrite(capsys, tmp_path, shared, command):
    real = tmp_path / "real"
    shutil.copytree(shared["data"] if command == SYNTH else shared["run"], real)
    if command == RENDER:
        (real / "render.json").write_text("{}")  # what render would take for its own output
    before = digest(real)
    out = tmp_path / "out"
    out.symlink_to(real)
    fails(capsys, argv(command, shared, out, "--overwrite"), str(out), "symbolic link", "real path")
    assert out.is_symlink() and digest(real) == before


@pytest.mark.parametrize("out", ["/proc/cvdstorm-test", "/proc/cvdstorm-test/world"])
def test_a_place_where_no_folder_can_be_made(capsys, out):
    fails(capsys, SYNTH.format(out=out).split(), "/proc/", "choose another --out")


# ------------------------------------------------------------------------------------- locks
def test_synth_takes_the_lock(capsys, tmp_path):
    out = tmp_path / "world"
    with OutputFolder(out):  # another process is writing `out`
        fails(capsys, SYNTH.format(out=out).split(), str(out), "being written by another process",
              f"pid {os.getpid()}")
    assert not out.exists()


def test_two_synth_runs_into_one_folder(tmp_path):
    """Issue 24: both published into one dataroot (12 CAM_FRONT images for 6 samples) and the other
    ended in a traceback. Now one publishes a whole dataroot, the other is refused with one line."""
    out = tmp_path / "world"
    cmd = [sys.executable, "-m", "cvdstorm.cli", *SYNTH.format(out=out).split(), "--frames", "6", "--width", "64",
           "--height", "32"]
    err = race(cmd)
    one_line(err, str(out))
    assert "being written by another process" in err[0] or "--overwrite" in err[0], err
    samples = (out / "v1.0-synth" / "sample.json").read_text().count('"token"')
    assert samples == 6 and len(list((out / "samples" / "CAM_FRONT").iterdir())) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == [".world.lock", "world"]


def test_training_takes_the_run_lock_and_an_empty_dataset_writes_nothing(tmp_path):
    from dist_worker import Data, Net

    from cvdstorm.config import TrainConfig
    from cvdstorm.errors import CvdError
    from cvdstorm.train.loop import Trainer

    def trainer(run, dataset):
        cfg = TrainConfig(steps=1, batch_size=2, checkpoint_every=1)
        return Trainer(model=Net(), step_fn=None, dataset=dataset, train_cfg=cfg, run_config=cfg, run_dir=run)

    with pytest.raises(CvdError, match="dataset is empty"):
        trainer(tmp_path / "run", []).fit()
    assert list(tmp_path.iterdir()) == []  # no folder, no log.csv / log.jsonl, not even a lock file
    with OutputFolder(tmp_path / "run"), pytest.raises(CvdError, match="being written by another process"):
        trainer(tmp_path / "run", Data()).fit()
    assert not (tmp_path / "run").exists()


# --------------------------------------------------------------------------------- full disk
def enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", [RENDER, GEN], ids=["render", "generate"])
def test_a_full_disk_when_a_map_is_reserved(capsys, tmp_path, shared, monkeypatch, command):
    """Issue 24: render / generate died of SIGBUS (exit -7, no message) with the temporary folder left
    filling the disk. The maps are now allocated before they are written: a full disk is one line."""
    out = tmp_path / "out"
    assert main(argv(command, shared, out)) == 0
    capsys.readouterr()
    before = digest(out)
    monkeypatch.setattr(os, "posix_fallocate", enospc)
    fails(capsys, argv(command, shared, out, "--overwrite"), "disk is full", "rgb.npy", "needs", "free")
    assert digest(out) == before and leftovers(tmp_path, "out") == []


def test_too_little_free_space_is_refused_before_writing(capsys, tmp_path, shared, monkeypatch):
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=50_000))  # the run needs 300 kB
    fails(capsys, argv(GEN, shared, tmp_path / "out"), "disk is full", str(tmp_path / "out"), "needs", "50.0 kB free")
    assert list(tmp_path.iterdir()) == [tmp_path / ".out.lock"]


def test_a_full_disk_at_a_checkpoint_keeps_the_previous_one(tmp_path, monkeypatch):
    """Issue 24: train-vae filling the disk at a checkpoint ended in a SafetensorError traceback."""
    import cvdstorm.train.checkpoint as ck
    from dist_worker import main as worker

    from cvdstorm.errors import CvdError

    save = ck.save_model

    def full_at_step_4(model, path, **kw):
        if "step_00000004" in str(path):  # the temporary folder's name holds the step
            raise SafetensorError("Error while serializing: I/O error: No space left on device (os error 28)")
        return save(model, path, **kw)

    monkeypatch.setattr(ck, "save_model", full_at_step_4)
    run = tmp_path / "run"
    with pytest.raises(CvdError) as e:
        worker([str(run), "--steps", "6"])
    assert re.search(r"disk is full: cannot write .*step_00000004 \(needs .* free\); free space and continue "
                     r"with --resume", str(e.value)), e.value
    assert (run / "latest").read_text() == "step_00000002" and not list(run.glob(".tmp-*"))
    monkeypatch.setattr(ck, "save_model", save)
    worker([str(run), "--steps", "6", "--resume"])  # space freed: it continues from step 2
    assert (run / "latest").read_text() == "step_00000006"


def test_a_file_size_limit_in_a_real_process(tmp_path, shared):
    """No fault injection: RLIMIT_FSIZE makes the kernel refuse the writes (EFBIG; Python ignores
    SIGXFSZ), in a memory map (render), in safetensors (a checkpoint) and in a plain file (synth)."""
    rc, err = cli(argv(RENDER, shared, tmp_path / "render"), fsize=20_000)
    assert rc == 2, err
    one_line(err, "file size limit", "rgb.npy", str(tmp_path / "render"))
    rc, err = cli(argv(SYNTH, shared, tmp_path / "world"), fsize=2_000)
    assert rc == 2, err
    one_line(err, "file size limit", str(tmp_path / "world"), "nothing was replaced")
    rc, err = cli(["train-vae", "--preset", "tiny", "--dataroot", str(shared["data"]), "--out", str(tmp_path / "vae"),
                   "--steps", "1"], fsize=300_000)  # the logs fit, the 650 kB weights do not
    assert rc == 2, err
    one_line(err, "file size limit", "step_00000001", "--resume")
    assert not list((tmp_path / "vae").glob(".tmp-*")) and not (tmp_path / "vae" / "latest").exists()
    assert leftovers(tmp_path, "render") == leftovers(tmp_path, "world") == []
    # ffmpeg (a child: the limit holds for it too) fails to finish the MP4 and exits without imageio
    # raising; the incomplete file is caught, not published
    rc, err = python(["-c", VIDEO, str(tmp_path / "v.mp4")], fsize=20_000)
    assert rc == 1 and err[-1].startswith("cvdstorm.errors.CvdError: the file size limit"), err
    assert "v.mp4" in err[-1] and not any("ffmpeg" in l.lower() or "mp4 @" in l for l in err), err
    assert sorted(p.name for p in tmp_path.glob("*v.mp4*")) == []


VIDEO = """import sys
import numpy as np
from cvdstorm.io import write_video
write_video(sys.argv[1], (np.random.default_rng(0).integers(0, 255, (256, 256, 3), np.uint8) for _ in range(20)))
"""


# ------------------------------------------------------------------------------ kill points
PUBLISH = """import sys
from cvdstorm.io import OutputFolder
with OutputFolder(sys.argv[1]) as w:
    (w.temp() / "b.txt").write_text("new")
    w.publish()
"""


@pytest.mark.parametrize("point", [1, 2, 3, 4])
def test_a_kill_at_each_step_of_an_overwrite_publish(tmp_path, point):
    """A writer killed at each step of its publish (before the new folder is complete-and-named, before
    the old one moves aside, between the two renames, before the old one is deleted): the next writer
    of the folder finds the old output whole (point 1) or the new one (after)."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old")
    rc, err = python(["-c", PUBLISH, str(out)], env={"CVDSTORM_FAULT": f"publish:{point}"})
    assert rc == -signal.SIGKILL, err
    with OutputFolder(out):  # the next writer recovers under the lock
        pass
    assert sorted(p.read_text() for p in out.iterdir()) == (["old"] if point == 1 else ["new"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_a_kill_between_the_renames_of_render_overwrite(capsys, tmp_path, shared):
    """Issue 24: `render --overwrite` killed at its second rename, then rerun: the old and the new output
    were both gone. Now the rerun finishes the publish: the new render is there, whole."""
    out, ref = tmp_path / "out", tmp_path / "ref"
    assert main(argv(RENDER, shared, out)) == 0
    assert main(argv(RENDER, shared, ref, "--yaw", "20")) == 0
    rc, err = cli(argv(RENDER, shared, out, "--yaw", "20", "--overwrite"), env={"CVDSTORM_FAULT": "publish:3"})
    assert rc == -signal.SIGKILL, err
    assert not out.exists()  # killed with the old render moved aside and the new one not yet in place
    capsys.readouterr()
    fails(capsys, argv(RENDER, shared, out, "--yaw", "20"), str(out), "--overwrite")  # the next writer recovers
    new = digest(ref)
    assert {k: v for k, v in digest(out).items() if k.endswith(".npy")} == {k: v for k, v in new.items()
                                                                             if k.endswith(".npy")}
    assert leftovers(tmp_path, "out") == []


@pytest.mark.parametrize("point", ["replace:latest", "checkpoint:step"])
def test_a_kill_while_writing_a_checkpoint_leaves_nothing_behind(tmp_path, point):
    """Issue 24: a .latest.*.tmp file was never removed after a kill in a checkpoint write. A resumed run
    removes it (and a step folder under its temporary name) and ends bit-identical to an uninterrupted one."""
    from dist_worker import main as worker

    run = tmp_path / "run"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "CVDSTORM_FAULT": point}
    env.pop("WORLD_SIZE", None)
    p = subprocess.run([sys.executable, str(ROOT / "tests" / "dist_worker.py"), str(run), "--steps", "4"], env=env,
                       cwd=ROOT, capture_output=True, timeout=300)
    assert p.returncode == -signal.SIGKILL, p.stderr[-2000:]
    assert list(run.glob(".latest.*.tmp" if point == "replace:latest" else ".tmp-step_00000002-*"))
    worker([str(run), "--steps", "4", "--resume"])
    worker([str(tmp_path / "ref"), "--steps", "4"])
    assert not list(run.glob(".latest.*")) and not list(run.glob(".tmp-*"))
    for name in ("model", "ema", "optimizer"):
        a = load_file(str(run / "step_00000004" / f"{name}.safetensors"))
        b = load_file(str(tmp_path / "ref" / "step_00000004" / f"{name}.safetensors"))
        assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a), name
