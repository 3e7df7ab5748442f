/// An image built on an ARM laptop without `--platform` is arm64; Fargate's default
/// X86_64 tasks cannot run it and stop with "exec format error".
public struct PlatformUnspecifiedRule: Rule {
    public static let description = RuleDescription(
        id: "platform-unspecified",
        title: "A Fargate image is built without --platform for the task's architecture",
        defaultSeverity: .warning,
        rationale: """
            The deployment checklists behind this rule make `docker build --platform linux/amd64` mandatory for \
            ECS Fargate: built on Apple silicon without it, the image is linux/arm64, and a task whose \
            runtimePlatform is X86_64 (the default) exits at once with "exec format error". Greenlight reads the \
            builds in scripts, Makefiles and CI workflows that produce the task's image and compares their \
            platforms with the task's architecture.
            """,
        fix: "Build with `--platform linux/amd64` (or set runtimePlatform.cpuArchitecture = ARM64 and build linux/arm64).",
        triggeringExamples: [
            RuleExample([
                "scripts/build.sh": "#!/usr/bin/env bash\nset -euo pipefail\n↓docker build -t workflow-engine:\"$(git rev-parse HEAD)\" apps/workflow_engine\n",
                "apps/workflow_engine/Dockerfile": "FROM python:3.11-slim\nCMD [\"python\", \"-c\", \"print(1)\"]\n",
                "ecs/workflow-engine.json": """
                    {
                      "family": "workflow-engine",
                      "requiresCompatibilities": ["FARGATE"],
                      "containerDefinitions": [{
                        "name": "workflow-engine",
                        "image": "982081090398.dkr.ecr.us-east-1.amazonaws.com/workflow-engine:4f2a9c1",
                        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                      }]
                    }
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "scripts/build.sh": "#!/usr/bin/env bash\nset -euo pipefail\ndocker build --platform linux/amd64 -t workflow-engine:\"$(git rev-parse HEAD)\" apps/workflow_engine\n",
                "apps/workflow_engine/Dockerfile": "FROM python:3.11-slim\nCMD [\"python\", \"-c\", \"print(1)\"]\n",
                "ecs/workflow-engine.json": """
                    {
                      "family": "workflow-engine",
                      "requiresCompatibilities": ["FARGATE"],
                      "containerDefinitions": [{
                        "name": "workflow-engine",
                        "image": "982081090398.dkr.ecr.us-east-1.amazonaws.com/workflow-engine:4f2a9c1",
                        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/agent-team"}}
                      }]
                    }
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<SourceLocation> = []
        for service in project.services {
            guard let task = service.taskDefinition, task.isFargate, let build = service.build, let location = build.location
            else { continue }
            let architecture = task.runtimePlatform?.cpuArchitecture?.value.uppercased() ?? "X86_64"
            let expected = architecture == "ARM64" ? "linux/arm64" : "linux/amd64"
            // `FROM --platform=linux/amd64` in the final stage pins the image whatever the build says.
            if service.container?.platform == expected { continue }
            let platforms = build.platforms.map(\.value)
            guard reported.insert(location).inserted else { continue }
            if platforms.isEmpty {
                findings.append(finding(
                    "the build of \(service.name)'s image at \(location) has no --platform, but task definition \(task.family?.value ?? service.name) runs on Fargate \(architecture): built on an ARM machine the image is linux/arm64 and the task fails with \"exec format error\"",
                    at: location, service: service.name,
                    fix: "Add `--platform \(expected)` to the build."))
            } else if !platforms.contains(where: { $0.split(separator: ",").map { String($0) }.contains(expected) }) {
                findings.append(finding(
                    "the build of \(service.name)'s image targets \(platforms.joined(separator: ", ")), but task definition \(task.family?.value ?? service.name) runs on Fargate \(architecture) (\(expected))",
                    at: location, service: service.name, fix: "Build with `--platform \(expected)`, or change the task's runtimePlatform.",
                    severity: .error))
            }
        }
        return findings
    }
}
