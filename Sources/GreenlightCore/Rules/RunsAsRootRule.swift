/// A process that runs as root inside a container turns any code-execution bug
/// into root on the container's filesystem and mounted volumes.
public struct RunsAsRootRule: Rule {
    public static let description = RuleDescription(
        id: "runs-as-root",
        title: "The final image runs as root",
        defaultSeverity: .warning,
        rationale: """
            Without a USER instruction the container runs as root (the default of every official base image \
            except the distroless :nonroot variants). The release checklists this rule comes from create a \
            non-root user in every production image; platforms such as Kubernetes with runAsNonRoot refuse \
            to start such images at all.
            """,
        fix: "Create a user and switch to it at the end of the final stage: `RUN useradd --create-home app` then `USER app` (or `USER 1000`).",
        triggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    ↓FROM python:3.12-slim
                    WORKDIR /app
                    COPY app.py .
                    CMD ["python", "app.py"]
                    """,
                "app.py": "print('ok')\n",
            ]),
            RuleExample([
                "Dockerfile": """
                    FROM node:20-alpine
                    WORKDIR /app
                    USER node
                    COPY server.js .
                    ↓USER root
                    CMD ["node", "server.js"]
                    """,
                "server.js": "console.log('ok')\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim AS build
                    RUN pip install --prefix=/install fastapi==0.115.0
                    FROM python:3.12-slim
                    RUN useradd --create-home --uid 1000 app
                    COPY --from=build /install /usr/local
                    WORKDIR /app
                    COPY --chown=app:app app.py .
                    USER app
                    CMD ["python", "app.py"]
                    """,
                "app.py": "print('ok')\n",
            ]),
            RuleExample([
                "Dockerfile": """
                    FROM gcr.io/distroless/python3-debian12:nonroot
                    COPY app.py /app/app.py
                    CMD ["/app/app.py"]
                    """,
                "app.py": "print('ok')\n",
            ], note: "The distroless :nonroot images already run as uid 65532."),
            RuleExample([
                "Dockerfile": """
                    FROM registry.internal.example/base/python-service:7
                    COPY app.py /app/app.py
                    CMD ["python", "/app/app.py"]
                    """,
                "app.py": "print('ok')\n",
            ], note: "An unknown base image may set its own USER: Greenlight stays silent."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var reported: Set<SourceLocation> = []
        var findings: [Finding] = []
        for service in project.services {
            guard let image = service.container, service.build != nil else { continue }
            if let user = service.userOverride, !RunsAsRootRule.isRoot(user.value) { continue }
            let location: SourceLocation
            let message: String
            if let user = image.user {
                guard RunsAsRootRule.isRoot(user.value) else { continue }
                location = user.location
                message = "the final stage of \(image.dockerfile) switches to USER \(user.value), so \(service.name) runs as root"
            } else {
                guard image.baseKnown else { continue }
                let baseUser = image.baseUser ?? "root"
                guard RunsAsRootRule.isRoot(baseUser) else { continue }
                location = image.baseLocation
                message = "the final stage of \(image.dockerfile) (FROM \(image.baseImage)) has no USER instruction, so \(service.name) runs as root"
            }
            guard reported.insert(location).inserted else { continue }
            findings.append(finding(message, at: location, service: service.name))
        }
        return findings
    }

    static func isRoot(_ user: String) -> Bool {
        let name = user.split(separator: ":", maxSplits: 1).first.map(String.init) ?? user
        return name == "root" || name == "0"
    }
}
