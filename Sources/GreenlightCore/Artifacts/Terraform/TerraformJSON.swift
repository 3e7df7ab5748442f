/// JSON reading and writing for Terraform values: `jsondecode`, heredoc and
/// file container definitions (each value located through `locate`), and
/// `jsonencode` with Terraform's own escaping.
enum TerraformJSON {
    /// Decodes JSON bytes; `locate` maps a byte offset to where that byte was written.
    /// Returns nil (with the offset of the problem) when the text is not valid JSON.
    static func decode(_ bytes: [UInt8], locate: (Int) -> SourceLocation) -> Result<LocatedValue, JSONDecodeError> {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard let value = reader.value(locate: locate, depth: 0) else {
            return .failure(JSONDecodeError(offset: reader.position, message: reader.error))
        }
        reader.skipSpace()
        guard reader.position >= bytes.count else {
            return .failure(JSONDecodeError(offset: reader.position, message: "unexpected text after the JSON value"))
        }
        return .success(value)
    }

    struct JSONDecodeError: Error {
        var offset: Int
        var message: String
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var error = "invalid JSON"

        init(bytes: [UInt8]) { self.bytes = bytes }

        func peek() -> UInt8 { position < bytes.count ? bytes[position] : 0 }

        mutating func skipSpace() {
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
                position += 1
            }
        }

        mutating func fail(_ message: String) -> LocatedValue? {
            error = message
            return nil
        }

        mutating func value(locate: (Int) -> SourceLocation, depth: Int) -> LocatedValue? {
            guard depth < 256 else { return fail("JSON is nested too deeply") }
            let start = position
            let here = locate(start)
            switch peek() {
            case UInt8(ascii: "{"):
                position += 1
                var members: [StructuredMember] = []
                skipSpace()
                if peek() == UInt8(ascii: "}") { position += 1; return LocatedValue(.object(members), at: here) }
                while true {
                    skipSpace()
                    let keyStart = position
                    guard peek() == UInt8(ascii: "\""), let key = string() else { return fail("expected a string key") }
                    skipSpace()
                    guard peek() == UInt8(ascii: ":") else { return fail("expected : after the key") }
                    position += 1
                    skipSpace()
                    guard let member = value(locate: locate, depth: depth + 1) else { return nil }
                    members.append(StructuredMember(key: key, keyLocation: locate(keyStart), value: member))
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    if peek() == UInt8(ascii: "}") { position += 1; return LocatedValue(.object(members), at: here) }
                    return fail("expected , or } in the object")
                }
            case UInt8(ascii: "["):
                position += 1
                var items: [LocatedValue] = []
                skipSpace()
                if peek() == UInt8(ascii: "]") { position += 1; return LocatedValue(.array(items), at: here) }
                while true {
                    skipSpace()
                    guard let item = value(locate: locate, depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    if peek() == UInt8(ascii: "]") { position += 1; return LocatedValue(.array(items), at: here) }
                    return fail("expected , or ] in the array")
                }
            case UInt8(ascii: "\""):
                guard let text = string() else { return fail("invalid string") }
                return LocatedValue(.string(text), at: here)
            case UInt8(ascii: "t"): return word("true", .bool(true), here)
            case UInt8(ascii: "f"): return word("false", .bool(false), here)
            case UInt8(ascii: "n"): return word("null", .null, here)
            default:
                if peek() == UInt8(ascii: "-") || (peek() >= 0x30 && peek() <= 0x39) {
                    while position < bytes.count, bytes[position] == 0x2D || bytes[position] == 0x2B || bytes[position] == 0x2E
                        || bytes[position] == 0x65 || bytes[position] == 0x45 || (bytes[position] >= 0x30 && bytes[position] <= 0x39) {
                        position += 1
                    }
                    let text = String(decoding: bytes[start..<position], as: UTF8.self)
                    guard Double(text) != nil else { return fail("invalid number") }
                    return LocatedValue(.number(text), at: here)
                }
                return fail("expected a JSON value")
            }
        }

        mutating func word(_ text: StaticString, _ value: StructuredValue, _ here: SourceLocation) -> LocatedValue? {
            let count = text.utf8CodeUnitCount
            let matches = text.withUTF8Buffer { buffer in
                position + count <= bytes.count && (0..<count).allSatisfy { bytes[position + $0] == buffer[$0] }
            }
            guard matches else { return fail("expected a JSON value") }
            position += count
            return LocatedValue(value, at: here)
        }

        /// Reads a string starting at the opening quote.
        mutating func string() -> String? {
            position += 1
            var buffer: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return String(decoding: buffer, as: UTF8.self)
                }
                if byte == 0x0A { return nil }
                if byte != UInt8(ascii: "\\") {
                    buffer.append(byte)
                    position += 1
                    continue
                }
                position += 1
                let escape = peek()
                position += 1
                switch escape {
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    var scalarValue = UInt32(unit)
                    if unit >= 0xD800 && unit < 0xDC00, peek() == UInt8(ascii: "\\") {
                        position += 2
                        guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt16? {
            var value: UInt16 = 0
            for _ in 0..<4 {
                guard let digit = HCLParser.hexValue(peek()) else { return nil }
                value = value << 4 | UInt16(digit)
                position += 1
            }
            return value
        }
    }

    /// Encodes a fully known value the way Terraform's `jsonencode` does (compact,
    /// object keys sorted, `<`, `>` and `&` escaped); nil when any part is not known.
    static func encode(_ value: StructuredValue) -> String? {
        var output: [UInt8] = []
        guard encode(value, into: &output) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    private static func encode(_ value: StructuredValue, into output: inout [UInt8]) -> Bool {
        switch value {
        case .null: output.append(contentsOf: Array("null".utf8))
        case .bool(let flag): output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let text): output.append(contentsOf: Array(TerraformValues.canonicalNumber(text).utf8))
        case .string(let text): encodeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                guard encode(item.value, into: &output) else { return false }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let unique = TerraformValues.uniqueMembers(members).sorted { $0.key < $1.key }
            for (index, member) in unique.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                encodeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                guard encode(member.value.value, into: &output) else { return false }
            }
            output.append(UInt8(ascii: "}"))
        case .reference, .unknown: return false
        }
        return true
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func encodeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
