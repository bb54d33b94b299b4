"""The generation run type (pipelines/run.py) and the Python pipeline (CVDStormPipeline): save/load
round trip of every field, refusals of unknown versions and incomplete folders, and the pipeline's
run in memory == the folder `generate` writes (same seed), reconstruction == `reconstruct_run`'s."""

import numpy as np
import pytest
import torch
import yaml

from checkpoints import make_checkpoint
from conftest import fails
from cvdstorm import CAMERAS
from cvdstorm.errors import CvdError
from cvdstorm.pipelines import generate as G
from cvdstorm.pipelines.run import FORMAT_VERSION, WINDOW_KEYS, GenerationRun, is_run

F, V, H, W = 3, len(CAMERAS), 8, 12


def window(rng, n: int, time: float) -> dict:
    q = rng.normal(size=(n, 4))
    g = {"means": rng.normal(size=(n, 3)), "quats": q / np.linalg.norm(q, axis=1, keepdims=True),
         "scales": rng.uniform(0.05, 1, (n, 3)), "opacities": rng.uniform(0.05, 0.95, n),
         "colors": rng.uniform(0, 1, (n, 3)), "velocities": rng.normal(size=(n, 3))}
    return {**{k: v.astype(np.float32) for k, v in g.items()}, "time": time}


def made_run(rng) -> GenerationRun:
    scene = {"scene": "s", "samples": ["a", "b", "c"], "timestamps": [0.0, 0.5, 1.0], "references": 1,
             "window_starts": [0, 1], "window_fixed": [1, 1], "cameras": list(CAMERAS), "captions": ["x"] * F,
             "boxes": [{"center": [[1.0, 2.0, 0.5]], "instance": ["i"]}] * F}
    settings = {"cvdstorm": "0", "generate": {"seed": 3, "png": True},
                "resolved": {"fps": 2.0, "windows": [[0, 1], [1, 1]]}, "edits": {"remove": ["i"]},
                "checkpoint_files": {"w.safetensors": "abc"}}
    return GenerationRun(scene, settings, rng.integers(0, 256, (F, V, H, W, 3), dtype=np.uint8),
                         rng.uniform(1, 80, (F, V, H, W)).astype(np.float32), torch.randn(F, V, 4, 2, 3),
                         [window(rng, 40, 0.0), window(rng, 30, 0.5)],
                         controls=rng.integers(0, 256, (F, V, H, W, 3), dtype=np.uint8))


def assert_same_windows(a, b, exact: bool = False) -> None:
    assert len(a) == len(b)
    for ga, gb in zip(a, b):
        for k in WINDOW_KEYS:  # a .ply stores log scales and opacity logits in float32
            np.testing.assert_allclose(np.asarray(gb[k], np.float64), np.asarray(ga[k], np.float64),
                                       rtol=0 if exact else 1e-5, atol=0 if exact else 1e-6, err_msg=k)
        assert float(ga["time"]) == float(gb["time"])


def test_save_load_round_trip_of_every_field(tmp_path, rng):
    run = made_run(rng)
    out = run.save(tmp_path / "a")
    assert run.folder == out and is_run(out)
    assert yaml.safe_load((out / "run.yaml").read_text())["format_version"] == FORMAT_VERSION
    back = GenerationRun.load(out)
    assert back.scene == run.scene and back.settings == run.settings
    assert isinstance(back.rgb, np.memmap) and isinstance(back.depth, np.memmap)    # bounded memory
    assert np.array_equal(back.rgb, run.rgb) and np.array_equal(back.depth, run.depth)
    assert torch.equal(back.latents, run.latents)
    assert_same_windows(run.gaussians, back.gaussians)
    assert back.controls is None                                                      # saved as a video only
    assert back.frames == F and back.references == 1 and back.fps == 2.0
    assert back.window_first_frames == [0, 2] and [back.window_of_frame(f) for f in range(F)] == [0, 0, 1]
    # the views: videos, KITTI depth PNGs, the frames as PNGs (generate.png is set)
    for name in ("video.mp4", "depth.mp4", "controls.mp4", f"cameras/{CAMERAS[0]}.mp4",
                 f"depth/{CAMERAS[1]}/0002.png", f"frames/{CAMERAS[2]}/0001.png"):
        assert (out / name).is_file(), name
    # a loaded run saves the same data files (its .ply files copied as they are)
    again = back.save(tmp_path / "b", views=False)
    for name in ("scene.json", "run.yaml", "rgb.npy", "depth.npy", "latents.safetensors",
                 "gaussians/window_000.ply", "gaussians/window_001.velocity.npz"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    assert not (again / "video.mp4").exists() and back.record_bytes() == GenerationRun.load(again).record_bytes()
    assert_same_windows(back.gaussians, GenerationRun.load(again).gaussians, exact=True)


def test_optional_parts_and_overwrite(tmp_path, rng):
    run = made_run(rng)
    bare = GenerationRun(run.scene, run.settings, run.rgb).save(tmp_path / "bare", views=False)
    back = GenerationRun.load(bare)
    assert back.depth is None and back.latents is None and len(back.gaussians) == 0
    with pytest.raises(CvdError, match="--overwrite"):
        run.save(bare)
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "notes.txt").write_text("mine")
    with pytest.raises(CvdError, match="not a generation output"):
        run.save(tmp_path / "theirs", overwrite=True)
    assert (tmp_path / "theirs" / "notes.txt").read_text() == "mine"


def one_line(fn) -> str:
    with pytest.raises(CvdError) as e:
        fn()
    msg = str(e.value)
    assert "\n" not in msg, msg
    return msg


def test_unknown_version_and_incomplete_folders_are_one_line(tmp_path, rng, capsys):
    out = made_run(rng).save(tmp_path / "run", views=False)
    settings = (out / "run.yaml").read_text()
    (out / "run.yaml").write_text(settings.replace(f"format_version: {FORMAT_VERSION}", "format_version: 99"))
    msg = one_line(lambda: GenerationRun.load(out))
    assert "run.yaml" in msg and "format version 99" in msg
    fails(capsys, ["export", "--runs", str(out), "--out", str(tmp_path / "e")], "format version 99")
    # written before the version field existed: the layout of version 1
    (out / "run.yaml").write_text(settings.replace(f"format_version: {FORMAT_VERSION}\n", ""))
    expected = yaml.safe_load(settings)
    del expected["format_version"]
    assert GenerationRun.load(out).settings == expected
    (out / "run.yaml").write_text(settings)
    (out / "depth.npy").unlink()
    assert GenerationRun.load(out).depth is None                                       # optional ...
    msg = one_line(lambda: GenerationRun.load(out, need=("depth",)))                   # ... unless needed
    assert "missing depth.npy" in msg
    (out / "rgb.npy").unlink()
    msg = one_line(lambda: GenerationRun.load(out))
    assert "missing rgb.npy" in msg and "depth" not in msg
    fails(capsys, ["render", "--run", str(out), "--out", str(tmp_path / "r")], "missing rgb.npy")
    (out / "gaussians" / "window_001.ply").unlink()
    np.save(out / "rgb.npy", np.zeros((F, V, H, W, 3), np.uint8))
    msg = one_line(lambda: GenerationRun.load(out))
    assert "names 2 windows" in msg and "holds 1" in msg
    msg = one_line(lambda: GenerationRun.load(tmp_path / "nowhere"))
    assert "does not exist" in msg


@pytest.fixture(scope="module")
def tiny(synth_root, tmp_path_factory):
    root = tmp_path_factory.mktemp("pipe")
    return {"data": synth_root, "ckpt": make_checkpoint(root / "ckpt", synth_root), "root": root}


def test_pipeline_call_equals_the_generate_folder(tiny, tmp_path):
    """Same seed: the run in memory holds what `generate` writes, and saving it writes the same files."""
    cfg = G.GenerateConfig(checkpoint=str(tiny["ckpt"]), dataroot=str(tiny["data"]), frames=5, references=1,
                           overlap=2, steps=1, seed=4)
    pipe = G.CVDStormPipeline.from_pretrained(tiny["ckpt"])
    run = pipe(cfg, progress=False)
    assert run.folder is None and run.rgb.shape == (5, V, 32, 56, 3) and len(run.gaussians) == 2
    out = G.generate(cfg, tmp_path / "gen", progress=False, pipe=pipe)
    disk = GenerationRun.load(out)
    assert np.array_equal(run.rgb, disk.rgb) and np.array_equal(run.depth, disk.depth)
    assert torch.equal(run.latents, disk.latents) and run.scene == disk.scene
    assert_same_windows(run.gaussians, disk.gaussians)
    timing = ("seconds_per_window", "seconds_total")
    assert {k: v for k, v in run.settings.items() if k not in timing} == \
        {k: v for k, v in disk.settings.items() if k not in timing}
    saved = run.save(tmp_path / "saved")
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(saved) for p in saved.rglob("*") if p.is_file())
    differ = [str(p) for p in files if (out / p).read_bytes() != (saved / p).read_bytes()]
    assert differ == ["run.yaml"], differ                                               # its timings
    # keyword settings; checkpoint and device default to the pipeline's
    again = pipe(dataroot=str(tiny["data"]), frames=5, references=1, overlap=2, steps=1, seed=4, progress=False)
    assert np.array_equal(again.rgb, run.rgb) and again.settings["generate"]["checkpoint"] == str(tiny["ckpt"])


def test_reconstruct_is_the_evaluations_reconstruction(tiny, tmp_path):
    from cvdstorm.data.clips import load_clip
    from cvdstorm.data.nuscenes import NuScenesReader
    from cvdstorm.eval.novel_view import reconstruct_run

    pipe = G.CVDStormPipeline.from_pretrained(tiny["ckpt"])
    T, h, w = pipe.vae_cfg.data.num_frames, pipe.vae_cfg.data.height, pipe.vae_cfg.data.width
    reader = NuScenesReader(tiny["data"]).preload()
    name = sorted(reader.scene_names("all"))[0]
    clip = load_clip(reader, reader.scene_samples(name)[:T], h, w, scene_polylines={})
    rec = pipe.reconstruct(clip)
    n = len(rec.gaussians["means"])
    assert rec.depth.shape == (T, V, h, w) and rec.rgb.shape == (T, V, h, w, 3) and n > 0
    assert all(rec.gaussians[k].shape[0] == n for k in WINDOW_KEYS) and rec.gaussians["time"] == 0.0
    assert (rec.depth > 0).mean() > 0.5
    folder = reconstruct_run(tiny["root"] / "ckpt" / "vae", tiny["data"], tmp_path / "rec", scene=name)
    disk = GenerationRun.load(folder, need=("depth", "latents", "gaussians"))
    assert np.array_equal(disk.rgb, rec.rgb) and np.array_equal(disk.depth, rec.depth)
    assert torch.equal(disk.latents, rec.latents) and disk.scene["reconstruction"]["context_frames"] == rec.context
    assert_same_windows([rec.gaussians], disk.gaussians)
