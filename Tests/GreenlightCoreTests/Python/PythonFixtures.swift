@testable import GreenlightCore

/// Realistic Python sources modelled on common open-source service layouts.
enum PythonFixtures {
    /// A FastAPI service entry module (app/main.py) in the style of the FastAPI full-stack template.
    static let fastAPIMain = #"""
    import logging
    import os
    from contextlib import asynccontextmanager

    import uvicorn
    from fastapi import FastAPI, HTTPException
    from fastapi.middleware.cors import CORSMiddleware
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    from .api.routes import router as api_router
    from .core.config import settings

    logger = logging.getLogger(__name__)

    DATABASE_URL = os.environ["DATABASE_URL"]
    engine = create_engine(DATABASE_URL, pool_pre_ping=True)
    SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


    @asynccontextmanager
    async def lifespan(app: FastAPI):
        logger.info("starting %s", settings.PROJECT_NAME)
        yield


    app = FastAPI(title=settings.PROJECT_NAME, lifespan=lifespan)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=os.getenv("CORS_ORIGINS", "*").split(","),
        allow_methods=["*"],
    )
    app.include_router(api_router, prefix="/api/v1")


    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}


    if __name__ == "__main__":
        uvicorn.run("app.main:app", host="0.0.0.0", port=int(os.getenv("PORT", "8000")), reload=False)
    """#

    /// A Flask application with a factory and `app.run` guarded by `__main__`.
    static let flaskApp = #"""
    import os

    from dotenv import load_dotenv
    from flask import Flask, jsonify
    from flask_sqlalchemy import SQLAlchemy
    import redis

    load_dotenv()

    db = SQLAlchemy()
    cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


    def create_app():
        app = Flask(__name__)
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
        app.config["SECRET_KEY"] = os.getenv("SECRET_KEY")
        db.init_app(app)

        @app.route("/")
        def index():
            return jsonify(message="hello")

        return app


    app = create_app()

    if __name__ == "__main__":
        port = int(os.environ.get("PORT", 5000))
        app.run(host="0.0.0.0", port=port, debug=os.environ.get("FLASK_DEBUG") == "1")
    """#

    /// A gRPC server in the style of grpc/examples/python (helloworld + health checking).
    static let grpcServer = #"""
    """The Python implementation of the GRPC workflow server."""

    from concurrent import futures
    import logging
    import os

    import grpc
    from grpc_health.v1 import health, health_pb2, health_pb2_grpc

    from proto import workflow_service_pb2
    from proto import workflow_service_pb2_grpc

    GRPC_PORT = os.getenv("GRPC_PORT", "50051")
    MAX_WORKERS = int(os.environ.get("MAX_WORKERS", 10))


    class WorkflowService(workflow_service_pb2_grpc.WorkflowServiceServicer):
        def Run(self, request, context):
            return workflow_service_pb2.RunReply(message=f"Ran {request.name}!")


    def serve():
        port = GRPC_PORT
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=MAX_WORKERS))
        workflow_service_pb2_grpc.add_WorkflowServiceServicer_to_server(WorkflowService(), server)
        health_servicer = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
        server.add_insecure_port(f"[::]:{port}")
        server.start()
        logging.info("Server started, listening on %s", port)
        server.wait_for_termination()


    if __name__ == "__main__":
        logging.basicConfig()
        serve()
    """#

    /// A pydantic-settings configuration module (app/core/config.py).
    static let settingsModule = #"""
    from functools import lru_cache
    from typing import Optional

    from pydantic import AliasChoices, Field, PostgresDsn
    from pydantic_settings import BaseSettings, SettingsConfigDict


    class Settings(BaseSettings):
        model_config = SettingsConfigDict(env_prefix="APP_", env_file=".env", extra="ignore")

        PROJECT_NAME: str = "workflow-api"
        grpc_port: int = 50051
        database_url: PostgresDsn
        redis_url: Optional[str] = None
        sentry_dsn: str | None
        secret_key: str = Field(..., alias="SECRET_KEY")
        openai_api_key: str = Field(validation_alias=AliasChoices("OPENAI_API_KEY", "OPENAI_KEY"))
        workers: int = Field(default=4)
        debug: bool = Field(False, description="debug mode")


    class LegacySettings(BaseSettings):
        api_token: str
        timeout: float = 2.5

        class Config:
            env_prefix = "LEGACY_"
            case_sensitive = True


    @lru_cache
    def get_settings() -> Settings:
        return Settings()


    settings = Settings()
    """#

    /// A celery worker module (proj/celery.py).
    static let celeryWorker = #"""
    import os

    from celery import Celery

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

    app = Celery(
        "proj",
        broker=os.environ["CELERY_BROKER_URL"],
        backend=os.getenv("CELERY_RESULT_BACKEND", "redis://redis:6379/1"),
    )
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.autodiscover_tasks()


    @app.task(bind=True, ignore_result=True)
    def debug_task(self):
        print(f"Request: {self.request!r}")
    """#

    /// Conditional and optional imports.
    static let optionalImports = #"""
    from __future__ import annotations

    import sys
    from typing import TYPE_CHECKING

    try:
        import ujson as json
    except ImportError:
        import json

    try:
        import orjson
    except KeyError:
        orjson = None

    if TYPE_CHECKING:
        from mypy_boto3_s3 import S3Client

    if sys.platform == "win32":
        import winloop as loop_impl
    else:
        import uvloop as loop_impl


    def export(path):
        import pandas as pd
        return pd.read_csv(path)


    if __name__ == "__main__":
        import uvicorn
        uvicorn.run("service:app", port=9000)
    """#
}
