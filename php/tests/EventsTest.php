<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Event;
use OpenTok\Events;
use OpenTok\Exception\InvalidArgumentException;

/**
 * Webhook events: the shared documents of tests/events/ parsed by OpenTok\Events::parse show
 * what expected.json lists (the core and every binding check the same values), the PHP shapes
 * (a final class per event under families, readonly typed properties), bad input, the emulator
 * delivering a session's events to a real listener, and examples/php/webhook.php.
 */
final class EventsTest extends EmulatorTestCase
{
    private const DOCS = __DIR__ . '/../../tests/events';

    /** @var list<resource> */
    private array $servers = [];
    /** @var list<string> */
    private array $files = [];

    protected function tearDown(): void
    {
        foreach ($this->servers as $server) {
            proc_terminate($server);
            proc_close($server);
        }
        foreach ($this->files as $file) {
            @unlink($file);
        }
    }

    private static function expected(): array
    {
        return json_decode((string) file_get_contents(self::DOCS . '/expected.json'), true, 512, JSON_THROW_ON_ERROR);
    }

    private static function doc(string $name): string
    {
        return (string) file_get_contents(self::DOCS . '/' . $name);
    }

    /** `a.b_c` (expected.json's snake_case path) read as `$event->a->bC` (arrays by key). */
    private static function valueAt(object $event, string $path)
    {
        $value = $event;
        foreach (explode('.', $path) as $name) {
            $camel = lcfirst(str_replace(' ', '', ucwords(str_replace('_', ' ', $name))));
            if (is_object($value)) {
                self::assertTrue(property_exists($value, $camel), get_class($value) . " has $camel ($path)");
                $value = $value->$camel;
            } else {
                self::assertIsArray($value, $path);
                self::assertArrayHasKey($name, $value, $path);
                $value = $value[$name];
            }
        }
        return $value;
    }

    /** @return iterable<string, array{string}> */
    public static function documents(): iterable
    {
        foreach (array_keys(self::expected()['events']) as $name) {
            yield $name => [$name];
        }
    }

    /** @return iterable<string, array{string}> */
    public static function unknownDocuments(): iterable
    {
        foreach (self::expected()['unknown'] as $name) {
            yield $name => [$name];
        }
    }

    /** @dataProvider documents */
    public function testEachDocumentShowsTheExpectedValues(string $name): void
    {
        $want = self::expected()['events'][$name];
        $event = Events::parse(self::doc($name));
        $this->assertInstanceOf(Event\Event::class, $event);
        $this->assertSame($want['type'], $event->type);
        $this->assertSame($want['type'], $event::TYPE, 'the class is the one of its event');
        $this->assertSame($want['session_id'], $event->sessionId);
        $this->assertSame($want['status'], property_exists($event, 'status') ? $event->status : null);
        $this->assertSame($want['status'] !== null, $event instanceof Event\StatusEvent);
        foreach ($want['fields'] as $path => $value) {
            $this->assertSame($value, self::valueAt($event, $path), $path);
        }
    }

    /** @dataProvider documents */
    public function testTheDecodedArrayReadsAsTheBodyDoes(string $name): void
    {
        $body = self::doc($name);
        $this->assertEquals(Events::parse($body), Events::parse(json_decode($body, true)));
    }

    /** @dataProvider unknownDocuments */
    public function testUnknownDocumentsComeBackWhole(string $name): void
    {
        $body = self::doc($name);
        $event = Events::parse($body);
        $this->assertInstanceOf(Event\Unknown::class, $event);
        $this->assertSame('unknown', $event->type);
        $this->assertEquals(json_decode($body, true), json_decode($event->raw, true));
    }

    /** @return iterable<string, array{string}> */
    public static function jsonThatIsNoEvent(): iterable
    {
        yield 'a list' => ['[1, 2]'];
        yield 'a number' => ['42'];
        yield 'null' => ['null'];
        yield 'a string' => ['"connectionCreated"'];
        yield 'an empty object' => ['{}'];
        yield 'an event name of the wrong type' => ['{"event": 7, "sessionId": "s"}'];
        yield 'a connection without its id' => ['{"event": "connectionCreated", "sessionId": "s", "connection": {}}'];
    }

    /** @dataProvider jsonThatIsNoEvent */
    public function testJsonIsNeverAnErrorButUnknown(string $body): void
    {
        $event = Events::parse($body);
        $this->assertInstanceOf(Event\Unknown::class, $event);
        $this->assertEquals(json_decode($body, true), json_decode($event->raw, true));
    }

    public function testTheClassesAreTheEventFamilies(): void
    {
        $families = [
            Event\SessionEvent::class => [Event\SessionCreated::class, Event\SessionDestroyed::class, Event\SessionNotification::class],
            Event\ConnectionEvent::class => [Event\ConnectionCreated::class, Event\ConnectionDestroyed::class],
            Event\StreamEvent::class => [Event\StreamCreated::class, Event\StreamDestroyed::class],
            Event\CallEvent::class => [Event\CallCreated::class, Event\CallUpdated::class, Event\CallDestroyed::class],
            Event\StatusEvent::class => [Event\ArchiveChanged::class, Event\BroadcastChanged::class, Event\CaptionsChanged::class, Event\RenderChanged::class],
            Event\Event::class => [Event\Unknown::class],
        ];
        $types = [];
        foreach ($families as $family => $classes) {
            $this->assertTrue((new \ReflectionClass($family))->isAbstract(), $family);
            foreach ($classes as $class) {
                $r = new \ReflectionClass($class);
                $this->assertTrue($r->isFinal(), $class);
                $this->assertSame($family, $r->getParentClass()->getName(), $class);
                $this->assertTrue($r->isSubclassOf(Event\Event::class), $class);
                $types[] = $class::TYPE;
            }
        }
        foreach ([Event\SessionEvent::class, Event\ConnectionEvent::class, Event\StreamEvent::class, Event\CallEvent::class] as $f) {
            $this->assertSame(Event\MonitoringEvent::class, get_parent_class($f));
        }
        // One class per name the core gives (the same 15 as every binding).
        $this->assertCount(15, array_unique($types));
    }

    public function testPropertiesAreTypedAndReadonly(): void
    {
        $event = Events::parse(self::doc('stream_created.json'));
        $this->assertInstanceOf(Event\StreamCreated::class, $event);
        $this->assertInstanceOf(Event\StreamInfo::class, $event->stream);
        $this->assertInstanceOf(Event\ConnectionInfo::class, $event->stream->connection);
        $this->assertSame('name=Ada', $event->stream->connection->data);
        $types = [];
        foreach ((new \ReflectionClass($event))->getProperties() as $p) {
            $this->assertTrue($p->isReadOnly(), $p->getName());
            $types[$p->getName()] = (string) $p->getType();
        }
        $this->assertSame(
            ['type' => 'string', 'sessionId' => '?string', 'projectId' => '?string', 'timestamp' => '?int', 'reason' => '?string', 'stream' => 'OpenTok\\Event\\StreamInfo'],
            $types
        );
        $archive = Events::parse(self::doc('archive_available.json'));
        $this->assertSame('OpenTok\\Archive', (string) (new \ReflectionProperty($archive, 'archive'))->getType());
        try {
            $event->sessionId = 'another';
            $this->fail('a readonly property was written');
        } catch (\Error $e) {
            $this->assertStringContainsString('readonly', $e->getMessage());
        }
        try {
            $event->stream->connection->data = 'x';
            $this->fail('a readonly nested property was written');
        } catch (\Error $e) {
            $this->assertStringContainsString('readonly', $e->getMessage());
        }
        $this->expectException(\Error::class);
        $event->typo = 1; // no dynamic properties
    }

    public function testTheBaseClassesCannotBeInstantiated(): void
    {
        $this->expectException(\Error::class);
        $this->expectExceptionMessage('abstract');
        new Event\MonitoringEvent();
    }

    public function testAnArchiveWithAStatusTheSdkDoesNotKnowKeepsIt(): void
    {
        $event = Events::parse(self::doc('archive_unknown_status.json'));
        $this->assertInstanceOf(Event\ArchiveChanged::class, $event);
        $this->assertInstanceOf(\OpenTok\Archive::class, $event->archive);
        $this->assertSame(['transcoding', 'unknown'], [$event->status, $event->archive->status]);
    }

    public function testTheBroadcastAndRenderDocumentsAreTheModelClasses(): void
    {
        $broadcast = Events::parse(self::doc('broadcast_stopped.json'));
        $this->assertInstanceOf(\OpenTok\Broadcast::class, $broadcast->broadcast);
        $this->assertSame('offline', $broadcast->broadcast->broadcastUrls['rtmp'][0]['status']);
        $render = Events::parse(self::doc('render_started.json'));
        $this->assertInstanceOf(\OpenTok\Render::class, $render->render);
        $this->assertSame('started', $render->status);
    }

    /** @return iterable<string, array{string}> */
    public static function notJson(): iterable
    {
        yield 'text' => ['not json'];
        yield 'empty' => [''];
        yield 'not UTF-8' => ["\xff\xfe"];
        yield 'cut short' => ['{"event":'];
        yield 'two documents' => ['{} {}'];
    }

    /** @dataProvider notJson */
    public function testABodyThatIsNotJsonIsAnInvalidArgumentNamingTheRule(string $body): void
    {
        try {
            Events::parse($body);
            $this->fail('no exception');
        } catch (InvalidArgumentException $e) {
            $this->assertInstanceOf(\InvalidArgumentException::class, $e);
            $this->assertSame('body', $e->field);
            $this->assertSame('invalid_argument', $e->kind);
            $this->assertStringContainsString('body', $e->getMessage());
            $this->assertStringContainsString('must be a JSON document', $e->getMessage());
        }
    }

    /** @return iterable<string, array{mixed}> */
    public static function wrongTypes(): iterable
    {
        yield 'null' => [null];
        yield 'an int' => [42];
        yield 'a float' => [1.5];
        yield 'a bool' => [true];
        yield 'an object' => [(object) ['event' => 'connectionCreated']];
    }

    /** @dataProvider wrongTypes */
    public function testABodyOfTheWrongTypeIsAnInvalidArgument($body): void
    {
        try {
            Events::parse($body);
            $this->fail('no exception');
        } catch (InvalidArgumentException $e) {
            $this->assertSame('body', $e->field);
            $this->assertStringContainsString('must be a string (the request body) or an array', $e->getMessage());
        }
    }

    public function testHostileArraysAreInvalidArgumentsNotCrashes(): void
    {
        $deep = [];
        for ($i = 0; $i < 100; $i++) {
            $deep = ['event' => 'connectionCreated', 'x' => $deep];
        }
        $cycle = ['event' => 'archive'];
        $cycle['self'] = &$cycle;
        foreach ([$deep, $cycle, ['sessionId' => "\xff"], ['timestamp' => NAN]] as $i => $body) {
            try {
                Events::parse($body);
                $this->fail("case $i: no exception");
            } catch (InvalidArgumentException $e) {
                $this->assertStringStartsWith('body', (string) $e->field, "case $i");
            }
        }
    }

    /** The extension library this process loaded. */
    private static function extensionPath(): string
    {
        preg_match('#\s(/\S*libopentok_php\.so)$#m', (string) file_get_contents('/proc/self/maps'), $m);
        self::assertNotEmpty($m, 'the opentok extension is not mapped into this process');
        return $m[1];
    }

    /**
     * `php -S` on a free loopback port with `$router`: its URL. `$stdout` gets the server's
     * standard output.
     *
     * @param list<string> $phpArgs
     */
    private function server(string $router, array $phpArgs, array $env, string $stdout): string
    {
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr((string) strrchr((string) stream_socket_get_name($probe, false), ':'), 1);
        fclose($probe);
        $server = proc_open(
            array_merge([PHP_BINARY, '-n'], $phpArgs, ['-S', "127.0.0.1:$port", $router]),
            [1 => ['file', $stdout, 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
            null,
            $env + getenv()
        );
        $this->assertIsResource($server);
        $this->servers[] = $server;
        for ($i = 0; $i < 250 && !@fsockopen('127.0.0.1', $port); $i++) {
            usleep(20000);
        }
        return "http://127.0.0.1:$port";
    }

    private function tempFile(): string
    {
        $file = (string) tempnam(sys_get_temp_dir(), 'opentok-php-events-');
        $this->files[] = $file;
        return $file;
    }

    /** @return list<Event\Event> every body the listener received, parsed by this extension */
    private static function received(string $file): array
    {
        $lines = array_filter(explode("\n", (string) file_get_contents($file)));
        return array_values(array_map(fn (string $l) => Events::parse((string) base64_decode($l, true)), $lines));
    }

    private static function label(Event\Event $e): string
    {
        return $e instanceof Event\ArchiveChanged || $e instanceof Event\BroadcastChanged ? "{$e->type} {$e->status}" : $e->type;
    }

    /**
     * The issue's end-to-end check: a `php -S` listener registered as the project's callback
     * receives, parsed by this extension, connectionCreated, streamCreated, archive started /
     * stopped / available, and broadcast stopped once the clock passes the broadcast's maxDuration.
     */
    public function testTheEmulatorDeliversASessionsEventsInOrder(): void
    {
        $file = $this->tempFile();
        $url = $this->server(__DIR__ . '/fixtures/hook_router.php', [], ['HOOK_FILE' => $file], '/dev/null') . '/hook';
        $callback = '/emulator/v1/projects/' . Emulator::API_KEY . '/callback-url';
        [$status] = $this->emulator->request('PUT', $callback, ['url' => $url]);
        $this->assertSame(200, $status);
        try {
            $session = $this->opentok->createSession(['mediaMode' => \OpenTok\MediaMode::ROUTED]);
            $sid = $session->getSessionId();
            [$status, $connection] = $this->emulator->connect($sid, $session->generateToken(['data' => 'name=e2e']));
            $this->assertSame(201, $status, json_encode($connection));
            $stream = $this->emulator->publish($sid, $connection['connectionId'], ['name' => 'cam']);
            $archive = $this->opentok->startArchive($sid, ['name' => 'e2e']);
            $this->opentok->stopArchive($archive->id);
            $broadcast = $this->opentok->startBroadcast($sid, ['outputs' => ['hls' => []], 'maxDuration' => 60]);
            [$status, $clock] = $this->emulator->request('POST', '/emulator/v1/clock', ['advance' => 61]);
            $this->assertSame(200, $status);
            $this->assertSame(1, $clock['stopped'] ?? null, json_encode($clock));

            $mine = fn () => array_values(array_filter(self::received($file), fn (Event\Event $e) => $e->sessionId === $sid));
            $labels = fn () => array_map([self::class, 'label'], $mine());
            for ($deadline = microtime(true) + 15; !in_array('broadcast stopped', $labels(), true) && microtime(true) < $deadline;) {
                usleep(50000);
            }
            $seen = $labels();
            $wanted = ['connectionCreated', 'streamCreated', 'archive started', 'archive stopped', 'archive available', 'broadcast stopped'];
            $this->assertSame($wanted, array_values(array_filter($seen, fn ($l) => in_array($l, $wanted, true))), json_encode($seen));

            $byLabel = [];
            foreach ($mine() as $e) {
                $byLabel[self::label($e)] = $e;
            }
            $this->assertInstanceOf(Event\ConnectionCreated::class, $byLabel['connectionCreated']);
            $this->assertSame($connection['connectionId'], $byLabel['connectionCreated']->connection->id);
            $this->assertSame('name=e2e', $byLabel['connectionCreated']->connection->data);
            $this->assertInstanceOf(Event\StreamCreated::class, $byLabel['streamCreated']);
            $this->assertSame([$stream['id'], 'cam'], [$byLabel['streamCreated']->stream->id, $byLabel['streamCreated']->stream->name]);
            $this->assertSame($archive->id, $byLabel['archive available']->archive->id);
            $this->assertSame('available', $byLabel['archive available']->archive->status);
            $this->assertSame($broadcast->id, $byLabel['broadcast stopped']->broadcast->id);
            $this->assertSame(Emulator::API_KEY, $byLabel['connectionCreated']->projectId);
        } finally {
            $this->emulator->request('DELETE', $callback, null);
        }
    }

    /** examples/php/webhook.php under `php -S` logs one line per event and refuses what is not JSON. */
    public function testTheExampleWebhookLogsEachEvent(): void
    {
        $log = $this->tempFile();
        $example = dirname(__DIR__, 2) . '/examples/php/webhook.php';
        $url = $this->server($example, ['-d', 'extension=' . self::extensionPath()], [], $log);
        $post = function (string $body) use ($url): int {
            $context = stream_context_create(['http' => [
                'method' => 'POST',
                'header' => "Content-Type: application/json\r\n",
                'content' => $body,
                'ignore_errors' => true,
                'timeout' => 10,
            ]]);
            file_get_contents("$url/hook", false, $context);
            preg_match('#^HTTP/\S+ (\d+)#', $http_response_header[0] ?? '', $m);
            return (int) ($m[1] ?? 0);
        };
        $this->assertSame(200, $post(self::doc('connection_created.json')));
        $this->assertSame(200, $post(self::doc('archive_available.json')));
        $this->assertSame(200, $post(self::doc('broadcast_stopped.json')));
        $this->assertSame(200, $post(self::doc('unknown_event.json')));
        $this->assertSame(400, $post('not json'));
        $lines = [];
        for ($deadline = microtime(true) + 5; count($lines) < 5 && microtime(true) < $deadline; usleep(20000)) {
            $lines = array_values(array_filter(explode("\n", (string) file_get_contents($log))));
        }
        $this->assertCount(5, $lines, implode("\n", $lines));
        $this->assertSame(
            "connectionCreated 2_MX4xMjM0NTZ-fjE0NzAyNTc2Nzk5MTh-QXRr connection=c053fcc8-c681-41d5-8ec2-7a9e1434a21e data='name=Ada'",
            $lines[0]
        );
        $this->assertSame(
            'archive b40ef09b-3811-4726-b508-e41a0f96c68f available url=https://example.com/123456/b40ef09b-3811-4726-b508-e41a0f96c68f/archive.mp4',
            $lines[1]
        );
        $this->assertSame('broadcast 1748b7070a81464c9759c46ad10d3734 stopped', $lines[2]);
        $this->assertStringStartsWith('unknown event: {', $lines[3]);
        $this->assertStringContainsString('streamPropertyChanged', $lines[3]);
        $this->assertStringStartsWith('rejected: invalid body: must be a JSON document', $lines[4]);
    }
}
