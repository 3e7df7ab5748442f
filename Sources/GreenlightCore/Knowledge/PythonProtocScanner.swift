/// Finds protoc runs in Python build scripts (`generate_proto.py`) with a light tokenizer:
/// string literals, names and brackets are enough to read `protoc.main((...))`,
/// `subprocess.run([sys.executable, "-m", "grpc_tools.protoc", ...])` and shell command
/// strings. Anything computed (f-strings, `+`, `.format`, `*files`) marks the run dynamic.
enum PythonProtocScanner {
    enum Kind: Equatable {
        case name, string, open, close, comma, other
    }

    struct Token {
        var kind: Kind
        /// Names and punctuation as written; string literals decoded.
        var text: String
        /// An f-string with a `{…}` field.
        var interpolated = false
        /// Index of the innermost enclosing opening bracket, -1 at top level.
        var group: Int
        /// For opening brackets: index of the matching close, if any.
        var close: Int?
    }

    /// An element of a bracketed list, split at top-level commas.
    enum Element {
        case literal(String)
        case group(Int)
        case dynamic
    }

    static func scan(_ text: String) -> [GeneratorInvocation] {
        let tokens = tokenize(Array(text.utf8))
        var invocations: [GeneratorInvocation] = []
        var processedGroups = Set<Int>()
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .name where token.text == "main" && index >= 2 && index + 1 < tokens.count:
                guard tokens[index - 1].text == ".", tokens[index - 2].text == "protoc",
                      tokens[index + 1].kind == .open, tokens[index + 1].text == "(" else { continue }
                var group = index + 1
                var elements = self.elements(of: group, in: tokens)
                if elements.count == 1, case .group(let inner) = elements[0] {
                    group = inner
                    elements = self.elements(of: inner, in: tokens)
                } else if elements.count == 1, let assigned = assignedGroup(for: group, in: tokens) {
                    group = assigned
                    elements = self.elements(of: assigned, in: tokens)
                }
                guard processedGroups.insert(group).inserted else { continue }
                if let first = elements.first, case .literal(let argv0) = first, argv0.isEmpty || argv0.contains("protoc") {
                    elements.removeFirst()
                }
                invocations.append(invocation(elements, dynamic: elements.isEmpty))
            case .string where isProtocProgram(token.text) && token.group >= 0:
                guard !processedGroups.contains(token.group) else { continue }
                processedGroups.insert(token.group)
                let elements = self.elements(of: token.group, in: tokens)
                guard let position = elementIndex(containing: index, group: token.group, in: tokens) else { continue }
                invocations.append(invocation(Array(elements.dropFirst(position + 1)), dynamic: false))
            case .string where token.text.contains(" ") && mentionsProtoc(token.text):
                for var found in RunCommandAnalyzer.shellGenerators(token.text) {
                    if token.interpolated { found.hasDynamicArguments = true }
                    invocations.append(found)
                }
            default:
                continue
            }
        }
        return invocations
    }

    private static func isProtocProgram(_ text: String) -> Bool {
        text == "grpc_tools.protoc" || text == "protoc" || text.hasSuffix("/protoc")
    }

    /// A string holding a whole protoc command line (not a message that mentions protoc).
    private static func mentionsProtoc(_ text: String) -> Bool {
        let names = text.contains("grpc_tools.protoc") || text.hasPrefix("protoc ") || text.contains(" protoc ")
            || text.contains("/protoc ")
        return names && (text.contains("_out") || text.contains("-I") || text.contains("--proto_path"))
    }

    private static func invocation(_ elements: [Element], dynamic: Bool) -> GeneratorInvocation {
        let arguments: [String?] = elements.map { element in
            if case .literal(let text) = element { return text }
            return nil
        }
        var result = GeneratorInvocation.protoc(arguments, tool: .grpcToolsProtoc) { $0 }
        if dynamic { result.hasDynamicArguments = true }
        return result
    }

    /// `NAME = [ ... ]` for `protoc.main(NAME)`: the list the name was bound to.
    private static func assignedGroup(for call: Int, in tokens: [Token]) -> Int? {
        let inside = call + 1
        guard inside < tokens.count, tokens[inside].kind == .name,
              inside + 1 < tokens.count, tokens[inside + 1].kind == .close else { return nil }
        let name = tokens[inside].text
        var index = 0
        while index + 2 < tokens.count {
            if tokens[index].kind == .name, tokens[index].text == name, tokens[index + 1].text == "=",
               tokens[index + 2].kind == .open, tokens[index + 2].text != "{" {
                return index + 2
            }
            index += 1
        }
        return nil
    }

    /// The comma-separated elements directly inside the bracket opened at `opener`.
    static func elements(of opener: Int, in tokens: [Token]) -> [Element] {
        guard opener >= 0, opener < tokens.count else { return [] }
        let end = tokens[opener].close ?? tokens.count
        var result: [Element] = []
        var start = opener + 1
        var index = opener + 1
        while index <= end {
            if index == end || (tokens[index].kind == .comma && tokens[index].group == opener) {
                if index > start { result.append(element(start..<index, in: tokens)) }
                start = index + 1
            }
            index += 1
        }
        return result
    }

    private static func element(_ range: Range<Int>, in tokens: [Token]) -> Element {
        let slice = tokens[range]
        if slice.allSatisfy({ $0.kind == .string && !$0.interpolated }) {
            return .literal(slice.map(\.text).joined())
        }
        if let first = slice.first, first.kind == .open, first.close == range.upperBound - 1 {
            return .group(range.lowerBound)
        }
        return .dynamic
    }

    /// The position, among the elements of `group`, of the element holding token `index`.
    private static func elementIndex(containing index: Int, group: Int, in tokens: [Token]) -> Int? {
        guard group >= 0, group < index else { return nil }
        var position = 0
        var sawContent = false
        for current in (group + 1)..<index where tokens[current].group == group {
            if tokens[current].kind == .comma {
                if sawContent { position += 1 }
                sawContent = false
            } else {
                sawContent = true
            }
        }
        return position
    }
}
