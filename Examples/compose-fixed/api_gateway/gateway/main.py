import os

import grpc
from fastapi import FastAPI

app = FastAPI()
channel = grpc.insecure_channel(os.getenv("WORKFLOW_ENGINE_ADDR", "workflow-engine:50050"))


@app.get("/health")
def health():
    return {"status": "ok"}
