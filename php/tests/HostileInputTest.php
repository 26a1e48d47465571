<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Exception\InvalidArgumentException;

/** Values no caller should send still end in the official exception, never a crash. */
final class HostileInputTest extends EmulatorTestCase
{
    /** @return iterable<string, array{mixed}> */
    public static function hostileOptions(): iterable
    {
        $deep = [];
        $cursor = &$deep;
        for ($i = 0; $i < 100; $i++) {
            $cursor['layout'] = [];
            $cursor = &$cursor['layout'];
        }
        unset($cursor);
        yield 'nested 100 levels' => [$deep];

        $cycle = ['name' => 'x'];
        $cycle['self'] = &$cycle;
        yield 'array reference cycle' => [$cycle];

        $object = new \stdClass();
        $object->self = $object;
        yield 'object cycle' => [['name' => $object]];

        yield 'not UTF-8' => [['name' => "\xff\xfe"]];
        yield 'NaN' => [['maxBitrate' => NAN]];
        yield 'infinity' => [['maxBitrate' => INF]];
        yield 'huge int' => [['maxBitrate' => PHP_INT_MAX]];
        yield 'a resource' => [['name' => STDERR]];
        yield 'a closure' => [['name' => fn () => 1]];
    }

    /** @dataProvider hostileOptions */
    public function testHostileOptions($options): void
    {
        $sid = $this->routedSession();
        $this->expectException(InvalidArgumentException::class);
        $this->opentok->startArchive($sid, $options);
    }

    public function testNulBytesAndControlCharacters(): void
    {
        foreach (["abc\0def", "line\r\nX-Injected: 1"] as $bad) {
            try {
                $this->opentok->getArchive($bad);
                $this->fail('accepted ' . json_encode($bad));
            } catch (\OpenTok\Exception\Exception $e) {
                $this->assertStringNotContainsString("\r\n", (string) $e->field);
            }
        }
    }

    public function testExceptionsSurviveTheirClient(): void
    {
        $client = $this->emulator->client();
        try {
            $client->getArchive('00000000-0000-0000-0000-000000000000');
        } catch (\OpenTok\Exception\ArchiveDomainException $e) {
            unset($client);
            gc_collect_cycles();
            $this->assertSame(404, $e->httpStatus);
            $this->assertStringContainsString('archive', strtolower($e->getMessage()));
        }
    }
}
