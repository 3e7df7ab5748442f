/// Go duration strings (`30s`, `1m30s`, `500ms`, `1h`, `1.5s`), as used by Docker's
/// HEALTHCHECK flags and compose health checks.
public enum DockerDuration {
    /// The duration in seconds, or nil when `text` is not a valid Go duration.
    /// Like Go, a bare `0` is valid and every other number needs a unit
    /// (ns, us, µs, ms, s, m, h).
    public static func seconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == DockerBytes.dash {
            negative = bytes[index] == DockerBytes.dash
            index += 1
        }
        if bytes.count - index == 1, bytes[index] == 0x30 { return 0 }
        guard index < bytes.count else { return nil }
        var total = 0.0
        while index < bytes.count {
            let numberStart = index
            var value = 0.0
            var sawDigits = false
            while index < bytes.count, DockerBytes.isDigit(bytes[index]) {
                value = value * 10 + Double(bytes[index] - 0x30)
                sawDigits = true
                index += 1
            }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                var scale = 0.1
                while index < bytes.count, DockerBytes.isDigit(bytes[index]) {
                    value += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    sawDigits = true
                    index += 1
                }
            }
            guard sawDigits, index > numberStart else { return nil }
            let unitStart = index
            while index < bytes.count, !DockerBytes.isDigit(bytes[index]), bytes[index] != 0x2E { index += 1 }
            guard let multiplier = unitSeconds(bytes[unitStart..<index]) else { return nil }
            total += value * multiplier
        }
        return negative ? -total : total
    }

    private static func unitSeconds(_ unit: ArraySlice<UInt8>) -> Double? {
        let first = unit.first ?? 0
        let second: UInt8 = unit.count > 1 ? unit[unit.startIndex + 1] : 0
        switch unit.count {
        case 1:
            switch first {
            case 0x73: return 1  // s
            case 0x6D: return 60  // m
            case 0x68: return 3600  // h
            default: return nil
            }
        case 2 where second == 0x73:
            switch first {
            case 0x6E: return 1e-9  // ns
            case 0x75: return 1e-6  // us
            case 0x6D: return 1e-3  // ms
            default: return nil
            }
        case 3 where unit.last == 0x73:
            // µs as U+00B5 (C2 B5) or U+03BC (CE BC)
            if (first == 0xC2 && second == 0xB5) || (first == 0xCE && second == 0xBC) { return 1e-6 }
            return nil
        default:
            return nil
        }
    }
}
