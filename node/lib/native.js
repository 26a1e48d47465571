'use strict';
// Loads the compiled addon (built by `npm run build` / the install script into the package folder).
const path = require('path');

const candidates = [
  path.join(__dirname, '..', 'opentok-native.node'),
  path.join(__dirname, '..', `opentok-native.${process.platform}-${process.arch}.node`),
];

let native;
let lastError;
for (const file of candidates) {
  try {
    native = require(file);
    break;
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    lastError = e;
  }
}
if (!native) {
  const err = new Error(
    'opentok-native: the native addon is not built. Run `npm run build` in the package folder ' +
      '(needs a Rust toolchain). ' + (lastError ? lastError.message : ''),
  );
  err.code = 'OPENTOK_NATIVE_NOT_BUILT';
  throw err;
}

module.exports = native;
