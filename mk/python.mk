# Python binding: the `opentok_native` package (pyo3 crate + maturin, python/).
#   test-python   .venv (python3) with pinned maturin/pytest/mypy, `pip install ./python` (dev
#                 profile, to share the emulator's debug artifacts), pytest against a real emulator
#                 (the suite starts its own; official opentok==3.15.0 goes to .scratch/), then mypy
#                 over the tests and the example (stub check)
#   demo-python   runs examples/python/quickstart.py against $(OPENTOK_API_URL)
#   bench-python  release builds (package and emulator), then benches/python_bench.py (ours vs
#                 official opentok==3.15.0 in the same run, prints ratios)
PY_VENV := $(ROOT)/.venv
PY := $(PY_VENV)/bin/python
PYTHON3 ?= python3
PY_TOOLS := maturin==1.16.0 pytest==9.2.0 mypy==2.4.1
.PHONY: test-python demo-python bench-python python-venv python-install python-install-release

$(PY):
	@command -v $(PYTHON3) >/dev/null && $(PYTHON3) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "python3 with venv missing: installing Debian's python3-venv"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip; }
	$(PYTHON3) -m venv $(PY_VENV)

python-venv: $(PY) ## .venv with pinned maturin, pytest and mypy
	@$(PY) -m pip install -q --disable-pip-version-check $(PY_TOOLS)

python-install: python-venv ## pip install ./python into .venv (dev profile)
	PATH="$(PY_VENV)/bin:$$PATH" MATURIN_PEP517_ARGS="--profile dev" $(PY) -m pip install -q --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps $(ROOT)/python

python-install-release: python-venv ## pip install ./python into .venv (release)
	PATH="$(PY_VENV)/bin:$$PATH" $(PY) -m pip install -q --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps $(ROOT)/python

test-python: python-install emulator-bin ## pytest against a real emulator, then mypy over tests and example
	@# run from the repo root: from python/ the source folder opentok_native/ (no extension
	@# inside) would shadow the installed package
	cd $(ROOT) && EMULATOR_BIN=$(EMULATOR_BIN) $(PY) -m pytest -q -p no:cacheprovider python/tests
	cd $(ROOT) && $(PY) -m mypy --config-file python/pyproject.toml python/tests examples/python

demo-python: python-install ## examples/python/quickstart.py against $OPENTOK_API_URL
	@test -n "$$OPENTOK_API_URL" || { echo "demo-python: set OPENTOK_API_URL to a running emulator (make demo starts one)"; exit 1; }
	$(PY) $(ROOT)/examples/python/quickstart.py

bench-python: python-install-release ## release builds, then benches/python_bench.py (ours vs official)
	$(CARGO) build -q --release -p opentok-emulator --bin opentok-emulator
	EMULATOR_BIN=$(CARGO_TARGET_DIR)/release/opentok-emulator $(PY) $(ROOT)/benches/python_bench.py

TEST_TARGETS += test-python
DEMO_TARGETS += demo-python
