/// A small project used to show and test a rule: files by relative path, with
/// exactly one `↓` in a triggering example marking where each finding must land
/// (several `↓` mean several findings). The marker is removed before scanning.
public struct RuleExample: Sendable, Hashable {
    public var files: [String: String]
    /// Optional `.greenlight.yml` content for the example.
    public var configuration: String?
    /// Why this example does or does not trigger, for the docs.
    public var note: String?

    public init(_ files: [String: String], configuration: String? = nil, note: String? = nil) {
        self.files = files
        self.configuration = configuration
        self.note = note
    }

    public static let marker: Character = "↓"
}

/// What a rule is: the single source for `greenlight rules`, `greenlight explain`,
/// `docs/rules.md`, SARIF rule metadata, and the rule's example tests.
public struct RuleDescription: Sendable, Hashable {
    /// Stable kebab-case id, never renamed.
    public var id: String
    public var title: String
    public var defaultSeverity: Severity
    /// Which real failure this rule prevents.
    public var rationale: String
    /// How to fix what it reports.
    public var fix: String
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]

    public init(
        id: String,
        title: String,
        defaultSeverity: Severity,
        rationale: String,
        fix: String,
        triggeringExamples: [RuleExample] = [],
        nonTriggeringExamples: [RuleExample] = []
    ) {
        self.id = id
        self.title = title
        self.defaultSeverity = defaultSeverity
        self.rationale = rationale
        self.fix = fix
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
