/// Writes a `JSONValue` as pretty-printed JSON (2-space indent, `"key": value`,
/// `[]`/`{}` for empty containers, trailing newline). Works on UTF-8 bytes;
/// non-ASCII text stays UTF-8, control characters are escaped.
public enum JSONSerializer {
    /// The document as text, ending with a newline.
    public static func pretty(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, indent: 0, into: &out)
        out.append(newline)
        return String(decoding: out, as: UTF8.self)
    }

    /// The document on one line without spaces (`{"a":1}`), ending with a newline.
    public static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, indent: nil, into: &out)
        out.append(newline)
        return String(decoding: out, as: UTF8.self)
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func write(_ value: JSONValue, indent: Int?, into out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .number(let number):
            out.append(contentsOf: numberText(number).utf8)
        case .string(let text):
            appendString(text, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                breakLine(indent.map { $0 + 1 }, into: &out)
                write(item, indent: indent.map { $0 + 1 }, into: &out)
            }
            breakLine(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                breakLine(indent.map { $0 + 1 }, into: &out)
                appendString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(space) }
                write(member.value, indent: indent.map { $0 + 1 }, into: &out)
            }
            breakLine(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `3` for 3.0, `0.9333333333333333` for 14/15, `null` for infinities and NaN
    /// (which JSON cannot hold).
    static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
        return String(number)
    }

    /// A newline and indentation in the pretty form; nothing in the compact form.
    private static func breakLine(_ level: Int?, into out: inout [UInt8]) {
        guard let level else { return }
        out.append(newline)
        out.append(contentsOf: repeatElement(space, count: level * 2))
    }

    /// Appends `text` as a quoted JSON string: `"` and `\` escaped, control
    /// characters as `\n`-style or `\u00XX` escapes, everything else verbatim UTF-8.
    static func appendString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
