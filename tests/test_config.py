import pytest

from cvdstorm.config import DataConfig, DiTTrainConfig, StormVAEConfig, TrainConfig
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
