/// An HTTP request to a gRPC port never returns a 2xx, and a gRPC health probe
/// against an HTTP server never gets SERVING: the check fails forever.
public struct HealthcheckProtocolRule: Rule {
    public static let description = RuleDescription(
        id: "healthcheck-protocol",
        title: "The health check speaks HTTP to a gRPC service, or gRPC to an HTTP one",
        defaultSeverity: .error,
        rationale: """
            From the incident behind this rule: workflow-engine, a gRPC server, had the health check \
            `curl -f http://localhost:8000/health`. curl cannot get a 2xx from a gRPC (HTTP/2, protobuf) \
            endpoint, so every task failed its health check and was replaced, and the deploy never became stable.
            """,
        fix: "Match the probe to the protocol: for gRPC use `grpc_health_probe -addr=localhost:PORT` (with the standard health service) or a TCP check (`nc -z localhost PORT`); for HTTP use `curl -f http://localhost:PORT/health`.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: ./workflow_engine
                        environment:
                          GRPC_PORT: "50050"
                        healthcheck:
                          test: ↓["CMD", "curl", "-f", "http://localhost:50050/health"]
                    """,
                "workflow_engine/Dockerfile": """
                    FROM python:3.11
                    WORKDIR /app
                    RUN pip install --no-cache-dir grpcio==1.66.1
                    COPY workflow_engine ./workflow_engine
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/workflow_engine/__init__.py": "",
                "workflow_engine/workflow_engine/__main__.py": """
                    import os
                    from concurrent import futures
                    import grpc

                    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
                    server.add_insecure_port(f"[::]:{os.getenv('GRPC_PORT', '50050')}")
                    server.start()
                    server.wait_for_termination()
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: ./workflow_engine
                        healthcheck:
                          test: ["CMD", "nc", "-z", "localhost", "50050"]
                          start_period: 180s
                      api-gateway:
                        image: ghcr.io/acme/api-gateway:3.1.0
                        healthcheck:
                          test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
                    """,
                "workflow_engine/Dockerfile": """
                    FROM python:3.11
                    RUN apt-get update && apt-get install -y --no-install-recommends netcat-traditional
                    WORKDIR /app
                    RUN pip install --no-cache-dir grpcio==1.66.1
                    COPY workflow_engine ./workflow_engine
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/workflow_engine/__init__.py": "",
                "workflow_engine/workflow_engine/__main__.py": """
                    import grpc
                    server = grpc.server(None)
                    server.add_insecure_port("[::]:50050")
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        for service in project.services {
            guard let check = service.healthCheck, let kind = service.kind, kind == .grpc || kind == .http else { continue }
            for probe in check.probes {
                let mismatch: Bool
                switch (kind, probe.protocolKind) {
                case (.grpc, .http): mismatch = true
                case (.http, .grpc): mismatch = true
                default: mismatch = false
                }
                guard mismatch else { continue }
                let evidence = service.kindEvidence.map { " (\($0))" } ?? ""
                let target = probe.port.map { " port \($0)" } ?? ""
                let probeName = probe.protocolKind == .http ? "HTTP" : "gRPC"
                let consequence = kind == .grpc
                    ? "an HTTP/1.1 request to a gRPC server never returns a 2xx, so the check always fails"
                    : "an HTTP server does not implement grpc.health.v1.Health, so the check always fails"
                findings.append(finding(
                    "health check probes \(probeName)\(target) with `\(probe.program)`, but \(service.name) serves \(kind == .grpc ? "gRPC" : "HTTP")\(evidence): \(consequence)",
                    at: check.location,
                    service: service.name,
                    fix: kind == .grpc
                        ? "Probe gRPC: `grpc_health_probe -addr=localhost:\(probe.port.map(String.init) ?? "PORT")` (register grpc_health.v1 in the server and install the probe), or check the port over TCP: `nc -z localhost \(probe.port.map(String.init) ?? "PORT")`."
                        : "Probe HTTP: `curl -f http://localhost:\(probe.port.map(String.init) ?? "PORT")/health`."))
                break
            }
        }
        return findings
    }
}
