# frozen_string_literal: true

module OpenTok
  # What archives and broadcasts share: a composed layout and, with stream_mode :manual, the
  # streams included. The area class names its core operations' noun in COMPOSITION
  # ("archive" => set_archive_layout, add_archive_stream, remove_archive_stream).
  # @api private
  module Composition
    # Sets the layout of a running composition: type ("bestFit", "pip", "verticalPresentation",
    # "horizontalPresentation", "custom"; required), stylesheet (custom only), screenshare_type
    # (bestFit only). Sends only what is given. Empty options raise OpenTokArgumentError, as the
    # official gem ("option parameter is empty"). Returns true.
    def layout(id, options = {})
      if options.nil? || (options.is_a?(Hash) && options.empty?)
        raise OpenTokArgumentError.new("invalid options: option parameter is empty (give at least type:)",
                                       kind: "invalid_argument", field: "options")
      end
      if options.is_a?(Hash) && options.none? { |k, v| Options::Table.canon(k) == "type" && !v.nil? }
        raise OpenTokArgumentError.new("invalid type: is required (bestFit, pip, verticalPresentation, " \
                                       "horizontalPresentation or custom)", kind: "invalid_argument", field: "type")
      end
      run(:"set_#{self.class::COMPOSITION}_layout", Rest.id(id), Options::LAYOUT.build(options))
    end

    # Adds a stream to a composition started with stream_mode :manual; options has_audio and
    # has_video (booleans or "true"/"false"), sent only when given, as the official gem (the
    # service includes a track not named). Returns true.
    def add_stream(id, stream_id, options = {})
      run(:"add_#{self.class::COMPOSITION}_stream_tracks", Rest.id(id), Rest.id(stream_id), Options::TRACKS.build(options))
    end

    # Removes a stream from a composition started with stream_mode :manual. Returns true.
    def remove_stream(id, stream_id)
      run(:"remove_#{self.class::COMPOSITION}_stream", Rest.id(id), Rest.id(stream_id))
    end

    # The result object's side (Archive, Broadcast): calls its area with its own id.
    module Item
      # Sets the layout of this composition (see Archives#layout, Broadcasts#layout). Returns true.
      def layout(options = {})
        @interface.layout(id, options)
      end

      # Adds a stream to this composition (stream_mode :manual; see Archives#add_stream). Returns true.
      def add_stream(stream_id, opts = {})
        @interface.add_stream(id, stream_id, opts)
      end

      # Removes a stream from this composition (stream_mode :manual). Returns true.
      def remove_stream(stream_id)
        @interface.remove_stream(id, stream_id)
      end

      # Reads it again; this object then holds the fresh copy.
      def reload
        replace_with(@interface.find(id))
      end
    end
  end
end
