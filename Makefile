# opentok-native: one Rust core, every OpenTok server library.
#   make test   install what is needed (venv, node_modules, Maven cache, apt packages) and run every suite
#   make demo   build, start an emulator, run the quickstart in every language
#   make help   every target, with what it does
# Each target says what it does after `##` on its rule line; `make help` prints those, file by file.
SHELL := /bin/bash
.DEFAULT_GOAL := help
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CARGO ?= cargo
CARGO_TARGET_DIR ?= $(ROOT)/target
export CARGO_TARGET_DIR
EMULATOR_BIN := $(CARGO_TARGET_DIR)/debug/opentok-emulator
export EMULATOR_BIN
TEST_TARGETS :=
DEMO_TARGETS :=

.PHONY: help test demo test-rust fmt-check bench-rust bench-rest emulator-bin lint

help: ## this list
	@awk 'FNR == 1 { file = FILENAME } \
	  /^[A-Za-z0-9_.-]+:.*## / { if (file != shown) { printf "%s\n", file; shown = file } \
	    split($$0, a, /:.*## /); printf "  make %-26s %s\n", a[1], a[2] }' $(MAKEFILE_LIST)

emulator-bin: ## build the emulator binary (debug) the suites start
	@if [ -f emulator/Cargo.toml ]; then $(CARGO) build -q -p opentok-emulator --bin opentok-emulator; fi

# Every crate's unit and integration tests (core, uniffi, bindgen, Python and Node bindings) in
# one cargo run. The emulator is left out here: its tests start the real binary and run once, in
# test-emulator-rust (mk/emulator.mk), which shares the emulator binary's build.
test-rust: ## cargo test of every crate but the emulator (its tests run in test-emulator)
	$(CARGO) test --workspace --exclude opentok-emulator

fmt-check: ## cargo fmt --all --check (rustfmt.toml at the root)
	$(CARGO) fmt --all --check

lint: ## clippy over every crate and target, warnings as errors
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# The suites of the emulator and the bindings, one file each. They add their targets to
# TEST_TARGETS and DEMO_TARGETS; a missing file stops make.
MK_FILES := emulator python node jvm ruby fuzz php dist
include $(MK_FILES:%=mk/%.mk)

test: fmt-check lint test-rust $(TEST_TARGETS) ## install what is needed and run every suite (what CI runs)
	@echo "all suites passed"

demo: emulator-bin ## start an emulator and run the quickstart in every language
	@EMULATOR_BIN=$(EMULATOR_BIN) scripts/demo.sh $(DEMO_TARGETS)

bench-rust: ## criterion benches of the core (benches/tokens.rs)
	$(CARGO) bench -p opentok --bench tokens

# The core's own CPU per blocking createSession, one thread and 64, against a release emulator
# (benches/rest_floor.rs): the floor the bindings' REST benches are measured against.
bench-rest: ## the core's blocking createSession cost against a release emulator (benches/rest_floor.rs)
	$(CARGO) build -q --release -p opentok-emulator
	$(CARGO) bench -q -p opentok --bench rest_floor --no-run
	@out=$$(mktemp); $(CARGO_TARGET_DIR)/release/opentok-emulator --port 0 --in-memory >$$out 2>/dev/null & pid=$$!; \
	  for i in $$(seq 100); do url=$$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' $$out | head -1); [ -n "$$url" ] && break; sleep 0.1; done; \
	  $(CARGO) bench -q -p opentok --bench rest_floor -- $$url $$pid; rc=$$?; kill $$pid; rm -f $$out; exit $$rc
