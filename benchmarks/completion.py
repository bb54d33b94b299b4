"""Camera completion on held-out scenes: do the cross-view blocks carry a camera's content across the rig?

One camera is generated while the other five are given (their real frames, held fixed at t = 0 on every
frame; `generate --given-cameras`), with no reference frames, so what the generated camera can know of the
scene beyond its controls comes through the cross-view blocks. Scored against the camera's real frames
(PSNR over the whole image, and L1 where its neighbours see the same surfaces: the real neighbours warped
into it with exact depth, `eval.crossview.warp_pair`), for the checkpoint as it is and with its cross-view
blocks switched off (every view block's output projection zeroed, as benchmarks/rate12.py does). A model
whose cross-view blocks work scores much better with them; one whose do not scores the same.

    python benchmarks/completion.py --checkpoint outputs/w12/pack_cv [--baselines checkpoints/demo12]
        [--dataroot outputs/w12/synth] [--scenes 2] [--frames 24] [--cameras CAM_FRONT CAM_BACK_LEFT]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np  # noqa: E402

from cvdstorm import CAMERAS  # noqa: E402
from cvdstorm.data.clips import load_clip, split_scenes  # noqa: E402
from cvdstorm.data.nuscenes import NuScenesReader  # noqa: E402
from cvdstorm.eval.crossview import warp_pair  # noqa: E402
from cvdstorm.eval.metrics import psnr  # noqa: E402
from cvdstorm.hardware import describe  # noqa: E402
from cvdstorm.images import to_float_images, to_uint8  # noqa: E402
from cvdstorm.pipelines.generate import CVDStormPipeline, GenerateConfig  # noqa: E402
from rate12 import ablated  # noqa: E402  (benchmarks/rate12.py)


def overlap_l1(gen, real, depth, K, c2w, v: int) -> tuple[float, int]:
    """L1 between the generated camera v [T, 3, H, W] and its two real neighbours warped into it with their
    exact depth, over the pixels they see; -> (mean L1 in [0, 1] units, pixels)."""
    total, n = 0.0, 0
    for u in ((v - 1) % len(CAMERAS), (v + 1) % len(CAMERAS)):
        for t in range(gen.shape[0]):
            r = warp_pair(real[t, u], depth[t, u], K[t, u], c2w[t, u], gen[t], K[t, v], c2w[t, v])
            if r["pixels"]:
                total += r["l1"] * r["pixels"]
                n += r["pixels"]
    return (total / n if n else float("nan")), n


def score(pack: Path, reader, scenes, cams, args) -> dict:
    pipe = CVDStormPipeline.from_pretrained(pack)
    H, W = pipe.dit_cfg.data.height, pipe.dit_cfg.data.width
    out = {}
    for cam in cams:
        v = CAMERAS.index(cam)
        ps, l1, px = [], 0.0, 0
        for name in scenes:
            cfg = GenerateConfig(checkpoint=str(pack), dataroot=str(args.dataroot), scene=name, frames=args.frames,
                                 references=0, given_cameras=[c for c in CAMERAS if c != cam], steps=args.steps,
                                 frame_rate="camera", seed=0)
            run = pipe(cfg, progress=False)
            clip = load_clip(reader, run.scene["samples"], H, W)
            gen = to_float_images(np.asarray(run.rgb))[:, v]                      # [T, 3, H, W]
            real = to_float_images(to_uint8(clip["images"]))                      # [T, V, 3, H, W], 8-bit as runs
            ps.append(float(psnr(gen, real[:, v]).mean()))
            e, n = overlap_l1(gen, real, clip["depth"], clip["intrinsics"], clip["cam_to_world"], v)
            if n:
                l1, px = l1 + e * n, px + n
        out[cam] = {"psnr": float(np.mean(ps)), "overlap_l1": l1 / px if px else float("nan")}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", type=Path, required=True, help="a packed 12 Hz checkpoint (cvdstorm pack)")
    ap.add_argument("--baselines", type=Path, nargs="*", default=[], help="other packs scored the same way")
    ap.add_argument("--dataroot", type=Path, default=Path("outputs/w12/synth"))
    ap.add_argument("--split", default="val")
    ap.add_argument("--scenes", type=int, default=2)
    ap.add_argument("--frames", type=int, default=24)
    ap.add_argument("--steps", type=int, default=15)
    ap.add_argument("--cameras", nargs="+", default=["CAM_FRONT", "CAM_BACK_LEFT"], choices=list(CAMERAS))
    ap.add_argument("--out", type=Path, default=Path("outputs/completion"), help="where the ablated packs go")
    args = ap.parse_args()
    reader = NuScenesReader(args.dataroot).preload()
    scenes = (split_scenes(reader, args.split) or reader.scene_names())[:args.scenes]
    print(f"processor: {describe()}; camera completion on {scenes} ({args.split}), {args.frames} camera frames, "
          f"{args.steps} steps, no reference frames, the other five cameras given", flush=True)
    cols = {}
    for pack in [args.checkpoint, *args.baselines]:
        for label, ck in ((f"{pack}", pack),
                          (f"{pack}, cross-view blocks zeroed", ablated(pack, args.out / f"ablate_{pack.name}", "view_blocks"))):
            t = time.perf_counter()
            cols[label] = score(ck, reader, scenes, args.cameras, args)
            print(f"# {label}: {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    names = list(cols)
    print("\n| generated camera (5 given) | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for cam in args.cameras:
        print(f"| {cam} PSNR | " + " | ".join(f"{cols[n][cam]['psnr']:.2f}" for n in names) + " |")
        print(f"| {cam} L1 where neighbours see it | " + " | ".join(f"{cols[n][cam]['overlap_l1']:.4f}" for n in names)
              + " |")


if __name__ == "__main__":
    main()
