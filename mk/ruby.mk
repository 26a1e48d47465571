# Ruby gem: bindings/ruby over the uniffi crate. Uses Debian's ruby and ruby-ffi
# (installed with apt when missing); the generated FFI layer and libopentok_uniffi.so are written
# into the gem's lib/opentok/native/ at build time (gitignored).
RUBY ?= ruby
RUBY_DIR := $(ROOT)/bindings/ruby
RUBY_GEM_HOME := $(CARGO_TARGET_DIR)/ruby-gems

.PHONY: test-ruby demo-ruby ruby-tools ruby-native ruby-gem bench-ruby

ruby-tools: ## install ruby, ruby-ffi and minitest with apt when missing
	@command -v $(RUBY) >/dev/null && $(RUBY) -e 'require "ffi"; require "minitest"' 2>/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ruby ruby-ffi ruby-minitest; }

ruby-native: ## generate the FFI layer and build libopentok_uniffi.so into the gem
	@$(ROOT)/bindings/scripts/build-native.sh ruby $(RUBY_DIR)/lib/opentok/native

# minitest suite against a real emulator.
test-ruby: ruby-tools ruby-native emulator-bin ## minitest suite against a real emulator
	cd $(RUBY_DIR) && EMULATOR_BIN=$(EMULATOR_BIN) $(RUBY) -Itest -e 'Dir["test/*_test.rb"].sort.each { |f| require File.expand_path(f) }'

# The packaged gem, installed into a scratch GEM_HOME (its native library travels inside).
ruby-gem: ruby-tools ruby-native ## build the gem and install it into a scratch GEM_HOME
	@mkdir -p $(RUBY_GEM_HOME)
	@cd $(RUBY_DIR) && gem build -q opentok-native.gemspec -o $(RUBY_GEM_HOME)/opentok-native.gem >/dev/null
	@gem install -q --local --ignore-dependencies --no-document --install-dir $(RUBY_GEM_HOME) $(RUBY_GEM_HOME)/opentok-native.gem >/dev/null

# examples/ruby/quickstart.rb against $OPENTOK_API_URL, using the installed gem.
demo-ruby: ruby-gem ## examples/ruby/quickstart.rb against $OPENTOK_API_URL
	@GEM_PATH=$(RUBY_GEM_HOME):$$($(RUBY) -e 'print Gem.path.join(":")') $(RUBY) $(ROOT)/examples/ruby/quickstart.rb

# benches/ruby_bench.rb: the gem's token minting (release native library) against Debian's ruby-jwt
# encoding the official gem's claims, in one process, then create_session against a release
# emulator, the gem against the official gem's HTTParty request. Leaves the release library in the gem's
# lib/opentok/native/ (test-ruby rebuilds the debug one).
bench-ruby: ruby-tools ## tokens and create_session: the gem (release library) vs what the official gem does (ruby-jwt, HTTParty)
	@$(RUBY) -e 'require "jwt"; require "httparty"' 2>/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ruby-jwt ruby-httparty; }
	@OPENTOK_UNIFFI_PROFILE=release $(ROOT)/bindings/scripts/build-native.sh ruby $(RUBY_DIR)/lib/opentok/native
	$(CARGO) build -q --release -p opentok-emulator
	@out=$$(mktemp); $(CARGO_TARGET_DIR)/release/opentok-emulator --port 0 --in-memory >$$out 2>/dev/null & pid=$$!; \
	  for i in $$(seq 100); do url=$$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' $$out | head -1); [ -n "$$url" ] && break; sleep 0.1; done; \
	  OPENTOK_BENCH_URL=$$url $(RUBY) $(ROOT)/benches/ruby_bench.rb; rc=$$?; kill $$pid; rm -f $$out; exit $$rc

TEST_TARGETS += test-ruby
DEMO_TARGETS += demo-ruby
