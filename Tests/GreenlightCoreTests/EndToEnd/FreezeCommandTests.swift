import Foundation
import Testing

/// `greenlight freeze status` as a user or a CI script runs it: exit 1 when frozen so
/// scripts can gate on it, 0 when not, 2 with file:line for a bad configuration.
@Suite("freeze status end to end", .serialized)
struct FreezeCommandTests {
    static let configuration = """
        fail-on: error
        freeze:
          timezone: Europe/Berlin
          windows:
            - {weekly: friday after 14:00, reason: no Friday deploys after 2pm}
            - weekends
        """

    /// A fresh directory holding `files`, removed afterwards.
    func withDirectory(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-freeze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try body(directory)
    }

    @Test func frozenExitsOne() throws {
        try withDirectory([".greenlight.yml": Self.configuration]) { directory in
            let result = try CLIRunner.run(["freeze", "status", "--at", "2026-11-27T15:00:00+01:00"], in: directory)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout == "frozen until Mon 2026-11-30 00:00 Europe/Berlin (2 days 9 hours from now): "
                + "friday after 14:00 — no Friday deploys after 2pm; weekends\n")
            #expect(result.stderr.isEmpty)
        }
    }

    @Test func notFrozenExitsZero() throws {
        try withDirectory([".greenlight.yml": Self.configuration]) { directory in
            // No offset: read in the policy's time zone. `freeze` alone runs `status`.
            let result = try CLIRunner.run(["freeze", "--at", "2026-11-24T14:00"], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "not frozen; next freeze Fri 2026-11-27 14:00 Europe/Berlin (in 3 days): "
                + "friday after 14:00 — no Friday deploys after 2pm\n")
        }
    }

    @Test func jsonShape() throws {
        try withDirectory([".greenlight.yml": Self.configuration]) { directory in
            let result = try CLIRunner.run(["freeze", "status", "--at", "2026-11-27T14:00:00Z", "--format", "json"], in: directory)
            #expect(result.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["file", "frozen", "until", "windows", "period", "next", "timezone", "at"])
            #expect(object["frozen"] as? Bool == true)
            #expect(object["until"] as? String == "2026-11-30T00:00:00+01:00")
            #expect(object["timezone"] as? String == "Europe/Berlin")
            #expect(object["at"] as? String == "2026-11-27T15:00:00+01:00")
            #expect(object["next"] is NSNull)
            let windows = try #require(object["windows"] as? [[String: Any]])
            #expect(windows.map { $0["text"] as? String } == ["friday after 14:00"])
            #expect(windows.map { $0["reason"] as? String } == ["no Friday deploys after 2pm"])

            let free = try CLIRunner.run(["freeze", "status", "--at", "2026-11-24T14:00:00+01:00", "--format", "json"], in: directory)
            #expect(free.status == 0)
            let freeObject = try #require(try JSONSerialization.jsonObject(with: Data(free.stdout.utf8)) as? [String: Any])
            #expect(freeObject["until"] is NSNull)
            let next = try #require(freeObject["next"] as? [String: Any])
            #expect(next["start"] as? String == "2026-11-27T14:00:00+01:00")
            #expect((next["window"] as? [String: Any])?["text"] as? String == "friday after 14:00")
        }
    }

    @Test func badConfigurationExitsTwoWithLocation() throws {
        let broken = Self.configuration.replacingOccurrences(of: "- weekends", with: "- fridy after 14:00")
        try withDirectory([".greenlight.yml": broken]) { directory in
            let result = try CLIRunner.run(["freeze", "status", "--at", "2026-11-27T15:00:00+01:00"], in: directory)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(".greenlight.yml:6:7: freeze.windows: 'fridy after 14:00' is not a freeze window: "
                + "'fridy' is not a day; did you mean 'friday'?"), "\(result.stderr)")
        }
    }

    @Test func runbooksArePrefixedAndAnyFrozenFails() throws {
        let production = "name: production\nfreeze:\n  timezone: Europe/Berlin\n  windows: [friday after 14:00]\nphases: []\n"
        let staging = "name: staging\nfreeze:\n  timezone: Europe/Berlin\n  windows: [2026-12-24]\n"
        try withDirectory(["deploy/production.yml": production, "deploy/staging.yml": staging]) { directory in
            let both = ["freeze", "status", "deploy/production.yml", "deploy/staging.yml", "--at", "2026-11-27T15:00:00+01:00"]
            let result = try CLIRunner.run(both, in: directory)
            #expect(result.status == 1)
            #expect(result.stdout == """
                deploy/production.yml: frozen until Sat 2026-11-28 00:00 Europe/Berlin (9 hours from now): friday after 14:00
                deploy/staging.yml: not frozen; next freeze Thu 2026-12-24 00:00 Europe/Berlin (in 26 days 9 hours): 2026-12-24

                """)
            let json = try CLIRunner.run(both + ["--format", "json"], in: directory)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(array.map { $0["file"] as? String } == ["deploy/production.yml", "deploy/staging.yml"])
            #expect(array.map { $0["frozen"] as? Bool } == [true, false])

            let staged = try CLIRunner.run(["freeze", "status", "deploy/staging.yml", "--at", "2026-11-27T15:00:00+01:00"], in: directory)
            #expect(staged.status == 0)
            #expect(staged.stdout.hasPrefix("not frozen;"))
        }
    }

    @Test func runbookErrorsAndMissingFilesExitTwo() throws {
        let broken = "name: production\nfreeze:\n  windows:\n    - {from: 2027-01-02, to: 2026-12-24}\n"
        try withDirectory(["broken.yml": broken]) { directory in
            let result = try CLIRunner.run(["freeze", "status", "broken.yml", "missing.yml"], in: directory)
            #expect(result.status == 2)
            #expect(result.stderr.contains("broken.yml:4:30: freeze.windows: '2027-01-02 to 2026-12-24' is not a freeze window: "
                + "the range ends (2026-12-24) before it starts (2027-01-02)"), "\(result.stderr)")
            #expect(result.stderr.contains("broken.yml:3:3: freeze needs a timezone"), "\(result.stderr)")
            #expect(result.stderr.contains("missing.yml:1:1: no such file"), "\(result.stderr)")
        }
    }

    @Test func noConfigurationIsNotFrozen() throws {
        try withDirectory([:]) { directory in
            let result = try CLIRunner.run(["freeze", "status"], in: directory)
            #expect(result.status == 0)
            #expect(result.stdout == "no freeze windows declared in .greenlight.yml (there is no .greenlight.yml in this directory)\n")
        }
    }

    @Test func badInstantIsAUsageError() throws {
        try withDirectory([".greenlight.yml": Self.configuration]) { directory in
            let result = try CLIRunner.run(["freeze", "status", "--at", "next friday"], in: directory)
            #expect(result.status == 2)
            #expect(result.stderr.contains("--at must be a date and time such as 2026-11-27T15:00:00+01:00"), "\(result.stderr)")
        }
    }
}
