/// A target group that checks the wrong port or protocol marks every task unhealthy:
/// the load balancer sends no traffic, and ECS replaces tasks that were fine.
public struct TargetGroupMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "target-group-mismatch",
        title: "A load balancer target group cannot reach the container it fronts",
        defaultSeverity: .error,
        rationale: """
            ECS registers each task's container port with the target group; the load balancer then health-checks \
            it with the group's protocol, port and path. A `container_port` the container does not map, a health \
            check on another fixed port, or an HTTP/1.1 health check against a gRPC server fails every check: \
            the load balancer reports the targets unhealthy, ECS stops the tasks, and the service never becomes \
            stable — the failure the seeds' checklist item "Load balancer target group configured" guards against.
            """,
        fix: "Register the port the container maps and serves on, health-check it on `traffic-port`, and for gRPC services use protocol_version = \"GRPC\" with a gRPC matcher.",
        triggeringExamples: [
            RuleExample([
                "infra/ecs.tf": """
                    resource "aws_lb_target_group" "workflow_engine" {
                      name             = "workflow-engine"
                      port             = 50050
                      protocol         = "HTTP"
                      target_type      = "ip"
                      health_check {
                        port     = ↓"8000"
                        protocol = ↓"HTTP"
                        path     = "/health"
                      }
                    }

                    resource "aws_ecs_service" "workflow_engine" {
                      name            = "workflow-engine"
                      task_definition = aws_ecs_task_definition.workflow_engine.arn
                      load_balancer {
                        target_group_arn = aws_lb_target_group.workflow_engine.arn
                        container_name   = "workflow-engine"
                        container_port   = ↓8080
                      }
                    }

                    resource "aws_ecs_task_definition" "workflow_engine" {
                      family = "workflow-engine"
                      container_definitions = jsonencode([{
                        name         = "workflow-engine"
                        image        = "ghcr.io/agent-team/workflow-engine:4f2a9c1"
                        portMappings = [{ containerPort = 50050 }]
                        logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/agent-team" } }
                      }])
                    }
                    """,
            ], configuration: "services:\n  workflow-engine:\n    kind: grpc\n"),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "infra/ecs.tf": """
                    resource "aws_lb_target_group" "workflow_engine" {
                      name             = "workflow-engine"
                      port             = 50050
                      protocol         = "HTTP"
                      protocol_version = "GRPC"
                      target_type      = "ip"
                      health_check {
                        port    = "traffic-port"
                        path    = "/grpc.health.v1.Health/Check"
                        matcher = "0"
                      }
                    }

                    resource "aws_ecs_service" "workflow_engine" {
                      name            = "workflow-engine"
                      task_definition = aws_ecs_task_definition.workflow_engine.arn
                      load_balancer {
                        target_group_arn = aws_lb_target_group.workflow_engine.arn
                        container_name   = "workflow-engine"
                        container_port   = 50050
                      }
                    }

                    resource "aws_ecs_task_definition" "workflow_engine" {
                      family = "workflow-engine"
                      container_definitions = jsonencode([{
                        name         = "workflow-engine"
                        image        = "ghcr.io/agent-team/workflow-engine:4f2a9c1"
                        portMappings = [{ containerPort = 50050 }]
                        logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/agent-team" } }
                      }])
                    }
                    """,
            ], configuration: "services:\n  workflow-engine:\n    kind: grpc\n"),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        for service in project.services {
            let mapped = Set(service.ports.filter { $0.role == .containerPort }.map(\.port))
            for target in service.loadBalancers {
                let group = "target group \(target.targetGroup) (\(target.targetGroupLocation))"
                if let port = target.containerPort, !mapped.isEmpty, !mapped.contains(port.value) {
                    findings.append(finding(
                        "\(service.name) registers container port \(port.value) with \(group), but the container maps only \(mapped.sorted().map(String.init).joined(separator: ", ")): the load balancer cannot reach it",
                        at: port.location, service: service.name))
                }
                if let healthPort = target.healthCheckPort, healthPort.value != "traffic-port", let number = Int(healthPort.value),
                   number != (target.containerPort?.value ?? target.port?.value ?? number) {
                    findings.append(finding(
                        "\(group) health-checks port \(number), but traffic goes to port \(target.containerPort?.value ?? target.port?.value ?? 0) of \(service.name): the check probes a port nothing serves",
                        at: healthPort.location, service: service.name,
                        fix: "Use `port = \"traffic-port\"` in the target group's health_check."))
                }
                let httpCheck = (target.healthCheckProtocol?.value ?? target.protocolName?.value ?? "").uppercased().hasPrefix("HTTP")
                if service.kind == .grpc, httpCheck, target.protocolVersion?.value.uppercased() != "GRPC" {
                    let location = target.healthCheckProtocol?.location ?? target.protocolName?.location ?? target.targetGroupLocation
                    guard !findings.contains(where: { $0.location == location }) else { continue }
                    findings.append(finding(
                        "\(group) health-checks \(service.name) over HTTP/1.1, but \(service.name) serves gRPC (\(service.kindEvidence ?? "configured")): the check never gets a 2xx",
                        at: location, service: service.name,
                        fix: "Set protocol_version = \"GRPC\" on the target group with a gRPC health check path and matcher, or check the port over TCP with an NLB."))
                }
            }
        }
        return findings
    }
}
