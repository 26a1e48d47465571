<?php
// Webhook endpoint (PHP): logs every event the service (or the emulator) POSTs to it, parsed by
// OpenTok\Events::parse. Register its URL as the project's callback (session monitoring, archive
// and broadcast status) or as a statusCallbackUrl (captions, renders). A router script for PHP's
// built-in server (one line per event on the server's stdout):
//
//     php -d extension=target/debug/libopentok_php.so -S 127.0.0.1:8080 examples/php/webhook.php
//
// Behind PHP-FPM or Apache the same code answers; send the lines to your logger instead.

use OpenTok\Event;
use OpenTok\Events;
use OpenTok\Exception\InvalidArgumentException;

/** One log line per event. */
function describe(Event\Event $event): string
{
    return match (true) {
        $event instanceof Event\ConnectionEvent => sprintf(
            '%s %s connection=%s data=%s',
            $event->type,
            $event->sessionId,
            $event->connection->id,
            var_export($event->connection->data, true)
        ),
        $event instanceof Event\StreamEvent => "{$event->type} {$event->sessionId} stream={$event->stream->id} videoType={$event->stream->videoType}",
        $event instanceof Event\ArchiveChanged => "archive {$event->archive->id} {$event->status} url={$event->archive->url}",
        $event instanceof Event\BroadcastChanged => "broadcast {$event->broadcast->id} {$event->status}",
        $event instanceof Event\Unknown => "unknown event: {$event->raw}",
        default => "{$event->type} {$event->sessionId}",
    };
}

if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    http_response_code(405);
    header('Allow: POST');
    return;
}
try {
    $line = describe(Events::parse((string) file_get_contents('php://input')));
    http_response_code(200);
} catch (InvalidArgumentException $e) { // not JSON
    $line = 'rejected: ' . $e->getMessage();
    http_response_code(400);
}
file_put_contents('php://stdout', $line . "\n");
