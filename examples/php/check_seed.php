<?php
// Runs the seed snippet (seed.php) as it is and checks that the session id it prints is one the
// emulator knows.
ob_start();
require __DIR__ . '/seed.php';
$sessionId = trim((string) ob_get_clean());
$context = stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 10]]);
$answer = file_get_contents(API_Config::API_SERVER . '/emulator/v1/sessions/' . rawurlencode($sessionId), false, $context);
$known = json_decode((string) $answer, true);
if (!is_array($known) || ($known['sessionId'] ?? null) !== $sessionId) {
    fwrite(STDERR, "seed: the emulator does not know session '$sessionId': $answer\n");
    exit(1);
}
echo "seed snippet printed $sessionId (known to the emulator, project {$known['projectId']})\n";
