/// Finds ECS task definitions wherever they lie in the repository: JSON files in the
/// shape `register-task-definition` takes or `describe-task-definition` prints.
enum TaskDefinitionScanner {
    /// JSON files that are never task definitions, skipped without reading.
    static let skippedNames: Set<String> = [
        "package.json", "package-lock.json", "tsconfig.json", "composer.json", "composer.lock", "renovate.json",
        ".eslintrc.json", "jsconfig.json", "launch.json", "settings.json", "extensions.json", "tasks.json",
        "cdk.json", "cdk.context.json", "angular.json", "vercel.json", "turbo.json", "nx.json", "lerna.json",
    ]

    static func scan(_ discovered: DiscoveredProject, store: ArtifactStore) -> (definitions: [ECSTaskDefinition], issues: [ParseIssue]) {
        let candidates = discovered.files.filter { file in
            file.kind == .ecsTaskDefinition
                || (file.kind == .other && file.path.hasSuffix(".json") && !skippedNames.contains(PathUtilities.basename(file.path)))
        }
        let results = Parallel.map(candidates) { file -> (ECSTaskDefinition?, [ParseIssue]) in
            guard let source = store.source(file.path) else { return (nil, []) }
            let (value, jsonIssues) = LocatedJSON.parse(source)
            guard let value, ECSTaskDefinitionDetector.looksLikeTaskDefinition(value) else {
                // A file named like a task definition must parse; any other JSON is not ours to judge.
                return (nil, file.kind == .ecsTaskDefinition ? jsonIssues : [])
            }
            let (definition, issues) = ECSTaskDefinition.read(value, source: .json(path: file.path))
            return (definition, jsonIssues + issues)
        }
        return (results.compactMap(\.0), results.flatMap(\.1))
    }
}
