# frozen_string_literal: true

$LOAD_PATH.unshift File.expand_path("../lib", __dir__)
require "opentok_native"
require "minitest/autorun"
require_relative "support/emulator"

VECTORS = JSON.parse(File.read(File.expand_path("../../../tests/vectors/tokens.json", __dir__)))

# One emulator for the whole run.
EMULATOR = Emulator.start
Minitest.after_run { EMULATOR.close }
