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
