# frozen_string_literal: true

# OpenTok server SDK for Ruby over the opentok Rust core. Mirrors the official `opentok` gem:
#
#   require "opentok_native"
#   opentok = OpenTok::OpenTok.new(api_key, api_secret)
#   session = opentok.create_session(media_mode: :routed, location: "12.34.56.78")
#   token = session.generate_token(role: :moderator)
require_relative "opentok/version"
require_relative "opentok/native"
require_relative "opentok/error"
require_relative "opentok/session"
require_relative "opentok/token"
require_relative "opentok/client"
require_relative "opentok/sdk"
