/// A problem at a byte offset while reading TOML.
struct TOMLError: Error {
    var message: String
    var offset: Int
}

/// A table under construction. Reference semantics make "the current table"
/// easy to follow while headers reopen nested tables; it never leaves the reader.
final class TOMLBuilderTable {
    enum Origin { case implicit, header, dotted, inline }

    var origin: Origin
    var keys: [String] = []
    var entries: [String: TOMLBuilderEntry] = [:]
    let location: SourceLocation

    init(origin: Origin, location: SourceLocation) {
        self.origin = origin
        self.location = location
    }

    func set(_ key: String, _ entry: TOMLBuilderEntry) {
        if entries[key] == nil { keys.append(key) }
        entries[key] = entry
    }

    func freeze() -> TOMLTable {
        var table = TOMLTable()
        for key in keys {
            guard let entry = entries[key] else { continue }
            switch entry {
            case .value(let node):
                table.set(key, node)
            case .table(let child):
                table.set(key, TOMLNode(.table(child.freeze()), at: child.location))
            case .tableArray(let children, let location):
                let items = children.map { TOMLNode(.table($0.freeze()), at: $0.location) }
                table.set(key, TOMLNode(.array(items), at: location))
            }
        }
        return table
    }
}

enum TOMLBuilderEntry {
    case value(TOMLNode)
    case table(TOMLBuilderTable)
    case tableArray([TOMLBuilderTable], SourceLocation)
}

/// Reads a TOML document from bytes. On an error it records a located issue
/// and resumes at the next line.
struct TOMLReader {
    static let maximumDepth = 100

    let source: SourceText
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    private var issues: [ParseIssue] = []
    private let root: TOMLBuilderTable
    private var current: TOMLBuilderTable

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
        let root = TOMLBuilderTable(origin: .header, location: source.location(line: 1))
        self.root = root
        self.current = root
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    func location(_ offset: Int) -> SourceLocation { source.location(ofOffset: offset) }

    mutating func read() -> TOMLDocument {
        while index < bytes.count {
            skipSpaces()
            guard let byte = peek else { break }
            if byte == UInt8(ascii: "#") { skipComment(); continue }
            if consumeNewline() { continue }
            do throws(TOMLError) {
                if byte == UInt8(ascii: "[") {
                    try header()
                } else {
                    try keyValue(into: current)
                }
                try expectLineEnd()
            } catch {
                issues.append(ParseIssue(error.message, at: location(error.offset)))
                skipLine()
            }
        }
        return TOMLDocument(root: root.freeze(), issues: issues)
    }

    // MARK: Layout

    mutating func skipSpaces() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    mutating func skipComment() {
        while let byte = peek, byte != UInt8(ascii: "\n") { index += 1 }
    }

    mutating func consumeNewline() -> Bool {
        if peek == UInt8(ascii: "\n") { index += 1; return true }
        if peek == UInt8(ascii: "\r"), byte(at: index + 1) == UInt8(ascii: "\n") { index += 2; return true }
        return false
    }

    /// Spaces, newlines and comments (inside arrays and inline tables).
    mutating func skipBlank() {
        while true {
            skipSpaces()
            if peek == UInt8(ascii: "#") { skipComment() }
            if !consumeNewline() { return }
        }
    }

    private mutating func skipLine() {
        skipComment()
        _ = consumeNewline()
    }

    private mutating func expectLineEnd() throws(TOMLError) {
        skipSpaces()
        if peek == UInt8(ascii: "#") { skipComment() }
        if peek == nil || consumeNewline() { return }
        throw TOMLError(message: "expected the end of the line", offset: index)
    }

    // MARK: Tables and keys

    private mutating func header() throws(TOMLError) {
        let start = index
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipSpaces()
        let path = try keyPath()
        skipSpaces()
        guard peek == UInt8(ascii: "]") else { throw TOMLError(message: "expected ']' to close the table header", offset: index) }
        index += 1
        if isArray {
            guard peek == UInt8(ascii: "]") else { throw TOMLError(message: "expected ']]' to close the array of tables", offset: index) }
            index += 1
        }
        var table = root
        for (key, _) in path.dropLast() {
            table = try descend(table, key, offset: start)
        }
        guard let (last, _) = path.last else { throw TOMLError(message: "empty table name", offset: start) }
        let here = location(start)
        if isArray {
            let element = TOMLBuilderTable(origin: .header, location: here)
            switch table.entries[last] {
            case nil:
                table.set(last, .tableArray([element], here))
            case .tableArray(let elements, let arrayLocation):
                table.set(last, .tableArray(elements + [element], arrayLocation))
            default:
                throw TOMLError(message: "'\(last)' is already defined and is not an array of tables", offset: start)
            }
            current = element
            return
        }
        switch table.entries[last] {
        case nil:
            let created = TOMLBuilderTable(origin: .header, location: here)
            table.set(last, .table(created))
            current = created
        case .table(let existing) where existing.origin == .implicit:
            existing.origin = .header
            current = existing
        default:
            throw TOMLError(message: "table '\(path.map(\.key).joined(separator: "."))' is defined more than once", offset: start)
        }
    }

    /// The child table a header path goes through, created when missing.
    private func descend(_ table: TOMLBuilderTable, _ key: String, offset: Int) throws(TOMLError) -> TOMLBuilderTable {
        switch table.entries[key] {
        case nil:
            let created = TOMLBuilderTable(origin: .implicit, location: location(offset))
            table.set(key, .table(created))
            return created
        case .table(let child):
            return child
        case .tableArray(let elements, _):
            guard let last = elements.last else { throw TOMLError(message: "'\(key)' is empty", offset: offset) }
            return last
        case .value:
            throw TOMLError(message: "'\(key)' is already a value, not a table", offset: offset)
        }
    }

    /// `key = value` into `table`; dotted keys create nested tables.
    mutating func keyValue(into table: TOMLBuilderTable) throws(TOMLError) {
        let path = try keyPath()
        skipSpaces()
        guard peek == UInt8(ascii: "=") else { throw TOMLError(message: "expected '=' after a key", offset: index) }
        index += 1
        skipSpaces()
        let value = try value()
        var target = table
        for (key, offset) in path.dropLast() {
            switch target.entries[key] {
            case nil:
                let created = TOMLBuilderTable(origin: .dotted, location: location(offset))
                target.set(key, .table(created))
                target = created
            case .table(let child) where child.origin == .dotted:
                target = child
            default:
                throw TOMLError(message: "cannot add keys to '\(key)' with a dotted key here", offset: offset)
            }
        }
        guard let (last, offset) = path.last else { throw TOMLError(message: "expected a key", offset: index) }
        if target.entries[last] != nil {
            throw TOMLError(message: "duplicate key '\(last)'", offset: offset)
        }
        target.set(last, .value(value))
    }

    /// `a."b c".d` — each key with the offset where it starts.
    mutating func keyPath() throws(TOMLError) -> [(key: String, offset: Int)] {
        var path: [(key: String, offset: Int)] = []
        while true {
            let start = index
            path.append((try simpleKey(), start))
            skipSpaces()
            guard peek == UInt8(ascii: ".") else { return path }
            index += 1
            skipSpaces()
        }
    }

    private mutating func simpleKey() throws(TOMLError) -> String {
        guard let byte = peek else { throw TOMLError(message: "expected a key", offset: index) }
        if byte == UInt8(ascii: "\"") {
            index += 1
            return try basicString()
        }
        if byte == UInt8(ascii: "'") {
            index += 1
            return try literalString()
        }
        let start = index
        while let next = peek, Self.isBareKeyByte(next) { index += 1 }
        guard index > start else { throw TOMLError(message: "expected a key", offset: index) }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
