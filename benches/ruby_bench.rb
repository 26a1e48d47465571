# frozen_string_literal: true

# Ruby token benchmark: this repo's gem (bindings/ruby) against what the official `opentok` gem
# does to mint a token, in the same process: Debian's ruby-jwt (`jwt` gem) encoding the official
# gem's claims (lib/opentok/token_generator.rb, GENERATE_JWT_LAMBDA: iss, ist, iat, nonce, role,
# scope, session_id, plus exp / connection_data / initial_layout_class_list) with HS256 and the
# `typ: JWT` header. Not a test. Run with `make bench-ruby` (release native library).
#
#   ruby benches/ruby_bench.rb [seconds-per-case]
#
# Prints one line per case (calls per second, median of three rounds after a warm-up) and the ratios.
$LOAD_PATH.unshift(ENV["OPENTOK_RUBY_LIB"] || File.expand_path("../bindings/ruby/lib", __dir__))
require "opentok_native"
require "jwt"

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
