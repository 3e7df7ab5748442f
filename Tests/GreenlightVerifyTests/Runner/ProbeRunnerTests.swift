import Foundation
import GreenlightCore
@testable import GreenlightVerify
import NIOPosix
import Testing
import AsyncHTTPClient

/// A check that answers from a script, to pin down the runner's retry, start-period,
/// wait and timeout rules without depending on a server's timing.
struct ScriptedCheck: ProbeCheck {
    let outcomes: [ProbeOutcome]
    let delay: Duration
    let ignoresCancellation: Bool
    let counter = AttemptCounter()

    init(_ outcomes: [ProbeOutcome], delay: Duration = .zero, ignoresCancellation: Bool = false) {
        self.outcomes = outcomes
        self.delay = delay
        self.ignoresCancellation = ignoresCancellation
    }

    func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let index = counter.next()
        if delay > .zero {
            if ignoresCancellation {
                // A check stuck in a blocking call: it neither returns nor sees cancellation.
                let microseconds = UInt32(DurationText.milliseconds(delay) * 1000)
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    Thread.detachNewThread {
                        usleep(microseconds)
                        continuation.resume()
                    }
                }
            } else {
                try? await ProbeExecutor.sleep(for: delay)
            }
        }
        return outcomes[min(index, outcomes.count - 1)]
    }
}

final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count - 1
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

@Suite(.onProbeExecutor) struct ProbeRunnerTests {
    static let refused = ProbeOutcome.fail(.refused, "connection refused")
    static let ok = ProbeOutcome.pass("200 OK")

    func spec(_ name: String, retries: Int = 3, interval: Duration = .milliseconds(10), startPeriod: Duration = .zero,
              timeout: Duration = .seconds(2)) -> ProbeSpec {
        ProbeSpec(name: name, target: .tcp(TCPProbeSpec(address: HostPort(host: "localhost", port: 1))),
                  settings: ProbeSettings(timeout: timeout, retries: retries, interval: interval, startPeriod: startPeriod))
    }

    func run(_ probes: [(ProbeSpec, ScriptedCheck)], wait: Duration? = nil) async throws -> [ProbeResult] {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let context = ProbeContext(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, httpClient: client,
                                   environment: [:], baseDirectory: ".")
        let results = await ProbeRunner(wait: wait).run(probes.map { (spec: $0.0, check: $0.1 as any ProbeCheck) }, context: context)
        try await client.shutdown()
        return results
    }

    @Test func aPassingProbeTakesOneAttempt() async throws {
        let results = try await run([(spec("a"), ScriptedCheck([Self.ok]))])
        #expect(results.map(\.attempts) == [1])
        #expect(results.first?.ok == true)
    }

    @Test func retriesAreAttemptsAfterTheFirstFailure() async throws {
        let failing = ScriptedCheck([Self.refused])
        let results = try await run([(spec("a", retries: 2), failing)])
        #expect(results.first?.attempts == 3)
        #expect(failing.counter.value == 3)
        #expect(results.first?.outcome == Self.refused)
    }

    @Test func aProbeThatRecoversWithinItsRetriesPasses() async throws {
        let results = try await run([(spec("a", retries: 3), ScriptedCheck([Self.refused, Self.refused, Self.ok]))])
        #expect(results.first?.ok == true)
        #expect(results.first?.attempts == 3)
    }

    @Test func failuresDuringTheStartPeriodDoNotCount() async throws {
        // 10 ms apart with a 300 ms start period: many uncounted attempts, then 1 + 1 counted.
        let failing = ScriptedCheck([Self.refused])
        let results = try await run([(spec("a", retries: 1, interval: .milliseconds(10), startPeriod: .milliseconds(300)), failing)])
        // Without the start period, retries: 1 would stop after 2 attempts.
        #expect(failing.counter.value > 2)
        #expect(results.first?.elapsed ?? .zero >= .milliseconds(300))
    }

    @Test func waitKeepsRetryingUntilTheDeadline() async throws {
        let failing = ScriptedCheck([Self.refused])
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await run([(spec("a", retries: 0, interval: .milliseconds(50)), failing)], wait: .milliseconds(500))
        let elapsed = clock.now - start
        #expect(results.first?.ok == false)
        // Without --wait, retries: 0 would stop after 1 attempt.
        #expect(failing.counter.value >= 3)
        #expect(elapsed >= .milliseconds(400))
        #expect(elapsed < .milliseconds(500) + Timing.slack)
    }

    @Test func waitEndsAsSoonAsTheProbePasses() async throws {
        let results = try await run([(spec("a", retries: 0), ScriptedCheck([Self.refused, Self.ok]))], wait: .seconds(30))
        #expect(results.first?.ok == true)
        #expect(results.first?.attempts == 2)
        #expect(results.first?.elapsed ?? .seconds(30) < .seconds(5))
    }

    @Test func anAttemptThatIgnoresItsTimeoutIsAbandoned() async throws {
        let stuck = ScriptedCheck([Self.ok], delay: .seconds(3), ignoresCancellation: true)
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await run([(spec("a", retries: 0, timeout: .milliseconds(200)), stuck)])
        // The stuck check takes 3 s; the runner gives up after timeout + grace (700 ms).
        #expect(clock.now - start < .milliseconds(700) + Timing.slack)
        #expect(results.first?.outcome.failure == .timeout)
        #expect(results.first?.outcome.detail == "no answer within 200ms")
    }

    @Test func probesRunConcurrently() async throws {
        let probes = (0..<50).map { (spec("p\($0)", retries: 0), ScriptedCheck([Self.ok], delay: .milliseconds(300))) }
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await run(probes)
        // One after another they would take 15 s.
        #expect(clock.now - start < .milliseconds(300) + Timing.slack)
        #expect(results.map(\.spec.name) == probes.map(\.0.name))
        #expect(results.allSatisfy { $0.ok })
    }

    @Test func jsonHasExactlyTheDocumentedShape() async throws {
        let results = try await run([(spec("api"), ScriptedCheck([Self.ok])), (spec("grpc", retries: 1), ScriptedCheck([Self.refused]))])
        let json = VerifyJSONReporter.render(results)
        let pattern = #"^\{"version":1,"probes":\[\{"name":"api","kind":"tcp","ok":true,"attempts":1,"latency_ms":\d+,"detail":"200 OK"\},\{"name":"grpc","kind":"tcp","ok":false,"attempts":2,"latency_ms":\d+,"detail":"connection refused"\}\],"summary":\{"passed":1,"failed":1\}\}\n$"#
        #expect(json.range(of: pattern, options: .regularExpression) != nil, "\(json)")
    }

    @Test func textLinesSayWhatFailedAndHowOften() async throws {
        let results = try await run([(spec("grpc", retries: 1), ScriptedCheck([.fail(.unhealthy, "NOT_SERVING\n  event one")]))])
        let reporter = VerifyTextReporter(color: false, names: ["grpc"], kinds: ["tcp"])
        let line = reporter.line(for: try #require(results.first))
        #expect(line.hasPrefix("FAIL  grpc  tcp   [unhealthy] NOT_SERVING  (2 attempts, "), "\(line)")
        #expect(line.hasSuffix("\n                    event one"))
        #expect(reporter.summary(results, elapsed: .milliseconds(1240)) == "0 of 1 probes passed, 1 failed in 1.2s")
    }
}

@Suite struct DurationTextTests {
    @Test(arguments: [
        (Duration.milliseconds(12), "12ms"), (.seconds(2), "2s"), (.milliseconds(2400), "2.4s"), (.milliseconds(1250), "1.25s"),
        (.seconds(90), "1m30s"), (.seconds(3600), "1h"), (.milliseconds(61500), "1m1.5s"), (.zero, "0ms"),
    ])
    func formats(duration: Duration, text: String) {
        #expect(DurationText.format(duration) == text)
    }
}
