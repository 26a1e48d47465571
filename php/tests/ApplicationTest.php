<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Exception\InvalidArgumentException;
use OpenTok\MediaMode;
use OpenTok\OpenTok;
use PHPUnit\Framework\TestCase;

/** Vonage application credentials: an application id and its private key (text or path). */
final class ApplicationTest extends TestCase
{
    public function testPrivateKeyTextAndPath(): void
    {
        $emulator = Emulator::withApplication();
        $pem = (string) file_get_contents(Emulator::keys() . '/app_private.pem');
        foreach ([$pem, Emulator::keys() . '/app_private.pem'] as $key) {
            $client = new OpenTok(Emulator::APP_ID, $key, ['apiUrl' => $emulator->url]);
            $session = $client->createSession(['mediaMode' => MediaMode::ROUTED]);
            $token = $session->generateToken(['role' => 'moderator', 'data' => 'app']);
            $header = json_decode(base64_decode(strtr(explode('.', $token)[0], '-_', '+/')), true);
            $this->assertSame('RS256', $header['alg']);
            [$status, $body] = $emulator->connect($session->getSessionId(), $token);
            $this->assertSame(201, $status, json_encode($body));
            $this->assertSame(1, $client->listConnections($session->getSessionId())->totalCount());
        }
    }

    public function testDefaultApiUrlIsVonages(): void
    {
        $pem = (string) file_get_contents(Emulator::keys() . '/app_private.pem');
        $client = new OpenTok(Emulator::APP_ID, $pem);
        $this->assertSame('https://video.api.vonage.com', $client->getApiUrl());
        $this->assertSame('https://api.opentok.com', (new OpenTok('123456', Emulator::API_SECRET))->getApiUrl());
    }

    public function testLegacyTokensNeedAProject(): void
    {
        $emulator = Emulator::withApplication();
        $pem = (string) file_get_contents(Emulator::keys() . '/app_private.pem');
        $client = new OpenTok(Emulator::APP_ID, $pem, ['apiUrl' => $emulator->url]);
        $sid = $client->createSession()->getSessionId();
        $this->expectException(InvalidArgumentException::class);
        $client->generateToken($sid, [], true);
    }

    public function testMissingKeyFile(): void
    {
        try {
            new OpenTok(Emulator::APP_ID, '/nonexistent/private.key');
            $this->fail('accepted a missing key file');
        } catch (InvalidArgumentException $e) {
            $this->assertNotEmpty($e->field);
        }
    }
}
