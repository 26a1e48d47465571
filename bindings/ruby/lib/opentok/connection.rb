# frozen_string_literal: true

module OpenTok
  # A client connection of a session. Readers: connection_id, connection_state, created_at.
  class Connection < Resource
    fields "connectionId", "connectionState", "createdAt"
  end

  # The connections of a session: an Array of Connection with `total`, `project_id` and
  # `session_id`.
  class ConnectionList < ResourceList
    attr_reader :project_id, :session_id

    # @api private
    def initialize(json, interface = nil)
      super(json, Connection, interface)
      json = {} unless json.is_a?(Hash)
      @project_id = json["projectId"]
      @session_id = json["sessionId"]
    end
  end

  # Connections of a session, as the official gem's `opentok.connections`.
  class Connections
    # @api private
    def initialize(rest)
      @rest = rest
    end

    # Disconnects a client from a session. Returns true. Raises OpenTokConnectionError (kind
    # "not_found", status 404) when that client is not connected.
    def forceDisconnect(session_id, connection_id) # rubocop:disable Naming/MethodName -- the official name
      @rest.call("force_disconnect", [Rest.id(session_id), Rest.id(connection_id)], OpenTokConnectionError)
      true
    end
    alias force_disconnect forceDisconnect

    # The connections of a session (a ConnectionList). The official gem's offset/count paging
    # is not offered by the core: passing them raises OpenTokArgumentError.
    def list(session_id, options = {})
      opts = Rest.options(options, "options")
      unless opts.empty?
        raise OpenTokArgumentError.new("connections.list: #{opts.keys.first} is not supported (the core lists a " \
                                       "session's connections without paging)", kind: "invalid_argument", field: opts.keys.first.to_s)
      end
      ConnectionList.new(@rest.call("list_connections", [Rest.id(session_id)], OpenTokConnectionError), self)
    end

    def inspect
      "#<OpenTok::Connections>"
    end
  end
end
