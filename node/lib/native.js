'use strict';
// Loads the compiled addon. In order:
//   1. ./opentok-native.node, built from source in a checkout (`npm run build`, needs Rust);
//   2. ./opentok-native.<platform>.node, a prebuilt addon shipped inside the package tarball
//      (napi-rs file naming, e.g. opentok-native.linux-x64-gnu.node);
//   3. the package `opentok-native-<platform>` (napi-rs per-platform package convention), for
//      platforms whose prebuilt travels in its own package.
// None of them: an error naming the platform (code OPENTOK_NATIVE_NO_PREBUILT).
const path = require('path');

/** `linux-x64-gnu`, `linux-arm64-musl`, `darwin-arm64`, `win32-x64-msvc`: napi-rs platform names. */
function platformName() {
  const { platform, arch } = process;
  if (platform === 'linux') {
    const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
    const glibc = report && report.header && report.header.glibcVersionRuntime;
    return `${platform}-${arch}-${glibc ? 'gnu' : 'musl'}`;
  }
  if (platform === 'win32') return `${platform}-${arch}-msvc`;
  return `${platform}-${arch}`;
}

function load() {
  const name = platformName();
  const candidates = [
    path.join(__dirname, '..', 'opentok-native.node'),
    path.join(__dirname, '..', `opentok-native.${name}.node`),
    `opentok-native-${name}`,
  ];
  for (const file of candidates) {
    try {
      return require(file);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  const err = new Error(
    `opentok-native: no native addon for this platform (${name}): neither a prebuilt ` +
      `opentok-native.${name}.node in the package nor the package opentok-native-${name} is installed. ` +
      'Prebuilt platforms: linux-x64-gnu. Elsewhere, build from a checkout with `npm run build` (needs a Rust toolchain).',
  );
  err.code = 'OPENTOK_NATIVE_NO_PREBUILT';
  err.platform = name;
  throw err;
}

module.exports = load();
