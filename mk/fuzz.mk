# Fuzzing of the core's parsers of outside bytes (docs/fuzzing.md).
#   fuzz   the property harness core/tests/fuzz.rs in release, a million cases per target
#          (FUZZ_CASES), each target bounded to FUZZ_SECS seconds; prints executions per target.
#          Inputs that panic are saved under core/tests/fuzz_corpus/<target>/ and fail the run.
# `make test` runs the same harness with 2000 cases per target (cargo test, in test-rust), and
# replays every corpus file as a regression case.
FUZZ_CASES ?= 1000000
FUZZ_SECS ?= 180
FUZZ_TARGETS ?=
.PHONY: fuzz

fuzz: ## property harness of the core's parsers, FUZZ_CASES cases / FUZZ_SECS s per target (release)
	OPENTOK_FUZZ_CASES=$(FUZZ_CASES) OPENTOK_FUZZ_SECS=$(FUZZ_SECS) \
	  $(CARGO) test --release -p opentok --test fuzz -- --nocapture --test-threads=1 $(FUZZ_TARGETS)
