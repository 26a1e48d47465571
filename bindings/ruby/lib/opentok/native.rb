# frozen_string_literal: true

# Loads the uniffi-generated FFI layer and the native library that sits beside it in
# lib/opentok/native/ (both generated at build time, never committed).
require "ffi"
require "io/wait" # the generated async poller uses IO#wait_readable

native_dir = File.join(__dir__, "native")
unless File.exist?(File.join(native_dir, "opentok_uniffi.rb")) && File.exist?(File.join(native_dir, "libopentok_uniffi.so"))
  raise LoadError, "opentok-native: the native layer is missing from #{native_dir}; " \
                   "build it with `bindings/scripts/build-native.sh ruby #{native_dir}` (or `make test-ruby`)"
end
require_relative "native/opentok_uniffi"

module OpenTok
  # The generated FFI module (an implementation detail; use OpenTok::OpenTok).
  Native = ::OpentokUniffi

  # Version of the Rust core this gem was built from.
  def self.core_version
    Native.core_version
  end
end
