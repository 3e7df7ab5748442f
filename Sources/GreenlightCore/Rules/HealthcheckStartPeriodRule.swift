/// A start period shorter than the service needs to start makes ECS count the
/// first failed checks and replace tasks that were only still starting.
public struct HealthcheckStartPeriodRule: Rule {
    public static let description = RuleDescription(
        id: "healthcheck-start-period",
        title: "The health check's start period is shorter than the policy for this kind of service",
        defaultSeverity: .warning,
        rationale: """
            From the incidents behind this rule: with startPeriod 60 s, ECS replaced workflow-engine and \
            workflow-agent tasks before they finished starting, ran 3 tasks where 2 were desired, and the deploy \
            never became stable. The fix raised the start periods to 120 s for HTTP, 180 s for gRPC and for services \
            that open a database at start-up, and 240 s for the agent. Those are the defaults here; set others per \
            kind under `policy.start-period` or per service under `services.<name>.start-period`.
            """,
        fix: "Raise the health check's startPeriod to at least the policy value (the message names it), or set a policy that matches how long the service really takes to start.",
        triggeringExamples: [
            RuleExample([
                "ecs/workflow-engine.json": """
                    {
                      "family": "workflow-engine",
                      "containerDefinitions": [
                        {
                          "name": "workflow-engine",
                          "image": "ghcr.io/agent-team/workflow-engine:4f2a9c1",
                          "healthCheck": {"command": ["CMD-SHELL", "nc -z localhost 50050 || exit 1"], "startPeriod": ↓60},
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ], configuration: "services:\n  workflow-engine:\n    kind: grpc\n"),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "ecs/workflow-engine.json": """
                    {
                      "family": "workflow-engine",
                      "containerDefinitions": [
                        {
                          "name": "workflow-engine",
                          "image": "ghcr.io/agent-team/workflow-engine:4f2a9c1",
                          "healthCheck": {"command": ["CMD-SHELL", "nc -z localhost 50050 || exit 1"], "startPeriod": 180},
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ], configuration: "services:\n  workflow-engine:\n    kind: grpc\n"),
            RuleExample([
                "ecs/cache-warmer.json": """
                    {
                      "family": "cache-warmer",
                      "containerDefinitions": [
                        {
                          "name": "cache-warmer",
                          "image": "ghcr.io/agent-team/cache-warmer:4f2a9c1",
                          "healthCheck": {"command": ["CMD-SHELL", "test -f /tmp/alive"], "startPeriod": 10},
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ], note: "A service of unknown kind has no policy: nothing to compare."),
        ]
    )

    public init() {}

    /// Calls that open a connection when they run (`asyncpg.connect`, `psycopg.connect`,
    /// `create_pool`), as opposed to lazy factories (`create_engine`, `redis.from_url`).
    static func connectsEagerly(_ call: String) -> Bool {
        let lower = call.lowercased()
        return lower.contains("connect") || lower.contains("create_pool") || lower.hasSuffix("database")
    }

    public func check(_ project: Project) -> [Finding] {
        let policy = project.configuration.policy
        return project.services.compactMap { service in
            guard case .ecs = service.target, let check = service.healthCheck, check.test != .disabled else { return nil }
            var required: (seconds: Int, why: String)?
            if let configured = project.configuration.services[service.name]?.startPeriod {
                required = (configured, "services.\(service.name).start-period")
            } else {
                if let kind = service.kind, let seconds = policy.startPeriod[kind.rawValue] {
                    required = (seconds, "the policy for \(kind == .grpc ? "gRPC" : kind.rawValue.uppercased()) services")
                }
                if let hint = service.code?.databaseHints.first(where: { HealthcheckStartPeriodRule.connectsEagerly($0.value) }),
                   let seconds = policy.startPeriod["database"],
                   seconds > (required?.seconds ?? 0) {
                    required = (seconds, "the policy for services that open a database at start-up (\(hint.value) at \(hint.location))")
                }
            }
            guard let required else { return nil }
            let actual = Int(check.startPeriod ?? 0)
            guard actual < required.seconds else { return nil }
            let location = service.ecsContainer?.healthCheck?.startPeriod?.location ?? check.location
            let stated = check.startPeriod == nil ? "has no startPeriod (ECS then uses 0 s)" : "has startPeriod \(actual) s"
            return finding(
                "\(service.name)'s health check \(stated), below \(required.seconds) s, \(required.why): ECS counts failed checks while it is still starting and replaces the task",
                at: location, service: service.name,
                fix: "Set startPeriod to at least \(required.seconds) in the container's healthCheck.")
        }
    }
}
