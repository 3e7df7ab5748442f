/// Placeholder values pass every syntax check and fail at start-up: the seeds'
/// SSM parameters held "placeholder", and the service died with "Invalid URL".
public struct PlaceholderValueRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder-value",
        title: "A configuration value is still a placeholder",
        defaultSeverity: .error,
        rationale: """
            From the incidents behind this rule: SUPABASE_URL and SUPABASE_SECRET_KEY held the literal \
            "placeholder"; workflow-agent crashed with `SupabaseException: Invalid URL` and workflow-engine could \
            not connect to its database, so 49 tasks failed before anyone looked. Values like "changeme", \
            "your-key-here", "sk-..." or "<token>" are never valid and are easy to spot before deploying.
            """,
        fix: "Put the real value in the environment the deploy uses (a secret store, CI secret or an untracked .env), and keep example values only in .env.example.",
        triggeringExamples: [
            RuleExample([
                ".env": """
                    SUPABASE_URL=↓placeholder
                    SUPABASE_SECRET_KEY=↓your-key-here
                    OPENAI_API_KEY=↓sk-...
                    LOG_LEVEL=INFO
                    """,
            ]),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: ghcr.io/acme/api:1.2.0
                        environment:
                          DATABASE_URL: ↓<postgres-url>
                          API_TOKEN: ↓changeme
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                ".env.example": """
                    SUPABASE_URL=placeholder
                    OPENAI_API_KEY=sk-...
                    """,
                ".env": """
                    SUPABASE_URL=https://abcdefghijklmnop.supabase.co
                    LOG_LEVEL=INFO
                    PROMPT_TEMPLATE=Answer as {role}
                    """,
            ], note: "Example files are meant to hold placeholders."),
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: ghcr.io/acme/api:1.2.0
                        environment:
                          DATABASE_URL: ${DATABASE_URL:?set DATABASE_URL}
                          TEMPLATE_DIR: /app/templates
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        let extra = project.configuration.policy.placeholderWords
        var reported: Set<SourceLocation> = []
        return project.configValues.compactMap { value in
            // One written value can be used twice (a template parameter and the SSM parameter that !Refs it).
            guard let reason = PlaceholderDetector.reason(value.value, extraWords: extra), reported.insert(value.location).inserted
            else { return nil }
            let via = value.isLiteral ? "" : " (interpolated)"
            return finding(
                "\(value.key) is set to a placeholder in \(value.origin.rawValue)\(via): \(reason); the service will start with it and fail when it uses \(value.key)",
                at: value.location,
                service: value.service)
        }
    }
}
