/// Another place that explains a finding: "EXPOSE 50050 here", "GRPC_PORT=8000 here".
public struct RelatedLocation: Hashable, Sendable, Codable {
    public var message: String
    public var location: SourceLocation

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }
}

/// One problem Greenlight reports: which rule, how serious, what is wrong (with the
/// actual values and where each came from), where, for which service, and how to fix it.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var service: String?
    public var fix: String?
    public var related: [RelatedLocation]

    public init(
        ruleID: String,
        severity: Severity,
        message: String,
        location: SourceLocation?,
        service: String? = nil,
        fix: String? = nil,
        related: [RelatedLocation] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.service = service
        self.fix = fix
        self.related = related
    }

    /// The order findings are reported in: by file, line, column, then rule.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let left = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        if left != right { return left < right }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.service != rhs.service { return (lhs.service ?? "") < (rhs.service ?? "") }
        return lhs.message < rhs.message
    }
}
