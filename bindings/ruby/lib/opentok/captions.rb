# frozen_string_literal: true

module OpenTok
  # Live captions just started: reader captions_id (also `captions["captionsId"]`, as the
  # official gem's response).
  class LiveCaptions < Resource
    record Native::Captions
  end

  # The status of live captions (not in the official gem). Readers: captions_id, session_id,
  # project_id, application_id, status ("started", "stopped", ...), language_code, provider,
  # reason, max_duration, created_at, updated_at.
  class CaptionStatus < Resource
    record Native::CaptionStatus
  end

  # Live captions, as the official gem's `opentok.captions` (plus #find).
  class Captions < Area
    ERROR = OpenTokCaptionsError

    # Starts live captions of a session with a moderator token. Options: language_code
    # ("en-US"), max_duration (300-14400), partial_captions, status_callback_url.
    # Returns LiveCaptions (captions_id). Raises OpenTokCaptionsError (409 when already running).
    def start(session_id, token, options = {})
      LiveCaptions.new(call(:start_captions, Rest.id(session_id), token.to_s, Options::CAPTIONS.build(options)))
    end

    # Stops live captions. Returns true.
    def stop(captions_id)
      run(:stop_captions, Rest.id(captions_id))
    end

    # The CaptionStatus of live captions (new: not in the official gem).
    def find(captions_id)
      CaptionStatus.new(call(:get_captions, Rest.id(captions_id)))
    end
  end
end
