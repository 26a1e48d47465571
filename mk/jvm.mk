# Kotlin/Java package: bindings/jvm, a Maven project over the uniffi crate.
# Maven's cache lives in the repo (.m2/, gitignored); the build runs cargo (respecting
# $CARGO_TARGET_DIR) and the workspace's uniffi-bindgen to generate the Kotlin FFI layer.
MVN ?= mvn
MVN_FLAGS := -B -ntp -Dstyle.color=never -Dmaven.repo.local=$(ROOT)/.m2
JVM_DIR := $(ROOT)/bindings/jvm

.PHONY: test-jvm demo-jvm jvm-tools jvm-install bench-jvm record-java-wire

jvm-tools: ## install maven and a JDK with apt when missing
	@command -v $(MVN) >/dev/null && command -v javac >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven default-jdk-headless; }

# Kotlin and plain-Java JUnit 5 suites against a real emulator, then the jar.
test-jvm: jvm-tools emulator-bin ## Kotlin and Java JUnit suites against a real emulator, then the jar
	cd $(JVM_DIR) && EMULATOR_BIN=$(EMULATOR_BIN) $(MVN) $(MVN_FLAGS) verify

# The jar (native library inside) into the repo-local Maven cache, for the quickstart.
jvm-install: jvm-tools ## the jar into the repo-local Maven cache
	@set -o pipefail; cd $(JVM_DIR) && $(MVN) $(MVN_FLAGS) -q -DskipTests install 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

# examples/kotlin/quickstart.kt against $OPENTOK_API_URL.
demo-jvm: jvm-install ## examples/kotlin/quickstart.kt against $OPENTOK_API_URL
	@set -o pipefail; cd $(ROOT)/examples/kotlin && $(MVN) $(MVN_FLAGS) -q compile exec:java 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

# benches/jvm/Bench.java against ours (release native library) and the official Java SDK 4.17.0,
# each in its own JVM against a release emulator. OFFICIAL_JAVA_SDK_SRC: a checkout of the
# official SDK's source, built by benches/jvm/official-sdk/pom.xml when the registry has no 4.17.0.
bench-jvm: jvm-tools ## release build, then benches/jvm/run.sh (ours vs the official Java SDK)
	$(CARGO) build -q --release -p opentok-emulator
	@set -o pipefail; cd $(JVM_DIR) && OPENTOK_UNIFFI_PROFILE=release $(MVN) $(MVN_FLAGS) -q -DskipTests install 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
	EMULATOR_BIN=$(CARGO_TARGET_DIR)/release/opentok-emulator MVN_FLAGS="$(MVN_FLAGS)" $(ROOT)/benches/jvm/run.sh

# Re-records what the official Java SDK 4.17.0 sends for every REST operation into
# bindings/jvm/src/test/resources/official-wire-4.17.0.json (OfficialWireJavaTest's golden file).
# OFFICIAL_JAVA_SDK_SRC: a checkout of the official SDK's v4.17.0 source, built with
# benches/jvm/official-sdk/pom.xml when the Maven cache and the registry have no 4.17.0 jar.
record-java-wire: jvm-tools ## re-record the official Java SDK 4.17.0's wire (OFFICIAL_JAVA_SDK_SRC=<checkout>)
	MVN_FLAGS="$(MVN_FLAGS)" OFFICIAL_JAVA_SDK_SRC="$(OFFICIAL_JAVA_SDK_SRC)" $(JVM_DIR)/wire/record-official.sh

TEST_TARGETS += test-jvm
DEMO_TARGETS += demo-jvm
