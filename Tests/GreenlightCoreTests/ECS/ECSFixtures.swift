/// Task definitions as the AWS CLI prints and reads them, modelled on a gRPC
/// workflow engine whose task definition maps 8000 while the image serves 50050.
enum ECSFixtures {
    /// `aws ecs describe-task-definition --task-definition workflow-engine` output.
    static let describeWorkflowEngine = """
    {
        "taskDefinition": {
            "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/workflow-engine:7",
            "containerDefinitions": [
                {
                    "name": "workflow-engine",
                    "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/workflow-engine:latest",
                    "cpu": 0,
                    "portMappings": [
                        {
                            "containerPort": 8000,
                            "hostPort": 8000,
                            "protocol": "tcp",
                            "name": "workflow-engine-8000-tcp",
                            "appProtocol": "grpc"
                        }
                    ],
                    "essential": true,
                    "environment": [
                        {
                            "name": "GRPC_PORT",
                            "value": "8000"
                        },
                        {
                            "name": "LOG_LEVEL",
                            "value": "info"
                        }
                    ],
                    "mountPoints": [],
                    "volumesFrom": [],
                    "secrets": [
                        {
                            "name": "DATABASE_URL",
                            "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/workflow/database-url"
                        }
                    ],
                    "logConfiguration": {
                        "logDriver": "awslogs",
                        "options": {
                            "awslogs-group": "/ecs/workflow-engine",
                            "awslogs-region": "us-east-1",
                            "awslogs-stream-prefix": "ecs"
                        }
                    },
                    "healthCheck": {
                        "command": [
                            "CMD-SHELL",
                            "curl -f http://localhost:8000/health || exit 1"
                        ],
                        "interval": 30,
                        "timeout": 5,
                        "retries": 3,
                        "startPeriod": 60
                    }
                }
            ],
            "family": "workflow-engine",
            "taskRoleArn": "arn:aws:iam::123456789012:role/workflow-engine-task",
            "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            "networkMode": "awsvpc",
            "revision": 7,
            "status": "ACTIVE",
            "requiresCompatibilities": [
                "FARGATE"
            ],
            "cpu": "512",
            "memory": "1024",
            "runtimePlatform": {
                "cpuArchitecture": "X86_64",
                "operatingSystemFamily": "LINUX"
            }
        }
    }

    """

    /// A `register-task-definition --cli-input-json file://api-gateway.json` input.
    static let registerApiGateway = """
    {
      "family": "api-gateway",
      "networkMode": "awsvpc",
      "requiresCompatibilities": ["FARGATE"],
      "cpu": "1 vCPU",
      "memory": "3 GB",
      "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
      "containerDefinitions": [
        {
          "name": "api-gateway",
          "image": "ghcr.io/acme/api-gateway:1.4.2",
          "essential": true,
          "entryPoint": ["uvicorn"],
          "command": ["app.main:app", "--host", "0.0.0.0", "--port", "8000"],
          "workingDirectory": "/app",
          "user": "1000:1000",
          "readonlyRootFilesystem": false,
          "memoryReservation": 256,
          "portMappings": [{"containerPort": 8000, "protocol": "tcp"}],
          "environmentFiles": [{"value": "arn:aws:s3:::acme-config/api-gateway.env", "type": "s3"}],
          "dependsOn": [{"containerName": "otel-collector", "condition": "START"}],
          "healthCheck": {
            "command": ["CMD", "curl", "-f", "http://localhost:8000/healthz"],
            "startPeriod": 120
          }
        },
        {
          "name": "otel-collector",
          "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
          "essential": false
        }
      ]
    }
    """

    /// The JSON a Terraform `container_definitions = file("containers.json")` points at.
    static let bareContainerDefinitions = """
    [
      {
        "name": "worker",
        "image": "acme/worker:2.0",
        "command": ["celery", "-A", "worker.app", "worker", "--loglevel=info"],
        "environment": [{"name": "REDIS_URL", "value": "redis://redis:6379/0"}]
      }
    ]
    """
}
