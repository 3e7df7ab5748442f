/// Escaping for XML 1.0 output (JUnit). Characters XML 1.0 cannot carry at all
/// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are
/// removed, because no escape makes them legal.
enum XMLEscaping {
    /// For attribute values in double quotes. Whitespace controls become character
    /// references so attribute-value normalisation keeps them.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    /// For character data between tags.
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8.
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF,
               bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x0A: inAttribute ? out.append(contentsOf: "&#10;".utf8) : out.append(byte)
            case 0x09: inAttribute ? out.append(contentsOf: "&#9;".utf8) : out.append(byte)
            case 0x00..<0x20: break
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
