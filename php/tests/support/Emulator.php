<?php

declare(strict_types=1);

namespace OpenTok\Tests;

/**
 * A real `opentok-emulator` process ($EMULATOR_BIN) on a free loopback port, stopped when the
 * object goes away (or at exit), plus the emulator-only calls the tests use (simulated clients).
 */
final class Emulator
{
    public const API_KEY = '123456';
    public const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
    /** The test Vonage application (keys in tests/keys/). */
    public const APP_ID = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';

    /** @var resource */
    private $process;
    public string $url;

    private static ?Emulator $shared = null;
    private static ?Emulator $withApplication = null;

    /** The emulator every test shares. */
    public static function shared(): Emulator
    {
        return self::$shared ??= new Emulator([]);
    }

    /** An emulator that also serves the test application (RS256 tokens and REST auth). */
    public static function withApplication(): Emulator
    {
        return self::$withApplication ??= new Emulator(['--application', self::APP_ID . ':' . self::keys() . '/app_public.pem']);
    }

    public static function keys(): string
    {
        return dirname(__DIR__, 3) . '/tests/keys';
    }

    /** @param list<string> $args */
    private function __construct(array $args)
    {
        $bin = getenv('EMULATOR_BIN') ?: '';
        if ($bin === '' || !is_executable($bin)) {
            throw new \RuntimeException("set EMULATOR_BIN to the opentok-emulator binary (got '$bin')");
        }
        $cmd = array_merge([$bin, '--port', '0', '--in-memory'], $args);
        $this->process = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        if (!is_resource($this->process)) {
            throw new \RuntimeException('cannot start the emulator');
        }
        $first = fgets($pipes[1]);
        if ($first === false || !preg_match('#listening on (http://\S+)#', $first, $m)) {
            throw new \RuntimeException('unexpected first emulator line: ' . var_export($first, true));
        }
        // Nothing else is read: the emulator logs to stderr (discarded), so stdout never fills.
        $this->url = rtrim($m[1], '/');
        register_shutdown_function([$this, 'stop']);
    }

    public function stop(): void
    {
        if (is_resource($this->process)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
    }

    /** A client of this emulator. */
    public function client(array $options = []): \OpenTok\OpenTok
    {
        return new \OpenTok\OpenTok(self::API_KEY, self::API_SECRET, $options + ['apiUrl' => $this->url]);
    }

    /**
     * Connects a simulated client with `token`: [HTTP status, decoded body].
     *
     * @return array{0: int, 1: array<string, mixed>}
     */
    public function connect(string $sessionId, string $token): array
    {
        return $this->request('POST', '/emulator/v1/sessions/' . rawurlencode($sessionId) . '/connections', ['token' => $token]);
    }

    /** Publishes a stream from a simulated connection; the stream's array (`id`, ...). */
    public function publish(string $sessionId, string $connectionId, array $options = []): array
    {
        [$status, $body] = $this->request(
            'POST',
            '/emulator/v1/sessions/' . rawurlencode($sessionId) . '/connections/' . rawurlencode($connectionId) . '/streams',
            $options ?: new \stdClass()
        );
        if ($status !== 201) {
            throw new \RuntimeException("publish failed: $status " . json_encode($body));
        }
        return $body;
    }

    /** A session with one connected client publishing one stream: [sessionId, connectionId, streamId]. */
    public function liveSession(\OpenTok\OpenTok $client): array
    {
        $session = $client->createSession(['mediaMode' => \OpenTok\MediaMode::ROUTED]);
        $sid = $session->getSessionId();
        [$status, $body] = $this->connect($sid, $session->generateToken(['role' => \OpenTok\Role::MODERATOR]));
        if ($status >= 300) {
            throw new \RuntimeException("connect failed: $status " . json_encode($body));
        }
        $stream = $this->publish($sid, $body['connectionId']);
        return [$sid, $body['connectionId'], $stream['id']];
    }

    /** GET an emulator-only path; the decoded body. */
    public function get(string $path): array
    {
        [$status, $body] = $this->request('GET', $path, null);
        if ($status !== 200) {
            throw new \RuntimeException("GET $path: $status");
        }
        return $body;
    }

    /** @return array{0: int, 1: array<mixed>} */
    public function request(string $method, string $path, $body): array
    {
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "Content-Type: application/json\r\n",
            'content' => $body === null ? '' : json_encode($body),
            'ignore_errors' => true,
            'timeout' => 10,
        ]]);
        $raw = file_get_contents($this->url . $path, false, $context);
        $status = 0;
        foreach ($http_response_header ?? [] as $h) {
            if (preg_match('#^HTTP/\S+ (\d+)#', $h, $m)) {
                $status = (int) $m[1];
            }
        }
        $decoded = $raw === false || $raw === '' ? [] : json_decode($raw, true);
        return [$status, is_array($decoded) ? $decoded : []];
    }
}
