import Foundation
import GreenlightCore

/// The final result of one probe after all its attempts.
public struct ProbeResult: Sendable {
    public var spec: ProbeSpec
    /// The outcome of the last attempt.
    public var outcome: ProbeOutcome
    public var attempts: Int
    /// How long the last attempt took.
    public var latency: Duration
    /// From the start of the run until this probe finished.
    public var elapsed: Duration

    public var ok: Bool { outcome.ok }
}

/// What the runner reports while it works, for live progress.
public enum ProbeEvent: Sendable {
    /// Attempt `attempt` of probe `index` started.
    case attempting(index: Int, attempt: Int)
    /// An attempt failed and another follows after `retryIn`.
    case retrying(index: Int, attempt: Int, outcome: ProbeOutcome, retryIn: Duration)
    /// The probe is finished.
    case finished(index: Int, result: ProbeResult)
}

/// Runs probes concurrently, each with its own attempts, start period and timeout, so
/// the whole run takes about as long as its slowest probe.
///
/// Per probe: an attempt that fails during `start-period` (counted from the start of
/// the run) is retried without counting; after it, up to `retries` more attempts are
/// made, `interval` apart. With `wait`, failed probes keep being retried until they
/// pass or `wait` has passed since the start of the run, whichever is later than
/// their retries.
public struct ProbeRunner: Sendable {
    /// `--wait`: keep retrying failures until this long after the start.
    public var wait: Duration?
    /// How much longer than `timeout` an attempt may take before the runner abandons it
    /// (probes bound their own waits; this catches one that does not).
    public var grace: Duration = .milliseconds(500)

    public init(wait: Duration? = nil) {
        self.wait = wait
    }

    public func run(_ probes: [(spec: ProbeSpec, check: any ProbeCheck)], context: ProbeContext,
                    onEvent: @escaping @Sendable (ProbeEvent) -> Void = { _ in }) async -> [ProbeResult] {
        let clock = ContinuousClock()
        let start = clock.now
        return await withTaskExecutorPreference(ProbeExecutor.shared) {
            await withTaskGroup(of: (Int, ProbeResult).self) { group in
            for (index, probe) in probes.enumerated() {
                group.addTask {
                    let result = await runOne(index: index, spec: probe.spec, check: probe.check, context: context,
                                              clock: clock, start: start, onEvent: onEvent)
                    onEvent(.finished(index: index, result: result))
                    return (index, result)
                }
            }
            var results: [ProbeResult?] = Array(repeating: nil, count: probes.count)
            for await (index, result) in group {
                results[index] = result
            }
            return results.compactMap { $0 }
            }
        }
    }

    private func runOne(index: Int, spec: ProbeSpec, check: any ProbeCheck, context: ProbeContext,
                        clock: ContinuousClock, start: ContinuousClock.Instant,
                        onEvent: @Sendable (ProbeEvent) -> Void) async -> ProbeResult {
        let settings = spec.settings
        let waitUntil = wait.map { start + $0 }
        var attempt = 0
        var counted = 0
        while true {
            attempt += 1
            onEvent(.attempting(index: index, attempt: attempt))
            let attemptStart = clock.now
            let outcome = await Self.bounded(check, timeout: settings.timeout, grace: grace, context: context)
            let now = clock.now
            let latency = now - attemptStart
            if outcome.ok || Task.isCancelled {
                return ProbeResult(spec: spec, outcome: outcome, attempts: attempt, latency: latency, elapsed: now - start)
            }
            let inStartPeriod = now - start < settings.startPeriod
            if !inStartPeriod { counted += 1 }
            let retriesLeft = inStartPeriod || counted <= settings.retries
            let waitLeft = waitUntil.map { now + settings.interval < $0 } ?? false
            guard retriesLeft || waitLeft else {
                return ProbeResult(spec: spec, outcome: outcome, attempts: attempt, latency: latency, elapsed: now - start)
            }
            onEvent(.retrying(index: index, attempt: attempt, outcome: outcome, retryIn: settings.interval))
            do {
                try await ProbeExecutor.sleep(for: settings.interval)
            } catch {
                return ProbeResult(spec: spec, outcome: outcome, attempts: attempt, latency: latency, elapsed: clock.now - start)
            }
        }
    }

    /// One attempt that returns by `timeout + grace` even if the check ignores cancellation.
    static func bounded(_ check: any ProbeCheck, timeout: Duration, grace: Duration, context: ProbeContext) async -> ProbeOutcome {
        let gate = ResumeOnce()
        return await withCheckedContinuation { (continuation: CheckedContinuation<ProbeOutcome, Never>) in
            gate.set(continuation)
            let watchdog = Task(executorPreference: ProbeExecutor.shared) {
                try? await ProbeExecutor.sleep(for: timeout + grace)
                return gate.resume(with: .fail(.timeout, "no answer within \(DurationText.format(timeout))"))
            }
            let work = Task(executorPreference: ProbeExecutor.shared) {
                let outcome = await check.attempt(timeout: timeout, context: context)
                if gate.resume(with: outcome) { watchdog.cancel() }
            }
            Task(executorPreference: ProbeExecutor.shared) {
                if await watchdog.value { work.cancel() }
            }
        }
    }
}

/// Resumes a continuation exactly once, from whichever side finishes first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<ProbeOutcome, Never>?
    private var done = false

    func set(_ continuation: CheckedContinuation<ProbeOutcome, Never>) {
        lock.lock()
        self.continuation = continuation
        lock.unlock()
    }

    /// True when this call resumed the continuation.
    @discardableResult
    func resume(with outcome: ProbeOutcome) -> Bool {
        lock.lock()
        guard !done, let continuation else {
            lock.unlock()
            return false
        }
        done = true
        self.continuation = nil
        lock.unlock()
        continuation.resume(returning: outcome)
        return true
    }
}
