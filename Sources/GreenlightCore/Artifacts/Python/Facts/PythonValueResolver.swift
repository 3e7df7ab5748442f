/// What an expression is known to evaluate to, before it is turned into a
/// `PythonValue`: it may still point into another module or at a settings object.
enum PythonSymbolic {
    case value(PythonValue)
    case reference(PythonNameReference)
    /// An instance (or the class) of a settings class defined in this module.
    case settings(String)
    case unknown
}

/// A piece of a string being built: known text, or a value that is not text here.
enum PythonPiece {
    case text(String)
    case symbol(PythonSymbolic)
}

/// Static evaluation of the small set of expressions that decide hosts, ports
/// and environment names: literals, constants, env reads, settings fields,
/// string building (`+`, `%`, `.format`, f-strings) and `int()`/`str()`.
extension PythonModuleAnalyzer {
    static let maxResolutionDepth = 12

    func parseBinding(_ range: Range<Int>) -> PythonExpression {
        var parser = PythonExpressionParser(tokens: code, source: source, start: range.lowerBound, limit: range.upperBound)
        return parser.parseExpressionList()
    }

    /// The assignment that decides a module-level name: the last one, unless it
    /// is conditional and others exist (then the value depends on run-time state).
    func moduleBinding(_ name: String) -> PythonModuleBinding.Target? {
        guard let binding = moduleBindings[name] else { return nil }
        if binding.count > 1, binding.isConditional { return nil }
        return binding.target
    }

    /// The binding expression of a name and the locals it must be read with.
    private func bindingExpression(_ name: String, locals: [String: PythonLocalBinding]) -> (PythonExpression, [String: PythonLocalBinding])? {
        if let local = locals[name] {
            if case .expression(let range) = local { return (parseBinding(range), locals) }
            return nil
        }
        if case .expression(let range) = moduleBinding(name) { return (parseBinding(range), [:]) }
        return nil
    }

    func lookupName(_ name: String, locals: [String: PythonLocalBinding], depth: Int) -> PythonSymbolic {
        if let local = locals[name] {
            switch local {
            case .expression(let range): return symbol(of: parseBinding(range), locals: locals, depth: depth + 1)
            case .imported(let reference): return .reference(reference)
            case .opaque: return .unknown
            }
        }
        switch moduleBinding(name) {
        case .expression(let range): return symbol(of: parseBinding(range), locals: [:], depth: depth + 1)
        case .imported(let reference): return .reference(reference)
        case .opaque, nil: return settingsClasses[name] != nil ? .settings(name) : .unknown
        }
    }

    /// Evaluates an expression as far as statically possible.
    func symbol(of expression: PythonExpression, locals: [String: PythonLocalBinding], depth: Int) -> PythonSymbolic {
        guard depth < PythonModuleAnalyzer.maxResolutionDepth else { return .unknown }
        switch expression {
        case .string(let text, _):
            return .value(.literal(text))
        case .number(let text, _):
            if let number = Int(String(text.filter { $0 != "_" })) { return .value(.int(number)) }
            return .value(.literal(text))
        case .unary("-", .number(let text, _), _):
            if let number = Int(text) { return .value(.int(-number)) }
            return .unknown
        case .name(let name, _):
            return lookupName(name, locals: locals, depth: depth)
        case .attribute(let base, let member, _):
            switch symbol(of: base, locals: locals, depth: depth + 1) {
            case .settings(let className):
                guard let settings = settingsClasses[className], let field = settings.field(named: member),
                      let envName = settings.envNames(of: field).first
                else { return .unknown }
                return .value(.env(name: envName, default: field.defaultValue))
            case .reference(let reference):
                let path = reference.path.isEmpty ? member : reference.path + "." + member
                return .reference(PythonNameReference(module: reference.module, level: reference.level, path: path))
            default:
                return .unknown
            }
        case .call(let call):
            return callSymbol(call, locals: locals, depth: depth)
        case .index(let base, let key, _):
            guard let parts = base.dottedParts, qualifiedCandidates(parts).contains("os.environ"),
                  let name = literalString(key, locals: locals, depth: depth + 1)
            else { return .unknown }
            return .value(.env(name: name, default: nil))
        case .binary("or", let left, let right, _):
            let first = symbol(of: left, locals: locals, depth: depth + 1)
            switch first {
            case .value(.env(let name, nil)):
                switch symbol(of: right, locals: locals, depth: depth + 1) {
                case .value(.literal(let text)): return .value(.env(name: name, default: text))
                case .value(.int(let number)): return .value(.env(name: name, default: String(number)))
                default: return .value(.env(name: name, default: nil))
                }
            case .value(.literal(let text)) where !text.isEmpty:
                return first
            case .value(.int(let number)) where number != 0:
                return first
            default:
                return .unknown
            }
        default:
            return .unknown
        }
    }

    private func callSymbol(_ call: PythonCallExpression, locals: [String: PythonLocalBinding], depth: Int) -> PythonSymbolic {
        if let parts = call.callee.dottedParts {
            let candidates = qualifiedCandidates(parts)
            if parts.count == 1, aliases[parts[0]] == nil, locals[parts[0]] == nil, moduleBindings[parts[0]] == nil {
                let builtin = parts[0]
                if builtin == "int" || builtin == "str" || builtin == "float", let argument = call.positional.first {
                    let inner = symbol(of: argument, locals: locals, depth: depth + 1)
                    if builtin == "int", case .value(.literal(let text)) = inner, let number = Int(text) { return .value(.int(number)) }
                    return inner
                }
            }
            if let name = candidates.first(where: { PythonCallTables.envCalls.contains($0) }) {
                let keyName = name == "decouple.config" ? "option" : "key"
                guard let key = call.argument(keyName, position: 0).flatMap({ literalString($0, locals: locals, depth: depth + 1) }) else {
                    return .unknown
                }
                let fallback = defaultLiteral(call.argument("default", position: 1), locals: locals, depth: depth)
                return .value(.env(name: key, default: fallback))
            }
            if parts.count == 1, let settings = settingsGetters[parts[0]] { return .settings(settings) }
        }
        switch symbol(of: call.callee, locals: locals, depth: depth + 1) {
        case .settings(let name): return .settings(name)
        case .reference(let reference): return .reference(reference)
        default: return .unknown
        }
    }

    private func defaultLiteral(_ expression: PythonExpression?, locals: [String: PythonLocalBinding], depth: Int) -> String? {
        guard let expression, !expression.isNoneLiteral else { return nil }
        switch symbol(of: expression, locals: locals, depth: depth + 1) {
        case .value(.literal(let text)): return text
        case .value(.int(let number)): return String(number)
        default: return nil
        }
    }

    /// The string an expression evaluates to when it is a literal or a constant.
    func literalString(_ expression: PythonExpression, locals: [String: PythonLocalBinding], depth: Int = 0) -> String? {
        if let text = expression.stringValue { return text }
        if case .value(.literal(let text)) = symbol(of: expression, locals: locals, depth: depth) { return text }
        return nil
    }

    // MARK: - Strings built from pieces

    /// Breaks a string-building expression into known text and unknown values.
    func pieces(of expression: PythonExpression, locals: [String: PythonLocalBinding], depth: Int) -> [PythonPiece] {
        guard depth < PythonModuleAnalyzer.maxResolutionDepth else { return [.symbol(.unknown)] }
        switch expression {
        case .string(let text, _):
            return [.text(text)]
        case .number(let text, _):
            return [.text(text)]
        case .formattedString(let parts, _):
            return parts.flatMap { part -> [PythonPiece] in
                switch part {
                case .text(let text): [.text(text)]
                case .expression(let inner): pieces(of: inner, locals: locals, depth: depth + 1)
                }
            }
        case .binary("+", let left, let right, _):
            return pieces(of: left, locals: locals, depth: depth + 1) + pieces(of: right, locals: locals, depth: depth + 1)
        case .binary("%", .string(let format, _), let arguments, _):
            var items: [PythonExpression] = [arguments]
            if case .tuple(let tuple, _) = arguments { items = tuple }
            return percentFormat(format, items, locals: locals, depth: depth)
        case .call(let call):
            if case .attribute(.string(let format, _), "format", _) = call.callee {
                return braceFormat(format, call, locals: locals, depth: depth)
            }
            if call.callee.dottedParts == ["str"], let argument = call.positional.first {
                return pieces(of: argument, locals: locals, depth: depth + 1)
            }
        case .name(let name, _):
            if let (bound, scope) = bindingExpression(name, locals: locals) {
                return pieces(of: bound, locals: scope, depth: depth + 1)
            }
        default:
            break
        }
        return [piece(symbol(of: expression, locals: locals, depth: depth + 1))]
    }

    private func piece(_ symbol: PythonSymbolic) -> PythonPiece {
        switch symbol {
        case .value(.literal(let text)): .text(text)
        case .value(.int(let number)): .text(String(number))
        default: .symbol(symbol)
        }
    }

    private func percentFormat(_ format: String, _ items: [PythonExpression], locals: [String: PythonLocalBinding], depth: Int) -> [PythonPiece] {
        var result: [PythonPiece] = []
        var text = ""
        var next = 0
        var characters = format.unicodeScalars.makeIterator()
        while let scalar = characters.next() {
            guard scalar == "%" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            guard let conversion = characters.next() else { break }
            if conversion == "%" {
                text += "%"
                continue
            }
            guard "sdir".unicodeScalars.contains(conversion), next < items.count else { return [.symbol(.unknown)] }
            if !text.isEmpty { result.append(.text(text)) }
            text = ""
            result += pieces(of: items[next], locals: locals, depth: depth + 1)
            next += 1
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }

    private func braceFormat(_ format: String, _ call: PythonCallExpression, locals: [String: PythonLocalBinding], depth: Int) -> [PythonPiece] {
        var result: [PythonPiece] = []
        var text = ""
        var next = 0
        var characters = Array(format.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if scalar == "}", characters.first == "}" {
                characters.removeFirst()
                text += "}"
                continue
            }
            guard scalar == "{" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            if characters.first == "{" {
                characters.removeFirst()
                text += "{"
                continue
            }
            var field = ""
            while let inner = characters.popFirst(), inner != "}" { field.unicodeScalars.append(inner) }
            let name = String(field.prefix(while: { $0 != ":" && $0 != "!" }))
            let argument: PythonExpression?
            if name.isEmpty {
                argument = next < call.positional.count ? call.positional[next] : nil
                next += 1
            } else if let position = Int(name) {
                argument = position < call.positional.count ? call.positional[position] : nil
            } else {
                argument = call.keyword(name)
            }
            guard let argument else { return [.symbol(.unknown)] }
            if !text.isEmpty { result.append(.text(text)) }
            text = ""
            result += pieces(of: argument, locals: locals, depth: depth + 1)
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }
}
