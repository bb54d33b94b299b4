"""Generation pipeline: windows, determinism, every output file, edits, bounded decoding, pack, CLI."""

import json

import numpy as np
import pytest
import torch
import yaml
from safetensors.torch import load_file

from cvdstorm import CAMERAS
from cvdstorm.cli import main
from cvdstorm.data.conditions import box_masks
from cvdstorm.io import read_image, read_video
from cvdstorm.config import StormVAEConfig
from cvdstorm.errors import CvdError
from cvdstorm.models.pack import pack_checkpoint
from cvdstorm.pipelines import generate as pipeline
from cvdstorm.pipelines.windows import window_plan
from cvdstorm.pipelines.ply import read_gaussians_ply
from checkpoints import make_checkpoint


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from cvdstorm.data.synth.writer import SynthConfig, write_dataset

    root = tmp_path_factory.mktemp("gen")
    write_dataset(root / "data", SynthConfig(scenes=2, frames=8, width=112, height=64, seed=5, lidar_azimuths=512),
                  progress=False)
    return root


@pytest.fixture(scope="module")
def ckpt(world):
    return make_checkpoint(world / "ckpt", world / "data")


def gen_cfg(world, ckpt, **kw):
    base = dict(checkpoint=str(ckpt), dataroot=str(world / "data"), frames=8, references=1, overlap=2, steps=2)
    return pipeline.GenerateConfig(**{**base, **kw})


@pytest.mark.parametrize("frames,window,overlap,refs", [(4, 4, 3, 0), (8, 4, 2, 1), (9, 4, 3, 3), (19, 8, 3, 3)])
def test_window_plan_covers_every_frame_once(frames, window, overlap, refs):
    plan = window_plan(frames, window, overlap, refs)
    new = []
    for k, (start, fixed) in enumerate(plan):
        assert 0 <= start and start + window <= frames
        if k:
            assert fixed >= overlap and start + fixed == plan[k - 1][0] + window  # refs = frames already made
        new += list(range(start if k == 0 else start + fixed, start + window))
    assert new == list(range(frames)) and plan[0] == (0, refs)


def test_outputs_complete_readable_and_deterministic(tmp_path, world, ckpt):
    out = pipeline.generate(gen_cfg(world, ckpt, png=True), tmp_path / "a", progress=False)
    F, V, H, W = 8, 6, 32, 56
    run = yaml.safe_load((out / "run.yaml").read_text())
    assert run["resolved"]["windows"] == [[0, 1], [2, 2], [4, 2]] and run["cvdstorm"]
    for name in ("video.mp4", "depth.mp4", "controls.mp4"):
        v = read_video(out / name)
        assert v.shape == (F, 2 * H, 3 * W, 3), name
    for cam in CAMERAS:
        assert read_video(out / "cameras" / f"{cam}.mp4").shape == (F, H, W, 3)
        assert read_image(out / "frames" / cam / "0007.png").shape == (H, W, 3)
        d16 = read_image(out / "depth" / cam / "0003.png")
        assert d16.dtype == np.uint16 and d16.shape == (H, W)
    rgb, depth = np.load(out / "rgb.npy"), np.load(out / "depth.npy")
    assert rgb.shape == (F, V, H, W, 3) and depth.shape == (F, V, H, W)
    assert np.isfinite(depth).all() and (depth > 0).mean() > 0.5
    d16 = read_image(out / "depth" / CAMERAS[2] / "0003.png")
    np.testing.assert_allclose(d16 / 256.0, depth[3, 2], atol=0.5 / 256 + 1e-6)
    n_ctx = 2  # tiny VAE context frames (0, 3) of a 4-frame window, one Gaussian per input pixel
    for k in range(3):
        g = read_gaussians_ply(out / "gaussians" / f"window_{k:03d}.ply")
        assert g["means"].shape == (n_ctx * V * H * W, 3) and np.isfinite(g["means"]).all()
        side = np.load(out / "gaussians" / f"window_{k:03d}.velocity.npz")
        assert side["velocities"].shape == (n_ctx * V * H * W, 3)
    scene = json.loads((out / "scene.json").read_text())
    assert len(scene["samples"]) == F and len(scene["boxes"]) == F and scene["window_starts"] == [0, 2, 4]
    # same seed: same bytes; another seed: another video
    again = pipeline.generate(gen_cfg(world, ckpt, png=True), tmp_path / "b", progress=False)
    assert np.array_equal(np.load(again / "rgb.npy"), rgb)
    assert (again / "gaussians" / "window_002.ply").read_bytes() == (out / "gaussians" / "window_002.ply").read_bytes()
    other = pipeline.generate(gen_cfg(world, ckpt, seed=1), tmp_path / "c", progress=False)
    assert not np.array_equal(np.load(other / "rgb.npy")[1:], rgb[1:])


def test_reference_frames_are_the_real_frames_latents(tmp_path, world, ckpt):
    from safetensors.torch import load_file

    from cvdstorm.data.clips import load_clip
    from cvdstorm.data.nuscenes import NuScenesReader
    from cvdstorm.models.loading import load_storm_vae

    out = pipeline.generate(gen_cfg(world, ckpt, frames=4, references=3), tmp_path / "r", progress=False)
    scene = json.loads((out / "scene.json").read_text())
    clip = load_clip(NuScenesReader(world / "data").preload(), scene["samples"][:3], 32, 56)
    vae, _ = load_storm_vae(world / "ckpt" / "vae")
    with torch.no_grad():
        z = vae.encode(clip["images"])[0]
    torch.testing.assert_close(load_file(str(out / "latents.safetensors"))["latents"][:3], z, rtol=0, atol=1e-5)


def test_decoding_is_bounded_to_one_window(tmp_path, world, ckpt, monkeypatch):
    gen = pipeline.CVDStormPipeline.from_pretrained(ckpt)
    seen = []
    decode = gen.vae.decode
    monkeypatch.setattr(gen.vae, "decode", lambda z: seen.append(z.shape[0] * z.shape[1]) or decode(z))
    sample = pipeline.sample_latents
    shapes = []
    monkeypatch.setattr(pipeline, "sample_latents", lambda m, c, noise, **kw: shapes.append(noise.shape[1]) or
                        sample(m, c, noise, **kw))
    pipeline.generate(gen_cfg(world, ckpt), tmp_path / "m", progress=False, pipe=gen)
    assert len(seen) == 3 and max(seen) <= 4 * 6 and sum(seen) == 8 * 6   # each frame decoded once, per window
    assert shapes == [4, 4, 4]


def test_box_edit_changes_controls_and_frames_where_the_box_is(tmp_path, world):
    ck = make_checkpoint(tmp_path / "ck", world / "data", controls_on=True)
    base = pipeline.generate(gen_cfg(world, ck, frames=4, references=0), tmp_path / "base", progress=False)
    scene = json.loads((base / "scene.json").read_text())
    clip_boxes = [{k: (np.array(v) if k != "instance" else v) for k, v in b.items()} for b in scene["boxes"]]
    K, c2w = np.array(scene["intrinsics"]), np.array(scene["cam_to_world"])
    _, idx = box_masks(clip_boxes, K, c2w, 32, 56)                                      # [F, V, H, W]
    counts = [(idx == i).sum() for i in range(len(clip_boxes[0]["instance"]))]
    target = clip_boxes[0]["instance"][int(np.argmax(counts))]
    where = np.stack([idx[f] == clip_boxes[f]["instance"].index(target) if target in clip_boxes[f]["instance"]
                      else np.zeros_like(idx[f], bool) for f in range(4)])
    assert where.sum() > 20
    (tmp_path / "edit.yaml").write_text(yaml.safe_dump({"remove": [target]}))
    edited = pipeline.generate(gen_cfg(world, ck, frames=4, references=0, edits=str(tmp_path / "edit.yaml")),
                        tmp_path / "edited", progress=False)
    ctrl_a, ctrl_b = read_video(base / "controls.mp4").astype(float), read_video(edited / "controls.mp4").astype(float)
    assert np.abs(ctrl_a - ctrl_b).max() > 50                                            # the box left the controls
    assert target not in json.loads((edited / "scene.json").read_text())["boxes"][0]["instance"]
    diff = np.abs(np.load(base / "rgb.npy").astype(float) - np.load(edited / "rgb.npy").astype(float)).mean(-1)
    assert diff[where].mean() > 3 * diff[~where].mean() and diff[where].mean() > 0.1


def test_pack_roundtrip_fp16(tmp_path, world, ckpt):
    packed = pack_checkpoint(ckpt, tmp_path / "packed")
    assert (packed / "dit" / "model.safetensors").stat().st_size < 0.6 * (ckpt / "step_00000000" / "model.safetensors").stat().st_size
    a = pipeline.generate(gen_cfg(world, ckpt, frames=4), tmp_path / "a", progress=False)
    b = pipeline.generate(gen_cfg(world, packed, frames=4), tmp_path / "b", progress=False)
    diff = np.abs(np.load(a / "rgb.npy").astype(int) - np.load(b / "rgb.npy").astype(int))
    assert diff.mean() < 2.0    # float16 storage: nearly the same video
    # a pack of a pack with the VAE's clip layout changed: weights, logs and the model keys stay as they were
    layout = {"data.frame_rate": "camera", "data.num_frames": 7, "data.context_frames": [0, 3, 6]}
    again = pack_checkpoint(packed / "dit", tmp_path / "again", vae_run=packed / "vae", vae_data=layout)
    vae_cfg = StormVAEConfig.load(again / "vae" / "config.yaml")
    assert (vae_cfg.data.frame_rate, vae_cfg.data.num_frames, vae_cfg.data.context_frames) == ("camera", 7, (0, 3, 6))
    assert vae_cfg.vae == StormVAEConfig.load(packed / "vae" / "config.yaml").vae
    for part in ("dit", "vae"):
        assert load_file(again / part / "model.safetensors").keys() == load_file(packed / part / "model.safetensors").keys()
        assert all(torch.equal(a_, b_) for a_, b_ in zip(load_file(again / part / "model.safetensors").values(),
                                                          load_file(packed / part / "model.safetensors").values()))
    with pytest.raises(CvdError, match="only data"):
        pack_checkpoint(packed / "dit", tmp_path / "bad", vae_data={"vae.latent_channels": 4})
    assert not (tmp_path / "bad").exists()


def test_cli_errors_one_line_and_outputs_kept(tmp_path, world, ckpt, capsys):
    rc = main(["generate", "--checkpoint", str(tmp_path / "nope"), "--dataroot", str(world / "data"),
               "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "does not exist" in err
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "mine.txt").write_text("precious")
    rc = main(["generate", "--checkpoint", str(ckpt), "--dataroot", str(world / "data"), "--out", str(keep),
               "--frames", "4", "--steps", "1"])
    assert rc == 2 and "--overwrite" in capsys.readouterr().err
    rc = main(["generate", "--checkpoint", str(ckpt), "--dataroot", str(world / "data"), "--out", str(keep),
               "--frames", "4", "--steps", "1", "--overwrite"])
    assert rc == 2 and "not a generation output" in capsys.readouterr().err
    assert (keep / "mine.txt").read_text() == "precious"
    rc = main(["generate", "--checkpoint", str(ckpt), "--dataroot", str(world / "data"), "--out", str(tmp_path / "o"),
               "--frames", "40"])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and "keyframes" in err and len(err.splitlines()) == 1
    (tmp_path / "bad.yaml").write_text("add: [{class: spaceship, center: [1, 2, 0], size: [1, 1, 1]}]")
    rc = main(["generate", "--checkpoint", str(ckpt), "--dataroot", str(world / "data"), "--out", str(tmp_path / "o"),
               "--frames", "4", "--edits", str(tmp_path / "bad.yaml")])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and "spaceship" in err and len(err.splitlines()) == 1


def test_windowed_depth_of_real_frames_is_the_runs_reference_depth(tmp_path, world, ckpt):
    """With every context frame a reference, window 0's reference frames are decoded from the real
    frames' latents alone: the run's depth there is the real clip's windowed depth, bit for bit."""
    from cvdstorm.data.clips import load_clip
    from cvdstorm.data.nuscenes import NuScenesReader

    pipe = pipeline.CVDStormPipeline.from_pretrained(ckpt)
    T = pipe.dit_cfg.data.num_frames
    pipe.vae_cfg.data.context_frames = [0, 1]   # the GS decoder reads frames 0 and 1 of each window
    refs = 2
    run = pipe(gen_cfg(world, ckpt, frames=8, references=refs), progress=False)
    plan = [tuple(p) for p in run.settings["resolved"]["windows"]]
    clip = load_clip(NuScenesReader(world / "data").preload(), run.scene["samples"], *run.rgb.shape[2:4])
    depth = pipe.windowed_depth(clip, plan, T)
    assert depth.shape == run.depth.shape and np.isfinite(depth).all() and (depth >= 0).all() and depth.max() > 0
    np.testing.assert_array_equal(depth[:refs], np.asarray(run.depth)[:refs])
    assert not np.array_equal(depth[refs:], np.asarray(run.depth)[refs:])   # generated frames differ


def test_camera_completion_holds_the_given_cameras(tmp_path, world, ckpt):
    """given_cameras: those cameras are the real frames' latents on every frame (held fixed through every
    window), the others are generated; an unknown camera or all six are one clear error."""
    from cvdstorm.data.clips import load_clip
    from cvdstorm.data.nuscenes import NuScenesReader
    from cvdstorm.models.loading import load_storm_vae

    given = ["CAM_FRONT", "CAM_BACK_LEFT"]
    idx = [CAMERAS.index(c) for c in given]
    out = pipeline.generate(gen_cfg(world, ckpt, frames=6, references=0, given_cameras=given), tmp_path / "r",
                            progress=False)
    scene = json.loads((out / "scene.json").read_text())
    clip = load_clip(NuScenesReader(world / "data").preload(), scene["samples"], 32, 56)
    vae, _ = load_storm_vae(world / "ckpt" / "vae")
    with torch.no_grad():
        z = vae.encode(clip["images"])[0]                                         # [F, V, C, h, w]
    got = load_file(str(out / "latents.safetensors"))["latents"]
    torch.testing.assert_close(got[:, idx], z[:, idx], rtol=0, atol=1e-5)
    other = [v for v in range(len(CAMERAS)) if v not in idx]
    assert (got[:, other] - z[:, other]).abs().mean() > 0.05                     # generated, not copied
    for bad, why in ((["CAM_TOP"], "unknown camera"), (list(CAMERAS), "every camera")):
        with pytest.raises(CvdError, match=why):
            pipeline.generate(gen_cfg(world, ckpt, frames=4, given_cameras=bad), tmp_path / "x", progress=False)
