"""Dataclass configs with named size presets and a YAML round trip.

The config is the constructor (as in diffusers): a preset builds the model, is saved beside the
weights (`config.yaml`), and reloading that file rebuilds the same model.

    cfg = StormVAEConfig.from_preset("tiny")
    cfg.save("ckpt/config.yaml");  StormVAEConfig.load("ckpt/config.yaml") == cfg

Presets: `tiny` (unit tests, seconds on CPU), `demo` (trainable on 2 CPU cores in about an hour),
`paper` (SD3.5 sizes as in the CVD-STORM paper).
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .errors import CvdError

PRESET_NAMES = ("tiny", "demo", "paper")


@dataclass
class Config:
    """Base: nested dataclass <-> plain dict <-> YAML, and named presets.

    Subclasses set `PRESETS = {"tiny": {field: value, ...}, ...}`: overrides of the field defaults.
    Nested config fields take a preset of the same name unless overridden.
    """

    PRESETS: ClassVar[dict[str, dict[str, Any]]] = {}

    @classmethod
    def from_preset(cls, name: str, **overrides: Any):
        if cls.PRESETS and name not in cls.PRESETS:
            raise CvdError(f"unknown preset {name!r} for {cls.__name__}; choose one of {sorted(cls.PRESETS)}")
        kwargs: dict[str, Any] = {}
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            sub = hints[f.name]
            if isinstance(sub, type) and issubclass(sub, Config):
                kwargs[f.name] = sub.from_preset(name) if name in sub.PRESETS else sub()
        kwargs.update(cls.PRESETS.get(name, {}))
        kwargs.update(overrides)
        return cls.from_dict(kwargs)

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = v.to_dict() if isinstance(v, Config) else _plain(v)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]):
        if not isinstance(d, dict):
            raise CvdError(f"{cls.__name__}: expected a mapping, got {type(d).__name__}")
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown:
            raise CvdError(f"{cls.__name__}: unknown config key(s) {unknown}; valid keys are {sorted(names)}")
        kwargs = {}
        for k, v in d.items():
            t = hints[k]
            if isinstance(t, type) and issubclass(t, Config):
                kwargs[k] = v if isinstance(v, Config) else t.from_dict(v)
            elif typing.get_origin(t) is tuple and isinstance(v, list):
                kwargs[k] = tuple(v)
            else:
                kwargs[k] = v
        return cls(**kwargs)

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), sort_keys=False)

    @classmethod
    def from_yaml(cls, text: str):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise CvdError(f"config is not valid YAML: {e}") from None
        return cls.from_dict(data or {})

    def save(self, path: str | Path) -> None:
        from .io import write_bytes

        write_bytes(path, self.to_yaml().encode())

    @classmethod
    def load(cls, path: str | Path):
        path = Path(path)
        if not path.is_file():
            raise CvdError(f"missing config: {path} does not exist (a checkpoint folder needs config.yaml)")
        try:
            return cls.from_yaml(path.read_text())
        except CvdError as e:
            raise CvdError(f"{path}: {e}") from None


def _plain(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


# ----------------------------------------------------------------------------------------- data
@dataclass
class DataConfig(Config):
    """Which clips to read and at what size. See docs/DATA.md for the on-disk contract."""

    dataroot: str = "outputs/synth"
    version: str = "v1.0-synth"
    split: str = "train"                  # train / val: scenes are split by name hash (see data/clips.py)
    num_frames: int = 19                  # T, keyframes per clip
    frame_stride: int = 1                 # keyframe step between clip frames
    clip_hop: int = 0                     # keyframes between clip starts; 0: clips do not overlap
    height: int = 256
    width: int = 448
    context_frames: tuple[int, ...] = (0, 6, 12, 18)  # GS decoder inputs (paper: frames 1/7/13/19)
    num_targets: int = 3                  # random target (frame, camera) pairs rendered per clip
    map_radius: float = 80.0              # keep map polylines within this distance of the ego path (m)

    PRESETS: ClassVar = {
        "tiny": dict(num_frames=4, height=32, width=56, context_frames=(0, 3), num_targets=2),
        "demo": dict(num_frames=8, height=64, width=112, context_frames=(0, 2, 4, 6), num_targets=3),
        "paper": dict(num_frames=19, height=256, width=448, context_frames=(0, 6, 12, 18), num_targets=3),
    }


# ------------------------------------------------------------------------------------- training
@dataclass
class TrainConfig(Config):
    """Optimiser, schedule and bookkeeping shared by both training stages."""

    steps: int = 1000
    batch_size: int = 1
    lr: float = 1e-4
    min_lr: float = 1e-7
    warmup_steps: int = 100
    weight_decay: float = 0.01
    betas: tuple[float, float] = (0.9, 0.999)
    grad_clip: float = 1.0
    ema_decay: float = 0.0                # 0 disables EMA
    checkpoint_every: int = 100
    log_every: int = 10
    seed: int = 0
    num_workers: int = 0
    mixed_precision: str = "no"           # "bf16" is honoured on CUDA only; CPU trains in float32
    max_nonfinite_steps: int = 5          # stop with an error after this many NaN/Inf losses in a row

    PRESETS: ClassVar = {
        "tiny": dict(steps=20, warmup_steps=2, checkpoint_every=10, log_every=1),
        "demo": dict(steps=2000, warmup_steps=100, lr=2e-4, checkpoint_every=100),
        "paper": dict(steps=100000, warmup_steps=1000, lr=6e-5, min_lr=1e-7, batch_size=1,
                      checkpoint_every=1000, mixed_precision="bf16"),
    }
