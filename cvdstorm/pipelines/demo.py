"""`make demo` / `cvdstorm demo`: the main job on the embedded synthetic world.

Today: builds a small synthetic nuScenes-format world and writes a preview video of a scene (6
cameras with box/map controls and depth). Generation extends this once the models land.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..data.synthetic import SynthConfig, write_dataset
from ..errors import CvdError
from ..report.preview import write_preview


def run_demo(out: str | Path = "outputs/demo", overwrite: bool = False, scenes: int = 2, frames: int = 16,
             width: int = 448, height: int = 256, seed: int = 0) -> dict[str, Path]:
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise CvdError(f"{out} already exists; pass --overwrite to replace it or choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    data = write_dataset(out / "synth", SynthConfig(scenes=scenes, frames=frames, width=width, height=height,
                                                    seed=seed, hz=4.0))
    video = write_preview(data, out / "preview.mp4", width=width, height=height, fps=4.0)
    print(f"synthetic world: {data}\npreview video:   {video}")
    return {"data": data, "preview": video}
