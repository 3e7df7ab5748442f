/// Reads a CloudFormation template (YAML with short-form tags, or JSON) and collects
/// the resources Greenlight links: ECS task definitions, ECS services, target groups
/// and SSM parameters. Intrinsic functions are resolved with `CloudFormationIntrinsics`.
public enum CloudFormationTemplateReader {
    /// The template in `source`, or nil (with located issues) when it cannot be read or
    /// is not a CloudFormation template.
    public static func read(_ source: SourceText) -> (CloudFormationTemplate?, [ParseIssue]) {
        let (root, issues) = load(source)
        guard let root else { return (nil, issues) }
        guard CloudFormationDetector.looksLikeTemplate(root) else { return (nil, issues) }
        var template = CloudFormationTemplate(path: source.path)
        var fields = ECSFieldReader()
        template.parameters = readParameters(root, fields: &fields)
        var defaults: [String: LocatedValue] = [:]
        for parameter in template.parameters {
            if let value = parameter.defaultValue { defaults[parameter.name.value] = value }
        }
        let intrinsics = CloudFormationIntrinsics(parameterDefaults: defaults, mappings: root["Mappings"])
        guard let resources = root["Resources"], case .object(let members) = resources.value else {
            return (template, (issues + fields.sortedIssues).map { clamped($0, to: source) })
        }
        for member in members {
            guard let type = member.value["Type"]?.value.stringValue else { continue }
            let properties = member.value["Properties"].map { intrinsics.resolve($0) }
                ?? LocatedValue(.object([]), at: member.value.location)
            let resource = CloudFormationResource(logicalID: member.key, location: member.keyLocation, properties: properties)
            switch type {
            case "AWS::ECS::TaskDefinition":
                template.taskDefinitions.append(resource.taskDefinition(path: source.path, fields: &fields))
            case "AWS::ECS::Service":
                template.services.append(resource.service(fields: &fields))
            case "AWS::ElasticLoadBalancingV2::TargetGroup":
                template.targetGroups.append(resource.targetGroup(fields: &fields))
            case "AWS::SSM::Parameter":
                template.ssmParameters.append(resource.ssmParameter(fields: &fields))
            default:
                continue
            }
        }
        return (template, (issues + fields.sortedIssues).map { clamped($0, to: source) })
    }

    /// The raw document: JSON when it starts with `{`, YAML otherwise.
    static func load(_ source: SourceText) -> (LocatedValue?, [ParseIssue]) {
        let firstByte = source.bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if firstByte == UInt8(ascii: "{") {
            let (value, issues) = LocatedJSON.parse(source)
            return (value, issues)
        }
        let (node, issue) = YAMLLoading.load(source)
        guard let node else { return (nil, issue.map { [clamped($0, to: source)] } ?? []) }
        return (CloudFormationYAML.value(of: node, in: source), [])
    }

    /// The YAML scanner also counts a lone `\r` as a line break, so its lines can run past
    /// the file's `\n`-counted lines; keep issue locations inside the file.
    private static func clamped(_ issue: ParseIssue, to source: SourceText) -> ParseIssue {
        var result = issue
        result.location.line = max(1, min(issue.location.line, source.lineCount + 1))
        result.location.column = max(1, issue.location.column)
        return result
    }

    private static func readParameters(_ root: LocatedValue, fields: inout ECSFieldReader) -> [CloudFormationParameter] {
        guard let parameters = root["Parameters"], case .object(let members) = parameters.value else { return [] }
        return members.map { member in
            CloudFormationParameter(
                name: Located(member.key, at: member.keyLocation),
                type: fields.string(member.value, "Type", path: "Parameters.\(member.key).Type"),
                defaultValue: fields.member(member.value, "Default"))
        }
    }
}

/// Whether a document is a CloudFormation template, so the scanner does not read
/// every YAML file as one.
public enum CloudFormationDetector {
    /// A cheap byte pre-check: the file mentions `AWSTemplateFormatVersion`, or both
    /// `Resources` and an `AWS::` type.
    public static func mightBeTemplate(_ source: SourceText) -> Bool {
        let bytes = source.bytes
        if contains(bytes, "AWSTemplateFormatVersion") { return true }
        return contains(bytes, "Resources") && contains(bytes, "AWS::")
    }

    /// True when the document has `AWSTemplateFormatVersion`, or a `Resources` mapping
    /// with at least one resource whose `Type` starts with `AWS::`.
    public static func looksLikeTemplate(_ value: LocatedValue) -> Bool {
        if value["AWSTemplateFormatVersion"] != nil { return true }
        guard let resources = value["Resources"], case .object(let members) = resources.value else { return false }
        return members.contains { $0.value["Type"]?.value.stringValue?.hasPrefix("AWS::") == true }
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
