# frozen_string_literal: true

require "json"
require "net/http"
require "socket"
require "uri"
require "opentok/testing"

# A real `opentok-emulator` process ($EMULATOR_BIN) on an ephemeral loopback port.
class Emulator
  API_KEY = "123456"
  API_SECRET = "1234567890abcdef1234567890abcdef1234567890"

  attr_reader :url

  # The test Vonage application (keys in tests/keys/).
  APP_ID = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"
  KEYS = File.expand_path("../../../../tests/keys", __dir__)

  # An emulator that also serves the test application (RS256 tokens and REST auth).
  def self.start_with_application
    start("--application", "#{APP_ID}:#{File.join(KEYS, 'app_public.pem')}")
  end

  # Starts one through the gem's own helper (OpenTok::Testing::Emulator, binary from $EMULATOR_BIN).
  def self.start(*args)
    running = OpenTok::Testing::Emulator.start(*args)
    new(running, running.url)
  end

  def initialize(running, url)
    @running = running
    @url = url
  end

  # Connects a simulated client; returns [status, body Hash].
  def connect(session_id, token)
    uri = URI("#{@url}/emulator/v1/sessions/#{session_id}/connections")
    res = Net::HTTP.post(uri, JSON.generate(token: token), "Content-Type" => "application/json")
    [res.code.to_i, JSON.parse(res.body)]
  end

  # Publishes a stream from a simulated connection; returns the stream Hash ("id", ...).
  def publish(session_id, connection_id, **opts)
    status, body = post("/emulator/v1/sessions/#{session_id}/connections/#{connection_id}/streams", opts)
    raise "publish failed: #{status} #{body}" unless status == 201

    body
  end

  # Signals a simulated connection received, oldest first.
  def signals(session_id, connection_id)
    get("/emulator/v1/sessions/#{session_id}/connections/#{connection_id}/signals")
  end

  # Simulated connections of a session (Array of Hashes with "connectionId").
  def connections(session_id)
    body = get("/emulator/v1/sessions/#{session_id}/connections")
    body.is_a?(Hash) ? Array(body["items"] || body["connections"]) : Array(body)
  end

  # The emulator's view of a session's streams: {"items"/"streams" => [...], "muteAll" => ...}.
  def streams(session_id)
    get("/emulator/v1/sessions/#{session_id}/streams")
  end

  # DTMF digits played into a session, oldest first.
  def dtmf(session_id)
    get("/emulator/v1/sessions/#{session_id}/dtmf")
  end

  # What an Audio Connector was asked (uri, streams, headers, audioRate, audioTransport).
  def audio_connector(id)
    get("/emulator/v1/audio-connectors/#{id}")
  end

  def get(path)
    res = Net::HTTP.get_response(URI("#{@url}#{path}"))
    raise "GET #{path}: #{res.code} #{res.body}" unless res.code.to_i == 200

    JSON.parse(res.body)
  end

  def post(path, body)
    res = Net::HTTP.post(URI("#{@url}#{path}"), JSON.generate(body), "Content-Type" => "application/json")
    [res.code.to_i, JSON.parse(res.body)]
  end

  def close
    @running.stop
  end
end

# A loopback server that accepts connections and never answers (the fault the emulator can't make).
class SilentServer
  attr_reader :url

  def initialize
    @server = TCPServer.new("127.0.0.1", 0)
    @held = Queue.new
    @url = "http://127.0.0.1:#{@server.addr[1]}"
    @thread = Thread.new do
      loop { @held << @server.accept }
    rescue IOError, Errno::EBADF
      nil
    end
  end

  def accepted
    @held.size
  end

  def close
    @server.close
    @thread.join(1)
    @held.size.times { @held.pop.close }
  end

  # Runs the block with a client of a silent server (0.5 s timeout, no retries) on another
  # thread while this one ticks every 10 ms. Each tick needs the GVL back: a call that held it
  # would leave ticks near zero. Returns [the block's value or OpenTokError, ticks].
  def self.ticking_call
    silent = new
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: silent.url, timeout_length: 0.5, max_retries: 0)
    caller = Thread.new do
      yield client
    rescue OpenTok::OpenTokError => e
      e
    end
    ticks = 0
    while caller.alive?
      sleep 0.01
      ticks += 1
    end
    [caller.value, ticks]
  ensure
    silent&.close
  end

  # A loopback URL where nothing listens (a port just closed).
  def self.closed_port_url
    s = TCPServer.new("127.0.0.1", 0)
    port = s.addr[1]
    s.close
    "http://127.0.0.1:#{port}"
  end
end

# A loopback HTTP server that records each request (method, path, query, headers, raw body and
# the body read as JSON or as a form, by its content type) and answers each with a canned status
# and body, or with what the block given returns for the request ([status, body]): for checking
# what goes on the wire, which the emulator (accepting every SDK's spelling) cannot show.
class RecordingServer
  Request = Struct.new(:method, :path, :query, :headers, :raw, :body, keyword_init: true) do
    # The Content-Type's media type ("application/json"), or nil.
    def content_type
      headers["content-type"]&.split(";")&.first&.strip
    end
  end

  attr_reader :url, :requests

  def initialize(status: 200, body: "{}", &answer)
    @server = TCPServer.new("127.0.0.1", 0)
    @url = "http://127.0.0.1:#{@server.addr[1]}"
    @requests = Queue.new
    @workers = []
    @answer = answer || ->(_req) { [status, body] }
    @thread = Thread.new do
      loop do
        sock = @server.accept
        @workers << Thread.new { serve(sock) }
      end
    rescue IOError, Errno::EBADF
      nil
    end
  end

  # The next recorded request (waits up to 5 s).
  def next_request
    deadline = Time.now + 5
    sleep 0.01 while @requests.empty? && Time.now < deadline
    raise "no request reached the recording server" if @requests.empty?

    @requests.pop
  end

  def close
    @server.close
    @thread.join(1)
    @workers.each(&:kill).each(&:join)
  end

  private

  def serve(sock)
    loop do
      line = sock.gets or break
      method, target, = line.split(" ")
      path, query = target.split("?", 2)
      headers = {}
      while (h = sock.gets) && h != "\r\n"
        k, v = h.split(":", 2)
        headers[k.strip.downcase] = v.strip
      end
      raw = sock.read(headers.fetch("content-length", "0").to_i)
      req = Request.new(method: method, path: path, query: query ? URI.decode_www_form(query).to_h : {}, headers: headers,
                        raw: raw, body: nil)
      req.body = if raw.empty? then nil
                 elsif req.content_type == "application/x-www-form-urlencoded" then URI.decode_www_form(raw).to_h
                 else JSON.parse(raw)
                 end
      @requests << req
      status, body = @answer.call(req)
      payload = status == 204 ? "" : body
      sock.write("HTTP/1.1 #{status} Answer\r\nContent-Type: application/json\r\nContent-Length: #{payload.bytesize}\r\n\r\n#{payload}")
    end
  rescue IOError, Errno::ECONNRESET, Errno::EPIPE
    nil
  ensure
    sock.close
  end
end
