# frozen_string_literal: true

module OpenTok
  # An Experience Composer render. Readers: id, session_id, project_id, application_id,
  # created_at, updated_at, url, resolution, status ("starting", "started", "stopped",
  # "failed"), stream_id, reason.
  class Render < Resource
    fields "id", "sessionId", "projectId", "applicationId", "createdAt", "updatedAt", "url", "resolution",
           "status", "streamId", "reason"

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
    # @api private
    def initialize(json, interface = nil)
      super(json, Render, interface)
    end
  end

  # Experience Composer renders, as the official gem's `opentok.renders`.
  class Renders
    # @api private
    def initialize(rest)
      @rest = rest
    end

    # Starts a render of `url` into a session. Options: token (a publisher token, required),
    # url (required), max_duration (60-36000), resolution, properties ({name:}),
    # status_callback_url. Returns the Render (status "starting"). Raises OpenTokRenderError.
    def start(session_id, options = {})
      opts = Rest.options(options, "options").dup
      token_key = opts.keys.find { |k| k.to_s == "token" }
      token = token_key ? opts.delete(token_key) : nil
      Render.new(@rest.call("start_render", [Rest.id(session_id), token.to_s, opts], OpenTokRenderError), self)
    end

    # The Render with this id.
    def find(render_id)
      Render.new(@rest.call("get_render", [Rest.id(render_id)], OpenTokRenderError), self)
    end

    # Stops a render. Returns true (the official gem returns the 204's empty body as a Render).
    def stop(render_id)
      @rest.call("stop_render", [Rest.id(render_id)], OpenTokRenderError)
      true
    end

    # Renders of the project: offset, count (1-1000). Returns a RenderList.
    def list(options = {})
      RenderList.new(@rest.call("list_renders", [Rest.options(options, "options")], OpenTokRenderError), self)
    end

    def inspect
      "#<OpenTok::Renders>"
    end
  end
end
