/// Splits a compose string-form `command:`/`entrypoint:` into words the way compose does
/// (shell-like quoting and backslashes, no variable expansion, no shell run).
enum ComposeShellWords {
    /// The words of `text`, or nil when a quote is not closed.
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        var inWord = false
        var quote: UInt8?
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                current.append(byte)
                escaped = false
                inWord = true
                continue
            }
            if let open = quote {
                if byte == open {
                    quote = nil
                } else if byte == ComposeASCII.backslash, open == ComposeASCII.doubleQuote {
                    escaped = true
                } else {
                    current.append(byte)
                }
                continue
            }
            switch byte {
            case ComposeASCII.backslash:
                escaped = true
            case ComposeASCII.singleQuote, ComposeASCII.doubleQuote:
                quote = byte
                inWord = true
            case ComposeASCII.space, ComposeASCII.tab, ComposeASCII.newline, ComposeASCII.carriageReturn:
                if inWord {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    inWord = false
                }
            default:
                current.append(byte)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if escaped { current.append(ComposeASCII.backslash) }
        if inWord || escaped { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
