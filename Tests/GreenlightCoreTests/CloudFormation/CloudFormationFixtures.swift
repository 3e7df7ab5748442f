/// CloudFormation templates in the shape real ECS stacks are written: parameters
/// with defaults, `!Sub` image URIs, secrets from SSM, an ALB target group.
enum CloudFormationFixtures {
    static let workflowEngineYAML = """
    AWSTemplateFormatVersion: "2010-09-09"
    Description: workflow-engine gRPC service on Fargate
    Parameters:
      ImageTag:
        Type: String
        Default: "1.8.0"
      ContainerPort:
        Type: Number
        Default: 8000
      Environment:
        Type: String
        AllowedValues: [staging, production]
    Mappings:
      Sizes:
        staging:
          Cpu: "512"
    Resources:
      LogGroup:
        Type: AWS::Logs::LogGroup
        Properties:
          LogGroupName: !Sub /ecs/${AWS::StackName}/workflow-engine
      DatabaseUrlParameter:
        Type: AWS::SSM::Parameter
        Properties:
          Name: !Sub /workflow/${Environment}/database-url
          Type: String
          Value: postgresql://app@postgres:5432/workflow
      TaskDefinition:
        Type: AWS::ECS::TaskDefinition
        Properties:
          Family: workflow-engine
          Cpu: !FindInMap [Sizes, staging, Cpu]
          Memory: 1024
          NetworkMode: awsvpc
          RequiresCompatibilities:
            - FARGATE
          ExecutionRoleArn: !GetAtt ExecutionRole.Arn
          RuntimePlatform:
            CpuArchitecture: ARM64
            OperatingSystemFamily: LINUX
          ContainerDefinitions:
            - Name: workflow-engine
              Image: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/workflow-engine:${ImageTag}
              Essential: true
              PortMappings:
                - ContainerPort: !Ref ContainerPort
                  Protocol: tcp
              Environment:
                - Name: GRPC_PORT
                  Value: !Ref ContainerPort
                - Name: SERVICE_VERSION
                  Value: !Sub "v${ImageTag}"
              Secrets:
                - Name: DATABASE_URL
                  ValueFrom: !Ref DatabaseUrlParameter
              HealthCheck:
                Command: [CMD-SHELL, !Sub "curl -f http://localhost:${ContainerPort}/health || exit 1"]
                StartPeriod: 60
              LogConfiguration:
                LogDriver: awslogs
                Options:
                  awslogs-group: !Ref LogGroup
                  awslogs-region: !Ref AWS::Region
                  awslogs-stream-prefix: ecs
      TargetGroup:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Port: !Ref ContainerPort
          Protocol: HTTP
          ProtocolVersion: GRPC
          TargetType: ip
          HealthCheckPath: /grpc.health.v1.Health/Check
          HealthCheckPort: traffic-port
          HealthCheckProtocol: HTTP
      Service:
        Type: AWS::ECS::Service
        Properties:
          LaunchType: FARGATE
          DesiredCount: 2
          TaskDefinition: !Ref TaskDefinition
          LoadBalancers:
            - ContainerName: workflow-engine
              ContainerPort: !Ref ContainerPort
              TargetGroupArn: !Ref TargetGroup

    """

    static let apiJSON = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Parameters": {"Port": {"Type": "Number", "Default": "8080"}},
      "Resources": {
        "ApiTask": {
          "Type": "AWS::ECS::TaskDefinition",
          "Properties": {
            "Cpu": "256",
            "Memory": "2 GB",
            "ContainerDefinitions": [{
              "Name": "api",
              "Image": {"Fn::Join": [":", ["ghcr.io/acme/api", "2.1.0"]]},
              "PortMappings": [{"ContainerPort": {"Ref": "Port"}}],
              "Environment": [
                {"Name": "BIND", "Value": {"Fn::Sub": ["0.0.0.0:${P}", {"P": {"Ref": "Port"}}]}},
                {"Name": "REGION", "Value": {"Fn::Sub": "${AWS::Region}"}},
                {"Name": "ROLE", "Value": {"Fn::GetAtt": ["TaskRole", "Arn"]}},
                {"Name": "SHARED", "Value": {"Fn::ImportValue": "network-VpcId"}}
              ],
              "Command": {"Fn::Split": [" ", "gunicorn -b 0.0.0.0:8080 app:app"]}
            }]
          }
        }
      }
    }
    """
}
