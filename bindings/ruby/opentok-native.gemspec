# frozen_string_literal: true

require_relative "lib/opentok/version"

Gem::Specification.new do |spec|
  spec.name = "opentok-native"
  spec.version = OpenTok::VERSION
  spec.summary = "OpenTok / Vonage Video server SDK for Ruby over one Rust core (uniffi)"
  spec.description = "Create sessions and mint tokens with the official opentok gem's API " \
                     "(OpenTok::OpenTok, create_session, generate_token, OpenTok::OpenTokError), " \
                     "backed by the opentok Rust core through a uniffi-generated FFI layer."
  spec.license = "Apache-2.0"
  spec.authors = ["opentok-native contributors"]
  spec.homepage = "https://github.com/opentok-native/opentok-native"
  spec.required_ruby_version = ">= 3.0"

  # lib/opentok/native/ holds the generated FFI layer and libopentok_uniffi.so, produced by
  # `bindings/scripts/build-native.sh ruby bindings/ruby/lib/opentok/native` before packaging.
  spec.files = Dir["lib/**/*.rb", "lib/opentok/native/*.so", "README.md"]
  spec.require_paths = ["lib"]

  spec.add_dependency "ffi", "~> 1.15"
  spec.add_development_dependency "minitest", "~> 5.0"
end
