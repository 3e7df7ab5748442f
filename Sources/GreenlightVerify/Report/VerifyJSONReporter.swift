import GreenlightCore

/// `--format json`: one line,
/// `{"version":1,"probes":[{"name","kind","ok","attempts","latency_ms","detail"}…],"summary":{"passed","failed"}}`.
public enum VerifyJSONReporter {
    public static func render(_ results: [ProbeResult]) -> String {
        JSONSerializer.compact(document(results))
    }

    static func document(_ results: [ProbeResult]) -> JSONValue {
        let probes = results.map { result in
            JSONValue.object([
                JSONMember("name", .string(result.spec.name)),
                JSONMember("kind", .string(result.spec.kind)),
                JSONMember("ok", .bool(result.ok)),
                JSONMember("attempts", .int(result.attempts)),
                JSONMember("latency_ms", .int(DurationText.milliseconds(result.latency))),
                JSONMember("detail", .string(result.outcome.detail)),
            ])
        }
        let passed = results.filter(\.ok).count
        return .object([
            JSONMember("version", .int(1)),
            JSONMember("probes", .array(probes)),
            JSONMember("summary", .object([
                JSONMember("passed", .int(passed)),
                JSONMember("failed", .int(results.count - passed)),
            ])),
        ])
    }
}
