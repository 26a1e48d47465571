# frozen_string_literal: true

# OpenTok server SDK for Ruby over the opentok Rust core. Mirrors the official `opentok` gem:
#
#   require "opentok_native"
#   opentok = OpenTok::OpenTok.new(api_key, api_secret)
#   session = opentok.create_session(media_mode: :routed, location: "12.34.56.78")
#   token = session.generate_token(role: :moderator)
#   archive = opentok.archives.create(session.session_id, name: "standup")
require_relative "opentok/version"
require_relative "opentok/native"
require_relative "opentok/error"
require_relative "opentok/session"
require_relative "opentok/token"
require_relative "opentok/token_fast"
require_relative "opentok/resource"
require_relative "opentok/rest"
require_relative "opentok/options"
require_relative "opentok/composition"
require_relative "opentok/archive"
require_relative "opentok/broadcast"
require_relative "opentok/stream"
require_relative "opentok/connection"
require_relative "opentok/signal"
require_relative "opentok/sip"
require_relative "opentok/captions"
require_relative "opentok/render"
require_relative "opentok/audio_connector"
require_relative "opentok/callback"
require_relative "opentok/events"
require_relative "opentok/client"
require_relative "opentok/rest_client"
require_relative "opentok/sdk"
