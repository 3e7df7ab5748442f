import Testing
@testable import GreenlightCore

@Suite("HCLParser")
struct HCLParserTests {
    private func parse(_ text: String) -> HCLFile {
        HCLFile.parse(SourceText(path: "infra/main.tf", string: text))
    }

    private func expression(_ text: String) -> HCLExpression {
        let (expression, issues) = HCLFile.parseExpression(SourceText(path: "x.tf", string: text))
        #expect(issues.isEmpty, "\(issues)")
        return expression
    }

    @Test func parsesTheECSFixtureWithoutIssues() {
        let file = parse(TerraformFixtures.ecs)
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.body.blocks.count == 4)
        #expect(file.comments.first?.value == "# ECS task definitions for the platform services.")
        let engine = file.body.blocks[1]
        #expect(engine.type == "resource")
        #expect(engine.labels == ["aws_ecs_task_definition", "workflow_engine"])
        #expect(engine.location.line == 8)
        #expect(engine.body.attribute("container_definitions")?.nameLocation.line == 15)
        #expect(engine.body.blocks(ofType: "runtime_platform").first?.body.attributes.count == 2)
        let worker = file.body.blocks[3]
        guard case .heredoc(let marker, let strip, let parts)? = worker.body.attribute("container_definitions")?.expression.kind else {
            Issue.record("expected a heredoc")
            return
        }
        #expect(marker == "DEFINITION")
        #expect(strip == 0)
        #expect(parts.count == 5)
        if case .literal(let text, let location) = parts[0] {
            #expect(text.hasPrefix("[\n  {\n    \"name\": \"worker\""))
            #expect(location.line == 68)
        }
    }

    @Test func parsesVariablesAndLocals() {
        let file = parse(TerraformFixtures.variables)
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.body.blocks.map(\.type) == ["variable", "variable", "variable", "variable", "variable", "locals"])
        let locals = file.body.blocks[5].body
        #expect(locals.attributes.map(\.name) == ["log_level", "common_env", "api_env"])
        guard case .conditional(let condition, _, _) = locals.attributes[0].expression.kind else {
            Issue.record("expected a conditional")
            return
        }
        guard case .binary(.equal, _, _) = condition.kind else {
            Issue.record("expected ==")
            return
        }
    }

    @Test func respectsOperatorPrecedence() {
        let parsed = expression("1 + 2 * 3 > 6 && !false || var.x")
        guard case .binary(.or, let left, let right) = parsed.kind,
              case .binary(.and, let comparison, let negation) = left.kind,
              case .binary(.greater, let sum, _) = comparison.kind,
              case .binary(.add, _, let product) = sum.kind,
              case .binary(.multiply, _, _) = product.kind,
              case .unary(.not, _) = negation.kind,
              case .attribute(_, "x") = right.kind else {
            Issue.record("wrong tree: \(parsed.kind)")
            return
        }
    }

    @Test func parsesTraversalsSplatsAndLegacyIndexes() {
        guard case .attribute(let indexed, "arn") = expression("aws_ssm_parameter.db[0].arn").kind,
              case .index(let root, _) = indexed.kind,
              case .attribute(_, "db") = root.kind else {
            Issue.record("wrong traversal")
            return
        }
        guard case .splat(_, let steps) = expression("aws_instance.web[*].private_ip").kind else {
            Issue.record("expected a full splat")
            return
        }
        #expect(steps == [.attribute("private_ip")])
        guard case .splat(_, let legacy) = expression("aws_instance.web.*.id").kind else {
            Issue.record("expected an attribute splat")
            return
        }
        #expect(legacy == [.attribute("id")])
        guard case .index(_, let key) = expression("var.list.0").kind else {
            Issue.record("expected a legacy index")
            return
        }
        #expect(key.kind == .number("0"))
    }

    @Test func parsesForExpressionsAndCalls() {
        guard case .forObject(let clause, _, let grouped) = expression("{for k, v in var.m : upper(k) => v... if v != \"\"}").kind else {
            Issue.record("expected an object for")
            return
        }
        #expect(clause.keyVariable == "k" && clause.valueVariable == "v" && grouped && clause.condition != nil)
        guard case .forTuple(let tuple) = expression("[\n  for s in var.services :\n  s.name\n]").kind else {
            Issue.record("expected a tuple for")
            return
        }
        #expect(tuple.keyVariable == nil && tuple.valueVariable == "s")
        guard case .call("concat", let arguments, true) = expression("concat(local.a, [\n  \"b\",\n]...)").kind else {
            Issue.record("expected an expanding call")
            return
        }
        #expect(arguments.count == 2)
    }

    @Test func parsesTemplatesWithDirectivesEscapesAndStripMarkers() {
        guard case .template(let parts) = expression(#""a-${var.x}-$${lit}-%%{lit}\n\u00e9%{ if var.on ~} on %{~ else }off%{ endif }""#).kind else {
            Issue.record("expected a template")
            return
        }
        #expect(parts.count == 4)
        if case .literal(let text, _) = parts[2] { #expect(text == "-${lit}-%{lit}\né") }
        guard case .conditional(_, let whenTrue, let whenFalse) = parts[3] else {
            Issue.record("expected a conditional directive")
            return
        }
        #expect(whenTrue == [.literal("on", whenTrue.first.map { part in
            if case .literal(_, let location) = part { return location }
            return SourceLocation(file: "", line: 0)
        } ?? SourceLocation(file: "", line: 0))])
        #expect(whenFalse.count == 1)
    }

    @Test func stripsHeredocIndentation() {
        let file = parse("""
        locals {
          script = <<-EOT
            echo ${var.name}
              indented
            EOT
          next = 1
        }
        """)
        #expect(file.issues.isEmpty, "\(file.issues)")
        let locals = file.body.blocks[0].body
        #expect(locals.attributes.map(\.name) == ["script", "next"])
        guard case .heredoc(_, 4, let parts) = locals.attributes[0].expression.kind else {
            Issue.record("expected a stripped heredoc")
            return
        }
        guard parts.count == 3, case .literal(let first, _) = parts[0], case .literal(let rest, let location) = parts[2] else {
            Issue.record("wrong parts \(parts)")
            return
        }
        #expect(first == "echo ")
        #expect(rest == "\n  indented\n")
        #expect(location.line == 3)
    }

    @Test func parsesOneLineBlocksAndObjectsWithMixedSeparators() {
        let file = parse("""
        variable "a" { default = 1 }
        locals {
          m = { a = 1, "b" : 2
            (var.k) = 3 }
        }
        """)
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.body.blocks[0].body.attribute("default")?.expression.kind == .number("1"))
        guard case .object(let items)? = file.body.blocks[1].body.attribute("m")?.expression.kind else {
            Issue.record("expected an object")
            return
        }
        #expect(items.count == 3)
        if case .expression(let key) = items[2].key { #expect(key.location.line == 4) } else { Issue.record("expected an expression key") }
    }

    @Test func reportsErrorsAndRecoversAtTheNextLine() {
        let file = parse("""
        resource "aws_s3_bucket" "a" {
          bucket = "x" "y"
          acl    = = "private"
          tags   = { Name = "a" }
        }
        variable "b" {
        """)
        #expect(Set(file.issues.map(\.location.line)) == [2, 3, 6])
        let bucket = file.body.blocks[0].body
        #expect(bucket.attribute("tags") != nil)
        #expect(file.body.blocks.count == 2)
    }

    @Test func reportsUnterminatedStringsAndHeredocs() {
        let file = parse("a = \"abc\nb = <<EOF\nnever closed\n")
        #expect(file.issues.contains { $0.message == "unterminated string" && $0.location.line == 1 })
        #expect(file.issues.contains { $0.message.contains("heredoc EOF is not closed") && $0.location.line == 2 })
    }
}
