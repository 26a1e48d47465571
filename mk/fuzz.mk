# Fuzzing of the core's parsers of outside bytes (docs/fuzzing.md).
#   fuzz            the property harness core/tests/fuzz.rs in release: FUZZ_CASES cases per target
#                   (default a million), each target bounded to FUZZ_SECS seconds; prints
#                   executions and outcome labels per target. Inputs that panic are saved under
#                   core/tests/fuzz_corpus/<target>/ and fail the run.
#   fuzz-libfuzzer  coverage-guided: cargo fuzz (libFuzzer; stable toolchain, no sanitizer) over the
#                   same checks, FUZZ_SECS seconds per target; crashes are copied into
#                   core/tests/fuzz_corpus/<target>/ (replayed by every cargo test).
# `make test` runs the harness with 2000 cases per target (cargo test, in test-rust) and replays
# every corpus file as a regression case; neither fuzzer runs there.
FUZZ_CASES ?= 1000000
FUZZ_SECS ?= 180
FUZZ_TARGETS ?=
LIBFUZZER_TARGETS ?= token_decode session_id rest_models from_json session_form token_roundtrip session_id_roundtrip event_parse
.PHONY: fuzz fuzz-libfuzzer

fuzz: ## property harness of the core's parsers, FUZZ_CASES cases / FUZZ_SECS s per target (release)
	OPENTOK_FUZZ_CASES=$(FUZZ_CASES) OPENTOK_FUZZ_SECS=$(FUZZ_SECS) \
	  $(CARGO) test --release -p opentok --test fuzz -- --nocapture --test-threads=1 $(FUZZ_TARGETS)

fuzz-libfuzzer: ## cargo fuzz (libFuzzer, -s none) of the same checks, FUZZ_SECS s per target
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	OPENTOK_FUZZ_EXPORT=$(ROOT)/fuzz/corpus OPENTOK_FUZZ_CASES=0 $(CARGO) test -q -p opentok --test fuzz
	cd $(ROOT)/fuzz && export CARGO_TARGET_DIR=$(ROOT)/fuzz/target && for t in $(LIBFUZZER_TARGETS); do \
	  mkdir -p corpus/$$t artifacts/$$t ../core/tests/fuzz_corpus/$$t; rm -f artifacts/$$t/*; \
	  $(CARGO) fuzz run -s none $$t corpus/$$t -- -max_total_time=$(FUZZ_SECS) -print_final_stats=1 2>&1 \
	    | grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done|==[0-9]+== ERROR|SUMMARY)' | sed "s/^/$$t: /"; \
	  status=$${PIPESTATUS[0]}; \
	  for f in artifacts/$$t/crash-* artifacts/$$t/oom-* artifacts/$$t/timeout-*; do \
	    [ -e "$$f" ] && cp "$$f" ../core/tests/fuzz_corpus/$$t/; done; \
	  [ "$$status" = 0 ] || { echo "$$t: libFuzzer found a failing input (copied to core/tests/fuzz_corpus/$$t/)"; exit 1; }; \
	done
