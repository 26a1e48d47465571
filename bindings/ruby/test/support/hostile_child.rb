# frozen_string_literal: true

# Hostile inputs, run in a child process by hostile_test.rb so a crash (segfault, abort, a Rust
# panic crossing the FFI) fails one test with its exit status instead of killing the test run.
# Prints "<case>: <outcome>" per case and "all cases survived" at the end.
# Usage: ruby -Ilib hostile_child.rb <emulator url>

require "opentok_native"

URL = ARGV.fetch(0)
KEY = "123456"
SECRET = "1234567890abcdef1234567890abcdef1234567890"
SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"

# An object whose every conversion raises.
class Exploding
  def to_s = raise("boom in to_s")
  def to_str = raise("boom in to_str")
  def to_i = raise("boom in to_i")
  def to_int = raise("boom in to_int")
  def to_h = raise("boom in to_h")
  def to_hash = raise("boom in to_hash")
  def to_a = raise("boom in to_a")
  def to_ary = raise("boom in to_ary")
  def to_sym = raise("boom in to_sym")
end

def deep(levels)
  leaf = "x"
  levels.times { leaf = { d: leaf } }
  leaf
end

def run_case(name)
  yield
  puts "#{name}: answered"
rescue OpenTok::OpenTokError, ArgumentError, TypeError, RangeError, RuntimeError, FloatDomainError,
       Encoding::CompatibilityError, EncodingError => e
  puts "#{name}: #{e.class}"
end

$stdout.sync = true
ot = OpenTok::OpenTok.new(KEY, SECRET, api_url: URL, max_retries: 0)
cyclic = {}
cyclic[:self] = cyclic
cyclic_list = []
cyclic_list << cyclic_list
bad_utf8 = "\xff\xfe".dup.force_encoding("UTF-8")

run_case("cyclic layout") { ot.archives.create(SID, layout: cyclic) }
run_case("cyclic signal data") { ot.signals.send(SID, type: "t", data: cyclic_list) }
run_case("deep signal") { ot.signals.send(SID, type: "t", data: deep(100_000)) }
run_case("deep broadcast outputs") { ot.broadcasts.create(SID, outputs: deep(10_000)) }
run_case("exploding token data") { ot.generate_token(SID, data: Exploding.new) }
run_case("exploding expire") { ot.generate_token(SID, expire_time: Exploding.new) }
run_case("exploding role") { ot.generate_token(SID, role: Exploding.new) }
run_case("exploding session id") { ot.generate_token(Exploding.new) }
run_case("exploding layout") { ot.archives.create(SID, layout: Exploding.new) }
run_case("huge int expire") { ot.generate_token(SID, expire_time: 2**200) }
run_case("negative expire") { ot.generate_token(SID, expire_time: -(2**70)) }
run_case("nan expire") { ot.generate_token(SID, expire_time: Float::NAN) }
run_case("inf expire") { ot.generate_token(SID, expire_time: Float::INFINITY) }
run_case("invalid utf8 data") { ot.generate_token(SID, data: bad_utf8) }
run_case("invalid utf8 session id") { ot.generate_token(bad_utf8) }
run_case("binary session id") { ot.generate_token("\x00\x01".b) }
run_case("nul in session id") { ot.streams.find("a\u0000b", "s") }
run_case("huge data") { ot.generate_token(SID, data: "x" * 5_000_000) }
run_case("huge class list") { ot.generate_token(SID, initial_layout_class_list: ["c"] * 200_000) }
run_case("invalid utf8 archive name") { ot.archives.create(SID, name: bad_utf8) }
run_case("exploding client key") { OpenTok::OpenTok.new(Exploding.new, SECRET) }
run_case("invalid utf8 secret") { OpenTok::OpenTok.new(KEY, bad_utf8 * 20) }
run_case("timeout huge") { OpenTok::OpenTok.new(KEY, SECRET, timeout_length: 10**400) }
run_case("timeout nan") { OpenTok::OpenTok.new(KEY, SECRET, timeout_length: Float::NAN) }

# Threads inside native calls while the process exits; a thread killed mid-call.
threads = Array.new(8) { Thread.new { loop { ot.generate_token(SID, data: "thread") } } }
rest = Array.new(4) { Thread.new { loop { ot.create_session } } }
sleep 0.2
rest.each(&:kill)
threads.first.kill
puts "all cases survived"
# the remaining threads are still minting tokens when the interpreter exits
