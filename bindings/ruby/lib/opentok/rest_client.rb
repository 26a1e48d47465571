# frozen_string_literal: true

require "base64"
require "json"
require "openssl"

module OpenTok
  # The official gem's constants (its constants.rb).
  API_URL = "https://api.opentok.com"
  TOKEN_SENTINEL = "T1=="
  # Lifetime of the REST auth JWT the official gem signs (seconds).
  AUTH_EXPIRE = 300

  # The official gem's low-level REST client (`OpenTok::Client`, one method per REST call,
  # answers as parsed Hashes), over the same native client as OpenTok::OpenTok: signing, retries
  # and HTTP are the core's. Apps rarely use it (OpenTok::OpenTok and its areas are the API);
  # it exists so code written against the gem's public classes keeps working.
  #
  #   client = OpenTok::Client.new(api_key, api_secret, "https://api.opentok.com", "my-app/1.0", timeout_length: 5)
  #   client.create_session("p2p.preference" => "disabled")["sessions"]["Session"]["session_id"]
  #
  # Calls answering JSON return a Hash with the wire's camelCase String keys; calls answering
  # nothing return true. Errors are raised as in the area classes (OpenTokArchiveError, ...).
  class Client
    attr_reader :api_key, :api_secret, :api_url, :ua_addendum, :timeout_length

    # As the official gem: `Client.new(api_key, api_secret, api_url, ua_addendum = "", opts = {})`
    # with opts timeout_length (seconds, default 2); the other OpenTok.new options are accepted too.
    def initialize(api_key, api_secret, api_url, ua_addendum = "", opts = {})
      @options = (opts || {}).transform_keys(&:to_sym)
      @api_key = api_key
      @api_secret = api_secret
      @api_url = api_url
      @ua_addendum = ua_addendum
      @timeout_length = @options[:timeout_length] || 2
      rebuild
    end

    # The official gem's writers (attr_accessor): the next call uses the new value.
    %i[api_key api_secret api_url ua_addendum timeout_length].each do |name|
      define_method(:"#{name}=") do |value|
        instance_variable_set(:"@#{name}", value)
        rebuild
        value
      end
    end

    # The REST auth JWT the official gem sends in X-OPENTOK-AUTH: HS256, `ist` in the JOSE
    # header, `iss`, `iat` and `exp` (AUTH_EXPIRE seconds) in the payload.
    def generate_jwt(api_key, api_secret)
      now = Time.now.to_i
      header = { "alg" => "HS256", "ist" => "project", "typ" => "JWT" }
      payload = { "iss" => api_key, "iat" => now, "exp" => now + AUTH_EXPIRE }
      signing_input = [header, payload].map { |part| Base64.urlsafe_encode64(JSON.generate(part), padding: false) }.join(".")
      signature = OpenSSL::HMAC.digest("SHA256", api_secret.to_s, signing_input)
      "#{signing_input}.#{Base64.urlsafe_encode64(signature, padding: false)}"
    end

    # The official gem's auth header, merged with `extra_headers`.
    def generate_headers(extra_headers = {})
      { "X-OPENTOK-AUTH" => generate_jwt(@api_key, @api_secret) }.merge(extra_headers)
    end

    # Creates a session from form-style params ("p2p.preference", "archiveMode", "location",
    # "archiveName", "archiveResolution", "e2ee"; symbol or string keys). Returns the official
    # gem's parsed answer: {"sessions" => {"Session" => {"session_id" => ..., ...}}}.
    def create_session(opts)
      props = (opts || {}).to_h { |k, v| [k.to_s, v.to_s] }
      location = props.delete("location")
      info = ::OpenTok.native_call { native.create_session_with_properties_blocking(location, props) }
      session = { "session_id" => info.session_id, "partner_id" => @api_key, "create_dt" => info.create_dt,
                  "media_server_url" => info.media_server_url }
      { "sessions" => { "Session" => session } }
    end

    def start_archive(session_id, opts)
      @opentok.archives.create(session_id, opts).to_h
    end

    def stop_archive(archive_id)
      @opentok.archives.stop_by_id(archive_id).to_h
    end

    def get_archive(archive_id)
      @opentok.archives.find(archive_id).to_h
    end

    def list_archives(offset, count, session_id)
      page(@opentok.archives.all(list_options(offset, count, session_id)))
    end

    def delete_archive(archive_id)
      @opentok.archives.delete_by_id(archive_id)
    end

    def layout_archive(archive_id, opts)
      @opentok.archives.layout(archive_id, opts)
    end

    # opts: {addStream:, hasAudio:, hasVideo:} or {removeStream:}, as the gem's body.
    def select_streams_for_archive(archive_id, opts)
      select_streams(@opentok.archives, archive_id, opts)
    end

    def forceDisconnect(session_id, connection_id) # rubocop:disable Naming/MethodName -- the official name
      @opentok.connections.forceDisconnect(session_id, connection_id)
    end

    def force_mute_stream(session_id, stream_id)
      @opentok.streams.force_mute(session_id, stream_id)
    end

    def force_mute_session(session_id, opts)
      @opentok.streams.force_mute_all(session_id, opts || {})
    end

    def signal(session_id, connection_id, opts)
      @opentok.signals.send(session_id, connection_id, opts)
    end

    def dial(session_id, token, sip_uri, opts)
      @opentok.sip.dial(session_id, token, sip_uri, opts || {}).to_h
    end

    def play_dtmf_to_connection(session_id, connection_id, dtmf_digits)
      @opentok.sip.play_dtmf_to_connection(session_id, connection_id, dtmf_digits)
    end

    def play_dtmf_to_session(session_id, dtmf_digits)
      @opentok.sip.play_dtmf_to_session(session_id, dtmf_digits)
    end

    # One stream, or every stream of the session when stream_id is empty (as the gem).
    def info_stream(session_id, stream_id)
      return page(@opentok.streams.all(session_id)) if stream_id.to_s.empty?

      @opentok.streams.find(session_id, stream_id).to_h
    end

    def layout_streams(session_id, opts)
      @opentok.streams.layout(session_id, opts)
    end

    def start_broadcast(session_id, opts)
      @opentok.broadcasts.create(session_id, opts).to_h
    end

    def get_broadcast(broadcast_id)
      @opentok.broadcasts.find(broadcast_id).to_h
    end

    def list_broadcasts(offset, count, session_id)
      page(@opentok.broadcasts.all(list_options(offset, count, session_id)))
    end

    def stop_broadcast(broadcast_id)
      @opentok.broadcasts.stop(broadcast_id).to_h
    end

    def layout_broadcast(broadcast_id, opts)
      @opentok.broadcasts.layout(broadcast_id, opts)
    end

    def select_streams_for_broadcast(broadcast_id, opts)
      select_streams(@opentok.broadcasts, broadcast_id, opts)
    end

    def start_live_captions(session_id, token, options)
      @opentok.captions.start(session_id, token, options || {}).to_h
    end

    def stop_live_captions(captions_id)
      @opentok.captions.stop(captions_id)
    end

    def start_render(session_id, opts)
      @opentok.renders.start(session_id, opts).to_h
    end

    def get_render(render_id)
      @opentok.renders.find(render_id).to_h
    end

    def stop_render(render_id)
      @opentok.renders.stop(render_id)
    end

    def list_renders(offset, count)
      page(@opentok.renders.list(list_options(offset, count, nil)))
    end

    def connect_websocket(session_id, token, websocket_uri, opts)
      @opentok.websocket.connect(session_id, token, websocket_uri, opts || {}).to_h
    end

    def inspect
      "#<OpenTok::Client api_key=#{@api_key} api_url=#{@api_url}>"
    end

    private

    # The OpenTok client behind the calls, from the current values.
    def rebuild
      addendum = @ua_addendum.nil? || @ua_addendum.to_s.empty? ? nil : @ua_addendum.to_s
      @opentok = OpenTok.new(@api_key, @api_secret, **@options, api_url: @api_url, ua_addendum: addendum,
                                                                timeout_length: @timeout_length)
    end

    def native
      @opentok.__send__(:native_client)
    end

    def list_options(offset, count, session_id)
      { offset: offset, count: count, session_id: session_id }.compact
    end

    def page(list)
      { "count" => list.total, "items" => list.map(&:to_h) }
    end

    def select_streams(area, id, opts)
      o = (opts || {}).to_h { |k, v| [Options::Table.canon(k), v] }
      if o.key?("removestream")
        area.remove_stream(id, o["removestream"])
      else
        tracks = { has_audio: o["hasaudio"], has_video: o["hasvideo"] }.compact
        area.add_stream(id, o["addstream"], tracks)
      end
    end
  end
end
