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
  spec.metadata = { "source_code_uri" => spec.homepage }
  spec.required_ruby_version = ">= 3.0"

  # lib/opentok/native/ holds the generated FFI layer and libopentok_uniffi.so, produced by
  # `bindings/scripts/build-native.sh ruby bindings/ruby/lib/opentok/native` before packaging.
  spec.files = Dir["lib/**/*.rb", "lib/opentok/native/*.so", "README.md"]
  # A gem carrying the compiled library is a platform gem (e.g. opentok-native-0.1.0-x86_64-linux.gem):
  # RubyGems installs it only where that library loads, and never compiles anything.
  spec.platform = Gem::Platform::CURRENT unless Dir["lib/opentok/native/*.so"].empty?
  spec.require_paths = ["lib"]

  spec.add_dependency "ffi", "~> 1.15"
  spec.add_development_dependency "minitest", "~> 5.0"
end
