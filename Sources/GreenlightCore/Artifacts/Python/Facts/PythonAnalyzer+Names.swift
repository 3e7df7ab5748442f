/// Returns from factory functions, and qualified names of calls through imports.
extension PythonModuleAnalyzer {
    // MARK: - Returns

    mutating func returnStatement(_ start: Int, _ end: Int) {
        guard let function = innermostFunction, let name = moduleLevelFunctionName, start + 1 < end else { return }
        let value = (start + 1)..<end
        if end - start == 2, code[start + 1].kind == .name {
            let local = code[start + 1].text(in: bytes)
            if let kind = blocks[function].localAppKinds[local] { facts.appFactories[name] = kind }
            if let settings = blocks[function].localSettings[local] { settingsGetters[name] = settings }
            return
        }
        guard let parts = calleeParts(value) else { return }
        if let kind = appKind(ofCallee: parts) { facts.appFactories[name] = kind }
        if parts.count == 1, settingsClasses[parts[0]] != nil { settingsGetters[name] = parts[0] }
    }

    // MARK: - Qualified names

    /// The dotted names a chain may stand for: through import aliases, then star imports.
    func qualifiedCandidates(_ parts: [String]) -> [String] {
        guard let first = parts.first else { return [] }
        var rest = ""
        for part in parts.dropFirst() { rest += "." + part }
        if let qualified = aliases[first] { return [qualified + rest] }
        if definedFunctions.contains(first) || moduleBindings[first] != nil || locals[first] != nil {
            return [first + rest]
        }
        return [first + rest] + starModules.map { $0 + "." + first + rest }
    }
}
