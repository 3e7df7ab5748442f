import Foundation
@testable import GreenlightCore

/// Text of a runbook with helpers that find where things are in it, so expected
/// locations follow the text instead of being counted by hand.
struct RunbookText {
    let path: String
    let text: String

    init(_ text: String, path: String = "deploy/production.yml") {
        self.path = path
        self.text = text
    }

    var source: SourceText { SourceText(path: path, string: text) }

    /// Where the `occurrence`-th `needle` starts (1-based line and column).
    func location(of needle: String, occurrence: Int = 1) -> GreenlightCore.SourceLocation {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence {
                    return SourceLocation(file: path, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
                rest = rest[range.upperBound...]
            }
        }
        return SourceLocation(file: path, line: 0, column: 0)
    }

    /// Parses as if the file were in `directory`.
    func parse(directory: String = "/nonexistent-greenlight/deploy", project: VerifyConfiguration = VerifyConfiguration(),
               environment: [String: String] = [:]) throws(ConfigurationError) -> Runbook {
        try RunbookLoader.parse(source, directory: directory, projectVerify: project, environment: environment)
    }

    /// The issues parsing reports; empty when it succeeds.
    func issues(project: VerifyConfiguration = VerifyConfiguration()) -> [ParseIssue] {
        do {
            _ = try parse(project: project)
            return []
        } catch {
            return error.issues
        }
    }
}

/// A fresh directory under the system's temporary one, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(_ label: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = RunbookLoader.normalized(url.resolvingSymlinksInPath().path)
    }

    /// Writes `text` to `relative`, creating folders on the way; returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
