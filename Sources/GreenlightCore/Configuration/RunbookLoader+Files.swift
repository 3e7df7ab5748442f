import Foundation

extension RunbookLoader {
    /// `path` made absolute against `base`, with `.` and `..` worked out.
    static func absolute(_ path: String, from base: String) -> String {
        normalized(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// An absolute path without `.`, `..` or empty components (`..` stops at `/`).
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The nearest of `directory` and its ancestors holding `.greenlight.yml` or `.git`,
    /// else `directory` itself.
    static func projectRoot(from directory: String) -> String {
        var candidate = directory
        while true {
            for marker in [ConfigurationLoader.fileName, ".git"] {
                let markerPath = candidate == "/" ? "/" + marker : candidate + "/" + marker
                if FileManager.default.fileExists(atPath: markerPath) { return candidate }
            }
            guard candidate != "/" else { return directory }
            candidate = (candidate as NSString).deletingLastPathComponent
            if candidate.isEmpty { return directory }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The `verify:` probes of `.greenlight.yml` in `directory`; none when there is no such file.
    static func projectProbes(directory: String, environment: [String: String]) throws(ConfigurationError) -> VerifyConfiguration {
        let path = directory == "/" ? "/" + ConfigurationLoader.fileName : directory + "/" + ConfigurationLoader.fileName
        guard FileManager.default.fileExists(atPath: path) else { return VerifyConfiguration() }
        let shown = displayPath(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(issues: [ParseIssue("cannot read configuration file", at: SourceLocation(file: shown, line: 1))])
        }
        let configuration = try ConfigurationLoader.parse(SourceText(path: shown, bytes: [UInt8](data)), knownRules: RuleRegistry.ids,
                                                          environment: environment)
        return configuration.verify
    }

    /// `path` relative to the current directory when it lies inside it, else as is.
    static func displayPath(_ path: String) -> String {
        let current = normalized(FileManager.default.currentDirectoryPath)
        let prefix = current == "/" ? "/" : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The project's probes with the runbook's own added; the runbook's win on a clash
    /// of names. Its `defaults` are the runbook's when it set any, else the project's.
    static func merging(project: VerifyConfiguration, runbook: VerifyConfiguration) -> VerifyConfiguration {
        let own = Set(runbook.names)
        var merged = VerifyConfiguration(defaults: runbook.defaults == ProbeSettings() ? project.defaults : runbook.defaults)
        merged.probes = project.probes.filter { !own.contains($0.name) } + runbook.probes
        merged.unresolved = project.unresolved.filter { !own.contains($0.name) } + runbook.unresolved
        return merged
    }
}
