@testable import GreenlightCore

/// Realistic Dockerfiles modelled on common Python service layouts, shared by the
/// Dockerfile tests and the mutation fuzz test.
enum DockerfileFixtures {
    static func parse(_ text: String, path: String = "Dockerfile") -> Dockerfile {
        Dockerfile.parse(SourceText(path: path, string: text))
    }

    /// A FastAPI service: multi-stage pip build with a cache mount, curl health check.
    static let fastAPI = """
    # syntax=docker/dockerfile:1.7
    ARG PYTHON_VERSION=3.12
    FROM --platform=$BUILDPLATFORM python:${PYTHON_VERSION}-slim AS builder
    WORKDIR /app
    ENV PIP_NO_CACHE_DIR=1 \\
        PYTHONDONTWRITEBYTECODE=1
    COPY requirements.txt .
    RUN --mount=type=cache,target=/root/.cache/pip \\
        pip install --prefix=/install -r requirements.txt

    FROM python:${PYTHON_VERSION}-slim AS runtime
    ARG PYTHON_VERSION
    LABEL org.opencontainers.image.source="https://github.com/example/orders-api" \\
          maintainer="Platform Team <platform@example.com>"
    RUN apt-get update \\
        && apt-get install -y --no-install-recommends curl \\
        && rm -rf /var/lib/apt/lists/*
    RUN useradd --create-home --uid 1000 app
    COPY --from=builder /install /usr/local
    COPY --chown=app:app ./app /app/app
    WORKDIR /app
    USER app
    ENV PORT=8000
    EXPOSE ${PORT}
    HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\
      CMD curl -fsS http://localhost:${PORT}/health || exit 1
    CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]

    """

    /// A Flask app served by gunicorn, legacy `ENV key value` syntax, shell-form CMD.
    static let flask = """
    FROM python:3.11-alpine
    MAINTAINER ops@example.com
    ENV FLASK_APP app.py
    ENV GUNICORN_CMD_ARGS "--workers 3 --bind 0.0.0.0:5000"
    WORKDIR /srv
    COPY ["requirements.txt", "/srv/"]
    RUN pip install -r requirements.txt
    COPY . /srv
    EXPOSE 5000/tcp
    STOPSIGNAL SIGINT
    CMD gunicorn wsgi:app

    """

    /// A gRPC service: heredoc-generated stubs, python health probe, exec entrypoint.
    static let grpc = """
    # syntax=docker/dockerfile:1
    FROM python:3.12-slim AS base
    ENV PYTHONUNBUFFERED=1 GRPC_PORT=50051
    WORKDIR /service
    COPY pyproject.toml poetry.lock ./
    RUN <<EOF
    set -eux
    pip install --no-cache-dir poetry==1.8.3
    poetry config virtualenvs.create false
    poetry install --only main --no-root
    EOF
    COPY protos/ protos/
    RUN python -m grpc_tools.protoc -I protos --python_out=. --grpc_python_out=. protos/orders.proto
    COPY <<-"EOT" /service/healthcheck.py
    \timport grpc, sys
    \tfrom grpc_health.v1 import health_pb2, health_pb2_grpc
    \tEOT
    COPY server.py .
    EXPOSE 50051
    HEALTHCHECK --interval=15s CMD ["python", "/service/healthcheck.py"]
    ENTRYPOINT ["python", "server.py"]

    """

    /// A React front end built with node and served by nginx.
    static let nginx = """
    FROM node:20-alpine AS build
    WORKDIR /web
    COPY package.json package-lock.json ./
    RUN npm ci
    COPY . .
    RUN npm run build

    FROM nginx:1.27-alpine
    COPY --from=build /web/dist /usr/share/nginx/html
    COPY nginx.conf /etc/nginx/conf.d/default.conf
    EXPOSE 80
    HEALTHCHECK CMD wget -qO- http://127.0.0.1/ || exit 1
    ONBUILD COPY . /usr/share/nginx/html

    """

    /// A Windows image using the backtick escape character.
    static let windows = """
    # escape=`

    FROM mcr.microsoft.com/windows/servercore:ltsc2022
    SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
    COPY testfile.txt c:\\
    RUN dir c:\\
    RUN New-Item -ItemType Directory C:\\app ; `
        Set-Location C:\\app

    """

    static let all = [fastAPI, flask, grpc, nginx, windows]
}
