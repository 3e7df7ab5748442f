import Foundation

/// The deployments `greenlight metrics` measures: those started at or after `since` and
/// before `until`, of one environment or of all.
public struct MetricsWindow: Sendable, Hashable {
    public var since: Date
    public var until: Date
    /// nil: every environment, with a breakdown per environment.
    public var environment: String?

    public init(since: Date, until: Date, environment: String? = nil) {
        self.since = since
        self.until = until
        self.environment = environment
    }

    /// Whether `date` lies in `since ..< until`.
    public func contains(_ date: Date) -> Bool { date >= since && date < until }

    /// Whether the deployment belongs to the window's environment (any, when nil).
    public func matches(environment name: String) -> Bool { environment.map { $0 == name } ?? true }
}
