<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Exception\ArchiveDomainException;

/**
 * One PHP-FPM worker serves many requests in sequence: one client, 10,000 calls (REST calls that
 * succeed and fail, tokens), and neither PHP's heap nor the process's resident memory grows.
 */
final class ReuseTest extends EmulatorTestCase
{
    private const CALLS = 10000;

    private static function rssKb(): int
    {
        preg_match('/^VmRSS:\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $m);
        return (int) $m[1];
    }

    private function round(string $sid, int $i): void
    {
        switch ($i % 4) {
            case 0:
                $this->opentok->listConnections($sid)->getItems();
                break;
            case 1:
                try {
                    $this->opentok->getArchive('00000000-0000-0000-0000-000000000000');
                } catch (ArchiveDomainException $e) {
                    // the failure path allocates an exception object each time
                }
                break;
            case 2:
                $this->opentok->generateToken($sid, ['role' => 'moderator', 'data' => "call $i"]);
                break;
            default:
                $this->opentok->getStream($sid, $this->streamId);
        }
    }

    private string $streamId = '';

    public function testTenThousandCallsLeakNothing(): void
    {
        [$sid, , $this->streamId] = $this->emulator->liveSession($this->opentok);
        // Warm up: the runtime, the connection pool and PHP's caches reach their steady size.
        for ($i = 0; $i < 1000; $i++) {
            $this->round($sid, $i);
        }
        gc_collect_cycles();
        $heap = memory_get_usage();
        $rss = self::rssKb();
        $started = microtime(true);
        for ($i = 0; $i < self::CALLS; $i++) {
            $this->round($sid, $i);
        }
        gc_collect_cycles();
        $seconds = microtime(true) - $started;
        $heapGrowth = memory_get_usage() - $heap;
        $rssGrowth = self::rssKb() - $rss;
        $this->assertLessThan(64 * 1024, $heapGrowth, "PHP heap grew by $heapGrowth bytes over " . self::CALLS . ' calls');
        $this->assertLessThan(4 * 1024, $rssGrowth, "RSS grew by $rssGrowth kB over " . self::CALLS . ' calls');
        $this->assertLessThan(120, $seconds);
        if (getenv("OPENTOK_REUSE_REPORT")) {
            fwrite(STDERR, sprintf("\n%d calls in %.1f s: heap %+d bytes, RSS %+d kB\n", self::CALLS, $seconds, $heapGrowth, $rssGrowth));
        }
    }
}
