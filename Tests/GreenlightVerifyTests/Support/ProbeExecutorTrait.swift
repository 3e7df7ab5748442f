import GreenlightVerify
import Testing

/// Runs a test on the probe executor, as `greenlight verify` runs its probes, so its
/// timing assertions measure the probe and not the test runner's busy cooperative
/// pool (the core suites' CPU-bound tests run in the same process).
struct ProbeExecutorTrait: TestTrait, SuiteTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await withTaskExecutorPreference(ProbeExecutor.shared) {
            try await function()
        }
    }
}

extension Trait where Self == ProbeExecutorTrait {
    /// See `ProbeExecutorTrait`.
    static var onProbeExecutor: Self { ProbeExecutorTrait() }
}
