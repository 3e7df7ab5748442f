/// Gives every declared variable its value with Terraform's precedence: default,
/// then `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` sorted,
/// then variable files in order, then explicit values (`-var`); child modules get
/// the arguments of their `module` block instead.
struct TerraformVariableResolver {
    let tree: any FileTree
    let directory: String

    func resolve(_ blocks: [HCLBlock], inputs: TerraformModuleLoader.Inputs, issues: inout [ParseIssue]) -> [String: LocatedValue] {
        let literalEvaluator = TerraformEvaluator(context: TerraformModuleContext(
            tree: tree, rootDirectory: directory, moduleDirectory: directory, pathModule: ".", addressPrefix: ""))
        var values: [String: LocatedValue] = [:]
        var types: [String: String] = [:]
        for block in blocks {
            let name = block.labels[0]
            if let type = block.body.attribute("type"), case .variable(let typeName) = type.expression.kind { types[name] = typeName }
            if let value = block.body.attribute("default") {
                values[name] = literalEvaluator.evaluate(value.expression)
            } else {
                values[name] = LocatedValue(.unknown("var.\(name) has no value"), at: block.location)
            }
        }
        let declared = Set(values.keys)
        switch inputs {
        case .child(let arguments):
            for (name, value) in arguments where declared.contains(name) { values[name] = value }
        case .root(let variableFiles, let explicit):
            var files = ["terraform.tfvars", "terraform.tfvars.json"]
            files += (tree.list(directory) ?? [])
                .filter { !$0.isDirectory && ($0.name.hasSuffix(".auto.tfvars") || $0.name.hasSuffix(".auto.tfvars.json")) }
                .map(\.name)
            files += variableFiles
            for file in files {
                let path = PathUtilities.join(directory, file)
                guard let source = tree.sourceText(path) else { continue }
                for (name, value) in read(source, evaluator: literalEvaluator, issues: &issues) where declared.contains(name) {
                    values[name] = value
                }
            }
            for (name, text) in explicit where declared.contains(name) {
                values[name] = explicitValue(text, type: types[name], evaluator: literalEvaluator)
            }
        }
        return values
    }

    /// The assignments of one `.tfvars` (HCL) or `.tfvars.json` file.
    private func read(_ source: SourceText, evaluator: TerraformEvaluator, issues: inout [ParseIssue]) -> [(String, LocatedValue)] {
        if source.path.hasSuffix(".json") {
            switch TerraformJSON.decode(source.bytes, locate: { source.location(ofOffset: $0) }) {
            case .success(let value):
                guard case .object(let members) = value.value else { return [] }
                return members.map { ($0.key, $0.value) }
            case .failure(let failure):
                issues.append(ParseIssue(failure.message, at: source.location(ofOffset: failure.offset)))
                return []
            }
        }
        let file = HCLFile.parse(source)
        issues += file.issues
        return file.body.attributes.map { ($0.name, evaluator.evaluate($0.expression)) }
    }

    /// A `-var` value: text for string variables, an HCL expression for typed ones.
    private func explicitValue(_ text: String, type: String?, evaluator: TerraformEvaluator) -> LocatedValue {
        let location = SourceLocation(file: "<command line>", line: 1)
        if type == nil || type == "string" { return LocatedValue(.string(text), at: location) }
        let (expression, issues) = HCLFile.parseExpression(SourceText(path: "<command line>", string: text))
        guard issues.isEmpty else { return LocatedValue(.string(text), at: location) }
        return evaluator.evaluate(expression)
    }
}
