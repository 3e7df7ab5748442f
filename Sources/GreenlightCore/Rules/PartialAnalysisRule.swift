/// Says where Greenlight stopped reading, so silence about a remote Terraform module
/// is not mistaken for a clean bill of health.
public struct PartialAnalysisRule: Rule {
    public static let description = RuleDescription(
        id: "partial-analysis",
        title: "Part of the project could not be read, so rules about it stay silent",
        defaultSeverity: .note,
        rationale: """
            Greenlight stays silent rather than guess: a Terraform module from a registry or Git, or a module \
            directory that does not exist, is not read, and task definitions or SSM parameters inside it are not \
            checked. This note marks the place, so a reader knows which part of the deployment the check did not cover.
            """,
        fix: "Nothing to fix in the project; vendor the module locally (`source = \"./modules/…\"`) if its resources should be checked too.",
        triggeringExamples: [
            RuleExample([
                "infra/main.tf": """
                    module "ecs_service" {
                      ↓source  = "terraform-aws-modules/ecs/aws//modules/service"
                      version = "5.11.4"
                    }
                    """,
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "infra/main.tf": """
                    module "ecs_service" {
                      source      = "./modules/service"
                      environment = "production"
                    }
                    """,
                "infra/modules/service/main.tf": """
                    variable "environment" {
                      type = string
                    }

                    resource "aws_ssm_parameter" "log_level" {
                      name  = "/app-${var.environment}/log-level"
                      type  = "String"
                      value = "INFO"
                    }
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        project.terraform.flatMap(\.allNotes).map { note in
            finding("\(note.message); resources inside it are not checked", at: note.location)
        }
    }
}

extension TerraformModule {
    /// Notes of this module and every loaded child module.
    var allNotes: [ParseIssue] {
        notes + children.keys.sorted().flatMap { children[$0]?.allNotes ?? [] }
    }
}
