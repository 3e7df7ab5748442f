/// Git's `wildmatch` with `WM_PATHNAME` (what `.gitignore` matching uses), on
/// bytes: `*` and `?` stop at `/`, `**` between slashes (or at either end)
/// spans directories, `[...]`/`[!...]`/`[^...]` classes with ranges and
/// `[:alpha:]`-style names, and `\` escapes. The early-abort results keep
/// matching linear-ish on hostile patterns, as in git.
enum GitWildmatch {
    private enum Outcome { case match, noMatch, abortAll, abortToStarStar }

    private static let star = UInt8(ascii: "*")
    private static let slash = UInt8(ascii: "/")
    private static let backslash = UInt8(ascii: "\\")

    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        dowild(pattern, 0, text, 0) == .match
    }

    private static func at(_ bytes: [UInt8], _ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    private static func isGlobSpecial(_ byte: UInt8) -> Bool {
        byte == star || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") || byte == backslash
    }

    private static func dowild(_ p: [UInt8], _ patternStart: Int, _ t: [UInt8], _ textStart: Int) -> Outcome {
        var pi = patternStart
        var ti = textStart
        while at(p, pi) != 0 {
            var pCh = p[pi]
            let tCh = at(t, ti)
            if tCh == 0 && pCh != star { return .abortAll }
            switch pCh {
            case backslash:
                pi += 1
                pCh = at(p, pi)
                if tCh != pCh { return .noMatch }
            case UInt8(ascii: "?"):
                if tCh == slash { return .noMatch }
            case star:
                pi += 1
                var matchSlash = false
                if at(p, pi) == star {
                    let previous = pi - 2
                    pi += 1
                    while at(p, pi) == star { pi += 1 }
                    let afterStars = at(p, pi)
                    if (previous < patternStart || p[previous] == slash)
                        && (afterStars == 0 || afterStars == slash || (afterStars == backslash && at(p, pi + 1) == slash)) {
                        if afterStars == slash && dowild(p, pi + 1, t, ti) == .match { return .match }
                        matchSlash = true
                    }
                }
                if at(p, pi) == 0 {
                    if !matchSlash && t[ti...].contains(slash) { return .noMatch }
                    return .match
                }
                if !matchSlash && at(p, pi) == slash {
                    guard let nextSlash = t[ti...].firstIndex(of: slash) else { return .noMatch }
                    ti = nextSlash
                    break
                }
                return starLoop(p, pi, t, ti, matchSlash: matchSlash)
            case UInt8(ascii: "["):
                guard let advanced = bracket(p, &pi, tCh) else { return .abortAll }
                if !advanced { return .noMatch }
            default:
                if tCh != pCh { return .noMatch }
            }
            pi += 1
            ti += 1
        }
        return ti < t.count ? .noMatch : .match
    }

    private static func starLoop(_ p: [UInt8], _ pi: Int, _ t: [UInt8], _ start: Int, matchSlash: Bool) -> Outcome {
        var ti = start
        var tCh = at(t, ti)
        while true {
            if tCh == 0 { break }
            let next = at(p, pi)
            if !isGlobSpecial(next) {
                while ti < t.count && (matchSlash || t[ti] != slash) {
                    if t[ti] == next { break }
                    ti += 1
                }
                tCh = at(t, ti)
                if tCh != next { return .noMatch }
            }
            let outcome = dowild(p, pi, t, ti)
            if outcome != .noMatch {
                if !matchSlash || outcome != .abortToStarStar { return outcome }
            } else if !matchSlash && tCh == slash {
                return .abortToStarStar
            }
            ti += 1
            tCh = at(t, ti)
        }
        return .abortAll
    }

    /// Matches one bracket expression at `pi` (the `[`) against `tCh`; leaves
    /// `pi` on the closing `]`. Nil means a malformed class (abort everything).
    private static func bracket(_ p: [UInt8], _ pi: inout Int, _ tCh: UInt8) -> Bool? {
        pi += 1
        var pCh = at(p, pi)
        if pCh == UInt8(ascii: "^") { pCh = UInt8(ascii: "!") }
        let negated = pCh == UInt8(ascii: "!")
        if negated {
            pi += 1
            pCh = at(p, pi)
        }
        var previous: UInt8 = 0
        var matched = false
        while true {
            if pCh == 0 { return nil }
            if pCh == backslash {
                pi += 1
                pCh = at(p, pi)
                if pCh == 0 { return nil }
                if tCh == pCh { matched = true }
            } else if pCh == UInt8(ascii: "-") && previous != 0 && at(p, pi + 1) != 0 && at(p, pi + 1) != UInt8(ascii: "]") {
                pi += 1
                pCh = at(p, pi)
                if pCh == backslash {
                    pi += 1
                    pCh = at(p, pi)
                    if pCh == 0 { return nil }
                }
                if tCh <= pCh && tCh >= previous { matched = true }
                pCh = 0
            } else if pCh == UInt8(ascii: "[") && at(p, pi + 1) == UInt8(ascii: ":") {
                let nameStart = pi + 2
                pi = nameStart
                while at(p, pi) != 0 && at(p, pi) != UInt8(ascii: "]") { pi += 1 }
                pCh = at(p, pi)
                if pCh == 0 { return nil }
                let length = pi - nameStart - 1
                if length < 0 || p[pi - 1] != UInt8(ascii: ":") {
                    // No ":]": the "[" is an ordinary member of the set.
                    pi = nameStart - 2
                    pCh = UInt8(ascii: "[")
                    if tCh == pCh { matched = true }
                } else {
                    let name = String(decoding: p[nameStart..<(nameStart + length)], as: UTF8.self)
                    guard let isMember = namedClass(name, tCh) else { return nil }
                    if isMember { matched = true }
                    pCh = 0
                }
            } else if tCh == pCh {
                matched = true
            }
            previous = pCh
            pi += 1
            pCh = at(p, pi)
            if pCh == UInt8(ascii: "]") { break }
        }
        return !(matched == negated || tCh == slash)
    }

    private static func namedClass(_ name: String, _ byte: UInt8) -> Bool? {
        let isUpper = (0x41...0x5A).contains(byte)
        let isLower = (0x61...0x7A).contains(byte)
        let isDigit = (0x30...0x39).contains(byte)
        switch name {
        case "alnum": return isUpper || isLower || isDigit
        case "alpha": return isUpper || isLower
        case "blank": return byte == 0x20 || byte == 0x09
        case "cntrl": return byte < 0x20 || byte == 0x7F
        case "digit": return isDigit
        case "graph": return (0x21...0x7E).contains(byte)
        case "lower": return isLower
        case "print": return (0x20...0x7E).contains(byte)
        case "punct": return (0x21...0x7E).contains(byte) && !(isUpper || isLower || isDigit)
        case "space": return byte == 0x20 || (0x09...0x0D).contains(byte)
        case "upper": return isUpper
        case "xdigit": return isDigit || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        default: return nil
        }
    }
}
