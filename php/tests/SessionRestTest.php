<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Connection;
use OpenTok\ConnectionList;
use OpenTok\Exception\DomainException;
use OpenTok\Exception\ForceDisconnectConnectionException;
use OpenTok\Exception\ForceDisconnectException;
use OpenTok\Exception\InvalidArgumentException;
use OpenTok\Exception\SignalConnectionException;
use OpenTok\Exception\SignalException;
use OpenTok\Exception\SignalUnexpectedValueException;
use OpenTok\SipCall;
use OpenTok\Stream;
use OpenTok\StreamList;

/** Streams, connections, moderation, signals and SIP: the operations on a live session. */
final class SessionRestTest extends EmulatorTestCase
{
    public function testStreams(): void
    {
        [$sid, , $streamId] = $this->emulator->liveSession($this->opentok);
        $stream = $this->opentok->getStream($sid, $streamId);
        $this->assertInstanceOf(Stream::class, $stream);
        $this->assertSame($streamId, $stream->id);
        $this->assertIsString($stream->videoType);

        $list = $this->opentok->listStreams($sid);
        $this->assertInstanceOf(StreamList::class, $list);
        $this->assertSame(1, $list->totalCount());
        $this->assertSame($streamId, $list->getItems()[0]->id);

        $this->opentok->setStreamClassLists($sid, [['id' => $streamId, 'layoutClassList' => ['focus', 'full']]]);
        $this->assertSame(['focus', 'full'], $this->opentok->getStream($sid, $streamId)->layoutClassList);
        $this->opentok->updateStream($sid, $streamId, ['layoutClassList' => ['small']]);
        $this->assertSame(['small'], $this->opentok->getStream($sid, $streamId)->layoutClassList);

        foreach ([
            'getStream' => fn () => $this->opentok->getStream($sid, 'no-such-stream'),
            'listStreams' => fn () => $this->opentok->listStreams('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4'),
            'setStreamClassLists' => fn () => $this->opentok->setStreamClassLists($sid, [['id' => 'no-such-stream', 'layoutClassList' => ['a']]]),
            'updateStream' => fn () => $this->opentok->updateStream($sid, 'no-such-stream', ['layoutClassList' => ['a']]),
        ] as $name => $call) {
            try {
                $call();
                $this->fail("$name succeeded");
            } catch (DomainException $e) {
                $this->assertGreaterThanOrEqual(400, $e->httpStatus, $name);
            }
        }
        $this->expectException(InvalidArgumentException::class);
        $this->opentok->setStreamClassLists($sid, [['layoutClassList' => ['a']]]);
    }

    public function testConnectionsAndForceDisconnect(): void
    {
        [$sid, $connectionId] = $this->emulator->liveSession($this->opentok);
        $list = $this->opentok->listConnections($sid);
        $this->assertInstanceOf(ConnectionList::class, $list);
        $this->assertSame(1, $list->totalCount());
        $connection = $list->getItems()[0];
        $this->assertInstanceOf(Connection::class, $connection);
        $this->assertSame($connectionId, $connection->connectionId);
        $seen = [];
        foreach ($list as $c) {
            $seen[] = $c->connectionId;
        }
        $this->assertSame([$connectionId], $seen);

        $this->assertTrue($this->opentok->forceDisconnect($sid, $connectionId));
        $this->assertSame(0, $this->opentok->listConnections($sid)->totalCount());
        try {
            $this->opentok->forceDisconnect($sid, $connectionId);
            $this->fail('disconnected twice');
        } catch (ForceDisconnectConnectionException $e) {
            $this->assertInstanceOf(ForceDisconnectException::class, $e);
            $this->assertSame(404, $e->httpStatus);
        }
        try {
            $this->opentok->listConnections('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4');
            $this->fail('listed an unknown session');
        } catch (DomainException $e) {
            $this->assertSame(404, $e->httpStatus);
        }
    }

    public function testForceMute(): void
    {
        [$sid, , $streamId] = $this->emulator->liveSession($this->opentok);
        $this->assertTrue($this->opentok->forceMuteStream($sid, $streamId));
        $this->assertTrue($this->opentok->forceMuteAll($sid, ['excludedStreamIds' => [$streamId]]));
        $this->assertTrue($this->opentok->disableForceMute($sid, []));
        // The official methods answer false when the service refuses.
        $this->assertFalse($this->opentok->forceMuteStream($sid, 'no-such-stream'));
        $this->assertFalse($this->opentok->forceMuteAll('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4', []));
        $this->assertFalse($this->opentok->disableForceMute('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4', []));
        // A bad argument still throws.
        $this->expectException(InvalidArgumentException::class);
        $this->opentok->forceMuteAll($sid, ['excludedStreamIds' => 'not a list']);
    }

    public function testSignals(): void
    {
        [$sid, $connectionId] = $this->emulator->liveSession($this->opentok);
        $this->opentok->signal($sid, ['type' => 'chat', 'data' => 'hello all']);
        $this->opentok->signal($sid, ['type' => 'chat', 'data' => 'hello you'], $connectionId);
        $received = $this->emulator->get('/emulator/v1/sessions/' . rawurlencode($sid) . '/connections/' . rawurlencode($connectionId) . '/signals');
        $items = $received['items'] ?? $received['signals'] ?? $received;
        $this->assertSame(['hello all', 'hello you'], array_column($items, 'data'), json_encode($received));

        try {
            $this->opentok->signal($sid, ['type' => 'chat', 'data' => 'x'], 'no-such-connection');
            $this->fail('signalled an unknown connection');
        } catch (SignalConnectionException $e) {
            $this->assertInstanceOf(SignalException::class, $e);
            $this->assertSame(404, $e->httpStatus);
        }
        try {
            $this->opentok->signal($sid, ['type' => str_repeat('t', 129), 'data' => 'x']);
            $this->fail('accepted a long type');
        } catch (InvalidArgumentException $e) {
            $this->assertSame('type', $e->field);
        }
        // The service refuses data over 8 kB with 413: the official class for that answer.
        try {
            $this->opentok->signal($sid, ['data' => str_repeat('d', 8193)]);
            $this->fail('accepted long data');
        } catch (SignalUnexpectedValueException $e) {
            $this->assertSame(413, $e->httpStatus);
            $this->assertSame('payload_too_large', $e->kind);
        }
    }

    public function testDialAndDtmf(): void
    {
        [$sid, $connectionId] = $this->emulator->liveSession($this->opentok);
        $token = $this->opentok->generateToken($sid);
        $call = $this->opentok->dial($sid, $token, 'sip:user@sip.example.com;transport=tls', [
            'auth' => ['username' => 'u', 'password' => 'p'],
            'headers' => ['X-Custom' => 'yes'],
            'secure' => true,
            'from' => 'from@example.com',
            'video' => false,
            'observeForceMute' => true,
        ]);
        $this->assertInstanceOf(SipCall::class, $call);
        $this->assertIsString($call->id);
        $this->assertIsString($call->connectionId);

        $this->opentok->playDTMF($sid, '1234#');
        $this->opentok->playDTMF($sid, '5p6', $connectionId);
        $played = $this->emulator->get('/emulator/v1/sessions/' . rawurlencode($sid) . '/dtmf');
        $this->assertStringContainsString('1234#', json_encode($played));

        try {
            $this->opentok->dial($sid, $token, 'not a sip uri');
            $this->fail('dialled a bad uri');
        } catch (InvalidArgumentException | DomainException $e) {
            $this->assertNotEmpty($e->getMessage());
        }
        try {
            $this->opentok->playDTMF($sid, 'abc');
            $this->fail('played bad digits');
        } catch (InvalidArgumentException $e) {
            $this->assertSame('digits', $e->field);
        }
        try {
            $this->opentok->playDTMF($sid, '1', 'no-such-connection');
            $this->fail('played into an unknown connection');
        } catch (DomainException $e) {
            $this->assertSame(404, $e->httpStatus);
        }
    }
}
