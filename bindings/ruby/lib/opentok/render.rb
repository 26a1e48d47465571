# frozen_string_literal: true

module OpenTok
  # An Experience Composer render. Readers: id, session_id, project_id, application_id,
  # created_at, updated_at, url, resolution, status ("starting", "started", "stopped",
  # "failed"), stream_id, reason.
  class Render < Resource
    record Native::Render

    # Stops the render. Returns true.
    def stop
      @interface.stop(id)
    end

    # Reads the render again (as the official Render#info); this object then holds it.
    def info
      replace_with(@interface.find(id))
    end
  end

  # A page of renders: an Array of Render with `total`.
  class RenderList < ResourceList
    of Render
  end

  # Experience Composer renders, as the official gem's `opentok.renders`.
  class Renders < Area
    ERROR = OpenTokRenderError

    # Starts a render of `url` into a session. Options: token (a publisher token, required),
    # url (required), max_duration (60-36000), resolution, properties ({name:}),
    # status_callback_url. Returns the Render (status "starting"). Raises OpenTokRenderError.
    def start(session_id, options = {})
      opts = options.is_a?(Hash) ? options.reject { |k, _| k.to_s == "token" } : options
      token = options.is_a?(Hash) ? options.find { |k, _| k.to_s == "token" }&.last : nil
      Render.new(call(:start_render, Rest.id(session_id), token.to_s, Options::RENDER.build(opts)), self)
    end

    # The Render with this id.
    def find(render_id)
      Render.new(call(:get_render, Rest.id(render_id)), self)
    end

    # Stops a render. Returns true (the official gem returns the 204's empty body as a Render).
    def stop(render_id)
      run(:stop_render, Rest.id(render_id))
    end

    # Renders of the project: offset, count (1-1000). Returns a RenderList.
    def list(options = {})
      RenderList.new(call(:list_renders, Options::LIST.build(options)), self)
    end
  end
end
