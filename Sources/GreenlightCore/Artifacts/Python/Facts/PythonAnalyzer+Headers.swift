/// Compound statement headers (`if`, `try`, `def`, `class`, ...): which block
/// they open and what they tell about the code inside.
extension PythonModuleAnalyzer {
    struct Header {
        var block: PythonBlock
        /// The `:` ending the header; nil when missing (a syntax error, reported).
        var colon: Int?
    }

    /// Recognises a compound statement header; nil for a simple statement line.
    mutating func compoundHeader(_ start: Int, _ end: Int, previous: PythonBlock?) -> Header? {
        let first = code[start]
        guard first.kind == .name, PythonKeywords.mayBeKeyword(first, in: bytes) else { return nil }
        var keywordIndex = start
        var word = first.text(in: bytes)
        if word == "async", start + 1 < end, code[start + 1].kind == .name {
            keywordIndex = start + 1
            word = code[keywordIndex].text(in: bytes)
            guard word == "def" || word == "for" || word == "with" else { return nil }
        }
        guard PythonModuleAnalyzer.compoundKeywords.contains(word) else { return nil }
        if (word == "match" || word == "case"), !looksLikeSoftKeywordHeader(start, end) { return nil }
        let colon = headerColon(keywordIndex + 1, end)
        if colon == nil { report("expected ':'", at: end - 1) }
        let headerEnd = colon ?? end
        switch word {
        case "def":
            return Header(block: functionHeader(keywordIndex, headerEnd), colon: colon)
        case "class":
            return Header(block: classHeader(keywordIndex, headerEnd), colon: colon)
        case "if":
            scanCalls(in: code, keywordIndex + 1, headerEnd)
            let isMainGuard = isMainGuardTest(keywordIndex + 1, headerEnd)
            if isMainGuard, blocks.isEmpty {
                facts.definesMain = true
                facts.mainGuardLocation = first.location(in: source)
            }
            return Header(
                block: PythonBlock(.ifBranch(isTypeChecking: isTypeCheckingTest(keywordIndex + 1, headerEnd), isMainGuard: isMainGuard)),
                colon: colon
            )
        case "elif":
            scanCalls(in: code, keywordIndex + 1, headerEnd)
            return Header(block: PythonBlock(.ifBranch(isTypeChecking: false, isMainGuard: false)), colon: colon)
        case "else":
            if let previous, case .ifBranch = previous.kind {
                return Header(block: PythonBlock(.ifBranch(isTypeChecking: false, isMainGuard: false)), colon: colon)
            }
            return Header(block: PythonBlock(.plain), colon: colon)
        case "try":
            tryCatchesImport.append(false)
            tryCatchesKeyError.append(false)
            return Header(block: PythonBlock(.tryBody(id: tryCatchesImport.count - 1)), colon: colon)
        case "except":
            var tryID = -1
            if let previous {
                switch previous.kind {
                case .tryBody(let id), .exceptHandler(let id): tryID = id
                default: break
                }
            }
            if tryID >= 0, tryID < tryCatchesImport.count {
                let caught = handlerCatches(keywordIndex + 1, headerEnd)
                if caught.importError { tryCatchesImport[tryID] = true }
                if caught.keyError { tryCatchesKeyError[tryID] = true }
            }
            bindTargets(after: "as", keywordIndex + 1, headerEnd)
            return Header(block: PythonBlock(.exceptHandler(tryID: tryID)), colon: colon)
        case "for":
            scanCalls(in: code, keywordIndex + 1, headerEnd)
            var inIndex = keywordIndex + 1
            while inIndex < headerEnd, !code[inIndex].isWord("in", in: bytes) { inIndex += 1 }
            bindOpaqueNames(keywordIndex + 1, inIndex)
            return Header(block: PythonBlock(.plain), colon: colon)
        case "with":
            scanCalls(in: code, keywordIndex + 1, headerEnd)
            bindTargets(after: "as", keywordIndex + 1, headerEnd)
            return Header(block: PythonBlock(.plain), colon: colon)
        default:
            scanCalls(in: code, keywordIndex + 1, headerEnd)
            return Header(block: PythonBlock(.plain), colon: colon)
        }
    }

    private static let compoundKeywords: Set<String> = [
        "if", "elif", "else", "try", "except", "finally", "for", "while", "with", "def", "class", "match", "case",
    ]

    /// `match` and `case` are soft keywords: `match = re.match(...)` is an assignment.
    private func looksLikeSoftKeywordHeader(_ start: Int, _ end: Int) -> Bool {
        guard start + 1 < end else { return false }
        let next = code[start + 1]
        if next.kind == .op {
            for op in [".", "=", ":", ",", ")", "]", "}", "+=", "-=", "*=", "|="] where next.matches(op, in: bytes) { return false }
        }
        if next.kind == .newline { return false }
        return headerColon(start + 1, end) != nil && !hasTopLevelAssignment(start, end)
    }

    private func hasTopLevelAssignment(_ start: Int, _ end: Int) -> Bool {
        var depth = 0
        for index in start..<end {
            let token = code[index]
            guard token.kind == .op else { continue }
            if token.end - token.start == 1 {
                switch bytes[token.start] {
                case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace: depth += 1
                case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace: depth = max(0, depth - 1)
                case UInt8(ascii: "="): if depth == 0 { return true }
                default: break
                }
            }
        }
        return false
    }

    /// The `:` that ends a header: the first one outside brackets that no `lambda` claims.
    func headerColon(_ start: Int, _ end: Int) -> Int? {
        var depth = 0
        var lambdas = 0
        var index = start
        while index < end {
            let token = code[index]
            if token.kind == .name, depth == 0, token.matches("lambda", in: bytes) {
                lambdas += 1
            } else if token.kind == .op, token.end - token.start == 1 {
                switch bytes[token.start] {
                case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace: depth += 1
                case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace: depth = max(0, depth - 1)
                case PythonByte.colon:
                    if depth == 0 {
                        if lambdas == 0 { return index }
                        lambdas -= 1
                    }
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    private mutating func functionHeader(_ keywordIndex: Int, _ headerEnd: Int) -> PythonBlock {
        let nameIndex = keywordIndex + 1
        let name = nameIndex < headerEnd && code[nameIndex].kind == .name ? code[nameIndex].text(in: bytes) : ""
        let decorators = pendingDecorators
        let isStartup = PythonCallTables.startupFunctionNames.contains(name)
            || decorators.contains(where: {
                $0.contains("startup", in: bytes) || $0.contains("on_event", in: bytes) || $0.contains("lifespan", in: bytes)
            })
        scanCalls(in: code, keywordIndex, headerEnd)
        var block = PythonBlock(.function(name: name, isStartup: isStartup))
        block.parameters = parameterNames(nameIndex + 1, headerEnd)
        if !name.isEmpty {
            bindName(name, .opaque)
            if isModuleScope { definedFunctions.insert(name) }
        }
        return block
    }

    /// Names of parameters between `(` and its `)`.
    private func parameterNames(_ start: Int, _ end: Int) -> [String] {
        guard start < end, code[start].isOp(PythonByte.openParen, in: bytes) else { return [] }
        var names: [String] = []
        var depth = 0
        var expectingName = true
        var index = start + 1
        while index < end {
            let token = code[index]
            if token.kind == .op {
                if token.end - token.start == 1 {
                    switch bytes[token.start] {
                    case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace: depth += 1
                    case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace:
                        if depth == 0 { return names }
                        depth -= 1
                    case UInt8(ascii: ","): if depth == 0 { expectingName = true }
                    default: break
                    }
                }
            } else if token.kind == .name, depth == 0, expectingName {
                names.append(token.text(in: bytes))
                expectingName = false
            }
            index += 1
        }
        return names
    }

    private func isMainGuardTest(_ start: Int, _ end: Int) -> Bool {
        guard end - start == 3, code[start + 1].matches("==", in: bytes) else { return false }
        func isName(_ token: PythonToken) -> Bool { token.isWord("__name__", in: bytes) }
        func isMain(_ token: PythonToken) -> Bool {
            token.kind == .string && PythonStringLiteral.value(of: token, in: bytes) == "__main__"
        }
        return (isName(code[start]) && isMain(code[start + 2])) || (isMain(code[start]) && isName(code[start + 2]))
    }

    private func isTypeCheckingTest(_ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        let last = code[end - 1]
        guard last.isWord("TYPE_CHECKING", in: bytes) else { return false }
        return end - start == 1 || (end - start == 3 && code[start + 1].isOp(PythonByte.dot, in: bytes))
    }

    /// Whether an `except` clause catches a failed import and a missing mapping key
    /// (bare `except:` and `except Exception` catch both).
    private func handlerCatches(_ start: Int, _ end: Int) -> (importError: Bool, keyError: Bool) {
        var index = start
        if index < end, code[index].isOp(UInt8(ascii: "*"), in: bytes) { index += 1 }
        if index >= end { return (true, true) }
        var result = (importError: false, keyError: false)
        while index < end, !code[index].isWord("as", in: bytes) {
            let token = code[index]
            if token.kind == .name {
                switch token.text(in: bytes) {
                case "Exception", "BaseException": return (true, true)
                case "ImportError", "ModuleNotFoundError": result.importError = true
                case "KeyError", "LookupError": result.keyError = true
                default: break
                }
            }
            index += 1
        }
        return result
    }
}
