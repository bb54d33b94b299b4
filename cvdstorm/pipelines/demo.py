"""`make demo` / `cvdstorm demo`: the main job on the embedded synthetic world.

In:  an output folder (and, for tests, smaller sizes). Out, under it:
     synth/        a synthetic nuScenes-format dataroot (data/synthetic.py), 2 scenes x 16 keyframes
     preview.mp4   its first scene: 6 cameras with box/map controls beside depth (report/preview.py)
Returns {"data": dataroot, "preview": mp4 path} and prints where they are. Today the demo stops at
the data; generation extends it once the models land. About a minute on 2 CPU cores.

Safety: an existing non-empty --out is refused unless overwrite; even then only our two outputs
are replaced, each atomically (the old one stays until the new one is complete).
"""

from __future__ import annotations

import time
from pathlib import Path

from ..data.synthetic import SynthConfig, write_dataset
from ..errors import CvdError
from ..report.preview import write_preview


def run_demo(out: str | Path = "outputs/demo", overwrite: bool = False, scenes: int = 2, frames: int = 16,
             width: int = 448, height: int = 256, seed: int = 0, progress: bool = True) -> dict[str, Path]:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CvdError(f"{out} exists and is a file; choose a folder for --out")
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise CvdError(f"{out} already exists; pass --overwrite to replace it or choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    tick = time.perf_counter()
    print(f"[1/2] synthetic world: {scenes} scenes x {frames} keyframes at {width}x{height} -> {out / 'synth'}")
    data = write_dataset(out / "synth", SynthConfig(scenes=scenes, frames=frames, width=width, height=height,
                                                    seed=seed), overwrite=True, progress=progress)
    print(f"[2/2] preview video of the first scene -> {out / 'preview.mp4'}")
    video = write_preview(data, out / "preview.mp4", width=width, height=height, progress=progress)
    print(f"done in {time.perf_counter() - tick:.0f} s\n"
          f"  synthetic world (nuScenes format): {data}\n"
          f"  preview video:                     {video}")
    return {"data": data, "preview": video}
