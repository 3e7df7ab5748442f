#!/usr/bin/env python3
"""A real gRPC server with the standard grpc.health.v1 health service, for live tests.

    python3 Tests/Live/grpc_health_server.py --port PORT [--cert FILE --key FILE]

Binds 127.0.0.1:PORT (TLS when --cert and --key are given) and runs until killed.
Health answers:
    ""                  SERVING
    greenlight.Healthy  SERVING
    greenlight.Broken   NOT_SERVING
    greenlight.Warmup   NOT_SERVING until 3 s after the first Check of it, then SERVING
    any other name      grpc-status NOT_FOUND (the stock HealthServicer's answer)
"""
import argparse
import os
import signal
import sys
import threading
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

WARMUP = "greenlight.Warmup"
WARMUP_SECONDS = 3.0


class WarmupHealthServicer(health.HealthServicer):
    """The stock servicer, plus a service that turns SERVING 3 s after it is first asked about."""

    def __init__(self):
        super().__init__()
        self._warmup_lock = threading.Lock()
        self._warmup_timer = None

    def Check(self, request, context):
        if request.service == WARMUP:
            with self._warmup_lock:
                if self._warmup_timer is None:
                    self._warmup_timer = threading.Timer(
                        WARMUP_SECONDS, self.set, (WARMUP, health_pb2.HealthCheckResponse.SERVING))
                    self._warmup_timer.daemon = True
                    self._warmup_timer.start()
        return super().Check(request, context)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", help="PEM certificate chain; TLS when given with --key")
    parser.add_argument("--key", help="PEM private key")
    args = parser.parse_args()
    if bool(args.cert) != bool(args.key):
        parser.error("--cert and --key go together")

    servicer = WarmupHealthServicer()
    servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    servicer.set("greenlight.Healthy", health_pb2.HealthCheckResponse.SERVING)
    servicer.set("greenlight.Broken", health_pb2.HealthCheckResponse.NOT_SERVING)
    servicer.set(WARMUP, health_pb2.HealthCheckResponse.NOT_SERVING)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    address = f"127.0.0.1:{args.port}"
    if args.cert:
        with open(args.cert, "rb") as f:
            cert = f.read()
        with open(args.key, "rb") as f:
            key = f.read()
        bound = server.add_secure_port(address, grpc.ssl_server_credentials([(key, cert)]))
    else:
        bound = server.add_insecure_port(address)
    if bound == 0:
        sys.exit(f"cannot bind {address}")
    server.start()

    def stop(*_):
        # Exit at once: grpc's orderly shutdown can hang on half-open TLS connections
        # (the tests leave some on purpose), and a leftover server would hold its port.
        server.stop(grace=None)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
