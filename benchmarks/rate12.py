"""The camera-rate (12 Hz) model against the 2 Hz one, and the cross-view / temporal ablation (issue 29).

On held-out scenes at 12 Hz (the val split of the training world written with `--sweeps 5`, and a world of
a new seed), with 3 reference frames and 0: each checkpoint generates `--frames` camera frames per scene
(`evaluate_generation`, the driver `cvdstorm evaluate --stage generation` runs), and the 12 Hz checkpoint
is run again with its cross-view blocks and then its temporal blocks switched off (the output projection of
every such block zeroed: the block then adds nothing, so the model runs without it). Prints one markdown
table per world: GS depth AbsRel, cross-view and temporal warp L1 of generated vs real frames (GS depth
both), control mIoU generated / real, PSNR, and FVD-16 where the I3D is available; the ablation ratios
(cross-view error with the blocks zeroed over with them).

    python benchmarks/rate12.py --checkpoint outputs/w12/pack [--baselines checkpoints/demo ...] [--scenes 2]
        [--frames 24] [--worlds val fresh] [--out outputs/rate12]

FVD-16 comes with its 90 % bootstrap interval over the (generated, real) camera-video pairs. Below each
table, the floor a DiT reaches on this VAE: the warp errors of the reference frames of the 3-reference runs,
which are the VAE's reconstructions of the real frames (encode, decode, GS depth) rather than generated ones.
"""

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from safetensors.torch import load_file, save_file  # noqa: E402

from cvdstorm.data.synth.writer import SynthConfig, write_dataset  # noqa: E402
from cvdstorm.demo import HELD_OUT_SEED, SHIPPED  # noqa: E402
from cvdstorm.eval import results as R  # noqa: E402
from cvdstorm.eval.generation import EVAL_JSON, pool_warp_l1  # noqa: E402
from cvdstorm.eval.generation_suite import evaluate_generation  # noqa: E402
from cvdstorm.hardware import describe  # noqa: E402
from cvdstorm.io import read_json  # noqa: E402

ROWS = (("GS depth AbsRel", "gen_depth_abs_rel"), ("PSNR", "psnr"),
        ("cross-view L1 generated", "crossview_l1_generated"), ("cross-view L1 real, GS depth", "crossview_l1_real_gs"),
        ("temporal L1 generated", "temporal_l1_generated"), ("temporal L1 real, GS depth", "temporal_l1_real_gs"),
        ("control mIoU generated", "control_miou_generated"), ("control mIoU real", "control_miou_real"),
        ("FVD-16", "fvd"), ("FVD-16 90 % interval", ("fvd_low", "fvd_high")))


def ablated(pack: Path, out: Path, block: str) -> Path:
    """A copy of the pack whose DiT has every `block` (view_blocks / temporal_blocks) output projection zeroed."""
    if (out / "dit" / "model.safetensors").is_file():
        return out
    shutil.copytree(pack, out, dirs_exist_ok=True)
    f = out / "dit" / "model.safetensors"
    sd = load_file(f)
    hit = [k for k in sd if k.startswith(f"{block}.") and ".out." in k]
    if not hit:
        raise SystemExit(f"{pack}: no {block}.*.out.* tensors to zero")
    for k in hit:
        sd[k] = sd[k] * 0
    save_file(sd, f)
    return out


def score(name: str, checkpoint: Path, dataroot: Path, out: Path, refs, args) -> dict:
    t = time.perf_counter()
    agg = evaluate_generation(checkpoint, dataroot, out / name, scenes=args.scenes, references=refs,
                              frames=args.frames, frame_rate="camera", split=args.split, fid=False, views=False,
                              steps=args.steps, log=lambda m: print(m, file=sys.stderr, flush=True))
    cols = {k: {key: tuple(agg.metric(x, k) for x in key) if isinstance(key, tuple) else agg.metric(key, k)
                for _, key in ROWS} for k in refs}
    for k in refs:  # the run folders, for the VAE floor
        cols[k]["runs"] = [Path(r["run"]) for r in agg.runs if r["references"] == k and r.get("run")]
    print(f"# {name}: {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    return cols


def vae_floor(runs: list[Path]) -> dict:
    """Warp L1 of the runs' reference frames (the VAE's reconstructions of real frames, GS depth) and of the
    real frames (GS depth), pixel-pooled over runs: what a DiT that reproduced the real latents would score."""
    refs = [R.RunEvaluation.from_json(read_json(run / EVAL_JSON, "evaluation"), str(run)).reference_frames
            for run in runs]
    return {(warp, src): pool_warp_l1((ref.get(R.warp_l1(warp, src)), ref.get(R.warp_pixels(warp, src)))
                                      for ref in refs)["l1"]
            for warp in R.WARPS for src in ("generated", "real_gs")}


def print_floor(cols: dict) -> None:
    """The VAE floor beside the generated / real ratio of the main model's 3-reference runs."""
    floor = vae_floor(cols["12 Hz model, 3 refs"]["runs"])
    for warp, label in (("crossview", "cross-view"), ("temporal", "temporal")):
        rec, real = floor.get((warp, "generated")), floor.get((warp, "real_gs"))
        gen, gen_real = (cols["12 Hz model, 3 refs"][R.warp_l1(warp, s)] for s in ("generated", "real_gs"))
        if rec and real and gen and gen_real:
            print(f"{label} L1 on the reference frames, VAE reconstruction / real (GS depth both): {rec:.3f} / "
                  f"{real:.3f} = {rec / real:.2f}x (the VAE's floor); generated / real: {gen / gen_real:.2f}x")


def table(title: str, cols: dict) -> None:
    names = list(cols)
    print(f"\n{title}\n\n| metric | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for label, key in ROWS:
        vals = [cols[n].get(key) for n in names]
        if all(v is None or (isinstance(v, tuple) and None in v) for v in vals):
            continue
        print(f"| {label} | " + " | ".join(cell(v) for v in vals) + " |")


def cell(v) -> str:
    if v is None or (isinstance(v, tuple) and None in v):
        return "—"
    return f"{v[0]:.0f}–{v[1]:.0f}" if isinstance(v, tuple) else f"{v:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", type=Path, required=True, help="the 12 Hz pack (cvdstorm pack)")
    ap.add_argument("--baselines", type=Path, nargs="+", default=[SHIPPED],
                    help="packs it is compared with, 3 references each (default: the 2 Hz demo model)")
    ap.add_argument("--dataroot", type=Path, default=Path("outputs/w12/synth"), help="the 12 Hz training world")
    ap.add_argument("--split", default="val")
    ap.add_argument("--scenes", type=int, default=2)
    ap.add_argument("--frames", type=int, default=24, help="camera frames per run (2 s at 12 Hz)")
    ap.add_argument("--steps", type=int, default=None, help="sampling steps (default: the model's)")
    ap.add_argument("--worlds", nargs="+", default=["val", "fresh"], choices=["val", "fresh"])
    ap.add_argument("--out", type=Path, default=Path("outputs/rate12"))
    args = ap.parse_args()
    print(f"processor: {describe()}; {args.scenes} {args.split} scenes x {args.frames} frames at 12 Hz",
          flush=True)
    fresh = args.out / "fresh_synth"
    if "fresh" in args.worlds and not (fresh / "v1.0-synth").is_dir():  # a world never trained on, written at the camera rate
        write_dataset(fresh, SynthConfig(scenes=args.scenes, frames=6, width=224, height=128, seed=HELD_OUT_SEED,
                                         sweeps=5), overwrite=True, progress=False)
    worlds = {"val": ("val scenes of the training world", args.dataroot, args.split),
              "fresh": (f"a world of a new seed ({HELD_OUT_SEED})", fresh, "all")}
    for world, root, split in (worlds[w] for w in args.worlds):
        args.split = split
        tag = "val" if split != "all" else "fresh"
        r12 = score("rate12", args.checkpoint, root, args.out / tag, (0, 3), args)
        cols = {"12 Hz model, 3 refs": r12[3], "12 Hz model, 0 refs": r12[0]}
        for i, base in enumerate(args.baselines):
            cols[f"{base}, 3 refs"] = score(f"base{i}", base, root, args.out / tag, (3,), args)[3]
        for block, label in (("view_blocks", "cross-view blocks zeroed"), ("temporal_blocks", "temporal blocks zeroed")):
            ck = ablated(args.checkpoint, args.out / f"ablate_{args.checkpoint.name}_{block}", block)
            cols[f"12 Hz, {label}"] = score(f"ablate_{block}", ck, root, args.out / tag, (3,), args)[3]
        table(f"## {world}: 12 Hz camera frames, {args.frames} per run, GS depth for every warp", cols)
        xv, xv0 = cols["12 Hz model, 3 refs"]["crossview_l1_generated"], \
            cols["12 Hz, cross-view blocks zeroed"]["crossview_l1_generated"]
        if xv and xv0:
            print(f"\ncross-view error with the cross-view blocks zeroed / with them: {xv0 / xv:.2f}")
        print_floor(cols)


if __name__ == "__main__":
    main()
