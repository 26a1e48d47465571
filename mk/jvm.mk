# Kotlin/Java package: bindings/jvm, a Maven project over the uniffi crate.
# Maven's cache lives in the repo (.m2/, gitignored); the build runs cargo (respecting
# $CARGO_TARGET_DIR) and the workspace's uniffi-bindgen to generate the Kotlin FFI layer.
MVN ?= mvn
MVN_FLAGS := -B -ntp -Dstyle.color=never -Dmaven.repo.local=$(ROOT)/.m2
JVM_DIR := $(ROOT)/bindings/jvm

.PHONY: test-jvm demo-jvm jvm-tools jvm-install

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

TEST_TARGETS += test-jvm
DEMO_TARGETS += demo-jvm
