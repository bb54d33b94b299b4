from pathlib import Path

import pytest
import torch
import yaml

from conftest import fails
from cvdstorm.config import Config, DataConfig, DiTTrainConfig, StormVAEConfig, TrainConfig
from cvdstorm.errors import CvdError


@pytest.mark.parametrize("cls", [DataConfig, TrainConfig])
@pytest.mark.parametrize("preset", ["tiny", "demo", "paper"])
def test_yaml_roundtrip(cls, preset, tmp_path):
    cfg = cls.from_preset(preset)
    cfg.save(tmp_path / "c.yaml")
    assert cls.load(tmp_path / "c.yaml") == cfg


def test_presets_differ_and_errors(tmp_path):
    assert DataConfig.from_preset("tiny") != DataConfig.from_preset("paper")
    with pytest.raises(CvdError, match="unknown preset"):
        DataConfig.from_preset("huge")
    with pytest.raises(CvdError, match="unknown config key"):
        DataConfig.from_yaml("heigth: 3\n")
    with pytest.raises(CvdError, match="missing config"):
        DataConfig.load(tmp_path / "nope.yaml")


@pytest.mark.parametrize("cls, d, needle", [
    (DiTTrainConfig, {"dit": {"num_layers": "abc"}}, "DiTConfig.num_layers: expected an integer, got 'abc'"),
    (StormVAEConfig, {"vae": {"layers_per_block": "one"}}, "VAEConfig.layers_per_block: expected an integer"),
    (StormVAEConfig, {"gs": {"depth": 4.5}}, "GSDecoderConfig.depth: expected an integer, got 4.5"),
    (StormVAEConfig, {"train": {"betas": [0.9]}}, "TrainConfig.betas: expected a list of 2 values"),
    (StormVAEConfig, {"data": {"context_frames": [0, "two"]}}, "DataConfig.context_frames[1]: expected an integer"),
    (StormVAEConfig, {"gs_grad_to_vae": "yes"}, "StormVAEConfig.gs_grad_to_vae: expected true or false"),
    (StormVAEConfig, {"depth_weight": "1.0"}, "StormVAEConfig.depth_weight: expected a number"),
])
def test_wrong_value_types_name_the_key(cls, d, needle):
    with pytest.raises(CvdError) as e:
        cls.from_dict(d)
    assert needle in str(e.value) and "\n" not in str(e.value)
    # ints are valid floats, and lists become tuples
    assert StormVAEConfig.from_dict({"depth_weight": 1, "train": {"betas": [0.9, 1]}}).train.betas == (0.9, 1)


# ------------------------------------------------------------------------- every config class
ROOT = Path(__file__).resolve().parents[1]


def all_config_classes() -> list[type]:
    """Every Config subclass of the package (the pipeline and synthetic-world configs included)."""
    import cvdstorm.data.synth.writer  # noqa: F401  (defines SynthConfig)
    import cvdstorm.pipelines.generate  # noqa: F401  (defines GenerateConfig)

    out, todo = [], [Config]
    while todo:
        for sub in todo.pop().__subclasses__():
            out.append(sub)
            todo.append(sub)
    return sorted(out, key=lambda c: c.__name__)


def preset_cases():
    return [(cls, name) for cls in all_config_classes() for name in (cls.PRESETS or [None])]


def make(cls, preset):
    return cls.from_preset(preset) if preset else cls()


def test_every_config_class_is_covered():
    names = {c.__name__ for c in all_config_classes()}
    assert {"DataConfig", "TrainConfig", "VAEConfig", "GSDecoderConfig", "StormVAEConfig", "FlowConfig", "DiTConfig",
            "DiTTrainConfig", "GenerateConfig", "SynthConfig"} <= names


@pytest.mark.parametrize("cls, preset", preset_cases(), ids=lambda x: getattr(x, "__name__", x))
def test_every_config_round_trips(cls, preset, tmp_path):
    cfg = make(cls, preset)
    d = cfg.to_dict()
    assert yaml.safe_load(yaml.safe_dump(d)) == d          # plain data: YAML holds it exactly
    assert cls.from_dict(d) == cfg and cls.from_dict(d).to_dict() == d
    assert cls.from_yaml(cfg.to_yaml()) == cfg
    cfg.save(tmp_path / "c.yaml")
    assert cls.load(tmp_path / "c.yaml") == cfg
    assert cfg.with_overrides({}) == cfg


@pytest.mark.parametrize("path", sorted(ROOT.glob("configs/*.yaml")) + sorted(ROOT.glob("checkpoints/*/*/config.yaml")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_config_files_round_trip(path):
    data = yaml.safe_load(path.read_text())
    cls = DiTTrainConfig if "dit" in data else StormVAEConfig
    cfg = cls.load(path)
    assert cls.from_yaml(cfg.to_yaml()) == cfg and cls.from_dict(cfg.to_dict()) == cfg

    def within(part, whole):  # every value the file gives is the config's value
        return all(within(v, whole[k]) if isinstance(v, dict) else whole[k] == v for k, v in part.items())

    assert within(data, cfg.to_dict())


def layout(model: torch.nn.Module) -> dict[str, tuple]:
    return {k: (tuple(v.shape), v.dtype) for k, v in model.state_dict().items()}


def test_saved_config_rebuilds_the_same_model_layout(tmp_path):
    from cvdstorm.models.dit import build_dit
    from cvdstorm.models.storm_vae import build_storm_vae

    # non-default sizes, so the layout depends on what the file holds (num_cameras sizes the colour tokens)
    vae_cfg = StormVAEConfig.from_preset("tiny").with_overrides({"data.num_cameras": 3, "gs.num_motion_tokens": 2})
    vae_cfg.save(tmp_path / "vae.yaml")
    a, b = build_storm_vae(vae_cfg), build_storm_vae(StormVAEConfig.load(tmp_path / "vae.yaml"))
    assert layout(a) == layout(b) != layout(build_storm_vae(StormVAEConfig.from_preset("tiny")))

    dit_cfg = DiTTrainConfig.from_preset("tiny").with_overrides({"dit.num_layers": 1, "dit.control_blocks": 1})
    dit_cfg.save(tmp_path / "dit.yaml")
    a, b = build_dit(dit_cfg.dit), build_dit(DiTTrainConfig.load(tmp_path / "dit.yaml").dit)
    assert layout(a) == layout(b) != layout(build_dit(DiTTrainConfig.from_preset("tiny").dit))


# --------------------------------------------------------------------- errors name the dotted key
@pytest.mark.parametrize("cls, d, needles", [
    (StormVAEConfig, {"train": {"lr": "abc"}}, ["bad config key train.lr", "TrainConfig.lr", "'abc'"]),
    (DiTTrainConfig, {"dit": {"flow": {"sample_steps": 2.5}}}, ["dit.flow.sample_steps", "an integer", "2.5"]),
    (StormVAEConfig, {"data": {"context_frames": [0, "two"]}}, ["data.context_frames[1]", "'two'"]),
    (StormVAEConfig, {"train": 3}, ["bad config key train", "mapping"]),
    (StormVAEConfig, {"train": {"lrr": 1}}, ["unknown config key train.lrr", "did you mean train.lr"]),
    (DiTTrainConfig, {"dit": {"flow": {"sample_step": 3}}}, ["dit.flow.sample_step ", "dit.flow.sample_steps"]),
])
def test_nested_errors_name_the_dotted_key(cls, d, needles):
    with pytest.raises(CvdError) as e:
        cls.from_dict(d)
    assert all(n in str(e.value) for n in needles) and "\n" not in str(e.value), str(e.value)


def test_optional_fields_are_checked():
    from cvdstorm.pipelines.generate import GenerateConfig

    assert GenerateConfig.from_dict({"frames": None, "captions": ["a", "b"], "guidance": 2}).captions == ["a", "b"]
    for d, needle in [({"frames": "ten"}, "frames"), ({"captions": [1]}, "captions"), ({"seconds": float("nan")}, "seconds")]:
        with pytest.raises(CvdError, match=f"bad config key {needle}"):
            GenerateConfig.from_dict(d)


# ------------------------------------------------------------------------------- --set overrides
def test_set_values_are_read_for_their_key_type():
    from cvdstorm.pipelines.generate import GenerateConfig

    got = StormVAEConfig.parse_overrides(["train.lr=1e-4", "data.num_frames=4", "data.context_frames=[0, 3]",
                                          "train.betas=[0.9, 1e-3]", "init_from=007", "gs_weight=1",
                                          "gs_grad_to_vae=false"])
    assert got == {"train.lr": 1e-4, "data.num_frames": 4, "data.context_frames": [0, 3], "train.betas": [0.9, 1e-3],
                   "init_from": "007", "gs_weight": 1.0, "gs_grad_to_vae": False}
    assert isinstance(got["gs_weight"], float)
    cfg = StormVAEConfig.from_preset("tiny").with_overrides(got)
    assert (cfg.train.lr, cfg.data.context_frames, cfg.init_from, cfg.gs_grad_to_vae) == (1e-4, (0, 3), "007", False)
    assert cfg.vae == StormVAEConfig.from_preset("tiny").vae                     # the rest is untouched
    g = GenerateConfig.parse_overrides(["scene=null", "version=1.0", "captions=[a, b]"])
    assert g == {"scene": None, "version": "1.0", "captions": ["a", "b"]}


@pytest.mark.parametrize("text, needles", [
    ("train.lrr=1", ["unknown config key train.lrr", "train.lr"]),
    ("lr=1", ["unknown config key lr", "did you mean train.lr"]),
    ("trian.lr=1", ["trian.lr", "train.lr"]),
    ("train.lr.x=1", ["train.lr", "'x'"]),
    ("train.lr", ["KEY=VALUE", "'train.lr'"]),
    ("train.lr=abc", ["bad config key train.lr", "'abc'"]),
    ("train.lr=.nan", ["bad config key train.lr", "nan"]),
    ("train={lr: 1}", ["train is a section"]),
])
def test_set_errors_are_one_line(text, needles):
    with pytest.raises(CvdError) as e:
        StormVAEConfig.from_preset("tiny").with_overrides(StormVAEConfig.parse_overrides([text]))
    assert all(n in str(e.value) for n in needles) and "\n" not in str(e.value), str(e.value)


def test_cli_flags_and_set_build_the_config(monkeypatch, tmp_path):
    """The shorthand flags and --set land on the config keys; without them the config is the preset's."""
    import cvdstorm.data.synth.writer as S
    import cvdstorm.pipelines.generate as G
    import cvdstorm.train.dit as TD
    import cvdstorm.train.vae as TV
    from cvdstorm.cli import main

    seen = []
    monkeypatch.setattr(TV, "train_vae", lambda cfg, out, **kw: seen.append(cfg) or {})
    monkeypatch.setattr(TD, "train_dit", lambda cfg, out, **kw: seen.append(cfg) or {})
    monkeypatch.setattr(G, "generate", lambda cfg, out, **kw: seen.append(cfg) or out)
    monkeypatch.setattr(S, "write_dataset", lambda out, cfg, **kw: seen.append(cfg))
    out = str(tmp_path / "o")

    assert main(["train-vae", "--preset", "tiny", "--out", out]) == 0
    assert seen.pop() == StormVAEConfig.from_preset("tiny")
    assert main(["train-vae", "--preset", "tiny", "--out", out, "--dataroot", "d", "--steps", "3", "--no-gs-grad",
                 "--gs-weight", "0.25", "--init-from", "r", "--freeze-encoder", "--set", "train.lr=1e-4",
                 "--set", "data.num_frames=4", "--set", "vae.pretrained=p"]) == 0
    assert seen.pop() == StormVAEConfig.from_preset("tiny").with_overrides(
        {"data.dataroot": "d", "train.steps": 3, "gs_grad_to_vae": False, "gs_weight": 0.25, "init_from": "r",
         "freeze_encoder": True, "train.lr": 1e-4, "data.num_frames": 4, "vae.pretrained": "p"})
    assert main(["train-dit", "--preset", "tiny", "--out", out, "--vae", "v", "--set", "cache_dir=c"]) == 0
    assert seen.pop() == DiTTrainConfig.from_preset("tiny").with_overrides({"vae_checkpoint": "v", "cache_dir": "c"})

    assert main(["generate", "--dataroot", "d", "--out", out]) == 0
    assert seen.pop() == G.GenerateConfig(dataroot="d")
    assert main(["generate", "--dataroot", "d", "--out", out, "--frames", "4", "--caption", "one", "--png",
                 "--guidance", "2", "--set", "shift=2", "--set", "fps=4"]) == 0
    assert seen.pop() == G.GenerateConfig(dataroot="d", frames=4, captions="one", png=True, guidance=2.0, shift=2.0,
                                          fps=4.0)
    assert main(["generate", "--dataroot", "d", "--out", out, "--caption", "a", "b"]) == 0
    assert seen.pop().captions == ["a", "b"]

    assert main(["synth", "--out", out]) == 0
    assert seen.pop() == S.SynthConfig()
    assert main(["synth", "--out", out, "--scenes", "1", "--hz", "3", "--set", "jpeg_quality=80"]) == 0
    assert seen.pop() == S.SynthConfig(scenes=1, hz=3.0, jpeg_quality=80) and not seen


@pytest.mark.parametrize("argv, needles", [
    (["train-vae", "--preset", "tiny", "--set", "train.lrr=1"], ["train.lrr", "did you mean train.lr"]),
    (["train-dit", "--preset", "tiny", "--set", "dit.num_layers=two"], ["dit.num_layers", "'two'"]),
    (["generate", "--dataroot", "d", "--set", "stpes=2"], ["stpes", "did you mean steps"]),
    (["synth", "--set", "jpeg_quality=high"], ["jpeg_quality", "'high'"]),
])
def test_cli_set_errors_are_one_line(capsys, tmp_path, argv, needles):
    fails(capsys, [*argv, "--out", str(tmp_path / "o")], *needles)
    assert not (tmp_path / "o").exists()


# ---------------------------------------------------------------------------------- num_cameras
def test_latent_cache_key_of_the_full_rig_is_unchanged(tmp_path):
    from cvdstorm.train.latents import cache_key

    (tmp_path / "w").write_bytes(b"weights")
    full, src = cache_key(DataConfig(), tmp_path / "w", ("boxes",))
    assert "num_cameras" not in src["data"]
    assert cache_key(DataConfig(num_cameras=3), tmp_path / "w", ("boxes",))[0] != full


def test_frame_rate_is_a_typed_value_checked_on_every_construction():
    """FrameRate is checked by the config machinery, however the config is built (file, --set, code)."""
    from cvdstorm.config import FRAME_RATES, DataConfig
    from cvdstorm.pipelines.generate import GenerateConfig

    assert FRAME_RATES == ("keyframes", "camera")
    for build in (lambda: DataConfig(frame_rate="12hz"), lambda: DataConfig.from_dict({"frame_rate": "12hz"}),
                  lambda: DataConfig().with_overrides({"frame_rate": "12hz"}),
                  lambda: GenerateConfig(frame_rate="12hz")):
        with pytest.raises(CvdError, match=r"frame_rate .*one of \['keyframes', 'camera'\].*'12hz'"):
            build()
    assert DataConfig.parse_overrides(["frame_rate=camera"]) == {"frame_rate": "camera"}
    assert GenerateConfig(frame_rate=None).frame_rate is None and DataConfig().frame_rate == "keyframes"
