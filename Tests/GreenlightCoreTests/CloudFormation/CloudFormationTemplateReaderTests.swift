import Testing
@testable import GreenlightCore

@Suite("CloudFormationTemplateReader")
struct CloudFormationTemplateReaderTests {
    private let path = "infra/workflow-engine.yaml"

    private func location(_ line: Int, _ column: Int) -> GreenlightCore.SourceLocation {
        GreenlightCore.SourceLocation(file: path, line: line, column: column)
    }

    @Test func readsTheTaskDefinitionOfAYAMLTemplateWithShortFormTags() throws {
        let source = SourceText(path: path, string: CloudFormationFixtures.workflowEngineYAML)
        #expect(CloudFormationDetector.mightBeTemplate(source))
        let (read, issues) = CloudFormationTemplateReader.read(source)
        #expect(issues.isEmpty)
        let template = try #require(read)
        #expect(template.parameters.map(\.name.value) == ["ImageTag", "ContainerPort", "Environment"])
        let definition = try #require(template.taskDefinition(logicalID: "TaskDefinition"))
        #expect(definition.location == location(28, 3))
        #expect(definition.family == Located("workflow-engine", at: location(31, 15)))
        #expect(definition.cpu == Located(512, at: location(16, 12)))
        #expect(definition.memory == Located(1024, at: location(33, 15)))
        #expect(definition.isFargate)
        #expect(definition.executionRoleArn?.value == .reference("GetAtt:ExecutionRole.Arn"))
        #expect(definition.runtimePlatform?.cpuArchitecture?.value == "ARM64")

        let container = try #require(definition.container(named: "workflow-engine"))
        #expect(container.location == location(42, 11))
        guard case .unknown(let why) = container.image?.value else {
            Issue.record("image should stay unknown: \(String(describing: container.image))")
            return
        }
        #expect(why == "Fn::Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/workflow-engine:1.8.0")
        #expect(container.portMappings.first?.containerPort == Located(8000, at: location(9, 14)))
        #expect(container.environmentVariable(named: "GRPC_PORT")?.value?.value.stringValue == "8000")
        #expect(container.environmentVariable(named: "SERVICE_VERSION")?.value == LocatedValue(.string("v1.8.0"), at: location(52, 22)))
        #expect(container.secret(named: "DATABASE_URL")?.valueFrom == LocatedValue(.reference("Ref:DatabaseUrlParameter"), at: location(55, 26)))
        let check = try #require(container.healthCheck)
        #expect(check.form == .shell)
        #expect(check.arguments.knownStrings?.first?.value == "curl -f http://localhost:8000/health || exit 1")
        #expect(check.startPeriod == Located(60, at: location(58, 26)))
        #expect(container.logConfiguration?.options["awslogs-group"]?.value == .reference("Ref:LogGroup"))
        #expect(container.logConfiguration?.options["awslogs-region"]?.value == .reference("Ref:AWS::Region"))
    }

    @Test func readsServiceTargetGroupAndSSMParameter() throws {
        let (read, _) = CloudFormationTemplateReader.read(SourceText(path: path, string: CloudFormationFixtures.workflowEngineYAML))
        let template = try #require(read)
        let parameter = try #require(template.ssmParameters.first)
        #expect(parameter.logicalID == "DatabaseUrlParameter")
        #expect(parameter.type?.value == "String")
        guard case .unknown = parameter.name?.value else {
            Issue.record("a name with a parameter that has no default stays unknown")
            return
        }
        let group = try #require(template.targetGroups.first)
        #expect(group.port == Located(8000, at: location(9, 14)))
        #expect(group.protocolVersion?.value == "GRPC")
        #expect(group.healthCheckPath == Located("/grpc.health.v1.Health/Check", at: location(72, 24)))
        #expect(group.healthCheckPort?.value == "traffic-port")
        let service = try #require(template.services.first)
        #expect(service.launchType?.value == "FARGATE")
        #expect(service.desiredCount?.value == 2)
        #expect(service.taskDefinitionLogicalID == "TaskDefinition")
        let link = try #require(service.loadBalancers.first)
        #expect(link.containerName?.value == "workflow-engine")
        #expect(link.containerPort?.value == 8000)
        #expect(link.targetGroupLogicalID == "TargetGroup")
        #expect(link.location == location(82, 11))
    }

    @Test func readsAJSONTemplateWithLongFormIntrinsics() throws {
        let source = SourceText(path: "cfn/api.json", string: CloudFormationFixtures.apiJSON)
        let (read, issues) = CloudFormationTemplateReader.read(source)
        #expect(issues.isEmpty)
        let definition = try #require(read?.taskDefinitions.first)
        #expect(definition.source == .cloudFormation(path: "cfn/api.json", logicalID: "ApiTask"))
        #expect(definition.cpu?.value == 256 && definition.memory?.value == 2048)
        let api = try #require(definition.containers.first)
        #expect(api.image?.value == .string("ghcr.io/acme/api:2.1.0"))
        #expect(api.portMappings.first?.containerPort == Located(8080, at: GreenlightCore.SourceLocation(file: "cfn/api.json", line: 3, column: 56)))
        #expect(api.environmentVariable(named: "BIND")?.value?.value == .string("0.0.0.0:8080"))
        #expect(api.environmentVariable(named: "REGION")?.value?.value == .unknown("Fn::Sub ${AWS::Region}"))
        #expect(api.environmentVariable(named: "ROLE")?.value?.value == .reference("GetAtt:TaskRole.Arn"))
        #expect(api.environmentVariable(named: "SHARED")?.value?.value == .reference("ImportValue:network-VpcId"))
        #expect(api.command?.knownStrings?.map(\.value) == ["gunicorn", "-b", "0.0.0.0:8080", "app:app"])
    }

    @Test func otherYAMLIsNotATemplate() {
        let compose = SourceText(path: "docker-compose.yml", string: "services:\n  api:\n    image: acme/api\n")
        #expect(!CloudFormationDetector.mightBeTemplate(compose))
        let (read, issues) = CloudFormationTemplateReader.read(compose)
        #expect(read == nil && issues.isEmpty)
        let k8s = SourceText(path: "values.yaml", string: "Resources:\n  limits:\n    cpu: 500m\n")
        let (k8sRead, _) = CloudFormationTemplateReader.read(k8s)
        #expect(k8sRead == nil)
    }

    @Test func brokenYAMLGivesALocatedIssue() {
        let source = SourceText(path: path, string: "AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Task:\n    Type: [AWS::ECS::TaskDefinition\n")
        let (read, issues) = CloudFormationTemplateReader.read(source)
        #expect(read == nil)
        #expect(issues.count == 1)
        #expect((issues.first?.location.line ?? 0) >= 4)
    }

    @Test func wrongPropertyTypesAreLocatedIssues() throws {
        let text = """
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: api
                  PortMappings:
                    - ContainerPort: http
        """
        let (read, issues) = CloudFormationTemplateReader.read(SourceText(path: path, string: text))
        #expect(read?.taskDefinitions.count == 1)
        #expect(issues.map { "\($0.location.line):\($0.location.column)" } == ["8:30"])
        #expect(issues.first?.message.contains("Task.containerDefinitions[0].portMappings[0].containerPort must be an integer") == true)
    }
}
