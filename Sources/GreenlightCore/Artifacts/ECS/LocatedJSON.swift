/// Reads JSON (RFC 8259) into a `LocatedValue` that remembers the line and column of
/// every value and key, so findings about a task definition point at the exact
/// `"containerPort": 8000` that is wrong.
///
/// Mistakes people make in hand-edited JSON and that tools often accept — comments,
/// trailing commas, a missing comma, control characters or bad escapes in strings,
/// numbers like `+1` or `01` — become located issues and reading goes on. Anything
/// that leaves the structure unclear (an unterminated string, a stray `}`, nesting
/// deeper than `maximumDepth`) stops the reader: it then returns no value, only the
/// issue, because a half-read task definition would make rules report variables and
/// ports as missing when they are merely unread.
public enum LocatedJSON {
    /// Nesting deeper than this is rejected instead of risking the stack.
    public static let maximumDepth = 512

    /// Parses a whole JSON file. An empty (or whitespace-only) file yields no value and no issue.
    public static func parse(_ source: SourceText) -> (value: LocatedValue?, issues: [ParseIssue]) {
        var parser = LocatedJSONParser(text: source, base: nil)
        return parser.parseDocument()
    }

    /// Parses JSON embedded in another file (a Terraform `<<EOF` heredoc, a JSON string
    /// in a YAML file): `bytes` start at `base`, and every location is reported in
    /// `base.file`, shifted so that it names the line and column of the enclosing file.
    public static func parse(_ bytes: [UInt8], embeddedAt base: SourceLocation) -> (value: LocatedValue?, issues: [ParseIssue]) {
        var parser = LocatedJSONParser(text: SourceText(path: base.file, bytes: bytes), base: base)
        return parser.parseDocument()
    }
}

/// Raised inside the parser when the structure can no longer be followed.
struct LocatedJSONStop: Error {}

/// The recursive-descent reader behind `LocatedJSON`; one per parse.
struct LocatedJSONParser {
    let bytes: [UInt8]
    var position = 0
    var locator: LocatedJSONLocator
    var issues: [ParseIssue] = []
    var depth = 0

    init(text: SourceText, base: SourceLocation?) {
        bytes = text.bytes
        locator = LocatedJSONLocator(text: text, base: base)
    }

    mutating func parseDocument() -> (value: LocatedValue?, issues: [ParseIssue]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        do {
            try skipTrivia()
            guard position < bytes.count else { return (nil, issues) }
            let value = try parseValue()
            try skipTrivia()
            if position < bytes.count {
                issue("unexpected \(describe(position)) after the JSON value", at: position)
                return (nil, issues)
            }
            return (value, issues)
        } catch {
            return (nil, issues)
        }
    }

    // MARK: Issues and locations

    mutating func issue(_ message: String, at offset: Int) {
        issues.append(ParseIssue("invalid JSON: \(message)", at: locator.location(ofOffset: offset)))
    }

    mutating func stop(_ message: String, at offset: Int) -> LocatedJSONStop {
        issue(message, at: offset)
        return LocatedJSONStop()
    }

    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    // MARK: Whitespace and comments

    /// Skips whitespace; comments are reported (JSON has none) and skipped.
    mutating func skipTrivia() throws(LocatedJSONStop) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D:
                position += 1
            case UInt8(ascii: "/") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "/"):
                issue("comments are not allowed in JSON", at: position)
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            case UInt8(ascii: "/") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "*"):
                let start = position
                issue("comments are not allowed in JSON", at: start)
                position += 2
                while position + 1 < bytes.count, !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) {
                    position += 1
                }
                guard position + 1 < bytes.count else { throw stop("unterminated comment", at: start) }
                position += 2
            default:
                return
            }
        }
    }

    // MARK: Values

    mutating func parseValue() throws(LocatedJSONStop) -> LocatedValue {
        guard position < bytes.count else { throw stop("expected a value but found end of file", at: position) }
        let start = position
        switch bytes[start] {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            let text = try parseString()
            return LocatedValue(.string(text), at: locator.location(ofOffset: start))
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return parseNumber()
        default:
            return try parseWord()
        }
    }

    mutating func parseWord() throws(LocatedJSONStop) -> LocatedValue {
        let start = position
        while position < bytes.count, Self.isWordByte(bytes[position]) { position += 1 }
        guard position > start else { throw stop("expected a value but found \(describe(start))", at: start) }
        let word = bytes[start..<position]
        if word.elementsEqual(Self.trueBytes) { return LocatedValue(.bool(true), at: locator.location(ofOffset: start)) }
        if word.elementsEqual(Self.falseBytes) { return LocatedValue(.bool(false), at: locator.location(ofOffset: start)) }
        if word.elementsEqual(Self.nullBytes) { return LocatedValue(.null, at: locator.location(ofOffset: start)) }
        let text = String(decoding: word, as: UTF8.self)
        throw stop("unexpected word '\(text)' (expected a value: a string, number, true, false, null, object or array)", at: start)
    }

    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static let nullBytes: [UInt8] = Array("null".utf8)

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }

    /// Reads a number, keeping its text; forms JSON does not allow are reported but kept.
    mutating func parseNumber() -> LocatedValue {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            let isNumberByte = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            guard isNumberByte else { break }
            position += 1
        }
        let slice = bytes[start..<position]
        if !LocatedJSONNumberGrammar.isValid(slice) {
            issue("invalid number '\(String(decoding: slice, as: UTF8.self))'", at: start)
        }
        return LocatedValue(.number(String(decoding: slice, as: UTF8.self)), at: locator.location(ofOffset: start))
    }

    mutating func enter(at offset: Int) throws(LocatedJSONStop) {
        depth += 1
        if depth > LocatedJSON.maximumDepth {
            throw stop("nesting deeper than \(LocatedJSON.maximumDepth) levels", at: offset)
        }
    }

    mutating func parseArray() throws(LocatedJSONStop) -> LocatedValue {
        let start = position
        let location = locator.location(ofOffset: start)
        try enter(at: start)
        defer { depth -= 1 }
        position += 1
        var items: [LocatedValue] = []
        var lastComma: Int?
        while true {
            try skipTrivia()
            guard position < bytes.count else { throw stop("unterminated array (no closing ']')", at: start) }
            if bytes[position] == UInt8(ascii: "]") {
                if let lastComma { issue("trailing comma before ']'", at: lastComma) }
                position += 1
                return LocatedValue(.array(items), at: location)
            }
            if !items.isEmpty, lastComma == nil {
                guard Self.startsValue(bytes[position]) else {
                    throw stop("expected ',' or ']' but found \(describe(position))", at: position)
                }
                issue("missing ',' between array items", at: position)
            }
            items.append(try parseValue())
            lastComma = nil
            try skipTrivia()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                lastComma = position
                position += 1
            }
        }
    }

    mutating func parseObject() throws(LocatedJSONStop) -> LocatedValue {
        let start = position
        let location = locator.location(ofOffset: start)
        try enter(at: start)
        defer { depth -= 1 }
        position += 1
        var members: [StructuredMember] = []
        var lastComma: Int?
        while true {
            try skipTrivia()
            guard position < bytes.count else { throw stop("unterminated object (no closing '}')", at: start) }
            if bytes[position] == UInt8(ascii: "}") {
                if let lastComma { issue("trailing comma before '}'", at: lastComma) }
                position += 1
                return LocatedValue(.object(members), at: location)
            }
            if !members.isEmpty, lastComma == nil {
                guard bytes[position] == UInt8(ascii: "\"") else {
                    throw stop("expected ',' or '}' but found \(describe(position))", at: position)
                }
                issue("missing ',' between object members", at: position)
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw stop("expected a double-quoted key but found \(describe(position))", at: position)
            }
            let keyStart = position
            let key = try parseString()
            let keyLocation = locator.location(ofOffset: keyStart)
            try skipTrivia()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw stop("expected ':' after key \"\(key)\" but found \(describe(position))", at: position)
            }
            position += 1
            try skipTrivia()
            let value = try parseValue()
            members.append(StructuredMember(key: key, keyLocation: keyLocation, value: value))
            lastComma = nil
            try skipTrivia()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                lastComma = position
                position += 1
            }
        }
    }

    static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            true
        default:
            false
        }
    }
}
