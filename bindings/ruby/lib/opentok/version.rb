# frozen_string_literal: true

module OpenTok
  # Version of this gem (the Rust core's version is OpenTok.core_version).
  VERSION = "0.1.0"
end
