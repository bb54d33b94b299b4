"""benchmarks/run_all.py: runs every script, keeps each table, records failures and timeouts."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN_ALL = ROOT / "benchmarks" / "run_all.py"


def test_run_all_collects_tables_and_failures(tmp_path):
    d = tmp_path / "bench"
    d.mkdir()
    (d / "a_good.py").write_text("import sys\nprint('| case | s |\\n| --- | --- |\\n| x | ' + ' '.join(sys.argv[1:]) + ' |')\n")
    (d / "b_bad.py").write_text("import sys\nprint('partial')\nprint('boom: bad input', file=sys.stderr)\nsys.exit(3)\n")
    (d / "c_slow.py").write_text("import time\ntime.sleep(30)\n")
    (d / "_helper.py").write_text("raise SystemExit('helpers are not benchmarks')\n")
    r = subprocess.run([sys.executable, str(RUN_ALL), "--dir", str(d), "--timeout", "3",
                        "--script-args", "a_good=--n 7"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr             # one script failed
    md = (d / "RESULTS.md").read_text()
    assert "| CPU |" in md and "| torch |" in md and "| cores |" in md
    assert "| x | --n 7 |" in md                   # the table, verbatim, with the script's arguments
    assert "| [b_bad](#b_bad) | FAILED (3) |" in md and "boom: bad input" in md and "partial" in md
    assert "FAILED (timeout)" in md and "killed after 3 s" in md
    assert "_helper" not in md
    assert "```\npartial\n```" in md               # plain text goes into a code block
    # --only / --skip
    r = subprocess.run([sys.executable, str(RUN_ALL), "--dir", str(d), "--only", "a_good", "--out",
                        str(tmp_path / "o.md")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "b_bad" not in (tmp_path / "o.md").read_text()


def test_training_experiments_run_only_when_named(tmp_path):
    d = tmp_path / "bench"
    d.mkdir()
    (d / "a_good.py").write_text("print('| case |\\n| --- |\\n| ok |')\n")
    (d / "storm_vs_nogs.py").write_text("print('| case |\\n| --- |\\n| experiment ran |')\n")
    r = subprocess.run([sys.executable, str(RUN_ALL), "--dir", str(d)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "experiment ran" not in (d / "RESULTS.md").read_text()
    r = subprocess.run([sys.executable, str(RUN_ALL), "--dir", str(d), "--only", "storm_vs_nogs"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "experiment ran" in (d / "RESULTS.md").read_text()
