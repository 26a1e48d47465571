# frozen_string_literal: true

module OpenTok
  # A registered callback URL. Readers: id, group ("connection", "stream", "archive"...),
  # event, url, created_at.
  class Callback < Resource
    fields "id", "group", "event", "url", "createdAt"
  end

  # Callback registrations of the project (not in the official gem; the Node SDK's
  # listCallbacks/registerCallback/unregisterCallback).
  class Callbacks
    # @api private
    def initialize(rest)
      @rest = rest
    end

    # Every registered Callback (an Array).
    def all
      Array(@rest.call("list_callbacks", [], OpenTokCallbackError)).map { |c| Callback.new(c) }
    end

    # Registers `url` for a group's event: group: "connection" (event "connectionCreated"/
    # "connectionDestroyed"), "stream" ("streamCreated"/"streamDestroyed"), "archive"
    # ("status"). Returns the Callback.
    def register(options = {})
      Callback.new(@rest.call("register_callback", [Rest.options(options, "options")], OpenTokCallbackError))
    end

    # Deletes a registration. Returns true.
    def unregister(callback_id)
      @rest.call("delete_callback", [Rest.id(callback_id)], OpenTokCallbackError)
      true
    end

    def inspect
      "#<OpenTok::Callbacks>"
    end
  end
end
