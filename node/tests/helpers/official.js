'use strict';
// Installs the official `opentok@2.23.2` npm package into <repo>/.scratch/node-official (gitignored,
// never vendored) and loads it and its dependencies from there.

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { REPO } = require('./emulator');

const VERSION = '2.23.2';
const DIR = path.join(REPO, '.scratch', 'node-official');

function installed() {
  try {
    return JSON.parse(fs.readFileSync(path.join(DIR, 'node_modules', 'opentok', 'package.json'), 'utf8')).version === VERSION;
  } catch (_) {
    return false;
  }
}

/** Installs (once) and returns a require() rooted in the scratch folder. */
function officialRequire() {
  if (!installed()) {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, 'package.json'), '{"private": true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `opentok@${VERSION}`], {
      cwd: DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 240000,
    });
  }
  const req = require('module').createRequire(path.join(DIR, 'package.json'));
  return (name) => req(req.resolve(name, { paths: [path.join(DIR, 'node_modules', 'opentok', 'node_modules'), path.join(DIR, 'node_modules')] }));
}

module.exports = { officialRequire, OFFICIAL_DIR: DIR, OFFICIAL_VERSION: VERSION };
