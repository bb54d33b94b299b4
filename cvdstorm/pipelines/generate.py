"""`cvdstorm generate`: controlled 6-camera video, long autoregressive rollout, depth and 4D Gaussians.

In:  GenerateConfig: a checkpoint (folder with dit/ and vae/, or a train-dit run whose config names
     its STORM-VAE), a scene of a nuScenes-format dataroot, the frame rate (keyframes, or every camera
     frame: 12 Hz on nuScenes; default the DiT's training rate), start frame, length (frames, or
     seconds at that rate), number of real reference frames (0, 1 or 3), optional control edits
     (pipelines/edits.py), seed, steps, guidance.
Out: `CVDStormPipeline.from_pretrained(checkpoint)(cfg)` -> a GenerationRun in memory (pipelines/run.py:
     frames, depth, latents, per-window Gaussians, the scene record, every setting); `run.save(folder)`
     writes the run folder, whose layout pipelines/run.py and docs/run_format.md describe.
     `generate(cfg, out)` does both and keeps memory bounded (below); it returns the folder.
     `pipe.reconstruct(clip)`: Gaussians and depth of a real clip through the same STORM-VAE.

Long video (autoregressive windows). The DiT denoises windows of T frames (its training clip
length). Window 0 covers frames [0, T) with the first `references` frames fixed to the VAE latents
of the real frames (future prediction). Every later window starts `overlap` frames before the
previous one ended and holds those already generated frames fixed as clean references (t = 0, as in
training), so motion and appearance carry over; only its new frames are written. The last window
is shifted back to end exactly at the requested length (it then carries more references). Each
window is expressed in its own world frame (the ego pose of its first frame) with times from its
first frame, exactly like a training clip, so any length stays in the trained range of poses.
Drift: nothing ties window k to real data except the controls, so errors accumulate with k; the
evaluation (`cvdstorm evaluate --stage generation`) measures quality against horizon.

Memory: only latents [F, V, C, h, w] (small) and the span's cameras, boxes and captions (a few KiB
per frame) live for the whole video: no image of the span is read except the reference frames', and
each window's control images are drawn for that window. Each window is decoded (VAE frames,
GS-decoder Gaussians and depth) right after sampling, so activations never span more than one
window; with a work folder (`generate`, or `pipe(..., workdir=...)`) the frames and depth go into
memory-mapped rgb.npy / depth.npy, the control video into an unnamed memory-mapped file, and each
window's Gaussians into its .ply at once (tests/test_camera_rate.py measures it).
Same seed: the same frames, depth, latents and Gaussians (tests/test_run.py).
"""

from __future__ import annotations

import dataclasses
import math
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from .. import CAMERAS, __version__
from ..config import Config, DiTTrainConfig, FrameRate, StormVAEConfig
from ..data.clips import frames_at_rate, load_clip, scene_map
from ..data.conditions import clip_controls, control_images
from ..data.nuscenes import NuScenesReader, frame_hz
from ..errors import CvdError, require
from ..images import to_uint8
from ..io import OutputFolder, file_digest
from ..models.conditioning import make_conditions
from ..models.dit import CVDDiT, sample_latents
from ..models.loading import check_compatible, load_dit, load_storm_vae, resolve_checkpoint
from ..models.storm_vae import StormVAE
from ..models.text import load_text_encoder
from .edits import apply_edits, load_edits
from .ego_edits import edit_ego
from .reconstruct import Reconstruction, reconstruct_clip
from .run import GaussianWindows, GenerationRun, is_run, new_arrays, scratch_array
from .windows import decode_window, window_frame, window_gaussians, window_plan


@dataclass
class GenerateConfig(Config):
    """What `cvdstorm generate` takes (each field is a flag, or `--set field=value`)."""

    checkpoint: str = "checkpoints/demo"
    dataroot: str = "outputs/demo/synth"
    version: str = "v1.0-synth"
    scene: str | None = None          # name or token; default: the first val scene (else the first scene)
    frame_rate: FrameRate | None = None  # "keyframes" (2 Hz on nuScenes) or "camera" (12 Hz): the frames;
                                      # default: the DiT's training data.frame_rate
    start: int = 0                    # first frame of the scene (at frame_rate)
    frames: int | None = None         # length in frames at frame_rate (default: one window)
    seconds: float | None = None      # or length in seconds: round(seconds x the frame rate in Hz) frames
    references: int = 3               # real frames at the start (0: generated from controls alone)
    given_cameras: list[str] | None = None   # camera completion: these cameras' real frames are given on every
                                      # frame (held fixed, t = 0) and only the other cameras are generated
    overlap: int = 3                  # generated frames carried into the next window as references
    captions: list[str] | str | None = None   # caption override (all frames, or one per frame)
    edits: str | None = None          # edit file (YAML/JSON), see pipelines/edits.py
    seed: int = 0
    steps: int | None = None          # Euler steps (default: the model's flow.sample_steps)
    guidance: float | None = None     # CFG scale (default: the model's flow config)
    shift: float | None = None
    png: bool = False                 # also write PNG frames
    fps: float | None = None          # video frame rate (default: the frames' rate)
    device: str = "cpu"


@dataclass
class CVDStormPipeline:
    """A loaded checkpoint, ready to generate runs and to reconstruct real clips.

        pipe = CVDStormPipeline.from_pretrained("checkpoints/demo")
        run = pipe(dataroot="outputs/demo/synth", frames=18, references=3, seed=0)   # GenerationRun
        run.save("outputs/gen")
        rec = pipe.reconstruct(clip)   # a data.clips clip -> Gaussians + depth
    """

    dit: CVDDiT
    dit_cfg: DiTTrainConfig
    vae: StormVAE
    vae_cfg: StormVAEConfig
    text_encoder: object
    files: dict = field(default_factory=dict)   # weight file -> sha256
    checkpoint: str = ""                        # the folder it was loaded from
    device: str = "cpu"

    @classmethod
    def from_pretrained(cls, checkpoint: str | Path, device: str = "cpu") -> "CVDStormPipeline":
        """A checkpoint folder with dit/ and vae/ (what `pack` writes), or a train-dit run/step folder."""
        dit_dir, vae_dir = _checkpoint_dirs(checkpoint)
        dit, dit_cfg = load_dit(dit_dir, device)
        vae_dir = vae_dir or _named_vae(dit_dir, dit_cfg)
        vae, vae_cfg = load_storm_vae(vae_dir, device)
        check_compatible(dit_cfg, vae_cfg)
        return cls(dit, dit_cfg, vae.requires_grad_(False), vae_cfg, load_text_encoder(dit_cfg.dit),
                   _weight_digests(dit_dir, vae_dir), str(checkpoint), str(device))

    def __call__(self, cfg: GenerateConfig | None = None, *, workdir: str | Path | None = None,
                 progress: bool = True, **settings) -> GenerationRun:
        """Generate a run (module docstring) from a GenerateConfig and/or its fields as keywords
        (checkpoint and device default to the pipeline's). workdir: a folder where the frames, depth
        and Gaussians are kept as the run's files while they are made (bounded memory for long
        videos; `run.write(workdir)` then completes the folder); default: in memory."""
        if cfg is None:
            cfg = GenerateConfig(**{"checkpoint": self.checkpoint, "device": self.device, **settings})
        elif settings:
            cfg = dataclasses.replace(cfg, **settings)
        edits = _read_inputs(cfg)
        return _generate(self, cfg, edits, workdir, progress, _controls(self.dit_cfg, cfg, edits))

    def reconstruct(self, clip: dict) -> Reconstruction:
        """Gaussians and depth of a real clip (`reconstruct_clip` with this pipeline's STORM-VAE)."""
        return reconstruct_clip(self.vae, self.vae_cfg, clip)

    @torch.no_grad()
    def windowed_depth(self, clip: dict, plan: list[tuple[int, int]], T: int) -> np.ndarray:
        """GS-decoder depth float32 [F, V, H, W] of a real clip of F frames decoded in a run's windows
        (`window_plan` with T frames each): the real frames' latents go through exactly the decode a
        generated run's latents go through, so the two depths differ only by what was generated
        (eval: the fair reference for warp-based cross-view scores)."""
        F, V, _, H, W = clip["images"].shape
        dev = next(self.vae.parameters()).device
        ctx = [c for c in self.vae_cfg.data.context_frames if c < T]
        z = self.vae.encode(clip["images"].to(dev))[0].cpu()                               # [F, V, C, h, w]
        depth = np.zeros((F, V, H, W), np.float32)
        for k, (start, fixed) in enumerate(plan):
            sl, _, c2w, times = window_frame(clip, start, T)
            first = start + fixed if k else start
            _, depth[first:start + T], _ = decode_window(self.vae, z[sl], clip["intrinsics"][sl], c2w, times, ctx,
                                                         first - start, H, W)
        return depth


def _frame_count(cfg: GenerateConfig, rate: str, available: int, hz: float, window: int) -> int:
    if cfg.frames is not None and cfg.seconds is not None:
        raise CvdError("give the length as frames or as seconds, not both")
    n = (cfg.frames if cfg.frames is not None else
         int(round(cfg.seconds * hz)) if cfg.seconds is not None else window)
    require(n <= available, f"the scene has {available} {_UNITS[rate]} ({available / hz:.1f} s at {hz:.1f} Hz) from "
            f"start {cfg.start}; asked for {n} ({n / hz:.1f} s); use a shorter length or an earlier --start")
    return n


_UNITS = {"keyframes": "keyframes", "camera": "camera frames"}


def _read_inputs(cfg: GenerateConfig) -> dict:
    """The checks and the edit file that need no model: bad input fails before the models load."""
    if cfg.seconds is not None:
        require(math.isfinite(cfg.seconds) and cfg.seconds > 0,
                f"--seconds must be a positive number of seconds, got {cfg.seconds}")
    return load_edits(cfg.edits) if cfg.edits else {}


def generate(cfg: GenerateConfig, out: str | Path, overwrite: bool = False, progress: bool = True,
             pipe: CVDStormPipeline | None = None) -> Path:
    """Run generation (module docstring) into the folder `out` (pipelines/run.py layout), frames and
    Gaussians written as they are made; returns the folder."""
    with OutputFolder(out) as writer:  # one writer per folder; the check below runs under its lock
        writer.check(overwrite, is_run, "a generation output (no run.yaml)")
        edits = _read_inputs(cfg)
        # the scene, the frames and every edit are checked before the models load
        prep = _controls(pipe.dit_cfg if pipe else dit_config(cfg.checkpoint), cfg, edits)
        pipe = pipe or CVDStormPipeline.from_pretrained(cfg.checkpoint, cfg.device)
        tmp = writer.temp()
        _generate(pipe, cfg, edits, tmp, progress, prep).write(tmp)
        return writer.publish()


def _checkpoint_dirs(checkpoint: str | Path) -> tuple[Path, Path | None]:
    """(DiT step folder, STORM-VAE step folder or None: the one the DiT config names) of a checkpoint."""
    path = Path(checkpoint)
    if not path.exists():
        raise CvdError(f"missing checkpoint: {path} does not exist (give a folder with dit/ and vae/, or a "
                       f"train-dit run)")
    if (path / "dit").is_dir() and (path / "vae").is_dir():
        return resolve_checkpoint(path / "dit"), resolve_checkpoint(path / "vae")
    return resolve_checkpoint(path), None


def _named_vae(dit_dir: Path, dit_cfg: DiTTrainConfig) -> Path:
    require(bool(dit_cfg.vae_checkpoint), f"{dit_dir}/config.yaml names no vae_checkpoint")
    return resolve_checkpoint(dit_cfg.vae_checkpoint)


def _weight_digests(dit_dir: Path, vae_dir: Path) -> dict:
    return {str(f): file_digest(f) for d in (dit_dir, vae_dir) for f in sorted(d.glob("*.safetensors"))
            if f.name != "optimizer.safetensors"}


def checkpoint_files(checkpoint: str | Path) -> dict:
    """The weight files generation reads from a checkpoint -> sha256 (a run's `checkpoint_files`), without
    loading them: what tells a run made by these weights from one made by others at the same path."""
    dit_dir, vae_dir = _checkpoint_dirs(checkpoint)
    return _weight_digests(dit_dir, vae_dir or _named_vae(dit_dir, dit_config(checkpoint)))


def dit_config(checkpoint: str | Path) -> DiTTrainConfig:
    """A checkpoint's DiT config without its weights (clip length, image size, frame rate, map radius)."""
    dit_dir, _ = _checkpoint_dirs(checkpoint)
    try:
        return DiTTrainConfig.load(dit_dir / "config.yaml")
    except CvdError as e:
        raise CvdError(f"{dit_dir} is not a train-dit checkpoint ({e})") from None


def _controls(dcfg: DiTTrainConfig, cfg: GenerateConfig, edits: dict) -> dict:
    """Everything generation reads from the dataset, with the edits applied (no model needed): the
    scene, its frames at the rate, the window plan and the whole span's cameras, boxes, map and
    captions (world = ego pose of its first frame; no pixels: memory must not grow with F)."""
    T, H, W = dcfg.data.num_frames, dcfg.data.height, dcfg.data.width
    reader = NuScenesReader(cfg.dataroot, cfg.version).preload()
    if cfg.scene is None:
        from ..data.clips import split_scenes

        names = split_scenes(reader, "val") or reader.scene_names()
        scene = reader.scene(names[0])
    else:
        scene = reader.scene(cfg.scene)
    rate = cfg.frame_rate or dcfg.data.frame_rate
    samples_all = frames_at_rate(reader, scene, rate)
    require(0 <= cfg.start < len(samples_all),
            f"--start {cfg.start} is outside the scene's {len(samples_all)} {_UNITS[rate]}")
    hz = frame_hz(np.array([reader.timestamp(s) for s in samples_all], np.float64) * 1e-6,
                  f"scene {scene['name']} in {reader.vdir / 'sample.json'}")
    F = _frame_count(cfg, rate, len(samples_all) - cfg.start, hz, T)
    samples = samples_all[cfg.start:cfg.start + F]
    plan = window_plan(F, T, cfg.overlap, cfg.references)
    polylines = scene_map(reader, scene["name"], dcfg.data.map_radius)
    clip = load_clip(reader, samples, H, W, dcfg.data.map_radius, scene_polylines=polylines, pixels=False)
    captions = clip["captions"]
    if cfg.captions is not None:
        captions = [cfg.captions] * F if isinstance(cfg.captions, str) else list(cfg.captions)
        require(len(captions) == F, f"give one caption for all frames or exactly {F}, got {len(captions)}")
    boxes, captions = apply_edits(clip["boxes"], captions, clip["timestamps"].numpy(), edits)
    clip = {**clip, "boxes": boxes, "captions": captions}
    if edits.get("ego"):
        clip = edit_ego(clip, edits["ego"], reader, samples_all, cfg.references, dcfg.data.map_radius)
    return {"reader": reader, "scene": scene, "rate": rate, "hz": hz, "F": F, "samples": samples, "plan": plan,
            "polylines": polylines, "clip": clip}


@torch.no_grad()
def _generate(pipe: CVDStormPipeline, cfg: GenerateConfig, edits: dict, workdir: str | Path | None,
              progress: bool, prep: dict) -> GenerationRun:
    tick = time.perf_counter()
    dcfg, flow = pipe.dit_cfg, pipe.dit_cfg.dit.flow
    T, H, W = dcfg.data.num_frames, dcfg.data.height, dcfg.data.width
    reader, scene, rate, hz, F, samples, plan, polylines, clip = (
        prep[k] for k in ("reader", "scene", "rate", "hz", "F", "samples", "plan", "polylines", "clip"))
    boxes, captions = clip["boxes"], clip["captions"]
    names = tuple(dcfg.dit.control_names)

    dev = torch.device(cfg.device)
    dit, vae = pipe.dit.to(dev), pipe.vae.to(dev)
    C, s = dcfg.dit.in_channels, dcfg.dit.vae_downsample
    V = len(CAMERAS)
    latents = torch.zeros(F, V, C, H // s, W // s)
    if cfg.references:  # the real images generation reads: the reference frames ...
        images = load_clip(reader, samples[:cfg.references], H, W, dcfg.data.map_radius, scene_polylines=polylines)
        latents[:cfg.references] = vae.encode(images["images"].to(dev))[0].cpu()
    given = _given_cameras(cfg.given_cameras)                                             # [V] bool
    if given.any():    # ... and every frame of the given cameras (camera completion)
        for a in range(0, F, T):
            images = load_clip(reader, samples[a:a + T], H, W, dcfg.data.map_radius, scene_polylines=polylines)
            latents[a:a + T, given] = vae.encode(images["images"][:, given].to(dev))[0].cpu()

    rgb, depth = new_arrays(F, V, H, W, workdir)
    controls = scratch_array((F, V, H, W, 3), np.uint8, workdir)   # the control video: not a run file
    windows = GaussianWindows(folder=workdir)
    ctx = [c for c in pipe.vae_cfg.data.context_frames if c < T]
    steps = cfg.steps or flow.sample_steps
    guidance = flow.guidance_scale if cfg.guidance is None else cfg.guidance
    bar = tqdm(total=len(plan) * steps, desc="generate", disable=not progress, dynamic_ncols=True)
    timings = []
    for k, (start, fixed) in enumerate(plan):
        t0 = time.perf_counter()
        bar.set_description(f"generate window {k + 1}/{len(plan)}")
        sl, e2w, c2w, times = window_frame(clip, start, T)
        window = {"boxes": boxes[sl], "map": clip["map"], "intrinsics": clip["intrinsics"][sl],
                  "cam_to_world": clip["cam_to_world"][sl]}
        ctl = clip_controls(window, names, size=(H, W))                                    # {n: [T, V, 3, H, W]}
        cond = make_conditions([captions[sl]], clip["intrinsics"][sl][None], c2w[None], times[None],
                               {n: ctl[n][None] for n in names}, pipe.text_encoder, s, (H, W)).to(dev)
        noise = torch.randn((1, T, V, C, H // s, W // s), generator=torch.Generator().manual_seed(cfg.seed * 1000 + k))
        ref = ((torch.arange(T) < fixed)[:, None] | given[None])[None]                     # [1, T, V]
        z = sample_latents(dit, cond, noise.to(dev), steps=steps, shift=cfg.shift, guidance=guidance,
                           ref_latents=latents[sl][None].to(dev), ref_mask=ref.to(dev) if ref.any() else None,
                           callback=lambda i, x: bar.update(1))[0].cpu()
        new = slice(start + fixed if k else start, start + T)   # window 0 also writes its reference frames
        latents[new] = z[new.start - start:]
        # decode this window: VAE frames, GS decoder -> Gaussians -> depth of every new (frame, camera)
        rgb[new], depth[new], gs = decode_window(vae, z, clip["intrinsics"][sl], c2w, times, ctx, new.start - start,
                                                 H, W)
        windows.add(window_gaussians(gs, float(times[0]), e2w.to(dev), float(clip["timestamps"][start])))
        ctrl = control_images(boxes[new], clip["map"], clip["intrinsics"][new], clip["cam_to_world"][new], H, W,
                              names=names)                                              # [n, V, 3, H, W] in [0, 1]
        controls[new] = to_uint8(ctrl * 2 - 1)
        timings.append(round(time.perf_counter() - t0, 3))
    bar.close()

    settings = {"cvdstorm": __version__, "torch": str(torch.__version__), "python": platform.python_version(),
                "generate": dataclasses.asdict(cfg), "resolved": {"frame_rate": rate, "frames": F, "steps": steps, "guidance": guidance,
                "shift": flow.sample_shift if cfg.shift is None else cfg.shift, "fps": cfg.fps or hz, "window": T,
                "windows": [list(p) for p in plan], "image_size": [H, W], "scene": scene["name"]},
                "edits": edits, "checkpoint_files": pipe.files, "seconds_per_window": timings,
                "seconds_total": round(time.perf_counter() - tick, 2)}
    return GenerationRun(scene_record(cfg.dataroot, cfg.version, cfg.start, cfg.references, reader, scene, samples,
                                      clip, plan, rate), settings, rgb, depth, latents,
                         windows, controls)


def _given_cameras(names: list[str] | None) -> torch.Tensor:
    """The given cameras of camera completion as a [V] bool mask over CAMERAS (checked)."""
    names = list(names or [])
    unknown = sorted(set(names) - set(CAMERAS))
    require(not unknown, f"given_cameras: unknown camera(s) {unknown}; choose from {list(CAMERAS)}")
    require(len(set(names)) < len(CAMERAS), "given_cameras names every camera: nothing would be generated; "
            "leave at least one out")
    return torch.tensor([c in names for c in CAMERAS])


def scene_record(dataroot: str | Path, version: str, start: int, references: int, reader: NuScenesReader,
                 scene: dict, samples: list[str], clip: dict, plan, frame_rate: str = "keyframes") -> dict:
    """A run's scene.json: the source scene and frames (from `start` at `frame_rate`), `references` real
    frames, the windows of `plan`, the controls of every frame."""

    def boxes(b):
        return {"center": b["center"].tolist(), "size": b["size"].tolist(), "yaw": b["yaw"].tolist(),
                "rotation": b["rotation"].tolist(), "cls": b["cls"].tolist(), "instance": list(b["instance"]),
                "velocity": b["velocity"].tolist()}

    return {"scene": scene["name"], "scene_token": scene["token"], "dataroot": str(Path(dataroot).resolve()),
            "version": version, "start": start, "frame_rate": frame_rate, "samples": list(samples),
            "keyframes": [bool(k) for k in clip["keyframes"]],
            "timestamps": clip["timestamps"].tolist(), "references": references,
            "window_starts": [p[0] for p in plan], "window_fixed": [p[1] for p in plan],
            "cameras": list(CAMERAS), "captions": list(clip["captions"]),
            "world": "ego pose of the first generated frame (x forward, y left, z up), metres",
            "world_to_global": reader.ego_pose(samples[0]).tolist(),
            "intrinsics": clip["intrinsics"].tolist(), "cam_to_world": clip["cam_to_world"].tolist(),
            "ego_to_world": clip["ego_to_world"].tolist(), "boxes": [boxes(b) for b in clip["boxes"]],
            # an ego edit (pipelines/ego_edits.py): the poses above are the new path's, these the recorded
            **({"recorded_ego_to_world": clip["recorded_ego_to_world"].tolist()} if "recorded_ego_to_world" in clip
               else {})}
