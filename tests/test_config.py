import pytest

from cvdstorm.config import DataConfig, TrainConfig
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
