"""Dataclass configs with named size presets and a YAML round trip.

The config is the constructor (as in diffusers): a preset builds the model, is saved beside the
weights (`config.yaml`), and reloading that file rebuilds the same model.

    cfg = StormVAEConfig.from_preset("tiny")
    cfg.save("ckpt/config.yaml");  StormVAEConfig.load("ckpt/config.yaml") == cfg

Presets: `tiny` (unit tests, seconds on CPU), `demo` (trainable on 2 CPU cores in about an hour),
`paper` (SD3.5 sizes as in the CVD-STORM paper).

Every value is checked against its field's type when a config is built from a dict or file, and a
bad one fails in one line naming the dotted key (`train.lr`). `cfg.with_overrides({"train.lr": 1e-4})`
changes keys the same checked way; `Cls.parse_overrides(["train.lr=1e-4"])` reads the CLI's
`--set KEY=VALUE` texts for it (an unknown key lists the close matches).
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .errors import CvdError
from .geometry import EVAL_MAX_DEPTH

PRESET_NAMES = ("tiny", "demo", "paper")


# What a clip's frames are: the annotated samples (2 Hz on nuScenes) or every camera frame (12 Hz). A typed
# value: every config field of this type is checked when the config is built, however it is built.
FrameRate = typing.Literal["keyframes", "camera"]
FRAME_RATES: tuple[str, ...] = typing.get_args(FrameRate)


def _describe(t: Any) -> str:
    """What a field of type `t` takes, in the words of the error messages."""
    origin = typing.get_origin(t)
    if origin is typing.Literal:
        return f"one of {list(typing.get_args(t))}"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(t))
    return {bool: "true or false", int: "an integer", float: "a number (not NaN or inf)", str: "text",
            type(None): "null", tuple: "a list", list: "a list", dict: "a mapping"}.get(origin or t, str(t))


def _check_type(key: str, name: str, v: Any, t: Any) -> None:
    """One line naming the key when a value does not fit its field (YAML gives str for `abc`, float for
    `4.5`), instead of a TypeError deep inside model construction. An int is a valid float.
    `key`: the dotted path from the top config (`train.lr`); `name`: the field (`TrainConfig.lr`)."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    what = _describe(t)
    if origin in (typing.Union, types.UnionType):  # `int | None`: fits when any member does
        for a in args:
            try:
                _check_type(key, name, v, a)
                return
            except CvdError:
                pass
        ok = False
    elif origin is typing.Literal:
        ok = v in args
    elif t is type(None):
        ok = v is None
    elif t is bool:
        ok = isinstance(v, bool)
    elif t is int:
        ok = isinstance(v, int) and not isinstance(v, bool)
    elif t is float:  # NaN / inf would train or sample silently into NaNs
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    elif t is str:
        ok = isinstance(v, str)
    elif origin in (tuple, list):
        ok = isinstance(v, (list, tuple))
        fixed = origin is tuple and not (len(args) == 2 and args[1] is Ellipsis)
        if ok and fixed:
            ok, what = len(v) == len(args), f"a list of {len(args)} values"
        if ok:
            for i, x in enumerate(v):
                _check_type(f"{key}[{i}]", f"{name}[{i}]", x, args[i] if fixed else args[0])
    elif origin is dict:
        ok = isinstance(v, dict)
    else:
        return
    if not ok:
        raise CvdError(f"bad config key {key} ({name}: expected {what}, got {v!r})")


def _is_config(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Config)


def _field_types(cls: type) -> dict[str, Any]:
    """Field name -> resolved type (annotations are strings under `from __future__ import annotations`)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def config_keys(cls: type) -> list[str]:
    """Every dotted key of a config class, nested sections expanded (`train.lr`, `data.num_frames`...)."""
    out = []
    for name, t in _field_types(cls).items():
        out += [f"{name}.{k}" for k in config_keys(t)] if _is_config(t) else [name]
    return out


def _unknown_key(cls: type, key: str, where: str = "") -> CvdError:
    """One line: `key` is not in section `cls` (at dotted `where`); the close matches among its dotted
    keys (difflib, and keys with the same last part) and the section's valid keys."""
    full = f"{where}.{key}" if where else key
    known = [f"{where}.{k}" if where else k for k in config_keys(cls)]
    close = difflib.get_close_matches(full, known, n=3, cutoff=0.6)
    close += [k for k in known if k.rsplit(".", 1)[-1] == full.rsplit(".", 1)[-1] and k not in close]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return CvdError(f"unknown config key {full} for {cls.__name__}{hint} (valid keys are {sorted(_field_types(cls))})")


def _field_type(cls: type, key: str) -> Any:
    """The type of dotted `key` (`train.lr`) in config class `cls`; an unknown key fails with the
    close matches in the deepest section the key reached."""
    parts = key.split(".")
    for i, part in enumerate(parts):
        if not _is_config(cls):
            raise CvdError(f"config key {'.'.join(parts[:i])} is a value, not a section: it has no key {part!r}")
        t = _field_types(cls).get(part)
        if t is None:
            raise _unknown_key(cls, ".".join(parts[i:]), ".".join(parts[:i]))
        cls = t
    return cls


def _text_value(text: str, t: Any) -> Any:
    """A `--set` value: a YAML scalar or flow list/mapping (`1e-4`, `true`, `[0, 3]`, `null`). Text
    fields keep the text as typed (`version=1.0`, `scene=0001`), unless it is a YAML list, mapping or
    null the field also takes; integers given to number fields become floats."""
    try:
        v = yaml.load(text, Loader=_ValueLoader)
    except yaml.YAMLError:
        v = text
    members = typing.get_args(t) if typing.get_origin(t) in (typing.Union, types.UnionType) else (t,)
    if any(typing.get_origin(m) is typing.Literal for m in members) and not (v is None and type(None) in members):
        return text
    if str in members and not isinstance(v, (list, dict)) and not (v is None and type(None) in members):
        return text
    if float in members and int not in members and isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    return v


class _ValueLoader(yaml.SafeLoader):
    """YAML for `--set` values, where `1e-4` is a number (PyYAML's YAML 1.1 rules read it as text)."""


_ValueLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$"),
                                   list("-+0123456789."))


@dataclass
class Config:
    """Base: nested dataclass <-> plain dict <-> YAML, and named presets.

    Subclasses set `PRESETS = {"tiny": {field: value, ...}, ...}`: overrides of the field defaults.
    Nested config fields take a preset of the same name unless overridden.
    """

    PRESETS: ClassVar[dict[str, dict[str, Any]]] = {}

    def __post_init__(self):
        # typed values (Literal fields such as FrameRate) are checked on every construction, also
        # `DataConfig(frame_rate=...)` in code: no module downstream checks them again
        for f in dataclasses.fields(self):
            t = _field_types(type(self))[f.name]
            members = typing.get_args(t) if typing.get_origin(t) in (typing.Union, types.UnionType) else (t,)
            if any(typing.get_origin(m) is typing.Literal for m in members):
                _check_type(f.name, f"{type(self).__name__}.{f.name}", getattr(self, f.name), t)

    @classmethod
    def from_preset(cls, name: str, **overrides: Any):
        if cls.PRESETS and name not in cls.PRESETS:
            raise CvdError(f"unknown preset {name!r} for {cls.__name__}; choose one of {sorted(cls.PRESETS)}")
        kwargs: dict[str, Any] = {}
        for fname, sub in _field_types(cls).items():
            if _is_config(sub):
                kwargs[fname] = sub.from_preset(name) if name in sub.PRESETS else sub()
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
    def from_dict(cls, d: dict[str, Any], where: str = ""):
        """Build from a plain dict, checking every key and value type. `where`: this section's dotted
        key in its parent config (`train`), so errors name the full key (`train.lr`)."""
        if not isinstance(d, dict):
            at = f"bad config key {where} ({cls.__name__}: " if where else f"{cls.__name__}: "
            raise CvdError(f"{at}expected a mapping, got {type(d).__name__}{')' if where else ''}")
        ftypes = _field_types(cls)
        for k in d:
            if k not in ftypes:
                raise _unknown_key(cls, str(k), where)
        kwargs = {}
        for k, v in d.items():
            t, key = ftypes[k], f"{where}.{k}" if where else k
            if _is_config(t):
                kwargs[k] = v if isinstance(v, Config) else t.from_dict(v, key)
            else:
                _check_type(key, f"{cls.__name__}.{k}", v, t)
                kwargs[k] = tuple(v) if typing.get_origin(t) is tuple else v
        return cls(**kwargs)

    def with_overrides(self, values: dict[str, Any]):
        """A copy with dotted keys replaced (`{"train.lr": 1e-4, "data.num_frames": 4}`), checked like a
        loaded file: an unknown key fails with the close matches, a wrong type names the key."""
        d = self.to_dict()
        for key, v in values.items():
            if _is_config(_field_type(type(self), key)):
                raise CvdError(f"config key {key} is a section; set its keys one by one (e.g. {key}.<name>=...)")
            *head, last = key.split(".")
            node = d
            for part in head:
                node = node[part]
            node[last] = v
        return type(self).from_dict(d)

    @classmethod
    def parse_overrides(cls, assignments: list[str]) -> dict[str, Any]:
        """`["train.lr=1e-4", "data.num_frames=4"]` (what `--set` gives) -> {dotted key: value}, each
        value read as YAML for its field's type (see `_text_value`); unknown keys fail here."""
        out = {}
        for text in assignments:
            key, sep, value = text.partition("=")
            key = key.strip()
            if not sep or not key:
                raise CvdError(f"--set takes KEY=VALUE (e.g. train.lr=1e-4), got {text!r}")
            out[key] = _text_value(value.strip(), _field_type(cls, key))
        return out

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), sort_keys=False)

    @classmethod
    def from_yaml(cls, text: str):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise CvdError(f"config is not valid YAML: {str(e).splitlines()[0]}") from None
        return cls.from_dict(data or {})

    def save(self, path: str | Path) -> None:
        from .io import write_bytes

        write_bytes(path, self.to_yaml().encode())

    @classmethod
    def load(cls, path: str | Path):
        from .io import read_yaml

        path = Path(path)
        if not path.is_file():
            raise CvdError(f"missing config: {path} does not exist (a checkpoint folder needs config.yaml)")
        data = read_yaml(path, "config")
        if data is None:
            raise CvdError(f"config {path} is empty; give a {cls.__name__} YAML (or use --preset)")
        try:
            return cls.from_dict(data)
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
    frame_rate: FrameRate = "keyframes"   # "keyframes" (annotated, 2 Hz on nuScenes) or "camera" (every camera
                                          # frame, 12 Hz; boxes interpolated between keyframes: data/sweeps.py)
    num_frames: int = 19                  # T, frames per clip
    num_cameras: int = 6                  # V, views per clip: the first V of cvdstorm.CAMERAS (6: the full rig)
    frame_stride: int = 1                 # frame step between clip frames
    clip_hop: int = 0                     # frames between clip starts; 0: clips do not overlap
    height: int = 256
    width: int = 448
    context_frames: tuple[int, ...] = (0, 6, 12, 18)  # GS decoder inputs (paper: frames 1/7/13/19)
    num_targets: int = 3                  # random target (frame, camera) pairs rendered per clip
    map_radius: float = 80.0              # keep map polylines within this distance of the ego path (m)

    PRESETS: ClassVar = {
        "tiny": dict(num_frames=4, height=32, width=56, context_frames=(0, 3), num_targets=2),
        "demo": dict(num_frames=8, height=64, width=112, context_frames=(0, 2, 4, 6), num_targets=3),
        # the paper's 19 camera frames (12 Hz) with a keyframe on frames 1/7/13/19
        "paper": dict(frame_rate="camera", num_frames=19, height=256, width=448, context_frames=(0, 6, 12, 18),
                      num_targets=3),
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
    mixed_precision: str = "auto"         # "auto": bf16 autocast where the hardware has native bf16 (CUDA
                                          # sm80+, AVX512-BF16/AMX CPUs), else float32; "bf16" forces it; "no"
    max_nonfinite_steps: int = 5          # stop with an error after this many NaN/Inf losses in a row
    grad_accum: int = 1                   # micro-batches of batch_size per optimiser step (per rank)
    parallel: str = "ddp"                 # under torchrun: "ddp" (replicas) or "fsdp" (FSDP2 fully_shard per block)
    activation_checkpointing: str = ""    # recompute blocks in backward: "", "all", "every:N" or indices "0,3,7"

    PRESETS: ClassVar = {
        "tiny": dict(steps=20, warmup_steps=2, checkpoint_every=10, log_every=1),
        "demo": dict(steps=2000, warmup_steps=100, lr=2e-4, checkpoint_every=100),
        "paper": dict(steps=100000, warmup_steps=1000, lr=6e-5, min_lr=1e-7, batch_size=1,
                      checkpoint_every=1000, parallel="fsdp"),
    }


# ------------------------------------------------------------------------------ stage 1: VAE
@dataclass
class VAEConfig(Config):
    """`diffusers.AutoencoderKL` in the SD3.5 layout: 16 latent channels, 8x down (4 blocks).

    `paper` is exactly the SD3.5 VAE (83.82M parameters); `pretrained` names a local SD3.5 `vae/`
    folder or a safetensors file to load (nothing is downloaded).
    """

    block_out_channels: tuple[int, ...] = (128, 256, 512, 512)
    layers_per_block: int = 2
    norm_num_groups: int = 32
    latent_channels: int = 16
    mid_block_add_attention: bool = True
    scaling_factor: float = 1.5305           # z = (mu - shift) * scale
    shift_factor: float = 0.0609
    pretrained: str = ""

    PRESETS: ClassVar = {
        "tiny": dict(block_out_channels=(8, 16, 16, 16), layers_per_block=1, norm_num_groups=4),
        "demo": dict(block_out_channels=(16, 32, 64, 128), layers_per_block=1, norm_num_groups=8),
        "paper": dict(block_out_channels=(128, 256, 512, 512), layers_per_block=2, norm_num_groups=32),
    }


@dataclass
class GSDecoderConfig(Config):
    """STORM-style Gaussian decoder: latents + Plücker rays + time -> one Gaussian per pixel."""

    patch_size: int = 2                      # in latent pixels; a token covers (8 * patch)^2 image pixels
    dim: int = 768
    depth: int = 12
    heads: int = 12
    mlp_ratio: float = 4.0
    num_motion_tokens: int = 16
    motion_dim: int = 32                     # per-Gaussian key matched against the motion tokens
    motion_temperature: float = 0.5
    head_channels: int = 64                  # per-pixel features after unpatchify, refined by a 3x3 conv
    near: float = 0.5                        # predicted depth lies in [near, far] (log-space sigmoid)
    far: float = 250.0
    max_log_scale: float = 3.0               # scale = exp(clamp(x)) x pixel footprint (depth / focal)
    time_scale: float = 1.0                  # seconds -> time-embedding units
    velocity_scale: float = 10.0             # motion-token velocities are head outputs x this (m/s), so
                                             # optimiser steps move them at street speeds

    PRESETS: ClassVar = {
        "tiny": dict(patch_size=1, dim=32, depth=2, heads=2, num_motion_tokens=4, motion_dim=8, head_channels=16),
        "demo": dict(dim=128, depth=4, heads=4, num_motion_tokens=8, motion_dim=16, head_channels=32),
        "paper": dict(dim=768, depth=12, heads=12, num_motion_tokens=16, motion_dim=32, head_channels=64),
    }


@dataclass
class StormVAEConfig(Config):
    """Stage 1: STORM-VAE = VAE + GS decoder, with its data, training and loss settings."""

    vae: VAEConfig = field(default_factory=VAEConfig)
    gs: GSDecoderConfig = field(default_factory=GSDecoderConfig)
    data: DataConfig = field(default_factory=DataConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    gs_weight: float = 0.5                   # total = VAE loss + gs_weight x reconstruction loss
    gs_grad_to_vae: bool = True              # False: the ablation (GS decoder trains on detached latents)
    perceptual_weight: float = 1.0           # ST-LPIPS distances are small (~0.01): weight 1 as in LDM
    perceptual_net: str = "alex"             # shift-tolerant LPIPS trunk: alex (cheap) or vgg
    kl_weight: float = 1e-6
    depth_weight: float = 0.1                # L1 on log depth where depth is known
    sky_weight: float = 0.1                  # rendered opacity on sky pixels
    velocity_weight: float = 0.01            # mean |velocity| (m/s)
    vae_images: int = 0                      # VAE-decoded (frame, camera) images per clip; 0: all context
    depth_source: str = "auto"               # dense / lidar / auto (dense where the dataset has it)
    eval_max_depth: float = EVAL_MAX_DEPTH   # depth metrics over ground truth in (0, this] metres
    init_from: str = ""                      # start from these weights (a run or step folder), e.g. to fine-tune
    freeze_encoder: bool = False             # train decoders only: the latent space (and a DiT's cache) stays valid

    PRESETS: ClassVar = {
        "tiny": dict(vae_images=4),
        "demo": dict(vae_images=6),
        "paper": dict(vae_images=0),
    }


# --------------------------------------------------------------------- stage 2: video diffusion
@dataclass
class FlowConfig(Config):
    """Rectified flow (SD3): `x_t = (1 - t) x0 + t eps`, target `v = eps - x0`.

    Training times: `t = shift(sigmoid(u))`, `u ~ N(logit_mean, logit_std)`,
    `shift(t) = s t / (1 + (s - 1) t)`. Sampling: Euler on diffusers' FlowMatchEulerDiscrete
    schedule with `sample_shift`. Guidance: one scale over all conditions, or per condition
    (`condition_guidance = {"text": 5.0, "boxes": 2.0}` overrides `guidance_scale`).
    """

    train_shift: float = 3.0
    logit_mean: float = 0.0
    logit_std: float = 1.0
    sample_shift: float = 3.0
    sample_steps: int = 50
    guidance_scale: float = 4.0
    condition_guidance: dict[str, float] = field(default_factory=dict)
    num_train_timesteps: int = 1000          # model time input = t * this (SD3 convention)

    PRESETS: ClassVar = {
        "tiny": dict(sample_steps=4),
        "demo": dict(sample_steps=25),
        "paper": dict(sample_steps=50),
    }


@dataclass
class DiTConfig(Config):
    """Stage 2 model: SD3 MM-DiT spatial blocks + temporal + cross-view blocks + controls.

    The SD3 fields are `diffusers.SD3Transformer2DModel`'s arguments; `paper` is SD3.5-Medium and
    loads its transformer weights from `pretrained` (a local diffusers folder or safetensors file).
    Text comes from `text_encoder` ("minilm": the offline MiniLM, 384-d; "sd35": CLIP-L/G + T5 from
    `text_encoder_path`; "bert": any BERT folder at `text_encoder_path`; "random-bert": a seeded
    random BERT of width `text_dim`, for tests), projected by learnt
    linears to `joint_attention_dim` / `pooled_projection_dim` when the sizes differ.
    """

    # --- SD3 MM-DiT (names and meaning as in diffusers.SD3Transformer2DModel)
    sample_size: int = 128
    patch_size: int = 2
    in_channels: int = 16
    out_channels: int = 16
    num_layers: int = 24
    attention_head_dim: int = 64
    num_attention_heads: int = 24
    joint_attention_dim: int = 4096
    caption_projection_dim: int = 1536       # must equal heads x head_dim (the context stream width)
    pooled_projection_dim: int = 2048
    pos_embed_max_size: int = 384
    qk_norm: str = "rms_norm"                # "" for none
    dual_attention_layers: tuple[int, ...] = tuple(range(13))
    # --- temporal / cross-view blocks after every spatial block
    temporal: bool = True
    cross_view: bool = True
    view_attention: str = "all"              # "all" views, or "neighbors" on the camera ring
    view_neighbors: int = 1                  # ring distance seen by "neighbors"
    # Cross-view logit bias s_h (d_i . d_j) between tokens' ray directions, s_h learnt from this start; 0 = off
    # (the default, so configs written before it rebuild their models; the presets turn it on, issue 29).
    view_ray_bias: float = 0.0
    camera_embed: str = "rays"               # "rays", "ids" or "rays+ids" (ids break view permutation symmetry)
    max_views: int = 6
    frame_time_scale: float = 10.0           # seconds -> sinusoid input (0.1 s resolution)
    # --- controls
    control_names: tuple[str, ...] = ("boxes", "map")
    control_blocks: int = 6                  # adapters after the first N spatial blocks
    control_channels: tuple[int, ...] = (32, 64, 128)  # conv widths after space-to-depth 2; len - 1 stride-2 stages
    vae_downsample: int = 8                  # image pixels per latent pixel
    text_encoder: str = "minilm"
    text_encoder_path: str = ""
    text_dim: int = 384
    text_pooled_dim: int = 384
    text_tokens: int = 32                    # L: every caption is padded / cut to L tokens
    cond_drop_prob: float = 0.2              # each condition dropped independently in training
    gradient_checkpointing: bool = False
    pretrained: str = ""
    flow: FlowConfig = field(default_factory=FlowConfig)

    PRESETS: ClassVar = {
        "tiny": dict(num_layers=2, attention_head_dim=8, num_attention_heads=2, joint_attention_dim=24, patch_size=1,
                     caption_projection_dim=16, pooled_projection_dim=20, pos_embed_max_size=16,
                     sample_size=8, in_channels=4, out_channels=4, dual_attention_layers=(0,),
                     control_blocks=2, control_channels=(8, 8, 16), text_dim=12, text_pooled_dim=12,
                     text_tokens=5, text_encoder="random-bert", view_ray_bias=8.0),
        "demo": dict(num_layers=6, attention_head_dim=64, num_attention_heads=4, joint_attention_dim=384,
                     caption_projection_dim=256, pooled_projection_dim=384, pos_embed_max_size=32,
                     sample_size=16, dual_attention_layers=(0, 1, 2), control_blocks=3,
                     control_channels=(16, 32, 64), text_tokens=16, view_ray_bias=8.0),
        "paper": dict(view_ray_bias=8.0),
    }


@dataclass
class DiTTrainConfig(Config):
    """Stage 2: the video DiT trained on latents of a frozen STORM-VAE, with its data and schedule.

    `vae_checkpoint` names a STORM-VAE run or step folder (stage 1). Latents (posterior means) and
    control images are cached once under `cache_dir/<key>/`, the key hashing the VAE weights and
    every data setting that changes them, so a cache is never reused for other inputs.
    """

    dit: DiTConfig = field(default_factory=DiTConfig)
    data: DataConfig = field(default_factory=DataConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    vae_checkpoint: str = ""
    cache_dir: str = "outputs/latent_cache"
    reference_frames: tuple[int, ...] = (0, 1, 3)   # clean leading frames per training clip, drawn uniformly
    view_references: float = 0.0                    # share of clips trained as camera completion (1..V-1 cameras given)
    init_from: str = ""                             # start from these weights (a run or step folder), e.g. to fine-tune

    PRESETS: ClassVar = {
        "tiny": dict(reference_frames=(0, 1)),
        "demo": dict(),
        "paper": dict(),
    }
