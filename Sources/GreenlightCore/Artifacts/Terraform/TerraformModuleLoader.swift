/// Reads a module directory and its local child modules into `TerraformModule`s.
struct TerraformModuleLoader {
    let tree: any FileTree
    let rootDirectory: String

    static let maximumModuleDepth = 12
    /// Arguments of a `module` block that are not inputs of the child module.
    static let moduleMetaArguments: Set<String> = ["source", "version", "count", "for_each", "providers", "depends_on"]

    /// Where a module's variable values come from.
    enum Inputs {
        case root(variableFiles: [String], values: [String: String])
        case child([String: LocatedValue])
    }

    init(tree: some FileTree, rootDirectory: String) {
        self.tree = tree
        self.rootDirectory = rootDirectory
    }

    mutating func load(directory: String, modulePath: [String], addressPrefix: String, inputs: Inputs, chain: [String]) -> TerraformModule {
        let files = (tree.list(directory) ?? [])
            .filter { !$0.isDirectory && $0.name.hasSuffix(".tf") }
            .compactMap { entry in tree.sourceText(PathUtilities.join(directory, entry.name)).map(HCLFile.parse) }
        var issues = files.flatMap(\.issues)
        var notes: [ParseIssue] = []
        let blocks = files.flatMap(\.body.blocks)
        var context = TerraformModuleContext(tree: tree, rootDirectory: rootDirectory, moduleDirectory: directory,
                                             pathModule: TerraformModuleLoader.relativePath(from: rootDirectory, to: directory),
                                             addressPrefix: addressPrefix)
        for block in blocks {
            switch (block.type, block.labels.count) {
            case ("resource", 2):
                context.resources[block.labels[0] + "." + block.labels[1]] = definition(block)
            case ("data", 2):
                context.resources["data." + block.labels[0] + "." + block.labels[1]] = definition(block)
            case ("locals", _):
                for attribute in block.body.attributes { context.localExpressions[attribute.name] = attribute.expression }
            default:
                break
            }
        }
        let variableBlocks = blocks.filter { $0.type == "variable" && $0.labels.count == 1 }
        var variableIssues: [ParseIssue] = []
        context.variables = TerraformVariableResolver(tree: tree, directory: directory)
            .resolve(variableBlocks, inputs: inputs, issues: &variableIssues)
        issues += variableIssues
        context.locals = TerraformModuleLoader.evaluateLocals(context)

        var children: [String: TerraformModule] = [:]
        let moduleBlocks = blocks.filter { $0.type == "module" && $0.labels.count == 1 }
        var evaluator = TerraformEvaluator(context: context)
        for block in moduleBlocks {
            let name = block.labels[0]
            guard let sourceAttribute = block.body.attribute("source") else {
                notes.append(ParseIssue("module \(name) has no source", at: block.location))
                continue
            }
            guard case .string(let source) = evaluator.evaluate(sourceAttribute.expression).value,
                  source.hasPrefix("./") || source.hasPrefix("../") else {
                notes.append(ParseIssue("module \(name) does not use a local source and is not read", at: sourceAttribute.nameLocation))
                continue
            }
            let childDirectory = PathUtilities.join(directory, source)
            guard tree.isDirectory(childDirectory), childDirectory != directory, !chain.contains(childDirectory), chain.count < TerraformModuleLoader.maximumModuleDepth else {
                notes.append(ParseIssue("module \(name) source \(source) cannot be read", at: sourceAttribute.nameLocation))
                continue
            }
            var childInputs: [String: LocatedValue] = [:]
            for attribute in block.body.attributes where !TerraformModuleLoader.moduleMetaArguments.contains(attribute.name) {
                childInputs[attribute.name] = evaluator.evaluate(attribute.expression)
            }
            let child = load(directory: childDirectory, modulePath: modulePath + [name],
                             addressPrefix: addressPrefix + "module.\(name).", inputs: .child(childInputs),
                             chain: chain + [directory])
            issues += child.issues
            notes += child.notes
            children[name] = child
            // Later module calls may pass this module's outputs on.
            evaluator.context.moduleOutputs[name] = child.outputs
        }
        if !children.isEmpty {
            context.moduleOutputs = children.mapValues(\.outputs)
            context.locals = TerraformModuleLoader.evaluateLocals(context)
        }
        let finalEvaluator = TerraformEvaluator(context: context)
        var outputs: [String: LocatedValue] = [:]
        for block in blocks where block.type == "output" && block.labels.count == 1 {
            if let value = block.body.attribute("value") { outputs[block.labels[0]] = finalEvaluator.evaluate(value.expression) }
        }
        let resources: [TerraformResource] = blocks.compactMap { block in
            guard block.labels.count == 2, block.type == "resource" || block.type == "data" else { return nil }
            var attributes: [String: HCLAttribute] = [:]
            for attribute in block.body.attributes { attributes[attribute.name] = attribute }
            return TerraformResource(mode: block.type == "data" ? .data : .managed, type: block.labels[0], name: block.labels[1],
                                     modulePath: modulePath, location: block.location, attributes: attributes,
                                     blocks: block.body.blocks, evaluator: finalEvaluator)
        }
        return TerraformModule(directory: directory, modulePath: modulePath, files: files, issues: issues, notes: notes,
                               variables: context.variables, locals: context.locals, outputs: outputs,
                               children: children, ownResources: resources, evaluator: finalEvaluator)
    }

    private func definition(_ block: HCLBlock) -> TerraformResourceDefinition {
        var attributes: [String: HCLAttribute] = [:]
        for attribute in block.body.attributes { attributes[attribute.name] = attribute }
        return TerraformResourceDefinition(attributes: attributes, location: block.location)
    }

    /// `path.module`: `directory` relative to the root module (`.` for the root itself).
    static func relativePath(from root: String, to directory: String) -> String {
        let rootParts = root.split(separator: "/")
        let parts = directory.split(separator: "/")
        var common = 0
        while common < rootParts.count, common < parts.count, rootParts[common] == parts[common] { common += 1 }
        let ups = Array(repeating: "..", count: rootParts.count - common)
        let downs = parts[common...].map(String.init)
        let joined = (ups + downs).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
