/// Code that reads a variable nobody sets crashes at start-up, or starts with None
/// and fails on first use: the seeds' workflow-engine read SUPABASE_URL, which its
/// task definition did not provide.
public struct MissingEnvRule: Rule {
    public static let description = RuleDescription(
        id: "missing-env",
        title: "The code reads an environment variable the deploy target does not set",
        defaultSeverity: .error,
        rationale: """
            From the incident behind this rule: workflow-engine connected to its database at start-up with \
            SUPABASE_URL and SUPABASE_SECRET_KEY, but its task definition set neither; every task exited with \
            code 1 and `aws ecs wait services-stable` hung for eight minutes. Greenlight follows the imports from \
            the service's start command and lists the variables the reachable code reads without a default \
            (`os.environ["X"]`, settings fields without defaults), then checks the deploy target, its env_file \
            and the image's ENV. A variable read with `os.getenv("X")` and no default is reported as a note: \
            the code gets None instead of crashing.
            """,
        fix: "Set the variable for this service: compose `environment:` or `env_file:`, or the task definition's environment/secrets; or give the code a default.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: .
                        environment:
                          OPENAI_API_KEY: ${OPENAI_API_KEY}
                    """,
                "Dockerfile": """
                    FROM python:3.11-slim
                    WORKDIR /app
                    COPY workflow_engine ./workflow_engine
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/__init__.py": "",
                "workflow_engine/__main__.py": "from workflow_engine.db import connect\nconnect()\n",
                "workflow_engine/db.py": """
                    import os

                    def connect():
                        url = ↓os.environ["SUPABASE_URL"]
                        key = ↓os.environ["SUPABASE_SECRET_KEY"]
                        return url, key, os.environ["OPENAI_API_KEY"]
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      workflow-engine:
                        build: .
                        env_file: .env.production
                        environment:
                          - OPENAI_API_KEY
                    """,
                ".env.production": "SUPABASE_URL=https://abcdefghijklmnop.supabase.co\n",
                "Dockerfile": """
                    FROM python:3.11-slim
                    ENV LOG_LEVEL=INFO
                    WORKDIR /app
                    COPY workflow_engine ./workflow_engine
                    CMD ["python", "-m", "workflow_engine"]
                    """,
                "workflow_engine/__init__.py": "",
                "workflow_engine/__main__.py": """
                    import os
                    url = os.environ["SUPABASE_URL"]
                    level = os.environ["LOG_LEVEL"]
                    key = os.environ["OPENAI_API_KEY"]
                    region = os.getenv("AWS_REGION", "us-east-1")
                    """,
                "tools/seed.py": "import os\nprint(os.environ['ADMIN_PASSWORD'])\n",
            ], note: "tools/seed.py is not reachable from the service's entry, so what it reads does not count."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        for service in project.services {
            // Only a deploy target that lists its environment can be checked; a bare image gets `docker run -e` at deploy time.
            guard let code = service.code else { continue }
            let dotenvPath: String
            switch service.target {
            case .compose(let composeFile): dotenvPath = PathUtilities.join(PathUtilities.dirname(composeFile), ".env")
            case .ecs: dotenvPath = ""
            case .image: continue
            }
            if service.ecsContainer?.environmentFiles.isEmpty == false { continue }  // values Greenlight cannot read
            let provided = Set(service.environment.map(\.name))
            var seen: Set<String> = []
            for read in code.envReads where !read.hasDefault && !read.isSatisfied(by: provided) {
                guard seen.insert(read.name).inserted else { continue }
                var message = "\(service.name) reads \(read.name) at \(read.location) without a default, but "
                message += service.taskDefinition == nil
                    ? "neither its compose environment, its env_file nor the image's ENV sets it"
                    : "neither the task definition's environment or secrets nor the image's ENV sets it"
                if project.configValues.contains(where: { $0.key == read.name && $0.location.file == dotenvPath }) {
                    message += " (\(read.name) is in \(dotenvPath), but compose uses that file only for ${…} interpolation, not as the container's environment)"
                }
                if read.raisesWhenMissing {
                    message += "; the service fails at start-up with KeyError/ValidationError"
                    findings.append(finding(message, at: read.location, service: service.name,
                                            related: [RelatedLocation("service \(service.name)", at: service.location)]))
                } else {
                    message += "; the code gets None"
                    findings.append(finding(message, at: read.location, service: service.name,
                                            related: [RelatedLocation("service \(service.name)", at: service.location)],
                                            severity: .note))
                }
            }
        }
        return findings
    }
}
