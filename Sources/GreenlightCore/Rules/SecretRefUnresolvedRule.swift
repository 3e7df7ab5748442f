/// A secret whose `valueFrom` names a parameter nobody creates makes ECS fail the
/// task before the container starts: "ResourceInitializationError: unable to pull secrets".
public struct SecretRefUnresolvedRule: Rule {
    public static let description = RuleDescription(
        id: "secret-ref-unresolved",
        title: "A task definition secret names an SSM parameter or secret the Terraform defines nowhere",
        defaultSeverity: .error,
        rationale: """
            ECS resolves every `secrets[].valueFrom` before it starts the container. A reference to an \
            `aws_ssm_parameter` that no Terraform resource defines does not even plan, and a parameter name \
            (not an ARN) that nothing creates fails every task with "unable to pull secrets or registry auth". \
            The seeds' checklists list the SSM parameters every service needs for exactly this reason.
            """,
        fix: "Define the parameter (`resource \"aws_ssm_parameter\"`), reference the one that exists, or use a full ARN for a parameter managed elsewhere.",
        triggeringExamples: [
            RuleExample([
                "infra/ecs.tf": """
                    resource "aws_ssm_parameter" "supabase_url" {
                      name  = "/agent-team/supabase/url"
                      type  = "SecureString"
                      value = "https://abcdefghijklmnop.supabase.co"
                    }

                    resource "aws_ecs_task_definition" "workflow_engine" {
                      family = "workflow-engine"
                      container_definitions = jsonencode([{
                        name  = "workflow-engine"
                        image = "ghcr.io/agent-team/workflow-engine:4f2a9c1"
                        secrets = [
                          { name = "SUPABASE_URL", valueFrom = aws_ssm_parameter.supabase_url.arn },
                          ↓{ name = "OPENAI_API_KEY", valueFrom = aws_ssm_parameter.openai_api_key.arn },
                          ↓{ name = "ANTHROPIC_API_KEY", valueFrom = "/agent-team/anthropic/api-key" },
                        ]
                        logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/agent-team" } }
                      }])
                    }
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "infra/ecs.tf": """
                    resource "aws_ssm_parameter" "openai_api_key" {
                      name  = "/agent-team/openai/api-key"
                      type  = "SecureString"
                      value = var.openai_api_key
                    }

                    variable "openai_api_key" {
                      type      = string
                      sensitive = true
                    }

                    resource "aws_ecs_task_definition" "workflow_engine" {
                      family = "workflow-engine"
                      container_definitions = jsonencode([{
                        name  = "workflow-engine"
                        image = "ghcr.io/agent-team/workflow-engine:4f2a9c1"
                        secrets = [
                          { name = "OPENAI_API_KEY", valueFrom = aws_ssm_parameter.openai_api_key.arn },
                          { name = "OPENAI_ORG", valueFrom = "/agent-team/openai/api-key" },
                          { name = "STRIPE_KEY", valueFrom = "arn:aws:secretsmanager:us-east-1:982081090398:secret:stripe-AbCdEf" },
                        ]
                        logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/agent-team" } }
                      }])
                    }
                    """,
            ]),
        ]
    )

    static let secretResourceTypes = ["aws_ssm_parameter", "aws_secretsmanager_secret", "aws_secretsmanager_secret_version"]

    public init() {}

    /// The resource address a reference points into: `module.m.aws_ssm_parameter.x[0].arn` → `module.m.aws_ssm_parameter.x`.
    static func address(ofReference reference: String) -> String? {
        let parts: [Substring] = reference.split(separator: ".").map { (part: Substring) -> Substring in
            if let bracket = part.firstIndex(of: "[") { return part[..<bracket] }
            return part
        }
        var index = 0
        var address: [Substring] = []
        while index + 1 < parts.count, parts[index] == "module" {
            address += [parts[index], parts[index + 1]]
            index += 2
        }
        if index < parts.count, parts[index] == "data" {
            address.append(parts[index])
            index += 1
        }
        guard index + 1 < parts.count else { return nil }
        address += [parts[index], parts[index + 1]]
        return address.joined(separator: ".")
    }

    public func check(_ project: Project) -> [Finding] {
        guard !project.terraform.isEmpty else { return [] }
        let definedNames = Set(project.terraform.flatMap { module in
            module.resources(ofType: "aws_ssm_parameter").compactMap { $0.value("name")?.value.stringValue }
        })
        let addresses = Set(project.terraform.flatMap { $0.resources.map(\.address) })
        var findings: [Finding] = []
        for service in project.services {
            for secret in service.ecsContainer?.secrets ?? [] {
                switch secret.valueFrom.value {
                case .reference(let reference):
                    let isSecretResource = SecretRefUnresolvedRule.secretResourceTypes.contains { type in
                        reference.hasPrefix(type + ".") || reference.hasPrefix("data." + type + ".") || reference.contains(".\(type).")
                    }
                    guard isSecretResource, let address = SecretRefUnresolvedRule.address(ofReference: reference),
                          !addresses.contains(address)
                    else { continue }
                    findings.append(finding(
                        "secret \(secret.name.value) of \(service.name) takes its value from \(reference), but no Terraform module defines that resource",
                        at: secret.location, service: service.name))
                case .string(let name):
                    guard !name.hasPrefix("arn:"), !definedNames.contains(name), !name.contains("$") else { continue }
                    findings.append(finding(
                        "secret \(secret.name.value) of \(service.name) takes its value from the SSM parameter \(name), which no aws_ssm_parameter in the Terraform creates and which is not an ARN; ECS fails the task with \"unable to pull secrets\" unless it exists",
                        at: secret.location, service: service.name))
                default:
                    continue
                }
            }
        }
        return findings
    }
}
