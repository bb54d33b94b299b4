import os

import numpy as np
import pytest
import torch

# Two threads, as on the CI machine, and deterministic CPU float32 everywhere.
torch.set_num_threads(2)
os.environ.setdefault("CVDSTORM_TEST", "1")


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture(scope="session")
def synth_root(tmp_path_factory):
    """A tiny synthetic world shared by the data tests: 2 scenes x 5 keyframes at 64x112."""
    from cvdstorm.data.synthetic import SynthConfig, write_dataset

    root = tmp_path_factory.mktemp("synth") / "data"
    cfg = SynthConfig(scenes=2, frames=5, width=112, height=64, seed=7, lidar_azimuths=512)
    write_dataset(root, cfg, progress=False)
    return root
