import Testing
@testable import GreenlightCore

@Suite("ECSTaskDefinitionReader")
struct ECSTaskDefinitionReaderTests {
    private func read(_ text: String, path: String = "deploy/task.json") throws -> (ECSTaskDefinition?, [ParseIssue]) {
        let (value, issues) = LocatedJSON.parse(SourceText(path: path, string: text))
        #expect(issues.isEmpty)
        let root = try #require(value)
        return ECSTaskDefinition.read(root, source: .json(path: path))
    }

    @Test func readsDescribeOutputOfAGRPCServiceWithACurlHealthCheck() throws {
        let path = "deploy/workflow-engine.json"
        let (read, issues) = try read(ECSFixtures.describeWorkflowEngine, path: path)
        #expect(issues.isEmpty)
        let definition = try #require(read)
        #expect(definition.family == Located("workflow-engine", at: SourceLocation(file: path, line: 57, column: 19)))
        #expect(definition.cpu == Located(512, at: SourceLocation(file: path, line: 66, column: 16)))
        #expect(definition.memory?.value == 1024)
        #expect(definition.networkMode?.value == "awsvpc")
        #expect(definition.requiresCompatibilities == ["FARGATE"])
        #expect(definition.isFargate)
        #expect(definition.runtimePlatform?.cpuArchitecture?.value == "X86_64")
        #expect(definition.runtimePlatform?.operatingSystemFamily?.location.line == 70)
        #expect(definition.executionRoleArn?.value == .string("arn:aws:iam::123456789012:role/ecsTaskExecutionRole"))

        let container = try #require(definition.container(named: "workflow-engine"))
        #expect(container.location == SourceLocation(file: path, line: 5, column: 13))
        #expect(container.essential?.value == true)
        #expect(container.cpu?.value == 0)
        let mapping = try #require(container.portMappings.first)
        #expect(mapping.containerPort == Located(8000, at: SourceLocation(file: path, line: 11, column: 42)))
        #expect(mapping.hostPort?.value == 8000)
        #expect(mapping.protocol?.value == "tcp")
        #expect(mapping.appProtocol?.value == "grpc")
        #expect(mapping.name?.value == "workflow-engine-8000-tcp")

        let grpcPort = try #require(container.environmentVariable(named: "GRPC_PORT"))
        #expect(grpcPort.value?.value == .string("8000"))
        #expect(grpcPort.value?.location == SourceLocation(file: path, line: 22, column: 34))
        #expect(container.environment.map(\.name.value) == ["GRPC_PORT", "LOG_LEVEL"])

        let secret = try #require(container.secret(named: "DATABASE_URL"))
        #expect(secret.valueFrom.value.stringValue?.hasSuffix("parameter/workflow/database-url") == true)
        #expect(secret.valueFrom.location.line == 34)

        #expect(container.logConfiguration?.logDriver?.value == "awslogs")
        #expect(container.logConfiguration?.options["awslogs-group"]?.value == .string("/ecs/workflow-engine"))

        let check = try #require(container.healthCheck)
        #expect(check.form == .shell)
        #expect(check.arguments.knownStrings?.map(\.value) == ["curl -f http://localhost:8000/health || exit 1"])
        #expect(check.arguments.first?.location == SourceLocation(file: path, line: 48, column: 25))
        #expect(check.interval?.value == 30 && check.timeout?.value == 5 && check.retries?.value == 3)
        #expect(check.startPeriod == Located(60, at: SourceLocation(file: path, line: 53, column: 36)))
        #expect(container.unresolvedFields.isEmpty && definition.unresolvedFields.isEmpty)
    }

    @Test func readsRegisterInputWithUnitFormsAndOverrides() throws {
        let (read, issues) = try read(ECSFixtures.registerApiGateway)
        #expect(issues.isEmpty)
        let definition = try #require(read)
        #expect(definition.cpu?.value == 1024)
        #expect(definition.memory?.value == 3072)
        #expect(definition.containers.map { $0.name?.value } == ["api-gateway", "otel-collector"])
        let gateway = try #require(definition.containers.first)
        #expect(gateway.entryPoint?.knownStrings?.map(\.value) == ["uvicorn"])
        #expect(gateway.command?.knownStrings?.map(\.value) == ["app.main:app", "--host", "0.0.0.0", "--port", "8000"])
        #expect(gateway.workingDirectory?.value == "/app")
        #expect(gateway.user?.value == "1000:1000")
        #expect(gateway.readonlyRootFilesystem?.value == false)
        #expect(gateway.memoryReservation?.value == 256)
        #expect(gateway.environmentFiles.first?.type?.value == "s3")
        #expect(gateway.dependsOn.first?.containerName.value == "otel-collector")
        #expect(gateway.dependsOn.first?.condition?.value == "START")
        #expect(gateway.healthCheck?.form == .exec)
        #expect(gateway.healthCheck?.startPeriod?.value == 120)
        #expect(gateway.healthCheck?.interval == nil)
        #expect(definition.containers.last?.essential?.value == false)
    }

    @Test func readsABareContainerDefinitionsArray() throws {
        let (read, issues) = try read(ECSFixtures.bareContainerDefinitions)
        #expect(issues.isEmpty)
        let definition = try #require(read)
        #expect(definition.family == nil)
        #expect(definition.containers.first?.image?.value == .string("acme/worker:2.0"))
        #expect(definition.containers.first?.environmentVariable(named: "REDIS_URL")?.value?.location.line == 6)
    }

    @Test func wrongTypesAreLocatedIssuesAndTheRestIsRead() throws {
        let text = """
        {"family": "api", "containerDefinitions": [
          {"name": "api", "image": "acme/api", "essential": "yes",
           "portMappings": [{"containerPort": "http"}, 8080],
           "environment": [{"value": "x"}],
           "healthCheck": {"command": ["curl", "-f", "http://localhost/"]}}
        ]}
        """
        let (read, issues) = try read(text)
        let definition = try #require(read)
        #expect(definition.containers.first?.name?.value == "api")
        #expect(definition.containers.first?.portMappings.count == 1)
        #expect(definition.containers.first?.portMappings.first?.containerPort == nil)
        let described = issues.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(described == [
            "2:53 task definition: containerDefinitions[0].essential must be true or false, found \"yes\"",
            "3:39 task definition: containerDefinitions[0].portMappings[0].containerPort must be an integer, found \"http\"",
            "3:48 task definition: containerDefinitions[0].portMappings[1] must be an object, found 8080",
            "4:20 task definition: containerDefinitions[0].environment[0] has no name",
            "5:32 task definition: containerDefinitions[0].healthCheck.command must start with \"CMD\" or \"CMD-SHELL\", found \"curl\"",
        ])
    }

    @Test func otherJSONShapesAreNotTaskDefinitions() throws {
        let (value, _) = LocatedJSON.parse(SourceText(path: "package.json", string: #"{"name": "web", "dependencies": {"react": "^18.2.0"}}"#))
        let root = try #require(value)
        #expect(!ECSTaskDefinitionDetector.looksLikeTaskDefinition(root))
        let (read, issues) = ECSTaskDefinition.read(root, source: .json(path: "package.json"))
        #expect(read == nil)
        #expect(issues.count == 1)
        let (array, _) = LocatedJSON.parse(SourceText(path: "tsconfig.json", string: #"[{"name": "a"}]"#))
        #expect(!ECSTaskDefinitionDetector.looksLikeTaskDefinition(try #require(array)))
        for fixture in [ECSFixtures.describeWorkflowEngine, ECSFixtures.registerApiGateway, ECSFixtures.bareContainerDefinitions] {
            let (parsed, _) = LocatedJSON.parse(SourceText(path: "t.json", string: fixture))
            #expect(ECSTaskDefinitionDetector.looksLikeTaskDefinition(try #require(parsed)))
        }
    }

    @Test func terraformAttributesKeepReferencesAndReadDecodedContainers() throws {
        let file = "infra/ecs.tf"
        func at(_ line: Int, _ column: Int) -> GreenlightCore.SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let container = LocatedValue(.object([
            StructuredMember(key: "name", keyLocation: at(12, 7), value: LocatedValue(.string("api"), at: at(12, 14))),
            StructuredMember(key: "image", keyLocation: at(13, 7), value: LocatedValue(.unknown("var.image_tag has no default"), at: at(13, 15))),
            StructuredMember(key: "secrets", keyLocation: at(14, 7), value: LocatedValue(.array([
                LocatedValue(.object([
                    StructuredMember(key: "name", keyLocation: at(14, 20), value: LocatedValue(.string("SUPABASE_URL"), at: at(14, 27))),
                    StructuredMember(key: "valueFrom", keyLocation: at(14, 43), value: LocatedValue(.reference("aws_ssm_parameter.supabase_url.arn"), at: at(14, 55))),
                ]), at: at(14, 18)),
            ]), at: at(14, 17))),
            StructuredMember(key: "portMappings", keyLocation: at(15, 7), value: LocatedValue(.array([
                LocatedValue(.object([
                    StructuredMember(key: "containerPort", keyLocation: at(15, 25), value: LocatedValue(.reference("var.port"), at: at(15, 41))),
                ]), at: at(15, 23)),
            ]), at: at(15, 22))),
        ]), at: at(11, 5))
        let attributes: [String: LocatedValue] = [
            "family": LocatedValue(.string("api"), at: at(3, 12)),
            "cpu": LocatedValue(.number("256"), at: at(4, 12)),
            "memory": LocatedValue(.string("512"), at: at(5, 12)),
            "network_mode": LocatedValue(.string("awsvpc"), at: at(6, 18)),
            "requires_compatibilities": LocatedValue(.array([LocatedValue(.string("FARGATE"), at: at(7, 31))]), at: at(7, 30)),
            "runtime_platform": LocatedValue(.array([LocatedValue(.object([
                StructuredMember(key: "cpu_architecture", keyLocation: at(9, 5), value: LocatedValue(.string("ARM64"), at: at(9, 24))),
            ]), at: at(8, 20))]), at: at(8, 20)),
            "execution_role_arn": LocatedValue(.reference("aws_iam_role.execution.arn"), at: at(10, 24)),
            "container_definitions": LocatedValue(.array([container]), at: at(11, 27)),
        ]
        let (read, issues) = ECSTaskDefinition.read(terraformAttributes: attributes, address: "aws_ecs_task_definition.api", at: at(2, 1))
        #expect(issues.isEmpty)
        let definition = try #require(read)
        #expect(definition.source == .terraform(address: "aws_ecs_task_definition.api"))
        #expect(definition.cpu == Located(256, at: at(4, 12)))
        #expect(definition.memory?.value == 512)
        #expect(definition.requiresCompatibilities == ["FARGATE"])
        #expect(definition.runtimePlatform?.cpuArchitecture == Located("ARM64", at: at(9, 24)))
        #expect(definition.executionRoleArn?.value == .reference("aws_iam_role.execution.arn"))
        let api = try #require(definition.containers.first)
        #expect(api.image?.value == .unknown("var.image_tag has no default"))
        #expect(api.secrets.first?.valueFrom == LocatedValue(.reference("aws_ssm_parameter.supabase_url.arn"), at: at(14, 55)))
        #expect(api.portMappings.first?.containerPort == nil)
        #expect(api.unresolvedFields == ["portMappings[0].containerPort"])
    }

    @Test func terraformContainerDefinitionsGivenAsJSONTextAreParsedInPlace() throws {
        let json = "[\n  {\"name\": \"api\", \"image\": \"acme/api:1\"}\n]"
        let attributes = ["container_definitions": LocatedValue(.string(json), at: SourceLocation(file: "main.tf", line: 20, column: 3))]
        let (read, issues) = ECSTaskDefinition.read(terraformAttributes: attributes, address: "aws_ecs_task_definition.api", at: SourceLocation(file: "main.tf", line: 18, column: 1))
        #expect(issues.isEmpty)
        #expect(read?.containers.first?.image?.location == SourceLocation(file: "main.tf", line: 21, column: 28))
    }
}
