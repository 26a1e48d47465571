#!/usr/bin/env python3
"""A real loopback HTTP server answering GET .../archive/{id}, .../broadcast/{id} and
.../render/{id} with the documents beside this file (any project, any id, any auth), for the
cross-binding model test: every binding reads the same documents and must show expected.json.

Run it as a program: it prints `http://127.0.0.1:<port>` on its first line and serves until
stdin closes or it is killed. Python tests may import `start()` instead."""
import http.server
import os
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = {kind: open(os.path.join(HERE, f"{kind}.json"), "rb").read() for kind in ("archive", "broadcast", "render")}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        parts = self.path.split("?")[0].strip("/").split("/")
        kind = parts[-2] if len(parts) >= 2 else ""
        body = DOCS.get(kind)
        if body is None:
            self.send_response(404)
            body = b'{"code":404,"message":"not found"}'
        else:
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start():
    """Starts the server on a free loopback port in a daemon thread; returns (server, url)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


if __name__ == "__main__":
    _, url = start()
    print(url, flush=True)
    try:
        sys.stdin.read()  # until the parent closes our stdin (or kills us)
    except KeyboardInterrupt:
        pass
