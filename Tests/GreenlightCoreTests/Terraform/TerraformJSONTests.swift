import Testing
@testable import GreenlightCore

@Suite("TerraformJSON")
struct TerraformJSONTests {
    private static let tree = MemoryFileTree([
        "deploy/ecs.tf": """
        variable "tag" {}
        variable "replicas" {
          type = number
        }
        locals {
          containers = jsonencode([{
            name  = "web"
            image = "nginx:${var.tag}"
          }])
        }
        resource "aws_ecs_task_definition" "web" {
          family                = "web"
          container_definitions = local.containers
        }
        resource "aws_ecs_task_definition" "proxy" {
          family = "proxy"
          container_definitions = <<-EOT
            [
              {
                "name": "proxy",
                "image": "envoyproxy/envoy:${var.tag}",
                "portMappings": [{"containerPort": 9901}]
              }
            ]
          EOT
        }
        resource "aws_ecs_task_definition" "from_file" {
          family                = "from-file"
          container_definitions = file("${path.module}/containers/batch.json")
        }
        resource "aws_ecs_task_definition" "broken" {
          family                = "broken"
          container_definitions = <<EOT
        [{"name": "x",}]
        EOT
        }
        """,
        "deploy/containers/batch.json": """
        [
          {
            "name": "batch",
            "command": ["python", "-m", "jobs.nightly"]
          }
        ]
        """,
        "deploy/staging.tfvars": "tag = \"1.29\"\n",
        "deploy/terraform.tfvars.json": "{\"tag\": \"1.27\", \"replicas\": 2}",
    ])

    private func definition(_ name: String, _ module: TerraformModule) throws -> TerraformResource {
        try #require(module.resources(ofType: "aws_ecs_task_definition").first { $0.name == name })
    }

    @Test func followsLocalsToTheirJSONEncode() throws {
        let module = TerraformModule.load(directory: "deploy", tree: Self.tree, variableFiles: ["staging.tfvars"])
        #expect(module.issues.isEmpty, "\(module.issues)")
        #expect(module.variables["replicas"]?.value == .number("2"))
        let container = try #require(definition("web", module).decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(container["image"]?.value == .string("nginx:1.29"))
        #expect(container["image"]?.location.line == 8)
        #expect(try definition("web", module).value("container_definitions")?.value == .string(#"[{"image":"nginx:1.29","name":"web"}]"#))
    }

    @Test func mapsIndentedHeredocJSONToTheTerraformLines() throws {
        let module = TerraformModule.load(directory: "deploy", tree: Self.tree, variables: ["tag": "v1.30.2"])
        let container = try #require(definition("proxy", module).decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(container["image"]?.value == .string("envoyproxy/envoy:v1.30.2"))
        #expect(container["image"]?.location == SourceLocation(file: "deploy/ecs.tf", line: 21, column: 18))
        #expect(container["portMappings"]?.value.arrayValue?.first?["containerPort"]?.location.line == 22)
    }

    @Test func readsJSONFilesWithTheirOwnLines() throws {
        let module = TerraformModule.load(directory: "deploy", tree: Self.tree)
        let container = try #require(definition("from_file", module).decodedJSON("container_definitions")?.value.arrayValue?.first)
        #expect(container["command"]?.value.arrayValue?.count == 3)
        #expect(container["command"]?.location == SourceLocation(file: "deploy/containers/batch.json", line: 4, column: 16))
    }

    @Test func invalidJSONIsUnknownAtTheLineOfTheProblem() throws {
        let module = TerraformModule.load(directory: "deploy", tree: Self.tree)
        let decoded = try #require(definition("broken", module).decodedJSON("container_definitions"))
        #expect(decoded.value == .unknown("invalid JSON: expected a string key"))
        #expect(decoded.location == SourceLocation(file: "deploy/ecs.tf", line: 34, column: 15))
    }

    @Test func decodesEscapesAndRejectsTrailingText() {
        let value = TerraformJSON.decode(Array(#"{"a": "\u00e9\n\ud83d\ude00", "b": -1.5e3}"#.utf8)) { _ in SourceLocation(file: "x", line: 1) }
        guard case .success(let decoded) = value else {
            Issue.record("expected valid JSON")
            return
        }
        #expect(decoded["a"]?.value == .string("é\n😀"))
        #expect(decoded["b"]?.value == .number("-1.5e3"))
        guard case .failure = TerraformJSON.decode(Array("[1] 2".utf8), locate: { _ in SourceLocation(file: "x", line: 1) }) else {
            Issue.record("expected trailing text to fail")
            return
        }
    }
}
