# frozen_string_literal: true

require_relative "test_helper"

# Walks the official gem's public API (test/fixtures/official_api.txt, written from the spec and
# the gem's 4.13 sources: see its header) and checks this gem has each class, superclass,
# constant, constructor, method and reader, public, accepting every argument count the gem's does.
class ApiWalkTest < Minitest::Test
  FIXTURE = File.expand_path("fixtures/official_api.txt", __dir__)

  # One expected entry: where it was read (line), what (kind), of which class, its name and the
  # gem's parameter list.
  Entry = Struct.new(:line, :kind, :klass, :name, :params, :superset, keyword_init: true)

  def self.entries
    @entries ||= begin
      klass = nil
      list = []
      File.readlines(FIXTURE).each_with_index do |raw, i|
        superset = raw.include?("# superset:")
        text = raw.sub(/#.*/, "").strip
        next if text.empty?

        case text
        when /\Aconst (\w+)\z/
          list << Entry.new(line: i + 1, kind: :const, name: Regexp.last_match(1))
        when /\Aclass (\w+)(?: < (\w+))?\z/
          klass = Regexp.last_match(1)
          list << Entry.new(line: i + 1, kind: :class, klass: klass, name: Regexp.last_match(2))
        when /\Aattr (.+)\z/
          Regexp.last_match(1).split.each { |a| list << Entry.new(line: i + 1, kind: :method, klass: klass, name: a, params: "") }
        when /\A(self\.)?([\w?!=]+)\((.*)\)\z/
          kind = if Regexp.last_match(1) then :class_method
                 elsif Regexp.last_match(2) == "new" then :new
                 else :method
                 end
          list << Entry.new(line: i + 1, kind: kind, klass: klass, name: Regexp.last_match(2), params: Regexp.last_match(3),
                            superset: superset)
        else
          raise "#{FIXTURE}:#{i + 1}: cannot read #{text.inspect}"
        end
      end
      list
    end
  end

  # [required, optional, rest?] of a fixture parameter list.
  def self.shape_of_text(params)
    parts = params.split(",").map(&:strip).reject(&:empty?)
    [parts.count { |p| !p.include?("=") && !p.start_with?("*") }, parts.count { |p| p.include?("=") },
     parts.any? { |p| p.start_with?("*") }]
  end

  # The same shape of a real method (keyword parameters are extra: never required here).
  def self.shape_of_method(method)
    ps = method.parameters
    if ps.any? { |type, _| type == :keyreq }
      return [Float::INFINITY, 0, false] # a required keyword: a positional call would fail
    end

    [ps.count { |type, _| type == :req }, ps.count { |type, _| type == :opt }, ps.any? { |type, _| type == :rest }]
  end

  # Whether `ours` accepts every positional argument count `theirs` accepts and requires no more.
  def self.accepts?(ours, theirs)
    req, opt, rest = ours
    t_req, t_opt, t_rest = theirs
    return false if req > t_req
    return rest if t_rest

    rest || req + opt >= t_req + t_opt
  end

  def constant(name)
    OpenTok.const_get(name, false)
  rescue NameError
    nil
  end

  def test_the_fixture_lists_the_whole_official_surface
    counts = self.class.entries.group_by(&:kind).transform_values(&:size)
    assert_operator counts[:class], :>=, 30, "classes listed"
    assert_operator counts[:method], :>=, 90, "methods and readers listed"
    assert_equal 6, counts[:const]
  end

  def test_every_official_constant_exists
    self.class.entries.select { |e| e.kind == :const }.each do |e|
      refute_nil constant(e.name), "OpenTok::#{e.name} (fixture line #{e.line})"
    end
    assert_equal "https://api.opentok.com", OpenTok::API_URL
    assert_equal 300, OpenTok::AUTH_EXPIRE
    assert_equal "publisheronly", OpenTok::ROLES[:publisheronly] # the gem's key
    assert_equal "publisheronly", OpenTok::ROLES[:publisher_only]
    assert_equal Set[:manual, :always], OpenTok::ARCHIVE_MODES
  end

  def test_every_official_class_exists_with_its_superclass
    self.class.entries.select { |e| e.kind == :class }.each do |e|
      klass = constant(e.klass)
      assert_kind_of Class, klass, "OpenTok::#{e.klass} (fixture line #{e.line})"
      next unless e.name

      superclass = constant(e.name) || Object.const_get(e.name)
      if e.klass.end_with?("Error")
        # Error classes: the gem's exact superclass (what `rescue` and `superclass` show).
        assert_equal superclass, klass.superclass, "OpenTok::#{e.klass} < #{e.name} (fixture line #{e.line})"
      else
        # Result lists are Arrays through our ResourceList.
        assert_operator klass, :<, superclass, "OpenTok::#{e.klass} < #{e.name} (fixture line #{e.line})"
      end
    end
  end

  def test_every_official_method_exists_public_with_a_compatible_arity
    checked = 0
    self.class.entries.select { |e| %i[method class_method new].include?(e.kind) }.each do |e|
      klass = constant(e.klass)
      where = "OpenTok::#{e.klass}#{e.kind == :class_method ? '.' : '#'}#{e.name} (fixture line #{e.line})"
      method = case e.kind
               when :new then klass.instance_method(:initialize)
               when :class_method
                 assert klass.respond_to?(e.name), "#{where} is missing or not public"
                 klass.method(e.name)
               else
                 assert klass.public_method_defined?(e.name), "#{where} is missing or not public"
                 klass.instance_method(e.name)
               end
      theirs = self.class.shape_of_text(e.params)
      ours = self.class.shape_of_method(method)
      assert self.class.accepts?(ours, theirs),
             "#{where}: the gem's (#{e.params}) needs #{theirs.inspect} [required, optional, rest], ours takes " \
             "#{method.parameters.inspect}"
      exact = ours == theirs || (ours[2] && theirs[2] && ours[0] == theirs[0])
      assert exact || e.superset, "#{where}: ours #{method.parameters.inspect} differs from the gem's (#{e.params}); " \
                                  "mark the fixture line `# superset:` if that is deliberate"
      checked += 1
    end
    assert_operator checked, :>=, 100
  end

  # The constructors and readers apps use, called as the gem's callers call them.
  def test_official_constructors_and_readers
    opentok = OpenTok::OpenTok.new(123_456, "secret", api_url: EMULATOR.url, ua_addendum: "app/1", timeout_length: 7)
    assert_equal "123456", opentok.api_key
    assert_equal "secret", opentok.api_secret
    assert_equal "app/1", opentok.ua_addendum
    assert_equal 7, opentok.timeout_length
    assert_equal EMULATOR.url, opentok.api_url.chomp("/")
    plain = OpenTok::OpenTok.new("123456", "secret")
    assert_equal 2, plain.timeout_length
    assert_nil plain.ua_addendum
    assert_equal OpenTok::API_URL, plain.api_url.chomp("/")

    session = OpenTok::Session.new(Emulator::API_KEY, Emulator::API_SECRET, "1_MX4xMjM0NTZ-fn4", media_mode: :routed)
    assert_equal "1_MX4xMjM0NTZ-fn4", session.session_id
    assert_equal :routed, session.media_mode
    assert_equal :manual, session.archive_mode
    assert_equal false, session.e2ee
    assert_nil session.location
    assert_equal Emulator::API_SECRET, session.api_secret
    assert_equal "1_MX4xMjM0NTZ-fn4", session.to_s
    claims = OpenTok::Token.decode(session.generate_token(role: :moderator)).claims
    assert_equal "moderator", claims["role"]
    assert_equal "1_MX4xMjM0NTZ-fn4", claims["session_id"]
    assert OpenTok::Session.belongs_to_api_key?("1_MX4xMjM0NTZ-fn4", "123456")
    refute OpenTok::Session.belongs_to_api_key?("1_MX4xMjM0NTZ-fn4", "654321")

    client = OpenTok::Client.new(Emulator::API_KEY, Emulator::API_SECRET, EMULATOR.url, "app/2", timeout_length: 3)
    assert_equal 3, client.timeout_length
    client.api_url = "http://127.0.0.1:9"
    assert_raises(OpenTok::OpenTokError) { client.get_archive("a1") }
    client.api_url = EMULATOR.url
    sid = client.create_session("p2p.preference" => "disabled")["sessions"]["Session"]["session_id"]
    assert OpenTok::Session.belongs_to_api_key?(sid, Emulator::API_KEY)
    header, payload = client.generate_headers["X-OPENTOK-AUTH"].split(".").first(2).map { |p| JSON.parse(Base64.urlsafe_decode64(p)) }
    assert_equal "project", header["ist"]
    assert_equal Emulator::API_KEY, payload["iss"]
    assert_equal 300, payload["exp"] - payload["iat"]
  end

  def test_errors_follow_ruby_conventions
    opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: EMULATOR.url)
    e = assert_raises(ArgumentError) { opentok.archives.layout("a1", {}) }
    assert_instance_of OpenTok::OpenTokArgumentError, e
    assert_operator OpenTok::OpenTokArgumentError, :<, ArgumentError
    assert_kind_of OpenTok::OpenTokError, e
    caught = begin
      opentok.generate_token("1_MX4xMjM0NTZ-fn4", token_type: "T2")
    rescue OpenTok::OpenTokError => err
      err
    end
    assert_instance_of OpenTok::OpenTokArgumentError, caught
    assert_equal "token_type", caught.field
    %w[JWT jwt T1 t1].each { |t| refute_empty opentok.generate_token("1_MX4xMjM0NTZ-fn4", token_type: t) }
  end
end
