/// Classes, and pydantic `BaseSettings` subclasses in particular: every field
/// of a settings class is an environment variable read when it is instantiated.
extension PythonModuleAnalyzer {
    mutating func classHeader(_ keywordIndex: Int, _ headerEnd: Int) -> PythonBlock {
        let nameIndex = keywordIndex + 1
        let name = nameIndex < headerEnd && code[nameIndex].kind == .name ? code[nameIndex].text(in: bytes) : ""
        scanCalls(in: code, keywordIndex, headerEnd)
        var block = PythonBlock(.classBody(name: name))
        if !name.isEmpty { bindName(name, .opaque) }
        guard !name.isEmpty, nameIndex + 1 < headerEnd, code[nameIndex + 1].isOp(PythonByte.openParen, in: bytes) else {
            return block
        }
        var parser = PythonExpressionParser(tokens: code, source: source, start: nameIndex + 1, limit: headerEnd)
        let bases = parser.parseCall(callee: .name(name, at: code[nameIndex].start))
        var settings: PythonSettingsClass?
        for base in bases.positional {
            guard let parts = base.dottedParts, let last = parts.last else { continue }
            if parts.count == 1, var parent = settingsClasses[last] {
                parent.name = name
                parent.ownFieldStart = parent.fields.count
                settings = parent
                break
            }
            if last == "BaseSettings" {
                settings = PythonSettingsClass(name: name)
                break
            }
        }
        if var found = settings {
            for (keyword, value) in bases.keywords { applySettingsOption(keyword, value, to: &found) }
            block.settings = found
        }
        return block
    }

    /// A statement directly in a settings class body: a field or `model_config`.
    mutating func settingsClassStatement(_ start: Int, _ end: Int) {
        guard var settings = blocks.last?.settings, code[start].kind == .name else { return }
        let name = code[start].text(in: bytes)
        let hasAnnotation = start + 1 < end && code[start + 1].isOp(PythonByte.colon, in: bytes)
        let equal = topLevelEqual(start + 1, end)
        if name == "model_config" {
            if let equal, equal + 1 < end { applySettingsConfig(parseBinding((equal + 1)..<end), to: &settings) }
        } else if hasAnnotation, !name.hasPrefix("_") {
            let annotation = (start + 2)..<(equal ?? end)
            if !annotationContains("ClassVar", annotation) {
                settings.fields.append(settingsField(name, annotation: annotation, value: equal.map { ($0 + 1)..<end }, at: start))
            }
        }
        blocks[blocks.count - 1].settings = settings
    }

    /// A statement in a settings class's inner `class Config:` (pydantic v1 style).
    mutating func settingsConfigStatement(_ start: Int, _ end: Int) {
        let parent = blocks.count - 2
        guard parent >= 0, var settings = blocks[parent].settings, code[start].kind == .name,
              let equal = topLevelEqual(start + 1, end), equal + 1 < end
        else { return }
        applySettingsOption(code[start].text(in: bytes), parseBinding((equal + 1)..<end), to: &settings)
        blocks[parent].settings = settings
    }

    mutating func finishSettingsClass(_ settings: PythonSettingsClass) {
        guard !settings.name.isEmpty else { return }
        settingsClasses[settings.name] = settings
        for field in settings.fields[min(settings.ownFieldStart, settings.fields.count)...] {
            let names = settings.envNames(of: field)
            guard let first = names.first else { continue }
            facts.envReads.append(PythonEnvRead(
                name: first, hasDefault: field.hasDefault, defaultValue: field.defaultValue,
                raisesWhenMissing: !field.hasDefault, isCaseInsensitive: !settings.caseSensitive,
                alternativeNames: Array(names.dropFirst()), settingsClass: settings.name, envFiles: settings.envFiles,
                location: field.location
            ))
        }
    }

    // MARK: - Fields

    private func settingsField(_ name: String, annotation: Range<Int>, value: Range<Int>?, at index: Int) -> PythonSettingsClass.Field {
        let optional = annotationContains("Optional", annotation) || annotationContains("None", annotation)
        var field = PythonSettingsClass.Field(
            name: name, explicitNames: [], hasDefault: optional, defaultValue: nil, location: code[index].location(in: source)
        )
        guard let value, !value.isEmpty else { return field }
        let expression = parseBinding(value)
        guard case .call(let call) = expression, call.callee.dottedParts?.last == "Field" else {
            let fallback = defaultText(expression)
            field.hasDefault = true
            field.defaultValue = fallback.text
            return field
        }
        var required = true
        if let first = call.positional.first {
            if case .ellipsis = first {} else {
                required = false
                field.defaultValue = first.isNoneLiteral ? nil : defaultText(first).text
            }
        }
        if let fallback = call.keyword("default") {
            if case .ellipsis = fallback {} else {
                required = false
                field.defaultValue = fallback.isNoneLiteral ? nil : defaultText(fallback).text
            }
        }
        if call.keyword("default_factory") != nil { required = false }
        field.hasDefault = !required || optional
        for keyword in ["validation_alias", "alias", "env"] {
            guard let argument = call.keyword(keyword) else { continue }
            let names = aliasNames(argument)
            if !names.isEmpty {
                field.explicitNames = names
                break
            }
        }
        return field
    }

    /// Names from `"X"`, `["X", "Y"]`, `("X", "Y")` or `AliasChoices("X", "Y")`.
    private func aliasNames(_ expression: PythonExpression) -> [String] {
        switch expression {
        case .string(let text, _):
            return [text]
        case .list(let items, _), .tuple(let items, _):
            return items.compactMap(\.stringValue)
        case .call(let call) where call.callee.dottedParts?.last == "AliasChoices":
            return call.positional.compactMap(\.stringValue)
        default:
            return []
        }
    }

    private func annotationContains(_ word: String, _ range: Range<Int>) -> Bool {
        range.contains(where: { $0 < code.count && code[$0].isWord(word, in: bytes) })
    }

    private func topLevelEqual(_ start: Int, _ end: Int) -> Int? {
        var depth = 0
        for index in start..<max(start, end) {
            let token = code[index]
            guard token.kind == .op, token.end - token.start == 1 else { continue }
            switch bytes[token.start] {
            case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace: depth += 1
            case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace: depth = max(0, depth - 1)
            case UInt8(ascii: "="): if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    // MARK: - Configuration

    /// `SettingsConfigDict(env_prefix=...)`, `ConfigDict(...)`, `dict(...)` or a dict display.
    private func applySettingsConfig(_ expression: PythonExpression, to settings: inout PythonSettingsClass) {
        switch expression {
        case .call(let call):
            for (keyword, value) in call.keywords { applySettingsOption(keyword, value, to: &settings) }
        case .dict(let entries, _):
            for entry in entries {
                if let key = entry.key?.stringValue { applySettingsOption(key, entry.value, to: &settings) }
            }
        default:
            break
        }
    }

    private func applySettingsOption(_ option: String, _ value: PythonExpression, to settings: inout PythonSettingsClass) {
        switch option {
        case "env_prefix":
            if let prefix = literalString(value, locals: [:]) { settings.envPrefix = prefix }
        case "case_sensitive":
            if case .name(let flag, _) = value { settings.caseSensitive = flag == "True" }
        case "env_file":
            if value.isNoneLiteral {
                settings.envFiles = []
            } else if let file = literalString(value, locals: [:]) {
                settings.envFiles = [file]
            } else if case .tuple(let items, _) = value {
                settings.envFiles = items.compactMap(\.stringValue)
            } else if case .list(let items, _) = value {
                settings.envFiles = items.compactMap(\.stringValue)
            }
        default:
            break
        }
    }
}
