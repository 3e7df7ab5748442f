/// What is known while following a script: the directory commands run in and
/// the values of variables assigned from known text.
struct BuildShellState: Equatable {
    /// Relative to the project root; nil once it cannot be known.
    var cwd: String?
    /// Known variable values (they may start with `BuildShellPathResolver.rootMarker`).
    var variables: [String: String] = [:]
    /// The directory of the script itself (for `$(dirname "$0")`), if it is a file.
    var scriptDirectory: String?
    /// Variables of the Makefile a recipe line belongs to.
    var makeVariables: [String: String]?
}

/// Turns shell words into project paths, substituting only what is certain:
/// known variables, `$PWD`, `$(pwd)`, the script-directory idioms
/// (`$(dirname "$0")`, `$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)`) and
/// `$(git rev-parse --show-toplevel)`. Anything else makes the path unknown.
enum BuildShellPathResolver {
    /// Prefix marking an expanded value as an absolute path inside the project
    /// (the project root is the filesystem position of the marker).
    static let rootMarker = "\u{1}"

    private static let scriptSources = [
        "$0", "${0}", "${BASH_SOURCE[0]}", "${BASH_SOURCE}", "$BASH_SOURCE", "$(realpath$0)", "$(readlink-f$0)",
        "$(realpath${BASH_SOURCE[0]})", "$(readlink-f${BASH_SOURCE[0]})",
    ]

    /// Canonical command substitutions that print the script's directory.
    private static let scriptDirectoryCommands: Set<String> = {
        var forms: Set<String> = []
        for source in scriptSources {
            let form = "dirname" + source
            forms.formUnion([form, "cd$(\(form))&&pwd", "cd$(\(form));pwd", "realpath$(\(form))", "readlink-f$(\(form))"])
        }
        return forms
    }()

    /// `text` with every expansion replaced by its known value, or nil.
    static func expand(_ text: String, state: BuildShellState) -> String? {
        var bytes = Array(text.utf8)
        if let makeVariables = state.makeVariables {
            guard let expanded = MakeVariableExpansion.expand(bytes, variables: makeVariables, directory: state.scriptDirectory)
            else { return nil }
            bytes = expanded
        }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") else {
                result.append(byte)
                index += 1
                continue
            }
            let end = BuildShellLexer.expansionEnd(bytes, from: index)
            if end.unterminated { return nil }
            let raw = Array(bytes[index..<end.index])
            if raw.count == 1 {
                result.append(byte)
                index += 1
                continue
            }
            guard let value = value(of: raw, state: state) else { return nil }
            result.append(contentsOf: value.utf8)
            index = end.index
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func value(of raw: [UInt8], state: BuildShellState) -> String? {
        let text = String(decoding: raw, as: UTF8.self)
        if text.hasPrefix("${{") {
            let inner = canonical(String(decoding: raw.dropFirst(3).dropLast(2), as: UTF8.self))
            return inner == "github.workspace" ? rootMarker : nil
        }
        var name: String?
        if raw.count > 3, raw[1] == UInt8(ascii: "{"), raw.last == UInt8(ascii: "}") {
            let inner = raw[2..<(raw.count - 1)]
            if let first = inner.first, BuildShellLexer.isNameStart(first), inner.allSatisfy(BuildShellLexer.isNameByte) {
                name = String(decoding: inner, as: UTF8.self)
            }
        } else if raw.count > 1, BuildShellLexer.isNameStart(raw[1]) {
            name = String(decoding: raw.dropFirst(), as: UTF8.self)
        }
        if let name {
            if let known = state.variables[name] { return known }
            if name == "PWD" { return state.cwd.map { rootMarker + $0 } }
            return nil
        }
        let body: String
        if raw[0] == UInt8(ascii: "`") {
            body = String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
        } else if raw.count > 3, raw[1] == UInt8(ascii: "("), raw[2] != UInt8(ascii: "(") {
            body = String(decoding: raw[2..<(raw.count - 1)], as: UTF8.self)
        } else {
            return nil
        }
        return commandValue(canonical(body), state: state)
    }

    private static func commandValue(_ command: String, state: BuildShellState) -> String? {
        if command == "pwd" { return state.cwd.map { rootMarker + $0 } }
        if command == "gitrev-parseshow-toplevel" { return rootMarker }
        guard let scriptDirectory = state.scriptDirectory, scriptDirectoryCommands.contains(command) else { return nil }
        return rootMarker + scriptDirectory
    }

    private static let noise: [[UInt8]] = ["&>/dev/null", "2>/dev/null", ">/dev/null", "2>&1", "--"].map { Array($0.utf8) }
    private static let physicalPwd = Array("pwd-P".utf8)

    /// A command with quotes, blanks, `--`, `-P` and null redirections removed,
    /// so spelling variants of the same idiom compare equal.
    static func canonical(_ command: String) -> String {
        let bytes = command.utf8.filter {
            $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != 0x20 && $0 != 0x09 && $0 != 0x0A
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        scan: while index < bytes.count {
            for pattern in noise where index + pattern.count <= bytes.count
                && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
                continue scan
            }
            if index + physicalPwd.count <= bytes.count && bytes[index..<(index + physicalPwd.count)].elementsEqual(physicalPwd) {
                result.append(contentsOf: "pwd".utf8)
                index += physicalPwd.count
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let rejectedPathBytes: Set<UInt8> = [
        UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["),
    ]

    /// A project-relative path for `text` used in a command running in
    /// `state.cwd`; nil when it has unknown parts, is absolute outside the
    /// project, or climbs above the root.
    static func resolvePath(_ text: String, state: BuildShellState) -> String? {
        guard let expanded = expand(text, state: state), !expanded.isEmpty else { return nil }
        let bytes = Array(expanded.utf8)
        var previous: UInt8 = 0
        for byte in bytes {
            if rejectedPathBytes.contains(byte) || (byte == UInt8(ascii: "{") && previous == byte) { return nil }
            previous = byte
        }
        if bytes.first == UInt8(ascii: "~") { return nil }
        let markerByte = UInt8(1)
        if let marker = bytes.lastIndex(of: markerByte), marker != 0 { return nil }
        if bytes.first == markerByte {
            return join("", String(decoding: bytes.dropFirst(), as: UTF8.self))
        }
        if bytes.first == UInt8(ascii: "/") { return nil }
        guard let cwd = state.cwd else { return nil }
        return join(cwd, expanded)
    }

    /// `path` appended to `base`, normalised; nil if it climbs above the root.
    static func join(_ base: String, _ path: String) -> String? {
        ProjectPath.join(base, path)
    }
}
