"""Preview MP4 and the demo: layout, frame count, and bad input through the CLI (exit 2, one line,
no traceback, earlier output untouched)."""

import json
import shutil

import numpy as np
import pytest
from PIL import Image

from cvdstorm import CAMERAS
from cvdstorm.cli import main
from cvdstorm.config import DataConfig
from cvdstorm.data.clips import ClipDataset
from cvdstorm.demo import run_demo
from cvdstorm.errors import CvdError
from cvdstorm.images import RIG_LAYOUT, to_uint8
from cvdstorm.io import read_video
from cvdstorm.report.preview import CAPTION_HEIGHT, write_preview
from checkpoints import make_checkpoint

VERSION = "v1.0-synth"
h, w = 32, 56


def test_preview_layout_and_content(synth_root, tmp_path):
    out = write_preview(synth_root, tmp_path / "p.mp4", VERSION, scene="scene-0002", frames=3, width=w, height=h)
    v = read_video(out).astype(np.float32)
    assert v.shape == (3, CAPTION_HEIGHT + 2 * h, 6 * w, 3)
    clip = ClipDataset(DataConfig(dataroot=str(synth_root), split="val", num_frames=3, height=h, width=w))[0]
    assert clip["scene"] == "scene-0002"
    cams = to_uint8(clip["images"]).astype(np.float32)  # [T, V, h, w, 3]
    for t in range(3):
        body = v[t, CAPTION_HEIGHT:]
        for row, views in enumerate(RIG_LAYOUT):
            for col, cam in enumerate(views):
                tile = body[row * h:(row + 1) * h, col * w:(col + 1) * w]
                # the camera image under sparse overlays, up to H.264 loss
                assert np.median(np.abs(tile - cams[t, cam])) < 12, (t, CAMERAS[cam])
                depth_tile = body[row * h:(row + 1) * h, 3 * w + col * w:3 * w + (col + 1) * w]
                sky = clip["depth"][t, cam].numpy() == 0
                assert depth_tile[~sky].mean() > 40  # coloured depth
                if sky.sum() > 0.1 * sky.size:
                    assert depth_tile[sky].mean() < 40  # unknown depth (sky) is black
        assert (v[t, :CAPTION_HEIGHT] > 200).sum() > 50  # caption text


def test_preview_cli_and_bad_input_keep_the_output(synth_root, tmp_path, capsys):
    root = tmp_path / "copy"
    shutil.copytree(synth_root, root)
    out = tmp_path / "preview.mp4"
    args = ["preview", "--dataroot", str(root), "--out", str(out), "--width", str(w), "--height", str(h), "--frames", "2"]
    assert main(args) == 0
    assert f"preview written to {out}" in capsys.readouterr().out
    good = out.read_bytes()
    assert read_video(out).shape[0] == 2

    def fails(*needles, extra=()):  # with --overwrite: even a replacing run keeps the old file on bad input
        assert main(args + ["--overwrite"] + list(extra)) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("cvdstorm preview: error: ") and "Traceback" not in err, err
        for n in needles:
            assert n in err, (n, err)
        assert out.read_bytes() == good  # the earlier output is intact
        assert sorted(p.name for p in tmp_path.iterdir()) == ["copy", "preview.mp4"]  # no temporary left behind

    fails("unknown scene 'nope'", extra=["--scene", "nope"])
    vdir = root / VERSION
    # truncated image: the error comes mid-video, after frames were encoded
    img = sorted((root / "samples" / "CAM_BACK").glob("*.jpg"))[1]
    saved = img.read_bytes()
    img.write_bytes(saved[:500])
    fails("corrupt CAM_BACK image", img.name)
    img.write_bytes(saved)
    # NaN in an ego pose
    rows = json.loads((vdir / "ego_pose.json").read_text())
    keep = json.dumps(rows)
    rows[0]["translation"][1] = float("nan")
    (vdir / "ego_pose.json").write_text(json.dumps(rows))
    fails(f"ego_pose {rows[0]['token']}", "NaN")
    (vdir / "ego_pose.json").write_text(keep)
    # a camera the rig does not know (CAM_FRONT renamed): the missing camera is named
    sensors = json.loads((vdir / "sensor.json").read_text())
    keep = json.dumps(sensors)
    for s in sensors:
        if s["channel"] == "CAM_FRONT":
            s["channel"] = "CAM_ROOF"
    (vdir / "sensor.json").write_text(json.dumps(sensors))
    fails("no keyframe CAM_FRONT record", "sample_data.json")
    (vdir / "sensor.json").write_text(keep)
    # corrupt and missing tables
    (vdir / "sample.json").write_text("{ not json")
    fails("sample.json", "not valid JSON")
    (vdir / "sample.json").unlink()
    fails("missing nuScenes table 'sample'")
    fails("does not exist", extra=["--dataroot", str(tmp_path / "nowhere")])
    fails("must be an .mp4", extra=["--out", str(tmp_path / "x.gif")])


def test_demo_end_to_end_tiny(tmp_path, capsys, synth_root):
    ckpt = make_checkpoint(tmp_path / "ckpt", synth_root)
    out = tmp_path / "demo"
    import torch
    from test_fvd import FakeI3D

    fake = tmp_path / "i3d_torchscript.pt"  # FVD's network stand-in (the real I3D: ~2 s per video, tests/test_i3d.py)
    torch.jit.save(torch.jit.script(FakeI3D()), str(fake))
    kw = dict(checkpoint=ckpt, scenes=1, frames=5, width=w, height=h, steps=1, progress=False, i3d=fake)
    res = run_demo(out, **kw)
    assert res["data"] == out / "synth" and (out / "synth" / VERSION / "scene.json").is_file()
    v = read_video(res["preview"])
    assert v.shape == (5, CAPTION_HEIGHT + 2 * h, 6 * w, 3) and v.std() > 10
    assert read_video(res["generated"] / "video.mp4").shape == (5, 2 * h, 3 * w, 3)
    still = np.asarray(Image.open(res["still"]))
    assert still.shape == (2 * 18 + 8 * h, 6 * w, 3)
    rgb = np.load(res["generated"] / "rgb.npy")
    front = CAMERAS.index("CAM_FRONT")   # top row, middle tile, 2x nearest up-sampled, below an 18-px bar
    assert np.array_equal(still[18:18 + 2 * h:2, 2 * w:4 * w:2], rgb[-1, front])
    page = res["report"].read_text()
    assert "generated/video.mp4" in page and "preview.mp4" in page
    printed = capsys.readouterr().out
    scores = json.loads((res["generated"] / "eval_generation.json").read_text())
    assert scores["summary"]["fvd"] == scores["fvd"]["ref3"] > 0 and scores["fvd"]["videos"] == len(CAMERAS)
    assert "FVD-16, 6 camera videos" in printed and scores["fvd"]["protocol"].startswith("FVD-16: TorchScript I3D")
    assert "TF1 resize_bilinear" in page
    for key in ("preview", "data", "report"):
        assert str(res[key]) in printed
    assert str(res["generated"] / "video.mp4") in printed
    good = res["preview"].read_bytes()
    with pytest.raises(CvdError, match="--overwrite"):
        run_demo(out, **kw)
    assert main(["demo", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--overwrite" in err and res["preview"].read_bytes() == good
    (tmp_path / "file").write_text("x")
    with pytest.raises(CvdError, match="is a file"):
        run_demo(tmp_path / "file", overwrite=True, **kw)
    with pytest.raises(CvdError, match="no demo checkpoint"):
        run_demo(out, overwrite=True, **{**kw, "checkpoint": tmp_path / "missing"})
    res = run_demo(out, overwrite=True, **{**kw, "frames": 4})
    assert read_video(res["preview"]).shape[0] == 4 and read_video(res["generated"] / "depth.mp4").shape[0] == 4
