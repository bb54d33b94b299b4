"""Synthetic-world benchmark: time `cvdstorm synth` for one scene and print a per-stage table.

Default case: 1 scene x 40 keyframes x 6 cameras at 256x448 with 2 render processes (the target
is under a minute on 2 cores). Stage times are summed over frames; with several worker processes
the render stages run in parallel, so their sum exceeds the wall time. CPU seconds of all
processes are printed too: on a shared machine they are the steadier number. The dataset is
written to a temporary folder and deleted afterwards unless --keep is given.

    python benchmarks/synth.py [--frames 40] [--width 448 --height 256] [--workers 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.hardware import describe  # noqa: E402
from cvdstorm.data.synth.writer import SynthConfig, write_dataset  # noqa: E402


def main(argv=None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenes", type=int, default=1)
    p.add_argument("--frames", type=int, default=40)
    p.add_argument("--width", type=int, default=448)
    p.add_argument("--height", type=int, default=256)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--keep", default=None, help="write the dataset here and keep it")
    args = p.parse_args(argv)
    cfg = SynthConfig(scenes=args.scenes, frames=args.frames, width=args.width, height=args.height,
                      workers=args.workers, seed=args.seed)
    tmp = None
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="synth-bench-")) / "data"
    tmp = None if args.keep else out.parent
    timings: dict[str, float] = {}
    cpu0 = _cpu()
    t0 = time.perf_counter()
    try:
        write_dataset(out, cfg, overwrite=bool(args.keep), progress=True, timings=timings)
        wall = time.perf_counter() - t0
        cpu = _cpu() - cpu0  # this process + its finished worker processes
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    n = cfg.scenes * cfg.frames
    print(f"\nsynth: {cfg.scenes} scene(s) x {cfg.frames} keyframes x 6 cameras at {cfg.height}x{cfg.width}, "
          f"LiDAR 32x{cfg.lidar_azimuths}, {cfg.workers} worker process(es)")
    print(f"{'stage':<16}{'total s':>10}{'per frame s':>14}")
    for k, v in timings.items():
        print(f"{k:<16}{v:>10.2f}{v / n:>14.3f}")
    print(f"{'wall':<16}{wall:>10.2f}{wall / n:>14.3f}")
    print(f"{'cpu (all procs)':<16}{cpu:>10.2f}{cpu / n:>14.3f}")
    print(f"output: {size / 1e6:.1f} MB; {n / wall:.2f} keyframes/s; load average {_load()}; {describe()}")
    return {"wall_s": wall, "cpu_s": cpu, "per_frame_s": wall / n, **timings}


def _cpu() -> float:
    """User + system CPU seconds of this process and its waited-for children (the render workers)."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in __import__("os").getloadavg())
    except OSError:
        return "n/a"


if __name__ == "__main__":
    main()
