/// One RESP2 reply from Redis.
enum RESPValue: Equatable, Sendable {
    case simple(String)
    case error(String)
    case integer(Int64)
    /// A bulk string; nil for the null bulk string `$-1`.
    case bulk([UInt8]?)
    /// An array; nil for the null array `*-1`.
    case array([RESPValue]?)
}

/// Reads RESP2 replies from bytes that arrive in arbitrary pieces. Never traps on
/// malformed input; refuses absurd lengths instead of allocating them.
struct RESPParser {
    enum ParseError: Error, Equatable {
        /// The first byte of a reply is not a RESP type: the peer speaks something else.
        case notRESP(UInt8)
        case malformed(String)
        case tooLarge
    }

    static let maximumBulkLength = 16 * 1024 * 1024
    static let maximumLineLength = 64 * 1024
    static let maximumElements = 1 << 20
    static let maximumDepth = 32

    private var bytes: [UInt8] = []
    private var start = 0

    /// Whether bytes of an unfinished reply are waiting.
    var hasPartialReply: Bool { start < bytes.count }

    mutating func append(_ more: some Sequence<UInt8>) {
        if start > 0, start >= bytes.count / 2 {
            bytes.removeFirst(start)
            start = 0
        }
        bytes.append(contentsOf: more)
    }

    /// The next complete reply, or nil until more bytes arrive.
    mutating func next() throws(ParseError) -> RESPValue? {
        guard let (value, end) = try parse(at: start, depth: 0) else { return nil }
        start = end
        return value
    }

    private func parse(at index: Int, depth: Int) throws(ParseError) -> (RESPValue, Int)? {
        guard index < bytes.count else { return nil }
        guard depth < Self.maximumDepth else { throw .tooLarge }
        let type = bytes[index]
        guard let (line, afterLine) = try line(from: index + 1) else { return nil }
        switch type {
        case UInt8(ascii: "+"):
            return (.simple(String(decoding: line, as: UTF8.self)), afterLine)
        case UInt8(ascii: "-"):
            return (.error(String(decoding: line, as: UTF8.self)), afterLine)
        case UInt8(ascii: ":"):
            return (.integer(try integer(line)), afterLine)
        case UInt8(ascii: "$"):
            let length = try integer(line)
            if length == -1 { return (.bulk(nil), afterLine) }
            guard length >= 0 else { throw .malformed("negative bulk length \(length)") }
            guard length <= Self.maximumBulkLength else { throw .tooLarge }
            let end = afterLine + Int(length)
            guard end + 2 <= bytes.count else { return nil }
            guard bytes[end] == 0x0D, bytes[end + 1] == 0x0A else { throw .malformed("bulk string not ended by CRLF") }
            return (.bulk(Array(bytes[afterLine..<end])), end + 2)
        case UInt8(ascii: "*"):
            let count = try integer(line)
            if count == -1 { return (.array(nil), afterLine) }
            guard count >= 0 else { throw .malformed("negative array length \(count)") }
            guard count <= Self.maximumElements else { throw .tooLarge }
            var elements: [RESPValue] = []
            var position = afterLine
            for _ in 0..<count {
                guard let (element, next) = try parse(at: position, depth: depth + 1) else { return nil }
                elements.append(element)
                position = next
            }
            return (.array(elements), position)
        default:
            throw .notRESP(type)
        }
    }

    /// The bytes up to the next CRLF and the index after it; nil when no CRLF yet.
    private func line(from index: Int) throws(ParseError) -> (ArraySlice<UInt8>, Int)? {
        var position = index
        while position < bytes.count {
            if bytes[position] == 0x0A {
                guard position > index, bytes[position - 1] == 0x0D else { throw .malformed("line not ended by CRLF") }
                return (bytes[index..<(position - 1)], position + 1)
            }
            position += 1
            if position - index > Self.maximumLineLength { throw .tooLarge }
        }
        return nil
    }

    private func integer(_ line: ArraySlice<UInt8>) throws(ParseError) -> Int64 {
        guard let value = Int64(String(decoding: line, as: UTF8.self)) else {
            throw .malformed("\"\(String(decoding: line.prefix(20), as: UTF8.self))\" is not an integer")
        }
        return value
    }
}

/// RESP2 request encoding: every command is an array of bulk strings.
enum RESPCommand {
    static func encode(_ arguments: [String]) -> [UInt8] {
        var bytes = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            let data = Array(argument.utf8)
            bytes += Array("$\(data.count)\r\n".utf8) + data + [0x0D, 0x0A]
        }
        return bytes
    }
}
