<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\ArchiveMode;
use OpenTok\Exception\InvalidArgumentException;
use OpenTok\MediaMode;
use OpenTok\OpenTok;
use OpenTok\Session;

final class SessionTest extends EmulatorTestCase
{
    public function testDefaultsAreRelayedAndManual(): void
    {
        $session = $this->opentok->createSession();
        $this->assertInstanceOf(Session::class, $session);
        $this->assertMatchesRegularExpression('/^[12]_MX4/', $session->getSessionId());
        $this->assertSame(MediaMode::RELAYED, $session->getMediaMode());
        $this->assertSame(ArchiveMode::MANUAL, $session->getArchiveMode());
        $this->assertNull($session->getLocation());
        $this->assertFalse($session->getE2EE());
        $this->assertSame($session->getSessionId(), (string) $session);
        $this->assertInstanceOf(\Stringable::class, $session);
    }

    public function testEveryOption(): void
    {
        $session = $this->opentok->createSession([
            'mediaMode' => MediaMode::ROUTED,
            'archiveMode' => ArchiveMode::ALWAYS,
            'location' => '12.34.56.78',
            'archiveName' => 'daily standup',
            'archiveResolution' => '1280x720',
        ]);
        $this->assertSame(MediaMode::ROUTED, $session->getMediaMode());
        $this->assertSame(ArchiveMode::ALWAYS, $session->getArchiveMode());
        $this->assertSame('12.34.56.78', $session->getLocation());
        // What the emulator was asked for.
        $info = $this->emulator->get('/emulator/v1/sessions/' . rawurlencode($session->getSessionId()));
        $this->assertSame(
            ['routed', 'always', '12.34.56.78', 'daily standup', '1280x720', false],
            [$info['mediaMode'], $info['archiveMode'], $info['location'], $info['archiveName'], $info['archiveResolution'], $info['e2ee']]
        );

        $e2ee = $this->opentok->createSession(['mediaMode' => MediaMode::ROUTED, 'e2ee' => true]);
        $this->assertTrue($e2ee->getE2EE());
        $this->assertTrue($this->emulator->get('/emulator/v1/sessions/' . rawurlencode($e2ee->getSessionId()))['e2ee']);
    }

    public function testArchiveModeAlwaysAloneMeansRouted(): void
    {
        $session = $this->opentok->createSession(['archiveMode' => ArchiveMode::ALWAYS]);
        $this->assertSame(MediaMode::ROUTED, $session->getMediaMode());
    }

    /** @return iterable<string, array{array<string, mixed>, string}> */
    public static function badOptions(): iterable
    {
        yield 'always needs routed' => [['mediaMode' => MediaMode::RELAYED, 'archiveMode' => ArchiveMode::ALWAYS], 'archiveMode'];
        yield 'e2ee needs routed' => [['mediaMode' => MediaMode::RELAYED, 'e2ee' => true], 'e2ee'];
        yield 'e2ee not with always' => [['mediaMode' => MediaMode::ROUTED, 'archiveMode' => ArchiveMode::ALWAYS, 'e2ee' => true], 'e2ee'];
        yield 'location not an ip' => [['location' => 'nowhere'], 'location'];
        yield 'bad media mode' => [['mediaMode' => 'sideways'], 'mediaMode'];
        yield 'bad archive mode' => [['archiveMode' => 'sometimes'], 'archiveMode'];
        yield 'bad resolution' => [['mediaMode' => MediaMode::ROUTED, 'archiveMode' => ArchiveMode::ALWAYS, 'archiveResolution' => '3x3'], 'archiveResolution'];
        yield 'name without always' => [['archiveName' => 'x'], 'archiveName'];
        yield 'location of the wrong type' => [['location' => ['12.34.56.78']], 'location'];
    }

    /** @dataProvider badOptions */
    public function testBadOptionsAreInvalidArguments(array $options, string $field): void
    {
        try {
            $this->opentok->createSession($options);
            $this->fail('no exception');
        } catch (InvalidArgumentException $e) {
            $this->assertInstanceOf(\InvalidArgumentException::class, $e);
            $this->assertSame('invalid_argument', $e->kind);
            $this->assertStringContainsString($field, $e->field . ' ' . $e->getMessage());
        }
    }

    public function testSessionFromAnIdMintsTokens(): void
    {
        $sid = $this->routedSession();
        $session = new Session($this->opentok, $sid, ['mediaMode' => MediaMode::ROUTED]);
        $this->assertSame($sid, $session->getSessionId());
        [$status] = $this->emulator->connect($sid, $session->generateToken());
        $this->assertSame(201, $status);
    }

    public function testSeedApi(): void
    {
        $sdk = new \OpenTokSDK(Emulator::API_KEY, Emulator::API_SECRET, $this->emulator->url);
        $session = $sdk->create_session(null, ['p2p.preference' => 'disabled']);
        $this->assertSame(MediaMode::ROUTED, $session->getMediaMode());
        $located = $sdk->create_session('12.34.56.78', ['p2p.preference' => 'enabled']);
        $this->assertSame('12.34.56.78', $located->getLocation());
        [$status] = $this->emulator->connect($session->getSessionId(), $sdk->generate_token($session->getSessionId(), 'moderator'));
        $this->assertSame(201, $status);
        $this->expectException(InvalidArgumentException::class);
        $sdk->create_session(null, ['p2p.preference' => 'sometimes']);
    }

    public function testIntAndStringApiKeysAreOneClient(): void
    {
        $int = new OpenTok((int) Emulator::API_KEY, Emulator::API_SECRET, ['apiUrl' => $this->emulator->url]);
        $sid = $int->createSession()->getSessionId();
        [$status] = $this->emulator->connect($sid, $this->opentok->generateToken($sid));
        $this->assertSame(201, $status);
    }

    public function testConstructorChecksItsArguments(): void
    {
        foreach ([
            [[], Emulator::API_SECRET, [], 'apiKey'],
            [Emulator::API_KEY, 42, [], 'apiSecret'],
            [Emulator::API_KEY, Emulator::API_SECRET, ['apiUrl' => 'ftp://x'], 'api_url'],
            [Emulator::API_KEY, Emulator::API_SECRET, ['timeout' => -1], 'timeout'],
            [Emulator::API_KEY, Emulator::API_SECRET, ['timeout' => 'soon'], 'timeout'],
            [Emulator::API_KEY, Emulator::API_SECRET, 'not options', 'options'],
        ] as [$key, $secret, $options, $field]) {
            try {
                new OpenTok($key, $secret, $options);
                $this->fail("accepted a bad $field");
            } catch (InvalidArgumentException $e) {
                $this->assertSame($field, $e->field, $e->getMessage());
                $this->assertStringNotContainsString(Emulator::API_SECRET, $e->getMessage());
            }
        }
    }

    public function testUserAgentNamesPhp(): void
    {
        $this->assertMatchesRegularExpression('#^opentok-native/\S+ php/8\.#', $this->opentok->getUserAgent());
        $this->assertSame($this->emulator->url, $this->opentok->getApiUrl());
    }
}
