'use strict';
// The opentok-emulator binary shipped in this package: vendor/<platform>/opentok-emulator, one
// folder per prebuilt platform (napi-rs platform names, e.g. linux-x64-gnu).
const fs = require('fs');
const path = require('path');

/** `linux-x64-gnu`, `linux-arm64-musl`, `darwin-arm64`, `win32-x64-msvc`. */
function platformName() {
  const { platform, arch } = process;
  if (platform === 'linux') {
    const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
    return `${platform}-${arch}-${report && report.header && report.header.glibcVersionRuntime ? 'gnu' : 'musl'}`;
  }
  if (platform === 'win32') return `${platform}-${arch}-msvc`;
  return `${platform}-${arch}`;
}

/** The absolute path of the emulator binary for this platform; throws naming the platform when none ships. */
function binaryPath() {
  const name = platformName();
  const file = path.join(__dirname, 'vendor', name, process.platform === 'win32' ? 'opentok-emulator.exe' : 'opentok-emulator');
  if (!fs.existsSync(file)) {
    const shipped = fs.existsSync(path.join(__dirname, 'vendor')) ? fs.readdirSync(path.join(__dirname, 'vendor')).join(', ') : 'none';
    const err = new Error(`opentok-emulator: no prebuilt binary for this platform (${name}); prebuilt: ${shipped}. ` +
      'Build it from a checkout with `cargo build --release -p opentok-emulator` and set EMULATOR_BIN.');
    err.code = 'OPENTOK_EMULATOR_NO_PREBUILT';
    throw err;
  }
  return file;
}

module.exports = { binaryPath, platformName };
