import Testing
@testable import GreenlightCore

@Suite("TOMLDocument")
struct TOMLDocumentTests {
    private func parse(_ text: String) -> TOMLDocument {
        TOMLDocument.parse(SourceText(path: "pyproject.toml", string: text))
    }

    @Test func readsTablesDottedKeysAndArraysOfTables() {
        let document = parse("""
        title = "deploy" # trailing comment
        site."google.com" = true
        a.b.c = 1

        [server]
        host = '0.0.0.0'
        port = 8_080

        [server.tls]
        enabled = false

        [[services]]
        name = "api"
        [[services]]
        name = "worker"
        [services.limits]
        cpu = 0.5
        """)
        #expect(document.issues.isEmpty)
        let root = document.root
        #expect(root.keys == ["title", "site", "a", "server", "services"])
        #expect(root["title"]?.string == "deploy")
        #expect(root[path: ["site", "google.com"]]?.boolean == true)
        #expect(root[path: ["a", "b", "c"]]?.value == .integer(1))
        #expect(root[path: ["server", "port"]]?.value == .integer(8080))
        #expect(root[path: ["server", "host"]]?.location == SourceLocation(file: "pyproject.toml", line: 6, column: 8))
        #expect(root[path: ["server", "tls", "enabled"]]?.boolean == false)
        let services = root["services"]?.array ?? []
        #expect(services.count == 2)
        #expect(services[1].table?["name"]?.string == "worker")
        #expect(services[1].table?[path: ["limits", "cpu"]]?.value == .float(0.5))
    }

    @Test func readsEveryKindOfString() {
        let document = parse(#"""
        basic = "tab\there \"quoted\" \u00e9 \U0001F600"
        literal = 'C:\Users\nodejs\templates'
        multi = """
        Roses are red
        Violets are blue"""
        folded = """\
               The quick brown \
               fox."""
        raw = '''
        first line
          second \n stays'''
        quotes = """Here are two quotation marks: "". Simple enough."""
        ends = """"This," she said, "is just a pointless statement.""""
        """#)
        #expect(document.issues.isEmpty)
        let root = document.root
        #expect(root["basic"]?.string == "tab\there \"quoted\" é 😀")
        #expect(root["literal"]?.string == #"C:\Users\nodejs\templates"#)
        #expect(root["multi"]?.string == "Roses are red\nViolets are blue")
        #expect(root["folded"]?.string == "The quick brown fox.")
        #expect(root["raw"]?.string == "first line\n  second \\n stays")
        #expect(root["quotes"]?.string == "Here are two quotation marks: \"\". Simple enough.")
        #expect(root["ends"]?.string == "\"This,\" she said, \"is just a pointless statement.\"")
    }

    @Test func readsNumbersBooleansDatesArraysAndInlineTables() {
        let document = parse("""
        ints = [+99, -17, 0, 1_000, 0xDEAD_beef, 0o755, 0b1101]
        floats = [1.0, -0.01, 5e+22, 6.626e-34, 224_617.445_991, inf, -inf]
        odt = 1979-05-27T07:32:00Z
        odt2 = 1979-05-27 07:32:00-07:00
        ld = 1979-05-27
        lt = 00:32:00.999999
        nested = [
          [1, 2], # comment inside
          ["a", 'b'],
        ]
        point = { x = 1, y.z = 2, name = "p" }
        empty = {}
        """)
        #expect(document.issues.isEmpty)
        let root = document.root
        #expect(root["ints"]?.array?.map(\.value) == [.integer(99), .integer(-17), .integer(0), .integer(1000),
                                                       .integer(0xDEADBEEF), .integer(0o755), .integer(13)])
        #expect(root["floats"]?.array?.map(\.value) == [.float(1.0), .float(-0.01), .float(5e22), .float(6.626e-34),
                                                         .float(224617.445991), .float(.infinity), .float(-.infinity)])
        #expect(root["odt"]?.value == .dateTime("1979-05-27T07:32:00Z"))
        #expect(root["odt2"]?.value == .dateTime("1979-05-27 07:32:00-07:00"))
        #expect(root["ld"]?.value == .dateTime("1979-05-27"))
        #expect(root["lt"]?.value == .dateTime("00:32:00.999999"))
        #expect(root["nested"]?.array?.count == 2)
        #expect(root[path: ["point", "y", "z"]]?.value == .integer(2))
        #expect(root["empty"]?.table?.keys.isEmpty == true)
    }

    @Test func reportsErrorsWithLocationsAndKeepsGoing() {
        let document = parse("""
        name = "ok"
        name = "again"
        [tool]
        [tool]
        bad = 01
        unterminated = "abc
        next = 1
        [point]
        p = { x = 1 }
        p.y = 2
        noequals
        trailing = 1 junk
        after = true
        """)
        #expect(document.issues.map(\.location.line) == [2, 4, 5, 6, 10, 11, 12])
        #expect(document.issues[0].message.contains("duplicate key"))
        #expect(document.issues[1].message.contains("more than once"))
        #expect(document.root["next"] == nil)
        #expect(document.root[path: ["tool", "next"]]?.value == .integer(1))
        #expect(document.root[path: ["point", "after"]]?.boolean == true)
        #expect(document.root["name"]?.string == "ok")
    }

    @Test func rejectsRedefiningTablesMadeByDottedKeys() {
        let document = parse("""
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]
        smooth = true
        [fruit.apple]
        """)
        #expect(document.issues.map(\.location.line) == [6])
        #expect(document.root[path: ["fruit", "apple", "texture", "smooth"]]?.boolean == true)
    }

    @Test func deepNestingIsAnIssueNotACrash() {
        let text = "x = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let document = parse(text)
        #expect(document.issues.count == 1)
        #expect(document.issues.first?.location.line == 1)
    }
}
