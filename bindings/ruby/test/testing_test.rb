# frozen_string_literal: true

require_relative "test_helper"
require "open3"
require "rbconfig"
require "tmpdir"
require "opentok/testing"

# The gem's test helper (OpenTok::Testing): a running emulator with a client on it, clear errors
# when it cannot come up, and no process left after a failing test.
class TestingHelperTest < Minitest::Test
  include OpenTok::Testing::Minitest

  LIB = File.expand_path("../lib", __dir__)

  def gone?(pid)
    Process.kill(0, pid)
    state = File.read("/proc/#{pid}/stat").split(")").last.split.first
    state == "Z"
  rescue Errno::ESRCH, Errno::ENOENT
    true
  end

  def test_accessors_give_an_emulator_and_a_client_on_it
    assert_match %r{\Ahttp://127\.0\.0\.1:\d+\z}, opentok_emulator.url
    assert_equal "123456", opentok_emulator.api_key
    session = opentok_client.create_session(media_mode: :routed)
    conn = opentok_emulator.connect(session.session_id, session.generate_token(role: :moderator))
    assert_equal "moderator", conn["role"]
    refute_includes opentok_emulator.inspect, opentok_emulator.api_secret
  end

  def test_failing_minitest_tests_leave_no_emulator
    Dir.mktmpdir do |dir|
      pids = File.join(dir, "pids")
      File.write(File.join(dir, "inner_test.rb"), <<~RUBY)
        require "opentok_native"
        require "opentok/testing"
        require "minitest/autorun"
        class InnerTest < Minitest::Test
          include OpenTok::Testing::Minitest
          def test_raises
            File.write(#{pids.inspect}, "\#{opentok_emulator.pid}\\n", mode: "a")
            raise "boom inside the fixture"
          end
          def test_fails
            File.write(#{pids.inspect}, "\#{opentok_emulator.pid}\\n", mode: "a")
            opentok_client.create_session
            flunk "failing on purpose"
          end
        end
      RUBY
      out, status = Open3.capture2e(RbConfig.ruby, "-I", LIB, File.join(dir, "inner_test.rb"))
      refute status.success?, out
      assert_match(/2 runs, .* 1 failures, 1 errors/, out)
      recorded = File.read(pids).split.map(&:to_i)
      assert_equal 2, recorded.uniq.size
      recorded.each { |pid| assert gone?(pid), "emulator pid #{pid} left running" }
    end
  end

  def test_missing_binary_is_a_clear_error
    err = assert_raises(OpenTok::Testing::EmulatorNotFoundError) do
      OpenTok::Testing::Emulator.start(binary: "/nonexistent/opentok-emulator")
    end
    assert_includes err.message, "\"/nonexistent/opentok-emulator\" does not exist or is not executable"
    saved = ENV.to_h.slice("EMULATOR_BIN", "PATH")
    ENV.delete("EMULATOR_BIN")
    ENV["PATH"] = "/nonexistent"
    err = assert_raises(OpenTok::Testing::EmulatorNotFoundError) { OpenTok::Testing.find_emulator }
    assert_includes err.message, "pip install opentok-emulator"
  ensure
    saved&.each { |k, v| ENV[k] = v }
  end

  def test_an_emulator_that_does_not_come_up_is_an_error_and_is_killed
    err = assert_raises(OpenTok::Testing::EmulatorStartError) do
      OpenTok::Testing::Emulator.start("--header-read-timeout", "0")
    end
    assert_match(/did not start: it exited before printing its address: .*header-read-timeout/m, err.message)
    Dir.mktmpdir do |dir|
      mute = File.join(dir, "mute-emulator")
      File.write(mute, "#!/bin/sh\necho $$ > #{mute}.pid\nexec sleep 60\n")
      File.chmod(0o755, mute)
      err = assert_raises(OpenTok::Testing::EmulatorStartError) { OpenTok::Testing::Emulator.start(binary: mute, timeout: 1) }
      assert_includes err.message, "silent 1 s"
      assert gone?(File.read("#{mute}.pid").to_i)
    end
  end

  def test_a_project_of_its_own
    emu = OpenTok::Testing::Emulator.start(api_key: 4242, api_secret: "s" * 40)
    assert_equal "4242", emu.api_key
    emu.client.create_session
    emu.stop
    assert gone?(emu.pid)
  end
end
