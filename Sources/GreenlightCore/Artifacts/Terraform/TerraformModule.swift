/// A Terraform module read from the `*.tf` files of one directory, with its
/// variables resolved, locals evaluated and local child modules loaded, so the
/// task definitions it declares can be read as located values.
public struct TerraformModule: Sendable {
    /// The module directory, relative to the scanned root.
    public let directory: String
    /// Names of the enclosing module calls (`[]` for the root module).
    public let modulePath: [String]
    public let files: [HCLFile]
    /// Parse issues of this module's files, its variable files and its child modules.
    public let issues: [ParseIssue]
    /// Things deliberately not read (remote module sources, missing module directories).
    public let notes: [ParseIssue]
    /// The value of every declared variable (`.unknown` when nothing sets it).
    public let variables: [String: LocatedValue]
    public let locals: [String: LocatedValue]
    public let outputs: [String: LocatedValue]
    /// Loaded local child modules by call name.
    public let children: [String: TerraformModule]
    /// Resource and data blocks of this module only.
    public let ownResources: [TerraformResource]
    let evaluator: TerraformEvaluator

    /// Reads the module in `directory` (relative to the tree root). Variable values come,
    /// lowest precedence first, from defaults, `terraform.tfvars`, `*.auto.tfvars` (sorted),
    /// `variableFiles` (in order, relative to `directory`) and `variables` (like `-var`).
    public static func load(directory: String, tree: some FileTree, variableFiles: [String] = [],
                            variables: [String: String] = [:]) -> TerraformModule {
        var loader = TerraformModuleLoader(tree: tree, rootDirectory: PathUtilities.normalize(directory))
        return loader.load(directory: PathUtilities.normalize(directory), modulePath: [], addressPrefix: "",
                           inputs: .root(variableFiles: variableFiles, values: variables), chain: [])
    }

    /// Every resource and data block, this module's first, then each child's (by call name).
    public let resources: [TerraformResource]
    /// Positions in `resources` by address, for `resolve(reference:)`.
    private let resourceIndex: [String: Int]

    init(directory: String, modulePath: [String], files: [HCLFile], issues: [ParseIssue], notes: [ParseIssue],
         variables: [String: LocatedValue], locals: [String: LocatedValue], outputs: [String: LocatedValue],
         children: [String: TerraformModule], ownResources: [TerraformResource], evaluator: TerraformEvaluator) {
        self.directory = directory
        self.modulePath = modulePath
        self.files = files
        self.issues = issues
        self.notes = notes
        self.variables = variables
        self.locals = locals
        self.outputs = outputs
        self.children = children
        self.ownResources = ownResources
        self.evaluator = evaluator
        let all = ownResources + children.keys.sorted().flatMap { children[$0]?.resources ?? [] }
        var index: [String: Int] = [:]
        for (position, resource) in all.enumerated() where index[resource.address] == nil {
            index[resource.address] = position
        }
        self.resources = all
        self.resourceIndex = index
    }

    /// The resources of one type (`aws_ecs_task_definition`) in this module and its children.
    public func resources(ofType type: String) -> [TerraformResource] {
        resources.filter { $0.type == type && $0.mode == .managed }
    }

    /// The resource a symbolic reference points at: `aws_ssm_parameter.x.arn`,
    /// `data.aws_ssm_parameter.x.value`, `module.ecs.aws_ssm_parameter.x[0].arn`.
    public func resolve(reference: String) -> TerraformResource? {
        var parts: [Substring] = []
        for part in reference.split(separator: ".", omittingEmptySubsequences: false) {
            if let bracket = part.firstIndex(of: "[") { parts.append(part[..<bracket]) } else { parts.append(part) }
        }
        var modulePath: [String] = []
        var index = 0
        while index + 1 < parts.count, parts[index] == "module" {
            modulePath.append(String(parts[index + 1]))
            index += 2
        }
        var mode = TerraformResource.Mode.managed
        if index < parts.count, parts[index] == "data" {
            mode = .data
            index += 1
        }
        guard index + 1 < parts.count else { return nil }
        let address = modulePath.map { "module.\($0)." }.joined() + (mode == .data ? "data." : "")
            + parts[index] + "." + parts[index + 1]
        return resourceIndex[address].map { resources[$0] }
    }

    /// Evaluates an expression in this module's scope.
    public func evaluate(_ expression: HCLExpression, in scope: TerraformScope = TerraformScope()) -> LocatedValue {
        evaluator.evaluate(expression, in: scope)
    }

    /// The structured value behind JSON text written by `expression` (see `TerraformResource.decodedJSON`).
    public func decodedJSON(_ expression: HCLExpression) -> LocatedValue? {
        evaluator.decodedJSON(expression)
    }
}
