/// A service that publishes ports but has no health check is "running" to the
/// orchestrator even while it cannot answer: no restart, no ordering, no rollback signal.
public struct HealthcheckMissingRule: Rule {
    public static let description = RuleDescription(
        id: "healthcheck-missing",
        title: "A long-running service that publishes ports has no health check",
        defaultSeverity: .warning,
        rationale: """
            Without a health check, Docker and compose report a container as healthy the moment its process \
            starts: a server stuck on a database connection or a missing module keeps "running", dependants \
            start against it, and a blue-green switch or an automatic rollback has nothing to decide on. Every \
            service in the deployment checklists this rule comes from has a health check matched to its protocol.
            """,
        fix: "Add a health check that probes the service's port with its protocol: `curl -f http://localhost:PORT/health` for HTTP (install curl), `grpc_health_probe -addr=localhost:PORT` or `nc -z localhost PORT` for gRPC/TCP.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      ↓api:
                        build: .
                        ports:
                          - "8000:8000"
                    """,
                "Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY main.py .
                    RUN pip install --no-cache-dir fastapi==0.115.0 uvicorn==0.30.6
                    CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
                    """,
                "main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        build: .
                        ports:
                          - "8000:8000"
                      worker:
                        build: .
                        command: celery -A tasks worker
                    """,
                "Dockerfile": """
                    FROM python:3.12-slim
                    RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                    WORKDIR /app
                    COPY . .
                    RUN pip install --no-cache-dir fastapi==0.115.0 uvicorn==0.30.6 celery==5.4.0
                    HEALTHCHECK --interval=30s --start-period=20s CMD curl -f http://localhost:8000/health || exit 1
                    CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
                    """,
                "main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
                "tasks.py": "from celery import Celery\napp = Celery('tasks')\n",
            ], note: "The image's HEALTHCHECK covers api; the worker publishes no port."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.services.compactMap { service in
            guard service.isLongRunning, service.healthCheck == nil, case .compose = service.target else { return nil }
            let published = service.ports.filter { $0.role == .composePublished || $0.role == .composeExpose }
            guard let first = published.first else { return nil }
            // A pulled image may bring its own HEALTHCHECK; only a known image or our own build says it does not.
            guard service.build != nil || service.container?.baseKnown == true else { return nil }
            let ports = published.map { String($0.port) }.joined(separator: ", ")
            return finding(
                "\(service.name) publishes port \(ports) (\(first.location)) but has no health check in the compose file or its image: it counts as healthy as soon as its process starts",
                at: service.location,
                service: service.name)
        }
    }
}
