"""Control-fidelity segmenter: mIoU against a brute-force count, deterministic quick training, CLI."""

import numpy as np
import pytest
import torch

from cvdstorm.errors import CvdError
from cvdstorm.eval.segmentation import (CLASS_NAMES, ConfusionMatrix, Segmenter, SegNet, control_fidelity,
                                        load_frames, miou, train_segmenter)


def _brute_iou(pred, gt, c):
    inter = union = 0
    for p, g in zip(pred.ravel().tolist(), gt.ravel().tolist()):
        inter += (p == c and g == c)
        union += (p == c or g == c)
    return None if union == 0 else inter / union


def test_miou_brute_force(rng):
    gt = rng.integers(0, 5, (3, 17, 23))           # classes 5..7 absent from ground truth
    pred = np.where(rng.random(gt.shape) < 0.7, gt, rng.integers(0, 7, gt.shape))  # predicts 5, 6 sometimes
    r = miou(pred, gt, num_classes=8)
    expect = [_brute_iou(pred, gt, c) for c in range(8)]
    assert expect[7] is None and expect[5] == 0.0   # never predicted nor present / predicted, absent
    for c, name in enumerate(CLASS_NAMES):
        if expect[c] is None:
            assert r["iou"][name] is None
        else:
            assert r["iou"][name] == pytest.approx(expect[c])
    present = [e for e in expect if e is not None]
    assert r["miou"] == pytest.approx(sum(present) / len(present))
    assert r["pixel_accuracy"] == pytest.approx((pred == gt).mean())
    # streaming over parts equals one pass; torch inputs work; ignore_index drops pixels
    cm = ConfusionMatrix(8)
    for i in range(3):
        cm.update(torch.from_numpy(pred[i]), gt[i])
    assert cm.result()["miou"] == pytest.approx(r["miou"])
    r_ign = miou(pred, gt, 8, ignore_index=0)
    keep = gt != 0
    assert r_ign["iou"]["road"] == pytest.approx(_brute_iou(pred[keep], gt[keep], 1))
    assert miou(gt, gt)["miou"] == 1.0
    with pytest.raises(CvdError, match="differ in size"):
        miou(pred[:1], gt)


def test_segnet_any_size():
    net = SegNet(width=8)
    assert net(torch.zeros(2, 3, 37, 61)).shape == (2, 8, 37, 61)


def test_train_deterministic_and_learns(synth_root, tmp_path):
    frames = load_frames(synth_root, split="all", height=32, width=56)
    assert frames[0].shape == (60, 32, 56, 3) and frames[1].max() < len(CLASS_NAMES)
    a = train_segmenter(None, tmp_path / "a", steps=3, batch_size=2, frames=frames, progress=False)
    b = train_segmenter(None, tmp_path / "b", steps=3, batch_size=2, frames=frames, progress=False)
    assert (tmp_path / "a" / "model.safetensors").read_bytes() == (tmp_path / "b" / "model.safetensors").read_bytes()
    assert a["log"] == b["log"]

    meta = train_segmenter(synth_root, tmp_path / "seg", steps=80, batch_size=4, lr=1e-2, height=32, width=56,
                           split="all", progress=False)
    assert meta["log"][-1]["loss"] < 0.75 * meta["log"][0]["loss"]
    assert meta["train_pixel_accuracy"] > 0.65     # the most frequent class (building) covers ~43 %
    seg = Segmenter.load(tmp_path / "seg")
    # full-size frames [T, V, 3, 64, 112] go through the resize path; real frames beat noise
    imgs, masks = load_frames(synth_root, split="all", height=64, width=112)
    x = torch.from_numpy(imgs[:12]).permute(0, 3, 1, 2).float().reshape(2, 6, 3, 64, 112) / 127.5 - 1
    gt = torch.from_numpy(masks[:12].astype(np.int64)).reshape(2, 6, 64, 112)
    good = control_fidelity(seg, x, gt)
    noise = control_fidelity(seg, torch.rand_like(x) * 2 - 1, gt)
    assert seg(x).shape == (2, 6, 64, 112)
    wrong = control_fidelity(seg, x, gt.roll(1, dims=1))   # each view against another view's masks
    assert good["miou"] > noise["miou"] + 0.05
    assert good["miou"] > wrong["miou"] + 0.05
    assert set(good["iou"]) == set(CLASS_NAMES)


def test_missing_weights_and_cli(tmp_path, synth_root):
    with pytest.raises(CvdError, match="train-seg"):
        Segmenter.load(tmp_path / "none")
    from cvdstorm.cli import main

    assert main(["train-seg", "--dataroot", str(synth_root), "--out", str(tmp_path / "cli"), "--steps", "2",
                 "--batch-size", "2", "--height", "32", "--width", "56", "--split", "all"]) == 0
    assert Segmenter.load(tmp_path / "cli").input_size == (32, 56)
    assert main(["train-seg", "--dataroot", str(tmp_path / "nope"), "--out", str(tmp_path / "x")]) == 2
