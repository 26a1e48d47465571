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

    # Sets the layout of this composed archive (see Archives#layout). Returns true.
    def layout(options = {})
      @interface.layout(id, options)
    end

    # Reads the archive again; this object then holds the fresh copy.
    def reload
      replace_with(@interface.find(id))
    end
  end

  # A page of archives: an Array of Archive with `total`.
  class ArchiveList < ResourceList
    # @api private
    def initialize(page, interface = nil)
      super(page, Archive, interface)
    end
  end

  # Archives of the project, as the official gem's `opentok.archives`.
  class Archives < Area
    ERROR = OpenTokArchiveError

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

    # Sets the layout of a recording composed archive: type ("bestFit", "pip",
    # "verticalPresentation", "horizontalPresentation", "focus", "custom"), stylesheet (custom
    # only), screenshare_type (bestFit only). Returns true.
    def layout(archive_id, options = {})
      run(:set_archive_layout, Rest.id(archive_id), Options::LAYOUT.build(options))
    end

    # Adds a stream to a recording archive started with stream_mode :manual; options has_audio
    # and has_video (default true). Returns true.
    def add_stream(archive_id, stream_id, options = {})
      run(:add_archive_stream, Rest.id(archive_id), Rest.id(stream_id), Options::TRACKS.build(options))
    end

    # Removes a stream from a recording archive started with stream_mode :manual. Returns true.
    def remove_stream(archive_id, stream_id)
      run(:remove_archive_stream, Rest.id(archive_id), Rest.id(stream_id))
    end
  end
end
