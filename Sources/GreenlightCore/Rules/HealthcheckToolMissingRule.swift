/// A health check that runs a program the image does not have fails with
/// "command not found" forever: the container is restarted in a loop.
public struct HealthcheckToolMissingRule: Rule {
    public static let description = RuleDescription(
        id: "healthcheck-tool-missing",
        title: "The health check runs a program the image does not have",
        defaultSeverity: .error,
        rationale: """
            From the incidents behind this rule: workflow-agent's health check ran `grpc_health_probe`, which \
            was never installed; other images lacked `netcat-traditional` for `nc`. The checks failed with \
            "command not found", ECS replaced the tasks again and again, and `aws ecs wait services-stable` timed \
            out. Slim and distroless base images contain neither curl, wget nor nc.
            """,
        fix: "Install the program in the final stage (apt-get install curl / netcat-traditional, or download grpc_health_probe), or probe with a program the image has (python -c with urllib or socket).",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-agent:
                        build: ./workflow_agent
                        ports:
                          - "50051:50051"
                        healthcheck:
                          test: ↓["CMD", "grpc_health_probe", "-addr=localhost:50051"]
                          start_period: 240s
                    """,
                "workflow_agent/Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    COPY requirements.txt .
                    RUN pip install --no-cache-dir -r requirements.txt
                    COPY workflow_agent ./workflow_agent
                    CMD ["python", "-m", "workflow_agent"]
                    """,
                "workflow_agent/requirements.txt": "grpcio==1.66.1\n",
                "workflow_agent/workflow_agent/__init__.py": "",
                "workflow_agent/workflow_agent/__main__.py": "import grpc\nserver = grpc.server(None)\nserver.add_insecure_port('[::]:50051')\n",
            ]),
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY app.py .
                    ↓HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
                    CMD ["python", "app.py"]
                    """,
                "app.py": "print('ok')\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.11-slim
                    RUN apt-get update \\
                        && apt-get install -y --no-install-recommends netcat-traditional \\
                        && rm -rf /var/lib/apt/lists/*
                    ADD --chmod=755 https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/v0.4.24/grpc_health_probe-linux-amd64 /bin/grpc_health_probe
                    COPY app.py /app/app.py
                    HEALTHCHECK CMD nc -z localhost 50051 && grpc_health_probe -addr=localhost:50051 || exit 1
                    CMD ["python", "/app/app.py"]
                    """,
                "app.py": "print('ok')\n",
            ]),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: registry.internal.example/api:2.3.0
                        healthcheck:
                          test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
                      cache:
                        image: redis:7.4
                        healthcheck:
                          test: ["CMD", "redis-cli", "ping"]
                    """,
            ], note: "An unknown image may have curl; redis images ship redis-cli."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<String> = []
        for service in project.services {
            guard let check = service.healthCheck, check.test != .disabled, let image = service.container else { continue }
            var missing: [(String, String)] = []
            if check.needsShell, case .absent(let why) = image.tool("sh") {
                missing.append(("/bin/sh (the check is in shell form)", why))
            }
            for command in check.commands {
                guard let program = command.first, !HealthcheckToolMissingRule.shellBuiltins.contains(program) else { continue }
                if case .absent(let why) = image.tool(program) {
                    missing.append(("`\(program)`", why))
                }
            }
            guard !missing.isEmpty else { continue }
            let key = "\(check.location)|\(image.dockerfile)|\(image.baseImage)"
            guard reported.insert(key).inserted else { continue }
            let what = missing.map { "\($0.0) is not in the image (\($0.1))" }.joined(separator: "; ")
            let source = image.dockerfile.isEmpty ? image.baseImage : "\(image.dockerfile), FROM \(image.baseImage) at \(image.baseLocation)"
            findings.append(finding(
                "health check `\(check.display)` cannot run in \(service.name): \(what) — built from \(source); the check will fail with \"command not found\" and the container will be restarted",
                at: check.location,
                service: service.name,
                fix: HealthcheckToolMissingRule.fix(for: missing.map(\.0), image: image),
                related: [RelatedLocation("final stage base image \(image.baseImage)", at: image.baseLocation)]))
        }
        return findings
    }

    static let shellBuiltins: Set<String> = ["exit", "test", "[", "true", "false", "echo", "set", "cd", "export", ":"]

    static func fix(for programs: [String], image: ContainerImage) -> String {
        if programs.contains(where: { $0.contains("grpc_health_probe") }) {
            return "Download grpc_health_probe into the final stage (e.g. `ADD --chmod=755 https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/v0.4.24/grpc_health_probe-linux-amd64 /bin/grpc_health_probe`), or check the port with a program the image has: `python -c \"import socket; socket.create_connection(('localhost', PORT), 2)\"`."
        }
        if programs.contains("`nc`") {
            return "Install netcat in the final stage (`apt-get install -y --no-install-recommends netcat-traditional`, `apk add netcat-openbsd`), or use `python -c \"import socket; socket.create_connection(('localhost', PORT), 2)\"`."
        }
        if programs.contains("`curl`") || programs.contains("`wget`") {
            return "Install it in the final stage (`apt-get install -y --no-install-recommends curl`), or probe with Python, which the image has: `python -c \"import urllib.request; urllib.request.urlopen('http://localhost:PORT/health', timeout=2)\"`."
        }
        return description.fix
    }
}
