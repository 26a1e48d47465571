# frozen_string_literal: true

require "json"
require "net/http"
require "uri"

module OpenTok
  # Test helpers: a real `opentok-emulator` process for a test, and a client pointed at it.
  #
  # Minitest:
  #
  #   require "opentok_native"
  #   require "opentok/testing"
  #
  #   class SessionTest < Minitest::Test
  #     include OpenTok::Testing::Minitest
  #
  #     def test_session
  #       session = opentok_client.create_session(media_mode: :routed)
  #       conn = opentok_emulator.connect(session.session_id, session.generate_token)
  #       assert_equal "publisher", conn["role"]
  #     end
  #   end
  #
  # RSpec: `OpenTok::Testing.install_rspec(config)` in `RSpec.configure`; examples then call
  # `opentok_emulator` and `opentok_client` the same way. Either way the emulator starts on a free
  # loopback port, in memory, on first use in a test and stops after the test, failed or not.
  #
  # The binary: `binary:` when given, else $EMULATOR_BIN, else the `opentok-emulator` command on
  # PATH (e.g. from `pip install opentok-emulator` or the npm package `opentok-emulator`).
  module Testing
    # The development project the emulator serves without `--project`.
    DEFAULT_API_KEY = "123456"
    DEFAULT_API_SECRET = "1234567890abcdef1234567890abcdef1234567890"

    # No `opentok-emulator` binary (the message says where it looked).
    class EmulatorNotFoundError < StandardError; end

    # The emulator exited or stayed silent instead of announcing its address.
    class EmulatorStartError < StandardError; end

    # The emulator binary to run; raises EmulatorNotFoundError naming what was tried.
    def self.find_emulator(binary = nil)
      given = binary || (ENV["EMULATOR_BIN"] unless ENV["EMULATOR_BIN"].to_s.empty?)
      if given
        return given if File.file?(given) && File.executable?(given)

        from = binary ? "the binary: option" : "$EMULATOR_BIN"
        raise EmulatorNotFoundError, "opentok-emulator binary #{given.inspect} does not exist or is not executable (from #{from})"
      end
      ENV.fetch("PATH", "").split(File::PATH_SEPARATOR).each do |dir|
        file = File.join(dir, "opentok-emulator")
        return file if File.file?(file) && File.executable?(file)
      end
      raise EmulatorNotFoundError,
            "opentok-emulator not found (tried $EMULATOR_BIN (unset), PATH): `pip install opentok-emulator` " \
            "or `npm install opentok-emulator`, or set EMULATOR_BIN to the binary"
    end

    @running = {}
    @lock = Mutex.new
    class << self
      # Emulators started and not yet stopped (stopped at exit).
      attr_reader :running, :lock

      # Stops, once the run ends, the emulators still running: after Minitest's run when Minitest
      # is loaded (its autorun runs the tests in an at_exit hook, so a plain at_exit registered
      # later would fire before the tests), else at exit.
      def stop_at_exit
        return if @stop_at_exit

        @stop_at_exit = true
        stop_all = -> { lock.synchronize { running.values }.each(&:stop) }
        if defined?(::Minitest) && ::Minitest.respond_to?(:after_run)
          ::Minitest.after_run(&stop_all)
        else
          at_exit(&stop_all)
        end
      end
    end

    # A running emulator: its `url`, the project it serves (`api_key`, `api_secret`) and `pid`.
    class Emulator
      attr_reader :url, :api_key, :api_secret, :pid

      # Starts the emulator on a free loopback port, in memory, and waits until it listens.
      # `args`: extra flags. A process that does not come up is killed (EmulatorStartError).
      def self.start(*args, binary: nil, api_key: nil, api_secret: nil, timeout: 20)
        bin = Testing.find_emulator(binary)
        key = (api_key || DEFAULT_API_KEY).to_s
        secret = api_secret || DEFAULT_API_SECRET
        argv = ["--port", "0", "--in-memory"]
        argv += ["--project", "#{key}:#{secret}"] if api_key || api_secret
        out_r, out_w = IO.pipe
        err_r, err_w = IO.pipe
        pid = Process.spawn(bin, *argv, *args, in: File::NULL, out: out_w, err: err_w)
        out_w.close
        err_w.close
        line = IO.select([out_r], nil, nil, timeout) ? out_r.gets : :silent
        url = line.is_a?(String) && line[%r{\Alistening on (http://\S+)}, 1]
        unless url
          Process.kill("KILL", pid) rescue nil # rubocop:disable Style/RescueModifier
          Process.wait(pid)
          stderr = err_r.read.to_s.strip
          stderr = stderr[-500..] if stderr.length > 500
          why = if line == :silent then "it was silent #{timeout} s"
                elsif line.nil? then "it exited before printing its address"
                else "it printed #{line.inspect}"
                end
          raise EmulatorStartError, "opentok-emulator (#{bin}) did not start: #{why}#{": #{stderr}" unless stderr.empty?}"
        end
        # Keep draining both pipes so the process never blocks on a full one.
        [out_r, err_r].each { |io| Thread.new { io.each_line { nil } rescue nil } } # rubocop:disable Style/RescueModifier
        new(pid, url.chomp("/"), key, secret)
      end

      def initialize(pid, url, api_key, api_secret)
        @pid = pid
        @url = url
        @api_key = api_key
        @api_secret = api_secret
        @stopped = false
        Testing.lock.synchronize { Testing.running[pid] = self }
        Testing.stop_at_exit
      end

      # A client (OpenTok::OpenTok) for this emulator's project; `opts` as for OpenTok::OpenTok.new.
      def client(**opts)
        ::OpenTok::OpenTok.new(@api_key, @api_secret, api_url: @url, **opts)
      end

      # Connects a simulated client with `token`; returns the connection Hash ("connectionId",
      # "role", ...). A refused token raises, with the emulator's reason.
      def connect(session_id, token)
        uri = URI("#{@url}/emulator/v1/sessions/#{session_id}/connections")
        res = Net::HTTP.post(uri, JSON.generate(token: token), "Content-Type" => "application/json")
        raise "the emulator refused the token (#{res.code}): #{res.body}" unless res.code.to_i == 201

        JSON.parse(res.body)
      end

      # Whether the process is still running.
      def alive?
        !@stopped && Process.waitpid(@pid, Process::WNOHANG).nil?
      rescue Errno::ECHILD
        false
      end

      # Ends the process (TERM, then KILL after 5 s) and reaps it. Idempotent.
      def stop
        return if @stopped

        @stopped = true
        Testing.lock.synchronize { Testing.running.delete(@pid) }
        Process.kill("TERM", @pid)
        deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + 5
        until Process.waitpid(@pid, Process::WNOHANG)
          if Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline
            Process.kill("KILL", @pid)
            Process.waitpid(@pid)
            break
          end
          sleep 0.01
        end
      rescue Errno::ESRCH, Errno::ECHILD
        nil
      end

      def inspect
        "#<OpenTok::Testing::Emulator url=#{@url} api_key=#{@api_key} pid=#{@pid}>"
      end
      alias to_s inspect
    end

    # The accessors both helpers share: the emulator starts on first use in a test.
    module Accessors
      # The emulator of this test (started on first call).
      def opentok_emulator
        @opentok_emulator ||= Emulator.start
      end

      # An OpenTok::OpenTok pointed at `opentok_emulator`.
      def opentok_client
        @opentok_client ||= opentok_emulator.client
      end

      # Stops this test's emulator, if one was started.
      def stop_opentok_emulator
        @opentok_emulator&.stop
        @opentok_emulator = nil
        @opentok_client = nil
      end
    end

    # `include OpenTok::Testing::Minitest` in a Minitest::Test: the emulator is stopped in
    # after_teardown, which Minitest runs whether the test passed, failed or raised.
    module Minitest
      include Accessors

      def after_teardown
        stop_opentok_emulator
        super
      end
    end

    # Adds `opentok_emulator` / `opentok_client` to every RSpec example and stops the emulator
    # after each one.
    def self.install_rspec(config)
      config.include(Accessors)
      config.after(:each) { stop_opentok_emulator }
    end
  end
end
