/// The result of one `greenlight check`: the project model, the findings that
/// remain after configuration, suppressions and the baseline, and the report.
public struct CheckResult: Sendable {
    public var project: Project
    public var report: Report
    /// Fingerprints of every current finding, baselined ones included (for `--write-baseline`).
    public var fingerprints: [String]
    public var suppressedCount: Int
    public var baselineCount: Int
}

/// Runs the pipeline: artifacts → model → rules → report.
public struct CheckEngine: Sendable {
    public var configuration: Configuration
    public var rules: [any Rule.Type]
    public var baseline: Baseline?

    public init(configuration: Configuration, rules: [any Rule.Type] = RuleRegistry.all, baseline: Baseline? = nil) {
        self.configuration = configuration
        self.rules = rules
        self.baseline = baseline
    }

    public func run(_ tree: any FileTree) -> CheckResult {
        let project = ProjectScanner.scan(tree, configuration: configuration)
        return evaluate(project)
    }

    /// Runs one rule; generic so the existential rule type is opened once, here.
    static func run<R: Rule>(_ rule: R.Type, on project: Project) -> [Finding] {
        R().check(project)
    }

    /// Runs the rules over an already built model.
    public func evaluate(_ project: Project) -> CheckResult {
        let raw = Parallel.map(rules, minimumBatch: 1) { rule in CheckEngine.run(rule, on: project) }.flatMap { $0 }
        var findings: [Finding] = []
        var suppressed = 0
        for var finding in raw {
            switch configuration.level(of: finding.ruleID, service: finding.service) {
            case .off?: continue
            case .severity(let severity)?: finding.severity = severity
            case nil: break
            }
            if let location = finding.location, let source = project.sources[location.file],
               InlineSuppressions.suppresses(source, finding) {
                suppressed += 1
                continue
            }
            findings.append(finding)
        }
        findings.sort(by: Finding.reportOrder)
        let fingerprints = Baseline.fingerprints(of: findings, sources: project.sources)
        var baselined = 0
        if let baseline {
            var kept: [Finding] = []
            for (finding, print) in zip(findings, fingerprints) {
                if baseline.fingerprints.contains(print) {
                    baselined += 1
                } else {
                    kept.append(finding)
                }
            }
            findings = kept
        }
        let summary = Report.Summary(
            errors: findings.count { $0.severity == .error },
            warnings: findings.count { $0.severity == .warning },
            notes: findings.count { $0.severity == .note },
            services: project.services.count,
            files: project.fileCount)
        let report = Report(findings: findings, summary: summary, rules: rules.map { $0.description }, sources: project.sources)
        return CheckResult(project: project, report: report, fingerprints: fingerprints,
                           suppressedCount: suppressed, baselineCount: baselined)
    }
}
