/// `:latest` (or no tag) makes a deploy unrepeatable: the same commit can start a
/// different image tomorrow, and a rollback cannot name what it rolls back to.
public struct ImageTagLatestRule: Rule {
    public static let description = RuleDescription(
        id: "image-tag-latest",
        title: "An image is used as :latest or without a tag",
        defaultSeverity: .warning,
        rationale: """
            The pre-deployment checklists this rule comes from say it twice: "Image tags are unique and traceable — \
            not using :latest for production deployments". A `FROM python` or `image: nats:latest` resolves to \
            whatever was pushed last, so two builds of one commit differ, a base-image release can break a deploy \
            nobody changed, and a rollback has no version to go back to.
            """,
        fix: "Pin a version tag (python:3.12-slim, nats:2.10) or a digest (@sha256:…); tag your own images with the commit SHA or a release version.",
        triggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    ↓FROM python
                    COPY app.py /app/app.py
                    CMD ["python", "/app/app.py"]
                    """,
                "app.py": "print('ok')\n",
            ]),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      nats:
                        image: ↓nats:latest
                      nginx:
                        image: ↓nginx
                        ports:
                          - "80:80"
                    """,
            ]),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        build: ./backend
                        image: ↓ghcr.io/acme/api:${VERSION:-latest}
                    """,
                "backend/Dockerfile": "FROM python:3.12-slim\nCMD [\"python\", \"-c\", \"print(1)\"]\n",
            ], note: "The tag the build pushes falls back to latest when VERSION is unset."),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    ARG PYTHON_VERSION=3.12
                    FROM python:${PYTHON_VERSION}-slim AS build
                    FROM gcr.io/distroless/python3-debian12@sha256:0a3e2d4f1c7a5b7d9e2f6c8b0a1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d
                    COPY --from=build /usr/local/lib /usr/local/lib
                    FROM scratch AS empty
                    FROM build
                    CMD ["python", "-c", "print(1)"]
                    """,
            ], note: "Pinned tags, digests, scratch and references to earlier stages are fine."),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      postgres:
                        image: pgvector/pgvector:pg15
                      api:
                        build: ./backend
                        image: ghcr.io/acme/api:${VERSION:?set VERSION to the commit SHA}
                    """,
                "backend/Dockerfile": "FROM python:3.12-slim\nCMD [\"python\", \"-c\", \"print(1)\"]\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.images.compactMap { use in
            guard let reference = ImageReference.parse(use.reference), !reference.containsVariables, !reference.isScratch,
                  reference.usesLatest, reference.digest == nil
            else { return nil }
            let shown = use.written == use.reference ? "`\(use.reference)`" : "`\(use.written)` (resolves to `\(use.reference)`)"
            let problem = reference.tag == nil ? "has no tag, so it means :latest" : "uses the :latest tag"
            let message: String
            switch use.kind {
            case .from:
                message = "FROM \(shown) \(problem): every build may start from a different base image"
            case .pulled:
                message = "image \(shown) \(problem): each `docker compose pull` may deploy a different version, and a rollback cannot name the old one"
            case .deployed:
                message = "the task definition deploys \(shown), which \(problem): a new task may start a different image than the one that was tested, and rolling back the task definition does not roll back the image"
            case .buildTag:
                message = "the built image is tagged \(shown), which \(problem): deploys are not traceable to a commit and cannot be rolled back by tag"
            }
            return finding(message, at: use.location, service: use.service)
        }
    }
}
