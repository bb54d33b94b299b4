"""The bad-input table (issue 19): every command, given a bad argument, input file or output location,
exits 2 with one stderr line naming the problem (its path, field or value), no traceback, and leaves
every file it could touch byte-identical. Plus a real race: two `generate` runs into one --out.

Each case is a command line with placeholders and, optionally, a damaged copy of one shared input
({bad}) or an output that is already there. Cases already in test_robustness.py are not repeated.
"""

import contextlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

from checkpoints import make_checkpoint
from conftest import digest, fails
from cvdstorm.io import OutputFolder

ROOT = Path(__file__).resolve().parents[1]
SYS = "/sys/cvdstorm-test/out"  # sysfs: nobody, root included, may create files there


# ------------------------------------------------------------------------------ damage to a copy
def truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def empty(p: Path) -> None:
    p.write_bytes(b"")


def remove(p: Path) -> None:
    shutil.rmtree(p) if p.is_dir() else p.unlink()


def text(t: str | bytes):
    return lambda p: p.write_bytes(t if isinstance(t, bytes) else t.encode())


def swap(old: bytes, new: bytes):
    return lambda p: p.write_bytes(p.read_bytes().replace(old, new, 1))


def jpeg(w: int, h: int):
    return lambda p: Image.new("RGB", (w, h)).save(p, format="JPEG")


def npy(*shape: int):
    return lambda p: np.save(p, np.zeros(shape, np.uint8))


@dataclass
class Case:
    id: str
    argv: str                  # placeholders: {data} {ck} {dit} {vae} {run} (shared inputs), {bad} (the damaged
    needles: tuple = ()        # copy), {out} (the output), {file} (a file in the way), {tmp}, {sys}
    bad: tuple | None = None   # (shared input or None for a new folder, glob inside it, damage)
    out: str | None = None     # already there: "run" (a generate output), "folder" (someone's files), "lock"


SYNTH = "synth --out {out} --scenes 1 --frames 2 --width 32 --height 16 --workers 1"
PREVIEW = "preview --dataroot {bad} --frames 1 --out {out}.mp4"
TRAIN_VAE = "train-vae --preset tiny --dataroot {data} --out {out} --steps 1"
VAE_CONFIG = "train-vae --config {bad}/c.yaml --dataroot {data} --out {out}"
TRAIN_DIT = "train-dit --preset tiny --dataroot {data} --out {out} --steps 1"
GEN = "generate --checkpoint {ck} --dataroot {data} --frames 4 --references 1 --overlap 2 --steps 1 --out {out}"
GEN_BAD = GEN.replace("{ck}", "{bad}")
EDITS = GEN + " --edits {bad}/e.yaml"
EVAL_VAE = "evaluate --stage vae --checkpoint {vae} --dataroot {data} --out {out}"
EVAL_RUN = "evaluate --stage generation --runs {bad} --out {out}"
EVAL_GEN = "evaluate --stage generation --checkpoint {ck} --dataroot {data} --out {out}"
EXPORT = "export --runs {bad} --out {out}"
RENDER = "render --run {run} --out {out}"
RENDER_BAD = "render --run {bad} --out {out}"
RIG = RENDER + " --rig {bad}/rig.yaml"
PACK = "pack --dit {bad}/dit --vae {vae} --out {out}"
SEG = "train-seg --dataroot {data} --out {out} --steps 1"


def rig(width, focal) -> str:
    return (f"width: {width}\nheight: 16\ncameras:\n  A: {{intrinsics: [[{focal}, 0, 8], [0, 1, 8], [0, 0, 1]], "
            f"translation: [0, 0, 1], rotation: [1, 0, 0, 0]}}\n")


DATA = "v1.0-synth"
CASES = [
    # --------------------------------------------------------------------------------- synth
    Case("synth: --scenes 0", SYNTH + " --scenes 0", ("--scenes", "positive", "0")),
    Case("synth: --frames -1", SYNTH + " --frames -1", ("--frames", "-1")),
    Case("synth: --width 0", SYNTH + " --width 0", ("--width", "0")),
    Case("synth: --hz nan", SYNTH + " --hz nan", ("--hz", "nan")),
    Case("synth: --hz inf", SYNTH + " --hz inf", ("--hz", "inf")),
    Case("synth: --workers 0", SYNTH + " --workers 0", ("--workers", "0")),
    Case("synth: --scenes abc", SYNTH + " --scenes abc", ("--scenes", "'abc'")),
    Case("synth: --version ../x", SYNTH + " --version ../x", ("--version", "'../x'")),
    # ------------------------------------------------------------------------------- preview
    Case("preview: --frames 0", "preview --dataroot {data} --frames 0 --out {out}.mp4", ("--frames", "0")),
    Case("preview: --width -5", "preview --dataroot {data} --width -5 --out {out}.mp4", ("-5x256",)),
    Case("preview: --frames abc", "preview --dataroot {data} --frames abc --out {out}.mp4", ("--frames", "'abc'")),
    Case("preview: output not .mp4", "preview --dataroot {data} --out {out}.txt", (".mp4", "out.txt")),
    Case("preview: unknown scene", "preview --dataroot {data} --scene nope --out {out}.mp4", ("'nope'",)),
    Case("preview: wrong --version", "preview --dataroot {data} --version v9 --out {out}.mp4", ("'v9'", "--version")),
    Case("preview: empty scene table", PREVIEW, ("scene.json", "not valid JSON"), bad=("data", f"{DATA}/scene.json", empty)),
    Case("preview: truncated sample table", PREVIEW, ("sample.json", "not valid JSON"),
         bad=("data", f"{DATA}/sample.json", truncate)),
    Case("preview: ego_pose table not a list", PREVIEW, ("ego_pose.json", "list of records"),
         bad=("data", f"{DATA}/ego_pose.json", text("{}"))),
    Case("preview: calibrated_sensor rows without fields", PREVIEW, ("calibrated_sensor.json", "sensor_token"),
         bad=("data", f"{DATA}/calibrated_sensor.json", text('[{"token": "a"}]'))),
    Case("preview: log table missing", PREVIEW, ("log.json", "does not exist"), bad=("data", f"{DATA}/log.json", remove)),
    Case("preview: truncated JPEG", PREVIEW, ("CAM_FRONT", ".jpg", "cannot be decoded"),
         bad=("data", "samples/CAM_FRONT/*.jpg", truncate)),
    Case("preview: 10x10 JPEG", PREVIEW, ("CAM_FRONT", "10x10", "112x64"), bad=("data", "samples/CAM_FRONT/*.jpg", jpeg(10, 10))),
    Case("preview: empty JPEG", PREVIEW, ("CAM_FRONT", "cannot be decoded"), bad=("data", "samples/CAM_FRONT/*.jpg", empty)),
    Case("preview: missing JPEG", PREVIEW, ("CAM_FRONT", "does not exist"), bad=("data", "samples/CAM_FRONT/*.jpg", remove)),
    Case("preview: truncated LiDAR sweep", PREVIEW, ("LIDAR_TOP", "truncated"),
         bad=("data", "samples/LIDAR_TOP/*", text(b"\0" * 7))),
    Case("preview: truncated depth PNG", PREVIEW, ("CAM_FRONT", "depth", "truncated"),
         bad=("data", "depth/CAM_FRONT/*.png", truncate)),
    Case("preview: corrupt map file", PREVIEW, ("synth-grid.json", "not valid JSON"),
         bad=("data", "maps/expansion/*.json", text("{"))),
    Case("preview: output under /sys", "preview --dataroot {data} --frames 1 --out {sys}.mp4", ("/sys/cvdstorm-test",)),
    # ----------------------------------------------------------------------------- train-vae
    Case("train-vae: --steps 0", TRAIN_VAE + " --steps 0", ("--steps", "positive integer", "'0'")),
    Case("train-vae: --steps -1", TRAIN_VAE + " --steps -1", ("--steps", "'-1'")),
    Case("train-vae: --gs-weight nan", TRAIN_VAE + " --gs-weight nan", ("--gs-weight", "'nan'")),
    Case("train-vae: --gs-weight -1", TRAIN_VAE + " --gs-weight -1", ("--gs-weight", ">= 0", "'-1'")),
    Case("train-vae: --device gpu9", TRAIN_VAE + " --device gpu9", ("--device", "'gpu9'")),
    Case("train-vae: config YAML error", VAE_CONFIG, ("c.yaml", "not valid YAML", "line 2"),
         bad=(None, "c.yaml", text("train: {lr: 1\nsteps: [\n"))),
    Case("train-vae: binary config", VAE_CONFIG, ("c.yaml", "not text"), bad=(None, "c.yaml", text(b"\xff\xfe\0"))),
    Case("train-vae: empty config", VAE_CONFIG, ("c.yaml", "empty"), bad=(None, "c.yaml", empty)),
    Case("train-vae: config a list", VAE_CONFIG, ("c.yaml", "mapping"), bad=(None, "c.yaml", text("- 1\n"))),
    Case("train-vae: config lr NaN", VAE_CONFIG, ("TrainConfig.lr", "not NaN or inf", "got nan"),
         bad=(None, "c.yaml", text("train:\n  lr: .nan\n"))),
    Case("train-vae: config lr text", VAE_CONFIG, ("TrainConfig.lr", "'fast'"), bad=(None, "c.yaml", text("train:\n  lr: fast\n"))),
    Case("train-vae: --resume, corrupt state.json", "train-vae --out {bad} --resume --dataroot {data}",
         ("state.json", "corrupt"), bad=("vae", "step_*/state.json", text("{"))),
    Case("train-vae: --init-from missing", TRAIN_VAE + " --init-from {tmp}/nope", ("nope", "does not exist")),
    Case("train-vae: output under a file", TRAIN_VAE + " --out {file}/run", ("a_file", "a file is in the way")),
    Case("train-vae: output under /sys", TRAIN_VAE + " --out {sys}", ("/sys/cvdstorm-test",)),
    # ----------------------------------------------------------------------------- train-dit
    Case("train-dit: --steps -3", TRAIN_DIT + " --steps -3", ("--steps", "'-3'")),
    Case("train-dit: --vae missing", TRAIN_DIT + " --vae {tmp}/nope", ("nope", "does not exist")),
    Case("train-dit: config num_layers text", "train-dit --config {bad}/c.yaml --out {out}", ("num_layers", "'abc'"),
         bad=(None, "c.yaml", text("dit:\n  num_layers: abc\n"))),
    Case("train-dit: --vae without config.yaml", TRAIN_DIT + " --vae {bad}", ("config.yaml", "does not exist"),
         bad=("vae", "step_*/config.yaml", remove)),
    Case("train-dit: --vae config YAML error", TRAIN_DIT + " --vae {bad}", ("config.yaml", "not valid YAML", "line 2"),
         bad=("vae", "step_*/config.yaml", text("vae: [1\n"))),
    Case("train-dit: --vae latest names a missing step", TRAIN_DIT + " --vae {bad}", ("step_99999999", "missing"),
         bad=("vae", "latest", text("step_99999999"))),
    # ------------------------------------------------------------------------------ generate
    Case("generate: --start -1", GEN + " --start -1", ("--start -1",)),
    Case("generate: --start 99", GEN + " --start 99", ("--start 99",)),
    Case("generate: --frames 0", GEN + " --frames 0", ("got 0",)),
    Case("generate: --frames 99", GEN + " --frames 99", ("99", "5 keyframes")),
    Case("generate: --overlap 0", GEN + " --overlap 0", ("overlap", "got 0")),
    Case("generate: --steps 0", GEN + " --steps 0", ("--steps", "'0'")),
    Case("generate: --guidance nan", GEN + " --guidance nan", ("--guidance", "'nan'")),
    Case("generate: --guidance -1", GEN + " --guidance -1", ("--guidance", "'-1'")),
    Case("generate: --device tpu", GEN + " --device tpu", ("--device", "'tpu'")),
    Case("generate: --references 2", GEN + " --references 2", ("--references", "2")),
    Case("generate: 2 captions for 4 frames", GEN + " --caption a b", ("exactly 4", "got 2")),
    Case("generate: unknown scene", GEN + " --scene nope", ("'nope'",)),
    Case("generate: empty edit file", EDITS, ("e.yaml", "empty"), bad=(None, "e.yaml", empty)),
    Case("generate: binary edit file", EDITS, ("e.yaml", "not text"), bad=(None, "e.yaml", text(b"\xff\xfe\0\1"))),
    Case("generate: edit file, unknown key", EDITS, ("e.yaml", "'delete'"), bad=(None, "e.yaml", text("delete: [a]\n"))),
    Case("generate: edit file, a list", EDITS, ("e.yaml", "mapping"), bad=(None, "e.yaml", text("- a\n"))),
    Case("generate: edit adds a negative size", EDITS, ("add size", "positive", "-1"),
         bad=(None, "e.yaml", text("add: [{class: car, center: [1, 2, 0], size: [-1, 1, 1]}]\n"))),
    Case("generate: edit adds a NaN centre", EDITS, ("add center", "nan"),
         bad=(None, "e.yaml", text("add: [{class: car, center: [.nan, 2, 0], size: [1, 1, 1]}]\n"))),
    Case("generate: JSON edit removes an unknown instance", EDITS, ("'nope'", "no such instance"),
         bad=(None, "e.yaml", text('{"remove": ["nope"]}'))),
    Case("generate: edit caption frame 99", EDITS, ("captions", "99"), bad=(None, "e.yaml", text("captions: {99: x}\n"))),
    Case("generate: truncated DiT weights", GEN_BAD, ("model.safetensors", "corrupt or truncated"),
         bad=("ck", "dit/step_*/model.safetensors", truncate)),
    Case("generate: VAE without config.yaml", GEN_BAD, ("vae/step_00000000/config.yaml", "does not exist"),
         bad=("ck", "vae/step_*/config.yaml", remove)),
    Case("generate: DiT config YAML error", GEN_BAD, ("config.yaml", "not valid YAML", "line 2"),
         bad=("ck", "dit/step_*/config.yaml", text("dit: {num_layers: 1\n"))),
    Case("generate: DiT config num_layers text", GEN_BAD, ("num_layers", "'two'"),
         bad=("ck", "dit/step_*/config.yaml", swap(b"num_layers: 2", b"num_layers: two"))),
    Case("generate: VAE step folder gone", GEN_BAD, ("step_00000000", "missing"), bad=("ck", "vae/step_*", remove)),
    Case("generate: checkpoint is a file", GEN + " --checkpoint {file}", ("a_file", "not a checkpoint")),
    Case("generate: output exists", GEN, ("{out}", "--overwrite"), out="run"),
    Case("generate: --overwrite of a folder it did not write", GEN + " --overwrite", ("not a generation output",),
         out="folder"),
    Case("generate: output under a file", GEN + " --out {file}/g", ("a_file", "a file is in the way")),
    Case("generate: output under /sys", GEN + " --out {sys}", ("/sys/cvdstorm-test",)),
    # ------------------------------------------------------------------------------ evaluate
    Case("evaluate: --max-clips 0", EVAL_VAE + " --max-clips 0", ("--max-clips", "'0'")),
    Case("evaluate: unknown split", EVAL_VAE + " --split bogus", ("'bogus'", "splits.json")),
    Case("evaluate: run without rgb.npy", EVAL_RUN, ("rgb.npy", "missing"), bad=("run", "rgb.npy", remove)),
    Case("evaluate: truncated rgb.npy", EVAL_RUN, ("rgb.npy", "corrupt"), bad=("run", "rgb.npy", truncate)),
    Case("evaluate: empty scene.json", EVAL_RUN, ("scene.json", "not valid JSON"), bad=("run", "scene.json", empty)),
    Case("evaluate: depth.npy of another shape", EVAL_RUN, ("depth.npy", "(2, 2)"), bad=("run", "depth.npy", npy(2, 2))),
    Case("evaluate: --frames 0", EVAL_GEN + " --frames 0", ("--frames", "'0'")),
    Case("evaluate: --references 9", EVAL_GEN + " --frames 4 --references 9", ("reference counts", "9")),
    Case("evaluate: --scenes 0", EVAL_GEN + " --frames 4 --scenes 0", ("--scenes", "0")),
    Case("evaluate: --segmenter missing", "evaluate --stage generation --runs {run} --out {out} --segmenter {tmp}/seg",
         ("seg/model.safetensors", "train-seg")),
    Case("evaluate: --shifts nan", "evaluate --stage novel-view --runs {run} --out {out} --shifts nan", ("shifts", "nan")),
    Case("evaluate: --max-frames 0", "evaluate --stage novel-view --runs {run} --out {out} --max-frames 0",
         ("--max-frames", "'0'")),
    Case("evaluate: output under a file", EVAL_VAE + " --max-clips 1 --out {file}/ev", ("a_file", "in the way")),
    # -------------------------------------------------------------------------------- report
    Case("report: output is a folder", "report --run {run} --out {tmp}", ("{tmp}", "is a folder")),
    Case("report: output under a file", "report --run {run} --out {file}/r.html", ("a_file", "in the way")),
    Case("report: output under /sys", "report --run {run} --out {sys}.html", ("/sys/cvdstorm-test",)),
    # -------------------------------------------------------------------------------- export
    Case("export: run folder missing", "export --runs {tmp}/nope --out {out}", ("nope", "does not exist")),
    Case("export: run without rgb.npy", EXPORT, ("rgb.npy", "missing"), bad=("run", "rgb.npy", remove)),
    Case("export: truncated rgb.npy", EXPORT, ("rgb.npy", "corrupt"), bad=("run", "rgb.npy", truncate)),
    Case("export: truncated depth.npy", EXPORT, ("depth.npy", "corrupt"), bad=("run", "depth.npy", truncate)),
    Case("export: run.yaml YAML error", EXPORT, ("run.yaml", "not valid YAML", "line 2"),
         bad=("run", "run.yaml", text("a: [1\n"))),
    Case("export: binary run.yaml", EXPORT, ("run.yaml", "not text"), bad=("run", "run.yaml", text(b"\xff\xfe"))),
    Case("export: run.yaml a list", EXPORT, ("run.yaml", "mapping"), bad=("run", "run.yaml", text("- 1\n"))),
    Case("export: scene.json a list", EXPORT, ("scene.json", "lacks"), bad=("run", "scene.json", text("[1]"))),
    Case("export: the same run twice", "export --runs {run} {run} --out {out}", ("twice",)),
    Case("export: --version a/b", "export --runs {run} --out {out} --version a/b", ("--version", "'a/b'")),
    Case("export: output is a file", "export --runs {run} --out {file}", ("a_file", "is a file")),
    Case("export: output exists", "export --runs {run} --out {out}", ("{out}", "--overwrite"), out="run"),
    Case("export: output being written", "export --runs {run} --out {out}", ("being written", "pid"), out="lock"),
    Case("export: output under /sys", "export --runs {run} --out {sys}", ("/sys/cvdstorm-test",)),
    # -------------------------------------------------------------------------------- render
    Case("render: --offset nan", RENDER + " --offset nan,0,0", ("--offset", "nan")),
    Case("render: --offset of 2 numbers", RENDER + " --offset 1,2", ("--offset", "3 comma-separated")),
    Case("render: --yaw abc", RENDER + " --yaw abc", ("--yaw", "'abc'")),
    Case("render: --times inf", RENDER + " --times inf", ("--times", "inf")),
    Case("render: --times outside the run", RENDER + " --times 99", ("99", "outside")),
    Case("render: rig file missing", RENDER + " --rig {tmp}/rig.yaml", ("rig.yaml", "does not exist")),
    Case("render: empty rig file", RIG, ("rig.yaml", "mapping"), bad=(None, "rig.yaml", empty)),
    Case("render: rig YAML error", RIG, ("rig.yaml", "not valid YAML", "line 2"), bad=(None, "rig.yaml", text("width: [\n"))),
    Case("render: binary rig file", RIG, ("rig.yaml", "not text"), bad=(None, "rig.yaml", text(b"\xff\xfe"))),
    Case("render: rig width text", RIG, ("width", "'abc'"), bad=(None, "rig.yaml", text(rig("abc", 1)))),
    Case("render: rig 1e8 pixels wide", RIG, ("width", "100000000"), bad=(None, "rig.yaml", text(rig(100000000, 1)))),
    Case("render: rig intrinsics text", RIG, ("camera A", "non-numeric"), bad=(None, "rig.yaml", text(rig(16, "a")))),
    Case("render: rig negative focal length", RIG, ("camera A", "non-positive"), bad=(None, "rig.yaml", text(rig(16, -1)))),
    Case("render: run without Gaussians", RENDER_BAD, ("no Gaussians",), bad=("run", "gaussians", remove)),
    Case("render: truncated PLY", RENDER_BAD, ("window_000.ply", "truncated"), bad=("run", "gaussians/*.ply", truncate)),
    Case("render: PLY vertex count text", RENDER_BAD, ("window_000.ply", "element vertex"),
         bad=("run", "gaussians/*.ply", swap(b"element vertex ", b"element vertex x"))),
    Case("render: corrupt velocity sidecar", RENDER_BAD, ("velocity.npz", "corrupt"),
         bad=("run", "gaussians/*.npz", text(b"junk"))),
    Case("render: velocity sidecar missing", RENDER_BAD, ("velocity sidecar", "missing"),
         bad=("run", "gaussians/*.npz", remove)),
    Case("render: scene.json without timestamps", RENDER_BAD, ("scene.json", "timestamps"),
         bad=("run", "scene.json", text("{}"))),
    Case("render: truncated rgb.npy", RENDER_BAD, ("rgb.npy", "corrupt"), bad=("run", "rgb.npy", text(b"\x93NUMPY"))),
    Case("render: output exists", RENDER, ("{out}", "--overwrite"), out="run"),
    Case("render: --overwrite of a folder it did not write", RENDER + " --overwrite", ("not a render output",),
         out="folder"),
    Case("render: output being written", RENDER, ("being written", "pid"), out="lock"),
    Case("render: output under a file", RENDER + " --out {file}/r", ("a_file", "a file is in the way")),
    # ---------------------------------------------------------------------------------- pack
    Case("pack: DiT run missing", "pack --dit {tmp}/nope --out {out}", ("nope", "does not exist")),
    Case("pack: a VAE given as the DiT", "pack --dit {vae} --out {out}", ("not a train-dit checkpoint",)),
    Case("pack: truncated DiT weights", PACK, ("model.safetensors", "corrupt or truncated"),
         bad=("ck", "dit/step_*/model.safetensors", truncate)),
    Case("pack: corrupt state.json", PACK, ("state.json", "corrupt"), bad=("ck", "dit/step_*/state.json", text("{"))),
    Case("pack: state.json missing", PACK, ("state.json",), bad=("ck", "dit/step_*/state.json", remove)),
    Case("pack: output exists", "pack --dit {dit} --out {out}", ("{out}", "--overwrite"), out="run"),
    Case("pack: output under /sys", "pack --dit {dit} --out {sys}", ("/sys/cvdstorm-test",)),
    # ---------------------------------------------------------------------------------- demo
    Case("demo: output is a file", "demo --out {file} --checkpoint {ck}", ("a_file", "is a file")),
    Case("demo: --frames 0", "demo --out {out} --frames 0 --checkpoint {ck}", ("--frames", "'0'")),
    Case("demo: --steps 0", "demo --out {out} --steps 0", ("--steps", "'0'")),
    Case("demo: checkpoint missing", "demo --out {out} --checkpoint {tmp}/nope", ("nope",)),
    Case("demo: output exists", "demo --out {out} --checkpoint {ck}", ("{out}", "--overwrite"), out="folder"),
    # ----------------------------------------------------------------------------- train-seg
    Case("train-seg: --steps 0", SEG + " --steps 0", ("--steps", "0")),
    Case("train-seg: --batch-size 0", SEG + " --batch-size 0", ("--batch-size", "0")),
    Case("train-seg: --lr nan", SEG + " --lr nan", ("--lr", "'nan'")),
    Case("train-seg: unknown split", SEG + " --split bogus", ("'bogus'",)),
    Case("train-seg: output exists", SEG, ("{out}", "--overwrite"), out="folder"),
    Case("train-seg: --overwrite of a folder with no segmenter", SEG + " --overwrite", ("not a segmenter folder",),
         out="folder"),
    Case("train-seg: output under /sys", SEG + " --out {sys}", ("/sys/cvdstorm-test",)),
]


@pytest.fixture(scope="module")
def shared(tmp_path_factory, synth_root) -> dict[str, Path]:
    """The inputs every case reads: the synthetic world, a tiny checkpoint (dit/ + vae/) and a 4-frame run."""
    from cvdstorm.pipelines.generate import GenerateConfig, generate

    root = tmp_path_factory.mktemp("bad_input")
    ck = make_checkpoint(root / "ck", synth_root).parent
    generate(GenerateConfig(checkpoint=str(ck), dataroot=str(synth_root), frames=4, references=1, overlap=2,
                            steps=1), root / "run", progress=False)
    return {"data": synth_root, "ck": ck, "dit": ck / "dit", "vae": ck / "vae", "run": root / "run"}


def contents(folders) -> list[dict[str, str]]:
    # lock files (.NAME.lock) are the one thing a refused writer may leave; they hold only a pid
    return [{k: v for k, v in digest(f).items() if not k.endswith(".lock")} for f in folders]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_gives_one_line_and_changes_nothing(capsys, tmp_path, shared, case):
    out = tmp_path / "out"
    where = {**{k: str(v) for k, v in shared.items()}, "bad": str(tmp_path / "bad"), "out": str(out),
             "file": str(tmp_path / "a_file"), "tmp": str(tmp_path), "sys": SYS}
    (tmp_path / "a_file").write_text("mine")
    if case.bad:
        source, pattern, damage = case.bad
        bad = tmp_path / "bad"
        if source:
            shutil.copytree(shared[source], bad)
        else:
            bad.mkdir()
        target = sorted(bad.glob(pattern))[:1] or [bad / pattern]
        target[0].parent.mkdir(parents=True, exist_ok=True)
        damage(target[0])
    if case.out == "run":
        shutil.copytree(shared["run"], out)
    elif case.out == "folder":
        out.mkdir()
        (out / "keep.txt").write_text("mine")
    watched = [tmp_path, *shared.values()]
    before = contents(watched)
    with OutputFolder(out) if case.out == "lock" else contextlib.nullcontext():
        fails(capsys, case.argv.format(**where).split(), *(n.format(**where) for n in case.needles))
    assert contents(watched) == before  # inputs, existing outputs and the file in the way are byte-identical
    assert case.out or not out.exists()  # and no output was started


# ------------------------------------------------------------------------------ concurrent writers
def race(cmd: list[str]) -> list[str]:
    """Run `cmd` twice at once (one thread each): one must succeed, the other exit 2; -> the loser's stderr
    lines without progress bars."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(300), p.stderr.read()) for p in procs]
    assert sorted(rc for rc, _ in results) == [0, 2], results
    return [line for rc, e in results if rc == 2 for line in e.splitlines() if line.strip() and "%|" not in line]


def test_two_generate_runs_into_one_folder(tmp_path, shared):
    """Two processes generate into one --out at once: one publishes a complete run, the other is
    refused with one line (the lock while the first writes, or the finished folder after it)."""
    out = tmp_path / "gen"
    cmd = [sys.executable, "-m", "cvdstorm.cli", "generate", "--checkpoint", str(shared["ck"]), "--dataroot",
           str(shared["data"]), "--frames", "5", "--references", "1", "--overlap", "2", "--steps", "4",
           "--out", str(out)]
    err = race(cmd)
    assert len(err) == 1 and "Traceback" not in err[0], err
    assert str(out) in err[0] and ("being written by another process" in err[0] or "--overwrite" in err[0]), err
    # the published folder is one whole run
    scene = yaml.safe_load((out / "run.yaml").read_text())
    rgb, depth = np.load(out / "rgb.npy"), np.load(out / "depth.npy")
    assert rgb.shape[:2] == depth.shape[:2] == (5, 6) and scene["resolved"]["frames"] == 5
    assert all((out / f).is_file() for f in ("video.mp4", "depth.mp4", "controls.mp4", "scene.json",
                                             "latents.safetensors", "gaussians/window_000.ply"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gen.lock", "gen"]  # no temporary folder left
