# frozen_string_literal: true

# Loads the uniffi-generated FFI layer and the native library that sits beside it in
# lib/opentok/native/ (both generated at build time, never committed).
require "ffi"
require "io/wait" # the generated async poller uses IO#wait_readable

native_dir = File.join(__dir__, "native")
unless %w[opentok_core.rb opentok_uniffi.rb libopentok_uniffi.so].all? { |f| File.exist?(File.join(native_dir, f)) }
  raise LoadError, "opentok-native: the native layer is missing from #{native_dir}; " \
                   "build it with `bindings/scripts/build-native.sh ruby #{native_dir}` (or `make test-ruby`)"
end
# The core's records and enums (opentok_core.rb, built into the same Ruby module) load first; the
# client's file reopens the FFI helper classes they share, which ruby-ffi reports as layout
# redefinitions: quiet, since both files describe the same structs.
begin
  verbose = $VERBOSE
  $VERBOSE = nil
  require_relative "native/opentok_core"
  require_relative "native/opentok_uniffi"
ensure
  $VERBOSE = verbose
end

module OpenTok
  # The generated FFI module (an implementation detail; use OpenTok::OpenTok).
  Native = ::OpentokUniffi

  # Version of the Rust core this gem was built from.
  def self.core_version
    Native.core_version
  end
end
