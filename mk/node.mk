# Node binding: the `opentok-native` npm package (napi-rs crate in node/).
#   test-node   npm ci + build the addon, then node --test against a real emulator (tests start
#               their own), the official opentok@2.23.2 cross-checks (installed into .scratch/),
#               and tsc --noEmit over examples/node/typed.ts
#   demo-node   runs examples/node/quickstart.js against $(OPENTOK_API_URL)
#   bench-node  release build, then benches/node_bench.js (ours vs official, prints ratios)
NODE_DIR := $(ROOT)/node
NPM ?= npm
.PHONY: test-node demo-node bench-node node-deps node-build node-tools

node-tools: ## install Debian's nodejs and npm when missing
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "node/npm missing: installing Debian's nodejs and npm"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }

node-deps: node-tools ## npm ci in node/
	cd $(NODE_DIR) && $(NPM) ci --ignore-scripts --no-audit --no-fund

node-build: node-deps ## build the addon (debug)
	cd $(NODE_DIR) && node scripts/build.js

# The binding's Rust unit tests run in test-rust (cargo test --workspace), not here.
test-node: node-build emulator-bin ## node --test against a real emulator, official SDK cross-checks, tsc over the typings
	cd $(NODE_DIR) && EMULATOR_BIN=$(EMULATOR_BIN) node --test tests/
	cd $(NODE_DIR) && npx tsc --noEmit -p tsconfig.json

demo-node: node-build ## examples/node/quickstart.js against $OPENTOK_API_URL
	@test -n "$$OPENTOK_API_URL" || { echo "demo-node: set OPENTOK_API_URL to a running emulator (make demo starts one)"; exit 1; }
	node $(ROOT)/examples/node/quickstart.js

bench-node: node-deps emulator-bin ## release build, then benches/node_bench.js (ours vs official)
	cd $(NODE_DIR) && node scripts/build.js --release
	EMULATOR_BIN=$(EMULATOR_BIN) node $(ROOT)/benches/node_bench.js

TEST_TARGETS += test-node
DEMO_TARGETS += demo-node
