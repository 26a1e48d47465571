# frozen_string_literal: true

module OpenTok
  # The REST plumbing shared by the area classes (Archives, Broadcasts, ...). Every REST
  # operation is one typed method of the native client (`start_archive_blocking(session_id,
  # ArchiveOptions)` => `Archive`): arguments go as the core's option records (built by
  # OpenTok::Options), answers come back as the core's model records (read by OpenTok::Resource).
  # Only the `_blocking` twins are called: they block the calling thread and release the GVL.
  # @api private
  class Rest
    # `area_error` is the area's error class (e.g. OpenTokArchiveError), or nil.
    def initialize(native_client, area_error = nil)
      @native = native_client
      @area_error = area_error
    end

    # The same client raising another area's errors.
    def for_area(area_error)
      Rest.new(@native, area_error)
    end

    # Runs `operation` (a core method name such as :start_archive) with typed `args`; failures
    # are raised as the area's error class unless they are argument, token or credential errors.
    # Returns the core's record (nil for operations without an answer).
    def call(operation, *args)
      ::OpenTok.native_call(@area_error) { @native.public_send(:"#{operation}_blocking", *args) }
    end

    # Runs an operation without an answer; returns true (the official gem's result).
    def run(operation, *args)
      call(operation, *args)
      true
    end

    # An id argument as a String (the core checks it is not empty).
    def self.id(value)
      value.nil? ? "" : value.to_s
    end

    # An optional id: nil or "" mean none (the official gem's `connection_id = ""`).
    def self.optional_id(value)
      value.nil? || value.to_s.empty? ? nil : value.to_s
    end
  end

  # Base of the area classes: holds the REST plumbing bound to the area's error class.
  # @api private
  class Area
    # @api private
    def initialize(rest)
      @rest = self.class::ERROR ? rest.for_area(self.class::ERROR) : rest
    end

    def inspect
      "#<#{self.class.name}>"
    end

    private

    def call(operation, *args)
      @rest.call(operation, *args)
    end

    def run(operation, *args)
      @rest.run(operation, *args)
    end
  end
end
