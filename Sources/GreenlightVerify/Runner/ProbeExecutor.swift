import Dispatch
import Foundation
import GreenlightCore

/// The executor probes run on: threads of their own rather than Swift's cooperative
/// pool, so a probe's reply is handled when it arrives even while CPU-bound work
/// elsewhere in the process (a deploy's checks, a test runner) occupies the pool.
/// Without it, a reply that arrived in time could be read only after its deadline and
/// be reported as a timeout.
public final class ProbeExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = ProbeExecutor()

    fileprivate let queue = DispatchQueue(label: "greenlight.probes", attributes: .concurrent)

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

extension ProbeCheck {
    /// One attempt on the probe executor, as the runner makes it.
    public func attemptOnProbeExecutor(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        await withTaskExecutorPreference(ProbeExecutor.shared) {
            await attempt(timeout: timeout, context: context)
        }
    }
}

extension ProbeExecutor {
    /// Sleeps on a timer of the probe executor's own, so retries and watchdogs wake on time
    /// even while Swift's shared pool is busy. Throws `CancellationError` when cancelled.
    public static func sleep(for duration: Duration) async throws {
        let gate = SleepGate()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                gate.set(continuation)
                let nanoseconds = max(0, DurationText.milliseconds(duration)) * 1_000_000
                shared.queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { gate.finish(nil) }
            }
        } onCancel: {
            gate.finish(CancellationError())
        }
    }
}

/// Resumes a sleeping continuation once: when the timer fires or on cancellation.
private final class SleepGate: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, any Error>?
    private var finished: (any Error)??

    func set(_ continuation: CheckedContinuation<Void, any Error>) {
        lock.lock()
        if let finished {
            lock.unlock()
            if let error = finished { continuation.resume(throwing: error) } else { continuation.resume() }
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func finish(_ error: (any Error)?) {
        lock.lock()
        guard finished == nil else {
            lock.unlock()
            return
        }
        finished = .some(error)
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        if let error { continuation?.resume(throwing: error) } else { continuation?.resume() }
    }
}
