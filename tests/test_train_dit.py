"""Stage-2 training: latent cache, train-dit loop, resume, loading, CLI errors (tiny presets)."""

import pytest
import torch
from safetensors.torch import load_file

from cvdstorm.cli import main
from cvdstorm.config import DiTTrainConfig, StormVAEConfig
from cvdstorm.data.clips import ClipDataset
from cvdstorm.data.conditions import clip_controls
from cvdstorm.models.loading import load_dit, resolve_checkpoint
from cvdstorm.models.storm_vae import build_storm_vae
from cvdstorm.train.checkpoint import save_checkpoint
from cvdstorm.train.dit import train_dit
from cvdstorm.train.latents import LatentClips, cache_key


def tiny_vae_run(root, synth_root, seed=0):
    cfg = StormVAEConfig.from_preset("tiny")
    cfg.data.dataroot = str(synth_root)
    torch.manual_seed(seed)
    save_checkpoint(root, 0, build_storm_vae(cfg), cfg)
    return root


def tiny_cfg(tmp_path, synth_root, vae_run, steps=4):
    cfg = DiTTrainConfig.from_preset("tiny", vae_checkpoint=str(vae_run), cache_dir=str(tmp_path / "cache"))
    cfg.dit.in_channels = cfg.dit.out_channels = 16     # the tiny VAE's latent channels
    cfg.data.dataroot, cfg.data.split = str(synth_root), "all"
    cfg.train.steps, cfg.train.checkpoint_every, cfg.train.ema_decay = steps, 2, 0.9
    return cfg


@pytest.fixture(scope="module")
def vae_run(tmp_path_factory, synth_root):
    return tiny_vae_run(tmp_path_factory.mktemp("vae") / "run", synth_root)


def test_train_dit_builds_cache_trains_and_reloads(tmp_path, synth_root, vae_run):
    cfg = tiny_cfg(tmp_path, synth_root, vae_run)
    last = train_dit(cfg, tmp_path / "run")
    assert last["step"] == 4 and torch.isfinite(torch.tensor(last["loss"]))
    # one cache file per clip, holding exactly the frozen VAE's posterior mean and the control images
    folder = next((tmp_path / "cache").iterdir())
    clips = ClipDataset(cfg.data)
    files = sorted(folder.glob("clip_*.safetensors"))
    assert len(files) == len(clips) > 0
    from cvdstorm.models.loading import load_storm_vae

    vae, _ = load_storm_vae(vae_run)
    clip = clips[0]
    cached = load_file(str(files[0]))
    with torch.no_grad():
        mean, _ = vae.encode(clip["images"])
    torch.testing.assert_close(cached["latents"], mean, rtol=0, atol=1e-5)
    ctrl = clip_controls(clip, ("boxes", "map"))
    assert (cached["ctrl_boxes"].float() / 255 - ctrl["boxes"]).abs().max() <= 0.5 / 255 + 1e-6
    assert cached["ctrl_map"].float().sum() > 0   # the synthetic map shows up in the cameras
    # the cache is reused: a second run does not rewrite the files
    mtimes = [f.stat().st_mtime_ns for f in files]
    cc = tiny_cfg(tmp_path, synth_root, vae_run, steps=1)
    cc.view_references = 1.0                 # camera-completion clips: 1..V-1 cameras given on every frame
    last = train_dit(cc, tmp_path / "run2")
    assert 1 <= last["given_cameras"] < cc.data.num_cameras and torch.isfinite(torch.tensor(last["loss"]))
    assert [f.stat().st_mtime_ns for f in files] == mtimes
    # checkpoints reload into an equal model (EMA weights by default)
    model, cfg2 = load_dit(tmp_path / "run")
    assert cfg2.dit == cfg.dit
    ema = load_file(str(resolve_checkpoint(tmp_path / "run") / "ema.safetensors"))
    for k, v in model.state_dict().items():
        torch.testing.assert_close(v, ema[k], rtol=0, atol=0)


def test_cache_key_tracks_vae_weights_and_data(tmp_path, synth_root, vae_run):
    cfg = tiny_cfg(tmp_path, synth_root, vae_run)
    w = resolve_checkpoint(vae_run) / "model.safetensors"
    other = tiny_vae_run(tmp_path / "other", synth_root, seed=1)
    k0, _ = cache_key(cfg.data, w, ("boxes", "map"))
    assert k0 == cache_key(cfg.data, w, ("boxes", "map"))[0]
    assert k0 != cache_key(cfg.data, resolve_checkpoint(other) / "model.safetensors", ("boxes", "map"))[0]
    cfg.data.height = 64
    assert k0 != cache_key(cfg.data, w, ("boxes", "map"))[0]
    cfg.data.height, cfg.data.num_targets = 32, 7      # a stage-1-only field does not invalidate the cache
    assert k0 == cache_key(cfg.data, w, ("boxes", "map"))[0]


def test_resume_is_bit_exact(tmp_path, synth_root, vae_run):
    full = tiny_cfg(tmp_path, synth_root, vae_run, steps=4)
    train_dit(full, tmp_path / "full")
    half = tiny_cfg(tmp_path, synth_root, vae_run, steps=4)
    half.train.steps = 2
    train_dit(half, tmp_path / "half")
    # continue the 2-step run to 4 steps under the full run's config
    full.save(tmp_path / "half" / "config.yaml")
    train_dit(full, tmp_path / "half", resume=True)
    a = load_file(str(resolve_checkpoint(tmp_path / "full") / "model.safetensors"))
    b = load_file(str(resolve_checkpoint(tmp_path / "half") / "model.safetensors"))
    for k in a:
        torch.testing.assert_close(a[k], b[k], rtol=0, atol=0)


def test_incomplete_cache_is_one_clear_error(tmp_path, synth_root, vae_run):
    cfg = tiny_cfg(tmp_path, synth_root, vae_run, steps=1)
    train_dit(cfg, tmp_path / "run")
    folder = next((tmp_path / "cache").iterdir())
    sorted(folder.glob("clip_*.safetensors"))[0].unlink()
    from cvdstorm.errors import CvdError

    with pytest.raises(CvdError, match="incomplete"):
        LatentClips(folder, ("boxes", "map"))


def test_cli_train_dit_errors_are_one_line(tmp_path, synth_root, capsys):
    rc = main(["train-dit", "--preset", "tiny", "--out", str(tmp_path / "r"), "--dataroot", str(synth_root)])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "--vae" in err
    rc = main(["train-dit", "--preset", "tiny", "--out", str(tmp_path / "r"), "--vae", str(tmp_path / "nope")])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and "does not exist" in err and len(err.splitlines()) == 1


def test_init_from_keeps_new_parts_and_refuses_foreign_ones(tmp_path):
    """Fine-tuning a model that gained a part (the cross-view ray bias) from weights without it: every
    stored tensor is loaded, the new ones keep their start value and are named; weights with tensors the
    model lacks are refused in one line."""
    from cvdstorm.config import DiTConfig
    from cvdstorm.errors import CvdError
    from cvdstorm.models.dit import build_dit
    from cvdstorm.train.checkpoint import init_from

    torch.manual_seed(0)
    old_cfg = DiTConfig.from_preset("tiny", view_ray_bias=0.0)
    old = build_dit(old_cfg)
    save_checkpoint(tmp_path / "old", 1, old, old_cfg)
    new = build_dit("tiny")
    new_names = init_from(new, tmp_path / "old")
    assert new_names == sorted(f"view_blocks.{i}.ray_scale" for i in range(new.cfg.num_layers))
    sd = new.state_dict()
    for k, v in old.state_dict().items():
        torch.testing.assert_close(sd[k], v, rtol=0, atol=0)
    assert all(bool((sd[k] == 8.0).all()) for k in new_names)
    save_checkpoint(tmp_path / "new", 1, new, new.cfg)
    with pytest.raises(CvdError, match="unexpected keys"):
        init_from(build_dit(old_cfg), tmp_path / "new")
