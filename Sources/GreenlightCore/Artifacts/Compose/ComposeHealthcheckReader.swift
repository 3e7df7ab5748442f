import Yams

/// Go `time.ParseDuration` syntax (`1h30m`, `1.5s`, `300ms`, `0`), as compose uses for
/// health check timings.
enum ComposeDuration {
    /// The duration in seconds, or nil when `text` is not a Go duration.
    static func seconds(_ text: String) -> Double? {
        var bytes = Array(text.utf8)[...]
        var sign = 1.0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            bytes = bytes.dropFirst()
        }
        if bytes.count == 1, bytes.first == UInt8(ascii: "0") { return 0 }
        guard !bytes.isEmpty else { return nil }
        var total = 0.0
        while !bytes.isEmpty {
            let numberEnd = bytes.firstIndex { !ComposeASCII.isDigit($0) && $0 != UInt8(ascii: ".") } ?? bytes.endIndex
            let number = bytes[bytes.startIndex..<numberEnd]
            guard !number.isEmpty, number.contains(where: ComposeASCII.isDigit),
                  number.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
                  let value = Double(String(decoding: number, as: UTF8.self) + (number.last == UInt8(ascii: ".") ? "0" : ""))
            else { return nil }
            let unitEnd = bytes[numberEnd...].firstIndex { ComposeASCII.isDigit($0) || $0 == UInt8(ascii: ".") }
                ?? bytes.endIndex
            guard let scale = unitScale(String(decoding: bytes[numberEnd..<unitEnd], as: UTF8.self)) else { return nil }
            total += value * scale
            bytes = bytes[unitEnd...]
        }
        return sign * total
    }

    private static func unitScale(_ unit: String) -> Double? {
        switch unit {
        case "ns": 1e-9
        case "us", "\u{00B5}s", "\u{03BC}s": 1e-6
        case "ms": 1e-3
        case "s": 1
        case "m": 60
        case "h": 3600
        default: nil
        }
    }
}

extension ComposeNodeReader {
    mutating func healthcheck(_ node: Node, _ what: String) -> ComposeHealthcheck? {
        guard let items = mapping(node, what) else { return nil }
        var check = ComposeHealthcheck(location: location(node))
        for item in items {
            let field = "'\(item.key)' in \(what)"
            switch item.key {
            case "test": check.test = healthcheckTest(item.value, field)
            case "disable": check.disable = bool(item.value, field) ?? false
            case "interval": check.interval = duration(item.value, field)
            case "timeout": check.timeout = duration(item.value, field)
            case "start_period": check.startPeriod = duration(item.value, field)
            case "start_interval": check.startInterval = duration(item.value, field)
            case "retries": check.retries = int(item.value, field)
            default: break
            }
        }
        return check
    }

    private mutating func duration(_ node: Node, _ what: String) -> Located<Double>? {
        guard let text = string(node, what) else { return nil }
        guard let seconds = ComposeDuration.seconds(text.value) else {
            issue("\(what) must be a duration such as 30s or 1m30s, found '\(text.value)'", at: node)
            return nil
        }
        return Located(seconds, at: text.location)
    }

    /// `["CMD", ...]`, `["CMD-SHELL", "..."]`, `["NONE"]`, or a plain string (CMD-SHELL).
    private mutating func healthcheckTest(_ node: Node, _ what: String) -> Located<ComposeHealthcheckTest>? {
        switch node {
        case .scalar:
            return string(node, what).map { Located(.shell($0.value), at: $0.location) }
        case .sequence(let sequence):
            let words = sequence.compactMap { string($0, "an item of \(what)")?.value }
            guard let kind = words.first else {
                issue("\(what) must not be an empty list", at: node)
                return nil
            }
            let rest = Array(words.dropFirst())
            switch kind {
            case "CMD": return Located(.exec(rest), at: location(node))
            case "CMD-SHELL": return Located(.shell(rest.joined(separator: " ")), at: location(node))
            case "NONE": return Located(.none, at: location(node))
            default:
                issue("\(what) must start with \"CMD\", \"CMD-SHELL\" or \"NONE\", found \"\(kind)\"", at: node)
                return nil
            }
        default:
            wrongShape(what, expected: "a string or a list", node)
            return nil
        }
    }
}
