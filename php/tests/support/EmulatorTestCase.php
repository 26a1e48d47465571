<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\OpenTok;
use PHPUnit\Framework\TestCase;

/** A test case with the shared emulator and a client of it. */
abstract class EmulatorTestCase extends TestCase
{
    protected Emulator $emulator;
    protected OpenTok $opentok;

    protected function setUp(): void
    {
        $this->emulator = Emulator::shared();
        $this->opentok = $this->emulator->client();
    }

    /** A routed session's id. */
    protected function routedSession(): string
    {
        return $this->opentok->createSession(['mediaMode' => \OpenTok\MediaMode::ROUTED])->getSessionId();
    }

    /** The claims of a JWT, decoded (no check: the emulator verifies). */
    protected static function claims(string $jwt): array
    {
        $parts = explode('.', $jwt);
        self::assertCount(3, $parts, 'a JWT has three parts');
        return json_decode(base64_decode(strtr($parts[1], '-_', '+/')), true);
    }
}
