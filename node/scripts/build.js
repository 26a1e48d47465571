#!/usr/bin/env node
'use strict';
// Builds the addon with plain cargo (no @napi-rs/cli needed, so it also runs as the package's
// install script) and copies it to ./opentok-native.node.
//   node scripts/build.js            debug build (fast; shares artifacts with the workspace's other dev builds)
//   node scripts/build.js --release  optimised build
//   --if-missing                     do nothing when ./opentok-native.node exists
// Respects CARGO and CARGO_TARGET_DIR.

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const pkgDir = path.resolve(__dirname, '..');
const out = path.join(pkgDir, 'opentok-native.node');

if (args.has('--if-missing') && fs.existsSync(out)) process.exit(0);

const cargo = process.env.CARGO || 'cargo';
const release = args.has('--release');
const manifest = path.join(pkgDir, 'Cargo.toml');

const meta = JSON.parse(
  execFileSync(cargo, ['metadata', '--format-version', '1', '--no-deps', '--manifest-path', manifest], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);
const buildArgs = ['build', '--manifest-path', manifest, '-p', 'opentok-node'];
if (release) buildArgs.push('--release');
execFileSync(cargo, buildArgs, { stdio: 'inherit' });

const profileDir = path.join(meta.target_directory, release ? 'release' : 'debug');
const libName = {
  darwin: 'libopentok_node.dylib',
  win32: 'opentok_node.dll',
}[process.platform] || 'libopentok_node.so';
const built = path.join(profileDir, libName);
// Copy to a temporary name and rename, so a loaded addon is never overwritten in place.
const tmp = `${out}.${process.pid}.tmp`;
fs.copyFileSync(built, tmp);
fs.renameSync(tmp, out);
console.log(`opentok-native: built ${path.relative(process.cwd(), out)} (${release ? 'release' : 'debug'})`);
