/// Byte constants and classes shared by the compose and dotenv readers.
enum ComposeASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let equals = UInt8(ascii: "=")
    static let colon = UInt8(ascii: ":")
    static let backslash = UInt8(ascii: "\\")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")

    /// Space, tab, carriage return, vertical tab and form feed: blanks that do not end a line.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn || byte == 0x0B || byte == 0x0C
    }

    static func isQuote(_ byte: UInt8) -> Bool {
        byte == doubleQuote || byte == singleQuote
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// The decimal value of `text` when it is only ASCII digits (with an optional sign), else nil.
    static func integer<S: Collection>(_ text: S) -> Int? where S.Element == UInt8 {
        var iterator = text.makeIterator()
        guard var byte = iterator.next() else { return nil }
        var negative = false
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            guard let next = iterator.next() else { return nil }
            byte = next
        }
        var value = 0
        while true {
            guard isDigit(byte) else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int(byte - 0x30))
            if overflow || overflow2 { return nil }
            value = sum
            guard let next = iterator.next() else { break }
            byte = next
        }
        return negative ? -value : value
    }
}
