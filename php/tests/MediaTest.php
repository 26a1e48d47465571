<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Exception\DomainException;
use OpenTok\Exception\InvalidArgumentException;
use OpenTok\Render;

/** Captions, Experience Composer renders and the Audio Connector. */
final class MediaTest extends EmulatorTestCase
{
    public function testCaptions(): void
    {
        [$sid] = $this->emulator->liveSession($this->opentok);
        $token = $this->opentok->generateToken($sid, ['role' => 'moderator']);
        $started = $this->opentok->startCaptions($sid, $token, 'en-US', 1800, true, 'https://example.com/captions');
        $this->assertIsString($started['captionsId'] ?? null, json_encode($started));
        $this->assertTrue($this->opentok->stopCaptions($started['captionsId']));
        try {
            $this->opentok->stopCaptions('00000000-0000-0000-0000-000000000000');
            $this->fail('stopped unknown captions');
        } catch (DomainException $e) {
            $this->assertSame(404, $e->httpStatus);
        }
        $this->expectException(InvalidArgumentException::class);
        $this->opentok->startCaptions($sid, $token, 'en-US', 10 * 86400);
    }

    public function testRenders(): void
    {
        [$sid] = $this->emulator->liveSession($this->opentok);
        $token = $this->opentok->generateToken($sid, ['role' => 'publisher']);
        $render = $this->opentok->startRender($sid, $token, 'https://example.com/page', 1800, '1280x720', ['name' => 'composer']);
        $this->assertInstanceOf(Render::class, $render);
        $this->assertSame($sid, $render->sessionId);
        $this->assertSame('1280x720', $render->resolution);
        $this->assertSame($render->id, $this->opentok->getRender($render->id)->id);
        $listed = $this->opentok->listRenders(0, 50);
        $this->assertContains($render->id, array_column($listed['items'], 'id'));
        $this->assertGreaterThanOrEqual(1, $listed['count']);
        $this->assertTrue($this->opentok->stopRender($render->id));
        try {
            $this->opentok->stopRender('00000000-0000-0000-0000-000000000000');
            $this->fail('stopped an unknown render');
        } catch (DomainException $e) {
            $this->assertSame(404, $e->httpStatus);
        }
        try {
            $this->opentok->getRender('00000000-0000-0000-0000-000000000000');
            $this->fail('found an unknown render');
        } catch (DomainException $e) {
            $this->assertSame(404, $e->httpStatus);
        }
        try {
            $this->opentok->startRender($sid, $token, 'https://example.com/page', 5, '1280x720', []);
            $this->fail('accepted a 5 s render');
        } catch (InvalidArgumentException $e) {
            $this->assertSame('maxDuration', $e->field);
        }
        $this->expectException(InvalidArgumentException::class);
        $this->opentok->listRenders(-1);
    }

    public function testAudioConnector(): void
    {
        [$sid, , $streamId] = $this->emulator->liveSession($this->opentok);
        $token = $this->opentok->generateToken($sid, ['role' => 'moderator']);
        $connection = $this->opentok->connectAudio($sid, $token, [
            'uri' => 'wss://example.com/audio',
            'streams' => [$streamId],
            'headers' => ['X-Call' => 'abc'],
            'audioRate' => 16000,
        ]);
        $this->assertIsString($connection['id'] ?? null, json_encode($connection));
        $this->assertIsString($connection['connectionId'] ?? null);
        $asked = $this->emulator->get('/emulator/v1/audio-connectors/' . rawurlencode($connection['id']));
        $this->assertSame('wss://example.com/audio', $asked['uri'] ?? null, json_encode($asked));
        try {
            $this->opentok->connectAudio($sid, $token, ['uri' => 'wss://example.com/audio', 'audioRate' => 12345]);
            $this->fail('accepted a bad audio rate');
        } catch (InvalidArgumentException $e) {
            $this->assertStringContainsString('audioRate', (string) $e->field);
        }
        $this->expectException(DomainException::class);
        $this->opentok->connectAudio('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4', $token, ['uri' => 'wss://example.com/audio']);
    }
}
