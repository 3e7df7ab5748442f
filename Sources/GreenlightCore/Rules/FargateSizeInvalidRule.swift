/// Fargate accepts only certain CPU/memory pairs: any other pair is rejected when
/// the task definition is registered or the service is updated.
public struct FargateSizeInvalidRule: Rule {
    public static let description = RuleDescription(
        id: "fargate-size-invalid",
        title: "A Fargate task asks for a CPU/memory pair Fargate does not offer",
        defaultSeverity: .error,
        rationale: """
            Fargate runs tasks only in fixed sizes: 256 CPU units with 512–2048 MiB, 512 with 1–4 GiB, 1024 with \
            2–8 GiB, and so on. A task definition that asks for 512 CPU units and 8192 MiB, or 1536 MiB with 1 vCPU, \
            is rejected by `RegisterTaskDefinition` — after the image was built and pushed, in the middle of a deploy. \
            The incidents behind this rule raised workflow-agent from 512/1024 to 1024/2048, a change easy to make \
            only halfway.
            """,
        fix: "Use a memory size Fargate offers for the task's CPU (the message lists them), or change the CPU.",
        triggeringExamples: [
            RuleExample([
                "deploy/workflow-agent.task-definition.json": """
                    {
                      "family": "workflow-agent",
                      "requiresCompatibilities": ["FARGATE"],
                      "networkMode": "awsvpc",
                      "cpu": "1024",
                      "memory": ↓"1536",
                      "containerDefinitions": [
                        {
                          "name": "workflow-agent",
                          "image": "982081090398.dkr.ecr.us-east-1.amazonaws.com/agent-team/workflow-agent:4f2a9c1",
                          "essential": true,
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "deploy/workflow-agent.task-definition.json": """
                    {
                      "family": "workflow-agent",
                      "requiresCompatibilities": ["FARGATE"],
                      "networkMode": "awsvpc",
                      "cpu": "1 vCPU",
                      "memory": "2 GB",
                      "containerDefinitions": [
                        {
                          "name": "workflow-agent",
                          "image": "982081090398.dkr.ecr.us-east-1.amazonaws.com/agent-team/workflow-agent:4f2a9c1",
                          "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                        }
                      ]
                    }
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<SourceLocation> = []
        for service in project.services {
            guard let task = service.taskDefinition, task.isFargate, seen.insert(task.location).inserted,
                  let cpu = task.cpu, let memory = task.memory
            else { continue }
            let valid = FargateSizes.validMemories(forCPU: cpu.value)
            guard !FargateSizes.isValid(cpu: cpu.value, memory: memory.value) else { continue }
            let family = task.family?.value ?? service.name
            let message: String
            if valid.isEmpty {
                message = "task definition \(family) asks Fargate for \(cpu.value) CPU units (\(cpu.location)), which is not a Fargate size; Fargate offers \(FargateSizes.cpuValues.map(String.init).joined(separator: ", "))"
                findings.append(finding(message, at: cpu.location, service: service.name))
            } else {
                message = "task definition \(family) asks Fargate for \(memory.value) MiB with \(cpu.value) CPU units (\(cpu.location)); Fargate offers \(FargateSizes.describe(valid)) MiB for that CPU, so registering the task definition fails"
                findings.append(finding(message, at: memory.location, service: service.name,
                                        related: [RelatedLocation("cpu \(cpu.value)", at: cpu.location)]))
            }
        }
        return findings
    }
}

extension FargateSizes {
    /// "2048, 3072, … 8192".
    static func describe(_ memories: [Int]) -> String {
        guard memories.count > 6, let first = memories.first, let last = memories.last else {
            return memories.map(String.init).joined(separator: ", ")
        }
        return "\(first), \(memories[1]), … \(last) (in steps of \(memories[1] - first))"
    }
}
