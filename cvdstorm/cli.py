"""The `cvdstorm` command. Thin: parses arguments and calls library functions that tests also call.

Each subcommand is a function `cmd_<name>(args)` registered in `build_parser`; library imports
happen inside the handlers so `cvdstorm --help` is instant. A `CvdError` (bad input the user can fix)
prints one line and exits with status 2; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import os
import sys

from .errors import CvdError


def _threads() -> None:
    # Two threads on the 2-core CPU machines this runs on in CI; users override with OMP_NUM_THREADS.
    import torch

    n = int(os.environ.get("OMP_NUM_THREADS", "0") or 0) or min(2, os.cpu_count() or 1)
    torch.set_num_threads(n)


# ------------------------------------------------------------------------------------ commands
def cmd_synth(args) -> None:
    from .data.synthetic import SynthConfig, write_dataset

    cfg = SynthConfig(scenes=args.scenes, seed=args.seed, frames=args.frames, width=args.width,
                      height=args.height, hz=args.hz, version=args.version)
    write_dataset(args.out, cfg, overwrite=args.overwrite)
    print(f"synthetic world written to {args.out} ({args.version}, {args.scenes} scenes)")


def cmd_preview(args) -> None:
    from .report.preview import write_preview

    out = write_preview(args.dataroot, args.out, version=args.version, scene=args.scene,
                        frames=args.frames, width=args.width, height=args.height)
    print(f"preview written to {out}")


def cmd_demo(args) -> None:
    from .pipelines.demo import run_demo

    run_demo(args.out, overwrite=args.overwrite)


# ------------------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cvdstorm", description=__doc__.splitlines()[0])
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("synth", help="write the procedural synthetic world in nuScenes format",
                       description="Write a procedural driving world (6 cameras, LiDAR, boxes, HD map, "
                                   "exact depth and semantics) as a nuScenes-format dataroot.")
    s.add_argument("--out", required=True, help="dataroot folder to write")
    s.add_argument("--scenes", type=int, default=2, help="number of scenes (default 2)")
    s.add_argument("--seed", type=int, default=0, help="random seed; same seed gives identical bytes")
    s.add_argument("--frames", type=int, default=40, help="keyframes per scene (default 40)")
    s.add_argument("--width", type=int, default=448, help="image width (default 448)")
    s.add_argument("--height", type=int, default=256, help="image height (default 256)")
    s.add_argument("--hz", type=float, default=2.0, help="keyframe rate in Hz (nuScenes: 2)")
    s.add_argument("--version", default="v1.0-synth", help="table folder name (default v1.0-synth)")
    s.add_argument("--overwrite", action="store_true", help="replace an existing dataroot")
    s.set_defaults(func=cmd_synth)

    s = sub.add_parser("preview", help="MP4 of a scene's 6 cameras with box/map overlays and depth",
                       description="Render a dataset scene as an MP4: the 6 cameras in the rig layout "
                                   "with box and map overlays, beside their depth.")
    s.add_argument("--dataroot", required=True)
    s.add_argument("--version", default="v1.0-synth")
    s.add_argument("--scene", default=None, help="scene name or token (default: the first)")
    s.add_argument("--out", required=True, help="output MP4 path")
    s.add_argument("--frames", type=int, default=None, help="at most this many keyframes")
    s.add_argument("--width", type=int, default=448)
    s.add_argument("--height", type=int, default=256)
    s.set_defaults(func=cmd_preview)

    s = sub.add_parser("demo", help="the main job on the embedded synthetic world (what `make demo` runs)",
                       description="Build the synthetic world and run the main job on it, writing "
                                   "everything under --out and printing where it is.")
    s.add_argument("--out", default="outputs/demo")
    s.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    s.set_defaults(func=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _threads()
    try:
        args.func(args)
    except CvdError as e:
        if args.debug:
            raise
        print(f"cvdstorm {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cvdstorm {args.command}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
