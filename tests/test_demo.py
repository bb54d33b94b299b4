import pytest

from cvdstorm.errors import CvdError
from cvdstorm.io import read_video
from cvdstorm.pipelines.demo import run_demo


def test_demo_end_to_end_tiny(tmp_path):
    out = run_demo(tmp_path / "demo", scenes=1, frames=3, width=56, height=32)
    v = read_video(out["preview"])
    # caption strip (18 px) over two 2x3 mosaics side by side
    assert v.shape == (3, 18 + 2 * 32, 2 * 3 * 56, 3)
    assert v.std() > 10
    with pytest.raises(CvdError, match="--overwrite"):
        run_demo(tmp_path / "demo", scenes=1, frames=3, width=56, height=32)
