# frozen_string_literal: true

module OpenTok
  # An archive (recording) of a session, as `opentok.archives` returns it. Readers: id, status
  # ("started", "stopped", "available", ...), name, session_id, project_id, partner_id,
  # created_at and updated_at (ms since the epoch), size (bytes), duration (seconds), has_audio,
  # has_video, output_mode, stream_mode, streams, url, resolution, reason, password,
  # multi_archive_tag, max_bitrate, quantization_parameter, has_transcription, transcription.
  class Archive < Resource
    record Native::Archive, enums: { status: Native::ArchiveStatus }

    # Stops the recording; this object then holds the stopped archive.
    def stop
      replace_with(@interface.stop_by_id(id))
    end

    # Deletes the archive. Returns true.
    def delete
      @interface.delete_by_id(id)
    end

    include Composition::Item
  end

  # A page of archives: an Array of Archive with `total`.
  class ArchiveList < ResourceList
    of Archive
  end

  # Archives of the project, as the official gem's `opentok.archives`.
  class Archives < Area
    ERROR = OpenTokArchiveError
    COMPOSITION = "archive"
    # layout(archive_id, options), add_stream(archive_id, stream_id, options), remove_stream(archive_id, stream_id)
    include Composition

    # Starts recording a session (routed, with a connected client). Options (symbol or string
    # keys, snake_case or wire camelCase): name, has_audio, has_video, output_mode
    # (:composed/:individual), resolution ("1280x720", ...), stream_mode (:auto/:manual),
    # layout ({type:, stylesheet:, screenshare_type:}), multi_archive_tag, max_bitrate,
    # quantization_parameter, has_transcription, transcription_properties
    # ({primary_language_code:, has_summary:}). Returns the Archive (status "started").
    # Raises OpenTokArchiveError (kind "conflict"/status 409 when already recording or relayed,
    # "not_found"/404 without connected clients), OpenTokArgumentError when a rule is broken.
    def create(session_id, options = {})
      Archive.new(call(:start_archive, Rest.id(session_id), Options::ARCHIVE.build(options)), self)
    end

    # Stops a recording archive; returns the Archive (status "stopped").
    def stop_by_id(archive_id)
      Archive.new(call(:stop_archive, Rest.id(archive_id)), self)
    end

    # The Archive with this id.
    def find(archive_id)
      Archive.new(call(:get_archive, Rest.id(archive_id)), self)
    end

    # Archives of the project, newest first: options offset, count (1-1000), and sessionId
    # (or session_id) to keep one session's. Returns an ArchiveList.
    def all(options = {})
      ArchiveList.new(call(:list_archives, Options::LIST.build(options)), self)
    end

    # Deletes an archive (not while recording). Returns true.
    def delete_by_id(archive_id)
      run(:delete_archive, Rest.id(archive_id))
    end
  end
end
