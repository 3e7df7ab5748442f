/// Walks a pattern the way moby's `Pattern.compile` does.
struct DockerignorePatternCompiler {
    private enum Kind { case exact, prefix, suffix, expression }

    let pattern: [UInt8]
    private var index = 0
    private var tokens: [DockerignoreToken] = []
    private var kind = Kind.exact

    init(pattern: [UInt8]) {
        self.pattern = pattern
    }

    /// Characters moby escapes before handing the pattern to the regexp engine.
    static func isEscapedLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    mutating func run() -> Result<DockerignoreCompiledPattern, DockerignoreCompileError> {
        var iteration = 0
        while index < pattern.count {
            let byte = pattern[index]
            index += 1
            switch byte {
            case UInt8(ascii: "*"):
                compileStar(isFirst: iteration == 0)
            case UInt8(ascii: "?"):
                tokens.append(.anyCharacter)
                kind = .expression
            case UInt8(ascii: "\\"):
                if index < pattern.count {
                    switch escapedToken() {
                    case .success(let escaped): tokens.append(contentsOf: escaped)
                    case .failure(let error): return .failure(error)
                    }
                    kind = .expression
                } else {
                    tokens.append(.byte(byte))
                }
            case UInt8(ascii: "["):
                switch bracketExpression() {
                case .success(let characterClass): tokens.append(.characterClass(characterClass))
                case .failure(let error): return .failure(error)
                }
                kind = .expression
            case UInt8(ascii: "]"):
                tokens.append(.byte(byte))
                kind = .expression
            case UInt8(ascii: "^"):
                tokens.append(.startAnchor)
            default:
                tokens.append(.byte(byte))
            }
            iteration += 1
        }
        switch kind {
        case .exact: return .success(.exact(pattern))
        case .prefix: return .success(.prefix(pattern))
        case .suffix: return .success(.suffix(pattern))
        case .expression: return .success(.expression(tokens))
        }
    }

    private mutating func compileStar(isFirst: Bool) {
        guard index < pattern.count, pattern[index] == UInt8(ascii: "*") else {
            tokens.append(.star)
            kind = .expression
            return
        }
        index += 1
        if index < pattern.count, pattern[index] == UInt8(ascii: "/") { index += 1 }
        if index == pattern.count {
            if kind == .exact {
                kind = .prefix
            } else {
                tokens.append(.anything)
                kind = .expression
            }
        } else {
            tokens.append(.anyDirectories)
            kind = .expression
        }
        if isFirst { kind = .suffix }
    }

    /// `\x` outside brackets: moby emits `\x` into the expression, so the
    /// regexp engine's escape rules apply.
    private mutating func escapedToken() -> Result<[DockerignoreToken], DockerignoreCompileError> {
        let decoded = IgnoreUTF8.decode(pattern, at: index)
        let scalar = decoded.scalar
        index += decoded.width
        if let literal = Self.controlEscape(scalar) { return .success([.byte(literal)]) }
        if scalar < 0x80 {
            let byte = UInt8(scalar)
            if Self.isLiteralEscape(byte) { return .success([.byte(byte)]) }
            switch byte {
            case UInt8(ascii: "d"):
                return .success([.characterClass(.init(negated: false, items: [.named(.digit, negated: false)]))])
            case UInt8(ascii: "D"):
                return .success([.characterClass(.init(negated: true, items: [.named(.digit, negated: false)]))])
            case UInt8(ascii: "s"):
                return .success([.characterClass(.init(negated: false, items: [.named(.perlSpace, negated: false)]))])
            case UInt8(ascii: "S"):
                return .success([.characterClass(.init(negated: true, items: [.named(.perlSpace, negated: false)]))])
            case UInt8(ascii: "w"):
                return .success([.characterClass(.init(negated: false, items: [.named(.word, negated: false)]))])
            case UInt8(ascii: "W"):
                return .success([.characterClass(.init(negated: true, items: [.named(.word, negated: false)]))])
            default:
                break
            }
        }
        return .failure(DockerignoreCompileError(
            message: "the escape '\\\(Self.describe(scalar))' is not a literal character for Docker's matcher"))
    }

    /// Parses `[...]` starting after the `[`.
    private mutating func bracketExpression() -> Result<DockerignoreCharacterClass, DockerignoreCompileError> {
        var characterClass = DockerignoreCharacterClass(negated: false, items: [])
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") {
            characterClass.negated = true
            index += 1
        }
        var isFirst = true
        while true {
            guard index < pattern.count else {
                return .failure(DockerignoreCompileError(message: "unterminated bracket expression"))
            }
            let byte = pattern[index]
            if byte == UInt8(ascii: "]") && !isFirst {
                index += 1
                return .success(characterClass)
            }
            isFirst = false
            if byte == UInt8(ascii: "["), index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") {
                switch namedSet() {
                case .success(let item): characterClass.items.append(item)
                case .failure(let error): return .failure(error)
                }
                continue
            }
            let low: UInt32
            switch bracketCharacter() {
            case .success(.single(let scalar)): low = scalar
            case .success(.item(let item)):
                characterClass.items.append(item)
                continue
            case .failure(let error): return .failure(error)
            }
            var high = low
            if index + 1 < pattern.count, pattern[index] == UInt8(ascii: "-"), pattern[index + 1] != UInt8(ascii: "]") {
                index += 1
                switch bracketCharacter() {
                case .success(.single(let scalar)): high = scalar
                case .success(.item): return .failure(DockerignoreCompileError(message: "invalid range in bracket expression"))
                case .failure(let error): return .failure(error)
                }
                if high < low {
                    return .failure(DockerignoreCompileError(message: "invalid range in bracket expression"))
                }
            }
            characterClass.items.append(.range(low, high))
        }
    }

    private enum BracketElement { case single(UInt32), item(DockerignoreCharacterClass.Item) }

    private mutating func bracketCharacter() -> Result<BracketElement, DockerignoreCompileError> {
        guard index < pattern.count else {
            return .failure(DockerignoreCompileError(message: "unterminated bracket expression"))
        }
        let byte = pattern[index]
        if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
            return .failure(DockerignoreCompileError(
                message: "'\(Character(Unicode.Scalar(byte)))' inside brackets is rewritten by Docker into an expression that does not mean a literal character"))
        }
        if byte == UInt8(ascii: "\\") {
            index += 1
            guard index < pattern.count else {
                return .failure(DockerignoreCompileError(message: "unterminated bracket expression"))
            }
            let decoded = IgnoreUTF8.decode(pattern, at: index)
            index += decoded.width
            if let literal = Self.controlEscape(decoded.scalar) { return .success(.single(UInt32(literal))) }
            if decoded.scalar < 0x80 {
                let escaped = UInt8(decoded.scalar)
                if Self.isLiteralEscape(escaped) { return .success(.single(decoded.scalar)) }
                switch escaped {
                case UInt8(ascii: "d"): return .success(.item(.named(.digit, negated: false)))
                case UInt8(ascii: "D"): return .success(.item(.named(.digit, negated: true)))
                case UInt8(ascii: "s"): return .success(.item(.named(.perlSpace, negated: false)))
                case UInt8(ascii: "S"): return .success(.item(.named(.perlSpace, negated: true)))
                case UInt8(ascii: "w"): return .success(.item(.named(.word, negated: false)))
                case UInt8(ascii: "W"): return .success(.item(.named(.word, negated: true)))
                default: break
                }
            }
            return .failure(DockerignoreCompileError(
                message: "the escape '\\\(Self.describe(decoded.scalar))' is not a literal character for Docker's matcher"))
        }
        let decoded = IgnoreUTF8.decode(pattern, at: index)
        index += decoded.width
        return .success(.single(decoded.scalar))
    }

    /// `[:name:]` or `[:^name:]` inside a bracket expression, starting at `[`.
    private mutating func namedSet() -> Result<DockerignoreCharacterClass.Item, DockerignoreCompileError> {
        var end = index + 2
        while end + 1 < pattern.count, !(pattern[end] == UInt8(ascii: ":") && pattern[end + 1] == UInt8(ascii: "]")) {
            end += 1
        }
        guard end + 1 < pattern.count else {
            // No closing ":]": RE2 reads the "[" as a literal character.
            index += 1
            return .success(.range(UInt32(UInt8(ascii: "[")), UInt32(UInt8(ascii: "["))))
        }
        var nameBytes = pattern[(index + 2)..<end]
        var negated = false
        if nameBytes.first == UInt8(ascii: "^") {
            negated = true
            nameBytes = nameBytes.dropFirst()
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        guard let set = DockerignoreCharacterClass.NamedSet(rawValue: name), set != .perlSpace else {
            return .failure(DockerignoreCompileError(message: "unknown character class [:\(name):]"))
        }
        index = end + 2
        return .success(.named(set, negated: negated))
    }

    private static func controlEscape(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case UInt32(UInt8(ascii: "a")): return 0x07
        case UInt32(UInt8(ascii: "f")): return 0x0C
        case UInt32(UInt8(ascii: "t")): return 0x09
        case UInt32(UInt8(ascii: "n")): return 0x0A
        case UInt32(UInt8(ascii: "r")): return 0x0D
        case UInt32(UInt8(ascii: "v")): return 0x0B
        default: return nil
        }
    }

    /// RE2 reads `\` before any ASCII character that is not a letter or digit as that character.
    private static func isLiteralEscape(_ byte: UInt8) -> Bool {
        byte < 0x80 && !(0x30...0x39).contains(byte)
            && !(0x41...0x5A).contains(byte) && !(0x61...0x7A).contains(byte)
    }

    private static func describe(_ scalar: UInt32) -> String {
        Unicode.Scalar(scalar).map { String(Character($0)) } ?? "?"
    }
}
