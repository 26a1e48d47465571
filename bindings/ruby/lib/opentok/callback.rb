# frozen_string_literal: true

module OpenTok
  # A registered callback URL. Readers: id, group ("connection", "stream", "archive"...),
  # event, url, created_at.
  class Callback < Resource
    record Native::Callback
  end

  # Callback registrations of the project (not in the official gem; the Node SDK's
  # listCallbacks/registerCallback/unregisterCallback).
  class Callbacks < Area
    ERROR = OpenTokCallbackError

    # Every registered Callback (an Array).
    def all
      call(:list_callbacks).map { |c| Callback.new(c) }
    end

    # Registers `url` for a group's event: group: "connection" (event "connectionCreated"/
    # "connectionDestroyed"), "stream" ("streamCreated"/"streamDestroyed"), "archive"
    # ("status"). Returns the Callback.
    def register(options = {})
      Callback.new(call(:register_callback, Options::CALLBACK.build(options)))
    end

    # Deletes a registration. Returns true.
    def unregister(callback_id)
      run(:delete_callback, Rest.id(callback_id))
    end
  end
end
