/// Realistic Terraform for an ECS Fargate deployment of three services
/// (a gRPC workflow engine, a FastAPI API and a Celery worker).
enum TerraformFixtures {
    static let ecs = """
    # ECS task definitions for the platform services.
    resource "aws_ssm_parameter" "supabase_url" {
      name  = "/${var.env}/workflow-engine/SUPABASE_URL"
      type  = "SecureString"
      value = "placeholder"
    }

    resource "aws_ecs_task_definition" "workflow_engine" {
      family                   = "workflow-engine"
      requires_compatibilities = ["FARGATE"]
      network_mode             = "awsvpc"
      cpu                      = "1024"
      memory                   = 2048
      execution_role_arn       = aws_iam_role.execution.arn
      container_definitions = jsonencode([{
        name         = "workflow-engine"
        image        = "${var.ecr_repo}/workflow-engine:${var.image_tag}"
        essential    = true
        portMappings = [{ containerPort = 50050, protocol = "tcp" }]
        environment = [
          { name = "GRPC_PORT", value = "50050" },
          { name = "LOG_LEVEL", value = local.log_level }
        ]
        secrets = [{ name = "SUPABASE_URL", valueFrom = aws_ssm_parameter.supabase_url.arn }]
        healthCheck = {
          command     = ["CMD-SHELL", "nc -z localhost 50050 || exit 1"]
          startPeriod = 180
        }
        logConfiguration = {
          logDriver = "awslogs"
          options = {
            "awslogs-group"         = "/ecs/workflow-engine"
            "awslogs-region"        = var.region
            "awslogs-stream-prefix" = "ecs"
          }
        }
      }])
      runtime_platform {
        operating_system_family = "LINUX"
        cpu_architecture        = "ARM64"
      }
    }

    resource "aws_ecs_task_definition" "api" {
      family                   = "api"
      requires_compatibilities = ["FARGATE"]
      cpu                      = 512
      memory                   = "1024"
      container_definitions = jsonencode([
        {
          name  = "api"
          image = "${var.ecr_repo}/api:${var.image_tag}"
          command = ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
          portMappings = [{ containerPort = 8000 }]
          environment  = [for k, v in local.api_env : { name = k, value = v }]
          healthCheck = {
            command = ["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"]
          }
        }
      ])
    }

    resource "aws_ecs_task_definition" "worker" {
      family                = "worker"
      cpu                   = 256
      memory                = 512
      container_definitions = <<DEFINITION
    [
      {
        "name": "worker",
        "image": "${var.ecr_repo}/worker:${var.image_tag}",
        "command": ["celery", "-A", "app.worker", "worker", "--loglevel=info"],
        "environment": [
          {"name": "REDIS_URL", "value": "redis://redis.internal:6379/0"}
        ]
      }
    ]
    DEFINITION
    }
    """

    static let variables = """
    variable "env" {
      type    = string
      default = "prod"
    }

    variable "region" {
      default = "eu-west-1"
    }

    variable "ecr_repo" {
      type = string
    }

    variable "image_tag" {
      type    = string
      default = "latest"
    }

    variable "extra_env" {
      type    = map(string)
      default = {}
    }

    locals {
      log_level = var.env == "prod" ? "info" : "debug"
      common_env = {
        ENVIRONMENT = var.env
        AWS_REGION  = var.region
      }
      api_env = merge(local.common_env, var.extra_env, { PORT = "8000" })
    }
    """
}
