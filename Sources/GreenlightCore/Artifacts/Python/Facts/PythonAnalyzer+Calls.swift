/// Call sites anywhere in an expression: environment reads, server start-up,
/// listen addresses, database connections and `.env` loading.
extension PythonModuleAnalyzer {
    /// Scans tokens `start..<end` of `tokens` (the module's code or an f-string field) for known calls.
    mutating func scanCalls(in tokens: [PythonToken], _ start: Int, _ end: Int, fragmentDepth: Int = 0) {
        var index = start
        while index < end {
            let token = tokens[index]
            if token.kind == .string {
                if fragmentDepth < PythonModuleAnalyzer.maxFragmentDepth { scanFormattedString(token, depth: fragmentDepth) }
                index += 1
                continue
            }
            guard token.kind == .name, index == start || !tokens[index - 1].isOp(PythonByte.dot, in: bytes) else {
                index += 1
                continue
            }
            var last = index
            while last + 2 < end, tokens[last + 1].isOp(PythonByte.dot, in: bytes), tokens[last + 2].kind == .name {
                last += 2
            }
            let open = last + 1
            guard open < end, tokens[open].isOp(PythonByte.openParen, in: bytes) || tokens[open].isOp(PythonByte.openBracket, in: bytes)
            else {
                index = last + 1
                continue
            }
            let lastToken = tokens[last]
            let mayMatch = PythonCallTables.lastNameFilter.mayContain(lastToken, in: bytes)
                || (last == index && aliasFilter.mayContain(lastToken, in: bytes))
            if mayMatch {
                let lastName = lastToken.text(in: bytes)
                if PythonCallTables.interestingLastNames.contains(lastName) || (last == index && aliases[lastName] != nil) {
                    var parts: [String] = []
                    for part in stride(from: index, through: last, by: 2) { parts.append(tokens[part].text(in: bytes)) }
                    callSite(parts, tokens: tokens, chainStart: index, open: open, statementStart: start, end: end)
                }
            }
            index = last + 1
        }
    }

    /// f-strings nested deeper than this are not searched (each level re-reads the text).
    static let maxFragmentDepth = 3

    /// Call arguments read per call site; longer ones are cut (the calls that need
    /// their arguments read pass a handful), which keeps nested call sites linear.
    static let maxArgumentTokens = 256

    /// Nesting read inside those arguments (`int(os.environ.get("PORT", 5000))` needs three).
    static let maxArgumentNesting = 12

    private mutating func scanFormattedString(_ token: PythonToken, depth: Int) {
        var hasFormattedPrefix = false
        var offset = token.start
        while offset < token.end, !PythonByte.isQuote(bytes[offset]) {
            if bytes[offset] | 0x20 == UInt8(ascii: "f") { hasFormattedPrefix = true }
            offset += 1
        }
        guard hasFormattedPrefix, let parts = PythonStringLiteral.formattedParts(of: token, in: bytes) else { return }
        for case .field(let range) in parts {
            let fragment = PythonTokenizer.tokenizeFragment(source, range: range, anchor: token)
            scanCalls(in: fragment, 0, fragment.count, fragmentDepth: depth + 1)
        }
    }

    private mutating func callSite(
        _ parts: [String], tokens: [PythonToken], chainStart: Int, open: Int, statementStart: Int, end: Int
    ) {
        let location = tokens[chainStart].location(in: source)
        let isSubscript = tokens[open].isOp(PythonByte.openBracket, in: bytes)
        if isSubscript {
            guard qualifiedCandidates(parts).contains("os.environ") else { return }
            environSubscript(tokens: tokens, chainStart: chainStart, open: open, statementStart: statementStart, end: end, location: location)
            return
        }
        guard let action = callAction(parts) else { return }
        var parser = PythonExpressionParser(
            tokens: tokens, source: source, start: open, limit: min(end, open + PythonModuleAnalyzer.maxArgumentTokens),
            depth: PythonExpressionParser.maxDepth - PythonModuleAnalyzer.maxArgumentNesting
        )
        let callee = PythonExpression.name(parts.joined(separator: "."), at: tokens[chainStart].start)
        switch action {
        case .env(let name):
            let call = parser.parseCall(callee: callee)
            envCall(name, call, tokens: tokens, chainStart: chainStart, after: parser.index, end: end, location: location)
        case .dotenv:
            facts.dotenvLoads.append(location)
        case .known(let name):
            if let server = PythonCallTables.serverCalls[name] {
                facts.serverHints.append(PythonServerHint(kind: server.kind, framework: server.framework, location: location))
            }
            if let spec = PythonCallTables.listenCalls[name] {
                recordListen(spec, parser.parseCall(callee: callee), location: location)
            }
            if PythonCallTables.databaseCalls.contains(name), isStartupContext {
                facts.databaseHints.append(Located(name, at: location))
            }
        case .grpcPort:
            facts.serverHints.append(PythonServerHint(kind: .grpc, framework: "grpc", location: location))
            let call = parser.parseCall(callee: callee)
            if let address = call.argument("address", position: 0) {
                pendingListens.append(PythonPendingListen(
                    spec: PythonListenSpec(kind: .grpc, framework: "grpc"), address: address, hasUnpacking: call.hasUnpacking,
                    locals: locals, location: location
                ))
            }
        case .appRun(let spec):
            facts.serverHints.append(PythonServerHint(kind: spec.kind, framework: spec.framework, location: location))
            recordListen(spec, parser.parseCall(callee: callee), location: location)
        }
    }

    private enum CallAction {
        case env(String)
        case dotenv
        case known(String)
        case grpcPort
        case appRun(PythonListenSpec)
    }

    /// What a call means, decided from its name alone so unknown calls are never parsed.
    private func callAction(_ parts: [String]) -> CallAction? {
        for name in qualifiedCandidates(parts) {
            guard let roles = PythonCallTables.roles[name] else { continue }
            if roles.contains(.env) { return .env(name) }
            if roles.contains(.dotenv) { return .dotenv }
            return .known(name)
        }
        guard parts.count >= 2, let lastName = parts.last else { return nil }
        if lastName == "add_insecure_port" || lastName == "add_secure_port" { return .grpcPort }
        if lastName == "run", parts.count == 2, let kind = facts.appObjects[parts[0]],
           let spec = PythonCallTables.appRunCalls[kind] {
            return .appRun(spec)
        }
        return nil
    }

    // MARK: - Environment reads

    private mutating func envCall(
        _ name: String, _ call: PythonCallExpression, tokens: [PythonToken], chainStart: Int, after: Int, end: Int,
        location: SourceLocation
    ) {
        guard let keyExpression = call.argument(name == "decouple.config" ? "option" : "key", position: 0),
              let key = literalString(keyExpression, locals: locals), !key.isEmpty
        else { return }
        var fallback = defaultText(call.argument("default", position: 1))
        if !fallback.present, after < end, tokens[after].isWord("or", in: bytes) {
            var parser = PythonExpressionParser(tokens: tokens, source: source, start: after + 1, limit: end)
            fallback = defaultText(parser.parseExpression())
        }
        // `int(os.getenv("PORT"))` fails on None just as a missing key would.
        let converted = isConvertedByBuiltin(tokens, chainStart: chainStart)
        recordEnvRead(PythonEnvRead(
            name: key, hasDefault: fallback.present, defaultValue: fallback.text,
            raisesWhenMissing: !fallback.present && (name == "decouple.config" || converted), location: location
        ))
    }

    /// True when the call is the whole argument of `int(...)` or `float(...)`.
    private func isConvertedByBuiltin(_ tokens: [PythonToken], chainStart: Int) -> Bool {
        guard chainStart >= 2, tokens[chainStart - 1].isOp(PythonByte.openParen, in: bytes) else { return false }
        let function = tokens[chainStart - 2]
        guard function.isWord("int", in: bytes) || function.isWord("float", in: bytes) else { return false }
        if chainStart >= 3, tokens[chainStart - 3].isOp(PythonByte.dot, in: bytes) { return false }
        return aliases[function.text(in: bytes)] == nil
    }

    /// Records a read; one that raises is remembered with its `try:` blocks so a
    /// handler catching KeyError can clear it when the module is finished.
    private mutating func recordEnvRead(_ read: PythonEnvRead) {
        if read.raisesWhenMissing {
            let tries = enclosingTryIDs
            if !tries.isEmpty { envReadTryIDs.append((facts.envReads.count, tries)) }
        }
        facts.envReads.append(read)
    }

    private mutating func environSubscript(
        tokens: [PythonToken], chainStart: Int, open: Int, statementStart: Int, end: Int, location: SourceLocation
    ) {
        if chainStart > statementStart, tokens[chainStart - 1].isWord("del", in: bytes) { return }
        var parser = PythonExpressionParser(tokens: tokens, source: source, start: open + 1, limit: end)
        let keyExpression = parser.parseExpression()
        guard parser.isOp(PythonByte.closeBracket) else { return }
        let after = parser.index + 1
        if after < end, tokens[after].kind == .op {
            let op = tokens[after].text(in: bytes)
            if op == "=" || (op.hasSuffix("=") && !["==", "<=", ">=", "!="].contains(op)) { return }
        }
        guard let key = literalString(keyExpression, locals: locals), !key.isEmpty else { return }
        recordEnvRead(PythonEnvRead(name: key, hasDefault: false, raisesWhenMissing: true, location: location))
    }

    /// Whether a default argument is present (`None` counts as absent) and its literal text.
    func defaultText(_ expression: PythonExpression?) -> (present: Bool, text: String?) {
        guard let expression, !expression.isNoneLiteral else { return (false, nil) }
        switch symbol(of: expression, locals: locals, depth: 0) {
        case .value(.literal(let text)): return (true, text)
        case .value(.int(let number)): return (true, String(number))
        default:
            if case .name(let name, _) = expression, name == "True" || name == "False" { return (true, name) }
            if case .number(let text, _) = expression { return (true, text) }
            return (true, nil)
        }
    }

    // MARK: - Listens

    private mutating func recordListen(_ spec: PythonListenSpec, _ call: PythonCallExpression, location: SourceLocation) {
        if spec.socketParameters.contains(where: { call.keyword($0) != nil }) { return }
        var pending = PythonPendingListen(spec: spec, hasUnpacking: call.hasUnpacking, locals: locals, location: location)
        if let position = spec.addressTuplePosition {
            guard position < call.positional.count || call.keyword("server_address") != nil || call.keyword("listener") != nil
            else { return }
            let argument = call.keyword("server_address") ?? call.keyword("listener") ?? call.positional[position]
            if case .tuple(let items, _) = argument, items.count >= 2 {
                pending.host = items[0]
                pending.port = items[1]
            } else {
                pending.address = argument
            }
        }
        if let parameter = spec.addressParameter, let address = call.keyword(parameter) { pending.address = address }
        if let parameter = spec.hostParameter, let host = call.argument(parameter, position: spec.hostPosition),
           !host.isNoneLiteral {
            pending.host = host
        }
        if let parameter = spec.portParameter, let port = call.argument(parameter, position: spec.portPosition),
           !port.isNoneLiteral {
            pending.port = port
        }
        pendingListens.append(pending)
    }
}
