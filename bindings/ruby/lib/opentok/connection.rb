# frozen_string_literal: true

module OpenTok
  # A client connection of a session. Readers: connection_id, connection_state, created_at.
  class Connection < Resource
    record Native::Connection
  end

  # The connections of a session: an Array of Connection with `total`, `project_id` and
  # `session_id`.
  class ConnectionList < ResourceList
    of Connection
    attr_reader :project_id, :session_id

    # @api private
    def initialize(page, interface = nil)
      super
      @project_id = page.project_id
      @session_id = page.session_id
    end
  end

  # Connections of a session, as the official gem's `opentok.connections`.
  class Connections < Area
    ERROR = OpenTokConnectionError

    # Disconnects a client from a session. Returns true. Raises OpenTokConnectionError (kind
    # "not_found", status 404) when that client is not connected.
    def forceDisconnect(session_id, connection_id) # rubocop:disable Naming/MethodName -- the official name
      run(:force_disconnect, Rest.id(session_id), Rest.id(connection_id))
    end
    alias force_disconnect forceDisconnect

    # The connections of a session (a ConnectionList). The official gem's offset/count paging
    # is not offered by the core: passing them raises OpenTokArgumentError.
    def list(session_id, options = {})
      NO_OPTIONS.build(options)
      ConnectionList.new(call(:list_connections, Rest.id(session_id)), self)
    end

    NO_OPTIONS = Options::Table.new(nil)
    private_constant :NO_OPTIONS
  end
end
