/// Parses one PEP 508 dependency specification: `name [extras] (versions | @ url) ; marker`.
enum PEP508Parser {
    struct Parsed: Equatable {
        var name: String
        var extras: [String]
        var specifier: String
        var pinnedVersion: String?
        var marker: String?
        var url: String?
    }

    struct Failure: Error, Equatable {
        var message: String
        /// Byte offset in the parsed text.
        var offset: Int
    }

    static let operators: [String] = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"]

    static func parse(_ text: String) -> Result<Parsed, Failure> {
        var cursor = PEP508Cursor(Array(text.utf8))
        cursor.skipSpace()
        guard let name = cursor.identifier() else {
            return .failure(Failure(message: "expected a package name", offset: cursor.index))
        }
        cursor.skipSpace()
        var extras: [String] = []
        if cursor.peek == UInt8(ascii: "[") {
            cursor.index += 1
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: "]") {
                cursor.index += 1
            } else {
                while true {
                    cursor.skipSpace()
                    guard let extra = cursor.identifier() else {
                        return .failure(Failure(message: "expected an extra name", offset: cursor.index))
                    }
                    extras.append(extra)
                    cursor.skipSpace()
                    if cursor.peek == UInt8(ascii: ",") { cursor.index += 1; continue }
                    if cursor.peek == UInt8(ascii: "]") { cursor.index += 1; break }
                    return .failure(Failure(message: "expected ',' or ']' in extras", offset: cursor.index))
                }
            }
            cursor.skipSpace()
        }
        var parsed = Parsed(name: name, extras: extras, specifier: "")
        if cursor.peek == UInt8(ascii: "@") {
            cursor.index += 1
            cursor.skipSpace()
            let start = cursor.index
            while let byte = cursor.peek, byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { cursor.index += 1 }
            guard cursor.index > start else {
                return .failure(Failure(message: "expected a URL after '@'", offset: cursor.index))
            }
            parsed.url = cursor.text(start..<cursor.index)
        } else {
            switch versionSpecifier(&cursor) {
            case .success(let clauses):
                parsed.specifier = clauses.map { $0.op + $0.version }.joined(separator: ",")
                parsed.pinnedVersion = clauses.first { ($0.op == "==" && !$0.version.contains("*")) || $0.op == "===" }?.version
            case .failure(let failure):
                return .failure(failure)
            }
        }
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: ";") {
            cursor.index += 1
            let markerStart = cursor.index
            let marker = RequirementsText.trim(cursor.text(cursor.index..<cursor.bytes.count))
            if let problem = PEP508MarkerCheck.problem(in: marker) {
                return .failure(Failure(message: problem, offset: markerStart))
            }
            parsed.marker = marker
            cursor.index = cursor.bytes.count
        }
        if !cursor.isAtEnd {
            return .failure(Failure(message: "unexpected text '\(cursor.text(cursor.index..<cursor.bytes.count))'", offset: cursor.index))
        }
        return .success(parsed)
    }

    private static func versionSpecifier(_ cursor: inout PEP508Cursor) -> Result<[(op: String, version: String)], Failure> {
        var clauses: [(op: String, version: String)] = []
        var parenthesized = false
        if cursor.peek == UInt8(ascii: "(") {
            parenthesized = true
            cursor.index += 1
            cursor.skipSpace()
        }
        while let byte = cursor.peek, byte != UInt8(ascii: ";"), byte != UInt8(ascii: ")") {
            guard let op = operators.first(where: { cursor.hasPrefix($0) }) else {
                return .failure(Failure(message: "expected a version specifier such as '==1.0' or '>=2'", offset: cursor.index))
            }
            cursor.index += op.utf8.count
            cursor.skipSpace()
            let start = cursor.index
            while let next = cursor.peek, PEP508Cursor.isVersionByte(next) { cursor.index += 1 }
            guard cursor.index > start else {
                return .failure(Failure(message: "expected a version after '\(op)'", offset: cursor.index))
            }
            clauses.append((op, cursor.text(start..<cursor.index)))
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.index += 1
                cursor.skipSpace()
                continue
            }
            break
        }
        if parenthesized {
            guard cursor.peek == UInt8(ascii: ")") else {
                return .failure(Failure(message: "expected ')' after version specifier", offset: cursor.index))
            }
            cursor.index += 1
        }
        return .success(clauses)
    }
}

/// Byte cursor for PEP 508 text.
struct PEP508Cursor {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipSpace() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    func hasPrefix(_ literal: String) -> Bool {
        var offset = index
        for byte in literal.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isVersionByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "!")
    }

    /// A PEP 508 identifier: starts and ends with a letter or digit, `-_.` inside.
    mutating func identifier() -> String? {
        let start = index
        guard let first = peek, Self.isAlphanumeric(first) else { return nil }
        while let byte = peek,
              Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") {
            index += 1
        }
        while index > start + 1, !Self.isAlphanumeric(bytes[index - 1]) { index -= 1 }
        return text(start..<index)
    }
}

/// Small text helpers shared by the requirement parsers.
enum RequirementsText {
    /// `text` without leading and trailing ASCII spaces and tabs.
    static func trim(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
