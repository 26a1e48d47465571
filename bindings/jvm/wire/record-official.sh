#!/usr/bin/env bash
# Records what the official Java SDK 4.17.0 sends for every REST operation (com.opentok.wire.WireCalls)
# into bindings/jvm/src/test/resources/official-wire-4.17.0.json, the golden file of OfficialWireJavaTest.
#
# The official SDK (com.tokbox:opentok-server-sdk:4.17.0) is taken from the Maven cache or the
# registry; when neither has it, it is built from a checkout of its source with
# benches/jvm/official-sdk/pom.xml: set OFFICIAL_JAVA_SDK_SRC to that checkout (v4.17.0), e.g.
#   git --git-dir=/work/.mirror/opentok+Opentok-Java-SDK/repo archive HEAD | tar -x -C /tmp/official-java-src
# Env: MVN_FLAGS (default: the repo-local cache .m2/), OUT (default: the golden file).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jvm="$(cd "$here/.." && pwd)"
root="$(cd "$jvm/../.." && pwd)"
mvn_flags=${MVN_FLAGS:--B -ntp -Dmaven.repo.local=$root/.m2}
out="${OUT:-$jvm/src/test/resources/official-wire-4.17.0.json}"
work="$jvm/target/official-wire"
mkdir -p "$work"

repo_local=$(sed -n 's/.*-Dmaven.repo.local=\([^ ]*\).*/\1/p' <<<"$mvn_flags")
repo_local=${repo_local:-$HOME/.m2/repository}
if [ ! -f "$repo_local/com/tokbox/opentok-server-sdk/4.17.0/opentok-server-sdk-4.17.0.jar" ]; then
  # shellcheck disable=SC2086
  if ! mvn $mvn_flags -q dependency:get -Dartifact=com.tokbox:opentok-server-sdk:4.17.0 >/dev/null 2>&1; then
    [ -n "${OFFICIAL_JAVA_SDK_SRC:-}" ] || { echo "record-java-wire: com.tokbox:opentok-server-sdk:4.17.0 is not in the registry; set OFFICIAL_JAVA_SDK_SRC to a checkout of its source (v4.17.0)" >&2; exit 2; }
    # shellcheck disable=SC2086
    (cd "$root/benches/jvm/official-sdk" && mvn $mvn_flags -q install -Dofficial.src="$OFFICIAL_JAVA_SDK_SRC")
  fi
fi

# the official SDK's runtime class path
cat > "$work/pom.xml" <<POM
<project><modelVersion>4.0.0</modelVersion><groupId>wire</groupId><artifactId>official-wire</artifactId><version>1</version>
<dependencies><dependency><groupId>com.tokbox</groupId><artifactId>opentok-server-sdk</artifactId><version>4.17.0</version></dependency></dependencies>
<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin></plugins></build></project>
POM
# shellcheck disable=SC2086
(cd "$work" && mvn $mvn_flags -q dependency:build-classpath -Dmdep.outputFile=cp.txt >/dev/null)
cp=$(cat "$work/cp.txt")

# the same call list the JUnit test runs with ours, compiled against the official SDK
rm -rf "$work/classes" && mkdir -p "$work/classes"
wire_src="$jvm/src/test/java/com/opentok/wire"
javac -nowarn -d "$work/classes" -cp "$cp" "$here/OfficialWire.java" "$wire_src/Json.java" "$wire_src/WireServer.java" "$wire_src/WireCalls.java"
java -cp "$work/classes:$cp" OfficialWire "$root/tests/keys/app_private.pem" "$out"
