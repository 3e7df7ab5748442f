/// A check over the linked project model. One rule per file under `Rules/`, each a
/// small struct whose `description` is the single source of its id, docs and tests.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings for the whole project. Severity is the rule's default; the engine
    /// applies configured levels, suppressions and the baseline afterwards.
    func check(_ project: Project) -> [Finding]
}

extension Rule {
    public var description: RuleDescription { Self.description }

    /// A finding of this rule at its default severity.
    public func finding(
        _ message: String,
        at location: SourceLocation?,
        service: String? = nil,
        fix: String? = nil,
        related: [RelatedLocation] = [],
        severity: Severity? = nil
    ) -> Finding {
        Finding(
            ruleID: Self.description.id,
            severity: severity ?? Self.description.defaultSeverity,
            message: message,
            location: location,
            service: service,
            fix: fix ?? Self.description.fix,
            related: related)
    }
}
