# frozen_string_literal: true

module OpenTok
  # An Audio Connector WebSocket connection. Readers: id, connection_id, bidirectional; also
  # `connection["id"]`, as the official gem's response.
  class AudioConnection < Resource
    record Native::AudioConnection
  end

  # The Audio Connector, as the official gem's `opentok.websocket` (plus #stop).
  class WebSocket < Area
    ERROR = OpenTokWebSocketError

    # Streams a routed session's audio to `websocket_uri` (ws:// or wss://), connecting with a
    # client token. Options: streams, headers, audio_rate (8000, 16000, 24000), bidirectional,
    # audio_transport ({transport:, encoding:, audio_field:, receive_audio_field:,
    # static_fields:}, sent as a JSON object). Returns an AudioConnection.
    # Raises OpenTokWebSocketError (409 for a relayed session).
    def connect(session_id, token, websocket_uri, options = {})
      opts = options.is_a?(Hash) ? options.merge(uri: websocket_uri.to_s) : options
      AudioConnection.new(call(:connect_audio, Rest.id(session_id), token.to_s, Options::AUDIO_CONNECTOR.build(opts)))
    end

    # Stops an Audio Connector connection (new: not in the official gem). Returns true.
    def stop(connection_id)
      run(:stop_audio_connector, Rest.id(connection_id))
    end
  end
end
