# frozen_string_literal: true

require_relative "test_helper"
require "open3"

# Hostile inputs in a child process: a segfault or abort fails this test with its status instead
# of killing the test run.
class HostileTest < Minitest::Test
  CHILD = File.expand_path("support/hostile_child.rb", __dir__)
  LIB = File.expand_path("../lib", __dir__)
  REFUSED = ["cyclic layout", "cyclic signal data", "deep signal", "exploding token data", "huge int expire",
             "nan expire", "invalid utf8 data", "nul in session id", "huge data", "timeout nan"].freeze

  def test_hostile_inputs_never_crash_the_interpreter
    out, err, status = Open3.capture3(RbConfig.ruby, "-I#{LIB}", CHILD, EMULATOR.url)
    assert status.success?, "child #{status.inspect}\nstdout:\n#{out[-4000..] || out}\nstderr:\n#{err[-4000..] || err}"
    assert_includes out, "all cases survived"
    outcomes = out.lines.filter_map { |l| l.chomp.split(": ", 2) if l.include?(": ") }.to_h
    REFUSED.each { |name| refute_equal "answered", outcomes.fetch(name), "#{name} was accepted" }
    refute_match(/panicked/, err)
  end
end
