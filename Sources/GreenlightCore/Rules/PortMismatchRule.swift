/// When EXPOSE, the compose ports, the `*_PORT` variable, the start command, the
/// code and the health check name different ports, something connects to a port
/// nothing listens on.
public struct PortMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "port-mismatch",
        title: "The ports in the Dockerfile, deploy target, environment, command, code and health check disagree",
        defaultSeverity: .error,
        rationale: """
            From the incident behind this rule: workflow-engine's Dockerfile said EXPOSE 50050, its task \
            definition containerPort 8000 and GRPC_PORT=8000, and its health check probed 8000. Each file looked \
            right on its own; together, traffic and health checks went to a port the server did not listen on. \
            Greenlight reads where the server really listens (the code's listen call and the variables and \
            defaults it reads, or the start command's --port) and checks every other claim against it.
            """,
        fix: "Pick the port the server listens on and use it everywhere: EXPOSE, compose ports/expose, the *_PORT variable, --port, and the health check.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: ./workflow_engine
                        environment:
                          GRPC_PORT: "8000"
                        ports:
                          - ↓"50050:50050"
                        healthcheck:
                          test: ↓["CMD", "nc", "-z", "localhost", "50050"]
                    """,
                "workflow_engine/Dockerfile": """
                    FROM python:3.11
                    RUN apt-get update && apt-get install -y --no-install-recommends netcat-traditional
                    WORKDIR /app
                    COPY workflow_engine ./workflow_engine
                    ↓EXPOSE 50050
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/workflow_engine/__init__.py": "",
                "workflow_engine/workflow_engine/__main__.py": """
                    import os
                    import grpc

                    port = int(os.getenv("GRPC_PORT", "50050"))
                    server = grpc.server(None)
                    server.add_insecure_port(f"[::]:{port}")
                    """,
            ], note: "GRPC_PORT=8000 moves the server to 8000; EXPOSE and the published port still say 50050."),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        build: .
                        ports:
                          - ↓"8080:80"
                    """,
                "Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY main.py .
                    RUN pip install --no-cache-dir fastapi==0.115.0 uvicorn==0.30.6
                    EXPOSE 8000
                    CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
                    """,
                "main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: ./workflow_engine
                        environment:
                          GRPC_PORT: "50050"
                          DATABASE_PORT: "5432"
                        ports:
                          - "50050:50050"
                        healthcheck:
                          test: ["CMD", "nc", "-z", "localhost", "50050"]
                    """,
                "workflow_engine/Dockerfile": """
                    FROM python:3.11
                    RUN apt-get update && apt-get install -y --no-install-recommends netcat-traditional
                    WORKDIR /app
                    COPY workflow_engine ./workflow_engine
                    EXPOSE 50050
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/workflow_engine/__init__.py": "",
                "workflow_engine/workflow_engine/__main__.py": """
                    import os
                    import grpc

                    server = grpc.server(None)
                    server.add_insecure_port(f"[::]:{os.getenv('GRPC_PORT', '50051')}")
                    """,
            ]),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      web:
                        image: nginx:1.27
                        ports:
                          - "8080:80"
                          - "8443:443"
                        healthcheck:
                          test: ["CMD", "curl", "-f", "http://localhost/"]
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.services.flatMap(check(service:))
    }

    func check(service: Service) -> [Finding] {
        let claims = service.ports
        let listeners = claims.filter { $0.role == .codeListen || $0.role == .commandFlag }
        let codeReads = Set(service.code?.envReads.map(\.name) ?? [])
        let expectations = claims.filter { claim in
            switch claim.role {
            case .codeListen, .commandFlag: return false
            case .environment(let name): return !codeReads.contains(name)
            default: return true
            }
        }
        if !listeners.isEmpty {
            if service.code?.listens.contains(where: { $0.port == .unknown }) == true,
               !listeners.contains(where: { $0.role == .commandFlag }) {
                return []
            }
            let listening = Set(listeners.map(\.port))
            return expectations.filter { !listening.contains($0.port) }.map { claim in
                mismatch(claim, service: service, against: listeners, listening: listening, others: claims)
            }
        }
        // Nothing says where the server listens: the declarations must at least agree with each other.
        let declared = claims.filter {
            $0.role == .expose || $0.role == .composePublished || $0.role == .composeExpose || $0.role == .containerPort || $0.role.isEnvironment
        }
        let exposed = Set(claims.filter { $0.role == .expose }.map(\.port))
        let environment = Set(claims.filter { $0.role.isEnvironment }.map(\.port))
        var findings: [Finding] = []
        for claim in claims {
            let reference: [PortClaim]
            switch claim.role {
            case .healthCheck:
                reference = declared
            case .composePublished, .composeExpose, .containerPort:
                guard !exposed.isEmpty || !environment.isEmpty else { continue }
                reference = declared.filter { $0.role == .expose || $0.role.isEnvironment }
            case .environment:
                guard !exposed.isEmpty else { continue }
                reference = declared.filter { $0.role == .expose }
            default:
                continue
            }
            let ports = Set(reference.map(\.port))
            guard !ports.isEmpty, !ports.contains(claim.port) else { continue }
            findings.append(mismatch(claim, service: service, against: reference, listening: ports, others: claims))
        }
        return findings
    }

    private func mismatch(_ claim: PortClaim, service: Service, against reference: [PortClaim], listening: Set<Int>, others: [PortClaim]) -> Finding {
        let ports = listening.sorted().map(String.init).joined(separator: " and ")
        let isListener = reference.contains { $0.role.isListener }
        let because = reference.map(\.provenance).joined(separator: "; ")
        let rest = others.filter { $0 != claim && !reference.contains($0) }.map(\.provenance)
        var message = "\(claim.label) (\(claim.location)) does not match: \(service.name) "
        message += isListener ? "listens on \(ports) — \(because)" : "declares \(ports) — \(because)"
        if !rest.isEmpty { message += "; also \(rest.joined(separator: "; "))" }
        return finding(
            message,
            at: claim.location,
            service: service.name,
            fix: "Use \(ports) here, or change where the server listens so that every claim names the same port.",
            related: reference.map { RelatedLocation($0.label, at: $0.location) })
    }
}

extension PortClaim.Role {
    var isEnvironment: Bool {
        if case .environment = self { return true }
        return false
    }
}
