// opentok-native quickstart: create a session, mint a token, connect a simulated client with it,
// then record, signal and list connections through the REST API.
//   OPENTOK_API_URL=http://127.0.0.1:4010 node examples/node/quickstart.js
// In an app: `const OpenTok = require('opentok-native')`, exactly like the official `opentok` package.
'use strict';

const OpenTok = require('../../node');

const apiKey = process.env.OPENTOK_API_KEY || '123456';
const apiSecret = process.env.OPENTOK_API_SECRET || '1234567890abcdef1234567890abcdef1234567890';
const apiUrl = process.env.OPENTOK_API_URL || 'http://127.0.0.1:4010';

async function main() {
  const opentok = new OpenTok(apiKey, apiSecret, apiUrl);

  // A routed session placed near a location hint (as in the OpenTok docs).
  const session = await opentok.createSession({ mediaMode: 'routed', location: '12.34.56.78' });
  console.log(`session id:    ${session.sessionId}`);
  console.log(`media mode:    ${session.mediaMode}, archive mode: ${session.archiveMode}, location: ${session.location}`);

  const token = session.generateToken({
    role: 'moderator',
    expireTime: Math.floor(Date.now() / 1000) + 3600,
    data: 'name=Johnny',
    initialLayoutClassList: ['focus'],
  });
  console.log(`token:         ${token.slice(0, 40)}… (${token.length} chars)`);
  console.log(`token says:    ${OpenTok.explainToken(token, apiSecret).verdict}`);

  // Connect a simulated client with the token (emulator-only API).
  const res = await fetch(`${apiUrl}/emulator/v1/sessions/${encodeURIComponent(session.sessionId)}/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`connect refused: HTTP ${res.status} ${JSON.stringify(body)}`);
  console.log(`connected:     connection ${body.connectionId} as ${body.role} with data ${JSON.stringify(body.data)}`);

  // The REST API under the official names: record, signal, list who is connected.
  const archive = await opentok.startArchive(session.sessionId, { name: 'quickstart', resolution: '1280x720' });
  console.log(`archive:       ${archive.id} ${archive.status}`);
  try {
    await opentok.startArchive(session.sessionId);
  } catch (e) {
    console.log(`again:         ${e.name} (${e.kind}, HTTP ${e.status}): ${e.apiMessage}`);
  }
  await opentok.signal(session.sessionId, null, { type: 'chat', data: 'hello from the server' });
  const stopped = await archive.stop();
  const connections = await opentok.listConnections(session.sessionId);
  console.log(`stopped:       ${stopped.status}; ${connections.count} connection(s) in the session`);

  // Errors are typed, with the official names.
  try {
    opentok.generateToken(session.sessionId, { role: 'admin' });
  } catch (e) {
    console.log(`bad role:      ${e.name}: ${e.message}`);
  }
}

main().catch((e) => {
  console.error(`${e.name || 'Error'}: ${e.message}`);
  process.exit(1);
});
