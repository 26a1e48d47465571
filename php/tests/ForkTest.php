<?php

declare(strict_types=1);

namespace OpenTok\Tests;

/**
 * A worker forked from a process that already made calls (pcntl workers, a PHP-FPM master that
 * preloads) keeps using the same OpenTok object: the child builds its own connections, and the
 * parent's keep working.
 */
final class ForkTest extends EmulatorTestCase
{
    /** Runs `$work` in a forked child; what it returned (or the error it threw), as text. */
    private function inChild(callable $work): string
    {
        $out = tempnam(sys_get_temp_dir(), 'opentok-fork');
        $pid = pcntl_fork();
        if ($pid === 0) {
            try {
                $result = 'ok: ' . $work();
            } catch (\Throwable $e) {
                $result = 'error: ' . get_class($e) . ': ' . $e->getMessage();
            }
            file_put_contents($out, $result);
            // Leave without PHP's shutdown (which would stop the parent's emulator).
            posix_kill(getmypid(), SIGKILL);
        }
        $this->assertGreaterThan(0, $pid, 'fork failed');
        pcntl_waitpid($pid, $status);
        $result = (string) file_get_contents($out);
        unlink($out);
        return $result;
    }

    public function testAForkedChildUsesTheSameClient(): void
    {
        if (!function_exists('pcntl_fork') || !function_exists('posix_kill')) {
            $this->markTestSkipped('pcntl and posix are needed');
        }
        [$sid] = $this->emulator->liveSession($this->opentok);
        $this->assertSame(1, $this->opentok->listConnections($sid)->totalCount());
        $started = microtime(true);
        $child = $this->inChild(fn () => $this->opentok->listConnections($sid)->totalCount() . ' '
            . $this->opentok->createSession()->getSessionId());
        $this->assertStringStartsWith('ok: 1 ', $child);
        $this->assertLessThan(5, microtime(true) - $started, 'the child waited on the parent\'s connections');
        // The parent's pooled connection still works.
        $this->assertSame(1, $this->opentok->listConnections($sid)->totalCount());
    }
}
