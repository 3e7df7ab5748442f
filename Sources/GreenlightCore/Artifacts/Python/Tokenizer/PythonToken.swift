/// The kinds of token `PythonTokenizer` produces, following CPython's tokenizer
/// closely enough for static fact extraction (no NL / ENCODING tokens).
public enum PythonTokenKind: UInt8, Sendable, Hashable {
    /// An identifier or keyword (`import`, `os`, `def`).
    case name
    /// A numeric literal (`8000`, `0x1F`, `1_000`, `3.5e-2j`).
    case number
    /// A string literal including its prefix and quotes; f-strings are one token.
    case string
    /// An operator or delimiter (`(`, `.`, `**=`, `->`, `...`).
    case op
    /// The end of a logical line.
    case newline
    /// The indentation level grew at the start of a logical line.
    case indent
    /// The indentation level shrank at the start of a logical line.
    case dedent
    /// A `#` comment up to (not including) the line break.
    case comment
    /// The end of the input; always the last token.
    case endOfFile
}

/// One token with its byte range in the file and the 1-based line and column
/// (in Unicode scalars) of its first byte, so facts can point at exact places.
public struct PythonToken: Hashable, Sendable {
    public var kind: PythonTokenKind
    // Stored as 32-bit values: a token array is the largest structure per file.
    private var storedStart: UInt32
    private var storedEnd: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// Byte offset of the first byte.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(clamping: newValue) }
    }

    /// Byte offset one past the last byte.
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(clamping: newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(kind: PythonTokenKind, start: Int, end: Int, line: Int, column: Int) {
        self.kind = kind
        self.storedStart = UInt32(clamping: start)
        self.storedEnd = UInt32(clamping: end)
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }
}

/// The result of tokenizing one file: every token understood plus the problems met.
public struct PythonTokenStream: Sendable {
    public var tokens: [PythonToken]
    public var issues: [ParseIssue]

    public init(tokens: [PythonToken], issues: [ParseIssue]) {
        self.tokens = tokens
        self.issues = issues
    }
}

/// Byte constants shared by the Python scanners, so hot loops compare plain integers.
enum PythonByte {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let formFeed: UInt8 = 0x0C
    static let hash = UInt8(ascii: "#")
    static let backslash = UInt8(ascii: "\\")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let dot = UInt8(ascii: ".")
    static let underscore = UInt8(ascii: "_")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let colon = UInt8(ascii: ":")

    @inline(__always) static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == underscore || byte >= 0x80
    }

    @inline(__always) static func isIdentifierContinue(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always) static func isQuote(_ byte: UInt8) -> Bool {
        byte == singleQuote || byte == doubleQuote
    }
}
