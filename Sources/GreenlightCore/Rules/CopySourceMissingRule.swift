/// A COPY whose source is not in the build context fails `docker build` — in CI,
/// after the push that was supposed to deploy — or, excluded by .dockerignore,
/// fails only on a clean checkout.
public struct CopySourceMissingRule: Rule {
    public static let description = RuleDescription(
        id: "copy-source-missing",
        title: "A COPY or ADD source is not in the build context",
        defaultSeverity: .error,
        rationale: """
            The build context is the only thing `docker build` can read: a source that does not exist there, that \
            .dockerignore excludes, or that lies outside it (`COPY ../shared/proto ./proto`, as in the protobuf \
            incident behind generated-code-missing) makes the build fail with "not found" or "forbidden path \
            outside the build context". Greenlight resolves every COPY and ADD against the real context.
            """,
        fix: "Copy a path that exists inside the build context, widen the context (compose `build.context`, the last argument of `docker build`) so it includes the source, or stop excluding it in .dockerignore.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: ./workflow_engine
                    """,
                "workflow_engine/Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    ↓COPY ../shared/proto ./proto
                    ↓COPY requirements.txt .
                    ↓COPY settings.yaml .
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/.dockerignore": "*.yaml\n",
                "workflow_engine/settings.yaml": "debug: false\n",
                "shared/proto/engine.proto": "syntax = \"proto3\";\n",
            ], note: "The proto directory lies outside the context, requirements.txt does not exist, and settings.yaml is ignored."),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build:
                          context: .
                          dockerfile: workflow_engine/Dockerfile
                    """,
                "workflow_engine/Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    COPY shared/proto ./proto
                    COPY workflow_engine/requirements.txt .
                    COPY workflow_engine/*.yaml ./
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                ".dockerignore": ".git\n!workflow_engine/*.yaml\n",
                "workflow_engine/requirements.txt": "grpcio==1.66.1\n",
                "workflow_engine/settings.yaml": "debug: false\n",
                "shared/proto/engine.proto": "syntax = \"proto3\";\n",
            ], note: "Building from the repository root puts shared/ inside the context."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<SourceLocation> = []
        for service in project.services {
            guard let image = service.container, let build = service.build else { continue }
            for problem in image.buildProblems where reported.insert(problem.location).inserted {
                findings.append(finding(
                    "\(problem.value) (building \(service.name) with context \(build.context.isEmpty ? "." : build.context)/)",
                    at: problem.location, service: service.name))
            }
        }
        return findings
    }
}
