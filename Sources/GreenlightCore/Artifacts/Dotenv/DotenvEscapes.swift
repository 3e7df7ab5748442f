/// The escapes compose applies inside double-quoted dotenv values: `\a \b \f \n \r \t \v
/// \" \\`, `\$` (a literal dollar, written back as `$$` so interpolation keeps it) and
/// `\0ooo` octal. Any other backslash stays as written.
enum DotenvEscapes {
    static func expand(_ content: [UInt8]) -> [UInt8] {
        guard content.contains(ComposeASCII.backslash) else { return content }
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == ComposeASCII.backslash, index + 1 < content.count else {
                output.append(byte)
                index += 1
                continue
            }
            let next = content[index + 1]
            if let simple = simpleEscape(next) {
                output.append(contentsOf: simple)
                index += 2
            } else if next == UInt8(ascii: "0") {
                index = octal(content, from: index, into: &output)
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func simpleEscape(_ byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "a"): [0x07]
        case UInt8(ascii: "b"): [0x08]
        case UInt8(ascii: "f"): [0x0C]
        case UInt8(ascii: "n"): [0x0A]
        case UInt8(ascii: "r"): [0x0D]
        case UInt8(ascii: "t"): [0x09]
        case UInt8(ascii: "v"): [0x0B]
        case UInt8(ascii: "\""): [0x22]
        case UInt8(ascii: "\\"): [0x5C]
        case UInt8(ascii: "$"): [0x24, 0x24]
        default: nil
        }
    }

    /// `\0` followed by up to three digits: exactly three octal digits make one character,
    /// anything else is kept as written. Returns the index after the consumed text.
    private static func octal(_ content: [UInt8], from start: Int, into output: inout [UInt8]) -> Int {
        var end = start + 2
        while end < content.count, end < start + 5, ComposeASCII.isDigit(content[end]) { end += 1 }
        let digits = content[(start + 2)..<end]
        guard digits.count == 3, digits.allSatisfy({ $0 <= UInt8(ascii: "7") }) else {
            output.append(contentsOf: content[start..<end])
            return end
        }
        let value = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
        guard let scalar = Unicode.Scalar(value) else {
            output.append(contentsOf: content[start..<end])
            return end
        }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
        return end
    }
}
