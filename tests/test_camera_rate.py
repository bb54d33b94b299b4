"""Issue 17, generation side: `generate`, `export` and `preview` at the camera rate (12 Hz), bounded
memory for long generations, and bad input. The dataroot is the conftest's synthetic world with
camera sweeps added as nuScenes has them (tables.add_sweeps: 5 per keyframe interval, 12 Hz)."""

import io
import json
import subprocess
import tracemalloc

import numpy as np
import pytest
import yaml
from PIL import Image

from cvdstorm import CAMERAS
from cvdstorm.cli import main
from cvdstorm.data.clips import load_clip
from cvdstorm.data.nuscenes import NuScenesReader
from cvdstorm.io import read_image, read_video
from cvdstorm.pipelines import generate as G
from cvdstorm.pipelines.export import export_dataset
from cvdstorm.pipelines.run import GenerationRun
from cvdstorm.report.preview import CAPTION_HEIGHT, write_preview
from checkpoints import make_checkpoint
from conftest import fails
from tables import PER_INTERVAL, add_sweeps

VERSION = "v1.0-synth"
EVERY = PER_INTERVAL + 1            # a keyframe every 6th camera frame


@pytest.fixture(scope="module")
def swept(synth_root, tmp_path_factory):
    return add_sweeps(synth_root, tmp_path_factory.mktemp("rate") / "data")


@pytest.fixture(scope="module")
def ckpt(swept):
    return make_checkpoint(swept.parent / "ckpt", swept)


@pytest.fixture(scope="module")
def run12(swept, ckpt, tmp_path_factory):
    """A 1 s camera-rate run through the CLI: 12 frames, keyframes on frames 0 and 6."""
    out = tmp_path_factory.mktemp("run12") / "run"
    assert main(["generate", "--checkpoint", str(ckpt), "--dataroot", str(swept), "--frame-rate", "camera",
                 "--seconds", "1", "--references", "1", "--overlap", "2", "--steps", "1", "--out", str(out)]) == 0
    return out


def test_generate_at_the_camera_rate(run12, swept):
    run = GenerationRun.load(run12)
    r = NuScenesReader(swept, VERSION)
    frames = r.scene_frames(run.scene["scene"], "camera")
    assert run.frames == 12 and run.frame_rate == "camera"                 # --seconds at 12 Hz
    assert run.scene["samples"] == frames[:12]
    assert run.keyframes == [f % EVERY == 0 for f in range(12)] == [r.is_keyframe(f) for f in frames[:12]]
    np.testing.assert_allclose(np.diff(run.scene["timestamps"]), 1 / 12, rtol=1e-3)
    assert run.fps == pytest.approx(12, rel=1e-3)
    assert run.settings["generate"]["frame_rate"] == "camera" and run.settings["resolved"]["frame_rate"] == "camera"
    # boxes between keyframes are the reader's interpolated ones
    ann = {a.instance for a in r.annotations(frames[3]) if a.cls >= 0}
    assert set(run.scene["boxes"][3]["instance"]) == ann and ann
    # a run written before the field existed reads as a keyframe run
    old = GenerationRun({k: v for k, v in run.scene.items() if k not in ("frame_rate", "keyframes")}, {}, run.rgb)
    assert old.frame_rate == "keyframes" and old.keyframes == [True] * 12


def test_export_round_trip_at_12hz(run12, tmp_path):
    out = export_dataset([run12], tmp_path / "gen")
    run = GenerationRun.load(run12, need=("depth",))
    scene = run.scene
    w2g = np.asarray(scene["world_to_global"])
    r = NuScenesReader(out, VERSION)
    name = r.scene_names()[0]
    frames = r.scene_frames(name, "camera")
    assert len(frames) == run.frames
    # the run's keyframes are samples, and so is its last frame (a nuScenes scene ends with a sample)
    key = [f for f in range(run.frames) if run.keyframes[f] or f == run.frames - 1]
    assert [f for f in range(run.frames) if r.is_keyframe(frames[f])] == key == [0, 6, 11]
    assert r.scene_frames(name) == [frames[f] for f in key]
    t = np.array([r.timestamp(f) for f in frames], np.float64) * 1e-6
    np.testing.assert_allclose(t - t[0], scene["timestamps"], atol=2e-6)
    for f in range(run.frames):
        for v, cam in enumerate(CAMERAS):
            c = r.camera(frames[f], cam)
            np.testing.assert_allclose(c.ego_to_world @ c.cam_to_ego, w2g @ np.asarray(scene["cam_to_world"][f][v]),
                                       atol=1e-5)
            if v == 1 and f in (3, 11):   # a sweep's and the promoted last frame's image: the run's frame
                jpg = io.BytesIO()
                Image.fromarray(run.rgb[f, v]).save(jpg, format="JPEG", quality=95, subsampling=0)
                assert np.array_equal(read_image(c.filename), np.asarray(Image.open(jpg)))
        np.testing.assert_allclose(r.ego_pose(frames[f]), w2g @ np.asarray(scene["ego_to_world"][f]), atol=1e-4)
    # the promoted last frame carries the run's (interpolated) boxes as annotations
    b = scene["boxes"][11]
    got = {a.instance: a for a in r.annotations(frames[11])}
    assert len(got) == len(b["instance"]) > 0
    for i in range(len(b["instance"])):
        want = w2g[:3, :3] @ np.asarray(b["center"][i]) + w2g[:3, 3]
        assert min(np.abs(a.center - want).max() for a in got.values()) < 1e-4
    # a sweep frame has no annotation rows of its own; its files are under sweeps/
    sd = json.loads((out / VERSION / "sample_data.json").read_text())
    sweeps = [x for x in sd if not x["is_key_frame"]]
    assert len(sweeps) == 6 * (run.frames - len(key)) and all(x["filename"].startswith("sweeps/") for x in sweeps)
    gen = json.loads((out / VERSION / "generation.json").read_text())[0]
    assert gen["frame_rate"] == "camera" and [i for i, k in enumerate(gen["keyframes"]) if k] == key
    # the clip loader reads it at the camera rate
    clip = load_clip(r, frames, 32, 56)
    assert clip["keyframes"].tolist() == [f in key for f in range(run.frames)]


def test_export_at_12hz_loads_in_nuscenes_devkit(run12, tmp_path, devkit_python):
    out = export_dataset([run12], tmp_path / "gen")
    script = """
import sys
from nuscenes.nuscenes import NuScenes
n = NuScenes(version='v1.0-synth', dataroot=sys.argv[1], verbose=False)
tok = n.sample[0]['data']['CAM_FRONT']
chain = []
while tok:
    sd = n.get('sample_data', tok)
    chain.append((sd['timestamp'], int(sd['is_key_frame'])))
    tok = sd['next']
path, boxes, K = n.get_sample_data(n.sample[0]['data']['CAM_FRONT'])
print(len(n.sample), ' '.join(f'{t}:{k}' for t, k in chain))
"""
    p = subprocess.run([devkit_python, "-c", script, str(out)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    n_sample, *chain = p.stdout.split()
    r = NuScenesReader(out, VERSION)
    frames = r.scene_frames(r.scene_names()[0], "camera")
    assert int(n_sample) == 3
    assert [c.split(":") for c in chain] == [[str(r.camera(f, "CAM_FRONT").timestamp), str(int(r.is_keyframe(f)))]
                                             for f in frames]


def test_preview_at_the_camera_rate(swept, tmp_path):
    h, w = 32, 56
    out = write_preview(swept, tmp_path / "p.mp4", VERSION, scene="scene-0001", frames=8, width=w, height=h,
                        frame_rate="camera")
    v = read_video(out).astype(np.float32)
    assert v.shape == (8, CAPTION_HEIGHT + 2 * h, 6 * w, 3)
    import imageio.v2 as imageio

    with imageio.get_reader(out) as rd:
        assert rd.get_meta_data()["fps"] == pytest.approx(12, rel=1e-2)
    r = NuScenesReader(swept, VERSION)
    frames = r.scene_frames("scene-0001", "camera")
    clip = load_clip(r, frames[:8], h, w)
    front = (clip["images"][3, 1].numpy().transpose(1, 2, 0) + 1) * 127.5   # a sweep frame's CAM_FRONT
    tile = v[3, CAPTION_HEIGHT:CAPTION_HEIGHT + h, w:2 * w]
    assert np.median(np.abs(tile - front)) < 12


def test_bad_rates_and_lengths_are_one_line(swept, synth_root, ckpt, tmp_path, capsys):
    base = ["generate", "--checkpoint", str(ckpt), "--steps", "1", "--out", str(tmp_path / "g")]
    fails(capsys, base + ["--dataroot", str(synth_root), "--set", "frame_rate=camera"],
          "no camera sweeps", "--frame-rate keyframes")
    fails(capsys, base + ["--dataroot", str(swept), "--frame-rate", "camera", "--seconds", "30"],
          "25 camera frames (2.1 s at 12.0 Hz)", "asked for 360", "shorter")
    fails(capsys, base + ["--dataroot", str(swept), "--frame-rate", "12hz"], "bad config key frame_rate", "one of ['keyframes', 'camera']")
    fails(capsys, ["preview", "--dataroot", str(synth_root), "--frame-rate", "camera", "--out", str(tmp_path / "p.mp4")],
          "no camera sweeps")
    assert not (tmp_path / "g").exists() and not (tmp_path / "p.mp4").exists()


def test_memory_does_not_grow_with_the_length(swept, ckpt, tmp_path):
    """Python/numpy memory (tracemalloc) at its peak during a camera-rate generation with a work folder:
    4x the frames may cost a little per frame (poses and boxes in the scene record) but far less than
    one frame's images, which is what reading the whole span's pixels cost (images, depth, LiDAR depth
    and the control images in float32: ~5 such frames per frame). Latents [F, V, C, h, w] are torch's
    (not traced) and the frames, depth and control video are memory-mapped files."""
    pipe = G.CVDStormPipeline.from_pretrained(ckpt)
    kw = dict(dataroot=str(swept), frame_rate="camera", references=1, overlap=2, steps=1, progress=False)
    pipe(frames=4, **kw)                                   # warm caches (text encoder, imports)
    peak = {}
    for F in (6, 24):
        work = tmp_path / f"w{F}"
        work.mkdir()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        run = pipe(frames=F, workdir=work, **kw)
        peak[F] = tracemalloc.get_traced_memory()[1] - before
        tracemalloc.stop()
        assert run.frames == F and isinstance(run.rgb, np.memmap)
    frame_images = len(CAMERAS) * 3 * 32 * 56 * 4             # one frame's images, float32 bytes
    per_frame = (peak[24] - peak[6]) / 18
    print(f"traced peak: {peak}, {per_frame / 1024:.1f} KiB per extra frame")
    assert per_frame < 0.25 * frame_images


def test_both_stages_train_and_evaluate_at_the_camera_rate(swept, tmp_path):
    """train-vae and train-dit read camera-rate clips (keyframes among them), and the evaluation driver
    generates and scores camera-rate runs, recording the rate."""
    import torch

    from cvdstorm.config import DiTTrainConfig, StormVAEConfig
    from cvdstorm.data.clips import ClipDataset
    from cvdstorm.eval.generation_suite import evaluate_generation
    from cvdstorm.train.dit import train_dit
    from cvdstorm.train.vae import train_vae

    vcfg = StormVAEConfig.from_preset("tiny")
    vcfg.data.dataroot, vcfg.data.split, vcfg.data.frame_rate = str(swept), "all", "camera"
    vcfg.train.steps, vcfg.train.checkpoint_every = 2, 2
    clip = ClipDataset(vcfg.data)[0]
    assert not clip["keyframes"].all()                                     # camera frames, not keyframes only
    np.testing.assert_allclose(np.diff(clip["timestamps"].numpy()), 1 / 12, rtol=1e-3)
    assert np.isfinite(train_vae(vcfg, tmp_path / "vae")["loss"])
    dcfg = DiTTrainConfig.from_preset("tiny", vae_checkpoint=str(tmp_path / "vae"), cache_dir=str(tmp_path / "cache"))
    dcfg.dit.in_channels = dcfg.dit.out_channels = 16
    dcfg.data.dataroot, dcfg.data.split, dcfg.data.frame_rate = str(swept), "all", "camera"
    dcfg.train.steps, dcfg.train.checkpoint_every = 2, 2
    assert torch.isfinite(torch.tensor(train_dit(dcfg, tmp_path / "dit")["loss"]))
    # the DiT was trained at the camera rate: generation follows it unless told otherwise
    agg = evaluate_generation(tmp_path / "dit", swept, tmp_path / "e", scenes=1, references=(1,), frames=8,
                              steps=1, fid=False, fvd=False, log=None, progress=False, split="all")
    assert agg.settings["frame_rate"] == "camera" and agg.settings["fps"] == pytest.approx(12, rel=1e-3)
    run = GenerationRun.load(tmp_path / "e" / "runs" / agg.runs[0]["scene"] / "ref1")
    assert run.frame_rate == "camera" and run.keyframes == [f % EVERY == 0 for f in range(8)]
    assert np.isfinite(agg.summary["psnr_ref1"])
