#!/usr/bin/env python3
"""The demo service the example runbooks deploy: a small HTTP app whose behaviour
depends on the release written in its state directory, so a "bad release" can be
shipped and rolled back without rebuilding anything.

  GET /health      200 "ok <release>"
  GET /api/orders  200 JSON, or 500 when the release name starts with "broken"
"""
import argparse
import http.server
import json
import os
import sys


def current_release(state):
    try:
        with open(os.path.join(state, "release"), encoding="utf-8") as handle:
            return handle.read().strip() or "none"
    except OSError:
        return "none"


def make_handler(state):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            release = current_release(state)
            if self.path == "/health":
                self.reply(200, "text/plain", f"ok {release}\n")
            elif self.path == "/api/orders":
                if release.startswith("broken"):
                    print(f"ERROR release {release}: orders query failed", file=sys.stderr, flush=True)
                    self.reply(500, "application/json", json.dumps({"error": "orders query failed"}))
                else:
                    self.reply(200, "application/json", json.dumps({"release": release, "orders": []}))
            else:
                self.reply(404, "text/plain", "not found\n")

        def reply(self, status, content_type, body):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):
            print(f"{self.address_string()} {format % args}", file=sys.stderr, flush=True)

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--state", required=True)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args.state))
    print(f"listening on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
