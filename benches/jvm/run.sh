#!/usr/bin/env bash
# Runs benches/jvm/Bench.java against opentok-native and against the official Java SDK 4.17.0.
# Needs:
#   - the release native library packed into the jar (make bench-jvm does OPENTOK_UNIFFI_PROFILE=release mvn install)
#   - com.tokbox:opentok-server-sdk:4.17.0 in the Maven cache: from the registry, or built from a
#     checkout of its source with benches/jvm/official-sdk/pom.xml (OFFICIAL_JAVA_SDK_SRC=<checkout>)
#   - EMULATOR_BIN: a release opentok-emulator
# Both SDKs run in one JVM (benches/jvm/BenchDriver.java: a class loader each), against one
# emulator, in alternating rounds.
# Env: MVN_FLAGS (the repo's: -Dmaven.repo.local=.m2), BENCH_SECONDS (per round and case,
#      default 2), BENCH_ROUNDS (default 5), BENCH_ONLY=sessions (the createSession cases only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn_flags=${MVN_FLAGS:--B -ntp -Dmaven.repo.local=$root/.m2}
secs="${BENCH_SECONDS:-2}"
rounds="${BENCH_ROUNDS:-5}"
only=""
[ "${BENCH_ONLY:-}" = sessions ] && only=createSession
work="$root/benches/jvm/target"
mkdir -p "$work"

repo_local=$(sed -n 's/.*-Dmaven.repo.local=\([^ ]*\).*/\1/p' <<<"$mvn_flags")
repo_local=${repo_local:-$HOME/.m2/repository}
if [ ! -f "$repo_local/com/tokbox/opentok-server-sdk/4.17.0/opentok-server-sdk-4.17.0.jar" ]; then
  # shellcheck disable=SC2086
  if ! mvn $mvn_flags -q dependency:get -Dartifact=com.tokbox:opentok-server-sdk:4.17.0 >/dev/null 2>&1; then
    [ -n "${OFFICIAL_JAVA_SDK_SRC:-}" ] || { echo "bench-jvm: com.tokbox:opentok-server-sdk:4.17.0 is not in the registry; set OFFICIAL_JAVA_SDK_SRC to a checkout of its source (v4.17.0)" >&2; exit 2; }
    # shellcheck disable=SC2086
    (cd "$here/official-sdk" && mvn $mvn_flags -q install -Dofficial.src="$OFFICIAL_JAVA_SDK_SRC")
  fi
fi

classpath() { # <groupId:artifactId:version> -> runtime class path
  local g a v; IFS=: read -r g a v <<<"$1"
  mkdir -p "$work/cp-$a"
  cat > "$work/cp-$a/pom.xml" <<POM
<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>cp-$a</artifactId><version>1</version>
<dependencies><dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency></dependencies>
<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin></plugins></build></project>
POM
  # shellcheck disable=SC2086
  (cd "$work/cp-$a" && mvn $mvn_flags -q dependency:build-classpath -Dmdep.outputFile=cp.txt >/dev/null) && cat "$work/cp-$a/cp.txt"
}

emu_url=""
start_emulator() {
  "${EMULATOR_BIN:?set EMULATOR_BIN to a release opentok-emulator}" --port 0 --in-memory >"$work/emulator.out" 2>"$work/emulator.err" &
  emu_pid=$!
  for _ in $(seq 100); do
    emu_url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/emulator.out" | head -1)
    [ -n "$emu_url" ] && return 0
    sleep 0.1
  done
  echo "bench-jvm: emulator did not start" >&2; cat "$work/emulator.err" >&2; exit 1
}

compile() { # <label> <gav> -> prints "<classes dir>:<class path>"
  local cp out="$work/classes-$1"
  cp=$(classpath "$2")
  rm -rf "$out" && mkdir -p "$out"
  javac -nowarn -d "$out" -cp "$cp" "$here/Bench.java"
  echo "$out:$cp"
}

official_cp=$(compile official com.tokbox:opentok-server-sdk:4.17.0)
native_cp=$(compile native com.opentok.native:opentok-native:0.1.0)
rm -rf "$work/driver" && mkdir -p "$work/driver"
javac -nowarn -d "$work/driver" "$here/BenchDriver.java"
start_emulator
trap 'kill "$emu_pid" 2>/dev/null || true' EXIT
java -Xms512m -Xmx2g -cp "$work/driver" BenchDriver "$emu_url" "$emu_pid" "$secs" "$rounds" "$official_cp" "$native_cp" "$only" \
  2> >(grep -v SLF4J >&2) | tee "$work/results.txt"
