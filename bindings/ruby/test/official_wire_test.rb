# frozen_string_literal: true

require_relative "test_helper"

# The official gem's scenarios, driven through this gem against one recording loopback server (a
# real TCP server, test/support/emulator.rb), each request compared field by field with what the
# official `opentok` gem 4.13 sends: method, path, query, content type, auth header and every body
# field.
#
# The oracle: the official gem itself could not be run here (its lib/ is not available offline
# and Debian packages neither it nor httparty's dependency chain in full), so the expected
# requests are the documented ones: the gem's cassette bodies quoted in
# ../shared/spec/opentok-wire.md (§3.1 create_session) and, for the REST calls, what the gem's
# client.rb sends as the spec describes it (§6: JSON bodies of the given options only, top-level
# keys camelCased, no defaults added) — each scenario names its source. Deliberate differences
# (README "Differences from the official gem") are listed per scenario in `differs` and checked
# to be exactly those.
class OfficialWireTest < Minitest::Test
  SESSION = "1_MX4xMjM0NTZ-fjE3OTU4MzA1MTM0MTh-L29OZEtSMXNhYTJMQUZIblpMelBaS244fn5-"
  P = "/v2/project/123456"
  JSON_TYPE = "application/json"
  FORM_TYPE = "application/x-www-form-urlencoded"

  ARCHIVE = JSON.generate(id: "a1", status: "started", sessionId: SESSION)
  BROADCAST = JSON.generate(id: "b1", status: "started", sessionId: SESSION)

  # What the recording server answers, by request.
  def self.answer(req)
    case [req.method, req.path]
    in ["POST", "/session/create"]
      [200, JSON.generate([{ session_id: SESSION, project_id: "123456", partner_id: "123456",
                             create_dt: "Fri Feb 14 05:14:54 PST 2025" }])]
    in ["GET", %r{/(archive|broadcast|render)\z}] then [200, JSON.generate(count: 0, items: [])]
    in ["GET", %r{/stream\z}] then [200, JSON.generate(count: 0, items: [])]
    in [_, %r{/archive(/a1(/stop)?)?\z}] then [req.method == "DELETE" ? 204 : 200, ARCHIVE]
    in [_, %r{/broadcast(/b1(/stop)?)?\z}] then [200, BROADCAST]
    in ["GET", %r{/stream/st1\z}] then [200, JSON.generate(id: "st1", videoType: "camera", name: "", layoutClassList: [])]
    in ["POST", %r{/dial\z}] then [200, JSON.generate(id: "d1", connectionId: "c1", streamId: "st9")]
    in ["POST", %r{/captions\z}] then [202, JSON.generate(captionsId: "cap1")]
    in ["POST", %r{/render\z}] | ["GET", %r{/render/r1\z}] then [200, JSON.generate(id: "r1", sessionId: SESSION, status: "starting")]
    in ["POST", %r{/connect\z}] then [200, JSON.generate(id: "ws1", connectionId: "c9")]
    in ["DELETE", _] | ["PATCH", _] then [204, ""]
    in ["POST", %r{/signal\z}] then [204, ""]
    else [200, "{}"]
    end
  end

  # name => { source:, call: ->(opentok) {...}, method:, path:, query: {}, type:, body:, differs: {field => ours} }
  SCENARIOS = {
    # §3.1 (Ruby row: the gem's cassettes)
    "create_session default" => { source: "spec §3.1 Ruby default body", call: ->(o) { o.create_session },
                                  method: "POST", path: "/session/create", type: FORM_TYPE,
                                  body: { "p2p.preference" => "enabled" } },
    "create_session routed, always, name, resolution" => {
      source: "spec §3.1 cassette `archiveMode=always&archiveName=foo&archiveResolution=720x1280&p2p.preference=disabled`",
      call: ->(o) { o.create_session(media_mode: :routed, archive_mode: :always, archive_name: "foo", archive_resolution: "720x1280") },
      method: "POST", path: "/session/create", type: FORM_TYPE,
      body: { "archiveMode" => "always", "archiveName" => "foo", "archiveResolution" => "720x1280", "p2p.preference" => "disabled" }
    },
    "create_session e2ee" => { source: "spec §3.1 cassette `e2ee=true&p2p.preference=disabled`",
                               call: ->(o) { o.create_session(media_mode: :routed, e2ee: true) },
                               method: "POST", path: "/session/create", type: FORM_TYPE,
                               body: { "e2ee" => "true", "p2p.preference" => "disabled" } },
    "create_session e2ee as a string" => { source: "spec §3.1 (the gem sends the value given)",
                                           call: ->(o) { o.create_session("media_mode" => :routed, "e2ee" => "true") },
                                           method: "POST", path: "/session/create", type: FORM_TYPE,
                                           body: { "e2ee" => "true", "p2p.preference" => "disabled" } },
    "create_session location" => { source: "spec §3.1 cassette `location=12.34.56.78&p2p.preference=enabled`",
                                   call: ->(o) { o.create_session(location: "12.34.56.78") },
                                   method: "POST", path: "/session/create", type: FORM_TYPE,
                                   body: { "location" => "12.34.56.78", "p2p.preference" => "enabled" } },
    "Client#create_session form params" => { source: "gem client.rb create_session: the params as given",
                                             call: ->(o) { OpenTok::Client.new("123456", Emulator::API_SECRET, o.api_url).create_session("p2p.preference" => "disabled") },
                                             method: "POST", path: "/session/create", type: FORM_TYPE,
                                             body: { "p2p.preference" => "disabled" } },
    # §6.1 archives
    "archives.create minimal" => { source: "spec §6.1 (Ruby: given options only)", call: ->(o) { o.archives.create(SESSION) },
                                   method: "POST", path: "#{P}/archive", type: JSON_TYPE, body: { "sessionId" => SESSION } },
    "archives.create options" => {
      source: "spec §6.1 Ruby whitelist, top-level keys camelCased",
      call: lambda do |o|
        o.archives.create(SESSION, name: "foo", has_audio: false, has_video: true, output_mode: :composed, resolution: "1280x720",
                                   stream_mode: "manual", multi_archive_tag: "t", quantization_parameter: 20,
                                   layout: { type: "custom", stylesheet: "s" })
      end,
      method: "POST", path: "#{P}/archive", type: JSON_TYPE,
      body: { "sessionId" => SESSION, "name" => "foo", "hasAudio" => false, "hasVideo" => true, "outputMode" => "composed",
              "resolution" => "1280x720", "streamMode" => "manual", "multiArchiveTag" => "t",
              "quantizationParameter" => 20, "layout" => { "type" => "custom", "stylesheet" => "s" } }
    },
    "archives.stop_by_id" => { source: "spec §6.1", call: ->(o) { o.archives.stop_by_id("a1") },
                               method: "POST", path: "#{P}/archive/a1/stop", type: nil, body: nil },
    "archives.find" => { source: "spec §6.1", call: ->(o) { o.archives.find("a1") }, method: "GET", path: "#{P}/archive/a1", type: nil, body: nil },
    "archives.all" => { source: "spec §6.1 (query offset, count, sessionId when given)", call: ->(o) { o.archives.all },
                        method: "GET", path: "#{P}/archive", type: nil, body: nil },
    "archives.all paged" => { source: "spec §6.1; the gem reads options[:sessionId]",
                              call: ->(o) { o.archives.all(offset: 3, count: 5, sessionId: SESSION) },
                              method: "GET", path: "#{P}/archive", query: { "offset" => "3", "count" => "5", "sessionId" => SESSION },
                              type: nil, body: nil },
    "archives.delete_by_id" => { source: "spec §6.1", call: ->(o) { o.archives.delete_by_id("a1") },
                                 method: "DELETE", path: "#{P}/archive/a1", type: nil, body: nil },
    "archives.layout pip" => { source: "spec §6.1 (the options given)", call: ->(o) { o.archives.layout("a1", type: "pip") },
                               method: "PUT", path: "#{P}/archive/a1/layout", type: JSON_TYPE, body: { "type" => "pip" } },
    "archives.layout custom" => { source: "spec §6.1", call: ->(o) { o.archives.layout("a1", type: "custom", stylesheet: "s") },
                                  method: "PUT", path: "#{P}/archive/a1/layout", type: JSON_TYPE,
                                  body: { "type" => "custom", "stylesheet" => "s" } },
    "archives.add_stream no tracks" => { source: "issue #18: the gem sends only what was given",
                                         call: ->(o) { o.archives.add_stream("a1", "st1") },
                                         method: "PATCH", path: "#{P}/archive/a1/streams", type: JSON_TYPE, body: { "addStream" => "st1" } },
    "archives.add_stream one track" => { source: "issue #18", call: ->(o) { o.archives.add_stream("a1", "st1", has_audio: true) },
                                         method: "PATCH", path: "#{P}/archive/a1/streams", type: JSON_TYPE,
                                         body: { "addStream" => "st1", "hasAudio" => true } },
    "archives.add_stream string booleans" => { source: "issue #18 (strings for booleans)",
                                               call: ->(o) { o.archives.add_stream("a1", "st1", "has_audio" => "false", "has_video" => "true") },
                                               method: "PATCH", path: "#{P}/archive/a1/streams", type: JSON_TYPE,
                                               body: { "addStream" => "st1", "hasAudio" => false, "hasVideo" => true } },
    "archives.remove_stream" => { source: "spec §6.1", call: ->(o) { o.archives.remove_stream("a1", "st1") },
                                  method: "PATCH", path: "#{P}/archive/a1/streams", type: JSON_TYPE, body: { "removeStream" => "st1" } },
    # §6.2 broadcasts
    "broadcasts.create hls" => { source: "spec §6.2 (outputs as given)", call: ->(o) { o.broadcasts.create(SESSION, outputs: { hls: {} }) },
                                 method: "POST", path: "#{P}/broadcast", type: JSON_TYPE,
                                 body: { "sessionId" => SESSION, "outputs" => { "hls" => {} } } },
    "broadcasts.create rtmp and options" => {
      source: "spec §6.2 (Ruby: top-level camelCased, outputs in REST names)",
      call: lambda do |o|
        o.broadcasts.create(SESSION, outputs: { hls: { dvr: true }, rtmp: [{ id: "r1", serverUrl: "rtmp://x.example.com/app", streamName: "k" }] },
                                     max_duration: 5400, resolution: "1280x720", stream_mode: "auto", multi_broadcast_tag: "m")
      end,
      method: "POST", path: "#{P}/broadcast", type: JSON_TYPE,
      body: { "sessionId" => SESSION,
              "outputs" => { "hls" => { "dvr" => true }, "rtmp" => [{ "id" => "r1", "serverUrl" => "rtmp://x.example.com/app", "streamName" => "k" }] },
              "maxDuration" => 5400, "resolution" => "1280x720", "streamMode" => "auto", "multiBroadcastTag" => "m" }
    },
    "broadcasts.stop" => { source: "spec §6.2", call: ->(o) { o.broadcasts.stop("b1") },
                           method: "POST", path: "#{P}/broadcast/b1/stop", type: nil, body: nil },
    "broadcasts.find" => { source: "spec §6.2", call: ->(o) { o.broadcasts.find("b1") }, method: "GET", path: "#{P}/broadcast/b1", type: nil, body: nil },
    "broadcasts.all" => { source: "spec §6.2", call: ->(o) { o.broadcasts.all(count: 10) },
                          method: "GET", path: "#{P}/broadcast", query: { "count" => "10" }, type: nil, body: nil },
    "broadcasts.layout" => { source: "spec §6.2", call: ->(o) { o.broadcasts.layout("b1", type: "verticalPresentation") },
                             method: "PUT", path: "#{P}/broadcast/b1/layout", type: JSON_TYPE, body: { "type" => "verticalPresentation" } },
    "broadcasts.add_stream" => { source: "issue #18", call: ->(o) { o.broadcasts.add_stream("b1", "st1", has_video: false) },
                                 method: "PATCH", path: "#{P}/broadcast/b1/streams", type: JSON_TYPE,
                                 body: { "addStream" => "st1", "hasVideo" => false } },
    "broadcasts.remove_stream" => { source: "spec §6.2", call: ->(o) { o.broadcasts.remove_stream("b1", "st1") },
                                    method: "PATCH", path: "#{P}/broadcast/b1/streams", type: JSON_TYPE, body: { "removeStream" => "st1" } },
    # §6.3 streams, moderation, signals, connections
    "streams.find" => { source: "spec §6.3", call: ->(o) { o.streams.find(SESSION, "st1") },
                        method: "GET", path: "#{P}/session/#{SESSION}/stream/st1", type: nil, body: nil },
    "streams.all" => { source: "spec §6.3", call: ->(o) { o.streams.all(SESSION) },
                       method: "GET", path: "#{P}/session/#{SESSION}/stream", type: nil, body: nil },
    "streams.layout" => { source: "spec §6.3", call: ->(o) { o.streams.layout(SESSION, items: [{ id: "st1", layoutClassList: %w[full] }]) },
                          method: "PUT", path: "#{P}/session/#{SESSION}/stream", type: JSON_TYPE,
                          body: { "items" => [{ "id" => "st1", "layoutClassList" => %w[full] }] } },
    "streams.force_mute" => { source: "spec §6.3", call: ->(o) { o.streams.force_mute(SESSION, "st1") },
                              method: "POST", path: "#{P}/session/#{SESSION}/stream/st1/mute", type: nil, body: nil },
    "streams.force_mute_all" => {
      source: "spec §6.3 (Ruby: excluded_streams, \"active\":\"true\")",
      call: ->(o) { o.streams.force_mute_all(SESSION, excluded_streams: %w[st2]) },
      method: "POST", path: "#{P}/session/#{SESSION}/mute", type: JSON_TYPE,
      body: { "active" => "true", "excludedStreams" => %w[st2] },
      # Deliberate: the service's own names and types (README).
      differs: { "active" => true, "excludedStreams" => :absent, "excludedStreamIds" => %w[st2] }
    },
    "streams.disable_force_mute" => { source: "spec §6.3", call: ->(o) { o.streams.disable_force_mute(SESSION) },
                                      method: "POST", path: "#{P}/session/#{SESSION}/mute", type: JSON_TYPE,
                                      body: { "active" => "false" }, differs: { "active" => false } },
    "connections.forceDisconnect" => { source: "spec §6.3", call: ->(o) { o.connections.forceDisconnect(SESSION, "c1") },
                                       method: "DELETE", path: "#{P}/session/#{SESSION}/connection/c1", type: nil, body: nil },
    "signals.send all" => { source: "spec §6.3", call: ->(o) { o.signals.send(SESSION, "", type: "chat", data: "hi") },
                            method: "POST", path: "#{P}/session/#{SESSION}/signal", type: JSON_TYPE,
                            body: { "type" => "chat", "data" => "hi" } },
    "signals.send one" => { source: "spec §6.3", call: ->(o) { o.signals.send(SESSION, "c1", type: "chat", data: "hi") },
                            method: "POST", path: "#{P}/session/#{SESSION}/connection/c1/signal", type: JSON_TYPE,
                            body: { "type" => "chat", "data" => "hi" } },
    # §6.4 SIP
    "sip.dial minimal" => { source: "spec §6.4", call: ->(o) { o.sip.dial(SESSION, "tok", "sip:user@sip.example.com", {}) },
                            method: "POST", path: "#{P}/dial", type: JSON_TYPE,
                            body: { "sessionId" => SESSION, "token" => "tok", "sip" => { "uri" => "sip:user@sip.example.com" } } },
    "sip.dial string booleans" => {
      source: "spec §6.4; the gem's sip spec passes \"true\" strings (sent as booleans)",
      call: lambda do |o|
        o.sip.dial(SESSION, "tok", "sip:user@sip.example.com",
                   "from" => "14155550101@example.com", "headers" => { "X-Room" => "7" }, "auth" => { "username" => "u", "password" => "p" },
                   "secure" => "true", "video" => "true", "observe_force_mute" => "true", "streams" => %w[st1])
      end,
      method: "POST", path: "#{P}/dial", type: JSON_TYPE,
      body: { "sessionId" => SESSION, "token" => "tok",
              "sip" => { "uri" => "sip:user@sip.example.com", "from" => "14155550101@example.com", "headers" => { "X-Room" => "7" },
                         "auth" => { "username" => "u", "password" => "p" }, "secure" => true, "video" => true,
                         "observeForceMute" => true, "streams" => %w[st1] } }
    },
    "sip.play_dtmf_to_session" => { source: "spec §6.4", call: ->(o) { o.sip.play_dtmf_to_session(SESSION, "1234#") },
                                    method: "POST", path: "#{P}/session/#{SESSION}/play-dtmf", type: JSON_TYPE, body: { "digits" => "1234#" } },
    "sip.play_dtmf_to_connection" => { source: "spec §6.4", call: ->(o) { o.sip.play_dtmf_to_connection(SESSION, "c1", "p9") },
                                       method: "POST", path: "#{P}/session/#{SESSION}/connection/c1/play-dtmf", type: JSON_TYPE,
                                       body: { "digits" => "p9" } },
    # §6.5 captions
    "captions.start minimal" => { source: "spec §6.5 (the gem sends the options given)", call: ->(o) { o.captions.start(SESSION, "tok") },
                                  method: "POST", path: "#{P}/captions", type: JSON_TYPE, body: { "sessionId" => SESSION, "token" => "tok" } },
    "captions.start options" => {
      source: "spec §6.5",
      call: ->(o) { o.captions.start(SESSION, "tok", language_code: "en-US", max_duration: 1800, partial_captions: "false", status_callback_url: "https://cb.example.com/captions") },
      method: "POST", path: "#{P}/captions", type: JSON_TYPE,
      body: { "sessionId" => SESSION, "token" => "tok", "languageCode" => "en-US", "maxDuration" => 1800, "partialCaptions" => false,
              "statusCallbackUrl" => "https://cb.example.com/captions" }
    },
    "captions.stop" => { source: "spec §6.5", call: ->(o) { o.captions.stop("cap1") },
                         method: "POST", path: "#{P}/captions/cap1/stop", type: nil, body: nil },
    # §6.6 renders
    "renders.start" => {
      source: "spec §6.6 (given options, properties as given)",
      call: ->(o) { o.renders.start(SESSION, token: "tok", url: "https://app.example.com/render", max_duration: 1800, resolution: "1280x720", properties: { name: "n" }) },
      method: "POST", path: "#{P}/render", type: JSON_TYPE,
      body: { "sessionId" => SESSION, "token" => "tok", "url" => "https://app.example.com/render", "maxDuration" => 1800,
              "resolution" => "1280x720", "properties" => { "name" => "n" } }
    },
    "renders.find" => { source: "spec §6.6", call: ->(o) { o.renders.find("r1") }, method: "GET", path: "#{P}/render/r1", type: nil, body: nil },
    "renders.stop" => { source: "spec §6.6", call: ->(o) { o.renders.stop("r1") }, method: "DELETE", path: "#{P}/render/r1", type: nil, body: nil },
    "renders.list" => { source: "spec §6.6", call: ->(o) { o.renders.list(offset: 2, count: 4) },
                        method: "GET", path: "#{P}/render", query: { "offset" => "2", "count" => "4" }, type: nil, body: nil },
    # §6.7 audio connector
    "websocket.connect" => {
      source: "spec §6.7 (websocket: uri plus the options given)",
      call: ->(o) { o.websocket.connect(SESSION, "tok", "wss://service.example.com/ws", streams: %w[st1], headers: { "k" => "v" }) },
      method: "POST", path: "#{P}/connect", type: JSON_TYPE,
      body: { "sessionId" => SESSION, "token" => "tok",
              "websocket" => { "uri" => "wss://service.example.com/ws", "streams" => %w[st1], "headers" => { "k" => "v" } } }
    }
  }.freeze

  def setup
    @server = RecordingServer.new { |req| self.class.answer(req) }
    @opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: @server.url, max_retries: 0)
  end

  def teardown
    @server.close
  end

  # Compares one body (Hash or nil) field by field; `differs` maps a field to our deliberate value
  # (:absent when we leave it out).
  def assert_fields(name, expected, actual, differs)
    if expected.nil?
      assert actual.nil? || actual == {}, "#{name}: the gem sends no body, ours sends #{actual.inspect}"
      return
    end
    refute_nil actual, "#{name}: no body sent"
    (expected.keys | actual.keys | differs.keys).each do |field|
      if differs.key?(field)
        want = differs[field]
        if want == :absent
          refute actual.key?(field), "#{name}: #{field} (a documented difference: left out)"
        else
          assert_equal want, actual[field], "#{name}: #{field} (a documented difference)"
        end
      else
        assert actual.key?(field), "#{name}: #{field} missing (the gem sends #{expected[field].inspect})"
        assert expected.key?(field), "#{name}: #{field}=#{actual[field].inspect} sent, the gem does not send it"
        assert_equal expected[field], actual[field], "#{name}: #{field}"
      end
    end
  end

  SCENARIOS.each do |name, s|
    define_method("test_#{name.gsub(/\W+/, '_')}") do
      s[:call].call(@opentok)
      req = @server.next_request
      where = "#{name} (#{s[:source]})"
      assert_equal s[:method], req.method, "#{where}: method"
      assert_equal s[:path], req.path, "#{where}: path"
      assert_equal s.fetch(:query, {}), req.query, "#{where}: query"
      assert_equal s[:type], req.content_type, "#{where}: content type" if s[:type] || req.body
      refute_nil req.headers["x-opentok-auth"], "#{where}: X-OPENTOK-AUTH"
      assert_fields(where, s[:body], req.body, s.fetch(:differs, {}))
      assert @server.requests.empty?, "#{where}: one request, as the gem sends"
    end
  end

  # The REST auth JWT is the gem's: HS256 with `ist` in the JOSE header (spec §2).
  def test_rest_auth_jwt_has_the_gems_claims
    @opentok.archives.find("a1")
    token = @server.next_request.headers["x-opentok-auth"]
    header, payload = token.split(".").first(2).map { |p| JSON.parse(Base64.urlsafe_decode64(p)) }
    assert_equal "HS256", header["alg"]
    assert_equal "123456", payload["iss"]
    assert_kind_of Integer, payload["iat"]
  end
end
