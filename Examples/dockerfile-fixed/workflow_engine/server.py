import os
from concurrent import futures

import grpc


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    server.add_insecure_port(f"[::]:{os.getenv('GRPC_PORT', '50050')}")
    server.start()
    server.wait_for_termination()
