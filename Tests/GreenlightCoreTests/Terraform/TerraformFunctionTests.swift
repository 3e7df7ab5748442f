import Testing
@testable import GreenlightCore

@Suite("TerraformFunctions")
struct TerraformFunctionTests {
    private static let module = TerraformModule.load(directory: "infra", tree: MemoryFileTree([
        "infra/main.tf": """
        variable "services" {
          default = {
            api    = { port = 8000, public = true }
            worker = { port = 0, public = false }
          }
        }
        variable "secret" {}
        locals {
          names   = keys(var.services)
          public  = [for name, s in var.services : name if s.public]
          by_port = { for name, s in var.services : tostring(s.port) => name }
          a       = local.b
          b       = local.a
        }
        resource "aws_ssm_parameter" "p" {
          count = 2
          name  = "/svc/${count.index}"
        }
        """,
        "infra/env.json": "{\"LOG_LEVEL\": \"info\"}",
    ]))

    private func value(_ text: String) -> StructuredValue {
        let (expression, issues) = HCLFile.parseExpression(SourceText(path: "infra/q.tf", string: text))
        #expect(issues.isEmpty, "\(issues)")
        return Self.module.evaluate(expression).value
    }

    private func string(_ text: String) -> String? {
        if case .string(let result) = value(text) { return result }
        return nil
    }

    @Test func stringFunctions() {
        #expect(string(#"format("%s:%d %v %q %%", "api", 8000, true, "a\"b")"#) == #"api:8000 true "a\"b" %"#)
        #expect(string(#"replace("svc-0001", "-", "_")"#) == "svc_0001")
        #expect(value(#"replace("svc-0001", "/[0-9]+/", "N")"#) == .unknown("replace with a regular expression is not evaluated"))
        #expect(string(#"join(",", split("-", "a-b-c"))"#) == "a,b,c")
        #expect(string(#"upper(lower("MiXed"))"#) == "MIXED")
        #expect(string(#"trimspace("  x \n")"#) == "x")
        #expect(string(#"substr("workflow-engine", 0, 8)"#) == "workflow")
        #expect(string(#"substr("workflow-engine", -6, -1)"#) == "engine")
        #expect(value(#"startswith("redis://x", "redis://")"#) == .bool(true))
        #expect(value(#"endswith("app.py", ".js")"#) == .bool(false))
        #expect(string(#"tostring(42)"#) == "42")
        #expect(value(#"tonumber("512")"#) == .number("512"))
        #expect(value(#"format("%5s", "x")"#) == .unknown("format verb %5 is not evaluated"))
    }

    @Test func collectionFunctions() {
        #expect(value("length(local.names)") == .number("2"))
        #expect(string(#"join(" ", local.public)"#) == "api")
        #expect(string(#"local.by_port["8000"]"#) == "api")
        #expect(string(#"lookup({a = "1"}, "b", "fallback")"#) == "fallback")
        #expect(string(#"element(["a", "b"], 3)"#) == "b")
        #expect(value(#"contains(["FARGATE"], "FARGATE")"#) == .bool(true))
        #expect(value(#"length(compact(["a", "", null]))"#) == .number("1"))
        #expect(value(#"length(distinct(["a", "a", "b"]))"#) == .number("2"))
        #expect(value(#"length(flatten([["a"], [["b", "c"]], []]))"#) == .number("3"))
        #expect(string(#"zipmap(["k"], ["v"]).k"#) == "v")
        #expect(string(#"merge({a = "1"}, {a = "2"}).a"#) == "2")
        #expect(value(#"length(concat(["a"], ["b"], []))"#) == .number("2"))
        #expect(string(#"coalesce("", null, "first")"#) == "first")
        #expect(string(#"values({b = "2", a = "1"})[0]"#) == "1")
        #expect(string(#"toset(["b", "a", "b"])[0]"#) == "a")
        #expect(value("max(1, 5, 3) + min(4, 2) * abs(-2)") == .number("9"))
        #expect(string(#"concat(["x"], [["a"], ["b"]]...)[2]"#) == "b")
        #expect(value(#"concat(["x"], ["a", "b"]...)"#) == .unknown("invalid argument to concat"))
    }

    @Test func jsonFunctionsAndFiles() {
        #expect(string(#"jsonencode({b = [1, true, null], a = "<x>"})"#) == #"{"a":"\u003cx\u003e","b":[1,true,null]}"#)
        #expect(string(#"jsondecode("{\"a\": [1, 2]}").a[1]"#) == nil)
        #expect(value(#"jsondecode("{\"a\": [1, 2]}").a[1]"#) == .number("2"))
        #expect(string(#"jsondecode(file("${path.module}/env.json")).LOG_LEVEL"#) == "info")
        #expect(value(#"file("missing.json")"#) == .unknown("file not found: missing.json"))
    }

    @Test func operatorsConditionalsTryAndCan() {
        #expect(value("10 % 4 == 2 && !(3 < 1) || false") == .bool(true))
        #expect(value(#"var.secret == "" ? "a" : "b""#) == .unknown("condition is not known: comparison with a value that is not known"))
        #expect(string(#"true ? "yes" : var.secret"#) == "yes")
        #expect(string(#"try(var.services.db.port, "none")"#) == "none")
        #expect(value("can(var.services.api.port)") == .bool(true))
        #expect(value("can(var.services.db)") == .bool(false))
        #expect(value("try(var.secret, \"x\")") == .unknown("try: var.secret has no value"))
        #expect(value("nonexistent_fn(1)") == .unknown("function nonexistent_fn is not evaluated"))
    }

    @Test func splatsCountAndCycles() {
        #expect(value("[{ id = 1 }, { id = 2 }][*].id") == .array([
            LocatedValue(.number("1"), at: SourceLocation(file: "infra/q.tf", line: 1, column: 9)),
            LocatedValue(.number("2"), at: SourceLocation(file: "infra/q.tf", line: 1, column: 21)),
        ]))
        #expect(value("aws_ssm_parameter.p[*].arn") == .reference("aws_ssm_parameter.p[*].arn"))
        #expect(value("aws_ssm_parameter.p[1].name") == .string("/svc/1"))
        #expect(value("aws_ssm_parameter.p[1].arn") == .reference("aws_ssm_parameter.p[1].arn"))
        #expect(value("local.a") == .unknown("local.a depends on itself"))
        #expect(value(#""${count.index}""#) == .unknown("count.index is only known for one instance"))
    }

    @Test func templateDirectives() {
        #expect(string(#""%{ for n in local.names }${n},%{ endfor }""#) == "api,worker,")
        #expect(string(#""%{ if length(local.public) > 0 }has-public%{ else }none%{ endif }""#) == "has-public")
    }
}

@Suite("TerraformInstances")
struct TerraformInstanceTests {
    @Test func countAndEachAreKnownForOneInstance() throws {
        let tree = MemoryFileTree(["main.tf": """
        resource "aws_ssm_parameter" "env" {
          for_each = toset(["DATABASE_URL", "REDIS_URL"])
          name     = "/prod/api/${each.key}"
          value    = each.value
        }
        """])
        let module = TerraformModule.load(directory: "", tree: tree)
        let parameter = try #require(module.resources.first)
        #expect(parameter.value("name")?.value == .unknown("template interpolates a value that is not known (each.key is only known for one instance)"))
        let location = parameter.location
        let scope = TerraformScope.eachInstance(key: "REDIS_URL", value: LocatedValue(.string("REDIS_URL"), at: location), at: location)
        let name = try #require(parameter.attributes["name"])
        #expect(parameter.evaluate(name.expression, in: scope).value == .string("/prod/api/REDIS_URL"))
        #expect(parameter.evaluate(name.expression, in: scope).location.line == 3)
    }
}
