/// Stable identities for findings, so code-scanning services can follow one
/// finding across commits even when line numbers or counts in its message change.
enum Fingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// FNV-1a, 64-bit, over raw bytes.
    static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// 16 lowercase hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: 16)
        var rest = value
        for index in stride(from: 15, through: 0, by: -1) {
            out[index] = hexDigits[Int(rest & 0x0F)]
            rest >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hash of rule, file, service and message with ASCII digits removed, fields
    /// separated by a unit separator so `("ab", "c")` and `("a", "bc")` differ.
    static func finding(_ finding: Finding) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(finding.message.utf8.count + 64)
        bytes.append(contentsOf: finding.ruleID.utf8)
        bytes.append(0x1F)
        bytes.append(contentsOf: (finding.location?.file ?? "").utf8)
        bytes.append(0x1F)
        bytes.append(contentsOf: (finding.service ?? "").utf8)
        bytes.append(0x1F)
        for byte in finding.message.utf8 where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            bytes.append(byte)
        }
        return hex(fnv1a64(bytes))
    }
}
