"""Imports run one way (data -> conditions -> models -> pipelines -> eval/report) and no module uses
another module's private names. Read from the source with `ast`: nothing is imported or run."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "cvdstorm"

# Lowest first: a part of cvdstorm may import only parts of earlier layers (and itself). Parts in one
# layer do not import each other: the trainers and the pipelines both sit on the models, side by side.
LAYERS = (
    ("cvdstorm",),                       # the package's own __init__: CAMERAS, __version__
    ("errors",),
    ("paths", "limits"),                 # the path policy and size limits for untrusted input
    ("io", "geometry", "hardware", "packages"),
    ("config", "images"),
    ("data", "render"),
    ("models",),
    ("train", "pipelines"),
    ("eval",),
    ("report",),
    ("demo", "setup_check"),
    ("cli",),
)
RANK = {part: i for i, layer in enumerate(LAYERS) for part in layer}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str, root: Path = ROOT) -> bool:
    p = root.joinpath(*name.split("."))
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def imported(source: str, module: str, is_package: bool, root: Path = ROOT) -> list[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) for every import of `module`'s source;
    relative imports resolved, `from pkg import submodule` counted as an import of the submodule."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                here = here[:len(here) - node.level + 1]
                base = ".".join(here + ([node.module] if node.module else []))
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.append((sub, None, node.lineno) if is_module(sub, root) else (base, a.name, node.lineno))
    return out


def part(module: str) -> str | None:
    """The layer part of a cvdstorm module: `cvdstorm.models.dit` -> `models`; None outside cvdstorm."""
    names = module.split(".")
    if names[0] != PACKAGE:
        return None
    return names[1] if len(names) > 1 else PACKAGE


def private_definitions(source: str) -> set[str]:
    """Private names a module defines: functions, classes, globals and `self._x` / class attributes."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def problems(module: str, source: str, is_package: bool = False, others_private: set[str] = frozenset(),
             root: Path = ROOT) -> list[str]:
    """Every layering or privacy violation in one module's source, one line each."""
    out = []
    me = part(module)
    my_package = module if is_package else module.rpartition(".")[0]
    for target, name, line in imported(source, module, is_package, root):
        there = part(target)
        if there is None and (root / Path(*my_package.split("."))).joinpath(f"{target.split('.')[0]}.py").is_file():
            there = ""  # a sibling file (a test importing another test's helpers): its names count too
        if me is not None and me in RANK and there and there != me:
            if there not in RANK:
                out.append(f"{module}:{line} imports {target}, a part of {PACKAGE} missing from LAYERS")
            elif RANK[there] >= RANK[me]:
                out.append(f"{module}:{line} imports {target}: {me} may not import {there}")
        if there is None:
            continue
        # a private module is shared within its own package; a private name within its own module
        last = target.rpartition(".")[2]
        if last.startswith("_") and not last.startswith("__") and target.rpartition(".")[0] != my_package:
            out.append(f"{module}:{line} imports the private module {target}")
        if name is not None and name.startswith("_") and not name.startswith("__") and target != module:
            out.append(f"{module}:{line} imports the private name {name} from {target}")
    own = private_definitions(source)
    for node in ast.walk(ast.parse(source)):  # `obj._name` where _name belongs to another cvdstorm module
        if (isinstance(node, ast.Attribute) and node.attr in others_private and node.attr not in own
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
            out.append(f"{module}:{node.lineno} uses the private attribute {node.attr} of another module")
    return list(dict.fromkeys(out))  # `from x import a, b` is one violation


def sources(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py"))


def package_private_names() -> dict[Path, set[str]]:
    return {p: private_definitions(p.read_text()) for p in sources(PACKAGE)}


def check(paths: list[Path]) -> list[str]:
    private = package_private_names()
    out = []
    for p in paths:
        others = set().union(*(names for q, names in private.items() if q != p))
        # tests and benchmarks are not modules of the package: only their imports are checked
        attrs = others if p.is_relative_to(ROOT / PACKAGE) else set()
        out += problems(module_name(p), p.read_text(), p.name == "__init__.py", attrs)
    return out


def test_package_imports_run_one_way_and_keep_private_names_private():
    assert check(sources(PACKAGE)) == []


def test_tests_and_benchmarks_use_only_public_names():
    assert check(sources("tests", "benchmarks")) == []


def test_the_check_catches_each_kind_of_violation():
    bad = ("from ..train.dit import load_dit\n"             # pipelines -> train
           "from ..report import html\n"                     # pipelines -> report
           "from ..eval.segmentation import _resize_labels\n"  # a private name
           "from ..geometry import _backend\n"               # another package's private module
           "def f(reader):\n    return reader._samples\n")  # a private attribute of another module
    found = problems("cvdstorm.pipelines.fake", bad, others_private={"_samples"})
    assert [p.split(":")[1].split()[0] for p in found] == ["1", "2", "3", "3", "4", "6"], found
    assert "pipelines may not import train" in found[0] and "pipelines may not import report" in found[1]
    assert "pipelines may not import eval" in found[2] and "private name _resize_labels" in found[3]
    assert "private module cvdstorm.geometry._backend" in found[4] and "private attribute _samples" in found[5]
    # the same lines are fine where they belong: a trainer may use the models, a module its own names
    assert problems("cvdstorm.train.fake", "from ..models.dit import build_dit\n") == []
    assert problems("cvdstorm.geometry.camera", "from ._backend import xp\nfrom . import _backend\n") == []
    assert problems("cvdstorm.io", "def _f():\n    pass\nx = _f()\n", others_private={"_f"}) == []
    assert problems("cvdstorm.eval.fake", "import cvdstorm.report.html\n")[0].endswith("eval may not import report")
    assert "private name _probe" in problems("tests.test_fake", "from test_report_browser import _probe\n")[0]
    assert "missing from LAYERS" in problems("cvdstorm.eval.fake", "from ..newpart import x\n")[0]


def import_graph(paths: list[Path], root: Path = ROOT) -> dict[str, set[str]]:
    """module -> the package's modules it imports, at any depth of its source (function-level imports
    included: a lazy import still ties two modules together). `from pkg import name` counts as an import
    of pkg's __init__ only when name is not a submodule."""
    graph = {}
    for p in paths:
        mod = module_name(p, root)
        graph[mod] = {t for t, _, _ in imported(p.read_text(), mod, p.name == "__init__.py", root)
                      if part(t) is not None and t != mod}
    return graph


def import_loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted: every import loop.
    A package's __init__ re-exporting its modules is not a loop with them: edges into a package from
    its own submodules are dropped (a submodule importing a sibling through the package is one hop)."""
    def is_parent(pkg: str, mod: str) -> bool:
        return mod.startswith(pkg + ".")

    edges = {m: {t for t in ts if t in graph and not is_parent(t, m)} for m, ts in graph.items()}
    index, low, on, stack, out = {}, {}, set(), [], []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_loops_in_the_package():
    assert import_loops(import_graph(sources(PACKAGE))) == []


def test_the_loop_finder_finds_loops():
    g = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "p": {"p.x"}, "p.x": {"p"}, "e": {"e"}}
    assert import_loops(g) == [["a", "b", "c"]]
