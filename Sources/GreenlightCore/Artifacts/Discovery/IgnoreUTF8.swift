/// UTF-8 decoding the way Go decodes it (`utf8.DecodeRune`): an invalid or
/// truncated sequence decodes as U+FFFD with a width of one byte. Ignore-file
/// matchers need this so `?` and `[...]` consume exactly what Docker's matcher
/// consumes.
enum IgnoreUTF8 {
    static let replacement: UInt32 = 0xFFFD

    /// The scalar starting at `index` and how many bytes it spans.
    static func decode<C: RandomAccessCollection>(_ bytes: C, at index: C.Index) -> (scalar: UInt32, width: Int, valid: Bool)
    where C.Element == UInt8, C.Index == Int {
        let first = bytes[index]
        if first < 0x80 { return (UInt32(first), 1, true) }
        let count: Int
        var value: UInt32
        let minimum: UInt32
        switch first {
        case 0xC2...0xDF: count = 2; value = UInt32(first & 0x1F); minimum = 0x80
        case 0xE0...0xEF: count = 3; value = UInt32(first & 0x0F); minimum = 0x800
        case 0xF0...0xF4: count = 4; value = UInt32(first & 0x07); minimum = 0x10000
        default: return (replacement, 1, false)
        }
        guard index + count <= bytes.endIndex else { return (replacement, 1, false) }
        for offset in 1..<count {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1, false) }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
            return (replacement, 1, false)
        }
        return (value, count, true)
    }
}
