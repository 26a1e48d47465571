// The dashboard in headless Chromium (Debian `chromium`, driven by playwright-core):
// open `/`, show an error, fill the Generate Session form, read the id, check the REST API
// knows the session, mint a token, connect a simulated client, inspect the token; then the
// simulation controls against a real HTTP receiver: set the project's callback URL, publish
// (the archiveMode=always archive starts), see the deliveries, unpublish, fail the archive,
// advance the clock, replay a delivery; screenshot.
// Usage: node dashboard_test.js EMULATOR_URL SCREENSHOT.png
'use strict';
const { chromium } = require('playwright-core');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const [URL, SHOT] = process.argv.slice(2);
const KEY = '123456';
const SECRET = '1234567890abcdef1234567890abcdef1234567890';
let passed = 0;
const check = (cond, what) => { assert.ok(cond, `dashboard: ${what}`); passed++; };

function restJwt() {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: KEY, ist: 'project', iat: now, exp: now + 180, jti: '0.42' })}`;
  return `${input}.${crypto.createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

// A callback receiver: records each POSTed JSON body and answers 200.
function startReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { try { received.push(JSON.parse(body)); } catch (_) { received.push(null); } res.end(); });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, received, url: `http://127.0.0.1:${server.address().port}/hook` });
  }));
}
const name = (b) => (b && (b.event === 'archive' ? `archive.${b.status}` : b.event)) || '?';
async function waitFor(pred, what) {
  for (let i = 0; i < 200; i++) { if (pred()) return; await new Promise((r) => setTimeout(r, 50)); }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otemu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${URL}/`);
    check((await page.textContent('header')).includes(KEY), 'header shows the project key');

    // An invalid location is refused by the server and the error is shown, not swallowed.
    await page.fill('#location', 'not-an-ip');
    await page.click('#generate-session-button');
    await page.waitForFunction(() => document.getElementById('session-error').textContent.length > 0);
    check((await page.textContent('#session-error')).includes('location'), 'location error is shown');

    // The real thing: routed, archive always with name + resolution, a location.
    await page.fill('#location', '12.34.56.78');
    await page.selectOption('#media-mode', 'disabled');
    await page.selectOption('#archive-mode', 'always');
    check(await page.isVisible('#archive-name'), 'archive settings appear for always');
    await page.fill('#archive-name', 'browser archive');
    await page.selectOption('#archive-resolution', '1280x720');
    await page.click('#generate-session-button');
    await page.waitForFunction(() => document.getElementById('new-session-id').textContent.startsWith('1_'));
    const sessionId = (await page.textContent('#new-session-id')).trim();
    check((await page.textContent('#session-error')) === '', 'error cleared after success');

    // The REST API knows the session.
    const rest = await fetch(`${URL}/v2/project/${KEY}/session/${sessionId}/connection`, {
      headers: { 'X-OPENTOK-AUTH': restJwt(), Accept: 'application/json' },
    });
    check(rest.status === 200, `REST lists connections of the new session: ${rest.status}`);
    check((await rest.json()).sessionId === sessionId, 'REST answer names the session');
    const stored = await (await fetch(`${URL}/emulator/v1/sessions/${sessionId}`)).json();
    check(stored.mediaMode === 'routed' && stored.archiveMode === 'always', 'stored modes');
    check(stored.archiveName === 'browser archive' && stored.archiveResolution === '1280x720', 'stored archive settings');
    check(stored.location === '12.34.56.78', 'stored location');
    await page.waitForFunction((sid) => document.getElementById('sessions-body').textContent.includes(sid), sessionId);
    check(true, 'sessions list shows the new session');

    // Token form (session id is prefilled), connect with it, inspect it.
    check((await page.inputValue('#token-session-id')) === sessionId, 'token form prefilled');
    await page.selectOption('#role', 'moderator');
    await page.fill('#data', 'name=Browser');
    await page.click('#generate-token-button');
    await page.waitForFunction(() => document.getElementById('token-output').value.length > 20);
    const token = await page.inputValue('#token-output');
    await page.click('#connect-button');
    await page.waitForFunction(() => document.getElementById('connect-result').textContent.includes('connected'));
    check((await page.textContent('#connect-result')).includes('moderator'), 'connected as moderator');
    await page.waitForFunction(() => document.getElementById('connections-body').children.length === 1);
    check((await page.textContent('#connections-body')).includes('name=Browser'), 'connections list shows the data');
    await page.click('#inspect-button');
    await page.waitForFunction(() => document.getElementById('inspect-verdict').textContent.length > 0);
    check((await page.textContent('#inspect-verdict')).startsWith('valid'), 'inspector says valid');
    check((await page.textContent('#inspect-claims')).includes(sessionId), 'inspector shows the claims');
    const conns = await (await fetch(`${URL}/emulator/v1/sessions/${sessionId}/connections`)).json();
    check(conns.count === 1 && token.length > 0, 'API sees the connection');

    // A tampered token is shown as invalid.
    // Change one whole base64url character inside the signature (not the last, whose low bits
    // a lenient decoder may ignore).
    const i = token.length - 10;
    await page.fill('#inspect-token', token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1));
    await page.click('#inspect-button');
    await page.waitForFunction(() => document.getElementById('inspect-verdict').textContent.startsWith('INVALID'));
    check(true, 'tampered token shown invalid');
    await page.fill('#inspect-token', token);
    await page.click('#inspect-button');
    await page.waitForFunction(() => document.getElementById('inspect-verdict').textContent.startsWith('valid'));

    // Simulation controls, with a real receiver as the project's callback URL.
    const hook = await startReceiver();
    try {
      await page.fill('#callback-url', hook.url);
      await page.click('#callback-save-button');
      await page.waitForFunction(() => document.getElementById('callback-result').textContent.includes('events go to'));
      const saved = await (await fetch(`${URL}/emulator/v1/projects/${KEY}/callback-url`)).json();
      check(saved.url === hook.url, 'callback URL saved');

      await page.fill('#publish-name', 'browser camera');
      await page.selectOption('#publish-video-type', 'screen');
      await page.click('#connections-body button.publish');
      await page.waitForFunction(() => document.getElementById('streams-body').textContent.includes('browser camera'));
      check((await page.textContent('#streams-body')).includes('screen'), 'streams list shows the published stream');
      await waitFor(() => hook.received.length >= 2, 'streamCreated and archive started');
      check(name(hook.received[0]) === 'streamCreated' && hook.received[0].stream.name === 'browser camera', 'streamCreated delivered');
      check(name(hook.received[1]) === 'archive.started', 'archiveMode=always archive started on publish');
      await page.click('#deliveries-refresh');
      await page.waitForFunction(() => document.querySelectorAll('#deliveries-body tr.delivered').length >= 2);
      check((await page.textContent('#deliveries-body')).includes('streamCreated'), 'deliveries table shows the events');

      await page.click('#streams-body button.unpublish');
      await page.waitForFunction(() => document.getElementById('streams-body').children.length === 0);
      await waitFor(() => hook.received.length >= 3, 'streamDestroyed');
      check(name(hook.received[2]) === 'streamDestroyed', 'streamDestroyed delivered');

      await page.reload();
      await page.click('#recordings-body button.fail-archive');
      await page.waitForFunction(() => document.getElementById('recordings-body').textContent.includes('failed'));
      await waitFor(() => hook.received.length >= 4, 'archive failed');
      check(name(hook.received[3]) === 'archive.failed', 'archive failed on demand');

      await page.fill('#advance-seconds', '3600');
      await page.click('#advance-button');
      await page.waitForFunction(() => document.getElementById('clock-offset').textContent === '3600');
      check((await page.textContent('#clock-result')).includes('advanced'), 'clock advanced');

      await page.click('#deliveries-refresh');
      await page.waitForFunction(() => document.querySelectorAll('#deliveries-body button.replay').length >= 4);
      await page.click('#deliveries-body button.replay');
      await waitFor(() => hook.received.length >= 5, 'the replay');
      check(JSON.stringify(hook.received[4]) === JSON.stringify(hook.received[3]), 'replay posts the same body again');
      await page.waitForFunction(() => document.getElementById('deliveries-body').textContent.includes('replay of'));
    } finally {
      hook.server.close();
    }

    check(consoleErrors.length === 0, `no page errors: ${consoleErrors.join('; ')}`);
    fs.mkdirSync(path.dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT, fullPage: true });
    check(fs.statSync(SHOT).size > 10000, 'screenshot written');
    console.log(`dashboard (chromium): ${passed} passed, 0 failed; screenshot ${SHOT}`);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error('FAIL', e); process.exit(1); });
