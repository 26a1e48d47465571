# frozen_string_literal: true

module OpenTok
  # Signals to the clients of a session, as the official gem's `opentok.signals`.
  class Signals < Area
    ERROR = nil

    # Sends a signal to every client of a session, or to one connection when `connection_id`
    # is given (not "" or nil). Options: type (1-128 characters of A-Z a-z 0-9 _ ~ -) and data.
    # Returns true. Data over 8 kB: OpenTokPayloadTooLargeError (413); an unknown connection:
    # OpenTokNotFoundError (404). (Named `send` as in the official gem; use `__send__` for
    # Ruby's dynamic dispatch.)
    def send(session_id, connection_id = "", options = {}) # rubocop:disable Style/OptionalArguments
      if connection_id.is_a?(Hash) && options.empty?
        options = connection_id
        connection_id = nil
      end
      run(:signal, Rest.id(session_id), Rest.optional_id(connection_id), Options::SIGNAL.build(options))
    end
  end
end
