extension TOMLReader {
    /// Booleans, numbers, dates and times.
    mutating func scalar() throws(TOMLError) -> TOMLValue {
        let start = index
        while let byte = peek, Self.isScalarByte(byte) { index += 1 }
        // A date and a time may be separated by one space: `1979-05-27 07:32:00Z`.
        if index - start == 10, bytes[start + 4] == UInt8(ascii: "-"), peek == UInt8(ascii: " "),
           let next = byte(at: index + 1), (0x30...0x39).contains(next) {
            index += 1
            while let byte = peek, Self.isScalarByte(byte) { index += 1 }
        }
        let token = Array(bytes[start..<index])
        guard !token.isEmpty else { throw TOMLError(message: "expected a value", offset: start) }
        if let value = TOMLScalarText.classify(token) { return value }
        throw TOMLError(message: "invalid value '\(String(decoding: token, as: UTF8.self))'", offset: start)
    }

    static func isScalarByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }
}

/// Classifies the text of a bare TOML value.
enum TOMLScalarText {
    static func classify(_ token: [UInt8]) -> TOMLValue? {
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if isDateTime(token) { return .dateTime(text) }
        if token.count > 2, token[0] == UInt8(ascii: "0") {
            let radix: Int64?
            switch token[1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = nil
            }
            if let radix {
                guard let digits = digitsWithoutUnderscores(token[2...], allowHex: radix == 16) else { return nil }
                return Int64(digits, radix: Int(radix)).map(TOMLValue.integer)
            }
        }
        var body = token[...]
        var sign = ""
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = "-" }
            body = body.dropFirst()
        }
        let isFloat = body.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        if !isFloat {
            guard let digits = digitsWithoutUnderscores(body, allowHex: false), noLeadingZero(digits) else { return nil }
            return Int64(sign + digits).map(TOMLValue.integer)
        }
        return float(body, sign: sign)
    }

    private static func float(_ body: ArraySlice<UInt8>, sign: String) -> TOMLValue? {
        var mantissa = body
        var exponent: ArraySlice<UInt8>?
        if let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = body[..<e]
            exponent = body[(e + 1)...]
        }
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerDigits = digitsWithoutUnderscores(parts[0], allowHex: false),
              noLeadingZero(integerDigits) else { return nil }
        var text = sign + integerDigits
        if parts.count == 2 {
            guard let fraction = digitsWithoutUnderscores(parts[1], allowHex: false) else { return nil }
            text += "." + fraction
        }
        if var exponent {
            var exponentSign = ""
            if let first = exponent.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                exponentSign = first == UInt8(ascii: "-") ? "-" : ""
                exponent = exponent.dropFirst()
            }
            guard let exponentDigits = digitsWithoutUnderscores(exponent, allowHex: false) else { return nil }
            text += "e" + exponentSign + exponentDigits
        }
        return Double(text).map(TOMLValue.float)
    }

    /// Digits with single underscores between digits, underscores removed.
    private static func digitsWithoutUnderscores(_ bytes: ArraySlice<UInt8>, allowHex: Bool) -> String? {
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "_"), last != UInt8(ascii: "_") else {
            return nil
        }
        var result: [UInt8] = []
        var previousUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            let isDigit = (0x30...0x39).contains(byte)
            guard isDigit || (allowHex && TOMLReader.hexValue(byte) != nil) else { return nil }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func noLeadingZero(_ digits: String) -> Bool {
        digits.utf8.count == 1 || digits.utf8.first != UInt8(ascii: "0")
    }

    /// `1979-05-27`, `07:32:00`, `1979-05-27T07:32:00.999-07:00`, ...
    private static func isDateTime(_ token: [UInt8]) -> Bool {
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= token.count && token[range].allSatisfy { (0x30...0x39).contains($0) }
        }
        let isDate = token.count >= 10 && digits(0..<4) && token[4] == UInt8(ascii: "-") && digits(5..<7)
            && token[7] == UInt8(ascii: "-") && digits(8..<10)
        let isTime = token.count >= 8 && digits(0..<2) && token[2] == UInt8(ascii: ":") && digits(3..<5)
            && token[5] == UInt8(ascii: ":") && digits(6..<8)
        guard isDate || isTime else { return false }
        let allowed: Set<UInt8> = Set(Array("0123456789-:.TtZz+ ".utf8))
        return token.allSatisfy(allowed.contains)
    }
}
