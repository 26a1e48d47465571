<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Exception\Exception as OpenTokException;
use OpenTok\Exception\InvalidArgumentException;
use OpenTok\MediaMode;
use OpenTok\OpenTok;
use OpenTok\Role;

final class TokenTest extends EmulatorTestCase
{
    /** @return array<string, mixed> */
    private static function vectors(): array
    {
        return json_decode((string) file_get_contents(dirname(__DIR__, 2) . '/tests/vectors/tokens.json'), true);
    }

    /** A client with the vector's fixed clock and nonce. */
    private static function fixed(array $input): OpenTok
    {
        return new OpenTok($input['api_key'], $input['api_secret'] ?? Emulator::API_SECRET, [
            '_now' => (int) $input['now'],
            '_nonce' => $input['nonce'] ?? 1,
        ]);
    }

    private static function payload(array $input): array
    {
        $payload = ['role' => $input['role'] ?? Role::PUBLISHER];
        foreach (['expire_time' => 'expireTime', 'data' => 'data', 'initial_layout_class_list' => 'initialLayoutClassList'] as $from => $to) {
            if (array_key_exists($from, $input)) {
                $payload[$to] = $input[$from];
            }
        }
        return $payload;
    }

    public function testJwtVectorsAreByteExact(): void
    {
        $cases = self::vectors()['jwt'];
        $this->assertGreaterThanOrEqual(10, count($cases));
        foreach ($cases as $case) {
            $input = $case['input'];
            $token = self::fixed($input)->generateToken($input['session_id'], self::payload($input));
            $this->assertSame($case['claims'], self::claims($token), $case['name']);
            $this->assertSame($case['token'], $token, $case['name']);
        }
    }

    public function testT1VectorsAreByteExact(): void
    {
        foreach (self::vectors()['t1'] as $case) {
            $input = $case['input'];
            $token = self::fixed($input)->generateToken($input['session_id'], self::payload($input), true);
            $this->assertSame($case['token'], $token, $case['name']);
        }
    }

    public function testRejectVectorsAreInvalidArguments(): void
    {
        foreach (self::vectors()['reject'] as $case) {
            $input = $case['input'];
            $payload = self::payload($input);
            if ($case['name'] === 'role_not_a_role') {
                $payload['role'] = 'admin';
            }
            foreach ([false, true] as $legacy) {
                try {
                    self::fixed($input)->generateToken($input['session_id'], $payload, $legacy);
                    $this->fail("{$case['name']} was accepted");
                } catch (InvalidArgumentException $e) {
                    $this->assertSame('invalid_argument', $e->kind, $case['name']);
                    $this->assertNotEmpty($e->field, $case['name']);
                    $this->assertStringContainsString($e->field, $e->getMessage(), $case['name']);
                }
            }
        }
    }

    public function testTokensAreAcceptedByTheEmulatorsConnect(): void
    {
        $session = $this->opentok->createSession(['mediaMode' => MediaMode::ROUTED]);
        $sid = $session->getSessionId();
        foreach ([Role::PUBLISHER, Role::SUBSCRIBER, Role::MODERATOR, Role::PUBLISHER_ONLY] as $role) {
            foreach ([false, true] as $legacy) {
                $token = $this->opentok->generateToken($sid, [
                    'role' => $role,
                    'data' => "role=$role",
                    'expireTime' => time() + 3600,
                    'initialLayoutClassList' => ['focus', 'full'],
                ], $legacy);
                [$status, $body] = $this->emulator->connect($sid, $token);
                $this->assertSame(201, $status, json_encode($body));
                $this->assertSame($role, $body['role'] ?? null, json_encode($body));
                $this->assertSame("role=$role", $body['data'] ?? null, json_encode($body));
            }
        }
        // Session::generateToken is the same token maker.
        [$status] = $this->emulator->connect($sid, $session->generateToken(['role' => Role::MODERATOR]));
        $this->assertSame(201, $status);
    }

    public function testJwtClaims(): void
    {
        $sid = $this->routedSession();
        $before = time();
        $claims = self::claims($this->opentok->generateToken($sid, ['role' => Role::MODERATOR, 'data' => 'name=Ada', 'initialLayoutClassList' => ['a', 'b']]));
        $this->assertSame($sid, $claims['session_id']);
        $this->assertSame('moderator', $claims['role']);
        $this->assertSame('name=Ada', $claims['connection_data']);
        $this->assertSame('a b', $claims['initial_layout_class_list']);
        $this->assertSame(Emulator::API_KEY, $claims['iss']);
        $this->assertSame('project', $claims['ist']);
        $this->assertSame('session.connect', $claims['scope']);
        $this->assertGreaterThanOrEqual($before, $claims['iat']);
        $this->assertSame($claims['iat'] + 86400, $claims['exp']);
    }

    public function testLegacyTokensAreT1(): void
    {
        $sid = $this->routedSession();
        $token = $this->opentok->generateToken($sid, [], true);
        $this->assertStringStartsWith('T1==', $token);
        $this->assertStringContainsString('partner_id=' . Emulator::API_KEY, base64_decode(substr($token, 4)));
    }

    /** @return iterable<string, array{array<string, mixed>, string}> */
    public static function badPayloads(): iterable
    {
        yield 'bad role' => [['role' => 'admin'], 'role'];
        yield 'role of the wrong type' => [['role' => ['publisher']], 'role'];
        yield 'expired' => [['expireTime' => time() - 60], 'expire_time'];
        yield 'over 30 days' => [['expireTime' => time() + 31 * 86400], 'expire_time'];
        yield 'expiry not a time' => [['expireTime' => 'tomorrow'], 'expire_time'];
        yield 'expiry of the wrong type' => [['expireTime' => [1]], 'expireTime'];
        yield 'data over 1000 characters' => [['data' => str_repeat('x', 1001)], 'data'];
        yield 'data of the wrong type' => [['data' => ['x']], 'data'];
        yield 'layout classes of the wrong type' => [['initialLayoutClassList' => [1, 2]], 'initialLayoutClassList'];
        yield 'layout over 1000 characters' => [['initialLayoutClassList' => [str_repeat('a', 1001)]], 'initial_layout_class_list'];
    }

    /** @dataProvider badPayloads */
    public function testBadPayloadsAreInvalidArguments(array $payload, string $field): void
    {
        $sid = $this->routedSession();
        try {
            $this->opentok->generateToken($sid, $payload);
            $this->fail('no exception');
        } catch (InvalidArgumentException $e) {
            $this->assertInstanceOf(OpenTokException::class, $e);
            $this->assertInstanceOf(\InvalidArgumentException::class, $e);
            $this->assertSame($field, $e->field, $e->getMessage());
            $this->assertFalse($e->retryable);
            $this->assertNull($e->httpStatus);
        }
    }

    public function testDataOfExactly1000CharactersIsFine(): void
    {
        $sid = $this->routedSession();
        [$status] = $this->emulator->connect($sid, $this->opentok->generateToken($sid, ['data' => str_repeat('é', 1000)]));
        $this->assertSame(201, $status);
    }

    public function testSessionIdOfAnotherProjectIsRefused(): void
    {
        $other = new OpenTok('654321', Emulator::API_SECRET, ['apiUrl' => $this->emulator->url]);
        $this->expectException(InvalidArgumentException::class);
        $other->generateToken($this->routedSession());
    }

    public function testWrongArgumentTypes(): void
    {
        foreach ([null, [], 3.5, new \stdClass()] as $bad) {
            try {
                $this->opentok->generateToken($bad);
                $this->fail('accepted ' . gettype($bad));
            } catch (InvalidArgumentException $e) {
                $this->assertSame('sessionId', $e->field);
            }
        }
        try {
            $this->opentok->generateToken($this->routedSession(), 'publisher');
            $this->fail('accepted a string payload');
        } catch (InvalidArgumentException $e) {
            $this->assertSame('payload', $e->field);
        }
    }
}
