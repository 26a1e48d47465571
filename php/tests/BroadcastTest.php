<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Broadcast;
use OpenTok\Exception\BroadcastDomainException;
use OpenTok\Exception\BroadcastException;
use OpenTok\Exception\InvalidArgumentException;
use OpenTok\Layout;

final class BroadcastTest extends EmulatorTestCase
{
    public function testStartGetUpdateStop(): void
    {
        [$sid] = $this->emulator->liveSession($this->opentok);
        $broadcast = $this->opentok->startBroadcast($sid, [
            'layout' => Layout::getBestFit(),
            'hasAudio' => true,
            'hasVideo' => true,
            'streamMode' => 'auto',
            'resolution' => '1280x720',
            'maxBitRate' => 2000000,
            'outputs' => [
                'hls' => ['dvr' => false, 'lowLatency' => false],
                'rtmp' => [['id' => 'main', 'serverUrl' => 'rtmp://example.com/live', 'streamName' => 'stream1']],
            ],
        ]);
        $this->assertInstanceOf(Broadcast::class, $broadcast);
        $this->assertSame($sid, $broadcast->sessionId);
        $this->assertSame('started', $broadcast->status);
        $this->assertSame('1280x720', $broadcast->resolution);
        $this->assertIsArray($broadcast->broadcastUrls);
        $this->assertArrayHasKey('hls', $broadcast->broadcastUrls);

        $this->assertSame($broadcast->id, $this->opentok->getBroadcast($broadcast->id)->id);
        $this->opentok->updateBroadcastLayout($broadcast->id, Layout::getHorizontalPresentation());
        $stopped = $this->opentok->stopBroadcast($broadcast->id);
        $this->assertSame('stopped', $stopped->status);
    }

    public function testEveryOperationsErrorCase(): void
    {
        $unknown = '00000000-0000-0000-0000-000000000000';
        $calls = [
            'startBroadcast (no clients)' => fn () => $this->opentok->startBroadcast($this->routedSession(), ['outputs' => ['hls' => []]]),
            'stopBroadcast' => fn () => $this->opentok->stopBroadcast($unknown),
            'getBroadcast' => fn () => $this->opentok->getBroadcast($unknown),
            'updateBroadcastLayout' => fn () => $this->opentok->updateBroadcastLayout($unknown, Layout::getPIP()),
        ];
        foreach ($calls as $name => $call) {
            try {
                $call();
                $this->fail("$name succeeded");
            } catch (BroadcastDomainException $e) {
                $this->assertInstanceOf(BroadcastException::class, $e, $name);
                $this->assertGreaterThanOrEqual(400, $e->httpStatus, $name);
            }
        }
    }

    public function testDefaultOutputIsHls(): void
    {
        [$sid] = $this->emulator->liveSession($this->opentok);
        $broadcast = $this->opentok->startBroadcast($sid);
        $this->assertArrayHasKey('hls', $broadcast->broadcastUrls);
        $this->opentok->stopBroadcast($broadcast->id);
    }

    public function testBadOptionsAreInvalidArguments(): void
    {
        $sid = $this->routedSession();
        foreach ([
            [['outputs' => ['rtmp' => [['serverUrl' => 'rtmp://x']]]], 'streamName'],
            [['maxDuration' => 10], 'maxDuration'],
            [['layout' => ['type' => 'custom']], 'stylesheet'],
            [['resolution' => 'huge'], 'resolution'],
        ] as [$options, $field]) {
            try {
                $this->opentok->startBroadcast($sid, $options);
                $this->fail("accepted a bad $field");
            } catch (InvalidArgumentException $e) {
                $this->assertStringContainsString($field, (string) $e->field, $e->getMessage());
            }
        }
    }
}
