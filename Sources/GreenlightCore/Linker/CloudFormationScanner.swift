/// Finds CloudFormation templates (YAML or JSON with `AWSTemplateFormatVersion` or
/// `AWS::` resources) and reads their task definitions, SSM parameters, services and
/// target groups.
enum CloudFormationScanner {
    static let suffixes = [".yml", ".yaml", ".json", ".template", ".cfn"]

    static func scan(_ discovered: DiscoveredProject, store: ArtifactStore) -> (templates: [CloudFormationTemplate], issues: [ParseIssue]) {
        let candidates = discovered.files.filter { file in
            file.kind == .other && suffixes.contains { file.path.hasSuffix($0) }
                && !TaskDefinitionScanner.skippedNames.contains(PathUtilities.basename(file.path))
        }
        let results = Parallel.map(candidates) { file -> (CloudFormationTemplate?, [ParseIssue]) in
            guard let source = store.source(file.path), CloudFormationDetector.mightBeTemplate(source) else { return (nil, []) }
            return CloudFormationTemplateReader.read(source)
        }
        return (results.compactMap(\.0), results.flatMap(\.1))
    }
}
