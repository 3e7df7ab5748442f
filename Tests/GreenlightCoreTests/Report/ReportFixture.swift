@testable import GreenlightCore

/// A small but realistic scan result: a FastAPI service built from a multi-stage
/// Dockerfile, a compose file with postgres and redis, and a Celery worker.
enum ReportFixture {
    static let dockerfile = """
        # syntax=docker/dockerfile:1
        FROM python:3.12-slim AS build
        WORKDIR /src
        COPY requirements.txt .
        RUN pip wheel --no-cache-dir -r requirements.txt -w /wheels

        FROM python:3.12-slim
        COPY --from=build /wheels /wheels
        EXPOSE\t8000
        RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
        WORKDIR /app
        COPY app/ ./app/
        CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8080"]

        """

    static let compose = """
        services:
          db:
            image: postgres:16-alpine
            environment:
              POSTGRES_PASSWORD: example
          redis:
            image: redis:7-alpine
          api:
            build: ./api
            ports:
              - "8000:8000"
            depends_on: [db, redis]
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
              interval: 10s
          worker:
            build: ./api
            command: celery -A app.tasks worker

        """

    static let mainPy = """
        import os

        from fastapi import FastAPI

        app = FastAPI()
        nom_base_de_données = os.environ["DATABASE_URL"]


        LOG_LEVEL = os.getenv("LOG_LEVEL", "info")


            from .routes import router


        @app.get("/health")
        def health():
            return {"status": "ok"}

        """

    static let rules = [
        RuleDescription(
            id: "port-mismatch",
            title: "Probed or published port differs from the port the app listens on",
            defaultSeverity: .error,
            rationale: "A health check or port mapping aimed at a port nothing listens on marks a healthy container as dead, and the orchestrator restarts it forever.",
            fix: "Make the health check, EXPOSE and the server's --port agree on one port."
        ),
        RuleDescription(
            id: "env-var-unset",
            title: "Environment variable read by the code is not set by the deployment",
            defaultSeverity: .warning,
            rationale: "os.environ[...] raises KeyError at import time, so the service crashes on start.",
            fix: "Set the variable in the service's environment or env_file, or give it a default in code."
        ),
        RuleDescription(
            id: "entrypoint-module-missing",
            title: "Entrypoint module is not copied into the image",
            defaultSeverity: .error,
            rationale: "The container exits with ModuleNotFoundError on start.",
            fix: "COPY the package that holds the entrypoint module into the image."
        ),
    ]

    static let findings = [
        Finding(
            ruleID: "port-mismatch", severity: .error,
            message: "health check probes HTTP port 8000, but uvicorn listens on 8080",
            location: SourceLocation(file: "docker-compose.yml", line: 14, column: 7),
            service: "api",
            fix: "Probe http://localhost:8080/health, or start uvicorn with --port 8000.",
            related: [RelatedLocation(
                "CMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8080\"]",
                at: SourceLocation(file: "api/Dockerfile", line: 13, column: 1))]
        ),
        Finding(
            ruleID: "port-mismatch", severity: .error,
            message: "EXPOSE 8000, but uvicorn listens on 8080",
            location: SourceLocation(file: "api/Dockerfile", line: 9, column: 8),
            service: "api",
            fix: "EXPOSE 8080"
        ),
        Finding(
            ruleID: "env-var-unset", severity: .warning,
            message: "os.environ[\"DATABASE_URL\"] is read at import → KeyError: compose sets neither <environment> nor env_file & the café-style default is gone\nexpected e.g. postgres://app:s3cret@db:5432/app?sslmode=disable (100%, always)",
            location: SourceLocation(file: "api/app/main.py", line: 6, column: 23),
            service: "api",
            fix: "Add DATABASE_URL: postgres://app@db:5432/app to services.api.environment.",
            related: [
                RelatedLocation("services.api has no environment", at: SourceLocation(file: "docker-compose.yml", line: 8, column: 3)),
                RelatedLocation("", at: SourceLocation(file: "docker-compose.yml", line: 3, column: 5)),
            ]
        ),
        Finding(
            ruleID: "env-var-unset", severity: .note,
            message: "LOG_LEVEL is not set; the code falls back to 'info'",
            location: SourceLocation(file: "api/app/main.py", line: 9, column: 13),
            service: "api"
        ),
        Finding(
            ruleID: "parse-error", severity: .warning,
            message: "unexpected indent; the rest of the file is not followed",
            location: SourceLocation(file: "api/app/main.py", line: 12, column: 5)
        ),
        Finding(
            ruleID: "env-var-unset", severity: .warning,
            message: "CELERY_BROKER_URL is read by app.tasks, but no service, .env or env_file sets it",
            location: nil,
            service: "worker",
            fix: "Set CELERY_BROKER_URL=redis://redis:6379/0 for the worker."
        ),
    ]

    static let summary = Report.Summary(errors: 2, warnings: 3, notes: 1, services: 4, files: 5)

    static var report: Report {
        Report(
            toolVersion: "1.2.3",
            findings: findings,
            summary: summary,
            rules: rules,
            sources: [
                "api/Dockerfile": SourceText(path: "api/Dockerfile", string: dockerfile),
                "docker-compose.yml": SourceText(path: "docker-compose.yml", string: compose),
                "api/app/main.py": SourceText(path: "api/app/main.py", string: mainPy),
            ]
        )
    }

    static var cleanReport: Report {
        Report(
            toolVersion: "1.2.3",
            findings: [],
            summary: Report.Summary(services: 4, files: 12),
            rules: rules
        )
    }
}
