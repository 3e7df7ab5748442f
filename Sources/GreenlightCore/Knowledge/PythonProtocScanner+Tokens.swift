/// The tokenizer behind `PythonProtocScanner`: names, string literals (with prefixes,
/// triple quotes and escapes), brackets, commas and single-byte punctuation. Comments and
/// whitespace are skipped. Unterminated strings run to the end of the text.
extension PythonProtocScanner {
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var stack: [Int] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let group = stack.last ?? -1
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                let (token, next) = string(bytes, at: index, prefix: "", group: group)
                tokens.append(token)
                index = next
            } else if isNameByte(byte) && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                var end = index
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                let name = String(decoding: bytes[index..<end], as: UTF8.self)
                if end < bytes.count, bytes[end] == UInt8(ascii: "'") || bytes[end] == UInt8(ascii: "\""),
                   ["r", "b", "u", "f", "rb", "br", "fr", "rf"].contains(name.lowercased()) {
                    let (token, next) = string(bytes, at: end, prefix: name.lowercased(), group: group)
                    tokens.append(token)
                    index = next
                } else {
                    tokens.append(Token(kind: .name, text: name, group: group))
                    index = end
                }
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                tokens.append(Token(kind: .open, text: String(UnicodeScalar(byte)), group: group))
                stack.append(tokens.count - 1)
                index += 1
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                let opener = stack.popLast()
                tokens.append(Token(kind: .close, text: String(UnicodeScalar(byte)), group: opener.map { tokens[$0].group } ?? -1))
                if let opener { tokens[opener].close = tokens.count - 1 }
                index += 1
            } else if byte == UInt8(ascii: ",") {
                tokens.append(Token(kind: .comma, text: ",", group: group))
                index += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                var end = index
                while end < bytes.count, isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                tokens.append(Token(kind: .other, text: String(decoding: bytes[index..<end], as: UTF8.self), group: group))
                index = end
            } else {
                tokens.append(Token(kind: .other, text: String(decoding: [byte], as: UTF8.self), group: group))
                index += 1
            }
        }
        return tokens
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// Reads the literal whose opening quote is at `start`; returns it and the index after it.
    private static func string(_ bytes: [UInt8], at start: Int, prefix: String, group: Int) -> (Token, Int) {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        let raw = prefix.contains("r")
        var index = start + (triple ? 3 : 1)
        var value: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), !raw, index + 1 < bytes.count {
                let next = bytes[index + 1]
                switch next {
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "\n"): break
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): value.append(next)
                default: value.append(contentsOf: [byte, next])
                }
                index += 2
                continue
            }
            if byte == quote {
                if !triple {
                    index += 1
                    break
                }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                    index += 3
                    break
                }
            }
            if byte == UInt8(ascii: "\n"), !triple { break }
            value.append(byte)
            index += 1
        }
        let text = String(decoding: value, as: UTF8.self)
        let interpolated = prefix.contains("f") && text.contains("{")
        return (Token(kind: .string, text: text, interpolated: interpolated, group: group), index)
    }
}
