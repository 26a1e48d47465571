#!/usr/bin/env bash
# make test-dist: installs the dist/ artifacts the way a user does, in fresh temporary folders,
# with no cargo on PATH, and runs against them:
#   Python  new venv, pip install --no-index of both wheels; the emulator from the opentok-emulator
#           wheel's command; examples/python/quickstart.py; a user's pytest file on the
#           opentok_emulator / opentok_client fixtures (binary found in the venv, no EMULATOR_BIN)
#   Node    new npm project, npm install --offline of the two tarballs; the emulator from
#           node_modules/.bin; examples/node/quickstart.js; a user's node:test file on
#           opentok-native/testing (binary found in the opentok-emulator package); the error of a
#           platform with no prebuilt
#   JVM     the jar on a bare classpath (java -cp jar:deps, deps resolved by the published POM from
#           the local Maven cache); the emulator with `java -jar opentok-emulator.jar`; the Kotlin
#           quickstart; OpenTokEmulator finding the binary in the opentok-emulator jar
#   Ruby    gem install --local into a new GEM_HOME; examples/ruby/quickstart.rb; a user's
#           Minitest file on OpenTok::Testing::Minitest (binary from PATH: the wheel's command)
# Then a table: each artifact's size, its installed size, and the RSS its import adds.
#
# Env: MVN, MVN_FLAGS (the repo-local Maven cache), KEEP=1 keeps the work folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist="$root/dist"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
mvn="${MVN:-mvn}"
read -r -a mvn_flags <<< "${MVN_FLAGS:--B -ntp -Dmaven.repo.local=$root/.m2}"
[ -f "$dist/SHA256SUMS" ] || { echo "test-dist: no dist/ artifacts: run make dist" >&2; exit 1; }
(cd "$dist" && sha256sum --quiet -c SHA256SUMS)

# No Rust toolchain from here on.
PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/\.cargo/bin' -e '/\.rustup/' | paste -sd: -)"
export PATH
unset CARGO CARGO_HOME RUSTUP_HOME RUSTUP_TOOLCHAIN CARGO_TARGET_DIR EMULATOR_BIN
if command -v cargo >/dev/null || command -v rustc >/dev/null; then
  echo "test-dist: cargo/rustc still on PATH ($(command -v cargo rustc | paste -sd' ')): the test would not show a Rust-free install" >&2
  exit 1
fi
echo "test-dist: which cargo -> '$(command -v cargo || true)' (none)"

work="$(mktemp -d /tmp/opentok-dist-test.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "test-dist: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
step() { printf '\n== test-dist: %s (at %d s)\n' "$*" "$SECONDS"; }
fail() { echo "test-dist: FAILED: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "ok $passed - $*"; }

# start_emulator NAME CMD...: runs CMD --port 0 --in-memory in the background; sets EMU_URL.
start_emulator() {
  local name="$1"; shift
  local log="$work/$name.log"
  "$@" --port 0 --in-memory >"$log" 2>&1 &
  pids+=($!)
  EMU_URL=""
  for _ in $(seq 1 200); do
    EMU_URL="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n1)"
    [ -n "$EMU_URL" ] && return 0
    sleep 0.05
  done
  cat "$log" >&2
  fail "$name: the packaged emulator did not start"
}
stop_emulators() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}
size_kb() { du -sk "$@" | awk '{ s += $1 } END { print s }'; }
rows=()

# ---------------------------------------------------------------------------------------------
step "Python: a new venv, both wheels, pip --no-index"
native_whl="$(ls "$dist"/opentok_native-"$version"-*.whl)"
emulator_whl="$(ls "$dist"/opentok_emulator-"$version"-*.whl)"
python3 -m venv "$work/py"
"$work/py/bin/pip" install -q --disable-pip-version-check --no-index "$native_whl" "$emulator_whl"
where="$(cd "$work" && "$work/py/bin/python" -c 'import opentok_native, os; print(os.path.dirname(opentok_native.__file__))')"
case "$where" in "$work"/py/*) ok "opentok_native imports from the venv ($where)" ;; *) fail "opentok_native came from $where" ;; esac
[ -x "$work/py/bin/opentok-emulator" ] || fail "the opentok-emulator wheel installed no command"
[ "$(head -c4 "$work/py/bin/opentok-emulator" | tail -c3)" = ELF ] || fail "bin/opentok-emulator is not the binary itself"
start_emulator python-emulator "$work/py/bin/opentok-emulator"
ok "the wheel's opentok-emulator command listens on $EMU_URL"
(cd "$work" && OPENTOK_API_URL="$EMU_URL" "$work/py/bin/python" "$root/examples/python/quickstart.py") >"$work/py-quickstart.log" \
  || { cat "$work/py-quickstart.log"; fail "examples/python/quickstart.py"; }
ok "examples/python/quickstart.py against it ($(grep -c . "$work/py-quickstart.log") lines)"
stop_emulators
"$work/py/bin/pip" install -q --disable-pip-version-check pytest==9.2.0
mkdir -p "$work/pyuser"
cp "$here/user/test_user_pytest.py" "$work/pyuser/"
(cd "$work/pyuser" && "$work/py/bin/python" -m pytest -q -p no:cacheprovider .) >"$work/pytest.log" 2>&1 \
  || { cat "$work/pytest.log"; fail "a user's pytest file on the plugin's fixtures"; }
ok "a user's pytest file on opentok_emulator/opentok_client: $(tail -1 "$work/pytest.log")"
py_rss="$("$work/py/bin/python" - <<'PY'
import re
def rss():
    return int(re.search(r"VmRSS:\s+(\d+)", open("/proc/self/status").read()).group(1))
before = rss()
import opentok_native
opentok_native.Client("123456", "1234567890abcdef1234567890abcdef1234567890")
print(rss() - before)
PY
)"
py_site="$("$work/py/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')"
rows+=("$(basename "$native_whl")|$(size_kb "$native_whl")|$(size_kb "$py_site/opentok_native")|$py_rss")
rows+=("$(basename "$emulator_whl")|$(size_kb "$emulator_whl")|$(size_kb "$work/py/bin/opentok-emulator")|-")

# ---------------------------------------------------------------------------------------------
step "Node: a new npm project, npm install --offline of the tarballs"
mkdir -p "$work/node"
cd "$work/node"
printf '{ "name": "dist-test", "version": "1.0.0", "private": true }\n' > package.json
npm install -q --offline --no-audit --no-fund "$dist/opentok-native-$version.tgz" "$dist/opentok-emulator-$version.tgz" >/dev/null
[ ! -e node_modules/opentok-native/Cargo.toml ] || fail "the npm package carries Rust sources"
ls node_modules/opentok-native/opentok-native.*.node >/dev/null || fail "no prebuilt addon in the npm package"
node -e 'const O = require("opentok-native"); if (!O.CORE_VERSION) process.exit(1)' || fail "require('opentok-native')"
ok "require('opentok-native') loads the prebuilt $(basename node_modules/opentok-native/opentok-native.*.node)"
missing="$(node -e '
  Object.defineProperty(process, "arch", { value: "riscv64" });
  try { require("opentok-native"); console.log("loaded"); } catch (e) { console.log(e.code + " " + e.message); }')"
case "$missing" in
  "OPENTOK_NATIVE_NO_PREBUILT "*linux-riscv64-gnu*) ok "a platform without a prebuilt is named in the error: ${missing:0:110}..." ;;
  *) fail "missing prebuilt: $missing" ;;
esac
start_emulator node-emulator node_modules/.bin/opentok-emulator
ok "the npm package's opentok-emulator bin listens on $EMU_URL"
sed "s#require('../../node')#require('opentok-native')#" "$root/examples/node/quickstart.js" > quickstart.js
grep -q "require('opentok-native')" quickstart.js || fail "examples/node/quickstart.js no longer requires ../../node"
OPENTOK_API_URL="$EMU_URL" node quickstart.js >"$work/node-quickstart.log" || { cat "$work/node-quickstart.log"; fail "examples/node/quickstart.js"; }
ok "examples/node/quickstart.js against it ($(grep -c . "$work/node-quickstart.log") lines)"
stop_emulators
cp "$here/user/user.test.js" .
node --test user.test.js >"$work/node-test.log" 2>&1 || { cat "$work/node-test.log"; fail "a user's node:test file on opentok-native/testing"; }
ok "a user's node:test file on startEmulator(): $(grep -E '^# (pass|fail)' "$work/node-test.log" | paste -sd' ')"
node_rss="$(node -e '
  const before = process.memoryUsage().rss;
  const OpenTok = require("opentok-native");
  new OpenTok("123456", "1234567890abcdef1234567890abcdef1234567890");
  console.log(Math.round((process.memoryUsage().rss - before) / 1024));')"
rows+=("opentok-native-$version.tgz|$(size_kb "$dist/opentok-native-$version.tgz")|$(size_kb node_modules/opentok-native)|$node_rss")
rows+=("opentok-native-linux-x64-gnu-$version.tgz|$(size_kb "$dist"/opentok-native-linux-*-"$version".tgz)|-|-")
rows+=("opentok-emulator-$version.tgz|$(size_kb "$dist/opentok-emulator-$version.tgz")|$(size_kb node_modules/opentok-emulator)|-")
cd "$work"

# ---------------------------------------------------------------------------------------------
step "JVM: the jar on a bare classpath"
jar="$dist/opentok-native-$version.jar"
emulator_jar="$dist/opentok-emulator-$version.jar"
mkdir -p "$work/jvm/deps" "$work/jvm/quickstart"
jar tf "$jar" > "$work/jar-contents.txt"
grep -q 'linux-.*/libopentok_uniffi.so' "$work/jar-contents.txt" || fail "no native library inside $jar"
cp "$dist/opentok-native-$version.pom" "$work/jvm/deps/pom.xml"
(cd "$work/jvm/deps" && "$mvn" "${mvn_flags[@]}" -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=cp.txt -DincludeScope=runtime 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
deps="$(cat "$work/jvm/deps/cp.txt")"
ok "the published POM resolves its runtime dependencies: $(tr ':' '\n' <<<"$deps" | xargs -n1 basename | paste -sd' ')"
start_emulator jvm-emulator java -jar "$emulator_jar"
ok "java -jar opentok-emulator-$version.jar listens on $EMU_URL"
cp "$root/examples/kotlin/quickstart.kt" "$work/jvm/quickstart/"
sed -e "s#@JAR@#$jar#" -e "s#@VERSION@#$version#" "$here/user/quickstart-compile.pom.xml" > "$work/jvm/quickstart/pom.xml"
(cd "$work/jvm/quickstart" && "$mvn" "${mvn_flags[@]}" -q compile 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
(cd "$work/jvm" && OPENTOK_API_URL="$EMU_URL" java -cp "$jar:$deps:$work/jvm/quickstart/target/classes" QuickstartKt) \
  >"$work/jvm-quickstart.log" 2>&1 || { cat "$work/jvm-quickstart.log"; fail "examples/kotlin/quickstart.kt"; }
ok "examples/kotlin/quickstart.kt on java -cp opentok-native.jar:deps ($(grep -c . "$work/jvm-quickstart.log") lines)"
stop_emulators
mkdir -p "$work/jvm/user"
cp "$here/user/UserEmulator.java" "$work/jvm/user/"
javac -d "$work/jvm/user" -cp "$jar:$deps" "$work/jvm/user/UserEmulator.java"
java -cp "$jar:$emulator_jar:$deps:$work/jvm/user" UserEmulator >"$work/jvm-user.log" 2>&1 \
  || { cat "$work/jvm-user.log"; fail "OpenTokEmulator from the opentok-emulator jar"; }
ok "$(grep '^OpenTokEmulator' "$work/jvm-user.log")"
jvm_rss="$(sed -n 's/^rss_added_kb=//p' "$work/jvm-user.log")"
rows+=("opentok-native-$version.jar|$(size_kb "$jar")|$(size_kb "$jar")|$jvm_rss")
rows+=("opentok-emulator-$version.jar|$(size_kb "$emulator_jar")|$(size_kb "$emulator_jar")|-")

# ---------------------------------------------------------------------------------------------
step "Ruby: gem install --local into a new GEM_HOME"
gem_file="$(ls "$dist"/opentok-native-"$version"-*.gem)"
case "$gem_file" in *-x86_64-linux.gem | *-aarch64-linux.gem | *-linux*.gem) ;; *) fail "$gem_file is not a platform gem" ;; esac
export GEM_HOME="$work/gems"
GEM_PATH="$GEM_HOME:$(ruby -e 'print Gem.path.join(":")')"
export GEM_PATH
gem install -q --local --no-document "$gem_file" >/dev/null
ls "$GEM_HOME"/gems/opentok-native-*/lib/opentok/native/libopentok_uniffi.so >/dev/null || fail "no shared object in the installed gem"
loaded="$(cd "$work" && ruby -e 'require "opentok_native"; puts $LOADED_FEATURES.grep(/opentok_native\.rb/).first')"
case "$loaded" in "$GEM_HOME"/*) ok "require 'opentok_native' loads the installed gem ($loaded)" ;; *) fail "opentok_native came from $loaded" ;; esac
start_emulator ruby-emulator "$work/py/bin/opentok-emulator"
(cd "$work" && OPENTOK_API_URL="$EMU_URL" ruby "$root/examples/ruby/quickstart.rb") >"$work/ruby-quickstart.log" 2>&1 \
  || { cat "$work/ruby-quickstart.log"; fail "examples/ruby/quickstart.rb"; }
ok "examples/ruby/quickstart.rb against the wheel's emulator ($(grep -c . "$work/ruby-quickstart.log") lines)"
stop_emulators
mkdir -p "$work/rbuser"
cp "$here/user/user_minitest.rb" "$work/rbuser/"
(cd "$work/rbuser" && PATH="$work/py/bin:$PATH" ruby user_minitest.rb) >"$work/minitest.log" 2>&1 \
  || { cat "$work/minitest.log"; fail "a user's Minitest file on OpenTok::Testing::Minitest"; }
ok "a user's Minitest file on OpenTok::Testing::Minitest: $(grep -E '^[0-9]+ runs' "$work/minitest.log")"
rb_rss="$(cd "$work" && ruby -e '
  rss = -> { File.read("/proc/self/status")[/VmRSS:\s+(\d+)/, 1].to_i }
  before = rss.call
  require "opentok_native"
  OpenTok::OpenTok.new("123456", "1234567890abcdef1234567890abcdef1234567890")
  puts rss.call - before')"
rows+=("$(basename "$gem_file")|$(size_kb "$gem_file")|$(size_kb "$GEM_HOME"/gems/opentok-native-*)|$rb_rss")

# ---------------------------------------------------------------------------------------------
if [ -f "$dist/php/libopentok_php.so" ]; then
  step "PHP: the extension from dist/php"
  start_emulator php-emulator "$work/py/bin/opentok-emulator"
  (cd "$root/examples/php" && OPENTOK_API_URL="$EMU_URL" php -d extension="$dist/php/libopentok_php.so" quickstart.php) \
    >"$work/php-quickstart.log" 2>&1 || { cat "$work/php-quickstart.log"; fail "examples/php/quickstart.php"; }
  ok "examples/php/quickstart.php on dist/php/libopentok_php.so ($(grep -c . "$work/php-quickstart.log") lines)"
  stop_emulators
  php_vmrss='preg_match("/VmRSS:\\s+(\\d+)/", file_get_contents("/proc/self/status"), $m); echo $m[1];'
  php_rss=$(( $(php -d extension="$dist/php/libopentok_php.so" -r "new OpenTok\\OpenTok('123456', '1234567890abcdef1234567890abcdef1234567890'); $php_vmrss") \
    - $(php -r "$php_vmrss") ))
  rows+=("php/libopentok_php.so|$(size_kb "$dist/php/libopentok_php.so")|$(size_kb "$dist/php")|$php_rss")
fi

# ---------------------------------------------------------------------------------------------
step "sizes (KiB; RSS added by importing the package and making one client; $(cat "$dist/PROFILE" 2>/dev/null || echo release) build)"
printf '%-52s %10s %12s %10s\n' artifact size installed "RSS added"
for r in "${rows[@]}"; do IFS='|' read -r a s i m <<<"$r"; printf '%-52s %10s %12s %10s\n' "$a" "$s" "$i" "$m"; done
echo
echo "test-dist: $passed passed, 0 failed"
