locals {
  log_configuration = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = "/ecs/agent-team-${var.environment}"
      awslogs-region        = "us-east-1"
      awslogs-stream-prefix = "ecs"
    }
  }
}

resource "aws_ecs_task_definition" "workflow_engine" {
  family                   = "agent-team-${var.environment}-workflow-engine"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048

  container_definitions = jsonencode([
    {
      name      = "workflow-engine"
      image     = "${var.ecr_registry}/workflow-engine:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 50050, protocol = "tcp" }
      ]
      environment = [
        { name = "GRPC_PORT", value = "50050" },
        { name = "DEBUG", value = "false" }
      ]
      secrets = [
        { name = "OPENAI_API_KEY", valueFrom = aws_ssm_parameter.openai_api_key.arn },
        { name = "SUPABASE_URL", valueFrom = aws_ssm_parameter.supabase_url.arn },
        { name = "SUPABASE_SECRET_KEY", valueFrom = aws_ssm_parameter.supabase_secret_key.arn }
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "nc -z localhost 50050 || exit 1"]
        interval    = 30
        startPeriod = 180
      }
      logConfiguration = local.log_configuration
    }
  ])
}

resource "aws_ecs_task_definition" "api_gateway" {
  family                   = "agent-team-${var.environment}-api-gateway"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name         = "api-gateway"
      image        = "${var.ecr_registry}/api-gateway:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8000 }]
      environment = [
        { name = "WORKFLOW_ENGINE_ADDR", value = "workflow-engine.agent-team.local:50050" }
      ]
      secrets = [
        { name = "ANTHROPIC_API_KEY", valueFrom = aws_ssm_parameter.anthropic_api_key.arn }
      ]
      logConfiguration = local.log_configuration
      healthCheck = {
        command     = ["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"]
        startPeriod = 120
      }
    }
  ])
}
