#!/usr/bin/env bash
# Runs benches/jvm/Bench.java against opentok-native and against the official Java SDK 4.17.0, in
# two JVMs, each against its own release emulator. Needs:
#   - the release native library packed into the jar (make bench-jvm does OPENTOK_UNIFFI_PROFILE=release mvn install)
#   - com.tokbox:opentok-server-sdk:4.17.0 in the Maven cache: from the registry, or built from a
#     checkout of its source with benches/jvm/official-sdk/pom.xml (OFFICIAL_JAVA_SDK_SRC=<checkout>)
#   - EMULATOR_BIN: a release opentok-emulator
# Env: MVN_FLAGS (the repo's: -Dmaven.repo.local=.m2), BENCH_SECONDS (per case, default 6),
#      BENCH_ONLY=sessions (the createSession cases only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn_flags=${MVN_FLAGS:--B -ntp -Dmaven.repo.local=$root/.m2}
secs="${BENCH_SECONDS:-6}"
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

run_one() { # <label> <gav>
  local cp out="$work/classes-$1"
  cp=$(classpath "$2")
  rm -rf "$out" && mkdir -p "$out"
  javac -nowarn -d "$out" -cp "$cp" "$here/Bench.java"
  start_emulator
  java -Xms256m -Xmx1g -cp "$out:$cp" Bench "$1" "$emu_url" "$secs" "$emu_pid" | tee -a "$work/results.txt"
  kill "$emu_pid"; wait "$emu_pid" 2>/dev/null || true
}

: > "$work/results.txt"
run_one official com.tokbox:opentok-server-sdk:4.17.0
run_one native com.opentok.native:opentok-native:0.1.0
echo
awk '{ r[$1" "$2]=$3; e[$1" "$2]=$4 } END {
  split("generateToken(jwt) generateToken(jwt,options) generateToken(t1) createSession createSession(64-in-flight)", cases, " ");
  printf "%-28s %12s %12s %8s\n", "case", "official/s", "native/s", "ratio";
  for (i = 1; i <= 5; i++) { c = cases[i]; o = r["official " c]; n = r["native " c];
    printf "%-28s %12d %12d %7.1fx\n", c, o, n, (o > 0 ? n / o : 0) }
  printf "\nCPU per createSession, microseconds (both processes share the cores)\n";
  printf "%-28s %12s %12s %12s %12s\n", "case", "official", "its emulator", "native", "its emulator";
  for (i = 4; i <= 5; i++) { c = "cpu:" cases[i];
    printf "%-28s %12.1f %12.1f %12.1f %12.1f\n", cases[i], r["official " c], e["official " c], r["native " c], e["native " c] } }' "$work/results.txt"
