"""Webhook endpoint: logs every event the service (or the emulator) POSTs to it, parsed by
``opentok_native.events``. Register its URL as the project's callback (session monitoring,
archive and broadcast status) or as a ``statusCallbackUrl`` (captions, renders).

    python examples/python/webhook.py            # listens on 127.0.0.1:8080 (PORT to change)
"""

from __future__ import annotations

import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentok_native import InvalidArgumentError, events


def describe(event: events.Event) -> str:
    """One log line per event."""
    if isinstance(event, (events.ConnectionCreated, events.ConnectionDestroyed)) and event.connection:
        return f"{event.type} {event.session_id} connection={event.connection.id} data={event.connection.data!r}"
    if isinstance(event, (events.StreamCreated, events.StreamDestroyed)) and event.stream:
        return f"{event.type} {event.session_id} stream={event.stream.id} videoType={event.stream.video_type}"
    if isinstance(event, events.ArchiveChanged):
        return f"archive {event.archive.id} {event.status} url={event.archive.url}"
    if isinstance(event, events.BroadcastChanged):
        return f"broadcast {event.broadcast.id} {event.status}"
    if isinstance(event, events.Unknown):
        return f"unknown event: {event.raw}"
    return f"{event.type} {event.session_id}"


class Webhook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            print(describe(events.parse(body)), flush=True)
            self.send_response(200)
        except InvalidArgumentError as e:  # not JSON
            print(f"rejected: {e}", flush=True)
            self.send_response(400)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # one line per event is enough
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8080"))), Webhook)
    print(f"webhook listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()
