# frozen_string_literal: true

require "json"

module OpenTok
  # Base of the result objects (Archive, Broadcast, Stream, Render, ...): the core's answer as a
  # Hash with the wire's camelCase keys, read through snake_case readers (`archive.session_id`),
  # the official gem's camelCase spellings (`archive.sessionId`), or `archive["sessionId"]`.
  class Resource
    # Declares the snake_case readers of the given wire (camelCase) fields.
    # @api private
    def self.fields(*wire_names)
      wire_names.each do |wire|
        define_method(Resource.snake(wire)) { @json[wire] }
      end
    end

    # "sessionId" -> "session_id"
    # @api private
    def self.snake(name)
      name.to_s.gsub(/([a-z\d])([A-Z])/, '\1_\2').downcase
    end

    # "session_id" -> "sessionId"
    # @api private
    def self.camel(name)
      name.to_s.gsub(/_([a-z\d])/) { Regexp.last_match(1).upcase }
    end

    # @api private (built by the API classes from the core's answer)
    def initialize(json, interface = nil)
      @json = json.is_a?(Hash) ? json : {}
      @interface = interface
    end

    # A field by its wire name ("sessionId") or snake_case name (:session_id).
    def [](key)
      k = key.to_s
      @json.key?(k) ? @json[k] : @json[Resource.camel(k)]
    end

    # The fields as a Hash with the wire's camelCase String keys.
    def to_h
      @json.dup
    end

    # The fields as JSON (camelCase keys), as the official gem's #to_json.
    def to_json(*args)
      @json.to_json(*args)
    end

    def ==(other)
      other.class == self.class && other.to_h == @json
    end
    alias eql? ==

    def hash
      [self.class, @json].hash
    end

    def inspect
      "#<#{self.class.name} #{@json.map { |k, v| "#{k}=#{v.inspect}" }.join(' ')}>"
    end

    # The official gem reads any field through method_missing; so do we, for fields without a
    # declared reader (camelCase or snake_case).
    def method_missing(name, *args, &block)
      key = field_key(name)
      return super if key.nil? || !args.empty? || block

      @json[key]
    end

    def respond_to_missing?(name, include_private = false)
      !field_key(name).nil? || super
    end

    private

    def field_key(name)
      n = name.to_s
      return n if @json.key?(n)

      c = Resource.camel(n)
      @json.key?(c) ? c : nil
    end

    # Replaces the fields with those of a fresh copy (after stop, find, ...).
    def replace_with(other)
      @json = other.to_h
      self
    end
  end

  # An Array of result objects with the list's total (`count` on the wire), as the official
  # ArchiveList/BroadcastList/StreamList/RenderList.
  class ResourceList < Array
    # The total number of items the service reports (may exceed the page's size).
    attr_reader :total

    # @api private
    def initialize(json, item_class, interface = nil)
      json = {} unless json.is_a?(Hash)
      @total = json["count"]
      super(Array(json["items"]).map { |item| item_class.new(item, interface) })
    end
  end
end
