import Testing
@testable import GreenlightCore

@Suite("HCLRealWorld")
struct HCLRealWorldTests {
    @Test func parsesServiceAndLoadBalancerConfiguration() throws {
        let text = """
        terraform {
          required_providers {
            aws = { source = "hashicorp/aws", version = "~> 5.0" }
          }
          backend "s3" {}
        }

        resource "aws_ecs_service" "api" {
          name            = "api"
          cluster         = aws_ecs_cluster.main.id
          task_definition = aws_ecs_task_definition.api.arn
          desired_count   = var.env == "prod" ? 3 : 1
          launch_type     = "FARGATE"

          dynamic "load_balancer" {
            for_each = var.expose ? [1] : []
            content {
              target_group_arn = aws_lb_target_group.api.arn
              container_name   = "api"
              container_port   = 8000
            }
          }

          network_configuration {
            subnets          = data.aws_subnets.private.ids
            security_groups  = [aws_security_group.api.id]
            assign_public_ip = false
          }

          lifecycle {
            ignore_changes = [desired_count, task_definition]
          }

          depends_on = [aws_lb_listener.https]
          tags = merge(local.tags, {
            Service = "api" # inline comment
          })
        }

        resource "aws_security_group_rule" "ingress" {
          for_each          = { for port in [80, 443] : tostring(port) => port }
          type              = "ingress"
          from_port         = each.value
          to_port           = each.value
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.api.id
          description       = "Allow ${each.key} from anywhere" /* block comment */
        }

        output "urls" {
          value = [for s in aws_ecs_service.api[*] : "https://${s.name}.example.com"]
        }
        """
        let file = HCLFile.parse(SourceText(path: "infra/service.tf", string: text))
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.body.blocks.map(\.type) == ["terraform", "resource", "resource", "output"])
        let service = file.body.blocks[1]
        #expect(service.body.blocks.map(\.type) == ["dynamic", "network_configuration", "lifecycle"])
        #expect(service.body.blocks[0].labels == ["load_balancer"])
        #expect(service.body.blocks[0].body.blocks.first?.body.attribute("container_port")?.expression.location.line == 20)
        #expect(service.body.attribute("tags")?.nameLocation.line == 35)
        #expect(file.comments.map(\.location.line) == [36, 47])
        let tree = MemoryFileTree(["infra/service.tf": text])
        let module = TerraformModule.load(directory: "infra", tree: tree)
        let rule = try #require(module.resources(ofType: "aws_security_group_rule").first)
        #expect(rule.value("description")?.value == .unknown("template interpolates a value that is not known (each.key is only known for one instance)"))
        #expect(rule.value("for_each")?.value["443"]?.value == .number("443"))
        let service2 = try #require(module.resources(ofType: "aws_ecs_service").first)
        #expect(service2.value("desired_count")?.value == .unknown("condition is not known: comparison with a value that is not known"))
        #expect(service2.value("task_definition")?.value == .reference("aws_ecs_task_definition.api.arn"))
        #expect(module.outputs["urls"]?.value == .unknown("for collection is not known: depends on aws_ecs_service.api[*]"))
    }
}
