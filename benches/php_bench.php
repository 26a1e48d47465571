<?php
// Benchmark of the opentok PHP extension: JWT and T1 tokens per second (pure CPU) and
// createSession calls per second against a local emulator ($EMULATOR_BIN, started here).
//
//     make bench-php      # release builds, then:
//     EMULATOR_BIN=target/release/opentok-emulator php -d extension=target/release/libopentok_php.so benches/php_bench.php
//
// Absolute rates only: Packagist is unreachable here, so the official opentok/opentok package
// cannot run beside it. Not a test: it never fails on a number.

declare(strict_types=1);

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const TOKEN_SECONDS = 2.0;
const SESSION_CALLS = 400;

if (!extension_loaded('opentok')) {
    fwrite(STDERR, "load the extension: php -d extension=target/release/libopentok_php.so benches/php_bench.php\n");
    exit(1);
}

/** Calls per second of $call, best of 3 runs of about TOKEN_SECONDS/3 each. */
function rate(callable $call): float
{
    $best = 0.0;
    for ($run = 0; $run < 3; $run++) {
        $n = 0;
        $start = hrtime(true);
        $end = $start + (int) (TOKEN_SECONDS / 3 * 1e9);
        do {
            for ($i = 0; $i < 200; $i++) {
                $call();
            }
            $n += 200;
            $now = hrtime(true);
        } while ($now < $end);
        $best = max($best, $n / (($now - $start) / 1e9));
    }
    return $best;
}

function start_emulator(): array
{
    $bin = getenv('EMULATOR_BIN') ?: '';
    if (!is_executable($bin)) {
        fwrite(STDERR, "set EMULATOR_BIN to the opentok-emulator binary\n");
        exit(1);
    }
    $process = proc_open([$bin, '--port', '0', '--in-memory'], [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    $first = (string) fgets($pipes[1]);
    if (!preg_match('#listening on (http://\S+)#', $first, $m)) {
        fwrite(STDERR, "unexpected emulator output: $first\n");
        exit(1);
    }
    return [$process, rtrim($m[1], '/')];
}

/**
 * A JWT of the same claims made in plain PHP (json_encode, base64url, hash_hmac), the work the
 * official SDK does per token through firebase/php-jwt: a same-run reference, not that SDK.
 */
function php_jwt(string $sessionId): string
{
    $b64 = fn (string $s) => rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
    $now = time();
    $claims = [
        'iss' => API_KEY, 'iat' => $now, 'session_id' => $sessionId, 'role' => 'publisher', 'ist' => 'project',
        'nonce' => mt_rand(), 'scope' => 'session.connect', 'exp' => $now + 86400,
    ];
    $signing = $b64(json_encode(['typ' => 'JWT', 'alg' => 'HS256'])) . '.' . $b64(json_encode($claims));
    return $signing . '.' . $b64(hash_hmac('sha256', $signing, API_SECRET, true));
}

$opentok = new OpenTok\OpenTok(API_KEY, API_SECRET);
$jwt = rate(fn () => $opentok->generateToken(SID));
$t1 = rate(fn () => $opentok->generateToken(SID, [], true));
$payload = ['role' => OpenTok\Role::MODERATOR, 'data' => 'name=Ada', 'initialLayoutClassList' => ['focus']];
$jwtPayload = rate(fn () => $opentok->generateToken(SID, $payload));
$plainPhp = rate(fn () => php_jwt(SID));

[$process, $url] = start_emulator();
$client = new OpenTok\OpenTok(API_KEY, API_SECRET, ['apiUrl' => $url]);
$client->createSession(); // warm the connection
$sessions = 0.0;
for ($run = 0; $run < 3; $run++) {
    $start = hrtime(true);
    for ($i = 0; $i < SESSION_CALLS; $i++) {
        $client->createSession();
    }
    $sessions = max($sessions, SESSION_CALLS / ((hrtime(true) - $start) / 1e9));
}
proc_terminate($process);
proc_close($process);

/** Median wall time and RSS of `php -n [-d extension=...] -r <probe>`, over 7 runs. */
function startup_cost(?string $extension): array
{
    $probe = 'preg_match("/^VmRSS:\\s+(\\d+)/m", file_get_contents("/proc/self/status"), $m); echo $m[1];';
    $times = [];
    $rss = [];
    for ($i = 0; $i < 7; $i++) {
        $cmd = escapeshellarg(PHP_BINARY) . ' -n ' . ($extension ? '-d extension=' . escapeshellarg($extension) . ' ' : '') . '-r ' . escapeshellarg($probe);
        $start = hrtime(true);
        $out = (string) shell_exec($cmd);
        $times[] = (hrtime(true) - $start) / 1e6;
        $rss[] = (int) $out;
    }
    sort($times);
    sort($rss);
    return [$times[3], $rss[3]];
}

preg_match('#\s(/\S*libopentok_php\.so)$#m', (string) file_get_contents('/proc/self/maps'), $mapped);
[$bareMs, $bareKb] = startup_cost(null);
[$extMs, $extKb] = startup_cost($mapped[1] ?? null);

printf("PHP %s, opentok extension %s, load average %s\n", PHP_VERSION, phpversion('opentok'), implode(' ', array_map(fn ($l) => sprintf('%.1f', $l), sys_getloadavg())));
printf("%-42s %10.0f /s\n", 'JWT tokens (generateToken)', $jwt);
printf("%-42s %10.0f /s\n", 'JWT tokens with role, data, layout', $jwtPayload);
printf("%-42s %10.0f /s\n", 'T1 tokens (generateToken legacy)', $t1);
printf("%-42s %10.0f /s  (JWT ratio %.1fx)\n", 'reference: the same JWT in plain PHP', $plainPhp, $jwt / $plainPhp);
printf("%-42s %10.0f /s\n", 'createSession, sequential (emulator)', $sessions);
printf("%-42s %+10.1f ms, %+d kB RSS (php -n: %.1f ms, %d kB)\n", 'loading the extension', $extMs - $bareMs, $extKb - $bareKb, $bareMs, $bareKb);
