<?php
// PHPUnit bootstrap: the extension must be loaded (`php -d extension=...`), and one real
// emulator ($EMULATOR_BIN) runs for the whole suite on a free loopback port.

declare(strict_types=1);

if (!extension_loaded('opentok')) {
    fwrite(STDERR, "the opentok extension is not loaded: run php -d extension=target/debug/libopentok_php.so\n");
    exit(1);
}

require_once __DIR__ . '/support/Emulator.php';
require_once __DIR__ . '/support/EmulatorTestCase.php';
