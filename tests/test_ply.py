import numpy as np
import pytest
import torch
from plyfile import PlyData  # independent parser, as 3DGS tools use

from cvdstorm.errors import CvdError
from cvdstorm.pipelines.ply import SH_C0, read_gaussians_ply, write_gaussians_ply

# property order of the original 3DGS `save_ply` for SH degree 3
OFFICIAL = (["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"]
            + [f"f_rest_{i}" for i in range(45)]
            + ["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"])


def _gaussians(n, rng):
    return dict(means=rng.normal(size=(n, 3)), quats=rng.normal(size=(n, 4)),
                scales=rng.uniform(0.01, 2, size=(n, 3)), opacities=rng.uniform(0.01, 0.99, size=n),
                colors=rng.uniform(0, 1, size=(n, 3)))


@pytest.mark.parametrize("sh_degree", [0, 3])
def test_ply_layout_and_roundtrip(tmp_path, rng, sh_degree):
    g = _gaussians(50, rng)
    vel = rng.normal(size=(50, 3))
    p = write_gaussians_ply(tmp_path / "g.ply", **g, velocities=torch.tensor(vel), time=1.5, sh_degree=sh_degree)
    ply = PlyData.read(str(p))
    v = ply["vertex"]
    names = [pr.name for pr in v.properties]
    expected = OFFICIAL if sh_degree == 3 else [k for k in OFFICIAL if not k.startswith("f_rest")]
    assert names == expected and v.count == 50
    # activations as 3DGS defines them
    np.testing.assert_allclose(1 / (1 + np.exp(-v["opacity"])), g["opacities"], rtol=1e-5)
    np.testing.assert_allclose(np.exp(v["scale_1"]), g["scales"][:, 1], rtol=1e-5)
    np.testing.assert_allclose(0.5 + SH_C0 * v["f_dc_2"], g["colors"][:, 2], atol=1e-6)
    back = read_gaussians_ply(p)
    for k in ("means", "quats", "scales", "opacities", "colors"):
        np.testing.assert_allclose(back[k], g[k], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(back["velocities"], vel, rtol=1e-6)
    assert float(back["time"]) == 1.5


def test_ply_bad_input(tmp_path, rng):
    g = _gaussians(5, rng)
    write_gaussians_ply(tmp_path / "g.ply", **g)
    before = (tmp_path / "g.ply").read_bytes()
    g["means"][2, 1] = np.nan
    with pytest.raises(CvdError, match="NaN"):
        write_gaussians_ply(tmp_path / "g.ply", **g)
    assert (tmp_path / "g.ply").read_bytes() == before  # the good file is untouched
    (tmp_path / "t.ply").write_bytes(before[:-40])
    with pytest.raises(CvdError, match="truncated"):
        read_gaussians_ply(tmp_path / "t.ply")
    with pytest.raises(CvdError, match="shape"):
        write_gaussians_ply(tmp_path / "x.ply", **{**_gaussians(5, rng), "scales": np.ones((4, 3))})
