# frozen_string_literal: true

require_relative "test_helper"

# The official gem's scenarios, driven through this gem against one recording loopback server (a
# real TCP server, test/support/emulator.rb), each request compared field by field with what the
# official `opentok` gem 4.13 sends: method, path, query, content type, auth header and every body
# field.
#
# The oracle: the gem's own cassettes. test/fixtures/official_cassette_requests.json holds every
# request recorded in the gem's spec/cassettes (GitHub opentok/OpenTok-Ruby-SDK @ 948be5f, the
# 4.13.0 release), and CASSETTES below makes the same call as the gem's spec that recorded it
# (spec/opentok/*_spec.rb, same arguments). The gem itself is not run (it needs httparty,
# activesupport and jwt, which are not installed here). EXTRA adds calls the cassettes do not
# cover (strings for booleans, tracks given, options in both key styles), with the bodies the
# gem's client.rb builds for them (the given options, top-level keys camelCased, nothing added).
# Deliberate differences (README "Differences from the official gem") are listed per scenario in
# `differs` and checked to be exactly those.
class OfficialWireTest < Minitest::Test
  SESSION = "1_MX4xMjM0NTZ-fjE3OTU4MzA1MTM0MTh-L29OZEtSMXNhYTJMQUZIblpMelBaS244fn5-"
  P = "/v2/project/123456"
  JSON_TYPE = "application/json"
  FORM_TYPE = "application/x-www-form-urlencoded"

  ARCHIVE = JSON.generate(id: "a1", status: "started", sessionId: SESSION)
  BROADCAST = JSON.generate(id: "b1", status: "started", sessionId: SESSION)

  # What the recording server answers, by request (any id).
  def self.answer(req)
    case [req.method, req.path]
    in ["POST", "/session/create"]
      [200, JSON.generate([{ session_id: SESSION, project_id: "123456", partner_id: "123456",
                             create_dt: "Fri Feb 14 05:14:54 PST 2025" }])]
    in ["GET", %r{/(archive|broadcast|render|stream)\z}] then [200, JSON.generate(count: 0, items: [])]
    in ["DELETE", _] | ["PATCH", _] then [204, ""]
    in [_, %r{/archive(/[^/]+(/stop)?)?\z}] then [200, ARCHIVE]
    in [_, %r{/broadcast(/[^/]+(/stop)?)?\z}] then [200, BROADCAST]
    in ["GET", %r{/stream/[^/]+\z}] then [200, JSON.generate(id: "st1", videoType: "camera", name: "", layoutClassList: [])]
    in ["POST", %r{/dial\z}] then [200, JSON.generate(id: "d1", connectionId: "c1", streamId: "st9")]
    in ["POST", %r{/captions\z}] then [202, JSON.generate(captionsId: "cap1")]
    in ["POST", %r{/captions/[^/]+/stop\z}] then [202, ""]
    in ["POST", %r{/render\z}] | ["GET", %r{/render/[^/]+\z}] then [200, JSON.generate(id: "r1", sessionId: SESSION, status: "starting")]
    in ["POST", %r{/connect\z}] then [200, JSON.generate(id: "ws1", connectionId: "c9")]
    in ["POST", %r{/signal\z}] then [204, ""]
    else [200, "{}"]
    end
  end

  S = "SESSIONID"
  ARCHIVE_ID = "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9"
  FOUND_ARCHIVE = "f6e7ee58-d6cf-4a59-896b-6d56b158ec71"
  BROADCAST_ID = "13dbcc23-af92-4862-9184-74b21815a814"
  STREAM = "12312312-3811-4726-b508-e41a0f96c68f"
  RENDER_ID = "80abaf0d-25a3-4efc-968f-6268d620668d"
  CUSTOM_CSS = "stream:last-child{display: block;margin: 0;top: 0;left: 0;width: 1px;height: 1px;}" \
               "stream:first-child{display: block;margin: 0;top: 0;left: 0;width: 100%;height: 100%;}"
  HLS = { outputs: { hls: {} } }.freeze
  CA = "OpenTok_OpenTok/when_initialized_properly/_create_session/"

  # cassette => { call: the gem spec's call, differs: deliberate differences, refused: ours raises }
  CASSETTES = {
    "OpenTok_Archives/adds_a_stream_to_an_archive.yml" => { call: ->(o) { o.archives.add_stream(ARCHIVE_ID, STREAM, {}) } },
    "OpenTok_Archives/calls_layout_on_archive_object.yml" => { call: ->(o) { o.archives.find(FOUND_ARCHIVE) } },
    "OpenTok_Archives/changes_the_layout_of_an_archive.yml" => { call: ->(o) { o.archives.layout(ARCHIVE_ID, type: "pip") } },
    "OpenTok_Archives/removes_a_stream_from_an_archive.yml" => { call: ->(o) { o.archives.remove_stream(ARCHIVE_ID, STREAM) } },
    "OpenTok_Archives/should_create_an_archive_with_matching_multi_archive_tag_when_multiArchiveTag_is_specified.yml" =>
      { call: ->(o) { o.archives.create(S, multi_archive_tag: "archive-1") } },
    "OpenTok_Archives/should_create_an_archive_with_maxBitrate_set_to_specified_max_bitrate_value.yml" =>
      { call: ->(o) { o.archives.create(S, max_bitrate: 200_000) } },
    "OpenTok_Archives/should_create_an_archive_with_multi_archive_tag_value_of_nil_when_multiArchiveTag_not_specified.yml" =>
      { call: ->(o) { o.archives.create(S) } },
    "OpenTok_Archives/should_create_an_archive_with_quantizationParameter_set_to_specified_value.yml" =>
      { call: ->(o) { o.archives.create(S, quantization_parameter: 40) } },
    "OpenTok_Archives/should_create_an_archive_with_streamMode_set_to_specified_stream_mode_value.yml" =>
      { call: ->(o) { o.archives.create(S, stream_mode: "manual") } },
    "OpenTok_Archives/should_create_an_archives_with_a_specified_multiArchiveTag.yml" =>
      { call: ->(o) { o.archives.create(S, multi_archive_tag: "archive-1") } },
    "OpenTok_Archives/should_create_archives.yml" => { call: ->(o) { o.archives.create(S) } },
    "OpenTok_Archives/should_create_audio_only_archives.yml" => { call: ->(o) { o.archives.create(S, has_video: false) } },
    "OpenTok_Archives/should_create_custom_layout_archives.yml" =>
      { call: ->(o) { o.archives.create(S, layout: { type: "custom", stylesheet: CUSTOM_CSS }) } },
    "OpenTok_Archives/should_create_hd_archives.yml" => { call: ->(o) { o.archives.create(S, output_mode: :composed, resolution: "1280x720") } },
    "OpenTok_Archives/should_create_individual_archives.yml" => { call: ->(o) { o.archives.create(S, output_mode: :individual) } },
    # The gem camelCases top-level keys only and sends "screenshare_type", which the service
    # does not read; ours sends the service's screenshareType.
    "OpenTok_Archives/should_create_layout_archives_with_screenshare_layout_types.yml" =>
      { call: ->(o) { o.archives.create(S, layout: { type: "bestFit", screenshare_type: "verticalPresentation" }) },
        differs: { "layout" => { "type" => "bestFit", "screenshareType" => "verticalPresentation" } } },
    "OpenTok_Archives/should_create_named_archives.yml" => { call: ->(o) { o.archives.create(S, name: "ARCHIVE NAME") } },
    "OpenTok_Archives/should_delete_an_archive_by_id.yml" => { call: ->(o) { o.archives.delete_by_id("832641bf-5dbf-41a1-ad94-fea213e59a92") } },
    "OpenTok_Archives/should_find_archives_by_id.yml" => { call: ->(o) { o.archives.find(FOUND_ARCHIVE) } },
    "OpenTok_Archives/should_find_archives_with_unknown_properties.yml" => { call: ->(o) { o.archives.find(FOUND_ARCHIVE) } },
    "OpenTok_Archives/should_find_expired_archives.yml" => { call: ->(o) { o.archives.find(FOUND_ARCHIVE) } },
    "OpenTok_Archives/should_find_paused_archives_by_id.yml" => { call: ->(o) { o.archives.find(FOUND_ARCHIVE) } },
    "OpenTok_Archives/should_stop_archives.yml" => { call: ->(o) { o.archives.stop_by_id(ARCHIVE_ID) } },
    "OpenTok_Archives/when_many_archives_are_created/should_return_all_archives.yml" => { call: ->(o) { o.archives.all } },
    "OpenTok_Archives/when_many_archives_are_created/should_return_archives_with_an_offset.yml" => { call: ->(o) { o.archives.all(offset: 3) } },
    "OpenTok_Archives/when_many_archives_are_created/should_return_count_number_of_archives.yml" => { call: ->(o) { o.archives.all(count: 2) } },
    "OpenTok_Archives/when_many_archives_are_created/should_return_part_of_the_archives_when_using_offset_and_count.yml" =>
      { call: ->(o) { o.archives.all(count: 4, offset: 2) } },
    "OpenTok_Archives/when_many_archives_are_created/should_return_session_archives.yml" => { call: ->(o) { o.archives.all(sessionId: S) } },
    "OpenTok_Broadcasts/adds_a_stream_to_a_broadcast.yml" => { call: ->(o) { o.broadcasts.add_stream(BROADCAST_ID, STREAM, {}) } },
    "OpenTok_Broadcasts/calls_layout_on_broadcast_object.yml" => { call: ->(o) { o.broadcasts.find(BROADCAST_ID) } },
    "OpenTok_Broadcasts/changes_the_layout_of_a_broadcast.yml" => { call: ->(o) { o.broadcasts.layout(BROADCAST_ID, type: "verticalPresentation") } },
    "OpenTok_Broadcasts/fetches_a_hls_broadcast_url.yml" => { call: ->(o) { o.broadcasts.create(S, HLS) } },
    "OpenTok_Broadcasts/finds_a_broadcast.yml" => { call: ->(o) { o.broadcasts.find(BROADCAST_ID) } },
    "OpenTok_Broadcasts/for_many_broadcasts/should_return_all_broadcasts.yml" => { call: ->(o) { o.broadcasts.all } },
    "OpenTok_Broadcasts/for_many_broadcasts/should_return_broadcasts_with_an_offset.yml" => { call: ->(o) { o.broadcasts.all(offset: 3) } },
    "OpenTok_Broadcasts/for_many_broadcasts/should_return_count_number_of_broadcasts.yml" => { call: ->(o) { o.broadcasts.all(count: 2) } },
    "OpenTok_Broadcasts/for_many_broadcasts/should_return_part_of_the_broadcasts_when_using_offset_and_count.yml" =>
      { call: ->(o) { o.broadcasts.all(count: 4, offset: 2) } },
    "OpenTok_Broadcasts/for_many_broadcasts/should_return_session_broadcasts.yml" => { call: ->(o) { o.broadcasts.all(sessionId: S) } },
    "OpenTok_Broadcasts/removes_a_stream_from_a_broadcast.yml" => { call: ->(o) { o.broadcasts.remove_stream(BROADCAST_ID, STREAM) } },
    "OpenTok_Broadcasts/starts_a_broadcast_with_a_matching_multi_broadcast_tag_value_when_multiBroadcastTag_is_specified.yml" =>
      { call: ->(o) { o.broadcasts.create(S, outputs: { hls: {} }, multi_broadcast_tag: "broadcast-1") } },
    "OpenTok_Broadcasts/starts_a_broadcast_with_a_multi_broadcast_tag_value_of_nil_when_multiBroadcastTag_not_specified.yml" =>
      { call: ->(o) { o.broadcasts.create(S, HLS) } },
    "OpenTok_Broadcasts/starts_a_broadcast_with_a_specified_multiBroadcastTag.yml" =>
      { call: ->(o) { o.broadcasts.create(S, outputs: { hls: {} }, multi_broadcast_tag: "broadcast-1") } },
    "OpenTok_Broadcasts/starts_a_rtmp_broadcast.yml" =>
      { call: lambda do |o|
        o.broadcasts.create(S, outputs: { hls: {}, rtmp: [{ id: "rubyTestStream", serverUrl: "rtmp://x.rtmp.youtube.com/live2",
                                                          streamName: "66c9-jwuh-pquf-9x18" }] })
      end },
    "OpenTok_Broadcasts/stops_a_broadcast.yml" => { call: ->(o) { o.broadcasts.stop(BROADCAST_ID) } },
    "OpenTok_Captions/receives_a_valid_response_when_starting_captions.yml" => { call: ->(o) { o.captions.start(S, "TOKENID") } },
    "OpenTok_Captions/receives_a_valid_response_when_starting_captions_with_options.yml" =>
      { call: lambda do |o|
        o.captions.start(S, "TOKENID", "language_code" => "en-GB", "max_duration" => 5000, "partial_captions" => false,
                                       "status_callback_url" => "https://example.com/captions/status")
      end },
    "OpenTok_Captions/receives_a_valid_response_when_stopping_captions.yml" => { call: ->(o) { o.captions.stop("CAPTIONSID") } },
    "OpenTok_Connections/forces_a_connection_to_be_terminated.yml" => { call: ->(o) { o.connections.forceDisconnect(S, "CONNID") } },
    "#{CA}creates_always_archived_sessions.yml" => { call: ->(o) { o.create_session(media_mode: :routed, archive_mode: :always) } },
    "#{CA}creates_always_archived_sessions_with_a_set_archive_name.yml" =>
      { call: ->(o) { o.create_session(media_mode: :routed, archive_mode: :always, archive_name: "foo") } },
    "#{CA}creates_always_archived_sessions_with_a_set_archive_name_and_resolution.yml" =>
      { call: ->(o) { o.create_session(media_mode: :routed, archive_mode: :always, archive_name: "foo", archive_resolution: "720x1280") } },
    "#{CA}creates_always_archived_sessions_with_a_set_archive_resolution.yml" =>
      { call: ->(o) { o.create_session(media_mode: :routed, archive_mode: :always, archive_resolution: "720x1280") } },
    "#{CA}creates_default_sessions.yml" => { call: ->(o) { o.create_session } },
    "#{CA}creates_e2ee_sessions.yml" => { call: ->(o) { o.create_session(media_mode: :routed, e2ee: :true) } },
    "#{CA}creates_relayed_media_sessions.yml" => { call: ->(o) { o.create_session(media_mode: :relayed) } },
    # The gem sends relayed for any media mode but :routed; ours refuses an unknown one (README).
    "#{CA}creates_relayed_media_sessions_for_invalid_media_modes.yml" => { call: ->(o) { o.create_session(media_mode: :blah) }, refused: true },
    "#{CA}creates_relayed_media_sessions_with_a_location_hint.yml" =>
      { call: ->(o) { o.create_session(media_mode: :relayed, location: "12.34.56.78") } },
    "#{CA}creates_routed_media_sessions.yml" => { call: ->(o) { o.create_session(media_mode: :routed) } },
    "#{CA}creates_routed_media_sessions_with_a_location_hint.yml" =>
      { call: ->(o) { o.create_session(media_mode: :routed, location: "12.34.56.78") } },
    "#{CA}creates_sessions_with_a_location_hint.yml" => { call: ->(o) { o.create_session(location: "12.34.56.78") } },
    "OpenTok_OpenTok/when_initialized_properly/with_an_addendum_to_the_user_agent_string/should_append_the_addendum_to_the_user_agent_header.yml" =>
      { call: ->(o) { OpenTok::OpenTok.new("123456", Emulator::API_SECRET, api_url: o.api_url, ua_addendum: "BOOYAH").create_session },
        user_agent_ends_with: " BOOYAH" },
    "OpenTok_Renders/finds_an_Experience_Composer_render.yml" => { call: ->(o) { o.renders.find(RENDER_ID) } },
    "OpenTok_Renders/for_many_renders/should_return_all_renders.yml" => { call: ->(o) { o.renders.list } },
    "OpenTok_Renders/for_many_renders/should_return_count_number_of_renders.yml" => { call: ->(o) { o.renders.list(count: 2) } },
    "OpenTok_Renders/for_many_renders/should_return_part_of_the_renders_when_using_offset_and_count.yml" =>
      { call: ->(o) { o.renders.list(count: 2, offset: 2) } },
    "OpenTok_Renders/for_many_renders/should_return_renders_with_an_offset.yml" => { call: ->(o) { o.renders.list(offset: 3) } },
    "OpenTok_Renders/starts_an_Experience_Composer_render.yml" =>
      { call: ->(o) { o.renders.start(S, token: "TOKEN", url: "https://example.com/my-render") } },
    "OpenTok_Renders/stops_an_Experience_Composer_render.yml" => { call: ->(o) { o.renders.stop(RENDER_ID) } },
    "OpenTok_Signals/receives_a_valid_response_for_a_connection.yml" =>
      { call: ->(o) { o.signals.send(S, "CONNID", "type" => "chat", "data" => "Hello") } },
    "OpenTok_Signals/receives_a_valid_response_for_all_connections.yml" =>
      { call: ->(o) { o.signals.send(S, "", "type" => "chat", "data" => "Hello") } },
    "OpenTok_Sip/_play_dtmf_to_connection/returns_a_200_response_code_when_passed_a_valid_dtmf_digit_string.yml" =>
      { call: ->(o) { o.sip.play_dtmf_to_connection(S, "CONNID", "0123456789*#p") } },
    "OpenTok_Sip/_play_dtmf_to_session/returns_a_200_response_code_when_passed_a_valid_dtmf_digit_string.yml" =>
      { call: ->(o) { o.sip.play_dtmf_to_session(S, "0123456789*#p") } },
    # The gem copies "true" strings into the JSON; ours sends the booleans they mean.
    "OpenTok_Sip/receives_a_valid_response.yml" =>
      { call: lambda do |o|
        o.sip.dial(S, "TOKENID", "sip:+15128675309@acme.pstn.example.com;transport=tls",
                   "auth" => { "username" => "bob", "password" => "abc123" }, "secure" => "true", "video" => "true",
                   "observe_force_mute" => "true")
      end,
        differs: { "sip" => { "uri" => "sip:+15128675309@acme.pstn.example.com;transport=tls", "auth" => { "username" => "bob", "password" => "abc123" },
                              "secure" => true, "video" => true, "observeForceMute" => true } } },
    # Moderation: the gem sends "active" as a string and the exclusions as "excludedStreams";
    # ours sends the service's boolean and excludedStreamIds.
    "OpenTok_Streams/disables_the_mute_state_of_a_session.yml" => { call: ->(o) { o.streams.disable_force_mute(S) }, differs: { "active" => false } },
    "OpenTok_Streams/forces_all_current_and_future_streams_in_a_session_to_be_muted.yml" =>
      { call: ->(o) { o.streams.force_mute_all(S) }, differs: { "active" => true } },
    "OpenTok_Streams/forces_all_current_and_future_streams_in_a_session_to_be_muted_except_specified_excluded_streams.yml" =>
      { call: ->(o) { o.streams.force_mute_all(S, "excludedStreams" => ["b1963d15-537f-459a-be89-e00fc310b82b"]) },
        differs: { "active" => true, "excludedStreams" => :absent, "excludedStreamIds" => ["b1963d15-537f-459a-be89-e00fc310b82b"] } },
    "OpenTok_Streams/forces_the_specified_stream_to_be_muted.yml" => { call: ->(o) { o.streams.force_mute(S, "STREAMID") } },
    "OpenTok_Streams/get_all_streams_information.yml" => { call: ->(o) { o.streams.all(S) } },
    "OpenTok_Streams/get_specific_stream_information.yml" => { call: ->(o) { o.streams.find(S, "STREAMID") } },
    "OpenTok_Streams/layout_working_on_two_stream_list.yml" =>
      { call: lambda do |o|
        o.streams.layout(S, items: [{ id: "8b732909-0a06-46a2-8ea8-074e64d43422", layoutClassList: ["full"] },
                                    { id: "8b732909-0a06-46a2-8ea8-074e64d43423", layoutClassList: %w[full focus] }])
      end },
    "OpenTok_WebSocket/receives_a_valid_response.yml" => { call: ->(o) { o.websocket.connect(S, "TOKENID", "ws://service.com/wsendpoint") } },
    "OpenTok_WebSocket/receives_a_valid_response_with_opts.yml" =>
      { call: lambda do |o|
        o.websocket.connect(S, "TOKENID", "ws://service.com/wsendpoint",
                            "streams" => ["123456"], "headers" => { "foo" => "bar" }, "bidirectional" => true)
      end }
  }.freeze

  RECORDED = JSON.parse(File.read(File.expand_path("fixtures/official_cassette_requests.json", __dir__)))["requests"]

  # Calls the cassettes do not cover. name => { source:, call: ->(opentok) {...}, method:, path:, query: {}, type:, body:, differs: {field => ours} }
  EXTRA = {
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

  # The gem's recorded body, read as this test's server reads ours.
  def self.recorded_body(rec)
    return nil if rec["body"].empty?

    rec["path"] == "/session/create" ? URI.decode_www_form(rec["body"]).to_h : JSON.parse(rec["body"])
  end

  def test_every_cassette_request_has_its_call
    assert_equal RECORDED.map { |r| r["cassette"] }.uniq.sort, CASSETTES.keys.sort
    assert_equal 82, RECORDED.size
  end

  RECORDED.each_with_index do |rec, i|
    scenario = CASSETTES[rec["cassette"]]
    next if scenario.nil? # reported by test_every_cassette_request_has_its_call

    define_method("test_cassette_#{i}_#{rec['cassette'].sub(/\.yml\z/, '').gsub(/\W+/, '_')}") do
      where = "#{rec['cassette']} (the gem's #{rec['method']} #{rec['path']} #{rec['body']})"
      if scenario[:refused]
        assert_raises(ArgumentError, where) { scenario[:call].call(@opentok) }
        assert @server.requests.empty?, "#{where}: nothing sent"
        next
      end
      scenario[:call].call(@opentok)
      req = @server.next_request
      assert_equal rec["method"], req.method, "#{where}: method"
      assert_equal rec["path"], req.path, "#{where}: path"
      assert_equal rec["query"], req.query, "#{where}: query"
      expected = self.class.recorded_body(rec)
      if expected
        # HTTParty sets the form type below VCR's recording; the JSON calls name theirs.
        assert_equal rec["content_type"] || FORM_TYPE, req.content_type, "#{where}: content type"
      end
      refute_nil req.headers["x-opentok-auth"], "#{where}: X-OPENTOK-AUTH"
      if scenario[:user_agent_ends_with]
        assert req.headers["user-agent"].end_with?(scenario[:user_agent_ends_with]), "#{where}: User-Agent #{req.headers['user-agent']}"
      end
      assert_fields(where, expected, req.body, scenario.fetch(:differs, {}))
      assert @server.requests.empty?, "#{where}: one request, as the gem sends"
    end
  end

  EXTRA.each do |name, s|
    define_method("test_extra_#{name.gsub(/\W+/, '_')}") do
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
