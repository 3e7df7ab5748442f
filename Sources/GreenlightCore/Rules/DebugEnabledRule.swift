/// Debug switches left on in a deploy expose stack traces, interactive debuggers
/// and development servers to the network.
public struct DebugEnabledRule: Rule {
    public static let description = RuleDescription(
        id: "debug-enabled",
        title: "A debug or development switch is on in a deploy target",
        defaultSeverity: .warning,
        rationale: """
            The environment checklists this rule comes from require DEBUG="false" for production. Django with \
            DEBUG=True prints settings and stack traces to visitors; Flask's debugger runs arbitrary code; \
            NODE_ENV=development disables caching and optimisations; `uvicorn --reload` watches the filesystem \
            and restarts on changes. Compose files meant for development (names with dev, local, test, debug or \
            override) are not checked.
            """,
        fix: "Turn the switch off in the deploy target (DEBUG=false, NODE_ENV=production, drop --reload/--debug) and keep development settings in a docker-compose.override.yml or docker-compose.dev.yml.",
        triggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: ghcr.io/acme/api:1.2.0
                        environment:
                          DEBUG: ↓"true"
                          FLASK_ENV: ↓development
                    """,
            ]),
            RuleExample([
                "Dockerfile": """
                    FROM node:20-slim
                    ↓ENV NODE_ENV=development
                    COPY server.js /app/server.js
                    CMD ["node", "/app/server.js"]
                    """,
                "server.js": "console.log('ok')\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "docker-compose.yml": """
                    services:
                      api:
                        image: ghcr.io/acme/api:1.2.0
                        environment:
                          DEBUG: "false"
                          NODE_ENV: production
                          LOG_LEVEL: DEBUG
                    """,
                "docker-compose.override.yml": """
                    services:
                      api:
                        environment:
                          DEBUG: "true"
                    """,
            ]),
        ]
    )

    /// Variables that switch a framework into debug or development mode, and the values that do it.
    static let switches: [String: Set<String>] = [
        "DEBUG": ["true", "1", "yes", "on"],
        "DJANGO_DEBUG": ["true", "1", "yes", "on"],
        "FLASK_DEBUG": ["true", "1", "yes", "on"],
        "FLASK_ENV": ["development"],
        "APP_DEBUG": ["true", "1", "yes", "on"],
        "NODE_ENV": ["development", "dev"],
        "RAILS_ENV": ["development"],
        "APP_ENV": ["development", "dev", "local"],
        "ENVIRONMENT": ["development", "dev", "local"],
        "ENV": ["development", "dev", "local"],
        "PYTHONDEVMODE": ["1"],
    ]

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        for value in project.configValues
            where value.origin == .composeEnvironment || value.origin == .dockerfileEnv || value.origin == .taskDefinitionEnvironment {
            guard !DebugEnabledRule.isDevelopmentFile(value.location.file),
                  let values = DebugEnabledRule.switches[value.key.uppercased()],
                  values.contains(value.value.lowercased())
            else { continue }
            findings.append(finding(
                "\(value.key)=\(value.value) in \(value.origin.rawValue) turns on development mode for \(value.service ?? "the image")",
                at: value.location, service: value.service))
        }
        for service in project.services {
            guard let command = service.command, !DebugEnabledRule.isDevelopmentFile(command.location.file) else { continue }
            if let flag = command.argv.first(where: { $0 == "--reload" || $0 == "--debug" || $0 == "--reload=true" }) {
                findings.append(finding(
                    "\(service.name) starts with `\(flag)` (\(command.display)): a development server mode that watches files and restarts",
                    at: command.location, service: service.name))
            }
        }
        return findings
    }

    static func isDevelopmentFile(_ path: String) -> Bool {
        let name = PathUtilities.basename(path).lowercased()
        guard name.contains("compose") else { return false }
        return ["dev", "local", "test", "debug", "override", ".ci."].contains { name.contains($0) }
    }
}
