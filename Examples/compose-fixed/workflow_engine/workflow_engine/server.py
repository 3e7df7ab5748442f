import os
from concurrent import futures

import grpc

from proto import workflow_service_pb2_grpc
from workflow_engine.db import connect


def serve():
    connect()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    port = os.getenv("GRPC_PORT", "50050")
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    server.wait_for_termination()
