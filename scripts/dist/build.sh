#!/usr/bin/env bash
# make dist: release artifacts, built once, into dist/ (docs/packaging.md says why each is shaped so).
#
#   Python  opentok_native-*-cp39-abi3-manylinux_*.whl      maturin, auditwheel check included
#           opentok_emulator-*-py3-none-manylinux_*.whl     maturin `bin` bindings: the opentok-emulator command
#   npm     opentok-native-<v>.tgz                          JS + the prebuilt opentok-native.linux-x64-gnu.node
#           opentok-native-linux-x64-gnu-<v>.tgz            the same addon as a napi-rs per-platform package
#           opentok-emulator-<v>.tgz                        the binary + a `bin` entry
#   JVM     opentok-native-<v>.jar / -sources.jar / .pom    native library inside, POM fit to publish
#           opentok-emulator-<v>.jar / .pom                 `java -jar` extracts and runs the binary
#   Ruby    opentok-native-<v>-<platform>.gem               platform gem, shared object inside
#   PHP     php/libopentok_php.so + the stubs (php/stubs), when the workspace has php/
#
# One build of each crate: maturin builds the Python extension and the emulator binary (reused,
# stripped, by npm and the JVM), cargo the Node addon, the PHP extension, the uniffi library and its
# bindgen (reused by the JVM and Ruby packages).
#
# Env: PY (python with maturin), MVN, MVN_FLAGS, CARGO, CARGO_TARGET_DIR, DIST_MANYLINUX,
#      DIST_PROFILE (release, the default and what is published; or dev: the same packages around
#      the debug builds the test suites already made, stripped, so that `make test` checks the
#      packaging without a second, optimised build of every crate).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cargo="${CARGO:-cargo}"
target="${CARGO_TARGET_DIR:-$root/target}"
py="${PY:-$root/.venv/bin/python}"
mvn="${MVN:-mvn}"
read -r -a mvn_flags <<< "${MVN_FLAGS:--B -ntp -Dmaven.repo.local=$root/.m2}"
manylinux="${DIST_MANYLINUX:-manylinux_2_34}"
dist="$root/dist"
stage="$target/dist-stage"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
step() { printf '\n== dist: %s\n' "$*"; }
case "${DIST_PROFILE:-release}" in
  release) cargo_profile=(--release); out_dir=release; uniffi_profile=release ;;
  dev) cargo_profile=(--profile dev); out_dir=debug; uniffi_profile=debug ;;
  *) echo "dist: DIST_PROFILE must be release or dev, not '$DIST_PROFILE'" >&2; exit 2 ;;
esac

rm -rf "$dist" "$stage"
mkdir -p "$dist" "$stage"
export CARGO_TARGET_DIR="$target"

step "Python wheel of opentok_native ($manylinux, abi3)"
(cd "$root/python" && "$py" -m maturin build "${cargo_profile[@]}" --strip --compatibility "$manylinux" -o "$dist" 2>&1 | sed '/^ *Compiling /d')

step "Python wheel of opentok-emulator (bin bindings)"
(cd "$root/packaging/emulator-python" && "$py" -m maturin build "${cargo_profile[@]}" --strip --compatibility "$manylinux" -o "$dist" 2>&1 | sed '/^ *Compiling /d')
[ -x "$target/$out_dir/opentok-emulator" ] || { echo "dist: $target/$out_dir/opentok-emulator was not built" >&2; exit 1; }
# The copy every package carries, without symbols (a dev build's binary is mostly debug info).
emulator="$stage/bin/opentok-emulator"
mkdir -p "$stage/bin"
cp "$target/$out_dir/opentok-emulator" "$emulator"
strip --strip-unneeded "$emulator"

with_php=0
[ -f "$root/php/Cargo.toml" ] && with_php=1
step "cargo build ${cargo_profile[*]}: Node addon, uniffi library and bindgen$([ $with_php = 1 ] && echo ', PHP extension')"
# One crate set per cargo run, exactly as each binding's own build makes it (node/scripts/build.js,
# bindings/scripts/build-native.sh, mk/php.mk): built together, the core's features would be
# unified differently (node turns on `server`) and each later step would build and link again.
"$cargo" build -q "${cargo_profile[@]}" -p opentok-node
[ $with_php = 1 ] && "$cargo" build -q "${cargo_profile[@]}" -p opentok-php
"$cargo" build -q "${cargo_profile[@]}" -p opentok-uniffi -p opentok-uniffi-bindgen

step "npm: opentok-native (prebuilt linux-x64-gnu inside), its per-platform package, opentok-emulator"
case "$(uname -m)" in x86_64) npm_arch=x64 ;; aarch64) npm_arch=arm64 ;; *) npm_arch="$(uname -m)" ;; esac
platform="linux-$npm_arch-gnu"
node_stage="$stage/npm/opentok-native"
mkdir -p "$node_stage"
cp -r "$root/node/index.js" "$root/node/index.mjs" "$root/node/index.d.ts" "$root/node/native.d.ts" \
  "$root/node/testing.d.ts" "$root/node/lib" "$root/node/README.md" "$node_stage/"
cp "$target/$out_dir/libopentok_node.so" "$node_stage/opentok-native.$platform.node"
strip --strip-unneeded "$node_stage/opentok-native.$platform.node"
# The published package.json: no install script (nothing to build), no Rust sources.
node -e '
  const fs = require("fs");
  const [src, out, platform] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(src, "utf8"));
  delete pkg.scripts; delete pkg.devDependencies;
  pkg.files = ["index.js", "index.mjs", "index.d.ts", "native.d.ts", "testing.d.ts", "lib/", "README.md", `opentok-native.${platform}.node`];
  pkg.repository = "github:opentok-native/opentok-native";
  fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' "$root/node/package.json" "$node_stage/package.json" "$platform"
(cd "$node_stage" && npm pack -q --pack-destination "$dist" >/dev/null)

plat_stage="$stage/npm/opentok-native-$platform"
mkdir -p "$plat_stage"
cp "$node_stage/opentok-native.$platform.node" "$plat_stage/"
node -e '
  const fs = require("fs");
  const [out, platform, version, arch] = process.argv.slice(1);
  fs.writeFileSync(out, JSON.stringify({
    name: `opentok-native-${platform}`, version,
    description: `The prebuilt opentok-native addon for ${platform}`,
    license: "Apache-2.0", repository: "github:opentok-native/opentok-native",
    main: `opentok-native.${platform}.node`, files: [`opentok-native.${platform}.node`],
    os: ["linux"], cpu: [arch], libc: ["glibc"],
  }, null, 2) + "\n");
' "$plat_stage/package.json" "$platform" "$version" "$npm_arch"
(cd "$plat_stage" && npm pack -q --pack-destination "$dist" >/dev/null)

emu_stage="$stage/npm/opentok-emulator"
mkdir -p "$emu_stage/vendor/$platform"
cp -r "$root/packaging/emulator-npm/." "$emu_stage/"
cp "$emulator" "$emu_stage/vendor/$platform/opentok-emulator"
(cd "$emu_stage" && npm pack -q --pack-destination "$dist" >/dev/null)

step "JVM: opentok-native jar (native library inside), sources jar, publishable POM"
jvm_build="$target/dist-jvm"
(cd "$root/bindings/jvm" && OPENTOK_UNIFFI_PROFILE=$uniffi_profile "$mvn" "${mvn_flags[@]}" -q -Dmaven.test.skip=true \
  -Dopentok.build.dir="$jvm_build" package 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
cp "$jvm_build/opentok-native-$version.jar" "$dist/"
jar cf "$dist/opentok-native-$version-sources.jar" -C "$root/bindings/jvm/src/main/kotlin" . \
  -C "$jvm_build/generated-sources/uniffi" .
python3 "$here/publish_pom.py" "$root/bindings/jvm/pom.xml" "$dist/opentok-native-$version.pom"

step "JVM: opentok-emulator jar (runs the binary it carries)"
case "$(uname -m)" in x86_64) jna_arch=x86-64 ;; *) jna_arch="$(uname -m)" ;; esac
emu_res="$stage/jvm-emulator-resources"
mkdir -p "$emu_res/com/opentok/emulator/linux-$jna_arch"
cp "$emulator" "$emu_res/com/opentok/emulator/linux-$jna_arch/opentok-emulator"
(cd "$root/packaging/emulator-jvm" && "$mvn" "${mvn_flags[@]}" -q -Dmaven.test.skip=true \
  -Demulator.resources="$emu_res" -Dopentok.build.dir="$target/dist-emulator-jvm" package 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
cp "$target/dist-emulator-jvm/opentok-emulator-$version.jar" "$dist/"
python3 "$here/publish_pom.py" "$root/packaging/emulator-jvm/pom.xml" "$dist/opentok-emulator-$version.pom"

step "Ruby: platform gem with the shared object inside"
gem_stage="$stage/ruby"
mkdir -p "$gem_stage"
cp -r "$root/bindings/ruby/lib" "$root/bindings/ruby/README.md" "$root/bindings/ruby/opentok-native.gemspec" "$gem_stage/"
rm -rf "$gem_stage/lib/opentok/native"
OPENTOK_UNIFFI_PROFILE=$uniffi_profile "$root/bindings/scripts/build-native.sh" ruby "$gem_stage/lib/opentok/native"
strip --strip-unneeded "$gem_stage/lib/opentok/native/libopentok_uniffi.so"
(cd "$gem_stage" && gem build -q opentok-native.gemspec >/dev/null && mv opentok-native-*.gem "$dist/")

if [ $with_php = 1 ]; then
  step "PHP: the extension with its stubs"
  mkdir -p "$dist/php"
  cp "$target/$out_dir/libopentok_php.so" "$dist/php/"
  strip --strip-unneeded "$dist/php/libopentok_php.so"
  cp "$root/php/stubs/"*.php "$root/php/README.md" "$root/php/composer.json" "$dist/php/"
fi

echo "${DIST_PROFILE:-release}" > "$dist/PROFILE"
(cd "$dist" && find . -maxdepth 2 -type f ! -name SHA256SUMS -printf '%P\n' | sort | xargs sha256sum > SHA256SUMS)
step "artifacts"
(cd "$dist" && ls -l --block-size=K | sed 1d)
echo "dist: built (${DIST_PROFILE:-release} profile) in $SECONDS s"
