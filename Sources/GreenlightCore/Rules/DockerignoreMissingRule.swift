/// Without a `.dockerignore`, `docker build` sends the whole directory to the
/// builder, and `COPY . .` bakes `.env` files, keys and `.git` into the image.
public struct DockerignoreMissingRule: Rule {
    public static let description = RuleDescription(
        id: "dockerignore-missing",
        title: "A build context has no .dockerignore but holds .git, .env or similar",
        defaultSeverity: .warning,
        rationale: """
            Every file of the build context goes to the builder, and `COPY . .` puts it in a layer that anyone who \
            can pull the image can read: `.env` files with API keys, private keys, the whole `.git` history, local \
            virtualenvs and node_modules that also make builds slow and images large. The release-engineering \
            guides this rule comes from configure .dockerignore first for exactly these entries.
            """,
        fix: "Add a .dockerignore next to the build context root listing at least .git, .env, .env.*, *.pem, .venv, node_modules and __pycache__.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        build: ↓./backend
                        ports:
                          - "8000:8000"
                    """,
                "backend/Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY . .
                    CMD ["python", "-m", "app"]
                    """,
                "backend/.env": "OPENAI_API_KEY=sk-proj-1234\n",
                "backend/app/__main__.py": "print('ok')\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        build: ./backend
                    """,
                "backend/Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY . .
                    CMD ["python", "-m", "app"]
                    """,
                "backend/.dockerignore": ".git\n.env\n.env.*\n.venv\n__pycache__\n",
                "backend/.env": "OPENAI_API_KEY=sk-proj-1234\n",
                "backend/app/__main__.py": "print('ok')\n",
            ]),
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim
                    COPY app.py /app/app.py
                    CMD ["python", "/app/app.py"]
                    """,
                "app.py": "print('ok')\n",
            ], note: "Nothing sensitive in the context: nothing to ignore."),
        ]
    )

    /// Entries that should never reach a builder, and why.
    static let sensitive: [(name: String, why: String)] = [
        (".env", "environment file with secrets"),
        (".git", "the repository history"),
        (".aws", "AWS credentials"),
        ("id_rsa", "a private SSH key"),
        (".npmrc", "registry credentials"),
        (".pypirc", "registry credentials"),
        (".venv", "a local virtualenv"),
        ("venv", "a local virtualenv"),
        ("node_modules", "local node_modules"),
    ]

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.buildContexts.compactMap { context in
            guard context.ignoreFile == nil, let entries = project.tree.list(context.path) else { return nil }
            var found: [String] = []
            for entry in entries {
                if let match = DockerignoreMissingRule.sensitive.first(where: { $0.name == entry.name }) {
                    found.append("\(entry.name) (\(match.why))")
                } else if entry.name.hasPrefix(".env."), !entry.isDirectory,
                          !["example", "sample", "template", "dist"].contains(where: { entry.name.hasSuffix($0) }) {
                    found.append("\(entry.name) (environment file)")
                } else if entry.name.hasSuffix(".pem") || entry.name.hasSuffix(".key") {
                    found.append("\(entry.name) (a key file)")
                }
            }
            guard !found.isEmpty else { return nil }
            let where_ = context.path.isEmpty ? "the project root" : context.path + "/"
            var message = "build context \(where_) has no .dockerignore but contains \(found.joined(separator: ", "))"
            if context.copiesWholeContext {
                message += "; `COPY . .` in \(context.dockerfile) puts them into the image"
            } else {
                message += "; all of it is sent to the builder on every build"
            }
            return finding(message, at: context.location, service: context.services.first)
        }
    }
}
