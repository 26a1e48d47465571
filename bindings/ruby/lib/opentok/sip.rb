# frozen_string_literal: true

module OpenTok
  # A SIP call created by `opentok.sip.dial`. Readers: id, connection_id, stream_id; also
  # `call["id"]` as the official gem's response.
  class SipCall < Resource
    record Native::SipCall
  end

  # The SIP gateway, as the official gem's `opentok.sip`.
  class Sip < Area
    ERROR = OpenTokSipError

    # Dials `sip_uri` (sip: or sips:) into a routed session with a client token. Options: from,
    # headers (custom names, X-...), auth ({username:, password:}), secure, video,
    # observe_force_mute (booleans), streams. Returns a SipCall. Raises OpenTokSipError.
    def dial(session_id, token, sip_uri, options = {})
      SipCall.new(call(:dial, Rest.id(session_id), token.to_s, sip_uri.to_s, Options::SIP.build(options)))
    end

    # Plays DTMF digits (0-9, *, #, p) to every SIP participant of a session. Returns true.
    def play_dtmf_to_session(session_id, dtmf_digits)
      run(:play_dtmf, Rest.id(session_id), nil, dtmf_digits.to_s)
    end

    # Plays DTMF digits to one connection of a session. Returns true.
    def play_dtmf_to_connection(session_id, connection_id, dtmf_digits)
      run(:play_dtmf, Rest.id(session_id), Rest.id(connection_id), dtmf_digits.to_s)
    end
  end
end
