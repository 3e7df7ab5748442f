/// A start command whose module or script is not in the image exits at once with
/// "No module named …" or "can't open file …"; the orchestrator restarts it forever.
public struct EntrypointMissingRule: Rule {
    public static let description = RuleDescription(
        id: "entrypoint-missing",
        title: "The start command runs a module or file that is not in the image",
        defaultSeverity: .error,
        rationale: """
            From the incident behind this rule: workflow-engine's Dockerfile had `COPY workflow_engine/ .`, which \
            copies the directory's contents, not the directory, so the package was flattened into /app. First \
            `python server.py` failed with "can't open file '/app/workflow_engine/server.py'", then \
            `python -m workflow_engine.server` with "No module named workflow_engine.server". Greenlight \
            simulates WORKDIR, COPY and ADD over the real build context (honouring .dockerignore) and checks the \
            start command's target against the resulting image.
            """,
        fix: "Copy the package directory itself (`COPY workflow_engine/workflow_engine ./workflow_engine`), or run what is actually in the image; set WORKDIR or PYTHONPATH so the module is importable.",
        triggeringExamples: [
            RuleExample([
                "apps/workflow_engine/Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    COPY workflow_engine/ .
                    ↓CMD ["python", "-m", "workflow_engine"]
                    """,
                "apps/workflow_engine/workflow_engine/__init__.py": "",
                "apps/workflow_engine/workflow_engine/__main__.py": "from workflow_engine.server import serve\nserve()\n",
                "apps/workflow_engine/workflow_engine/server.py": "def serve():\n    pass\n",
            ], note: "The flattened-package incident: /app has __main__.py and server.py, but no workflow_engine/."),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: .
                        command: ↓python workflow_engine/server.py
                    """,
                "Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    COPY workflow_engine/ .
                    CMD ["python", "server.py"]
                    """,
                "workflow_engine/server.py": "print('serving')\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "apps/workflow_engine/Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    COPY workflow_engine/workflow_engine ./workflow_engine
                    COPY shared/ ./shared/
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "apps/workflow_engine/workflow_engine/workflow_engine/__init__.py": "",
                "apps/workflow_engine/workflow_engine/workflow_engine/__main__.py": "print('serving')\n",
                "apps/workflow_engine/shared/__init__.py": "",
            ], note: "The fix from the incident: the package hierarchy is preserved."),
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY pyproject.toml .
                    COPY src ./src
                    RUN pip install --no-cache-dir .
                    CMD ["python", "-m", "acme_api"]
                    """,
                "pyproject.toml": "[project]\nname = \"acme-api\"\nversion = \"1.0\"\n",
                "src/acme_api/__init__.py": "",
                "src/acme_api/__main__.py": "print('ok')\n",
            ], note: "`pip install .` puts the package in site-packages, which Greenlight cannot see: it stays silent."),
            RuleExample([
                "Dockerfile": """
                    FROM node:20-slim
                    WORKDIR /srv
                    COPY package.json server.js ./
                    COPY templates/ ./templates/
                    RUN npm ci --omit=dev
                    USER node
                    CMD ["node", "server.js"]
                    """,
                "package.json": "{\"name\": \"gateway\", \"private\": true}\n",
                "server.js": "require('http').createServer().listen(3000)\n",
                "templates/index.html": "<html></html>\n",
            ], note: "Any file of the build context counts, not only the kinds Greenlight parses."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<SourceLocation> = []
        for service in project.services {
            guard let entry = service.entry, case .missing(let tried, let hint) = entry.status else { continue }
            guard reported.insert(entry.location).inserted else { continue }
            let what: String
            switch entry.target {
            case .module(let name): what = "module \(name) (python -m) is not in the image"
            case .script(let path): what = "\(path) is not in the image"
            case .appModule(let name): what = "module \(name) is not in the image"
            case .executable(let path): what = "executable \(path) is not in the image"
            }
            var message = "`\(entry.command)` cannot start \(service.name): \(what)"
            if !tried.isEmpty { message += " (looked for \(tried.joined(separator: ", ")))" }
            if let hint { message += "; \(hint)" }
            findings.append(finding(message, at: entry.location, service: service.name))
        }
        return findings
    }
}
