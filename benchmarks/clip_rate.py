"""Clip reading at both frame rates: clips per second from `data.clips.ClipDataset` at 2 Hz keyframes
and at 12 Hz camera frames, over a synthetic world written with camera sweeps.

Default case: `cvdstorm synth` with 1 scene x 5 keyframes and 5 sweeps between keyframes (25
camera frames, 12 Hz) at 128x224, clips of 5 frames x 6 cameras at the world's size, one clip per
possible start (clip_hop 1). Per rate: the time to index the dataset (reader + frame lists: the
sweep chains are walked and grouped here), then one untimed read (the scene's map is cut once per
process) and clips read in turn until --reads clips were timed, in-process (no DataLoader workers). A 12 Hz clip of T frames covers a sixth of a 2 Hz one's time; its sweep frames have no
LiDAR to project (nuScenes' LiDAR sweeps are not read), so a frame costs a little less. The world is
written to a temporary folder and deleted afterwards unless --dataroot names an existing one.

    python benchmarks/clip_rate.py [--frames 5] [--sweeps 5] [--width 224 --height 128] [--clip-frames 5]
                                   [--reads 12] [--dataroot DIR --version v1.0-synth]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.hardware import describe  # noqa: E402
from cvdstorm.config import DataConfig  # noqa: E402
from cvdstorm.data.clips import ClipDataset  # noqa: E402
from cvdstorm.data.nuscenes import NuScenesReader  # noqa: E402
from cvdstorm.data.synth.writer import SynthConfig, write_dataset  # noqa: E402


def read_rate(root: Path, version: str, rate: str, T: int, height: int, width: int, reads: int) -> dict:
    tick = time.perf_counter()
    reader = NuScenesReader(root, version)
    cfg = DataConfig(dataroot=str(root), version=version, split="all", frame_rate=rate, num_frames=T, clip_hop=1,
                     height=height, width=width)
    ds = ClipDataset(cfg, reader)
    index_s = time.perf_counter() - tick
    clip = ds[0]
    tick = time.perf_counter()
    for i in range(reads):
        ds[i % len(ds)]
    read_s = time.perf_counter() - tick
    ts = clip["timestamps"].numpy()
    frames = sum(len(reader.scene_frames(s, rate)) for s in reader.scene_names())
    return {"rate": rate, "frames": frames, "clips": len(ds), "span": float(ts[-1] - ts[0]), "index_s": index_s,
            "read_s": read_s, "clips_per_s": reads / read_s, "frames_per_s": reads * T / read_s}


def main(argv=None) -> list[dict]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenes", type=int, default=1)
    p.add_argument("--frames", type=int, default=5, help="keyframes per scene of the world written")
    p.add_argument("--sweeps", type=int, default=5, help="camera frames between keyframes (5: 12 Hz)")
    p.add_argument("--width", type=int, default=224)
    p.add_argument("--height", type=int, default=128)
    p.add_argument("--clip-frames", type=int, default=5, help="frames per clip (T), at both rates")
    p.add_argument("--reads", type=int, default=12, help="clips read (timed) per rate")
    p.add_argument("--workers", type=int, default=2, help="render processes while writing the world")
    p.add_argument("--dataroot", default=None, help="read this dataroot (with sweeps) instead of writing one")
    p.add_argument("--version", default="v1.0-synth")
    args = p.parse_args(argv)
    tmp = None
    if args.dataroot:
        root = Path(args.dataroot)
        build = 0.0
    else:
        tmp = Path(tempfile.mkdtemp(prefix="clip-rate-bench-"))
        root = tmp / "data"
        cfg = SynthConfig(scenes=args.scenes, frames=args.frames, sweeps=args.sweeps, width=args.width,
                          height=args.height, workers=args.workers)
        print(f"writing the synthetic world ({args.scenes} x {args.frames} keyframes, {args.sweeps} sweeps between)",
              file=sys.stderr)
        tick = time.perf_counter()
        write_dataset(root, cfg, progress=False)
        build = time.perf_counter() - tick
    try:
        rows = [read_rate(root, args.version, rate, args.clip_frames, args.height, args.width, args.reads)
                for rate in ("keyframes", "camera")]
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"clip reading: {args.clip_frames} frames x 6 cameras at {args.height}x{args.width} per clip, clip_hop 1, "
          f"{args.reads} clips timed per rate, in-process; world {root if args.dataroot else 'written in %.1f s' % build}; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {describe()}")
    print()
    print("| frame rate | frames | clips | clip span s | index s | read s | clips/s | frames/s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['rate']} | {r['frames']} | {r['clips']} | {r['span']:.3f} | {r['index_s']:.2f} | {r['read_s']:.2f} | "
              f"{r['clips_per_s']:.2f} | {r['frames_per_s']:.1f} |")
    print()
    print("frames: every frame of the scenes at that rate; clips: distinct clips (read in turn); index s: reader + frame lists (the camera rate walks "
          "and groups the sweep chains); sweep frames carry no LiDAR, so nothing is projected for them")
    return rows


if __name__ == "__main__":
    main()
