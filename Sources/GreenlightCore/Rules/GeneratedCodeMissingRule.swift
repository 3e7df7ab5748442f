/// Code that imports protobuf stubs the build never generated fails at start-up
/// with ImportError, as workflow-engine did for `workflow_service_pb2`.
public struct GeneratedCodeMissingRule: Rule {
    public static let description = RuleDescription(
        id: "generated-code-missing",
        title: "The code imports generated *_pb2 modules that the image neither contains nor generates",
        defaultSeverity: .error,
        rationale: """
            From the incident behind this rule: `ImportError: cannot import name 'workflow_service_pb2' from \
            'proto'`. The stubs were never generated in the image (the generator ran in the wrong directory and \
            its output was not copied), so 28 tasks failed in a row. Greenlight checks that each imported \
            `*_pb2`/`*_pb2_grpc` module is in the simulated image, or that a build step (protoc, \
            python -m grpc_tools.protoc, or a script that runs them) generates code there.
            """,
        fix: "Generate the stubs in the Dockerfile (`RUN python -m grpc_tools.protoc -I proto --python_out=. --grpc_python_out=. proto/*.proto`) in the directory the import expects, or commit them and COPY them.",
        triggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    RUN pip install --no-cache-dir grpcio==1.66.1 protobuf==5.28.2
                    COPY server.py .
                    COPY proto/__init__.py proto/
                    CMD ["python", "server.py"]
                    """,
                "server.py": "import grpc\n↓from proto import workflow_service_pb2\n",
                "proto/__init__.py": "",
                "proto/workflow_service.proto": "syntax = \"proto3\";\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    RUN pip install --no-cache-dir grpcio==1.66.1 grpcio-tools==1.66.1
                    COPY proto/ proto/
                    RUN python -m grpc_tools.protoc -I. --python_out=. --grpc_python_out=. proto/workflow_service.proto
                    COPY server.py .
                    CMD ["python", "server.py"]
                    """,
                "server.py": "import grpc\nfrom proto import workflow_service_pb2\n",
                "proto/__init__.py": "",
                "proto/workflow_service.proto": "syntax = \"proto3\";\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<SourceLocation> = []
        for service in project.services {
            guard let code = service.code, let image = service.container else { continue }
            for generated in code.generatedImports where !generated.resolved {
                guard reported.insert(generated.location).inserted else { continue }
                let generators = image.generators.isEmpty
                    ? "no build step generates protobuf code"
                    : "the build generates code only into \(image.generators.flatMap(\.outputDirectories).joined(separator: ", "))"
                findings.append(finding(
                    "\(service.name) imports \(generated.module) (\(generated.location)), but it is not in the image built from \(image.dockerfile) and \(generators); start-up fails with ImportError",
                    at: generated.location,
                    service: service.name))
            }
        }
        return findings
    }
}
