/// Files Greenlight could not read are reported, never skipped silently: a rule
/// that could not see a file cannot vouch for it.
public struct ParseErrorRule: Rule {
    public static let description = RuleDescription(
        id: "parse-error",
        title: "A file Greenlight could not parse",
        defaultSeverity: .error,
        rationale: """
            A Dockerfile, compose file or other input that does not parse will also fail `docker build` or \
            `docker compose up`, and every other check is blind to what it could not read. The error says where \
            parsing stopped.
            """,
        fix: "Correct the syntax at the reported line; `docker compose config` and `docker build --check` show the same errors.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: nginx:1.27
                        ports:
                          - "8080:80"
                       ↓environment: [A=1
                    """,
            ]),
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim
                    ↓COPPY app.py /app/
                    CMD ["python", "/app/app.py"]
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    # syntax=docker/dockerfile:1
                    FROM python:3.12-slim AS base
                    WORKDIR /app
                    COPY requirements.txt .
                    RUN pip install --no-cache-dir -r requirements.txt \\
                        && useradd --create-home app
                    COPY . .
                    USER app
                    CMD ["python", "-m", "app"]
                    """,
                "requirements.txt": "fastapi==0.115.0\n",
                "app/__init__.py": "",
                "app/__main__.py": "print('hello')\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.parseIssues.map { issue in
            finding(issue.message, at: issue.location, fix: "Correct the syntax at this line.")
        }
    }
}
