"""Run every benchmark script and collect their tables in benchmarks/RESULTS.md.

In:  the scripts `benchmarks/*.py` (all but this one, `_*.py` and the training experiments in
     EXPERIMENTS, which run only with --only); each prints its results as
     markdown on stdout (progress and logs go to stderr).
Out: RESULTS.md: the machine (CPU model, cores, memory, OS, Python, torch, GPU if any, git commit),
     the date, and per script its command, wall time and stdout verbatim (in a code block when it
     has no markdown table, so aligned text keeps its columns); a script that fails or
     times out is recorded with its exit status and the tail of its stderr, and the others still run.

    python benchmarks/run_all.py [--only NAME ...] [--skip NAME ...] [--timeout S]
                                 [--script-args NAME="ARGS"] [--out benchmarks/RESULTS.md]

`make bench` runs it with the project's virtual environment (the scripts are started with the same
Python interpreter as this one unless --python is given).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

EXPERIMENTS = {"storm_vs_nogs"}  # multi-hour training experiments: left out unless named with --only
MD_TABLE = re.compile(r"^\|\s*:?-{3,}", re.M)  # a markdown table's separator row
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def machine_info(python: str) -> dict[str, str]:
    info: dict[str, str] = {}
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info["CPU"] = cpu
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info["cores"] = f"{usable} usable of {os.cpu_count()}"
    try:
        kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
        info["memory"] = f"{kb / 2**20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    info["OS"] = platform.platform()
    # versions as the benchmark interpreter sees them (it may be another venv than ours)
    probe = ("import platform, torch; print(platform.python_version()); print(torch.__version__); "
             "print(torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'none'); "
             "print(torch.get_num_threads()); print(torch.backends.cpu.get_cpu_capability()); "
             "print(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())")
    try:
        out = subprocess.run([python, "-c", probe], capture_output=True, text=True, timeout=120).stdout.split("\n")
        info["Python"], info["torch"], info["GPU"], info["torch threads"] = out[0], out[1], out[2], out[3]
        # bf16 autocast is fast only with native bf16 (hardware.py): every timing depends on it
        info["CPU capability"] = f"{out[4]}, native bf16: {'yes' if out[5] == 'True' else 'no'}"
    except (OSError, subprocess.TimeoutExpired, IndexError):
        info["Python"] = platform.python_version()
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=30).stdout.strip()
        if commit:
            info["git commit"] = commit + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.TimeoutExpired):
        pass
    return info


def discover(folder: Path) -> list[Path]:
    me = Path(__file__).resolve()
    return sorted(p for p in folder.glob("*.py") if p.resolve() != me and not p.name.startswith("_"))


def run_script(python: str, script: Path, args: list[str], timeout: float) -> dict:
    cmd = [python, str(script), *args]
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        rc, out, err = r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired as e:
        rc = "timeout"
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = (e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")) + \
            f"\nkilled after {timeout:.0f} s"
    except OSError as e:
        rc, out, err = "not started", "", str(e)
    return {"name": script.stem, "command": " ".join(shlex.quote(c) for c in
                                                      ["python", str(script.relative_to(ROOT) if script.is_relative_to(ROOT) else script), *args]),
            "rc": rc, "seconds": time.perf_counter() - t0, "stdout": out, "stderr": err}


def render(info: dict[str, str], results: list[dict], started: dt.datetime) -> str:
    lines = ["# Benchmark results", "",
             f"Written by `benchmarks/run_all.py` on {started.strftime('%Y-%m-%d %H:%M %Z')}. "
             "Each section is one script's own output; rerun with `make bench`.", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    lines += ["", "## Summary", "", "| script | status | wall time (s) |", "| --- | --- | ---: |"]
    for r in results:
        status = "ok" if r["rc"] == 0 else f"FAILED ({r['rc']})"
        lines.append(f"| [{r['name']}](#{r['name']}) | {status} | {r['seconds']:.1f} |")
    for r in results:
        lines += ["", f"## {r['name']}", "", f"`{r['command']}` — {r['seconds']:.1f} s", ""]
        if r["stdout"].strip():
            if MD_TABLE.search(r["stdout"]):
                lines += [r["stdout"].rstrip(), ""]
            else:  # plain aligned text: a code block keeps its columns
                lines += ["```", r["stdout"].rstrip(), "```", ""]
        if r["rc"] != 0:
            tail = "\n".join(r["stderr"].rstrip().splitlines()[-30:])
            lines += [f"**Failed** with exit status {r['rc']}; the end of its stderr:", "", "```", tail, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", nargs="*", default=None, help="script names (without .py) to run")
    p.add_argument("--skip", nargs="*", default=[], help="script names to leave out")
    p.add_argument("--timeout", type=float, default=3600.0, help="seconds per script (default 3600)")
    p.add_argument("--script-args", action="append", default=[], metavar='NAME="ARGS"',
                   help="extra arguments for one script, e.g. synth=\"--frames 8\" (repeatable)")
    p.add_argument("--python", default=sys.executable, help="interpreter for the scripts (default: this one)")
    p.add_argument("--dir", default=str(HERE), help="folder of benchmark scripts (default: this folder)")
    p.add_argument("--out", default=None, help="markdown file to write (default: DIR/RESULTS.md)")
    args = p.parse_args(argv)

    folder = Path(args.dir).resolve()
    scripts = discover(folder)
    if args.only is not None:
        unknown = set(args.only) - {s.stem for s in scripts}
        if unknown:
            p.error(f"unknown benchmark(s) {sorted(unknown)}; found {[s.stem for s in scripts]}")
        scripts = [s for s in scripts if s.stem in args.only]
    else:  # experiments that train models for hours run only when named
        scripts = [s for s in scripts if s.stem not in EXPERIMENTS]
    scripts = [s for s in scripts if s.stem not in set(args.skip)]
    extra: dict[str, list[str]] = {}
    for item in args.script_args:
        name, sep, rest = item.partition("=")
        if not sep:
            p.error(f"--script-args wants NAME=\"ARGS\", got {item!r}")
        extra[name] = shlex.split(rest)

    started = dt.datetime.now().astimezone()
    info = machine_info(args.python)
    results = []
    for s in scripts:
        print(f"[run_all] {s.name} ...", file=sys.stderr, flush=True)
        r = run_script(args.python, s, extra.get(s.stem, []), args.timeout)
        print(f"[run_all] {s.name}: {'ok' if r['rc'] == 0 else 'FAILED (' + str(r['rc']) + ')'} "
              f"in {r['seconds']:.1f} s", file=sys.stderr, flush=True)
        results.append(r)
    out = Path(args.out) if args.out else folder / "RESULTS.md"
    text = render(info, results, started)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text)
    os.replace(tmp, out)  # atomic: an interrupted run keeps the previous file
    print(f"[run_all] wrote {out}", file=sys.stderr)
    return 0 if all(r["rc"] == 0 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
