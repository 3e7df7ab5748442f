import Testing
@testable import GreenlightCore

@Suite("TerraformModule")
struct TerraformModuleTests {
    private static let tree = MemoryFileTree([
        "infra/ecs.tf": TerraformFixtures.ecs,
        "infra/variables.tf": TerraformFixtures.variables,
        "infra/terraform.tfvars": "ecr_repo = \"123456789012.dkr.ecr.eu-west-1.amazonaws.com\"\nimage_tag = \"v1\"\n",
        "infra/prod.auto.tfvars": "image_tag = \"v2\"\nextra_env = { FEATURE_X = \"on\" }\n",
    ])

    private func load(_ variables: [String: String] = [:]) -> TerraformModule {
        TerraformModule.load(directory: "infra", tree: Self.tree, variables: variables)
    }

    private func environment(_ container: LocatedValue?) -> [String: String] {
        var result: [String: String] = [:]
        for entry in container?["environment"]?.value.arrayValue ?? [] {
            if let name = entry["name"]?.value.stringValue, let value = entry["value"]?.value.stringValue { result[name] = value }
        }
        return result
    }

    @Test func findsTheTaskDefinitionsAndResolvesVariablesWithPrecedence() throws {
        let module = load()
        #expect(module.issues.isEmpty, "\(module.issues)")
        let definitions = module.resources(ofType: "aws_ecs_task_definition")
        #expect(definitions.map(\.name) == ["workflow_engine", "api", "worker"])
        let engine = try #require(definitions.first)
        #expect(engine.address == "aws_ecs_task_definition.workflow_engine")
        #expect(engine.location.line == 8)
        #expect(engine.value("cpu")?.value.intValue == 1024)
        #expect(engine.value("memory")?.value == .number("2048"))
        #expect(engine.value("requires_compatibilities")?.value.arrayValue?.first?.value == .string("FARGATE"))
        #expect(engine.value("execution_role_arn")?.value == .reference("aws_iam_role.execution.arn"))
        #expect(module.variables["image_tag"]?.value == .string("v2"))
        let explicit = load(["image_tag": "v3"])
        #expect(explicit.variables["image_tag"]?.value == .string("v3"))
    }

    @Test func keepsTheLinesOfEveryContainerFieldInJSONEncode() throws {
        let engine = try #require(load().resources(ofType: "aws_ecs_task_definition").first)
        let definitions = try #require(engine.decodedJSON("container_definitions"))
        let container = try #require(definitions.value.arrayValue?.first)
        #expect(container["name"]?.value == .string("workflow-engine"))
        #expect(container["name"]?.location.line == 16)
        #expect(container["image"]?.value == .string("123456789012.dkr.ecr.eu-west-1.amazonaws.com/workflow-engine:v2"))
        #expect(container["image"]?.location.line == 17)
        #expect(container["portMappings"]?.value.arrayValue?.first?["containerPort"]?.value.intValue == 50050)
        #expect(container["portMappings"]?.location.line == 19)
        let secret = try #require(container["secrets"]?.value.arrayValue?.first)
        #expect(secret["valueFrom"]?.value == .reference("aws_ssm_parameter.supabase_url.arn"))
        #expect(secret["valueFrom"]?.location.line == 24)
        #expect(container["healthCheck"]?["command"]?.value.arrayValue?.last?.value == .string("nc -z localhost 50050 || exit 1"))
        #expect(container["healthCheck"]?["startPeriod"]?.location.line == 27)
        #expect(environment(container) == ["GRPC_PORT": "50050", "LOG_LEVEL": "info"])
        #expect(container["logConfiguration"]?["options"]?["awslogs-region"]?.value == .string("eu-west-1"))
        // The string form is unknown because the definition refers to a parameter ARN.
        guard case .unknown? = engine.value("container_definitions")?.value else {
            Issue.record("expected the encoded string to be unknown")
            return
        }
    }

    @Test func evaluatesForExpressionsOverMergedLocals() throws {
        let module = load()
        let api = try #require(module.resources(ofType: "aws_ecs_task_definition").first { $0.name == "api" })
        let container = try #require(api.decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(environment(container) == ["ENVIRONMENT": "prod", "AWS_REGION": "eu-west-1", "FEATURE_X": "on", "PORT": "8000"])
        #expect(container["command"]?.value.arrayValue?.count == 6)
        #expect(api.value("memory")?.value.intValue == 1024)
        let encoded = try #require(api.value("container_definitions")?.value.stringValue)
        #expect(encoded.hasPrefix("[{\"command\":[\"uvicorn\",\"app.main:app\""))
    }

    @Test func parsesHeredocJSONWithLinesInTheTerraformFile() throws {
        let worker = try #require(load().resources(ofType: "aws_ecs_task_definition").last)
        let container = try #require(worker.decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(container["name"]?.value == .string("worker"))
        #expect(container["name"]?.location.line == 70)
        #expect(container["name"]?.location.file == "infra/ecs.tf")
        #expect(container["image"]?.value == .string("123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:v2"))
        #expect(container["image"]?.location.line == 71)
        #expect(container["environment"]?.value.arrayValue?.first?["value"]?.location.line == 74)
    }

    @Test func resolvesParameterReferencesAndLiteralAttributes() throws {
        let module = load()
        let parameter = try #require(module.resolve(reference: "aws_ssm_parameter.supabase_url.arn"))
        #expect(parameter.type == "aws_ssm_parameter" && parameter.location.line == 2)
        #expect(parameter.value("value")?.value == .string("placeholder"))
        #expect(parameter.value("name")?.value == .string("/prod/workflow-engine/SUPABASE_URL"))
        #expect(module.resolve(reference: "aws_ssm_parameter.missing.arn") == nil)
        let expression = HCLFile.parseExpression(SourceText(path: "q.tf", string: "aws_ssm_parameter.supabase_url.name")).0
        #expect(module.evaluate(expression).value == .string("/prod/workflow-engine/SUPABASE_URL"))
    }

    @Test func unsetVariablesStayUnknown() throws {
        let tree = MemoryFileTree(["infra/main.tf": TerraformFixtures.ecs, "infra/variables.tf": TerraformFixtures.variables])
        let module = TerraformModule.load(directory: "infra", tree: tree)
        let engine = try #require(module.resources(ofType: "aws_ecs_task_definition").first)
        let container = try #require(engine.decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(container["image"]?.value == .unknown("template interpolates a value that is not known (var.ecr_repo has no value)"))
        #expect(container["name"]?.value == .string("workflow-engine"))
    }
}
