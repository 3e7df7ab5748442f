import Foundation
import Testing
@testable import GreenlightCore

/// Every rule's declared examples are its tests: each triggering example must
/// produce findings exactly at its `↓` markers, each non-triggering example none,
/// and a `# greenlight:ignore` line before each marker must silence it.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules: [any Rule.Type] = RuleRegistry.all

    @Test("triggering examples report exactly at the markers", arguments: rules.map { $0.description.id })
    func triggering(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        #expect(!rule.description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        for (index, example) in rule.description.triggeringExamples.enumerated() {
            let marked = MarkedExample(example)
            #expect(!marked.markers.isEmpty, "\(id) triggering example \(index + 1) has no ↓ marker")
            let findings = ExampleRunner.findings(of: rule, in: marked)
            let found = findings.compactMap(\.location).sorted()
            #expect(found == marked.markers.sorted(),
                    "\(id) triggering example \(index + 1): expected findings at \(marked.markers.sorted()), got \(findings.map { "\($0.location?.description ?? "-"):\($0.location?.column ?? 0) \($0.message)" })")
            for finding in findings {
                #expect(finding.severity == rule.description.defaultSeverity || finding.severity == .note,
                        "\(id): unexpected severity \(finding.severity)")
                #expect(!finding.message.isEmpty && finding.fix?.isEmpty == false)
            }
        }
    }

    @Test("non-triggering examples report nothing", arguments: rules.map { $0.description.id })
    func nonTriggering(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for (index, example) in rule.description.nonTriggeringExamples.enumerated() {
            let marked = MarkedExample(example)
            #expect(marked.markers.isEmpty, "\(id) non-triggering example \(index + 1) has a ↓ marker")
            let findings = ExampleRunner.findings(of: rule, in: marked)
            #expect(findings.isEmpty, "\(id) non-triggering example \(index + 1) reported: \(findings.map(\.message))")
        }
    }

    @Test("an ignore comment before each marker silences the finding", arguments: rules.map { $0.description.id })
    func suppressed(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        for (index, example) in rule.description.triggeringExamples.enumerated() {
            var marked = MarkedExample(example)
            guard marked.insertIgnoreComments(for: id) else { continue }
            let findings = ExampleRunner.findings(of: rule, in: marked, applySuppressions: true)
            #expect(findings.isEmpty, "\(id) triggering example \(index + 1) with ignore comments still reported: \(findings.map(\.message))")
        }
    }

    @Test("every rule file is registered once and ids are unique kebab-case")
    func registry() throws {
        let ids = RuleRegistry.ids
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case")
        }
        let rulesDirectory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GreenlightCore/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)
        let declared = try files.filter { $0.hasSuffix("Rule.swift") }.compactMap { file -> String? in
            let text = try String(contentsOf: rulesDirectory.appendingPathComponent(file), encoding: .utf8)
            return text.contains(": Rule {") ? String(file.dropLast(".swift".count)) : nil
        }
        let registered = RuleRegistry.all.map { String(describing: $0) }
        #expect(Set(declared) == Set(registered), "unregistered: \(Set(declared).subtracting(registered)), missing files: \(Set(registered).subtracting(declared))")
    }
}

/// An example with its `↓` markers removed and their positions recorded.
struct MarkedExample {
    var files: [String: String]
    var configuration: String?
    var markers: [GreenlightCore.SourceLocation]

    init(_ example: RuleExample) {
        files = [:]
        markers = []
        configuration = example.configuration
        for (path, text) in example.files {
            var lines: [String] = []
            for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var clean = ""
                var column = 1
                for character in line {
                    if character == RuleExample.marker {
                        markers.append(GreenlightCore.SourceLocation(file: path, line: lineIndex + 1, column: column))
                    } else {
                        clean.append(character)
                        column += character.unicodeScalars.count
                    }
                }
                lines.append(clean)
            }
            files[path] = lines.joined(separator: "\n") + (text.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// Puts `# greenlight:ignore <id>` on its own line before every marked line.
    /// Returns false when a marked file kind has no line comments (JSON).
    mutating func insertIgnoreComments(for id: String) -> Bool {
        let byFile = Dictionary(grouping: markers, by: \.file)
        for (path, marks) in byFile {
            if path.hasSuffix(".json") { return false }
            guard let text = files[path] else { continue }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in Set(marks.map(\.line)).sorted(by: >) {
                let indent = String(lines[line - 1].prefix(while: { $0 == " " || $0 == "\t" }))
                lines.insert("\(indent)# greenlight:ignore \(id) example", at: line - 1)
            }
            files[path] = lines.joined(separator: "\n")
        }
        return true
    }
}

enum ExampleRunner {
    static func findings(of rule: any Rule.Type, in example: MarkedExample, applySuppressions: Bool = false) -> [Finding] {
        var files = example.files
        if let configuration = example.configuration { files[".greenlight.yml"] = configuration }
        let tree = MemoryFileTree(files)
        var configuration = Configuration()
        if let text = example.configuration {
            configuration = (try? ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: text), knownRules: RuleRegistry.ids)) ?? Configuration()
        }
        let engine = CheckEngine(configuration: configuration, rules: [rule])
        let result = engine.run(tree)
        if applySuppressions { return result.report.findings }
        let project = result.project
        return CheckEngine.run(rule, on: project).filter { $0.ruleID == rule.description.id }
    }
}
