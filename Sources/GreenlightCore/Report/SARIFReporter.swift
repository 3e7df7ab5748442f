/// Renders a report as SARIF 2.1.0, the format GitHub code scanning and other
/// static-analysis dashboards import: one run, rule metadata from `report.rules`,
/// one result per finding with a stable `partialFingerprints` entry.
///
/// Paths are relative to `%SRCROOT%` (the scanned root, left unresolved so output
/// is the same on every machine); columns count Unicode scalars, declared with
/// `columnKind: unicodeCodePoints`. A finding without a location gets a result
/// without `locations`: valid SARIF, but GitHub code scanning rejects such results.
public struct SARIFReporter: Reporter {
    /// The `$schema` written at the top, so editors and validators find the schema.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where readers of a SARIF log learn about the tool (`tool.driver.informationUri`).
    public static let informationURI = "https://github.com/greenlight-dev/greenlight"
    /// The key under `partialFingerprints`; bump the suffix if the hash input changes.
    public static let fingerprintKey = "greenlight/v1"
    static let rootBase = "%SRCROOT%"

    public init() {}

    /// `color` is ignored: SARIF is never coloured.
    public func render(_ report: Report, color: Bool) -> String {
        JSONSerializer.pretty(document(report))
    }

    func document(_ report: Report) -> JSONValue {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in report.rules.enumerated() where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = index
        }
        let driver: JSONValue = .object([
            JSONMember("name", .string(report.toolName)),
            JSONMember("version", .string(report.toolVersion)),
            JSONMember("informationUri", .string(Self.informationURI)),
            JSONMember("rules", .array(report.rules.map(rule))),
        ])
        let run: JSONValue = .object([
            JSONMember("tool", .object([JSONMember("driver", driver)])),
            JSONMember("originalUriBaseIds", .object([
                JSONMember(Self.rootBase, .object([
                    JSONMember("description", text("The root of the scanned repository.")),
                ])),
            ])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(report.findings.map { result($0, ruleIndex: ruleIndex[$0.ruleID]) })),
        ])
        return .object([
            JSONMember("$schema", .string(Self.schemaURI)),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ])
    }

    private func rule(_ rule: RuleDescription) -> JSONValue {
        .object([
            JSONMember("id", .string(rule.id)),
            JSONMember("name", .string(rule.title)),
            JSONMember("shortDescription", text(rule.title)),
            JSONMember("fullDescription", text(rule.rationale)),
            JSONMember("help", text(rule.fix)),
            JSONMember("defaultConfiguration", .object([
                JSONMember("level", .string(rule.defaultSeverity.rawValue)),
            ])),
            JSONMember("properties", .object([
                JSONMember("tags", .array([.string("deployment")])),
            ])),
        ])
    }

    private func result(_ finding: Finding, ruleIndex: Int?) -> JSONValue {
        var members = [JSONMember("ruleId", .string(finding.ruleID))]
        if let ruleIndex { members.append(JSONMember("ruleIndex", .int(ruleIndex))) }
        members.append(JSONMember("level", .string(finding.severity.rawValue)))
        members.append(JSONMember("message", text(finding.message)))
        if let location = finding.location {
            members.append(JSONMember("locations", .array([
                .object([JSONMember("physicalLocation", physicalLocation(location))]),
            ])))
        }
        if !finding.related.isEmpty {
            let related = finding.related.enumerated().map { index, item in
                var members = [
                    JSONMember("id", .int(index + 1)),
                    JSONMember("physicalLocation", physicalLocation(item.location)),
                ]
                if !item.message.isEmpty { members.append(JSONMember("message", text(item.message))) }
                return JSONValue.object(members)
            }
            members.append(JSONMember("relatedLocations", .array(related)))
        }
        members.append(JSONMember("partialFingerprints", .object([
            JSONMember(Self.fingerprintKey, .string(Fingerprint.finding(finding))),
        ])))
        var properties: [JSONMember] = []
        if let service = finding.service { properties.append(JSONMember("service", .string(service))) }
        if let fix = finding.fix { properties.append(JSONMember("fix", .string(fix))) }
        if !properties.isEmpty { members.append(JSONMember("properties", .object(properties))) }
        return .object(members)
    }

    /// SARIF requires `startLine`/`startColumn` >= 1; an out-of-range value is left
    /// out rather than written invalid.
    private func physicalLocation(_ location: SourceLocation) -> JSONValue {
        var members = [
            JSONMember("artifactLocation", .object([
                JSONMember("uri", .string(URIEncoding.encodePath(location.file))),
                JSONMember("uriBaseId", .string(Self.rootBase)),
            ])),
        ]
        if location.line >= 1 {
            var region = [JSONMember("startLine", .int(location.line))]
            if location.column >= 1 { region.append(JSONMember("startColumn", .int(location.column))) }
            members.append(JSONMember("region", .object(region)))
        }
        return .object(members)
    }

    private func text(_ value: String) -> JSONValue {
        .object([JSONMember("text", .string(value))])
    }
}
