#!/usr/bin/env python3
"""HTTP server for Greenlight's live probe tests.

  /health            200 "ok"
  /status/<code>     that status, body "status <code>"
  /slow/<ms>         waits <ms> milliseconds, then 200 "slow ok"
  /warmup/<key>      503 until 3 s after the first request for <key>, then 200 "warm"
  /json              200 {"status": "ok", "version": "1.4.2"}
Anything else is 404.
"""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WARMUP_SECONDS = 3.0
first_seen = {}
lock = threading.Lock()


class Server(ThreadingHTTPServer):
    # Room for many probes connecting at once (the default backlog of 5 drops SYNs).
    request_queue_size = 256
    daemon_threads = True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def reply(self, status, body, content_type="text/plain"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        if parts == ["health"]:
            return self.reply(200, "ok")
        if len(parts) == 2 and parts[0] == "status" and parts[1].isdigit():
            code = int(parts[1])
            return self.reply(code, f"status {code}")
        if len(parts) == 2 and parts[0] == "slow" and parts[1].isdigit():
            time.sleep(int(parts[1]) / 1000.0)
            return self.reply(200, "slow ok")
        if len(parts) == 2 and parts[0] == "warmup":
            now = time.monotonic()
            with lock:
                start = first_seen.setdefault(parts[1], now)
            if now - start < WARMUP_SECONDS:
                return self.reply(503, "warming up")
            return self.reply(200, "warm")
        if parts == ["json"]:
            return self.reply(200, json.dumps({"status": "ok", "version": "1.4.2"}), "application/json")
        return self.reply(404, "not found")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
