import Foundation
import GreenlightCore
import Testing

/// Policies read from YAML, as users write them, and instants written with their offset.
enum FreezeFixture {
    static func policy(_ zone: String, _ windows: String...) throws -> FreezePolicy {
        let yaml = "freeze:\n  timezone: \(zone)\n  windows:\n" + windows.map { "    - \($0)\n" }.joined()
        return try FreezePolicyLoader.parse(SourceText(path: "deploy/production.yml", string: yaml))
    }

    /// An instant written with its UTC offset (`2026-11-27T15:00+01:00`).
    static func instant(_ text: String) throws -> Date {
        let parsed = try #require(FreezeInstant(text), "\(text)")
        #expect(parsed.offset != nil, "\(text) has no offset")
        return try parsed.date(in: #require(TimeZone(identifier: "UTC")))
    }

    static func status(_ policy: FreezePolicy, _ at: String) throws -> FreezeStatus {
        FreezeCalendar.status(of: policy, at: try instant(at))
    }
}
