# PHP extension: php/ (crate opentok-php, ext-php-rs), loaded with `php -d extension=...`.
# Uses Debian's php8.2-cli/php8.2-dev (php-config for the build), libclang-dev (bindgen), phpunit
# and composer, installed with apt when missing.
#   test-php    PHPUnit suite (php/tests) against a real emulator the bootstrap starts
#   demo-php    the seed snippet (examples/php/seed.php) and the quickstart against $OPENTOK_API_URL
#   bench-php   release build, then benches/php_bench.php (tokens and create_session per second)
PHP ?= php
PHP_DIR := $(ROOT)/php
PHP_EXT := $(CARGO_TARGET_DIR)/debug/libopentok_php.so
PHP_EXT_RELEASE := $(CARGO_TARGET_DIR)/release/libopentok_php.so
PHPUNIT ?= /usr/bin/phpunit

.PHONY: php-tools php-ext test-php demo-php bench-php

php-tools: ## install php8.2-cli, php8.2-dev, libclang-dev, phpunit and composer with apt when missing
	@command -v php-config >/dev/null && command -v $(PHP) >/dev/null && test -x $(PHPUNIT) && command -v composer >/dev/null \
	  && ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php8.2-dev php8.2-cli libclang-dev phpunit composer; }

# The workspace's clippy and cargo test build this crate too: its build script needs php-config.
lint test-rust: php-tools

php-ext: php-tools ## build the extension (debug): target/debug/libopentok_php.so
	$(CARGO) build -q -p opentok-php

test-php: php-ext emulator-bin ## PHPUnit suite against a real emulator (started by the bootstrap)
	cd $(PHP_DIR) && EMULATOR_BIN=$(EMULATOR_BIN) $(PHP) -d extension=$(PHP_EXT) $(PHPUNIT) -c phpunit.xml
	cd $(PHP_DIR) && COMPOSER_ALLOW_SUPERUSER=1 composer validate -q --no-interaction --no-check-publish

demo-php: php-ext ## the seed snippet and the quickstart (examples/php) against $OPENTOK_API_URL
	@test -n "$$OPENTOK_API_URL" || { echo "demo-php: set OPENTOK_API_URL to a running emulator (make demo starts one)"; exit 1; }
	cd $(ROOT)/examples/php && $(PHP) -d extension=$(PHP_EXT) check_seed.php
	cd $(ROOT)/examples/php && $(PHP) -d extension=$(PHP_EXT) quickstart.php

bench-php: php-tools ## release builds, then benches/php_bench.php (absolute rates)
	$(CARGO) build -q --release -p opentok-php
	$(CARGO) build -q --release -p opentok-emulator --bin opentok-emulator
	EMULATOR_BIN=$(CARGO_TARGET_DIR)/release/opentok-emulator $(PHP) -d extension=$(PHP_EXT_RELEASE) $(ROOT)/benches/php_bench.php

TEST_TARGETS += test-php
DEMO_TARGETS += demo-php
