# frozen_string_literal: true

# Ruby token benchmark: this repo's gem (bindings/ruby) against what the official `opentok` gem
# does to mint a token, in the same process: Debian's ruby-jwt (`jwt` gem) encoding the official
# gem's claims (lib/opentok/token_generator.rb, GENERATE_JWT_LAMBDA: iss, ist, iat, nonce, role,
# scope, session_id, plus exp / connection_data / initial_layout_class_list) with HS256 and the
# `typ: JWT` header. Not a test. Run with `make bench-ruby` (release native library, release
# emulator).
#
# With OPENTOK_BENCH_URL (an emulator's base URL), also `create_session`: the gem against what the
# official gem 4.13 does (lib/opentok/client.rb `create_session`: an HTTParty POST of the form
# body, `X-OPENTOK-AUTH` a ruby-jwt HS256 JWT with `ist` in its JOSE header, the XML answer parsed
# by HTTParty), from one thread and from 16.
#
#   ruby benches/ruby_bench.rb [seconds-per-case]
#
# Prints one line per case (calls per second, median of three rounds after a warm-up) and the ratios.
$LOAD_PATH.unshift(ENV["OPENTOK_RUBY_LIB"] || File.expand_path("../bindings/ruby/lib", __dir__))
require "opentok_native"
require "jwt"
require "httparty" if ENV["OPENTOK_BENCH_URL"]

API_KEY = "123456"
API_SECRET = "1234567890abcdef1234567890abcdef1234567890"
SESSION_ID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
SECONDS = Float(ARGV[0] || 3)

# Calls per second of the block: median of three rounds of SECONDS / 3, after one warm-up round.
def rate(name)
  rates = (0..3).map do
    n = 0
    start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    stop = start + (SECONDS / 3)
    now = start
    while now < stop
      64.times { yield }
      n += 64
      now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    end
    n / (now - start)
  end
  median = rates.drop(1).sort[1]
  printf("%-44s %10.0f/s %8.2f us\n", name, median, 1e6 / median)
  median
end

# Calls per second of the block run from `threads` threads at once: median of three rounds of
# SECONDS / 3, after one warm-up round.
def threaded_rate(name, threads)
  rates = (0..3).map do
    count = Queue.new
    start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    stop = start + (SECONDS / 3)
    workers = Array.new(threads) do
      Thread.new do
        n = 0
        while Process.clock_gettime(Process::CLOCK_MONOTONIC) < stop
          yield
          n += 1
        end
        count << n
      end
    end
    workers.each(&:join)
    total = Array.new(threads) { count.pop }.sum
    total / (Process.clock_gettime(Process::CLOCK_MONOTONIC) - start)
  end
  median = rates.drop(1).sort[1]
  printf("%-44s %10.0f/s %8.2f us\n", name, median, 1e6 / median)
  median
end

# The official gem's JWT: its claims, encoded by ruby-jwt.
def official_jwt(session_id, role: :publisher, expire_time: nil, data: nil, layout: nil)
  claims = { iss: API_KEY, ist: "project", iat: Time.now.to_i, nonce: Random.rand, role: role,
             scope: "session.connect", session_id: session_id }
  claims[:exp] = expire_time.to_i if expire_time
  claims[:connection_data] = data.to_s unless data.nil?
  claims[:initial_layout_class_list] = layout.is_a?(Array) ? layout.join(" ") : layout.to_s if layout
  JWT.encode(claims, API_SECRET, "HS256", { typ: "JWT" })
end

opentok = OpenTok::OpenTok.new(API_KEY, API_SECRET)
uniffi_only = OpenTok::OpenTok.new(API_KEY, API_SECRET)
uniffi_only.instance_variable_set(:@token_handle, 0) # the generic uniffi call, for comparison
expire = Time.now.to_i + 3600
options = { role: :moderator, expire_time: expire, data: "name=Johnny", initial_layout_class_list: %w[focus main] }

# the same claims both ways (a sanity check, not a test)
ours = OpenTok::Token.decode(opentok.generate_token(SESSION_ID, options))
theirs = JWT.decode(official_jwt(SESSION_ID, role: :moderator, expire_time: expire, data: "name=Johnny", layout: %w[focus main]),
                    API_SECRET, true, algorithm: "HS256").first
abort "claims differ: #{ours.claims} vs #{theirs}" unless ours.role == theirs["role"] && ours.expires_at == theirs["exp"] &&
                                                          ours.connection_data == theirs["connection_data"]

puts "ruby #{RUBY_VERSION}, ruby-jwt #{JWT::VERSION::STRING}, opentok-native core #{OpenTok.core_version}, fast path: #{OpenTok::TokenFast::AVAILABLE}"
results = {
  "default" => [
    rate("official claims + ruby-jwt, default") { official_jwt(SESSION_ID) },
    rate("opentok-native generate_token, default") { opentok.generate_token(SESSION_ID) },
    rate("opentok-native via uniffi only, default") { uniffi_only.generate_token(SESSION_ID) }
  ],
  "options" => [
    rate("official claims + ruby-jwt, options") do
      official_jwt(SESSION_ID, role: :moderator, expire_time: expire, data: "name=Johnny", layout: %w[focus main])
    end,
    rate("opentok-native generate_token, options") { opentok.generate_token(SESSION_ID, options) },
    rate("opentok-native via uniffi only, options") { uniffi_only.generate_token(SESSION_ID, options) }
  ]
}
puts
results.each do |name, (official, native, uniffi)|
  printf("%-8s native/official %.1fx   (uniffi only %.1fx)\n", name, native / official, uniffi / official)
end

url = ENV["OPENTOK_BENCH_URL"]
exit if url.nil? || url.empty?

# What the official gem 4.13 does for `create_session` (relayed, the default): its REST JWT, its
# HTTParty client (a new connection per call, as Net::HTTP without keep-alive), its XML reading.
class OfficialClient
  include HTTParty
  open_timeout 2

  def initialize(url)
    self.class.base_uri url
    self.class.headers("User-Agent" => "OpenTok-Ruby-SDK/4.13.0")
  end

  def create_session
    now = Time.now.to_i
    jwt = JWT.encode({ iss: API_KEY, iat: now, exp: now + 300 }, API_SECRET, "HS256", { ist: "project" })
    response = self.class.post("/session/create", body: { "p2p.preference" => "enabled" }, headers: { "X-OPENTOK-AUTH" => jwt })
    raise "create_session: status #{response.code}" unless (200..300).cover?(response.code)

    response["sessions"]["Session"]["session_id"]
  end
end

official = OfficialClient.new(url)
native = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: url)
abort "official create_session failed" unless official.create_session.start_with?("1_", "2_")
abort "native create_session failed" unless native.create_session.session_id.start_with?("1_", "2_")

puts
sessions = {
  "create_session, sequential" => [
    rate("official gem's create_session (HTTParty)") { official.create_session },
    rate("opentok-native create_session") { native.create_session }
  ],
  "create_session, 16 threads" => [
    threaded_rate("official gem's create_session, 16 threads", 16) { official.create_session },
    threaded_rate("opentok-native create_session, 16 threads", 16) { native.create_session }
  ]
}
puts
sessions.each do |name, (theirs, ours)|
  printf("%-28s native/official %.1fx\n", name, ours / theirs)
end
