"""benchmarks/storm_vs_nogs.py statistics: paired differences over training seeds, t intervals."""

import importlib.util
import math
from pathlib import Path

import numpy as np
from scipy import stats

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "storm_vs_nogs.py"


def _module():
    spec = importlib.util.spec_from_file_location("storm_vs_nogs", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_t_interval_matches_scipy():
    mod = _module()
    v = [1.0, 2.5, 2.0, 4.0]
    mean, half = mod.t_interval(v)
    lo, hi = stats.t.interval(0.95, len(v) - 1, loc=np.mean(v), scale=stats.sem(v))
    assert math.isclose(mean, np.mean(v)) and math.isclose(half, (hi - lo) / 2, rel_tol=1e-12)
    assert math.isnan(mod.t_interval([3.0])[1])


def test_compare_pairs_seeds_and_averages_scenes_first():
    mod = _module()
    rng = np.random.default_rng(0)
    # STORM: PSNR 1 dB higher on every (seed, scene) up to small noise, seed effects shared by both arms
    res = {"storm": {}, "nogs": {}}
    for seed in range(3):
        base = 15.0 + 2.0 * seed
        for arm, off in (("storm", 1.0), ("nogs", 0.0)):
            res[arm][str(seed)] = {f"scene-{i}": {"psnr": base + off + 0.01 * rng.standard_normal(),
                                                  "gen_depth_abs_rel": 0.3 + 0.05 * rng.standard_normal()}
                                   for i in range(2)}
    rows = {r["metric"]: r for r in mod.compare(res)}
    psnr = rows["psnr"]
    # the seed offsets (2 dB apart) cancel in the pairing: the difference is resolved although
    # each arm's own interval over seeds is wider than the difference
    assert abs(psnr["diff_mean"] - 1.0) < 0.05 and psnr["diff_ci95"] < 0.2 and psnr["storm_ci95"] > 1.0
    assert psnr["verdict"] == "STORM better" and psnr["storm_better_seeds"] == 3 and psnr["seeds"] == 3
    expected = [np.mean([res["storm"][str(s)][k]["psnr"] for k in ("scene-0", "scene-1")]) for s in range(3)]
    assert np.allclose(psnr["storm_per_seed"], expected)
    # a lower-is-better metric that STORM lowers everywhere is "STORM better"
    for seed in range(3):
        for sc in res["storm"][str(seed)].values():
            sc["gen_depth_abs_rel"] = 0.1 + 0.001 * seed
        for sc in res["nogs"][str(seed)].values():
            sc["gen_depth_abs_rel"] = 0.2 + 0.002 * seed
    depth = {r["metric"]: r for r in mod.compare(res)}["gen_depth_abs_rel"]
    assert depth["verdict"] == "STORM better" and depth["diff_mean"] < 0
    assert "| psnr (higher better) |" in mod.markdown(mod.compare(res))
