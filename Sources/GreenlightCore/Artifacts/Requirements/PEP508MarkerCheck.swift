/// A light check of PEP 508 environment markers: every token must be a known
/// marker variable, a quoted string, a comparison operator, `and`/`or`/`in`/
/// `not`, or a parenthesis. It catches garbage after `;` without evaluating.
enum PEP508MarkerCheck {
    static let variables: Set<String> = [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra", "extras", "dependency_groups",
        "os.name", "sys.platform", "platform.version", "platform.machine", "platform.python_implementation",
        "python_implementation",
    ]
    private static let keywords: Set<String> = ["and", "or", "in", "not"]

    /// A description of the first problem, or nil when the marker looks valid.
    static func problem(in marker: String) -> String? {
        let bytes = Array(marker.utf8)
        if bytes.isEmpty { return "expected an environment marker after ';'" }
        var index = 0
        var sawVariableOrString = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "("), UInt8(ascii: ")"):
                index += 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                guard let close = bytes[(index + 1)...].firstIndex(of: byte) else {
                    return "unterminated string in environment marker"
                }
                index = close + 1
                sawVariableOrString = true
            case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"):
                while index < bytes.count, [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                                            UInt8(ascii: "~")].contains(bytes[index]) {
                    index += 1
                }
            default:
                let start = index
                while index < bytes.count, PEP508Cursor.isAlphanumeric(bytes[index])
                        || bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: ".") {
                    index += 1
                }
                if index == start {
                    return "unexpected character in environment marker"
                }
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                if variables.contains(word) {
                    sawVariableOrString = true
                } else if !keywords.contains(word) {
                    return "unknown environment marker variable '\(word)'"
                }
            }
        }
        return sawVariableOrString ? nil : "expected an environment marker after ';'"
    }
}
