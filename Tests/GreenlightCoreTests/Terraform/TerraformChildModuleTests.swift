import Testing
@testable import GreenlightCore

@Suite("TerraformChildModules")
struct TerraformChildModuleTests {
    private static let tree = MemoryFileTree([
        "infra/main.tf": """
        variable "image_tag" {
          default = "2024.06.1"
        }
        module "api" {
          source     = "./modules/service"
          name       = "api"
          port       = 8000
          image      = "ghcr.io/acme/api:${var.image_tag}"
          extra_env  = { DATABASE_URL = "postgresql://db.internal:5432/app" }
        }
        module "vpc" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "5.8.1"
        }
        output "family" {
          value = module.api.family
        }
        """,
        "infra/modules/service/main.tf": """
        variable "name" {}
        variable "port" {}
        variable "image" {}
        variable "extra_env" { default = {} }

        resource "aws_ssm_parameter" "secret_key" {
          name  = "/${var.name}/SECRET_KEY"
          type  = "SecureString"
          value = "placeholder"
        }

        resource "aws_ecs_task_definition" "this" {
          family = var.name
          container_definitions = templatefile("${path.module}/containers.json.tpl", {
            name   = var.name
            image  = var.image
            port   = var.port
            env    = var.extra_env
            secret = aws_ssm_parameter.secret_key.name
          })
        }

        output "family" {
          value = aws_ecs_task_definition.this.family
        }
        """,
        "infra/modules/service/containers.json.tpl": """
        [
          {
            "name": "${name}",
            "image": "${image}",
            "portMappings": [{ "containerPort": ${port} }],
            "environment": [
        %{ for key, value in env ~}
              { "name": "${key}", "value": "${value}" },
        %{ endfor ~}
              { "name": "PORT", "value": "${port}" }
            ],
            "secrets": [{ "name": "SECRET_KEY", "valueFrom": "${secret}" }]
          }
        ]
        """,
    ])

    @Test func loadsLocalModulesWithTheirInputsAndAddresses() throws {
        let module = TerraformModule.load(directory: "infra", tree: Self.tree)
        #expect(module.issues.isEmpty, "\(module.issues)")
        #expect(module.notes.map(\.location.line) == [12])
        #expect(module.children.keys.sorted() == ["api"])
        let definition = try #require(module.resources(ofType: "aws_ecs_task_definition").first)
        #expect(definition.address == "module.api.aws_ecs_task_definition.this")
        #expect(definition.modulePath == ["api"])
        #expect(definition.location.file == "infra/modules/service/main.tf")
        #expect(definition.value("family")?.value == .string("api"))
        #expect(module.outputs["family"]?.value == .string("api"))
        let parameter = try #require(module.resolve(reference: "module.api.aws_ssm_parameter.secret_key.arn"))
        #expect(parameter.address == "module.api.aws_ssm_parameter.secret_key")
    }

    @Test func rendersTemplateFilesAndKeepsTheirLines() throws {
        let module = TerraformModule.load(directory: "infra", tree: Self.tree)
        let definition = try #require(module.resources(ofType: "aws_ecs_task_definition").first)
        let container = try #require(definition.decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(container["image"]?.value == .string("ghcr.io/acme/api:2024.06.1"))
        #expect(container["image"]?.location == SourceLocation(file: "infra/modules/service/containers.json.tpl", line: 4, column: 14))
        #expect(container["portMappings"]?.value.arrayValue?.first?["containerPort"]?.value == .number("8000"))
        let environment = container["environment"]?.value.arrayValue ?? []
        #expect(environment.compactMap { $0["name"]?.value.stringValue } == ["DATABASE_URL", "PORT"])
        #expect(environment.last?.location.line == 10)
        let secret = container["secrets"]?.value.arrayValue?.first?["valueFrom"]
        #expect(secret?.value == .string("/api/SECRET_KEY"))
        #expect(definition.value("container_definitions")?.value.stringValue?.contains("\"ghcr.io/acme/api:2024.06.1\"") == true)
    }

    @Test func moduleThatSourcesItselfIsNotLoadedForever() {
        let tree = MemoryFileTree(["infra/main.tf": "module \"self\" {\n  source = \"./\"\n}\n"])
        let module = TerraformModule.load(directory: "infra", tree: tree)
        #expect(module.notes.count == 1)
        #expect(module.children.isEmpty)
    }
}

@Suite("TerraformDependencies")
struct TerraformDependencyTests {
    @Test func localsSeeLocalsReadThroughResourceAttributes() throws {
        let tree = MemoryFileTree(["main.tf": """
        locals {
          a_param_name = aws_ssm_parameter.db.name
          env          = "staging"
        }
        resource "aws_ssm_parameter" "db" {
          name  = "/${local.env}/api/DATABASE_URL"
          value = "placeholder"
        }
        """])
        let module = TerraformModule.load(directory: "", tree: tree)
        #expect(module.locals["a_param_name"]?.value == .string("/staging/api/DATABASE_URL"))
    }

    @Test func forEachInstancesReadEachValue() throws {
        let tree = MemoryFileTree(["main.tf": """
        resource "aws_ssm_parameter" "env" {
          for_each = { DATABASE_URL = "postgresql://db:5432/app", REDIS_URL = "redis://cache:6379/0" }
          name     = "/prod/${each.key}"
          value    = each.value
        }
        locals {
          redis = aws_ssm_parameter.env["REDIS_URL"].value
          arn   = aws_ssm_parameter.env["REDIS_URL"].arn
        }
        """])
        let module = TerraformModule.load(directory: "", tree: tree)
        #expect(module.locals["redis"]?.value == .string("redis://cache:6379/0"))
        #expect(module.locals["arn"]?.value == .reference("aws_ssm_parameter.env[\"REDIS_URL\"].arn"))
        #expect(module.resolve(reference: "aws_ssm_parameter.env[\"REDIS_URL\"].arn")?.name == "env")
    }

    @Test func moduleOutputsFlowIntoLaterModuleCalls() throws {
        let tree = MemoryFileTree([
            "infra/main.tf": """
            module "naming" {
              source = "./naming"
              env    = "prod"
            }
            module "api" {
              source = "./service"
              family = module.naming.prefix
            }
            """,
            "infra/naming/main.tf": "variable \"env\" {}\noutput \"prefix\" {\n  value = \"${var.env}-api\"\n}\n",
            "infra/service/main.tf": "variable \"family\" {}\nresource \"aws_ecs_task_definition\" \"this\" {\n  family = var.family\n}\n",
        ])
        let module = TerraformModule.load(directory: "infra", tree: tree)
        let definition = try #require(module.resources(ofType: "aws_ecs_task_definition").first)
        #expect(definition.value("family")?.value == .string("prod-api"))
        #expect(definition.value("family")?.location == SourceLocation(file: "infra/service/main.tf", line: 3, column: 12))
    }
}
