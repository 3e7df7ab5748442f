/// The end of a module: decisions that need the whole file (try handlers,
/// constants defined after their use, settings fields) are made here.
extension PythonModuleAnalyzer {
    mutating func finish() {
        for index in facts.imports.indices where index < importTryIDs.count {
            let guarded = importTryIDs[index].contains { $0 < tryCatchesImport.count && tryCatchesImport[$0] }
            if guarded {
                facts.imports[index].isConditional = true
                facts.imports[index].isConditionalWhenMain = true
            }
        }
        for entry in envReadTryIDs where entry.read < facts.envReads.count {
            if entry.tries.contains(where: { $0 < tryCatchesKeyError.count && tryCatchesKeyError[$0] }) {
                facts.envReads[entry.read].raisesWhenMissing = false
            }
        }
        facts.pb2Imports = PythonModuleAnalyzer.pb2Imports(in: facts.imports)
        facts.topLevelNames.formUnion(moduleBindings.keys)
        for pending in pendingListens { facts.listens.append(listen(from: pending)) }
        buildExports()
    }

    /// True when the last dotted component ends in `_pb2` or `_pb2_grpc`.
    static func isPb2Module<Name: StringProtocol>(_ name: Name) -> Bool {
        let utf8 = name.utf8
        let count = utf8.count
        return (count >= 4 && utf8.suffix(4).elementsEqual(pb2Suffix))
            || (count >= 9 && utf8.suffix(9).elementsEqual(pb2GrpcSuffix))
    }

    private static let pb2Suffix = Array("_pb2".utf8)
    private static let pb2GrpcSuffix = Array("_pb2_grpc".utf8)

    static func pb2Imports(in imports: [PythonImport]) -> [PythonImport] {
        var result: [PythonImport] = []
        for item in imports {
            if isPb2Module(item.module) { result.append(item) }
            guard item.isFromImport else { continue }
            for name in item.names where isPb2Module(name) {
                var pb2 = item
                pb2.module = item.module.isEmpty ? name : item.module + "." + name
                pb2.names = []
                pb2.aliases = [:]
                result.append(pb2)
            }
        }
        return result
    }

    // MARK: - Listens

    private func listen(from pending: PythonPendingListen) -> PythonListen {
        var host: PythonSymbolic = .unknown
        var port: PythonSymbolic = .unknown
        var hostGiven = pending.host != nil
        var portGiven = pending.port != nil
        if let expression = pending.host { host = symbol(of: expression, locals: pending.locals, depth: 0) }
        if let expression = pending.port { port = symbol(of: expression, locals: pending.locals, depth: 0) }
        if let address = pending.address {
            if let items = tupleItems(address, locals: pending.locals, depth: 0), items.count >= 2 {
                host = symbol(of: items[0], locals: pending.locals, depth: 0)
                port = symbol(of: items[1], locals: pending.locals, depth: 0)
            } else if let split = splitAddress(pieces(of: address, locals: pending.locals, depth: 0)) {
                host = split.host
                port = split.port
            }
            hostGiven = true
            portGiven = true
        }
        var result = PythonListen(
            kind: pending.spec.kind, framework: pending.spec.framework, host: .unknown, port: .unknown,
            location: pending.location
        )
        if !hostGiven, !pending.hasUnpacking, let fallback = pending.spec.defaultHost {
            result.host = .literal(fallback)
            result.hostIsDefault = true
        } else {
            (result.host, result.hostReference) = concrete(host, isPort: false)
        }
        if !portGiven, !pending.hasUnpacking, let fallback = pending.spec.defaultPort {
            result.port = .int(fallback)
            result.portIsDefault = true
        } else {
            (result.port, result.portReference) = concrete(port, isPort: true)
        }
        return result
    }

    private func tupleItems(_ expression: PythonExpression, locals: [String: PythonLocalBinding], depth: Int) -> [PythonExpression]? {
        guard depth < PythonModuleAnalyzer.maxResolutionDepth else { return nil }
        if case .tuple(let items, _) = expression { return items }
        guard case .name(let name, _) = expression else { return nil }
        if let local = locals[name] {
            guard case .expression(let range) = local else { return nil }
            return tupleItems(parseBinding(range), locals: locals, depth: depth + 1)
        }
        if case .expression(let range) = moduleBinding(name) {
            return tupleItems(parseBinding(range), locals: [:], depth: depth + 1)
        }
        return nil
    }

    /// Splits `host:port` pieces at the last `:` in known text (`[::]:50051`, `0.0.0.0:` + port).
    func splitAddress(_ pieces: [PythonPiece]) -> (host: PythonSymbolic, port: PythonSymbolic)? {
        for index in pieces.indices.reversed() {
            guard case .text(let text) = pieces[index], let colon = text.lastIndex(of: ":") else { continue }
            let hostText = String(text[..<colon])
            let portText = String(text[text.index(after: colon)...])
            var hostPieces = Array(pieces[..<index])
            if !hostText.isEmpty { hostPieces.append(.text(hostText)) }
            var portPieces: [PythonPiece] = portText.isEmpty ? [] : [.text(portText)]
            portPieces += pieces[(index + 1)...]
            return (collapse(hostPieces), collapse(portPieces))
        }
        return nil
    }

    private func collapse(_ pieces: [PythonPiece]) -> PythonSymbolic {
        if pieces.isEmpty { return .value(.literal("")) }
        if pieces.count == 1, case .symbol(let symbol) = pieces[0] { return symbol }
        var text = ""
        for piece in pieces {
            guard case .text(let part) = piece else { return .unknown }
            text += part
        }
        return .value(.literal(text))
    }

    private func concrete(_ symbol: PythonSymbolic, isPort: Bool) -> (PythonValue, PythonNameReference?) {
        switch symbol {
        case .value(.literal(let text)):
            if isPort, let number = Int(text) { return (.int(number), nil) }
            return (.literal(text), nil)
        case .value(let value):
            return (value, nil)
        case .reference(let reference):
            return (.unknown, reference)
        case .settings, .unknown:
            return (.unknown, nil)
        }
    }

    // MARK: - Exports

    private mutating func buildExports() {
        for (className, settings) in settingsClasses {
            addSettingsExports(prefix: className, settings)
        }
        for (getter, className) in settingsGetters {
            if let settings = settingsClasses[className] { addSettingsExports(prefix: getter, settings) }
        }
        for (name, binding) in moduleBindings where settingsClasses[name] == nil {
            // Imported names are followed through `imports`; container displays and
            // lambdas never hold a host, port or settings object.
            guard case .expression(let range) = binding.target, range.lowerBound < code.count else { continue }
            let first = code[range.lowerBound]
            if first.isOp(PythonByte.openBracket, in: bytes) || first.isOp(PythonByte.openBrace, in: bytes)
                || first.isWord("lambda", in: bytes) || !mayHoldValue(range) {
                continue
            }
            switch lookupName(name, locals: [:], depth: 0) {
            case .value(let value) where value != .unknown:
                facts.exports[name] = PythonBinding(value: value)
            case .reference(let reference):
                facts.exports[name] = PythonBinding(value: .unknown, reference: reference)
            case .settings(let className):
                if let settings = settingsClasses[className] { addSettingsExports(prefix: name, settings) }
            default:
                break
            }
        }
    }

    /// A value needs a literal somewhere (`int(os.getenv("PORT", "80"))`), or is short
    /// enough to be a name or an object made from one (`config.PORT`, `Settings()`).
    private func mayHoldValue(_ range: Range<Int>) -> Bool {
        if range.count <= 6 { return true }
        return range.contains(where: { code[$0].kind == .string || code[$0].kind == .number })
    }

    private mutating func addSettingsExports(prefix: String, _ settings: PythonSettingsClass) {
        for field in settings.fields {
            guard let envName = settings.envNames(of: field).first else { continue }
            facts.exports[prefix + "." + field.name] = PythonBinding(value: .env(name: envName, default: field.defaultValue))
        }
    }
}
