# Emulator suite (issue 3): Rust integration tests against the real binary, the official
# Python and Node SDKs as clients, and the dashboard in headless Chromium.
.PHONY: test-emulator test-emulator-rust test-emulator-official test-emulator-dashboard

test-emulator: test-emulator-rust test-emulator-official test-emulator-dashboard

test-emulator-rust:
	$(CARGO) test -p opentok-emulator

test-emulator-official: emulator-bin
	EMULATOR_BIN=$(EMULATOR_BIN) emulator/tests/official/run.sh

test-emulator-dashboard: emulator-bin
	EMULATOR_BIN=$(EMULATOR_BIN) emulator/tests/dashboard/run.sh

TEST_TARGETS += test-emulator
