import GreenlightCore

/// Plain lines: one per probe as it finishes, then a summary. Used when output is not a
/// terminal (CI logs) and for the permanent lines of the live view.
public struct VerifyTextReporter: Sendable {
    public var style: ANSIStyle
    /// Column widths so names and kinds line up.
    public var nameWidth: Int
    public var kindWidth: Int

    public init(color: Bool, names: [String], kinds: [String]) {
        style = ANSIStyle(enabled: color)
        nameWidth = min(max(names.map(\.count).max() ?? 0, 4), 32)
        kindWidth = max(kinds.map(\.count).max() ?? 0, 4)
    }

    /// `PASS  api-health  http  200 OK  (12 ms)`; a failure names its kind of problem
    /// and its attempts, and further lines of the detail are indented below.
    public func line(for result: ProbeResult) -> String {
        let lines = result.outcome.detail.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.first.map(String.init) ?? ""
        let head = "\(pad(result.spec.name, nameWidth))  \(pad(result.spec.kind, kindWidth))  "
        var text: String
        if result.ok {
            text = style.green("PASS") + "  " + head + first + style.dim("  (\(Self.milliseconds(result.latency))\(attemptsNote(result)))")
        } else {
            let failure = result.outcome.failure.map { "[\($0.rawValue)] " } ?? ""
            let attempts = "\(result.attempts) attempt\(result.attempts == 1 ? "" : "s"), \(DurationText.format(Self.tenths(result.elapsed)))"
            text = style.strong(.error, "FAIL") + "  " + head + style.severity(.error, failure) + first + style.dim("  (\(attempts))")
        }
        let indent = String(repeating: " ", count: 6 + nameWidth + 2 + kindWidth + 2)
        for extra in lines.dropFirst() where !extra.isEmpty {
            text += "\n" + indent + extra
        }
        return text
    }

    /// `… api-grpc  grpc  attempt 2 failed: connection refused; retrying in 1s`
    public func retryLine(name: String, kind: String, attempt: Int, outcome: ProbeOutcome, retryIn: Duration) -> String {
        let first = outcome.detail.split(separator: "\n").first.map(String.init) ?? ""
        return style.dim("....") + "  \(pad(name, nameWidth))  \(pad(kind, kindWidth))  "
            + style.dim("attempt \(attempt) failed: \(first); retrying in \(DurationText.format(retryIn))")
    }

    /// `3 of 4 probes passed, 1 failed in 2.4s` (worded so no CI log parser takes it for a test count).
    public func summary(_ results: [ProbeResult], elapsed: Duration) -> String {
        let passed = results.filter(\.ok).count
        let failed = results.count - passed
        let time = DurationText.format(Self.tenths(elapsed))
        if failed == 0 {
            return style.green("All \(results.count) probe\(results.count == 1 ? "" : "s") passed") + " in \(time)"
        }
        return style.strong(.error, "\(passed) of \(results.count) probes passed, \(failed) failed") + " in \(time)"
    }

    func attemptsNote(_ result: ProbeResult) -> String {
        result.attempts > 1 ? ", after \(result.attempts) attempts" : ""
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func milliseconds(_ duration: Duration) -> String {
        "\(DurationText.milliseconds(duration)) ms"
    }

    /// Rounded to tenths of a second, for human-readable totals.
    static func tenths(_ duration: Duration) -> Duration {
        .milliseconds((DurationText.milliseconds(duration) + 50) / 100 * 100)
    }
}
