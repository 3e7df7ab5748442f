import Testing
@testable import GreenlightCore

/// Terraform Greenlight cannot fully understand gives silence or located notes,
/// never a crash or a false error.
@Suite("Terraform robustness")
struct TerraformRobustnessTests {
    @Test("remote modules, exotic functions, unknown variables and dynamic blocks produce no false findings")
    func partialUnderstanding() {
        let files = [
            "infra/main.tf": """
                module "network" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "5.8.1"
                }

                variable "image_tag" {
                  type = string
                }

                locals {
                  cpu    = parseint(substr(sha256(var.image_tag), 0, 2), 16) > 100 ? 1024 : 512
                  extras = { for k, v in module.network.tags : k => v if startswith(k, "app:") }
                }

                resource "aws_ecs_task_definition" "api" {
                  family                   = "api"
                  requires_compatibilities = ["FARGATE"]
                  cpu                      = local.cpu
                  memory                   = cidrsubnet("10.0.0.0/16", 8, 2) == "" ? 2048 : 4096
                  container_definitions = jsonencode([{
                    name         = "api"
                    image        = "ghcr.io/acme/api:${var.image_tag}"
                    portMappings = [{ containerPort = module.network.default_port }]
                    environment  = [for k, v in local.extras : { name = k, value = v }]
                    secrets      = [{ name = "DB_URL", valueFrom = module.network.db_url_arn }]
                    healthCheck  = { command = ["CMD-SHELL", "curl -f http://localhost:${module.network.default_port}/health"], startPeriod = 180 }
                    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/api" } }
                  }])
                  dynamic "volume" {
                    for_each = var.volumes
                    content { name = volume.value }
                  }
                }
                """,
        ]
        let result = CheckEngine(configuration: Configuration()).run(MemoryFileTree(files))
        #expect(result.project.services.map(\.name) == ["api"])
        let findings = result.report.findings
        #expect(findings.map(\.ruleID) == ["partial-analysis"], "\(findings.map { "\($0.ruleID): \($0.message)" })")
        #expect(findings.first?.severity == .note && findings.first?.location?.line == 2)
    }

    @Test("a malformed .tf file is a located parse error and the rest is still read")
    func malformed() {
        let files = [
            "infra/broken.tf": "resource \"aws_ssm_parameter\" \"x\" {\n  name = \"/app/x\"\n  value = [unclosed\n}\n",
            "infra/ok.tf": "resource \"aws_ssm_parameter\" \"y\" {\n  name  = \"/app/y\"\n  value = \"changeme\"\n}\n",
        ]
        let result = CheckEngine(configuration: Configuration()).run(MemoryFileTree(files))
        let rules = result.report.findings.map { "\($0.ruleID) \($0.location?.file ?? ""):\($0.location?.line ?? 0)" }
        #expect(rules.contains { $0.hasPrefix("parse-error infra/broken.tf:") })
        #expect(rules.contains("placeholder-value infra/ok.tf:3"))
    }
}
