#!/usr/bin/env python3
"""Write a synthetic but realistic Python monorepo for benchmarking.

    python3 Benchmarks/generate_monorepo.py --services N --out DIR [--seed S]

The tree holds N services under services/svc-0001/ ... services/svc-NNNN/,
each with a Dockerfile, a requirements.txt, a .dockerignore and a small
`app` package (FastAPI + uvicorn or a gRPC server), one top-level
docker-compose.yml with shared postgres and redis services, a .env, and
infra/ecs.tf with one ECS task definition per service.

Around 7% of the services carry one realistic deploy mistake each; they
are listed in expected-mistakes.json at the root of the tree. Everything
else is meant to be correct, except that about a quarter of the images
run as root, a common shape that linters warn about (listed there under
runs_as_root). The output depends only on N and the seed.

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from dataclasses import dataclass, field

MARKER = ".generated-monorepo"

# Mistake kinds, with the rule family each one should trip.
MISTAKE_KINDS = (
    "grpc-curl-healthcheck",  # HTTP probe with curl against a gRPC server
    "port-mismatch",          # compose publishes a port nothing listens on
    "missing-env",            # code reads os.environ[X] that nothing sets
    "undeclared-import",      # module imported but not in requirements.txt
    "latest-tag",             # FROM python:latest
)

UNDECLARED_IMPORTS = (
    # (import statement, how it is used, module name)
    ("import httpx", "httpx.Timeout(5.0)", "httpx"),
    ("import structlog", "structlog.get_logger()", "structlog"),
    ("import boto3", "boto3.client(\"s3\")", "boto3"),
    ("import orjson", "orjson.dumps({})", "orjson"),
)

MISSING_ENV_NAMES = ("STRIPE_API_KEY", "SENTRY_DSN", "OPENAI_API_KEY", "SMTP_PASSWORD", "S3_BUCKET")

# Pinned versions: a few sets, as a monorepo drifts between services.
VERSION_SETS = (
    {
        "fastapi": "0.115.6", "uvicorn[standard]": "0.32.1", "pydantic": "2.10.4",
        "pydantic-settings": "2.7.0", "sqlalchemy": "2.0.36", "psycopg[binary]": "3.2.3",
        "redis": "5.2.1", "grpcio": "1.68.1", "protobuf": "5.29.2",
        "grpcio-health-checking": "1.68.1", "httpx": "0.28.1",
    },
    {
        "fastapi": "0.114.2", "uvicorn[standard]": "0.30.6", "pydantic": "2.9.2",
        "pydantic-settings": "2.5.2", "sqlalchemy": "2.0.35", "psycopg[binary]": "3.2.2",
        "redis": "5.0.8", "grpcio": "1.66.1", "protobuf": "5.28.2",
        "grpcio-health-checking": "1.66.1", "httpx": "0.27.2",
    },
    {
        "fastapi": "0.112.4", "uvicorn[standard]": "0.30.1", "pydantic": "2.8.2",
        "pydantic-settings": "2.4.0", "sqlalchemy": "2.0.32", "psycopg[binary]": "3.2.1",
        "redis": "5.0.7", "grpcio": "1.65.4", "protobuf": "5.27.3",
        "grpcio-health-checking": "1.65.4", "httpx": "0.27.0",
    },
)

DOMAINS = (
    "orders", "billing", "catalog", "inventory", "payments", "shipping", "users",
    "accounts", "search", "pricing", "reviews", "notifications", "auth", "reports",
    "ledger", "invoices", "carts", "recommendations", "media", "audit",
)


@dataclass
class Service:
    index: int
    name: str            # svc-0001
    ident: str           # svc_0001
    domain: str          # orders
    kind: str            # "http" or "grpc"
    port: int            # container port the app listens on
    host_port: int
    python: str          # 3.12 / 3.11
    shape: str           # Dockerfile shape
    has_user: bool
    settings_style: str  # "os" or "pydantic"
    uses_db: bool
    uses_redis: bool
    secret_keys: list = field(default_factory=list)   # extra secrets read from env (SIGNING_KEY...)
    upstream: "Service | None" = None
    health: str = "python"   # "curl", "python", "probe" (grpc_health_probe) or "grpc-python"
    health_in_compose: bool = True
    health_in_dockerfile: bool = False
    cmd_style: str = "module"  # "module", "uvicorn-exec", "uvicorn-shell"
    set_port_env: bool = True
    env_list_form: bool = False
    versions: dict = field(default_factory=dict)
    cpu: int = 256
    memory: int = 512
    upstream_index: "int | None" = None
    mistake: "str | None" = None
    mistake_detail: dict = field(default_factory=dict)


# ---------------------------------------------------------------- planning

def plan_services(count: int, rng: random.Random) -> list[Service]:
    services: list[Service] = []
    for i in range(1, count + 1):
        kind = "grpc" if rng.random() < 0.3 else "http"
        port = 50051 if kind == "grpc" else rng.choice((8000, 8000, 8000, 8080))
        shape = rng.choices(("single", "multistage", "apt-curl", "single-user"), weights=(30, 30, 20, 20))[0]
        svc = Service(
            index=i,
            name=f"svc-{i:04d}",
            ident=f"svc_{i:04d}",
            domain=DOMAINS[(i - 1) % len(DOMAINS)],
            kind=kind,
            port=port,
            host_port=10000 + i,
            python=rng.choice(("3.12", "3.12", "3.11")),
            shape=shape,
            has_user=shape in ("multistage", "single-user") or rng.random() < 0.4,
            settings_style="pydantic" if rng.random() < 0.4 else "os",
            uses_db=rng.random() < 0.85,
            uses_redis=rng.random() < 0.5,
            versions=dict(rng.choice(VERSION_SETS)),
            env_list_form=rng.random() < 0.35,
            set_port_env=rng.random() < 0.7,
            cpu=rng.choice((256, 256, 512, 1024)),
        )
        if svc.kind == "grpc" and svc.cpu < 512:
            svc.cpu = 512  # the checklist's minimum for gRPC services
        svc.memory = {256: rng.choice((512, 1024)), 512: 1024, 1024: 2048}[svc.cpu]
        if rng.random() < 0.3:
            svc.secret_keys.append(rng.choice(("SIGNING_KEY", "API_TOKEN", "WEBHOOK_SECRET")))
        if not svc.uses_db and not svc.secret_keys:
            svc.secret_keys.append("SIGNING_KEY")
        # Health check: curl only where the image installs it.
        if kind == "http":
            svc.health = "curl" if shape == "apt-curl" else "python"
            svc.cmd_style = rng.choice(("module", "uvicorn-exec", "uvicorn-shell"))
        else:
            svc.health = "probe" if shape == "multistage" or rng.random() < 0.4 else "grpc-python"
            svc.cmd_style = "module"
        where = rng.random()
        svc.health_in_dockerfile = where < 0.5
        svc.health_in_compose = where >= 0.3
        # Upstream: an earlier correct service this one calls (at most six modules per package).
        if i > 3 and rng.random() < 0.25 and not (svc.uses_db and svc.uses_redis):
            svc.upstream_index = rng.randint(max(1, i - 40), i - 1)
        services.append(svc)

    # Mistakes: about 7% of services, every kind represented.
    n_bad = max(1, round(count * 0.07))
    bad = sorted(rng.sample(range(count), n_bad))
    kinds = list(MISTAKE_KINDS)
    rng.shuffle(kinds)
    for k, idx in enumerate(bad):
        svc = services[idx]
        svc.mistake = kinds[k % len(kinds)]
        if svc.mistake == "grpc-curl-healthcheck":
            # A gRPC service whose image has curl and whose compose check speaks HTTP.
            svc.kind, svc.port, svc.shape, svc.cmd_style = "grpc", 50051, "apt-curl", "module"
            svc.health, svc.health_in_compose, svc.health_in_dockerfile = "curl", True, False
            svc.mistake_detail = {"file": "docker-compose.yml", "service": svc.name,
                                  "what": "healthcheck curls http://localhost:50051/health on a gRPC server"}
        elif svc.mistake == "port-mismatch":
            wrong = 8081 if svc.kind == "http" else 50052
            svc.mistake_detail = {"file": "docker-compose.yml", "service": svc.name, "wrong_port": wrong,
                                  "what": f"compose publishes {svc.host_port}:{wrong} but the image exposes {svc.port}"}
        elif svc.mistake == "missing-env":
            name = rng.choice(MISSING_ENV_NAMES)
            svc.mistake_detail = {"file": f"services/{svc.name}/app/config.py", "variable": name,
                                  "what": f"os.environ[\"{name}\"] is read but set nowhere"}
        elif svc.mistake == "undeclared-import":
            stmt, use, module = rng.choice(UNDECLARED_IMPORTS)
            svc.mistake_detail = {"file": f"services/{svc.name}/app/{'routes' if svc.kind == 'http' else 'handlers'}.py",
                                  "module": module, "statement": stmt, "use": use,
                                  "what": f"imports {module}, which requirements.txt does not list"}
        elif svc.mistake == "latest-tag":
            svc.mistake_detail = {"file": f"services/{svc.name}/Dockerfile",
                                  "what": "FROM python:latest"}

    # Resolve upstreams to correct services only.
    for svc in services:
        up = svc.upstream_index
        if up is not None and services[up - 1].mistake is None and svc.mistake is None:
            svc.upstream = services[up - 1]
    return services


# ---------------------------------------------------------------- per-service files

def health_exec(svc: Service) -> list[str]:
    """The health check as an exec-form argument list (without CMD)."""
    if svc.health == "curl":
        path = "/health"
        return ["curl", "-fsS", f"http://localhost:{svc.port}{path}"]
    if svc.health == "python":
        return ["python", "-c",
                f"import urllib.request; urllib.request.urlopen('http://localhost:{svc.port}/health', timeout=3)"]
    if svc.health == "probe":
        return ["grpc_health_probe", f"-addr=localhost:{svc.port}"]
    # grpc-python
    return ["python", "-c",
            f"import grpc; grpc.channel_ready_future(grpc.insecure_channel('localhost:{svc.port}')).result(timeout=3)"]


def health_shell(svc: Service) -> str:
    if svc.health == "curl":
        return f"curl -fsS http://localhost:{svc.port}/health || exit 1"
    if svc.health == "probe":
        return f"grpc_health_probe -addr=localhost:{svc.port} || exit 1"
    args = health_exec(svc)
    return f'{args[0]} {args[1]} "{args[2]}" || exit 1'


def requirements(svc: Service) -> list[str]:
    v = svc.versions
    pkgs: list[str] = []
    if svc.kind == "http":
        pkgs += ["fastapi", "uvicorn[standard]"]
    else:
        pkgs += ["grpcio", "protobuf"]
        if svc.health in ("probe", "grpc-python") or svc.mistake == "grpc-curl-healthcheck":
            pkgs.append("grpcio-health-checking")
    pkgs.append("pydantic")
    if svc.settings_style == "pydantic":
        pkgs.append("pydantic-settings")
    if svc.uses_db:
        pkgs += ["sqlalchemy", "psycopg[binary]"]
    if svc.uses_redis:
        pkgs.append("redis")
    if svc.upstream is not None and svc.upstream.kind == "http":
        pkgs.append("httpx")
    if svc.upstream is not None and svc.upstream.kind == "grpc" and "grpcio" not in pkgs:
        pkgs.append("grpcio")
    return [f"{p}=={v[p]}" for p in pkgs]


def dockerfile(svc: Service) -> str:
    base = "python:latest" if svc.mistake == "latest-tag" else f"python:{svc.python}-slim"
    lines: list[str] = [f"# {svc.name}: {svc.domain} ({'gRPC' if svc.kind == 'grpc' else 'HTTP'})"]
    if svc.shape == "multistage":
        lines += [
            f"FROM {base} AS build",
            "WORKDIR /build",
            "COPY requirements.txt .",
            "RUN pip install --no-cache-dir --prefix=/install -r requirements.txt",
            "",
            f"FROM {base}",
            "ENV PYTHONDONTWRITEBYTECODE=1 \\",
            "    PYTHONUNBUFFERED=1",
            "COPY --from=build /install /usr/local",
        ]
        if svc.health == "probe":
            lines.append("COPY --from=ghcr.io/grpc-ecosystem/grpc-health-probe:v0.4.35 /ko-app/grpc-health-probe /usr/local/bin/grpc_health_probe")
        lines += ["WORKDIR /app", "COPY app ./app"]
    else:
        lines += [f"FROM {base}", "ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1"]
        if svc.shape == "apt-curl":
            lines += [
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends curl ca-certificates \\",
                "    && rm -rf /var/lib/apt/lists/*",
            ]
        if svc.health == "probe":
            lines.append("COPY --from=ghcr.io/grpc-ecosystem/grpc-health-probe:v0.4.35 /ko-app/grpc-health-probe /usr/local/bin/grpc_health_probe")
        lines += [
            "WORKDIR /app",
            "COPY requirements.txt .",
            "RUN pip install --no-cache-dir -r requirements.txt",
            "COPY app ./app",
        ]
    if svc.has_user:
        lines += [
            "RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app",
            "USER app" if svc.index % 2 else "USER 10001",
        ]
    lines.append(f"EXPOSE {svc.port}")
    if svc.health_in_dockerfile:
        lines.append("HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \\")
        if svc.health in ("curl", "probe"):
            lines.append(f"    CMD {health_shell(svc)}")
        else:
            lines.append("    CMD " + json.dumps(health_exec(svc)))
    if svc.kind == "grpc" or svc.cmd_style == "module":
        lines.append('CMD ["python", "-m", "app.main"]')
    elif svc.cmd_style == "uvicorn-exec":
        lines.append(f'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "{svc.port}"]')
    else:
        lines.append(f"CMD uvicorn app.main:app --host 0.0.0.0 --port ${{PORT:-{svc.port}}}")
    return "\n".join(lines) + "\n"


DOCKERIGNORE_BASE = [".git", ".env", "__pycache__/", "*.pyc", ".venv/", ".pytest_cache/", "tests/"]


def dockerignore(svc: Service, rng: random.Random) -> str:
    extra = rng.sample([".mypy_cache/", ".ruff_cache/", "*.log", "Dockerfile", ".dockerignore", "docs/", "*.md"], k=rng.randint(0, 3))
    return "\n".join(DOCKERIGNORE_BASE + extra) + "\n"


def setting(svc: Service, env: str) -> str:
    """How modules other than config.py read a setting."""
    if svc.settings_style == "pydantic":
        return f"settings.{env.lower()}"
    return f"config.{env}"


def config_import(svc: Service) -> str:
    return "from app.config import settings" if svc.settings_style == "pydantic" else "from app import config"


def config_py(svc: Service) -> str:
    upstream_env = None
    if svc.upstream is not None:
        upstream_env = "UPSTREAM_ADDR" if svc.upstream.kind == "grpc" else "UPSTREAM_URL"
    if svc.settings_style == "pydantic":
        out = [f'"""Settings for {svc.name}, read from the environment."""', ""]
        if svc.mistake == "missing-env":
            out += ["import os", ""]
        out += [
            "from pydantic_settings import BaseSettings, SettingsConfigDict",
            "",
            "",
            "class Settings(BaseSettings):",
            '    model_config = SettingsConfigDict(extra="ignore")',
            "",
        ]
        if svc.uses_db:
            out.append("    database_url: str")
        for key in svc.secret_keys:
            out.append(f"    {key.lower()}: str")
        if svc.uses_redis:
            out.append('    redis_url: str = "redis://redis:6379/0"')
        if upstream_env:
            out.append(f"    {upstream_env.lower()}: str")
        out += [
            '    log_level: str = "info"',
            f'    service_name: str = "{svc.name}"',
            "",
            "",
            "settings = Settings()",
        ]
    else:
        out = [
            f'"""Configuration for {svc.name}, read from the environment."""',
            "",
            "import os",
            "",
        ]
        if svc.uses_db:
            out.append('DATABASE_URL = os.environ["DATABASE_URL"]')
        for key in svc.secret_keys:
            out.append(f'{key} = os.environ["{key}"]')
        if svc.uses_redis:
            out.append('REDIS_URL = os.getenv("REDIS_URL", "redis://redis:6379/0")')
        if upstream_env:
            out.append(f'{upstream_env} = os.environ["{upstream_env}"]')
        out += [
            'LOG_LEVEL = os.getenv("LOG_LEVEL", "info")',
            f'SERVICE_NAME = os.getenv("SERVICE_NAME", "{svc.name}")',
        ]
    if svc.mistake == "missing-env":
        name = svc.mistake_detail["variable"]
        if svc.settings_style == "pydantic":
            out.append("")
        out.append(f'{name} = os.environ["{name}"]')
    return "\n".join(out) + "\n"


def db_py(svc: Service) -> str:
    return "\n".join([
        f'"""Database access for {svc.name}."""',
        "",
        "from sqlalchemy import create_engine, text",
        "from sqlalchemy.orm import sessionmaker",
        "",
        config_import(svc),
        "",
        f"engine = create_engine({setting(svc, 'DATABASE_URL')}, pool_pre_ping=True, pool_size=5)",
        "SessionLocal = sessionmaker(bind=engine, autoflush=False)",
        "",
        "",
        "def ping() -> bool:",
        "    with engine.connect() as connection:",
        '        return connection.execute(text("SELECT 1")).scalar() == 1',
        "",
        "",
        f"def count_{svc.domain}() -> int:",
        "    with SessionLocal() as session:",
        f'        return session.execute(text("SELECT count(*) FROM {svc.domain}")).scalar_one()',
    ]) + "\n"


def cache_py(svc: Service) -> str:
    return "\n".join([
        f'"""Redis cache for {svc.name}."""',
        "",
        "import redis",
        "",
        config_import(svc),
        "",
        f"client = redis.Redis.from_url({setting(svc, 'REDIS_URL')}, decode_responses=True)",
        "",
        "",
        "def get(key: str) -> str | None:",
        f'    return client.get(f"{svc.name}:{{key}}")',
        "",
        "",
        "def put(key: str, value: str, ttl: int = 300) -> None:",
        f'    client.set(f"{svc.name}:{{key}}", value, ex=ttl)',
    ]) + "\n"


def clients_py(svc: Service) -> str:
    up = svc.upstream
    assert up is not None
    if up.kind == "http":
        return "\n".join([
            f'"""Client for {up.name} ({up.domain})."""',
            "",
            "import httpx",
            "",
            config_import(svc),
            "",
            f"_client = httpx.Client(base_url={setting(svc, 'UPSTREAM_URL')}, timeout=5.0)",
            "",
            "",
            f"def fetch_{up.domain}(item_id: int) -> dict:",
            f'    response = _client.get(f"/{up.domain}/{{item_id}}")',
            "    response.raise_for_status()",
            "    return response.json()",
        ]) + "\n"
    return "\n".join([
        f'"""Client for {up.name} ({up.domain}, gRPC)."""',
        "",
        "import grpc",
        "",
        config_import(svc),
        "",
        f"channel = grpc.insecure_channel({setting(svc, 'UPSTREAM_ADDR')})",
        f'_ping = channel.unary_unary("/{up.ident}.{up.domain.capitalize()}/Ping")',
        "",
        "",
        f"def ping_{up.domain}() -> bytes:",
        '    return _ping(b"ping", timeout=3)',
    ]) + "\n"


def models_py(svc: Service) -> str:
    cls = svc.domain.capitalize().rstrip("s") or "Item"
    return "\n".join([
        f'"""Request and response models for {svc.name}."""',
        "",
        "from pydantic import BaseModel, Field",
        "",
        "",
        f"class {cls}(BaseModel):",
        "    id: int",
        "    name: str = Field(min_length=1, max_length=200)",
        "    active: bool = True",
        "",
        "",
        f"class {cls}Page(BaseModel):",
        f"    items: list[{cls}]",
        "    total: int",
    ]) + "\n", cls


def routes_py(svc: Service, has_models: bool, model_cls: str | None) -> str:
    out = [f'"""HTTP routes for {svc.name}."""', ""]
    third = ["from fastapi import APIRouter, HTTPException"]
    if svc.mistake == "undeclared-import":
        third.insert(0, svc.mistake_detail["statement"])
    local: list[str] = []
    if svc.uses_db:
        local.append("from app import db")
    if svc.uses_redis:
        local.append("from app import cache")
    if svc.upstream is not None:
        local.append("from app import clients")
    if has_models:
        local.append(f"from app.models import {model_cls}, {model_cls}Page")
    out += third + [""] + local + ([""] if local else [])
    out += [f'router = APIRouter(prefix="/{svc.domain}", tags=["{svc.domain}"])', ""]
    if svc.mistake == "undeclared-import":
        out += [f"_helper = {svc.mistake_detail['use']}", ""]
    out += [""]
    ret = f"{model_cls}Page" if has_models else "dict"
    out += [f'@router.get("")', f"def list_{svc.domain}() -> {ret}:"]
    if svc.uses_db:
        total = "db.count_" + svc.domain + "()"
    else:
        total = "0"
    if has_models:
        out.append(f"    return {model_cls}Page(items=[], total={total})")
    else:
        out.append(f'    return {{"items": [], "total": {total}}}')
    out += ["", ""]
    out += [f'@router.get("/{{item_id}}")', f"def get_{svc.domain}(item_id: int) -> dict:"]
    if svc.uses_redis:
        out += [
            "    cached = cache.get(str(item_id))",
            "    if cached is not None:",
            '        return {"id": item_id, "name": cached}',
        ]
    if svc.upstream is not None:
        if svc.upstream.kind == "http":
            out.append(f"    upstream = clients.fetch_{svc.upstream.domain}(item_id)")
        else:
            out.append(f"    upstream = clients.ping_{svc.upstream.domain}()")
        out += ["    if not upstream:", '        raise HTTPException(status_code=502, detail="upstream unavailable")']
    out += [
        "    if item_id <= 0:",
        '        raise HTTPException(status_code=404, detail="not found")',
        f'    return {{"id": item_id, "name": "{svc.domain}-" + str(item_id)}}',
    ]
    return "\n".join(out) + "\n"


def handlers_py(svc: Service) -> str:
    out = [f'"""gRPC handlers for {svc.name}."""', "", "import logging", ""]
    third = ["import grpc"]
    if svc.mistake == "undeclared-import":
        third.insert(0, svc.mistake_detail["statement"])
    out += third + [""]
    local: list[str] = []
    if svc.uses_db:
        local.append("from app import db")
    if svc.uses_redis:
        local.append("from app import cache")
    if svc.upstream is not None:
        local.append("from app import clients")
    out += local + ([""] if local else [])
    out += ["log = logging.getLogger(__name__)", ""]
    if svc.mistake == "undeclared-import":
        out += [f"_helper = {svc.mistake_detail['use']}", ""]
    out += [
        "",
        "def _ping(request: bytes, context: grpc.ServicerContext) -> bytes:",
        '    return b"pong"',
        "",
        "",
        "def _count(request: bytes, context: grpc.ServicerContext) -> bytes:",
    ]
    if svc.uses_redis:
        out += [
            '    cached = cache.get("count")',
            "    if cached is not None:",
            "        return cached.encode()",
        ]
    if svc.upstream is not None:
        if svc.upstream.kind == "http":
            out.append(f"    clients.fetch_{svc.upstream.domain}(1)")
        else:
            out.append(f"    clients.ping_{svc.upstream.domain}()")
    if svc.uses_db:
        out.append(f"    return str(db.count_{svc.domain}()).encode()")
    else:
        out.append('    return b"0"')
    out += [
        "",
        "",
        "def register(server: grpc.Server) -> None:",
        "    handler = grpc.method_handlers_generic_handler(",
        f'        "{svc.ident}.{svc.domain.capitalize()}",',
        "        {",
        '            "Ping": grpc.unary_unary_rpc_method_handler(_ping),',
        '            "Count": grpc.unary_unary_rpc_method_handler(_count),',
        "        },",
        "    )",
        "    server.add_generic_rpc_handlers((handler,))",
        f'    log.info("registered {svc.domain} handlers")',
    ]
    return "\n".join(out) + "\n"


def main_py(svc: Service) -> str:
    if svc.kind == "http":
        out = [
            f'"""{svc.name}: {svc.domain} HTTP API."""',
            "",
            "import logging",
            "import os",
            "",
            "import uvicorn",
            "from fastapi import FastAPI",
            "",
            config_import(svc),
            "from app.routes import router",
            "",
            f"logging.basicConfig(level={setting(svc, 'LOG_LEVEL')}.upper())",
            "",
            f'app = FastAPI(title="{svc.name}")',
            "app.include_router(router)",
            "",
            "",
            '@app.get("/health")',
            "def health() -> dict[str, str]:",
            '    return {"status": "ok"}',
            "",
            "",
            'if __name__ == "__main__":',
            f'    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "{svc.port}")))',
        ]
        return "\n".join(out) + "\n"
    out = [
        f'"""{svc.name}: {svc.domain} gRPC server."""',
        "",
        "import logging",
        "import os",
        "from concurrent import futures",
        "",
        "import grpc",
    ]
    with_health = "grpcio-health-checking" in " ".join(requirements(svc))
    if with_health:
        out += [
            "from grpc_health.v1 import health, health_pb2, health_pb2_grpc",
        ]
    out += [
        "",
        config_import(svc),
        "from app.handlers import register",
        "",
        f"logging.basicConfig(level={setting(svc, 'LOG_LEVEL')}.upper())",
        "",
        "",
        "def serve() -> None:",
        f'    port = os.getenv("PORT", "{svc.port}")',
        "    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))",
        "    register(server)",
    ]
    if with_health:
        out += [
            "    health_servicer = health.HealthServicer()",
            '    health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)',
            "    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)",
        ]
    out += [
        '    server.add_insecure_port(f"[::]:{port}")',
        "    server.start()",
        '    logging.getLogger(__name__).info("listening on %s", port)',
        "    server.wait_for_termination()",
        "",
        "",
        'if __name__ == "__main__":',
        "    serve()",
    ]
    return "\n".join(out) + "\n"


def python_modules(svc: Service, rng: random.Random) -> dict[str, str]:
    files: dict[str, str] = {
        "app/__init__.py": f'"""{svc.name}: the {svc.domain} service."""\n\n__version__ = "1.{svc.index % 17}.{svc.index % 7}"\n',
        "app/main.py": main_py(svc),
        "app/config.py": config_py(svc),
    }
    if svc.uses_db:
        files["app/db.py"] = db_py(svc)
    if svc.uses_redis:
        files["app/cache.py"] = cache_py(svc)
    if svc.upstream is not None:
        files["app/clients.py"] = clients_py(svc)
    model_cls = None
    has_models = False
    if svc.kind == "http":
        if len(files) < 5 and rng.random() < 0.6:
            text, model_cls = models_py(svc)
            files["app/models.py"] = text
            has_models = True
        files["app/routes.py"] = routes_py(svc, has_models, model_cls)
    else:
        files["app/handlers.py"] = handlers_py(svc)
    return files


# ---------------------------------------------------------------- compose

def yaml_str(s: str) -> str:
    return json.dumps(s)  # JSON strings are valid YAML double-quoted scalars


def compose_env(svc: Service) -> list[tuple[str, str]]:
    env: list[tuple[str, str]] = []
    if svc.set_port_env:
        env.append(("PORT", str(svc.port)))
    if svc.uses_db:
        env.append(("DATABASE_URL", "postgresql+psycopg://app:${POSTGRES_PASSWORD}@postgres:5432/app"))
    if svc.uses_redis:
        env.append(("REDIS_URL", f"redis://redis:6379/{svc.index % 16}"))
    for key in svc.secret_keys:
        env.append((key, f"${{{svc.ident.upper()}_{key}}}"))
    if svc.upstream is not None:
        up = svc.upstream
        if up.kind == "http":
            env.append(("UPSTREAM_URL", f"http://{up.name}:{up.port}"))
        else:
            env.append(("UPSTREAM_ADDR", f"{up.name}:{up.port}"))
    env.append(("LOG_LEVEL", "${LOG_LEVEL:-info}"))
    env.append(("SERVICE_NAME", svc.name))
    return env


def compose(services: list[Service], rng: random.Random) -> str:
    out = [
        f"# Local development stack: {len(services)} services, shared postgres and redis.",
        "name: monorepo",
        "",
        "services:",
        "  postgres:",
        "    image: pgvector/pgvector:pg16",
        "    environment:",
        "      POSTGRES_USER: app",
        "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}",
        "      POSTGRES_DB: app",
        "    ports:",
        '      - "5432:5432"',
        "    volumes:",
        "      - pgdata:/var/lib/postgresql/data",
        "    healthcheck:",
        '      test: ["CMD-SHELL", "pg_isready -U app -d app"]',
        "      interval: 5s",
        "      timeout: 3s",
        "      retries: 10",
        "",
        "  redis:",
        "    image: redis:7.4",
        '    command: ["redis-server", "--appendonly", "yes"]',
        "    healthcheck:",
        '      test: ["CMD", "redis-cli", "ping"]',
        "      interval: 5s",
        "      timeout: 3s",
        "      retries: 10",
        "",
    ]
    for svc in services:
        out.append(f"  {svc.name}:")
        out += [
            "    build:",
            f"      context: ./services/{svc.name}",
            "      dockerfile: Dockerfile",
        ]
        if svc.index % 3 == 0:
            out.append(f"    image: ${{REGISTRY:-local}}/{svc.name}:${{IMAGE_TAG:-dev}}")
        container_port = svc.mistake_detail.get("wrong_port", svc.port) if svc.mistake == "port-mismatch" else svc.port
        out += ["    ports:", f'      - "{svc.host_port}:{container_port}"']
        env = compose_env(svc)
        out.append("    environment:")
        if svc.env_list_form:
            out += [f"      - {k}={v}" for k, v in env]
        else:
            out += [f"      {k}: {yaml_str(v) if (v.isdigit() or ':' in v or '$' in v) else v}" for k, v in env]
        deps = []
        if svc.uses_db:
            deps.append(("postgres", "service_healthy"))
        if svc.uses_redis:
            deps.append(("redis", "service_healthy"))
        if svc.upstream is not None:
            deps.append((svc.upstream.name, "service_healthy"))
        if deps:
            out.append("    depends_on:")
            for name, cond in deps:
                out += [f"      {name}:", f"        condition: {cond}"]
        if svc.health_in_compose:
            out.append("    healthcheck:")
            if svc.mistake == "grpc-curl-healthcheck":
                out.append(f'      test: ["CMD", "curl", "-f", "http://localhost:{svc.port}/health"]')
            elif svc.health in ("curl", "probe") and rng.random() < 0.5:
                out.append(f"      test: [\"CMD-SHELL\", {yaml_str(health_shell(svc))}]")
            else:
                out.append("      test: [" + ", ".join(yaml_str(a) for a in ["CMD"] + health_exec(svc)) + "]")
            out += [
                "      interval: 15s",
                "      timeout: 5s",
                "      retries: 5",
                "      start_period: 20s",
            ]
        out.append("    restart: unless-stopped")
        out.append("")
    out += ["volumes:", "  pgdata:", ""]
    return "\n".join(out)


def dotenv(services: list[Service], rng: random.Random) -> str:
    def token(n: int = 32) -> str:
        return "".join(rng.choice("abcdef0123456789") for _ in range(n))

    out = [
        "# Local development values for docker compose.",
        f"POSTGRES_PASSWORD={token(24)}",
        "LOG_LEVEL=info",
        "REGISTRY=local",
        "IMAGE_TAG=dev",
    ]
    for svc in services:
        for key in svc.secret_keys:
            out.append(f"{svc.ident.upper()}_{key}={token()}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- terraform

def hcl_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def hcl_attributes(attrs: list, indent: str) -> list[str]:
    """Attribute lines aligned the way `terraform fmt` aligns them: runs of
    one-line attributes share one column; an attribute written over several
    lines stands apart."""
    lines: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        width = max((len(k) for k, _ in run), default=0)
        lines.extend(f"{indent}{k.ljust(width)} = {v}" for k, v in run)
        run.clear()

    for key, value in attrs:
        if isinstance(value, str):
            run.append((key, value))
        else:
            flush()
            lines.append(f"{indent}{key} = [")
            lines.extend(f"{indent}  {item}," for item in value)
            lines.append(f"{indent}]")
    flush()
    return lines


def ecs_env(svc: Service) -> list[tuple[str, str]]:
    """Plain environment of the ECS container; secrets come from SSM."""
    env = [("PORT", str(svc.port))]
    if svc.uses_redis:
        env.append(("REDIS_URL", f"redis://redis.internal:6379/{svc.index % 16}"))
    if svc.upstream is not None:
        up = svc.upstream
        if up.kind == "http":
            env.append(("UPSTREAM_URL", f"http://{up.name}.internal:{up.port}"))
        else:
            env.append(("UPSTREAM_ADDR", f"{up.name}.internal:{up.port}"))
    env.append(("LOG_LEVEL", "info"))
    return env


def terraform(services: list[Service]) -> str:
    out = [
        "# ECS Fargate task definitions, one per service.",
        "",
        "terraform {",
        '  required_version = ">= 1.6"',
        "  required_providers {",
        "    aws = {",
        '      source  = "hashicorp/aws"',
        '      version = "~> 5.70"',
        "    }",
        "  }",
        "}",
        "",
        'provider "aws" {',
        "  region = var.region",
        "}",
        "",
    ]
    variables = [
        ("region", "string", '"eu-west-1"', "AWS region."),
        ("env", "string", '"prod"', "Environment name used in parameter paths."),
        ("ecr", "string", None, "ECR registry host, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com."),
        ("image_tag", "string", None, "Image tag to deploy."),
        ("execution_role_arn", "string", None, "Task execution role."),
        ("kms_key_id", "string", None, "KMS key for SecureString parameters."),
        ("database_url", "string", None, "Database URL stored in SSM."),
        ("placeholder_secret", "string", None, "Initial value of other secrets; rotated outside Terraform."),
    ]
    for name, typ, default, desc in variables:
        out += [f'variable "{name}" {{', f"  type        = {typ}", f'  description = "{desc}"']
        if default is not None:
            out.append(f"  default     = {default}")
        if name in ("database_url", "placeholder_secret"):
            out.append("  sensitive   = true")
        out += ["}", ""]

    for svc in services:
        secrets = (["DATABASE_URL"] if svc.uses_db else []) + list(svc.secret_keys)
        for key in secrets:
            value = "var.database_url" if key == "DATABASE_URL" else "var.placeholder_secret"
            out += [
                f'resource "aws_ssm_parameter" "{svc.ident}_{key.lower()}" {{',
                f'  name   = "/${{var.env}}/{svc.name}/{key}"',
                '  type   = "SecureString"',
                "  key_id = var.kms_key_id",
                f"  value  = {value}",
                "}",
                "",
            ]
        health = ["CMD-SHELL", health_shell(svc)]
        out += [
            f'resource "aws_ecs_task_definition" "{svc.ident}" {{',
            f'  family                   = "{svc.name}"',
            '  requires_compatibilities = ["FARGATE"]',
            '  network_mode             = "awsvpc"',
            f"  cpu                      = {svc.cpu}",
            f"  memory                   = {svc.memory}",
            "  execution_role_arn       = var.execution_role_arn",
            "  container_definitions = jsonencode([{",
        ]
        # (key, value) for one-line attributes, (key, [lines]) for lists written out.
        attrs: list[tuple[str, "str | list[str]"]] = [
            ("name", f'"{svc.name}"'),
            ("image", f'"${{var.ecr}}/{svc.name}:${{var.image_tag}}"'),
            ("portMappings", f'[{{ containerPort = {svc.port}, protocol = "tcp" }}]'),
        ]
        pairs = [f'{{ name = "{k}", value = "{v}" }}' for k, v in ecs_env(svc)]
        attrs.append(("environment", f"[{', '.join(pairs)}]" if len(pairs) <= 3 else pairs))
        refs = [f'{{ name = "{k}", valueFrom = aws_ssm_parameter.{svc.ident}_{k.lower()}.arn }}' for k in secrets]
        attrs.append(("secrets", f"[{refs[0]}]" if len(refs) == 1 else refs))
        attrs.append(("healthCheck", f"{{ command = {hcl_list(health)}, interval = 30, timeout = 5, retries = 3, startPeriod = {180 if svc.kind == 'grpc' else 120} }}"))
        attrs.append(("logConfiguration", f'{{ logDriver = "awslogs", options = {{ "awslogs-group" = "/ecs/{svc.name}", "awslogs-region" = var.region, "awslogs-stream-prefix" = "ecs" }} }}'))
        out += hcl_attributes(attrs, "    ")
        out += [
            "  }])",
            "}",
            "",
        ]
    return "\n".join(out)


# ---------------------------------------------------------------- writing

class Writer:
    def __init__(self, root: str) -> None:
        self.root = root
        self.files = 0
        self.lines: dict[str, int] = {}

    def write(self, rel: str, text: str, kind: str) -> None:
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        self.files += 1
        self.lines[kind] = self.lines.get(kind, 0) + text.count("\n")


def prepare_out(out: str) -> None:
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.exists(os.path.join(out, MARKER)):
            sys.exit(f"generate_monorepo: {out} exists, is not empty and was not written by this script; refusing to overwrite")
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)


def generate(count: int, out: str, seed: int) -> Writer:
    rng = random.Random(seed)
    services = plan_services(count, rng)
    prepare_out(out)
    w = Writer(out)
    w.write(MARKER, f"services={count} seed={seed}\n", "other")
    for svc in services:
        base = f"services/{svc.name}"
        w.write(f"{base}/Dockerfile", dockerfile(svc), "dockerfile")
        w.write(f"{base}/requirements.txt", "\n".join(requirements(svc)) + "\n", "requirements")
        w.write(f"{base}/.dockerignore", dockerignore(svc, rng), "other")
        for rel, text in python_modules(svc, rng).items():
            w.write(f"{base}/{rel}", text, "python")
    w.write("docker-compose.yml", compose(services, rng), "compose")
    w.write(".env", dotenv(services, rng), "other")
    w.write("infra/ecs.tf", terraform(services), "terraform")
    expected = [
        {"service": s.name, "kind": s.mistake, **{k: v for k, v in s.mistake_detail.items() if k in ("file", "what")}}
        for s in services if s.mistake
    ]
    # Running as root is a shape, not an injected mistake, but linters warn about it.
    root = [s.name for s in services if not s.has_user]
    manifest = {"seed": seed, "services": count, "mistakes": expected, "runs_as_root": root}
    w.write("expected-mistakes.json", json.dumps(manifest, indent=2) + "\n", "other")
    w.mistakes = len(expected)  # type: ignore[attr-defined]
    return w


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic Python monorepo for benchmarking.")
    parser.add_argument("--services", type=int, required=True, metavar="N", help="number of services")
    parser.add_argument("--out", required=True, metavar="DIR", help="output directory")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    args = parser.parse_args(argv)
    if not 1 <= args.services <= 9999:
        parser.error("--services must be between 1 and 9999")
    w = generate(args.services, args.out, args.seed)
    total = sum(w.lines.values())
    detail = ", ".join(f"{k} {v}" for k, v in sorted(w.lines.items()))
    print(f"{args.out}: {args.services} services ({w.mistakes} with mistakes), "  # type: ignore[attr-defined]
          f"{w.files} files, {total} lines ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
