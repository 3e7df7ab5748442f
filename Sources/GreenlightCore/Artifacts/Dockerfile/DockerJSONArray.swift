/// Decodes the exec form (`["python", "-m", "app"]`) with the rules of Go's
/// `encoding/json`, which Docker uses: strict JSON, escapes such as `\"` and
/// `\u00e9`, no raw control characters, nothing after the closing bracket.
enum DockerJSONArray {
    enum Result: Equatable {
        /// A JSON array of strings: the exec form.
        case strings([String])
        /// Valid JSON, but not every element is a string (Docker rejects the instruction).
        case notStrings
        /// Not valid JSON (Docker falls back to the shell form); the reason is for messages.
        case invalid(String)
    }

    private static let maximumDepth = 64

    static func decode(_ text: ArraySlice<UInt8>) -> Result {
        var reader = Reader(bytes: text, position: text.startIndex)
        return reader.readArray()
    }

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var position: Int

        private var atEnd: Bool { position >= bytes.endIndex }

        mutating func skipWhitespace() {
            while position < bytes.endIndex {
                let byte = bytes[position]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                position += 1
            }
        }

        mutating func readArray() -> Result {
            skipWhitespace()
            guard !atEnd, bytes[position] == DockerBytes.openBracket else { return .invalid("it does not start with [") }
            position += 1
            var strings: [String] = []
            var allStrings = true
            skipWhitespace()
            if !atEnd, bytes[position] == DockerBytes.closeBracket {
                position += 1
                return finish(strings, allStrings: true)
            }
            while true {
                skipWhitespace()
                guard !atEnd else { return .invalid("missing closing ]") }
                if bytes[position] == DockerBytes.doubleQuote {
                    switch readString() {
                    case .success(let string): strings.append(string)
                    case .failure(let problem): return .invalid(problem.reason)
                    }
                } else {
                    if let problem = skipValue(depth: 1) { return .invalid(problem) }
                    allStrings = false
                }
                skipWhitespace()
                guard !atEnd else { return .invalid("missing closing ]") }
                let byte = bytes[position]
                position += 1
                if byte == DockerBytes.closeBracket { return finish(strings, allStrings: allStrings) }
                if byte != DockerBytes.comma { return .invalid("expected , or ] between elements") }
            }
        }

        private mutating func finish(_ strings: [String], allStrings: Bool) -> Result {
            skipWhitespace()
            guard atEnd else { return .invalid("unexpected text after the closing ]") }
            return allStrings ? .strings(strings) : .notStrings
        }

        struct Problem: Error {
            var reason: String
        }

        mutating func readString() -> Swift.Result<String, Problem> {
            position += 1
            // Fast path: no escapes, so the string is the bytes up to the closing quote.
            var end = position
            while end < bytes.endIndex, bytes[end] != DockerBytes.doubleQuote, bytes[end] != DockerBytes.backslash, bytes[end] >= 0x20 {
                end += 1
            }
            if end < bytes.endIndex, bytes[end] == DockerBytes.doubleQuote {
                let string = DockerBytes.string(bytes[position..<end])
                position = end + 1
                return .success(string)
            }
            var output: [UInt8] = []
            while position < bytes.endIndex {
                let byte = bytes[position]
                if byte == DockerBytes.doubleQuote {
                    position += 1
                    return .success(DockerBytes.string(output))
                }
                if byte < 0x20 { return .failure(Problem(reason: "control character inside a string")) }
                if byte != DockerBytes.backslash {
                    output.append(byte)
                    position += 1
                    continue
                }
                position += 1
                guard position < bytes.endIndex else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case DockerBytes.doubleQuote, DockerBytes.backslash, DockerBytes.slash: output.append(escaped)
                case 0x62: output.append(0x08)  // b
                case 0x66: output.append(0x0C)  // f
                case 0x6E: output.append(0x0A)  // n
                case 0x72: output.append(0x0D)  // r
                case 0x74: output.append(0x09)  // t
                case 0x75:  // u
                    guard let scalar = readUnicodeEscape() else {
                        return .failure(Problem(reason: "invalid \\u escape"))
                    }
                    UTF8.encode(scalar) { output.append($0) }
                default:
                    return .failure(Problem(reason: "invalid escape character in a string"))
                }
            }
            return .failure(Problem(reason: "unterminated string"))
        }

        /// Reads the 4 hex digits after `\u` (and a following low surrogate if needed).
        private mutating func readUnicodeEscape() -> Unicode.Scalar? {
            guard let unit = readHex4() else { return nil }
            if unit >= 0xD800 && unit < 0xDC00 {
                let save = position
                if position + 1 < bytes.endIndex, bytes[position] == DockerBytes.backslash, bytes[position + 1] == 0x75 {
                    position += 2
                    if let low = readHex4(), low >= 0xDC00 && low < 0xE000 {
                        let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        return Unicode.Scalar(combined) ?? Unicode.Scalar(0xFFFD)
                    }
                }
                position = save
                return Unicode.Scalar(0xFFFD)
            }
            return Unicode.Scalar(unit) ?? Unicode.Scalar(0xFFFD)
        }

        private mutating func readHex4() -> UInt32? {
            guard position + 4 <= bytes.endIndex else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value * 16 + digit
                position += 1
            }
            return value
        }

        /// Skips one non-string JSON value; returns a reason when it is not valid JSON.
        mutating func skipValue(depth: Int) -> String? {
            guard depth < maximumDepth else { return "nesting too deep" }
            skipWhitespace()
            guard !atEnd else { return "missing value" }
            let byte = bytes[position]
            switch byte {
            case DockerBytes.doubleQuote:
                if case .failure(let problem) = readString() { return problem.reason }
                return nil
            case DockerBytes.openBracket, DockerBytes.openBrace:
                return skipContainer(object: byte == DockerBytes.openBrace, depth: depth)
            case 0x74: return skipLiteral("true")
            case 0x66: return skipLiteral("false")
            case 0x6E: return skipLiteral("null")
            case DockerBytes.dash, 0x30...0x39: return skipNumber()
            default: return "unexpected character in an element"
            }
        }

        private mutating func skipContainer(object: Bool, depth: Int) -> String? {
            let close = object ? DockerBytes.closeBrace : DockerBytes.closeBracket
            position += 1
            skipWhitespace()
            if !atEnd, bytes[position] == close {
                position += 1
                return nil
            }
            while true {
                if object {
                    skipWhitespace()
                    guard !atEnd, bytes[position] == DockerBytes.doubleQuote else { return "expected an object key" }
                    if case .failure(let problem) = readString() { return problem.reason }
                    skipWhitespace()
                    guard !atEnd, bytes[position] == DockerBytes.colon else { return "expected :" }
                    position += 1
                }
                if let problem = skipValue(depth: depth + 1) { return problem }
                skipWhitespace()
                guard !atEnd else { return "missing closing bracket" }
                let byte = bytes[position]
                position += 1
                if byte == close { return nil }
                if byte != DockerBytes.comma { return "expected , between elements" }
            }
        }

        private mutating func skipLiteral(_ literal: String) -> String? {
            for expected in literal.utf8 {
                guard !atEnd, bytes[position] == expected else { return "invalid literal" }
                position += 1
            }
            return nil
        }

        private mutating func skipNumber() -> String? {
            if bytes[position] == DockerBytes.dash { position += 1 }
            guard !atEnd, DockerBytes.isDigit(bytes[position]) else { return "invalid number" }
            if bytes[position] == 0x30 {
                position += 1
            } else {
                while !atEnd, DockerBytes.isDigit(bytes[position]) { position += 1 }
            }
            if !atEnd, bytes[position] == 0x2E {
                position += 1
                guard !atEnd, DockerBytes.isDigit(bytes[position]) else { return "invalid number" }
                while !atEnd, DockerBytes.isDigit(bytes[position]) { position += 1 }
            }
            if !atEnd, bytes[position] == 0x65 || bytes[position] == 0x45 {
                position += 1
                if !atEnd, bytes[position] == 0x2B || bytes[position] == DockerBytes.dash { position += 1 }
                guard !atEnd, DockerBytes.isDigit(bytes[position]) else { return "invalid number" }
                while !atEnd, DockerBytes.isDigit(bytes[position]) { position += 1 }
            }
            return nil
        }
    }
}
