/// Tasks with less CPU or memory than the service needs start slowly, fail their
/// health checks and are replaced, or are killed for memory.
public struct ResourceMinimumRule: Rule {
    public static let description = RuleDescription(
        id: "resource-minimum",
        title: "A task has less CPU or memory than the policy for its kind of service",
        defaultSeverity: .warning,
        rationale: """
            The deployment checklists this rule comes from require at least 512 CPU units and 1024 MiB for gRPC \
            services; workflow-agent only became stable after going from 512/1024 to 1024/2048. Below that, \
            start-up takes longer than the health check allows and tasks are replaced in a loop. The minimums are \
            `policy.minimum-cpu` and `policy.minimum-memory`, per kind of service.
            """,
        fix: "Give the task at least the policy's CPU units and memory (task-level cpu and memory; for Fargate, a valid pair).",
        triggeringExamples: [
            RuleExample([
                "ecs/workflow-agent.json": """
                    {
                      "family": "workflow-agent",
                      "requiresCompatibilities": ["FARGATE"],
                      "cpu": ↓"256",
                      "memory": ↓"512",
                      "containerDefinitions": [
                        {
                          "name": "workflow-agent",
                          "image": "ghcr.io/agent-team/workflow-agent:4f2a9c1",
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ], configuration: "services:\n  workflow-agent:\n    kind: grpc\n"),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "ecs/workflow-agent.json": """
                    {
                      "family": "workflow-agent",
                      "requiresCompatibilities": ["FARGATE"],
                      "cpu": "1024",
                      "memory": "2048",
                      "containerDefinitions": [
                        {
                          "name": "workflow-agent",
                          "image": "ghcr.io/agent-team/workflow-agent:4f2a9c1",
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ], configuration: "services:\n  workflow-agent:\n    kind: grpc\n"),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        let policy = project.configuration.policy
        var findings: [Finding] = []
        var reported: Set<SourceLocation> = []
        for service in project.services {
            guard let task = service.taskDefinition, let kind = service.kind else { continue }
            let name = kind == .grpc ? "gRPC" : kind.rawValue.uppercased()
            let cpu = task.cpu ?? service.ecsContainer?.cpu
            let memory = task.memory ?? service.ecsContainer?.memory ?? service.ecsContainer?.memoryReservation
            if let minimum = policy.minimumCPU[kind.rawValue], let cpu, cpu.value < minimum, reported.insert(cpu.location).inserted {
                findings.append(finding(
                    "\(service.name) has \(cpu.value) CPU units, below the \(minimum) the policy requires for \(name) services",
                    at: cpu.location, service: service.name))
            }
            if let minimum = policy.minimumMemory[kind.rawValue], let memory, memory.value < minimum, reported.insert(memory.location).inserted {
                findings.append(finding(
                    "\(service.name) has \(memory.value) MiB of memory, below the \(minimum) MiB the policy requires for \(name) services",
                    at: memory.location, service: service.name))
            }
        }
        return findings
    }
}
