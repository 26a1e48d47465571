# Release artifacts a user installs without Rust (docs/packaging.md), and their install test.
#   dist        scripts/dist/build.sh: one release build, then into dist/ the Python wheels
#               (opentok_native abi3 manylinux, opentok-emulator with its command), the npm tarballs
#               (opentok-native with its prebuilt addon, its per-platform package, opentok-emulator),
#               the JVM jars with publishable POMs (opentok-native, opentok-emulator) and the Ruby
#               platform gem; dist/SHA256SUMS last
#   test-dist   scripts/dist/test.sh: in fresh temporary folders, with no cargo on PATH, installs
#               each artifact (new venv, new npm project offline, bare java classpath,
#               gem install --local), starts the emulator from its package, runs the quickstarts
#               and the test fixtures, and prints artifact sizes and the RSS each import adds.
#               Builds dist/ first when it is missing (`make dist` rebuilds it).
DIST_DIR := $(ROOT)/dist
.PHONY: dist test-dist dist-tools

dist-tools: python-venv node-tools jvm-tools ruby-tools $(if $(wildcard $(ROOT)/php/Cargo.toml),php-tools)

dist: dist-tools ## release artifacts into dist/ (wheels, npm tarballs, jars + POMs, platform gem)
	PY=$(PY) MVN=$(MVN) MVN_FLAGS="$(MVN_FLAGS)" $(ROOT)/scripts/dist/build.sh

# test-dist builds dist/ itself when it is missing (as on CI) from the dev-profile builds the
# suites before it already made (DIST_PROFILE=dev, stripped): the same packages, layout and
# loaders, without a second, optimised build of every crate (about 25 minutes on 2 cores).
# `make dist`, what is published, builds the release profile of Cargo.toml; `make test-dist`
# after it tests those.
$(DIST_DIR)/SHA256SUMS:
	DIST_PROFILE=dev $(MAKE) --no-print-directory dist

test-dist: dist-tools $(DIST_DIR)/SHA256SUMS ## install every dist/ artifact in fresh folders without cargo; quickstarts and fixtures
	MVN=$(MVN) MVN_FLAGS="$(MVN_FLAGS)" $(ROOT)/scripts/dist/test.sh

TEST_TARGETS += test-dist
