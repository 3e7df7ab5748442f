/// An operation that did not finish in time.
struct DeadlineExceeded: Error {
    var limit: Duration
    /// Whether it was connecting (rather than waiting for an answer).
    var connecting: Bool
}

/// Runs work with a time limit, for network calls that might otherwise wait forever
/// on a server that accepts connections but never answers.
enum Deadline {
    private enum Race<Value: Sendable>: Sendable {
        case finished(Value)
        case timedOut
    }

    /// The value of `body`, or `DeadlineExceeded` after `limit`. On timeout, `onTimeout`
    /// runs (to close a connection, so that `body` fails at once) and `body` is cancelled.
    static func run<Value: Sendable>(_ limit: Duration, connecting: Bool, onTimeout: @escaping @Sendable () -> Void = {},
                                     _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Race<Value>.self) { group in
            group.addTask { .finished(try await body()) }
            group.addTask {
                try await Task.sleep(for: limit)
                return .timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw DeadlineExceeded(limit: limit, connecting: connecting) }
            switch first {
            case .finished(let value):
                return value
            case .timedOut:
                onTimeout()
                throw DeadlineExceeded(limit: limit, connecting: connecting)
            }
        }
    }
}
