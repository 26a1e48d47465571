<?php
// Quickstart: create a session, mint a token, connect a simulated client through the emulator,
// then record, signal and list connections through the REST API (official method names).
//
//     OPENTOK_API_URL=http://127.0.0.1:4010 php -d extension=target/debug/libopentok_php.so examples/php/quickstart.php

use OpenTok\MediaMode;
use OpenTok\OpenTok;
use OpenTok\OutputMode;
use OpenTok\Role;

$apiKey = getenv('OPENTOK_API_KEY') ?: '123456';
$apiSecret = getenv('OPENTOK_API_SECRET') ?: '1234567890abcdef1234567890abcdef1234567890';
$apiUrl = getenv('OPENTOK_API_URL') ?: 'http://127.0.0.1:4010';

/** Connects a simulated client with the emulator's emulator-only API. */
function connect(string $apiUrl, string $sessionId, string $token): array
{
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\n",
        'content' => json_encode(['token' => $token]),
        'timeout' => 10,
    ]]);
    return json_decode((string) file_get_contents("$apiUrl/emulator/v1/sessions/" . rawurlencode($sessionId) . '/connections', false, $context), true);
}

$opentok = new OpenTok($apiKey, $apiSecret, ['apiUrl' => $apiUrl]);
$session = $opentok->createSession(['mediaMode' => MediaMode::ROUTED, 'location' => '12.34.56.78']);
echo 'session id: ', $session->getSessionId(), "\n";
echo 'media mode: ', $session->getMediaMode(), ' | location: ', $session->getLocation(), "\n";

$token = $session->generateToken(['role' => Role::MODERATOR, 'data' => 'name=Ada']);
echo 'token: ', substr($token, 0, 40), "...\n";
$connection = connect($apiUrl, $session->getSessionId(), $token);
echo 'connected: ', $connection['connectionId'], ' as ', $connection['role'], "\n";

$archive = $opentok->startArchive($session->getSessionId(), ['name' => 'quickstart', 'outputMode' => OutputMode::COMPOSED]);
echo 'archive ', $archive->id, ': ', $archive->status, "\n";
$opentok->signal($session->getSessionId(), ['type' => 'chat', 'data' => 'hello from PHP']);
echo 'connections: ', $opentok->listConnections($session->getSessionId())->totalCount(), "\n";
$archive = $opentok->stopArchive($archive->id);
echo 'archive ', $archive->id, ': ', $archive->status, "\n";
