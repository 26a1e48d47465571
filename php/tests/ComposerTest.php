<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use PHPUnit\Framework\TestCase;

/** An application that requires `ext-opentok` installs with the extension and is refused without. */
final class ComposerTest extends TestCase
{
    private static function composer(string $dir, string $phpArgs, string $command): array
    {
        $composer = '/usr/bin/composer';
        if (!is_file($composer)) {
            self::fail('composer is not installed (make php-tools installs it)');
        }
        $cmd = sprintf(
            'cd %s && COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_HOME=%s %s %s %s %s --no-interaction 2>&1',
            escapeshellarg($dir),
            escapeshellarg($dir . '/.composer'),
            escapeshellarg(PHP_BINARY),
            $phpArgs,
            $composer,
            $command
        );
        exec($cmd, $output, $status);
        return [$status, implode("\n", $output)];
    }

    public function testRequireExtOpentok(): void
    {
        preg_match('#\s(/\S*libopentok_php\.so)$#m', (string) file_get_contents('/proc/self/maps'), $m);
        $this->assertNotEmpty($m, 'the opentok extension is not mapped into this process');
        $dir = sys_get_temp_dir() . '/opentok-composer-' . getmypid();
        @mkdir($dir);
        file_put_contents($dir . '/composer.json', json_encode([
            'name' => 'acme/video-app',
            'require' => ['php' => '>=8.1', 'ext-opentok' => '*'],
            'repositories' => [['packagist.org' => false]],
        ]));
        try {
            [$status, $output] = self::composer($dir, '-d extension=' . escapeshellarg($m[1]), 'install');
            $this->assertSame(0, $status, $output);
            [$status, $output] = self::composer($dir, '', 'check-platform-reqs');
            $this->assertNotSame(0, $status, $output);
            $this->assertStringContainsString('ext-opentok', $output);
            [$status, $output] = self::composer($dir, '-d extension=' . escapeshellarg($m[1]), 'check-platform-reqs');
            $this->assertSame(0, $status, $output);
        } finally {
            exec('rm -rf ' . escapeshellarg($dir));
        }
    }
}
