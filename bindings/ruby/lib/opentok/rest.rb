# frozen_string_literal: true

require "json"

module OpenTok
  # Calls one REST operation of the core through the native `rest_blocking(operation,
  # args_json)` export: the arguments go as a JSON array (Ruby hashes with symbol or string keys,
  # wire camelCase or snake_case, become the core's options through its `from_json`), the answer
  # comes back as the core's response model in JSON. Every rule lives in the core; this class
  # only converts shapes. The call blocks the calling thread and releases the GVL.
  # @api private
  class Rest
    def initialize(native_client)
      @native = native_client
    end

    # Runs `operation` (a core method name such as "start_archive") with `args`; failures are
    # raised as `area_error` (e.g. OpenTokArchiveError) unless they are argument or credential
    # errors. Returns the parsed answer (nil for operations without one).
    def call(operation, args, area_error = nil)
      json = JSON.generate(args.map { |a| Rest.plain(a) })
      out = ::OpenTok.native_call(area_error) { @native.rest_blocking(operation, json) }
      out.nil? || out.empty? ? nil : JSON.parse(out)
    end

    # Options Hash -> JSON-ready value: keys become strings, symbols strings, nil stays null;
    # anything else is left for JSON (and then the core) to judge.
    def self.plain(value)
      case value
      when Hash then value.each_with_object({}) { |(k, v), h| h[k.to_s] = plain(v) }
      when Array then value.map { |v| plain(v) }
      when Symbol then value.to_s
      else value
      end
    end

    # An options argument: nil -> {}, Hash -> Hash; anything else is refused naming the
    # parameter (the core would say "options must be an object" without the parameter's name).
    def self.options(value, name)
      return {} if value.nil?
      return value if value.is_a?(Hash)

      raise OpenTokArgumentError.new("#{name} must be a Hash, got #{value.inspect}", kind: "invalid_argument", field: name)
    end

    # An id argument as a String (the core checks it is non-empty and has no whitespace).
    def self.id(value)
      value.nil? ? "" : value.to_s
    end

    # An optional id: nil or "" mean none (the official gem's `connection_id = ""`).
    def self.optional_id(value)
      value.nil? || value.to_s.empty? ? nil : value.to_s
    end
  end
end
