// TypeScript use of opentok-native's public API; `make test-node` type-checks it with
// `tsc --noEmit` (node/tsconfig.json). Run it with any TS runner against the emulator:
//   OPENTOK_API_URL=http://127.0.0.1:4010 npx tsx examples/node/typed.ts
import OpenTok, {
  Archive,
  ArchiveError,
  ArgumentError,
  AuthError,
  DecodedToken,
  OpenTokError,
  OpenTokSDK,
  Session,
  SessionId,
  SessionOptions,
  TokenOptions,
  decodeToken,
  explainToken,
  verifyToken,
} from 'opentok-native';

const apiKey = process.env.OPENTOK_API_KEY ?? '123456';
const apiSecret = process.env.OPENTOK_API_SECRET ?? '1234567890abcdef1234567890abcdef1234567890';
const apiUrl = process.env.OPENTOK_API_URL ?? 'http://127.0.0.1:4010';

async function main(): Promise<void> {
  const ot = new OpenTok(Number(apiKey), apiSecret, { apiUrl, timeout: 10_000, uaAddendum: 'typed-example/1.0' });

  const options: SessionOptions = { mediaMode: 'routed', archiveMode: 'manual', location: '12.34.56.78', e2ee: false };
  const session: Session = await ot.createSession(options);

  const tokenOptions: TokenOptions = {
    role: 'moderator',
    expireTime: new Date(Date.now() + 3600_000),
    data: 'name=Ada',
    initialLayoutClassList: ['focus'],
  };
  const token: string = session.generateToken(tokenOptions);
  const t1: string = ot.generateToken(session.sessionId, { role: OpenTok.Roles.SUBSCRIBER }, true);

  const decoded: DecodedToken = verifyToken(token, apiSecret);
  const role: string | undefined = decoded.role;
  const parsed = new SessionId(session.sessionId);
  const owner: boolean = parsed.belongsTo(apiKey);
  console.log(session.sessionId, role, owner, parsed.location, decodeToken(t1).format, explainToken(token).verdict);

  ot.createSession({ mediaMode: 'relayed' }, (err, s) => {
    if (err) {
      const status: number | undefined = err.status;
      console.error(err.name, err.code, status);
      return;
    }
    console.log('callback session', s?.sessionId);
  });

  try {
    ot.generateToken(session.sessionId, { role: 'admin' });
  } catch (e) {
    if (e instanceof ArgumentError) console.log(`${e.name} on ${e.field}: ${e.message}`);
  }

  try {
    await new OpenTok(apiKey, 'f'.repeat(40), apiUrl).createSession();
  } catch (e) {
    if (e instanceof AuthError) console.log(e.status, e.apiMessage);
    else if (e instanceof OpenTokError) console.log(e.kind, e.retryable);
  }

  await rest(ot, session.sessionId, token);

  const seed = await new OpenTokSDK(apiKey, apiSecret, apiUrl).createSession('12.34.56.78', { 'p2p.preference': 'disabled' });
  console.log(seed.getSessionId() === seed.session_id);
}

/** The REST operations on a routed session: a simulated client connects, then archive, signal, moderate. */
async function rest(ot: OpenTok, sessionId: string, token: string): Promise<void> {
  const r = await fetch(`${apiUrl}/emulator/v1/sessions/${encodeURIComponent(sessionId)}/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const { connectionId } = (await r.json()) as { connectionId: string };

  const archive: Archive = await ot.startArchive(sessionId, { name: 'typed', layout: { type: 'pip' }, resolution: '1280x720' });
  try {
    await ot.startArchive(sessionId);
  } catch (e) {
    if (e instanceof ArchiveError) console.log('already archiving:', e.kind, e.status);
  }
  await ot.setArchiveLayout(archive.id, 'bestFit', null, 'verticalPresentation');
  const stopped: Archive = await archive.stop();
  const archives = await ot.listArchives({ sessionId, count: 10 });
  console.log(stopped.status, archives.length, archives.totalCount);
  ot.listArchives({ sessionId }, (err, items, total) => console.log(err?.name, items?.length, total));

  await ot.signal(sessionId, null, { type: 'chat', data: 'hello' });
  await ot.signal(sessionId, connectionId, { data: 'just you' });
  const streams: OpenTok.Stream[] = await ot.listStreams(sessionId);
  await ot.forceMuteAll(sessionId, { excludedStreamIds: streams.map((s) => s.id) });
  await ot.disableForceMute(sessionId);
  const connections = await ot.listConnections(sessionId);
  const captionsId: string = await ot.startCaptions(sessionId, token, { languageCode: 'en-US' });
  await ot.stopCaptions(captionsId);
  const callback = await ot.registerCallback({ group: 'archive', event: 'status', url: 'https://example.com/hooks' });
  await callback.unregister();
  await ot.forceDisconnect(sessionId, connectionId);
  console.log(connections.count, captionsId);
}

/** Webhook events: `type` narrows the union (see examples/node/webhook.js for a server). */
export function describeEvent(body: string | Buffer): string {
  const event: OpenTok.WebhookEvent = OpenTok.parseEvent(body);
  switch (event.type) {
    case 'connectionCreated':
      return `${event.sessionId}: ${event.connection.id} connected (${event.connection.data ?? ''})`;
    case 'streamCreated':
      return `${event.stream.id} published (${event.stream.videoType ?? 'unknown'})`;
    case 'archive':
      return `archive ${event.archive.id} ${event.status}${event.archive.url ? ` at ${event.archive.url}` : ''}`;
    case 'broadcast':
      return `broadcast ${event.broadcast.id} ${event.status}`;
    case 'captions':
      return `captions ${event.captionId} ${event.status}`;
    case 'unknown':
      return `unknown event: ${event.raw}`;
    default:
      return event.type;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
