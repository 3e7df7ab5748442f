import Foundation
import GreenlightCore
import Testing

/// At random instants over three years, in zones with whole-hour, half-hour and no
/// daylight saving: `until` is the first free instant after a freeze, `next` the first
/// frozen one, and nothing in between disagrees.
@Suite struct FreezeInvariantTests {
    static let policies: [(String, [String])] = [
        ("Europe/Berlin", ["friday after 14:00", "weekends", "sunday 01:00-04:00", "2026-12-24 to 2027-01-02", "2028-02-29"]),
        ("America/New_York", ["friday 18:00 to monday 06:00", "wednesday 22:00-02:30", "2027-07-04"]),
        ("Australia/Lord_Howe", ["sunday 01:45-02:15", "saturday after 23:50", "tue-wed"]),
        ("Asia/Kathmandu", ["monday before 09:00", "thursday 12:00-12:01"]),
    ]

    @Test(arguments: policies)
    func untilAndNextAreTheEdges(zone: String, windows: [String]) throws {
        let policy = try FreezeFixture.policy(zone, windows.map { "'\($0)'" }.joined(separator: "\n    - "))
        #expect(policy.windows.count == windows.count)
        var random = SeededRandom(seed: 0x5EED_F7EE_2E00 &+ UInt64(zone.utf8.count))
        let start = 1_767_225_600  // 2026-01-01T00:00Z
        for _ in 0..<150 {
            let at = Date(timeIntervalSince1970: TimeInterval(start + random.below(3 * 365 * 86_400)))
            let status = FreezeCalendar.status(of: policy, at: at)
            #expect(status.frozen == !status.windows.isEmpty)
            if status.frozen {
                let until = try #require(status.until, "\(zone) \(at)")
                #expect(until > at)
                #expect(!FreezeCalendar.status(of: policy, at: until).frozen, "\(zone) \(at): still frozen at \(until)")
                let inside = at.addingTimeInterval(Double(random.below(Int(until.timeIntervalSince(at)))))
                #expect(FreezeCalendar.status(of: policy, at: inside).frozen, "\(zone) \(at): free at \(inside) before \(until)")
                #expect(FreezeCalendar.status(of: policy, at: until.addingTimeInterval(-1)).frozen)
            } else {
                let next = try #require(status.next, "\(zone) \(at)")
                #expect(next.start > at)
                let then = FreezeCalendar.status(of: policy, at: next.start)
                #expect(then.frozen && then.windows.first == next.window, "\(zone) \(at): \(next.start) is not frozen")
                let inside = at.addingTimeInterval(Double(random.below(Int(next.start.timeIntervalSince(at)))))
                #expect(!FreezeCalendar.status(of: policy, at: inside).frozen, "\(zone) \(at): frozen at \(inside) before \(next.start)")
                #expect(!FreezeCalendar.status(of: policy, at: next.start.addingTimeInterval(-1)).frozen)
            }
        }
    }
}
