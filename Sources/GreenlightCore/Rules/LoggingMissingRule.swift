/// A container without a log configuration on ECS writes its output nowhere: when
/// the task fails at start-up, there is nothing to read.
public struct LoggingMissingRule: Rule {
    public static let description = RuleDescription(
        id: "logging-missing",
        title: "An ECS container has no logConfiguration",
        defaultSeverity: .warning,
        rationale: """
            Every incident behind Greenlight was diagnosed from CloudWatch logs: "Database connection failed", \
            "ImportError: cannot import name 'workflow_service_pb2'", "Invalid URL". Without `logConfiguration` \
            (awslogs, FireLens, or another driver) an ECS container's output is discarded, and a task that exits \
            in seconds leaves only "Essential container in task exited".
            """,
        fix: "Add `logConfiguration` with the awslogs driver (awslogs-group, awslogs-region, awslogs-stream-prefix) to the container definition.",
        triggeringExamples: [
            RuleExample([
                "ecs/api-gateway-taskdef.json": """
                    {
                      "family": "api-gateway",
                      "containerDefinitions": [
                        ↓{
                          "name": "api-gateway",
                          "image": "ghcr.io/agent-team/api-gateway:1.8.0",
                          "portMappings": [{"containerPort": 8000}]
                        }
                      ]
                    }
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "ecs/api-gateway-taskdef.json": """
                    {
                      "family": "api-gateway",
                      "containerDefinitions": [
                        {
                          "name": "api-gateway",
                          "image": "ghcr.io/agent-team/api-gateway:1.8.0",
                          "portMappings": [{"containerPort": 8000}],
                          "logConfiguration": {
                            "logDriver": "awslogs",
                            "options": {"awslogs-group": "/ecs/agent-team", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api-gateway"}
                          }
                        }
                      ]
                    }
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.services.compactMap { service in
            guard let container = service.ecsContainer, container.logConfiguration == nil,
                  !container.unresolvedFields.contains("logConfiguration")
            else { return nil }
            return finding(
                "container \(service.name) of task definition \(service.taskDefinition?.family?.value ?? service.name) has no logConfiguration: its output is discarded, so a failed start leaves nothing to read",
                at: container.location, service: service.name)
        }
    }
}
