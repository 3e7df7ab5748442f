/// A secret written into a Dockerfile, compose file or code is in every clone, every
/// image layer and every log of `docker inspect`; rotating it means a new release.
public struct HardcodedSecretRule: Rule {
    public static let description = RuleDescription(
        id: "hardcoded-secret",
        title: "A secret is written into the repository",
        defaultSeverity: .error,
        rationale: """
            The checklists this rule comes from say "No hardcoded credentials in code" and "Never commit \
            OPENAI_API_KEY to git". A key in a Dockerfile ENV or ARG stays in the image history; one in a compose \
            file or in code is in every clone and fork. Values in a known key format (sk-…, sk-ant-…, AKIA…, \
            ghp_…, private keys) are reported anywhere; other values only when a variable named like a secret \
            holds a long random-looking literal. Placeholders are reported by placeholder-value instead.
            """,
        fix: "Remove the value, rotate the key, and pass it at run time: compose `environment: [NAME]` or `env_file` with an untracked file, a build secret (`RUN --mount=type=secret`), or a secret store (ECS `secrets`, SSM).",
        triggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim
                    ↓ENV OPENAI_API_KEY=sk-proj-4f9aB7cD2eF1gH3iJ5kL6mN8oP0qR2sT4uV6wX8yZ0aB
                    COPY app.py /app/app.py
                    CMD ["python", "/app/app.py"]
                    """,
                "app.py": "print('ok')\n",
            ]),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: ghcr.io/acme/api:1.2.0
                        environment:
                          STRIPE_SECRET_KEY: ↓sk_live_51Hx9Qk2eZvKYlo2C0aB3cD4eF5gH6iJ
                          JWT_SECRET: ↓9f8e7d6c5b4a3f2e1d0c9b8a
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      postgres:
                        image: postgres:16
                        environment:
                          POSTGRES_PASSWORD: postgres
                      api:
                        image: ghcr.io/acme/api:1.2.0
                        environment:
                          OPENAI_API_KEY: ${OPENAI_API_KEY}
                          ANTHROPIC_API_KEY:
                          SECRET_KEY_FILE: /run/secrets/django_key
                          API_TOKEN: placeholder
                    """,
            ], note: "Local-development defaults, values from the environment, file paths and placeholders are not reported here."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        let extraNames = project.configuration.policy.secretNames
        var findings: [Finding] = []
        for value in project.configValues where value.isLiteral {
            if PlaceholderDetector.reason(value.value) != nil { continue }
            let message: String
            if let format = SecretDetector.knownFormat(value.value) {
                message = "\(value.key) holds a literal \(format) in \(value.origin.rawValue)"
            } else if SecretDetector.isSecretName(value.key, extra: extraNames), SecretDetector.looksLikeRealSecret(value.value),
                      value.origin != .dotenv {
                message = "\(value.key) holds a literal secret (\(value.value.count) characters) in \(value.origin.rawValue)"
            } else {
                continue
            }
            let consequence: String
            switch value.origin {
            case .dockerfileEnv, .dockerfileArg: consequence = "it is stored in the image and shown by `docker history`/`docker inspect`"
            case .composeEnvironment: consequence = "it is committed with the compose file"
            case .dotenv: consequence = "this env file is not ignored by .gitignore, so it can be committed"
            case .ssmParameter, .terraformVariable: consequence = "it is committed with the infrastructure code and stored in its state in plain text"
            case .cloudFormationParameter: consequence = "it is committed with the template; pass it with NoEcho at deploy time or use a dynamic reference ({{resolve:ssm-secure:…}})"
            case .taskDefinitionEnvironment: consequence = "task definition environment values are stored in plain text and shown by DescribeTaskDefinition; use `secrets` with an SSM parameter or Secrets Manager ARN"
            }
            findings.append(finding("\(message): \(consequence)", at: value.location, service: value.service))
        }
        for literal in project.codeLiterals {
            findings.append(finding(
                "application code contains a literal \(literal.value): it is committed with the code and baked into the image",
                at: literal.location))
        }
        return findings
    }
}
