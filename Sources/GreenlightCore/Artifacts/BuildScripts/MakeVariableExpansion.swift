/// Expands `$(NAME)` / `${NAME}` references to variables a Makefile assigns
/// to plain text, plus `$(CURDIR)`, `$(PWD)`, `$(shell pwd)` and
/// `$(shell git rev-parse --show-toplevel)`. Other references are left in
/// place, so the text stays unresolved.
enum MakeVariableExpansion {
    static let maximumDepth = 8

    static func expand(_ bytes: [UInt8], variables: [String: String], directory: String?, depth: Int = 0) -> [UInt8]? {
        if depth > maximumDepth { return nil }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count,
                  bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "{") else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let close = bytes[index + 1] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
            guard let end = bytes[(index + 2)...].firstIndex(of: close) else {
                result.append(contentsOf: bytes[index...])
                break
            }
            let name = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            if let value = builtin(name, directory: directory) {
                result.append(contentsOf: value.utf8)
            } else if let value = variables[name],
                      let expanded = expand(Array(value.utf8), variables: variables, directory: directory, depth: depth + 1) {
                result.append(contentsOf: expanded)
            } else {
                result.append(contentsOf: bytes[index...end])
            }
            index = end + 1
        }
        return result
    }

    private static func builtin(_ name: String, directory: String?) -> String? {
        guard let directory else { return nil }
        switch BuildShellPathResolver.canonical(name) {
        case "CURDIR", "PWD", "shellpwd": return BuildShellPathResolver.rootMarker + directory
        case "shellgitrev-parseshow-toplevel": return BuildShellPathResolver.rootMarker
        default: return nil
        }
    }
}
