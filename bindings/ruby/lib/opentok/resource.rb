# frozen_string_literal: true

require "json"

module OpenTok
  # Base of the result objects (Archive, Broadcast, Stream, Render, ...): the core's model record
  # as a Hash with the wire's camelCase keys, read through snake_case readers (`archive.session_id`),
  # the official gem's camelCase spellings (`archive.sessionId`), or `archive["sessionId"]`. The
  # values are the record's, as the core settled them (defaults, aliases); nested records become
  # Hashes with camelCase keys (`archive.streams.first["streamId"]`), enums their text.
  class Resource
    # Matches the generated record classes' instances (in `case`).
    NATIVE_RECORD = ->(value) { value.class.name.to_s.start_with?("#{Native.name}::") }
    private_constant :NATIVE_RECORD

    # Declares the native record this class reads: one snake_case reader per record field.
    # `enums` names fields holding a core enum (field => enum module), shown as their text.
    # @api private
    def self.record(native_class, enums: {})
      @enums = enums
      native_class.instance_method(:initialize).parameters.each do |_, name|
        wire = Resource.camel(name)
        define_method(name) { @json[wire] }
      end
    end

    # @api private
    def self.enums
      @enums || {}
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

    # A native record (or a list of them) as plain Ruby values with camelCase String keys.
    # @api private
    def self.plain(value, enums = {})
      case value
      when Array then value.map { |v| plain(v) }
      when Hash then value.to_h { |k, v| [k, plain(v)] }
      when NATIVE_RECORD
        value.instance_variables.to_h do |ivar|
          name = ivar.to_s.delete_prefix("@")
          v = value.instance_variable_get(ivar)
          enum = enums[name.to_sym]
          [Resource.camel(name), enum ? Resource.enum_text(enum, v) : plain(v)]
        end
      else value
      end
    end

    # The text of a core enum value: ArchiveStatus::AVAILABLE => "available".
    # @api private
    def self.enum_text(enum, value)
      enum.constants.find { |c| enum.const_get(c) == value }&.to_s&.downcase
    end

    # @api private (built by the API classes from the core's record, or from #to_h)
    def initialize(record, interface = nil)
      @json = record.is_a?(Hash) ? record : Resource.plain(record, self.class.enums)
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

    # The official gem reads any field through method_missing; so do we, for the camelCase
    # spellings of the fields.
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

  # An Array of result objects with the page's total (the core's `count`), as the official
  # ArchiveList/BroadcastList/StreamList/RenderList.
  class ResourceList < Array
    # The total number of items the service holds (may exceed the page's size).
    attr_reader :total

    # Declares the result class of the items.
    # @api private
    def self.of(item_class)
      @item_class = item_class
    end

    # @api private
    def self.item_class
      @item_class
    end

    # @api private (built by the API classes from the core's page record)
    def initialize(page, interface = nil)
      @total = page.count
      super(page.items.map { |item| self.class.item_class.new(item, interface) })
    end
  end
end
