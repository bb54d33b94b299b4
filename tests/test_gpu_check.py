"""benchmarks/gpu_check.py's CPU dry run: every section of the GPU check (rasteriser backends, train
steps vs memory estimates, FSDP2 on a process group of one, the demo configs trained and evaluated
against the shipped checkpoint) runs on tiny sizes with gloo, and the report is written."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "gpu_check.py"


@pytest.mark.slow  # about 110 CPU s: the shipped checkpoint and the trained pair are really evaluated
def test_dry_run_runs_every_section(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("WORLD_SIZE", None)
    p = subprocess.run([sys.executable, str(SCRIPT), "--dry-run", "--out", str(out), "--work", str(tmp_path / "work")],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1500)
    report = json.loads((out / "gpu_check.json").read_text())
    sections = report["sections"]
    log = p.stdout[-2000:] + p.stderr[-4000:]
    assert list(sections) == ["env", "synth", "rasterize", "vae_step", "dit_step", "fsdp", "train_vae", "train_dit",
                              "eval_vae", "eval_dit"], log
    for name, e in sections.items():
        assert e["status"] == "ok" and e["error"] is None, (name, e.get("traceback"), log)
        assert e["result"]["table"], name
    assert p.returncode == 0, log
    assert report["device"]["device"] == "cpu" and report["settings"]["mixed_precision"] == "no"
    # the C++ kernel and the PyTorch compositor agree on values and gradients
    rast = sections["rasterize"]["result"]["table"]
    assert rast[1]["max_abs_rgb"] < 1e-3 and rast[1]["grad_rel_err"] < 1e-3
    # a process group of one took the FSDP path (sharded parameters), checkpointed and resumed
    fsdp = sections["fsdp"]["result"]["table"]
    assert [r["to_step"] for r in fsdp] == [2, 3] and fsdp[0]["parameters"] == "DTensor"
    for stage in ("eval_vae", "eval_dit"):  # both checkpoints scored on the same scenes
        row = sections[stage]["result"]["table"][0]
        assert isinstance(row["shipped (CPU-trained)"], float) and isinstance(row["GPU-trained"], float), row
    md = (out / "gpu_check.md").read_text()
    assert "| section | status |" in md and "## eval_dit" in md and "torch " in md


def test_missing_package_is_named(tmp_path):
    # a wheels folder cannot hide a missing import: the script names it and how to carry it
    code = ("import sys, importlib.util; real = importlib.util.find_spec; "
            "importlib.util.find_spec = lambda n, *a: None if n == 'diffusers' else real(n, *a); "
            f"sys.argv = ['gpu_check.py', '--out', {str(tmp_path)!r}]; sys.path.insert(0, {str(SCRIPT.parent)!r}); "
            "import gpu_check; raise SystemExit(gpu_check.main())")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert "missing Python package(s): diffusers (pip: diffusers)" in p.stderr and "--wheels" in p.stderr
