# Emulator suite: Rust integration tests against the real binary, the official
# Python and Node SDKs as clients, and the dashboard in headless Chromium.
.PHONY: test-emulator test-emulator-rust test-emulator-official test-emulator-dashboard

test-emulator: test-emulator-rust test-emulator-official test-emulator-dashboard ## the three emulator suites below

# The emulator crate's unit tests and its integration tests (tests/, against the real binary);
# test-rust leaves this crate out so they run once.
test-emulator-rust: ## cargo test -p opentok-emulator
	$(CARGO) test -p opentok-emulator

test-emulator-official: emulator-bin ## the official Python and Node SDKs as clients of the emulator
	EMULATOR_BIN=$(EMULATOR_BIN) emulator/tests/official/run.sh

test-emulator-dashboard: emulator-bin ## the dashboard in headless Chromium
	EMULATOR_BIN=$(EMULATOR_BIN) emulator/tests/dashboard/run.sh

TEST_TARGETS += test-emulator
