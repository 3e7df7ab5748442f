/// Reads the project's Terraform: every root module (a directory of `*.tf` files
/// that no other module calls), its `aws_ecs_task_definition` resources as task
/// definitions, and its `aws_ssm_parameter` values.
enum TerraformScanner {
    struct Result: Sendable {
        var modules: [TerraformModule] = []
        var taskDefinitions: [ECSTaskDefinition] = []
        var issues: [ParseIssue] = []
    }

    static func scan(_ discovered: DiscoveredProject, tree: any FileTree, variableFiles: [String] = []) -> Result {
        let directories = Set(discovered.paths(.terraform).filter { $0.hasSuffix(".tf") }.map(PathUtilities.dirname))
        guard !directories.isEmpty else { return Result() }
        let loaded = Parallel.map(directories.sorted(), minimumBatch: 2) { directory in
            // Variable files are given relative to the scanned root; the loader wants them relative to the module.
            TerraformModule.load(directory: directory, tree: tree,
                                 variableFiles: variableFiles.map { PathUtilities.relativePath(from: directory, to: PathUtilities.normalize($0)) })
        }
        // A directory loaded as another module's child is not a root of its own.
        var children: Set<String> = []
        func collect(_ module: TerraformModule) {
            for child in module.children.values {
                children.insert(child.directory)
                collect(child)
            }
        }
        loaded.forEach(collect)
        var result = Result()
        for module in loaded where !children.contains(module.directory) {
            result.modules.append(module)
            result.issues += module.issues
            for resource in module.resources(ofType: "aws_ecs_task_definition") {
                let (definition, issues) = ECSTaskDefinition.read(
                    terraformAttributes: attributes(of: resource), address: resource.address, at: resource.location)
                result.issues += issues
                if let definition { result.taskDefinitions.append(definition) }
            }
        }
        return result
    }

    /// The resource's attributes evaluated, `container_definitions` as the structured
    /// value behind its JSON, and nested blocks (`runtime_platform`) as objects.
    static func attributes(of resource: TerraformResource) -> [String: LocatedValue] {
        var values: [String: LocatedValue] = [:]
        for name in resource.attributes.keys {
            if name == "container_definitions", let decoded = resource.decodedJSON(name) {
                values[name] = decoded
            } else if let value = resource.value(name) {
                values[name] = value
            }
        }
        for block in resource.blocks where values[block.type] == nil {
            let members = block.body.attributes.map { attribute in
                StructuredMember(key: attribute.name, keyLocation: attribute.nameLocation,
                                 value: resource.evaluate(attribute.expression))
            }
            values[block.type] = LocatedValue(.object(members), at: block.location)
        }
        return values
    }
}
