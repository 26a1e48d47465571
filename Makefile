# opentok-native: one Rust core, every OpenTok server library.
#   make test   install what is needed (venv, node_modules, Maven cache, apt packages) and run every suite
#   make demo   build, start an emulator, run the quickstart in every language
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

.PHONY: help test demo test-rust bench-rust emulator-bin lint
help:
	@echo "make test   # install what is needed and run every suite"
	@echo "make demo   # start the emulator and run the quickstart in every language"

emulator-bin:
	@if [ -f emulator/Cargo.toml ]; then $(CARGO) build -q -p opentok-emulator --bin opentok-emulator; fi

test-rust:
	$(CARGO) test -p opentok

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

-include mk/*.mk

test: lint test-rust $(TEST_TARGETS)
	@echo "all suites passed"

demo: emulator-bin
	@EMULATOR_BIN=$(EMULATOR_BIN) scripts/demo.sh $(DEMO_TARGETS)

bench-rust:
	$(CARGO) bench -p opentok --bench tokens
