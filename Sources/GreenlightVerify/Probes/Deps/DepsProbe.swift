import Foundation
import GreenlightCore

/// `deps: {requirements: FILE, python: INTERPRETER}` — every requirement of the file
/// (and of the files it includes with `-r`) is installed in that interpreter, pinned ones
/// at exactly their version: what `verify_deps.sh` scripts check by hand.
public struct DepsProbe: ProbeCheck {
    public let spec: DepsProbeSpec

    public init(spec: DepsProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let path = PathUtilities.join(context.baseDirectory, spec.requirements)
        let requirements: [PythonRequirement]
        do {
            requirements = try Self.readRequirements(path)
        } catch {
            return .fail(.setup, error.description)
        }
        guard !requirements.isEmpty else { return .pass("\(spec.requirements) lists no requirements") }
        let query = requirements.map { requirement -> [String: String] in
            var entry = ["name": requirement.name]
            if let version = requirement.pinnedVersion { entry["version"] = version }
            if let marker = requirement.marker { entry["marker"] = marker }
            return entry
        }
        guard let queryData = try? JSONSerialization.data(withJSONObject: query),
              let queryText = String(data: queryData, encoding: .utf8) else {
            return .fail(.setup, "cannot encode the requirement list")
        }
        let result: ShellResult
        do {
            result = try await ShellProcess.run([spec.python, "-c", Self.script, queryText], directory: context.baseDirectory,
                                                environment: context.environment, timeout: timeout)
        } catch {
            return .fail(.setup, "\(error)")
        }
        if result.timedOut { return .fail(.timeout, "\(spec.python) \(result.summary)") }
        guard result.exitStatus == 0,
              let data = result.output.split(separator: "\n").last.flatMap({ $0.data(using: .utf8) }),
              let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            let reason = result.exitStatus == 127 ? "not found" : result.summary
            return .fail(.setup, "cannot ask \(spec.python) for installed packages (\(reason)): \(CommandProbe.lastLine(result.output))")
        }
        return Self.judge(rows, pinned: requirements.filter { $0.pinnedVersion != nil }.count, file: spec.requirements, python: spec.python)
    }

    /// Turns the interpreter's answers into one outcome listing every problem.
    static func judge(_ rows: [[String: Any]], pinned: Int, file: String, python: String) -> ProbeOutcome {
        var missing: [String] = []
        var wrong: [String] = []
        var checked = 0
        for row in rows {
            guard let name = row["name"] as? String else { continue }
            if row["skipped"] as? Bool == true { continue }
            checked += 1
            let installed = row["installed"] as? String
            let wanted = row["version"] as? String
            if installed == nil {
                missing.append(wanted.map { "\(name)==\($0)" } ?? name)
            } else if let wanted, row["matches"] as? Bool == false, let installed {
                wrong.append("\(name) \(installed) (pinned \(wanted))")
            }
        }
        if missing.isEmpty && wrong.isEmpty {
            return .pass("\(checked) requirements of \(file) installed (\(pinned) pinned versions match)")
        }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("not installed: \(list(missing))") }
        if !wrong.isEmpty { parts.append("wrong version: \(list(wrong))") }
        let kind: ProbeFailure = missing.isEmpty ? .mismatch : .missing
        return .fail(kind, "\(python) does not match \(file): " + parts.joined(separator: "; "))
    }

    static func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: ", ") : items.prefix(6).joined(separator: ", ") + " and \(items.count - 6) more"
    }

    /// The named requirements of `path` and of the files it includes (`-r`), in order.
    static func readRequirements(_ path: String) throws(DepsError) -> [PythonRequirement] {
        var seen: Set<String> = []
        var result: [PythonRequirement] = []
        var pending = [path]
        while let next = pending.popLast() {
            let normalized = PathUtilities.normalize(next)
            guard seen.insert(normalized).inserted else { continue }
            guard let data = FileManager.default.contents(atPath: normalized) else {
                throw DepsError(description: "cannot read requirements file \(normalized)")
            }
            let file = RequirementsFile.parse(SourceText(path: normalized, bytes: [UInt8](data)))
            if let issue = file.issues.first {
                throw DepsError(description: "\(issue.location): \(issue.message)")
            }
            result += file.requirements.filter { $0.url == nil }
            let directory = (normalized as NSString).deletingLastPathComponent
            pending += file.includes.reversed().map { PathUtilities.join(directory, $0.path) }
        }
        return result
    }

    /// Asks the interpreter for installed versions; compares with `packaging` when the
    /// interpreter has it (as pip does), else by exact text. Prints one JSON line.
    static let script = """
    import json, sys
    try:
        from importlib import metadata
    except ImportError:
        import importlib_metadata as metadata
    try:
        from packaging.version import Version
        from packaging.markers import Marker
    except ImportError:
        try:
            from pip._vendor.packaging.version import Version
            from pip._vendor.packaging.markers import Marker
        except ImportError:
            Version = None
            Marker = None
    rows = []
    for item in json.loads(sys.argv[1]):
        row = dict(item)
        marker = item.get("marker")
        if marker:
            if Marker is None:
                row["skipped"] = True
                rows.append(row)
                continue
            try:
                if not Marker(marker).evaluate():
                    row["skipped"] = True
                    rows.append(row)
                    continue
            except Exception:
                pass
        try:
            installed = metadata.version(item["name"])
        except Exception:
            installed = None
        row["installed"] = installed
        wanted = item.get("version")
        if installed is not None and wanted is not None:
            try:
                row["matches"] = Version(installed) == Version(wanted) if Version else installed == wanted
            except Exception:
                row["matches"] = installed == wanted
        rows.append(row)
    print(json.dumps(rows))
    """
}

public struct DepsError: Error, CustomStringConvertible {
    public var description: String
}
