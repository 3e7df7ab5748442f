/// Walks one module's logical lines with a block stack, recording facts. The
/// statement-level work lives in the extensions next to this file.
struct PythonModuleAnalyzer {
    let source: SourceText
    let bytes: [UInt8]
    /// The tokens without comments: the analyzer's token indexes point into this.
    let code: [PythonToken]
    var facts: PythonModuleFacts

    var blocks: [PythonBlock] = []
    var pendingBlock: PythonBlock?
    var previousSibling: PythonBlock?
    /// Decorator lines waiting for their `def`, each as one span of the file.
    var pendingDecorators: [PythonToken] = []
    /// For each `try:` seen, whether one of its handlers catches ImportError.
    var tryCatchesImport: [Bool] = []
    /// For each `try:` seen, whether one of its handlers catches KeyError.
    var tryCatchesKeyError: [Bool] = []
    /// For each env read that raises when missing, the enclosing `try:` ids.
    var envReadTryIDs: [(read: Int, tries: [Int])] = []
    /// For each recorded import, the enclosing `try:` ids (decided when the handlers are seen).
    var importTryIDs: [[Int]] = []

    /// Local name → dotted name it stands for (`np` → `numpy`, `getenv` → `os.getenv`).
    var aliases: [String: String] = [:]
    /// Which names may be import aliases, to skip most call sites without a dictionary lookup.
    var aliasFilter = PythonNameFilter()
    var starModules: [String] = []
    var moduleBindings: [String: PythonModuleBinding] = [:]
    /// The current function's locals (outer functions' locals included).
    var locals: [String: PythonLocalBinding] = [:]
    var settingsClasses: [String: PythonSettingsClass] = [:]
    /// Module-level functions returning an instance of a settings class.
    var settingsGetters: [String: String] = [:]
    var pendingListens: [PythonPendingListen] = []
    /// The line of the last token of the last logical line read.
    var lastLine = 1
    /// Plain-name calls to ignore while scanning: local definitions shadow library names.
    var definedFunctions: Set<String> = []

    /// `tokens` must not contain comments.
    init(source: SourceText, tokens: [PythonToken]) {
        self.source = source
        self.bytes = source.bytes
        self.code = tokens
        self.facts = PythonModuleFacts(path: source.path)
    }

    mutating func run() {
        var index = 0
        while index < code.count {
            switch code[index].kind {
            case .indent:
                openBlock(at: index)
                index += 1
            case .dedent:
                closeBlock()
                index += 1
            case .newline:
                index += 1
            case .endOfFile:
                index = code.count
            default:
                var end = index
                while end < code.count, !PythonModuleAnalyzer.endsLine(code[end].kind) { end += 1 }
                processLine(index, end)
                index = end < code.count && code[end].kind == .newline ? end + 1 : end
            }
        }
        while !blocks.isEmpty { closeBlock() }
        finish()
    }

    private static func endsLine(_ kind: PythonTokenKind) -> Bool {
        kind == .newline || kind == .endOfFile || kind == .indent || kind == .dedent
    }

    // MARK: - Blocks

    private mutating func openBlock(at index: Int) {
        guard let block = pendingBlock else {
            report("unexpected indent", at: index)
            blocks.append(PythonBlock(.plain))
            return
        }
        pendingBlock = nil
        push(block)
    }

    mutating func push(_ block: PythonBlock) {
        var block = block
        if block.isFunction {
            block.savedLocals = locals
            for parameter in block.parameters { locals[parameter] = .opaque }
        }
        blocks.append(block)
    }

    mutating func closeBlock() {
        guard let block = blocks.popLast() else { return }
        if blocks.isEmpty, case .ifBranch(_, true) = block.kind, let start = facts.mainGuardLocation?.line,
           facts.mainGuardLines == nil {
            facts.mainGuardLines = start...max(start, lastLine)
        }
        if let saved = block.savedLocals { locals = saved }
        if let settings = block.settings { finishSettingsClass(settings) }
        previousSibling = block
    }

    mutating func report(_ message: String, at index: Int) {
        guard index < code.count, facts.issues.count < PythonScanner.issueLimit else { return }
        facts.issues.append(ParseIssue(message, at: code[index].location(in: source)))
    }

    // MARK: - Context

    /// The ids of the `try:` bodies enclosing the current statement.
    var enclosingTryIDs: [Int] {
        blocks.compactMap { block in
            if case .tryBody(let id) = block.kind { return id }
            return nil
        }
    }

    /// True outside any function or class body (if/try/loop blocks at module level count as module level).
    var isModuleScope: Bool {
        !blocks.contains(where: { $0.isFunction || $0.isClass })
    }

    /// Index of the innermost function block.
    var innermostFunction: Int? {
        blocks.lastIndex(where: { $0.isFunction })
    }

    /// True where a database connection would be made while the service starts.
    var isStartupContext: Bool {
        if let function = innermostFunction, case .function(_, let isStartup) = blocks[function].kind { return isStartup }
        if blocks.contains(where: { $0.isClass }) { return false }
        return true
    }

    /// The name of the function the innermost function block belongs to, when it is defined at module level.
    var moduleLevelFunctionName: String? {
        guard let function = innermostFunction, case .function(let name, _) = blocks[function].kind,
              !blocks[..<function].contains(where: { $0.isFunction || $0.isClass })
        else { return nil }
        return name
    }

    // MARK: - Lines

    private mutating func processLine(_ start: Int, _ end: Int) {
        guard start < end else { return }
        lastLine = code[end - 1].line
        let previous = previousSibling
        previousSibling = nil
        if pendingBlock != nil {
            report("expected an indented block", at: start)
            pendingBlock = nil
        }
        if code[start].isOp(UInt8(ascii: "@"), in: bytes) {
            pendingDecorators.append(PythonToken(
                kind: .op, start: code[start].start, end: code[end - 1].end, line: code[start].line, column: code[start].column
            ))
            scanCalls(in: code, start + 1, end)
            return
        }
        if let header = compoundHeader(start, end, previous: previous) {
            pendingDecorators.removeAll()
            guard let colon = header.colon else { return }
            if colon + 1 < end {
                push(header.block)
                processSimpleStatements(colon + 1, end)
                closeBlock()
            } else {
                pendingBlock = header.block
            }
            return
        }
        pendingDecorators.removeAll()
        processSimpleStatements(start, end)
    }

    private mutating func processSimpleStatements(_ start: Int, _ end: Int) {
        var statementStart = start
        var depth = 0
        var index = start
        while index < end {
            let token = code[index]
            if token.kind == .op, token.end - token.start == 1 {
                switch bytes[token.start] {
                case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace: depth += 1
                case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace: depth = max(0, depth - 1)
                case UInt8(ascii: ";"):
                    if depth == 0 {
                        processStatement(statementStart, index)
                        statementStart = index + 1
                    }
                default: break
                }
            }
            index += 1
        }
        processStatement(statementStart, end)
    }

    private mutating func processStatement(_ start: Int, _ end: Int) {
        guard start < end else { return }
        scanCalls(in: code, start, end)
        let first = code[start]
        if first.kind == .name {
            if first.matches("import", in: bytes) { return importStatement(start, end) }
            if first.matches("from", in: bytes) { return fromImportStatement(start, end) }
            if first.matches("return", in: bytes) { return returnStatement(start, end) }
            if first.matches("global", in: bytes) {
                for index in (start + 1)..<end where code[index].kind == .name {
                    facts.topLevelNames.insert(code[index].text(in: bytes))
                }
                return
            }
            if PythonKeywords.mayBeKeyword(first, in: bytes),
               PythonModuleAnalyzer.statementKeywords.contains(first.text(in: bytes)) {
                return
            }
        }
        if let innermost = blocks.last, innermost.settings != nil {
            settingsClassStatement(start, end)
            return
        }
        if blocks.count >= 2, case .classBody(let name) = blocks[blocks.count - 1].kind, name == "Config",
           blocks[blocks.count - 2].settings != nil {
            settingsConfigStatement(start, end)
            return
        }
        assignmentStatement(start, end)
    }

    private static let statementKeywords: Set<String> = [
        "pass", "del", "global", "nonlocal", "raise", "assert", "break", "continue", "yield", "await", "print",
    ]
}
