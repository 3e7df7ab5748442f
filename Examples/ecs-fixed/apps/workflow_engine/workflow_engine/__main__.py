import os
from concurrent import futures

import grpc
from supabase import create_client

database = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_SECRET_KEY"])

server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
server.add_insecure_port(f"[::]:{os.getenv('GRPC_PORT', '50050')}")
server.start()
server.wait_for_termination()
