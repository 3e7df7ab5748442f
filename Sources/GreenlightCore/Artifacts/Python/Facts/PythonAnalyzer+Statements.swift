/// Simple statements: imports, assignments and returns.
extension PythonModuleAnalyzer {
    // MARK: - Imports

    mutating func importStatement(_ start: Int, _ end: Int) {
        var index = start + 1
        while index < end {
            let itemStart = index
            let (module, next) = dottedName(from: index, end)
            index = next
            var alias: String?
            if index + 1 < end, code[index].isWord("as", in: bytes), code[index + 1].kind == .name {
                alias = code[index + 1].text(in: bytes)
                index += 2
            }
            if !module.isEmpty {
                let item = PythonImport(module: module, alias: alias, location: code[itemStart].location(in: source))
                recordImport(item)
                if let alias {
                    bindImport(alias, qualified: module, PythonNameReference(module: module, level: 0, path: ""))
                } else {
                    let top = item.topLevel
                    bindImport(top, qualified: top, PythonNameReference(module: top, level: 0, path: ""))
                }
            }
            guard index < end, code[index].isOp(UInt8(ascii: ","), in: bytes) else { break }
            index += 1
        }
    }

    mutating func fromImportStatement(_ start: Int, _ end: Int) {
        var index = start + 1
        var level = 0
        while index < end, code[index].kind == .op {
            if code[index].isOp(PythonByte.dot, in: bytes) {
                level += 1
            } else if code[index].matches("...", in: bytes) {
                level += 3
            } else {
                break
            }
            index += 1
        }
        let (module, afterModule) = dottedName(from: index, end)
        index = afterModule
        guard index < end, code[index].isWord("import", in: bytes), level > 0 || !module.isEmpty else {
            report("invalid from-import statement", at: start)
            return
        }
        index += 1
        var names: [String] = []
        var aliases: [String: String] = [:]
        while index < end {
            let token = code[index]
            if token.kind == .op, token.isOp(PythonByte.openParen, in: bytes) || token.isOp(PythonByte.closeParen, in: bytes)
                || token.isOp(UInt8(ascii: ","), in: bytes) {
                index += 1
                continue
            }
            if token.isOp(UInt8(ascii: "*"), in: bytes) {
                names.append("*")
                index += 1
                continue
            }
            guard token.kind == .name else { break }
            let name = token.text(in: bytes)
            names.append(name)
            index += 1
            if index + 1 < end, code[index].isWord("as", in: bytes), code[index + 1].kind == .name {
                aliases[name] = code[index + 1].text(in: bytes)
                index += 2
            }
        }
        let item = PythonImport(
            module: module, names: names, aliases: aliases, level: level, isFromImport: true,
            location: code[start].location(in: source)
        )
        recordImport(item)
        let dots = String(repeating: ".", count: level)
        for name in names {
            if name == "*" {
                facts.hasStarImport = true
                if level == 0 { starModules.append(module) }
                continue
            }
            let qualified = module.isEmpty ? dots + name : dots + module + "." + name
            bindImport(aliases[name] ?? name, qualified: qualified, PythonNameReference(module: module, level: level, path: name))
        }
    }

    /// Reads `a.b.c` from `start`; returns the name and the index after it.
    private func dottedName(from start: Int, _ end: Int) -> (String, Int) {
        var index = start
        var name = ""
        while index < end, code[index].kind == .name {
            let part = code[index].text(in: bytes)
            if part == "import" || part == "as" { break }
            name += name.isEmpty ? part : "." + part
            index += 1
            guard index + 1 < end, code[index].isOp(PythonByte.dot, in: bytes), code[index + 1].kind == .name else { break }
            index += 1
        }
        return (name, index)
    }

    private mutating func recordImport(_ item: PythonImport) {
        var item = item
        var conditional = false
        var conditionalWhenMain = false
        var tryIDs: [Int] = []
        for block in blocks {
            switch block.kind {
            case .function, .exceptHandler:
                conditional = true
                conditionalWhenMain = true
            case .ifBranch(let isTypeChecking, let isMainGuard):
                conditional = true
                if !isMainGuard { conditionalWhenMain = true }
                if isTypeChecking { item.isTypeCheckingOnly = true }
            case .tryBody(let id):
                tryIDs.append(id)
            case .classBody, .plain:
                break
            }
        }
        item.isConditional = conditional
        item.isConditionalWhenMain = conditionalWhenMain
        facts.imports.append(item)
        importTryIDs.append(tryIDs)
    }

    private mutating func bindImport(_ local: String, qualified: String, _ reference: PythonNameReference) {
        aliases[local] = qualified
        aliasFilter.insert(local)
        bindName(local, .imported(reference))
    }

    // MARK: - Names

    /// Binds `name` in the current scope: module bindings at module level,
    /// locals inside a function, nothing in a class body.
    mutating func bindName(_ name: String, _ target: PythonModuleBinding.Target) {
        guard let scope = blocks.lastIndex(where: { $0.isFunction || $0.isClass }) else {
            let count = (moduleBindings[name]?.count ?? 0) + 1
            moduleBindings[name] = PythonModuleBinding(target: target, isConditional: !blocks.isEmpty, count: count)
            return
        }
        guard blocks[scope].isFunction else { return }
        switch target {
        case .expression(let range): locals[name] = .expression(range)
        case .imported(let reference): locals[name] = .imported(reference)
        case .opaque: locals[name] = .opaque
        }
    }

    /// Binds every plain name in a target list (`a, (b, c)`) to an unknown value.
    mutating func bindOpaqueNames(_ start: Int, _ end: Int) {
        for index in start..<max(start, end) where code[index].kind == .name {
            if index > start, code[index - 1].isOp(PythonByte.dot, in: bytes) { continue }
            if index + 1 < end, code[index + 1].isOp(PythonByte.dot, in: bytes) || code[index + 1].isOp(PythonByte.openBracket, in: bytes)
                || code[index + 1].isOp(PythonByte.openParen, in: bytes) { continue }
            let name = code[index].text(in: bytes)
            if PythonKeywords.reserved.contains(name) { continue }
            bindName(name, .opaque)
        }
    }

    /// Binds the names following `as` (`with open(p) as f`, `except E as e`).
    mutating func bindTargets(after keyword: String, _ start: Int, _ end: Int) {
        var index = start
        while index + 1 < end {
            if code[index].isWord(keyword, in: bytes), code[index + 1].kind == .name {
                bindName(code[index + 1].text(in: bytes), .opaque)
            }
            index += 1
        }
    }

    // MARK: - Assignments

    mutating func assignmentStatement(_ start: Int, _ end: Int) {
        var equals: [Int] = []
        var annotationColon: Int?
        var depth = 0
        var index = start
        scan: while index < end {
            let token = code[index]
            if token.kind == .name, depth == 0, token.matches("lambda", in: bytes) { break scan }
            if token.kind == .op, token.end - token.start == 1 {
                switch bytes[token.start] {
                case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace: depth += 1
                case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace: depth = max(0, depth - 1)
                case UInt8(ascii: "="): if depth == 0 { equals.append(index) }
                case PythonByte.colon: if depth == 0, equals.isEmpty, annotationColon == nil { annotationColon = index }
                default: break
                }
            }
            index += 1
        }
        guard let last = equals.last, last + 1 < end else {
            if let colon = annotationColon, colon == start + 1, code[start].kind == .name, isModuleScope {
                facts.topLevelNames.insert(code[start].text(in: bytes))
            }
            return
        }
        let value = (last + 1)..<end
        var targetStart = start
        for equal in equals {
            let targetEnd = (targetStart == start ? annotationColon : nil).map { min($0, equal) } ?? equal
            bindAssignmentTarget(targetStart, targetEnd, value: value)
            targetStart = equal + 1
        }
    }

    private mutating func bindAssignmentTarget(_ start: Int, _ end: Int, value: Range<Int>) {
        guard start < end else { return }
        guard end - start == 1, code[start].kind == .name else {
            let first = code[start]
            let isUnpacking = first.isOp(PythonByte.openParen, in: bytes) || first.isOp(PythonByte.openBracket, in: bytes)
                || (start..<end).contains(where: { code[$0].isOp(UInt8(ascii: ","), in: bytes) })
            if isUnpacking { bindOpaqueNames(start, end) }
            return
        }
        let name = code[start].text(in: bytes)
        bindName(name, .expression(value))
        guard mayCreateAppOrSettings(value), let parts = calleeParts(value) else { return }
        let kind = appKind(ofCallee: parts)
        if isModuleScope {
            if let kind { facts.appObjects[name] = kind }
        } else if let function = innermostFunction, blocks.last(where: { $0.isFunction || $0.isClass })?.isFunction == true {
            if let kind { blocks[function].localAppKinds[name] = kind }
            if parts.count == 1, settingsClasses[parts[0]] != nil { blocks[function].localSettings[name] = parts[0] }
        }
    }

    /// A cheap test on the callee's last name before any string is built.
    private func mayCreateAppOrSettings(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        var last: PythonToken?
        while index < range.upperBound, code[index].kind == .name {
            last = code[index]
            index += 1
            guard index + 1 < range.upperBound, code[index].isOp(PythonByte.dot, in: bytes) else { break }
            index += 1
        }
        guard let last, index < range.upperBound, code[index].isOp(PythonByte.openParen, in: bytes) else { return false }
        return PythonCallTables.appLastNameFilter.mayContain(last, in: bytes) || last.hasSuffix("Broker", in: bytes)
            || !facts.appFactories.isEmpty || !settingsClasses.isEmpty
    }

    /// The dotted callee when `range` starts with a call (`FastAPI(`, `web.Application(`).
    func calleeParts(_ range: Range<Int>) -> [String]? {
        var index = range.lowerBound
        if index < range.upperBound, code[index].isWord("await", in: bytes) { index += 1 }
        var parts: [String] = []
        while index < range.upperBound, code[index].kind == .name {
            parts.append(code[index].text(in: bytes))
            index += 1
            guard index + 1 < range.upperBound, code[index].isOp(PythonByte.dot, in: bytes) else { break }
            index += 1
        }
        guard !parts.isEmpty, index < range.upperBound, code[index].isOp(PythonByte.openParen, in: bytes) else { return nil }
        return parts
    }

    /// The application kind a call creates: a known constructor or a local factory.
    func appKind(ofCallee parts: [String]) -> PythonAppKind? {
        for name in qualifiedCandidates(parts) {
            if let kind = PythonCallTables.appKind(forCallee: name) { return kind }
        }
        if parts.count == 1 { return facts.appFactories[parts[0]] }
        return nil
    }
}
