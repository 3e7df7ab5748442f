/// Command-line options split the way GNU getopt does: `--name=value`, `--name value`
/// for options known to take a value, clusters of short flags (`-fsSL`, `-qO file`,
/// `-qO/bin/tool`), `--` ending options, and positional arguments in order.
struct CommandOptions {
    struct Option {
        /// Without dashes: `o`, `output`, `no-cache`.
        var name: String
        var value: ShellArgument?
    }

    var options: [Option] = []
    var positionals: [ShellArgument] = []

    /// - Parameters:
    ///   - short: single-letter options that take a value (`o` for `curl -o file`).
    ///   - long: long options that take a value when written without `=`.
    init(_ arguments: ArraySlice<ShellArgument>, short: Set<Character> = [], long: Set<String> = []) {
        var index = arguments.startIndex
        var onlyPositionals = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            let text = argument.text
            if onlyPositionals || text == "-" || !text.hasPrefix("-") || argument.quoted && text.contains(" ") {
                positionals.append(argument)
                continue
            }
            if text == "--" {
                onlyPositionals = true
                continue
            }
            if text.hasPrefix("--") {
                let body = text.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    options.append(Option(name: String(body[..<equals]),
                                          value: argument.derived(String(body[body.index(after: equals)...]))))
                } else if long.contains(String(body)), index < arguments.endIndex {
                    options.append(Option(name: String(body), value: arguments[index]))
                    index += 1
                } else {
                    options.append(Option(name: String(body), value: nil))
                }
                continue
            }
            // A cluster of short flags; the first one taking a value eats the rest.
            var cluster = Substring(text.dropFirst())
            while let letter = cluster.first {
                cluster = cluster.dropFirst()
                if short.contains(letter) {
                    if !cluster.isEmpty {
                        options.append(Option(name: String(letter), value: argument.derived(String(cluster))))
                    } else if index < arguments.endIndex {
                        options.append(Option(name: String(letter), value: arguments[index]))
                        index += 1
                    } else {
                        options.append(Option(name: String(letter), value: nil))
                    }
                    break
                }
                options.append(Option(name: String(letter), value: nil))
            }
        }
    }

    /// True when any of `names` was given.
    func has(_ names: String...) -> Bool {
        options.contains { names.contains($0.name) }
    }

    /// Values of every occurrence of any of `names`, in order.
    func values(_ names: String...) -> [ShellArgument] {
        options.compactMap { names.contains($0.name) ? $0.value : nil }
    }

    /// The last value given for any of `names`.
    func value(_ names: String...) -> ShellArgument? {
        options.last { names.contains($0.name) && $0.value != nil }?.value
    }
}
