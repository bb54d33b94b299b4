"""Demo-rate decision (issue 17): the shipped checkpoint on the demo's held-out world (seed 2029, what
`make demo` builds) at 2 Hz keyframes (18 frames = 9 s, the demo) and at 12 Hz camera frames (18 frames
= 1.5 s, the same world written with 5 camera sweeps between keyframes), 3 reference frames each, scored
by `evaluate_run` against the real frames. Prints a markdown table (README "Why the demo runs at 2 Hz");
about 90 s on 2 cores.

    python benchmarks/demo_rate.py [--out outputs/demo_rate]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.data.synth.writer import SynthConfig, write_dataset  # noqa: E402
from cvdstorm.demo import HELD_OUT_SEED, SHIPPED  # noqa: E402
from cvdstorm.eval.generation import evaluate_run  # noqa: E402
from cvdstorm.pipelines.generate import CVDStormPipeline  # noqa: E402

KEYS = (("PSNR", "psnr"), ("SSIM", "ssim"), ("ST-LPIPS", "lpips"), ("GS depth AbsRel", "gen_depth_abs_rel"),
        ("control mIoU generated", "control_miou_generated"), ("control mIoU real", "control_miou_real"),
        ("cross-view L1 generated", "crossview_l1_generated"),
        ("cross-view L1 real, GS depth", "crossview_l1_real_gs"), ("generation s", "seconds"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="outputs/demo_rate")
    args = ap.parse_args()
    out = Path(args.out)
    pipe = CVDStormPipeline.from_pretrained(SHIPPED)
    cols = {}
    # (rate, keyframes to write, sweeps between them): 18 frames at each rate
    for rate, keyframes, sweeps in (("keyframes", 18, 0), ("camera", 4, 5)):
        root = write_dataset(out / rate / "synth", SynthConfig(scenes=1, frames=keyframes, width=224, height=128,
                                                               seed=HELD_OUT_SEED, sweeps=sweeps),
                             overwrite=True, progress=False)
        t = time.perf_counter()
        run = pipe(dataroot=str(root), frames=18, references=3, frame_rate=rate, progress=False)
        seconds = time.perf_counter() - t
        s = evaluate_run(run.save(out / rate / "generated", overwrite=True), device="cpu", pipe=pipe).summary
        cols[rate] = {**s, "seconds": seconds}
    print("| shipped checkpoint, 18 frames, 3 references | 2 Hz keyframes (9 s) | 12 Hz camera frames (1.5 s) |")
    print("|---|---|---|")
    for label, key in KEYS:
        print(f"| {label} | " + " | ".join(f"{cols[r].get(key, float('nan')):.3f}" for r in ("keyframes", "camera"))
              + " |")


if __name__ == "__main__":
    main()
