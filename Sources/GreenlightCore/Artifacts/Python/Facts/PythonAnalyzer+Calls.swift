/// Call sites anywhere in an expression: environment reads, server start-up,
/// listen addresses, database connections and `.env` loading.
extension PythonModuleAnalyzer {
    /// Scans tokens `start..<end` of `tokens` (the module's code or an f-string field) for known calls.
    mutating func scanCalls(in tokens: [PythonToken], _ start: Int, _ end: Int) {
        var index = start
        while index < end {
            let token = tokens[index]
            if token.kind == .string {
                scanFormattedString(token)
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
            let lastName = tokens[last].text(in: bytes)
            let interesting = PythonCallTables.interestingLastNames.contains(lastName) || lastName.hasSuffix("Broker")
                || (last == index && aliases[lastName] != nil)
            if interesting {
                var parts: [String] = []
                for part in stride(from: index, through: last, by: 2) { parts.append(tokens[part].text(in: bytes)) }
                callSite(parts, tokens: tokens, chainStart: index, open: open, statementStart: start, end: end)
            }
            index = last + 1
        }
    }

    private mutating func scanFormattedString(_ token: PythonToken) {
        var hasFormattedPrefix = false
        var offset = token.start
        while offset < token.end, !PythonByte.isQuote(bytes[offset]) {
            if bytes[offset] | 0x20 == UInt8(ascii: "f") { hasFormattedPrefix = true }
            offset += 1
        }
        guard hasFormattedPrefix, let parts = PythonStringLiteral.formattedParts(of: token, in: bytes) else { return }
        for case .field(let range) in parts {
            let fragment = PythonTokenizer.tokenizeFragment(source, range: range)
            scanCalls(in: fragment, 0, fragment.count)
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
        var parser = PythonExpressionParser(tokens: tokens, source: source, start: open, limit: end)
        let call = parser.parseCall(callee: .name(parts.joined(separator: "."), at: tokens[chainStart].start))
        for name in qualifiedCandidates(parts) {
            if PythonModuleAnalyzer.envCalls.contains(name) {
                envCall(name, call, tokens: tokens, after: parser.index, end: end, location: location)
                return
            }
            if name == "dotenv.load_dotenv" || name == "dotenv.main.load_dotenv" {
                facts.dotenvLoads.append(location)
                return
            }
            var matched = false
            if let server = PythonCallTables.serverCalls[name] {
                facts.serverHints.append(PythonServerHint(kind: server.kind, framework: server.framework, location: location))
                matched = true
            }
            if let spec = PythonCallTables.listenCalls[name] {
                recordListen(spec, call, location: location)
                matched = true
            }
            if PythonCallTables.databaseCalls.contains(name) {
                if isStartupContext { facts.databaseHints.append(Located(name, at: location)) }
                matched = true
            }
            if matched { return }
        }
        guard parts.count >= 2, let lastName = parts.last else { return }
        if lastName == "add_insecure_port" || lastName == "add_secure_port" {
            facts.serverHints.append(PythonServerHint(kind: .grpc, framework: "grpc", location: location))
            let spec = PythonListenSpec(kind: .grpc, framework: "grpc")
            if let address = call.argument("address", position: 0) {
                pendingListens.append(PythonPendingListen(
                    spec: spec, address: address, hasUnpacking: call.hasUnpacking, locals: locals, location: location
                ))
            }
        } else if lastName == "run", parts.count == 2, let kind = facts.appObjects[parts[0]],
                  let spec = PythonCallTables.appRunCalls[kind] {
            facts.serverHints.append(PythonServerHint(kind: spec.kind, framework: spec.framework, location: location))
            recordListen(spec, call, location: location)
        }
    }

    private static let envCalls: Set<String> = ["os.getenv", "os.environ.get", "os.environ.setdefault", "decouple.config"]

    // MARK: - Environment reads

    private mutating func envCall(
        _ name: String, _ call: PythonCallExpression, tokens: [PythonToken], after: Int, end: Int, location: SourceLocation
    ) {
        guard let keyExpression = call.argument(name == "decouple.config" ? "option" : "key", position: 0),
              let key = literalString(keyExpression, locals: locals), !key.isEmpty
        else { return }
        var fallback = defaultText(call.argument("default", position: 1))
        if !fallback.present, after < end, tokens[after].isWord("or", in: bytes) {
            var parser = PythonExpressionParser(tokens: tokens, source: source, start: after + 1, limit: end)
            fallback = defaultText(parser.parseExpression())
        }
        facts.envReads.append(PythonEnvRead(
            name: key, hasDefault: fallback.present, defaultValue: fallback.text,
            raisesWhenMissing: name == "decouple.config" && !fallback.present, location: location
        ))
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
        facts.envReads.append(PythonEnvRead(name: key, hasDefault: false, raisesWhenMissing: true, location: location))
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
