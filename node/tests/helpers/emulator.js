'use strict';
// Starts a real opentok-emulator process on an ephemeral loopback port for a test file, and
// small raw socket servers for the faults the emulator cannot produce.

const net = require('net');
const path = require('path');
const testing = require('../../lib/testing');

const REPO = path.resolve(__dirname, '..', '..', '..');
const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';

function emulatorBin() {
  if (process.env.EMULATOR_BIN) return process.env.EMULATOR_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(REPO, 'target');
  return path.join(target, 'debug', process.platform === 'win32' ? 'opentok-emulator.exe' : 'opentok-emulator');
}

/**
 * Starts the emulator (`--port 0 --in-memory` plus `extraArgs`) through the package's own test
 * helper (lib/testing.js); resolves to {url, process, stop(), ...}.
 */
function startEmulator(extraArgs = []) {
  return testing.startEmulator({ binary: emulatorBin(), args: extraArgs });
}

/**
 * A raw HTTP/1.1 server for faults: `handler(requestText, socket)` decides what to do; it may write
 * a response, or nothing at all (a server that never answers). Resolves to {url, requests, close()}.
 */
function startSocketServer(handler) {
  const sockets = new Set();
  const requests = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = '';
    socket.on('data', (d) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /content-length:\s*(\d+)/i.exec(buf.slice(0, end));
      const need = end + 4 + (m ? Number(m[1]) : 0);
      if (buf.length < need) return;
      const req = buf.slice(0, need);
      buf = buf.slice(need);
      requests.push(req);
      handler(req, socket);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close() {
          for (const s of sockets) s.destroy();
          return new Promise((res) => server.close(() => res()));
        },
      });
    });
  });
}

/** Writes a complete HTTP response on a raw socket. */
function respond(socket, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const head = [`HTTP/1.1 ${status} X`, `content-length: ${Buffer.byteLength(text)}`, 'connection: close'];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${text}`);
}

/** A port on loopback that refuses connections (bound, then closed). */
function closedPort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** POSTs a token to the emulator's simulated connect; resolves to {status, body}. */
async function simulateConnect(url, sessionId, token) {
  const r = await fetch(`${url}/emulator/v1/sessions/${encodeURIComponent(sessionId)}/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const text = await r.text();
  let body;
  try { body = JSON.parse(text); } catch (_) { body = text; }
  return { status: r.status, body };
}

module.exports = { REPO, API_KEY, API_SECRET, emulatorBin, startEmulator, startSocketServer, respond, closedPort, simulateConnect };
