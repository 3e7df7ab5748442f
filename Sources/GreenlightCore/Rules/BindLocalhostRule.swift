/// A server bound to 127.0.0.1 inside a container is unreachable from outside
/// it: published ports, health checks from the orchestrator and other services all
/// get "connection refused".
public struct BindLocalhostRule: Rule {
    public static let description = RuleDescription(
        id: "bind-localhost",
        title: "The server listens on localhost inside the container",
        defaultSeverity: .error,
        rationale: """
            Inside a container, 127.0.0.1 is the container's own loopback: Docker's port publishing, load \
            balancers and other services connect through the container's network interface and are refused. \
            uvicorn and gunicorn bind 127.0.0.1 unless told otherwise, and Flask's app.run() does too. The \
            checklists this rule comes from require gRPC servers to bind `[::]` and HTTP servers 0.0.0.0.
            """,
        fix: "Listen on all interfaces: `--host 0.0.0.0` (uvicorn), `--bind 0.0.0.0:PORT` (gunicorn), `app.run(host=\"0.0.0.0\")`, `server.add_insecure_port(\"[::]:PORT\")`.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        build: .
                        ports:
                          - "8000:8000"
                        command: ↓uvicorn main:app --port 8000
                    """,
                "Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    RUN pip install --no-cache-dir fastapi==0.115.0 uvicorn==0.30.6
                    COPY main.py .
                    CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
                    """,
                "main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            ], note: "The compose command drops --host, so uvicorn binds its default, 127.0.0.1."),
            RuleExample([
                "Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    RUN pip install --no-cache-dir grpcio==1.66.1
                    COPY server.py .
                    CMD ["python", "server.py"]
                    """,
                "server.py": """
                    import grpc
                    server = grpc.server(None)
                    ↓server.add_insecure_port("localhost:50051")
                    server.start()
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    RUN pip install --no-cache-dir grpcio==1.66.1 fastapi==0.115.0 uvicorn==0.30.6
                    COPY . .
                    CMD ["python", "server.py"]
                    """,
                "server.py": """
                    import os
                    import grpc
                    import uvicorn
                    from fastapi import FastAPI

                    server = grpc.server(None)
                    server.add_insecure_port(f"{os.getenv('GRPC_HOST', '[::]')}:50051")
                    app = FastAPI()
                    uvicorn.run(app, host="0.0.0.0", port=8000)
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<SourceLocation> = []
        for service in project.services {
            for bind in service.code?.binds ?? [] where BindLocalhostRule.isLoopback(bind.host) {
                guard reported.insert(bind.location).inserted else { continue }
                findings.append(finding(
                    "\(service.name) listens on \(bind.host) (\(bind.how)): inside a container that is reachable only from the container itself, so published ports and health checks from outside are refused",
                    at: bind.location, service: service.name))
            }
        }
        return findings
    }

    static func isLoopback(_ host: String) -> Bool {
        let trimmed = host.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        return trimmed == "localhost" || trimmed.hasPrefix("127.") || trimmed == "::1" || trimmed == "ip6-localhost"
    }
}

import Foundation
