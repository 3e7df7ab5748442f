import Foundation
import Yams

/// Reads deployment runbooks (`deploy/production.yml`) for `greenlight deploy`.
///
/// The format:
///
///     name: production-deploy            # required
///     environment: production            # required
///     description: Ship the API and the agents service
///     directory: ..                      # where commands run; relative to this file
///     journal: deployments               # journal directory, relative to `directory`
///     timeout: 10m                       # default timeout of run: steps
///     variables:                         # templates, filled at run time, in this order
///       IMAGE_TAG: "${GIT_SHA}"
///       REGION: eu-west-1
///     freeze:                            # when deploys may not start (as in .greenlight.yml)
///       timezone: Europe/Berlin
///       windows:
///         - friday after 14:00
///         - {from: 2026-12-24, to: 2027-01-02, reason: Holidays}
///     probes:                            # as `verify:` in .greenlight.yml; these win
///       - name: api-health               # over the project's probes of the same name
///         http: https://api.example.com/health
///     phases:                            # required, at least one
///       - name: Pre-deployment analysis  # required, unique
///         description: Scope, state and credentials
///         changes-production: false
///         steps:
///           - run: aws sts get-caller-identity
///             timeout: 30s               # also directory: sub/dir, env: {K: V}
///           - check: .                   # or {path: ., fail-on: warning}
///           - verify: [api-health]       # a name or a list; wait: 60s retries that long
///           - wait: 10s
///           - note: Credentials checked
///         exit-criteria:                 # run, check and verify steps only
///           - verify: api-health
///         gate: Proceed to environment preparation?   # or true, or {message: …}
///         rollback:                      # run when this phase or a later one fails
///           - run: ./scripts/rollback.sh
///
/// A step is a mapping with exactly one action key (`run`, `check`, `verify`, `wait`,
/// `note`) and an optional `name:`. An action's options sit next to it (`timeout:`
/// beside `run:`) or inside it (`run: {command: …, timeout: 30s}`). Keys may be
/// written kebab-case or snake_case. Every problem is reported with its line and
/// column, all of them at once.
public enum RunbookLoader {
    /// Keys allowed at each level; the single declaration the validator and the docs use.
    public enum Keys {
        public static let topLevel = ["name", "environment", "description", "directory", "journal", "timeout",
                                      "variables", "freeze", "probes", "phases"]
        public static let phase = ["name", "description", "changes-production", "steps", "exit-criteria", "gate", "rollback"]
        public static let actions = ["run", "check", "verify", "wait", "note"]
        /// Options each action accepts, beside it or inside its mapping form.
        public static let actionOptions: [String: [String]] = [
            "run": ["timeout", "directory", "env"],
            "check": ["fail-on"],
            "verify": ["wait"],
            "wait": [],
            "note": [],
        ]
        /// The key naming the action's main value inside its mapping form.
        public static let actionValue: [String: String] = ["run": "command", "check": "path", "verify": "probes"]
        public static let exitCriteriaActions = ["run", "check", "verify"]
        public static let gate = ["message"]
    }

    /// Reads and validates a runbook file. `environment` fills ${VAR} in inline probes (as verify does).
    ///
    /// The project's `.greenlight.yml` in the runbook's directory, if there is one,
    /// supplies the probes `verify:` steps may name; its errors are thrown as they are.
    public static func load(path: String, environment: [String: String]) throws(ConfigurationError) -> Runbook {
        let absolutePath = absolute(path, from: FileManager.default.currentDirectoryPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
            throw ConfigurationError(issues: [ParseIssue("no such runbook file", at: SourceLocation(file: path, line: 1))])
        }
        guard !isDirectory.boolValue else {
            throw ConfigurationError(issues: [ParseIssue("this is a directory; give the runbook file (deploy/production.yml)",
                                                         at: SourceLocation(file: path, line: 1))])
        }
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw ConfigurationError(issues: [ParseIssue("cannot read the runbook file", at: SourceLocation(file: path, line: 1))])
        }
        let source = SourceText(path: path, bytes: [UInt8](data))
        let fileDirectory = (absolutePath as NSString).deletingLastPathComponent
        return try read(source, fileDirectory: fileDirectory, environment: environment) { directory throws(ConfigurationError) in
            try projectProbes(directory: directory, environment: environment)
        }
    }

    /// The same from text (tests, fuzzing); `directory` as if the file were there.
    ///
    /// `directory` is the folder holding the runbook file (relative paths are taken from
    /// the current directory); `projectVerify` stands in for the project's `.greenlight.yml`.
    public static func parse(_ source: SourceText, directory: String, projectVerify: VerifyConfiguration,
                             environment: [String: String]) throws(ConfigurationError) -> Runbook {
        let fileDirectory = absolute(directory, from: FileManager.default.currentDirectoryPath)
        return try read(source, fileDirectory: fileDirectory, environment: environment) { _ in projectVerify }
    }

    /// Reads `source`; `project` gives the project's probes for the resolved directory.
    static func read(_ source: SourceText, fileDirectory: String, environment: [String: String],
                     project: (String) throws(ConfigurationError) -> VerifyConfiguration) throws(ConfigurationError) -> Runbook {
        var reader = ConfigurationLoader.Reader(source: source, knownRules: [], environment: environment)
        let runbook = try reader.runbook(fileDirectory: fileDirectory, project: project)
        guard reader.issues.isEmpty else {
            let ordered = reader.issues.enumerated().sorted { lhs, rhs in
                let left = (lhs.element.location.line, lhs.element.location.column, lhs.offset)
                let right = (rhs.element.location.line, rhs.element.location.column, rhs.offset)
                return left < right
            }
            throw ConfigurationError(issues: ordered.map(\.element))
        }
        return runbook
    }

    /// Whether `name` can be an environment variable in a shell: letters, digits and `_`,
    /// not starting with a digit.
    static func isShellIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
