import Foundation
import Synchronization
import Testing
@testable import GreenlightDeploy

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct JournalWriterTests {
    typealias F = JournalFixture

    @Test(arguments: [
        ("deployments", "deployments/2026-11-21-production-deploy-3fa9c2d1.md"),
        ("ops/journals/", "ops/journals/2026-11-21-production-deploy-3fa9c2d1.md"),
        (".", "2026-11-21-production-deploy-3fa9c2d1.md"),
        ("/var/log/deploys", "/var/log/deploys/2026-11-21-production-deploy-3fa9c2d1.md"),
    ])
    func pathIsTheJournalFolderTheStartDayTheRunbookSlugAndTheID(folder: String, expected: String) {
        var runbook = F.runbook
        runbook.name = "Production deploy!"
        runbook.journalDirectory = folder
        #expect(JournalWriter.relativePath(runbook: runbook, deployment: F.deployment(.running, phase: 0), timeZone: F.zone) == expected)
    }

    @Test func dayIsTheStartDayInTheGivenTimeZone() throws {
        var deployment = F.deployment(.running, phase: 0)
        deployment.startedAt = F.at(10 * 3600 + 30 * 60) // 23:35 UTC, 00:35 the next day in Berlin
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(JournalWriter.relativePath(runbook: F.runbook, deployment: deployment, timeZone: utc) == "deployments/2026-11-21-web-app-3fa9c2d1.md")
        #expect(JournalWriter.relativePath(runbook: F.runbook, deployment: deployment, timeZone: F.zone) == "deployments/2026-11-22-web-app-3fa9c2d1.md")
    }

    @Test func slugKeepsLowercaseLettersAndDigitsJoinedByOneDash() {
        #expect(JournalWriter.slug("Production deploy!") == "production-deploy")
        #expect(JournalWriter.slug("  API_v2 (blue/green)  ") == "api-v2-blue-green")
        #expect(JournalWriter.slug("Déploiement — Zürich") == "deploiement-zurich")
        #expect(JournalWriter.slug("本番 !!") == "deployment")
        let long = JournalWriter.slug(String(repeating: "ab ", count: 40))
        #expect(long.count <= 60 && !long.hasSuffix("-") && long.hasPrefix("ab-ab-"))
    }

    @Test func writeCreatesMissingFoldersAndLeavesNoTemporaryFile() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/deploy/deployments/2026/journal.md"
        try JournalWriter.write("# Journal\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Journal\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/deploy/deployments/2026") == ["journal.md"])
    }

    @Test func replaceSwapsInANewFileSoAReaderOfTheOldOneKeepsAllOfIt() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/journal.md"
        let old = String(repeating: "old line\n", count: 5000)
        try JournalWriter.write(old, to: path)
        let reader = try #require(FileHandle(forReadingAtPath: path))
        defer { try? reader.close() }
        try JournalWriter.write("new\n", to: path)
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == old)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["journal.md"])
    }

    @Test func concurrentReaderOnlyEverSeesAWholeJournal() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/journal.md"
        let texts = [String(repeating: "a", count: 300_000) + "\n", String(repeating: "b", count: 200_000) + "\n"]
        try JournalWriter.write(texts[0], to: path)
        let reads = ReadCounter()
        let stopped = DispatchSemaphore(value: 0)
        // A thread, not a task: the reader must run alongside the writer whatever the
        // test pool is doing.
        let reader = Thread {
            while !reads.isStopped {
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                reads.count(whole: texts.contains(text))
            }
            stopped.signal()
        }
        reader.start()
        var round = 0
        while round < 60 || (reads.total < 200 && round < 20_000) {
            try JournalWriter.write(texts[round % 2 == 0 ? 1 : 0], to: path)
            round += 1
        }
        reads.stop()
        stopped.wait()
        #expect(reads.total >= 200)
        #expect(reads.torn == 0, "\(reads.torn) of \(reads.total) reads saw a partial journal")
    }

    @Test func failedReplaceLeavesWhatWasThereAndRemovesTheTemporaryFile() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/journal.md"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: path + "/inside.txt"))
        #expect {
            try JournalWriter.write("new\n", to: path)
        } throws: { error in
            guard let error = error as? JournalError else { return false }
            return error.code == EISDIR && error.description.hasPrefix("cannot write journal \(path): cannot replace it with \(root.path)/.journal.md.")
                && error.description.hasSuffix(".tmp: Is a directory")
        }
        #expect(try String(contentsOfFile: path + "/inside.txt", encoding: .utf8) == "kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["journal.md"])
    }

    @Test func aFileInTheWayOfAFolderIsNamedInTheError() throws {
        let root = try TemporaryFolder()
        try Data().write(to: URL(fileURLWithPath: root.path + "/deployments"))
        let path = root.path + "/deployments/prod/journal.md"
        #expect(throws: JournalError(path: path, action: "cannot create folder \(root.path)/deployments, a file has that name", code: ENOTDIR)) {
            try JournalWriter.write("x", to: path)
        }
        let error = JournalError(path: path, action: "cannot create folder \(root.path)/deployments, a file has that name", code: ENOTDIR)
        #expect(error.description == "cannot write journal \(path): cannot create folder \(root.path)/deployments, a file has that name: Not a directory")
    }

    @Test(.enabled(if: geteuid() != 0, "root may write into a read-only folder"))
    func unwritableFolderKeepsTheOldJournal() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/journal.md"
        try JournalWriter.write("old\n", to: path)
        chmod(root.path, 0o555)
        defer { chmod(root.path, 0o755) }
        #expect(throws: JournalError(path: path, action: "cannot create a temporary file in \(root.path)", code: EACCES)) {
            try JournalWriter.write("new\n", to: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    }
}

/// Reads done by the reader thread, and whether to stop.
final class ReadCounter: Sendable {
    private let state = Mutex((stopped: false, total: 0, torn: 0))

    var isStopped: Bool { state.withLock { $0.stopped } }
    var total: Int { state.withLock { $0.total } }
    var torn: Int { state.withLock { $0.torn } }

    func count(whole: Bool) {
        state.withLock { $0.total += 1; if !whole { $0.torn += 1 } }
    }

    func stop() { state.withLock { $0.stopped = true } }
}

/// A fresh folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
