/// A bracket expression of a `.dockerignore` pattern. Docker hands brackets
/// straight to Go's regexp engine, so the class follows RE2 rules: `[^...]`
/// negates, `a-z` is a range, `[:alpha:]` is a POSIX class, `\` escapes.
struct DockerignoreCharacterClass: Hashable, Sendable {
    /// The named sets RE2 knows inside brackets that Docker patterns can reach.
    enum NamedSet: String, Hashable, Sendable {
        case alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, word, xdigit
        /// `\s` in RE2 (Perl white space: tab, newline, form feed, carriage return, space).
        case perlSpace

        func contains(_ scalar: UInt32) -> Bool {
            let isUpper = (0x41...0x5A).contains(scalar)
            let isLower = (0x61...0x7A).contains(scalar)
            let isDigit = (0x30...0x39).contains(scalar)
            switch self {
            case .alnum: return isUpper || isLower || isDigit
            case .alpha: return isUpper || isLower
            case .ascii: return scalar <= 0x7F
            case .blank: return scalar == 0x20 || scalar == 0x09
            case .cntrl: return scalar < 0x20 || scalar == 0x7F
            case .digit: return isDigit
            case .graph: return (0x21...0x7E).contains(scalar)
            case .lower: return isLower
            case .print: return (0x20...0x7E).contains(scalar)
            case .punct: return (0x21...0x7E).contains(scalar) && !(isUpper || isLower || isDigit)
            case .space: return scalar == 0x20 || (0x09...0x0D).contains(scalar)
            case .upper: return isUpper
            case .word: return isUpper || isLower || isDigit || scalar == 0x5F
            case .xdigit: return isDigit || (0x41...0x46).contains(scalar) || (0x61...0x66).contains(scalar)
            case .perlSpace: return scalar == 0x20 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0C || scalar == 0x0D
            }
        }
    }

    enum Item: Hashable, Sendable {
        case range(UInt32, UInt32)
        case named(NamedSet, negated: Bool)
    }

    var negated: Bool
    var items: [Item]

    func contains(_ scalar: UInt32) -> Bool {
        var found = false
        for item in items {
            switch item {
            case .range(let low, let high):
                if low <= scalar && scalar <= high { found = true }
            case .named(let set, let negatedSet):
                if set.contains(scalar) != negatedSet { found = true }
            }
            if found { break }
        }
        return found != negated
    }
}
