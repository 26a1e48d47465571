<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Exception;
use OpenTok\Layout;
use OpenTok\OpenTok;

/** The official exception tree, and which class each kind of failure raises. */
final class ExceptionTest extends EmulatorTestCase
{
    /** @var resource|null */
    private static $faultServer = null;
    private static string $faultUrl = '';

    public static function tearDownAfterClass(): void
    {
        if (is_resource(self::$faultServer)) {
            proc_terminate(self::$faultServer);
            proc_close(self::$faultServer);
        }
    }

    /** A `php -S` server running tests/fixtures/fault_router.php on a free port. */
    private static function faultUrl(string $fault): string
    {
        if (self::$faultUrl === '') {
            $probe = stream_socket_server('tcp://127.0.0.1:0');
            $port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
            fclose($probe);
            self::$faultServer = proc_open(
                [PHP_BINARY, '-n', '-S', "127.0.0.1:$port", __DIR__ . '/fixtures/fault_router.php'],
                [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']],
                $pipes
            );
            for ($i = 0; $i < 100 && !@fsockopen('127.0.0.1', $port); $i++) {
                usleep(20000);
            }
            self::$faultUrl = "http://127.0.0.1:$port";
        }
        return self::$faultUrl . "/fault/$fault";
    }

    /** @return iterable<string, array{string, string, list<string>}> */
    public static function officialTree(): iterable
    {
        $ns = 'OpenTok\\Exception\\';
        yield 'InvalidArgumentException' => ["{$ns}InvalidArgumentException", \InvalidArgumentException::class, ["{$ns}Exception"]];
        yield 'DomainException' => ["{$ns}DomainException", \DomainException::class, ["{$ns}Exception"]];
        yield 'UnexpectedValueException' => ["{$ns}UnexpectedValueException", \UnexpectedValueException::class, ["{$ns}Exception"]];
        yield 'AuthenticationException' => ["{$ns}AuthenticationException", "{$ns}DomainException", ["{$ns}Exception"]];
        foreach (['Archive', 'Broadcast'] as $f) {
            yield "{$f}AuthenticationException" => ["{$ns}{$f}AuthenticationException", "{$ns}AuthenticationException", ["{$ns}{$f}Exception"]];
            yield "{$f}DomainException" => ["{$ns}{$f}DomainException", "{$ns}DomainException", ["{$ns}{$f}Exception"]];
            yield "{$f}UnexpectedValueException" => ["{$ns}{$f}UnexpectedValueException", "{$ns}UnexpectedValueException", ["{$ns}{$f}Exception"]];
        }
        foreach (['ForceDisconnect', 'Signal'] as $f) {
            yield "{$f}AuthenticationException" => ["{$ns}{$f}AuthenticationException", "{$ns}AuthenticationException", ["{$ns}{$f}Exception"]];
            yield "{$f}ConnectionException" => ["{$ns}{$f}ConnectionException", "{$ns}DomainException", ["{$ns}{$f}Exception"]];
            yield "{$f}UnexpectedValueException" => ["{$ns}{$f}UnexpectedValueException", "{$ns}UnexpectedValueException", ["{$ns}{$f}Exception"]];
        }
        yield 'SignalNetworkConnectionException' => ["{$ns}SignalNetworkConnectionException", \RuntimeException::class, ["{$ns}SignalException"]];
    }

    /** @dataProvider officialTree */
    public function testOfficialTree(string $class, string $parent, array $interfaces): void
    {
        $this->assertTrue(class_exists($class), $class);
        $this->assertSame($parent, get_parent_class($class));
        foreach ($interfaces as $i) {
            $this->assertTrue(interface_exists($i), $i);
            $this->assertContains($i, class_implements($class));
        }
        $this->assertContains('OpenTok\\Exception\\Exception', class_implements($class));
        // Constructible from PHP like any exception, with the facts at their defaults.
        $e = new $class('made by hand', 7);
        $this->assertSame('made by hand', $e->getMessage());
        $this->assertSame(7, $e->getCode());
        $this->assertNull($e->kind);
        $this->assertNull($e->httpStatus);
        $this->assertFalse($e->retryable);
    }

    public function testWrongSecretIsAnAuthenticationException(): void
    {
        $sid = $this->routedSession();
        $bad = new OpenTok(Emulator::API_KEY, str_repeat('0', 40), ['apiUrl' => $this->emulator->url]);
        $calls = [
            Exception\AuthenticationException::class => fn () => $bad->listStreams($sid),
            Exception\ArchiveAuthenticationException::class => fn () => $bad->listArchives(),
            Exception\BroadcastAuthenticationException::class => fn () => $bad->getBroadcast('00000000-0000-0000-0000-000000000000'),
            Exception\ForceDisconnectAuthenticationException::class => fn () => $bad->forceDisconnect($sid, 'c'),
            Exception\SignalAuthenticationException::class => fn () => $bad->signal($sid, ['data' => 'x']),
        ];
        foreach ($calls as $class => $call) {
            try {
                $call();
                $this->fail("$class: accepted a wrong secret");
            } catch (Exception\AuthenticationException $e) {
                $this->assertInstanceOf($class, $e);
                $this->assertSame('authentication', $e->kind, $e->getMessage());
                $this->assertContains($e->httpStatus, [401, 403]);
                $this->assertStringNotContainsString(str_repeat('0', 40), $e->getMessage());
            }
        }
    }

    public function testServerErrorsAreUnexpectedValuesAndRetryable(): void
    {
        $client = new OpenTok(Emulator::API_KEY, Emulator::API_SECRET, ['apiUrl' => self::faultUrl('500'), 'timeout' => 5]);
        try {
            $client->getArchive('00000000-0000-0000-0000-000000000000');
            $this->fail('a 500 was a success');
        } catch (Exception\ArchiveUnexpectedValueException $e) {
            $this->assertSame(500, $e->httpStatus);
            $this->assertSame('server', $e->kind);
            $this->assertTrue($e->retryable);
            $this->assertStringContainsString('bad day', $e->getMessage());
        }
        $this->expectException(Exception\UnexpectedValueException::class);
        $client->listStreams('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4');
    }

    public function testUnreadableAnswersAreUnexpectedValues(): void
    {
        $client = new OpenTok(Emulator::API_KEY, Emulator::API_SECRET, ['apiUrl' => self::faultUrl('garbage'), 'timeout' => 5]);
        try {
            $client->getBroadcast('00000000-0000-0000-0000-000000000000');
            $this->fail('garbage was a broadcast');
        } catch (Exception\BroadcastUnexpectedValueException $e) {
            $this->assertSame('invalid_response', $e->kind);
        }
    }

    public function testUnreachableServer(): void
    {
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $url = 'http://' . stream_socket_get_name($probe, false);
        fclose($probe);
        $client = new OpenTok(Emulator::API_KEY, Emulator::API_SECRET, ['apiUrl' => $url, 'timeout' => 2]);
        try {
            $client->signal('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4', ['data' => 'x']);
            $this->fail('signalled nowhere');
        } catch (Exception\SignalNetworkConnectionException $e) {
            $this->assertInstanceOf(\RuntimeException::class, $e);
            $this->assertSame('connect', $e->kind);
            $this->assertNull($e->httpStatus);
            $this->assertTrue($e->retryable);
        }
        $this->expectException(Exception\UnexpectedValueException::class);
        $client->createSession();
    }

    public function testEveryExceptionIsCaughtByTheInterface(): void
    {
        $caught = 0;
        foreach ([
            fn () => $this->opentok->generateToken('nope'),
            fn () => $this->opentok->getArchive('00000000-0000-0000-0000-000000000000'),
            fn () => Layout::createCustom([]),
            fn () => $this->opentok->signal('1_MX4xMjM0NTZ-fm5vLXN1Y2gtc2Vzc2lvbn4', ['data' => 'x'], 'c'),
        ] as $call) {
            try {
                $call();
            } catch (Exception\Exception $e) {
                $caught++;
                $this->assertInstanceOf(\Exception::class, $e);
                $this->assertStringNotContainsString(Emulator::API_SECRET, $e->getMessage() . $e->getTraceAsString());
            }
        }
        $this->assertSame(4, $caught);
    }
}
