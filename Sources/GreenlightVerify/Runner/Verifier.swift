import AsyncHTTPClient
import GreenlightCore
import NIOCore
import NIOPosix

/// Why a verify run cannot start: unknown probe names, unset variables, nothing to run.
public struct VerifyPlanError: Error, CustomStringConvertible {
    public var description: String
}

/// Chooses probes and runs them: the library side of `greenlight verify`, also used by
/// deploy runbooks' `verify:` steps.
public enum Verifier {
    /// The probes named in `names` (all when empty), in declaration order. Unknown names
    /// and probes whose `${VAR}`s are unset are errors.
    public static func select(_ configuration: VerifyConfiguration, names: [String]) throws(VerifyPlanError) -> [ProbeSpec] {
        var problems: [String] = []
        let known = configuration.names
        for name in names where !known.contains(name) {
            var message = "unknown probe '\(name)'"
            if let suggestion = Suggestion.closest(to: name, in: known) {
                message += "; did you mean '\(suggestion)'?"
            } else if !known.isEmpty {
                message += " (probes: \(known.joined(separator: ", ")))"
            }
            problems.append(message)
        }
        let wanted = { (name: String) in names.isEmpty || names.contains(name) }
        for unresolved in configuration.unresolved where wanted(unresolved.name) {
            problems.append(unresolved.issue.description)
        }
        guard problems.isEmpty else { throw VerifyPlanError(description: problems.joined(separator: "\n")) }
        let selected = configuration.probes.filter { wanted($0.name) }
        guard !selected.isEmpty else {
            throw VerifyPlanError(description: "no probes to run: declare them under verify: in .greenlight.yml, or use --derive")
        }
        return selected
    }

    /// Runs `specs` concurrently and returns their results in the same order.
    public static func run(_ specs: [ProbeSpec], environment: [String: String], baseDirectory: String,
                           wait: Duration? = nil,
                           onEvent: @escaping @Sendable (ProbeEvent) -> Void = { _ in }) async -> [ProbeResult] {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        configuration.decompression = .enabled(limit: .ratio(20))
        configuration.connectionPool.idleTimeout = .seconds(5)
        // Probes of one host run at once; the default of 8 connections per host would queue them.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 256
        // The runner retries; a refused connection should fail at once, not be retried until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let context = ProbeContext(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, httpClient: client,
                                   environment: environment, baseDirectory: baseDirectory)
        let probes = specs.map { (spec: $0, check: ProbeFactory.check(for: $0)) }
        let results = await ProbeRunner(wait: wait).run(probes, context: context, onEvent: onEvent)
        try? await client.shutdown()
        return results
    }
}
