/// `depends_on` without `condition: service_healthy` only waits for the other
/// container to start, not to be ready: the first requests hit a database that is
/// still initialising.
public struct ComposeDependsUnhealthyRule: Rule {
    public static let description = RuleDescription(
        id: "compose-depends-unhealthy",
        title: "depends_on a service with a health check, without condition: service_healthy",
        defaultSeverity: .warning,
        rationale: """
            Compose starts a dependent service as soon as its dependency's container has started. When the \
            dependency has a health check, somebody wrote down what "ready" means; not waiting for it makes \
            start-up a race (migrations against a PostgreSQL that is still recovering, workers connecting to a \
            broker that is not listening yet). The dependency-ordering guides this rule comes from use \
            `condition: service_healthy` for every dependency that has a health check.
            """,
        fix: "Use the long form: `depends_on: {postgres: {condition: service_healthy}}`.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      postgres:
                        image: postgres:16
                        healthcheck:
                          test: ["CMD", "pg_isready", "-U", "postgres"]
                          interval: 10s
                      api:
                        image: ghcr.io/acme/api:1.4.2
                        depends_on:
                          - ↓postgres
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      postgres:
                        image: postgres:16
                        healthcheck:
                          test: ["CMD", "pg_isready", "-U", "postgres"]
                      nats:
                        image: nats:2.10
                      api:
                        image: ghcr.io/acme/api:1.4.2
                        depends_on:
                          postgres:
                            condition: service_healthy
                          nats:
                            condition: service_started
                    """,
            ], note: "nats has no health check, so service_started is all compose can wait for."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        for service in project.services {
            guard case .compose(let file) = service.target else { continue }
            for dependency in service.dependencies where dependency.condition == .started {
                guard let other = project.services.first(where: { $0.name == dependency.service && $0.target == .compose(file: file) }),
                      let check = other.healthCheck, check.test != .disabled
                else { continue }
                findings.append(finding(
                    "\(service.name) depends on \(other.name) with condition service_started, but \(other.name) has a health check (\(check.origin.rawValue) at \(check.location)); \(service.name) may start before \(other.name) is ready",
                    at: dependency.location,
                    service: service.name,
                    fix: "Wait for readiness: `depends_on: {\(other.name): {condition: service_healthy}}`.",
                    related: [RelatedLocation("\(other.name)'s health check", at: check.location)]))
            }
        }
        return findings
    }
}
