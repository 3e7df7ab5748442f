/// A small POSIX-shell word splitter for `sh -c "..."` commands: quotes,
/// backslashes, comments, `$(...)`, redirections and the `;` `&&` `||` `|` `&`
/// separators. Variables are kept as written (`$PORT`, `${PORT:-8000}`) so the
/// caller can tell a value comes from the environment.
enum PythonShellWords {
    /// The simple commands of a script, in order, each as its words.
    static func commands(_ script: String) -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var skipNextWord = false
        let scalars = Array(script.unicodeScalars)
        var index = 0

        func endWord() {
            if inWord {
                if skipNextWord {
                    skipNextWord = false
                } else {
                    words.append(word)
                }
            }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(words) }
            words = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t":
                endWord()
                index += 1
            case "\n", ";", "(", ")":
                endCommand()
                index += 1
            case "&", "|":
                endCommand()
                index += 1
                if index < scalars.count, scalars[index] == scalar { index += 1 }
            case ">", "<":
                if inWord, word.allSatisfy(\.isNumber) {
                    word = ""
                    inWord = false
                } else {
                    endWord()
                }
                index += 1
                while index < scalars.count, scalars[index] == ">" || scalars[index] == "&" || scalars[index] == "|" { index += 1 }
                while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
                skipNextWord = true
                if index < scalars.count, scalars[index].properties.numericType != nil {
                    while index < scalars.count, scalars[index].properties.numericType != nil { index += 1 }
                    skipNextWord = false
                }
            case "#" where !inWord:
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "'":
                inWord = true
                index += 1
                while index < scalars.count, scalars[index] != "'" {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
            case "\"":
                inWord = true
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count, "\"\\$`".unicodeScalars.contains(scalars[index + 1]) {
                        index += 1
                    }
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
            case "\\":
                inWord = true
                if index + 1 < scalars.count {
                    if scalars[index + 1] != "\n" { word.unicodeScalars.append(scalars[index + 1]) }
                    index += 2
                } else {
                    index += 1
                }
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "(":
                inWord = true
                var depth = 0
                while index < scalars.count {
                    let current = scalars[index]
                    word.unicodeScalars.append(current)
                    index += 1
                    if current == "(" { depth += 1 }
                    if current == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                }
            case "`":
                inWord = true
                word.unicodeScalars.append(scalar)
                index += 1
                while index < scalars.count, scalars[index] != "`" {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if index < scalars.count { word.unicodeScalars.append(scalars[index]) }
                index += 1
            default:
                inWord = true
                word.unicodeScalars.append(scalar)
                index += 1
            }
        }
        endCommand()
        return commands
    }

    /// `$NAME`, `${NAME}`, `${NAME:-default}` or `${NAME-default}` as a whole word.
    static func variable(_ word: String) -> (name: String, fallback: String?)? {
        guard word.hasPrefix("$") else { return nil }
        let body = word.dropFirst()
        if body.hasPrefix("{"), body.hasSuffix("}") {
            let inner = body.dropFirst().dropLast()
            guard let nameEnd = inner.firstIndex(where: { !isNameCharacter($0) }) else {
                return inner.isEmpty ? nil : (String(inner), nil)
            }
            let name = String(inner[..<nameEnd])
            var operation = inner[nameEnd...]
            guard !name.isEmpty else { return nil }
            if operation.hasPrefix(":") { operation = operation.dropFirst() }
            guard operation.hasPrefix("-") || operation.hasPrefix("=") else { return nil }
            return (name, String(operation.dropFirst()))
        }
        guard !body.isEmpty, body.allSatisfy(isNameCharacter), !(body.first?.isNumber ?? true) else { return nil }
        return (String(body), nil)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }
}
