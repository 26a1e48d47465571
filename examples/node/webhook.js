// opentok-native webhook endpoint: logs every event the service (or the emulator) POSTs to it,
// parsed by OpenTok.parseEvent. Register its URL as the project's callback (session monitoring,
// archive and broadcast status) or as a statusCallbackUrl (captions, renders).
//   node examples/node/webhook.js          # listens on 127.0.0.1:8080 (PORT to change)
'use strict';

const http = require('http');
const OpenTok = require('../../node');

function describe(event) {
  switch (event.type) {
    case 'connectionCreated':
    case 'connectionDestroyed':
      return `${event.type} ${event.sessionId} connection=${event.connection.id} data=${JSON.stringify(event.connection.data)}`;
    case 'streamCreated':
    case 'streamDestroyed':
      return `${event.type} ${event.sessionId} stream=${event.stream.id} videoType=${event.stream.videoType}`;
    case 'archive':
      return `archive ${event.archive.id} ${event.status} url=${event.archive.url}`;
    case 'broadcast':
      return `broadcast ${event.broadcast.id} ${event.status}`;
    case 'unknown':
      return `unknown event: ${event.raw}`;
    default:
      return `${event.type} ${event.sessionId}`;
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      console.log(describe(OpenTok.parseEvent(Buffer.concat(chunks))));
      res.writeHead(200).end();
    } catch (e) {
      console.log(`rejected: ${e.message}`); // not JSON
      res.writeHead(400).end();
    }
  });
});
server.listen(Number(process.env.PORT || 8080), '127.0.0.1', () => {
  console.log(`webhook listening on http://127.0.0.1:${server.address().port}/`);
});
