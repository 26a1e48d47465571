<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use PHPUnit\Framework\TestCase;

/** php/stubs/opentok.php declares exactly what the extension registers. */
final class StubsTest extends TestCase
{
    public function testStubsMatchTheExtension(): void
    {
        $describe = __DIR__ . '/support/describe.php';
        $stubs = dirname(__DIR__) . '/stubs/opentok.php';
        // The extension's shape, from this process (it has the extension loaded).
        $loaded = shell_exec(escapeshellarg(PHP_BINARY) . ' -d extension=' . escapeshellarg(self::extensionPath()) . ' ' . escapeshellarg($describe));
        // The stubs' shape, from a PHP without the extension.
        $declared = shell_exec(escapeshellarg(PHP_BINARY) . ' -n ' . escapeshellarg($describe) . ' ' . escapeshellarg($stubs));
        $this->assertNotEmpty($loaded);
        $this->assertNotEmpty($declared);
        $extension = json_decode($loaded, true);
        $stubbed = json_decode($declared, true);
        $this->assertSame(array_keys($extension), array_keys($stubbed), 'the same classes');
        foreach ($extension as $class => $shape) {
            $this->assertSame(json_encode($shape), json_encode($stubbed[$class]), $class);
        }
    }

    /** The extension library this process loaded, from its memory map. */
    private static function extensionPath(): string
    {
        preg_match('#\s(/\S*libopentok_php\.so)$#m', (string) file_get_contents('/proc/self/maps'), $m);
        self::assertNotEmpty($m, 'the opentok extension is not mapped into this process');
        return $m[1];
    }
}
