# frozen_string_literal: true

module OpenTok
  # An Audio Connector WebSocket connection. Readers: id, connection_id, bidirectional; also
  # `connection["id"]`, as the official gem's response.
  class AudioConnection < Resource
    fields "id", "connectionId", "bidirectional"
  end

  # The Audio Connector, as the official gem's `opentok.websocket` (plus #stop).
  class WebSocket
    # @api private
    def initialize(rest)
      @rest = rest
    end

    # Streams a routed session's audio to `websocket_uri` (ws:// or wss://), connecting with a
    # client token. Options: streams, headers, audio_rate (8000, 16000, 24000), bidirectional,
    # audio_transport (a Hash, sent as a JSON object). Returns an AudioConnection.
    # Raises OpenTokWebSocketError (409 for a relayed session).
    def connect(session_id, token, websocket_uri, options = {})
      opts = Rest.options(options, "options").merge("uri" => websocket_uri.to_s)
      AudioConnection.new(@rest.call("connect_audio", [Rest.id(session_id), token.to_s, opts], OpenTokWebSocketError))
    end

    # Stops an Audio Connector connection (new: not in the official gem). Returns true.
    def stop(connection_id)
      @rest.call("stop_audio_connector", [Rest.id(connection_id)], OpenTokWebSocketError)
      true
    end

    def inspect
      "#<OpenTok::WebSocket>"
    end
  end
end
