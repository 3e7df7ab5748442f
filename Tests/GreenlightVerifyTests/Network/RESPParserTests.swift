import Testing
@testable import GreenlightVerify

@Suite struct RESPParserTests {
    private func parseAll(_ text: String) throws -> [RESPValue] {
        var parser = RESPParser()
        parser.append(Array(text.utf8))
        var values: [RESPValue] = []
        while let value = try parser.next() { values.append(value) }
        return values
    }

    @Test func parsesEveryRESP2Type() throws {
        let values = try parseAll("+PONG\r\n-NOAUTH Authentication required.\r\n:42\r\n$5\r\nhello\r\n$-1\r\n$0\r\n\r\n*2\r\n:1\r\n*1\r\n+x\r\n*-1\r\n*0\r\n")
        #expect(values == [.simple("PONG"), .error("NOAUTH Authentication required."), .integer(42), .bulk(Array("hello".utf8)),
                           .bulk(nil), .bulk([]), .array([.integer(1), .array([.simple("x")])]), .array(nil), .array([])])
    }

    @Test func bulkStringsMayHoldCRLF() throws {
        #expect(try parseAll("$4\r\na\r\nb\r\n") == [.bulk(Array("a\r\nb".utf8))])
    }

    @Test func repliesSplitAcrossReadsAtEveryByte() throws {
        let text = Array("+OK\r\n$12\r\nredis_versio\r\n*2\r\n:-7\r\n$1\r\nz\r\n".utf8)
        for cut in 0...text.count {
            var parser = RESPParser()
            var values: [RESPValue] = []
            parser.append(text[..<cut])
            while let value = try parser.next() { values.append(value) }
            parser.append(text[cut...])
            while let value = try parser.next() { values.append(value) }
            #expect(values == [.simple("OK"), .bulk(Array("redis_versio".utf8)), .array([.integer(-7), .bulk([0x7A])])])
            #expect(!parser.hasPartialReply)
        }
    }

    @Test func rejectsWhatIsNotRESP() {
        #expect(throws: RESPParser.ParseError.notRESP(UInt8(ascii: "H"))) { try parseAll("HTTP/1.0 400 Bad request\r\n") }
        #expect(throws: RESPParser.ParseError.self) { try parseAll(":12x\r\n") }
        #expect(throws: RESPParser.ParseError.self) { try parseAll("$3\r\nabcd\r\n") }
        #expect(throws: RESPParser.ParseError.self) { try parseAll("$-5\r\n") }
        #expect(throws: RESPParser.ParseError.self) { try parseAll("+OK\n") }
        #expect(throws: RESPParser.ParseError.tooLarge) { try parseAll("$999999999999\r\n") }
        #expect(throws: RESPParser.ParseError.tooLarge) { try parseAll(String(repeating: "*1\r\n", count: 40) + ":1\r\n") }
    }

    @Test func incompleteRepliesWaitForMoreBytes() throws {
        #expect(try parseAll("*3\r\n:1\r\n:2\r\n").isEmpty)
        #expect(try parseAll("$10\r\nabc").isEmpty)
        #expect(try parseAll("+PON").isEmpty)
    }

    @Test func mutatedRepliesNeverTrap() {
        var random = SeededRandom(seed: 0x7265_6469_73)
        let seeds = ["+PONG\r\n", "-WRONGPASS invalid username-password pair\r\n", "$21\r\nredis_version:7.0.15\r\n",
                     "*3\r\n:1\r\n$-1\r\n*1\r\n+OK\r\n", ":-9223372036854775808\r\n"].map { Array($0.utf8) }
        for index in 0..<30_000 {
            let bytes = random.mutate(seeds[index % seeds.count])
            var parser = RESPParser()
            let cut = random.below(bytes.count + 1)
            parser.append(bytes[..<cut])
            for _ in 0..<4 { if (try? parser.next()) == nil { break } }
            parser.append(bytes[cut...])
            for _ in 0..<8 { if (try? parser.next()) == nil { break } }
        }
    }

    @Test func commandsAreArraysOfBulkStrings() {
        #expect(RESPCommand.encode(["AUTH", "pw"]) == Array("*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n".utf8))
        #expect(RESPCommand.encode(["SELECT", "é"]) == Array("*2\r\n$6\r\nSELECT\r\n$2\r\né\r\n".utf8))
    }
}
