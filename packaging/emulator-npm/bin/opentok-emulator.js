#!/usr/bin/env node
'use strict';
// `opentok-emulator [flags]`: runs the packaged binary with these flags, passes signals on and
// exits with its status. (Test helpers spawn the binary itself, via binaryPath().)
const { spawn } = require('child_process');
const { binaryPath } = require('..');

let bin;
try {
  bin = binaryPath();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const child = spawn(bin, process.argv.slice(2), { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
