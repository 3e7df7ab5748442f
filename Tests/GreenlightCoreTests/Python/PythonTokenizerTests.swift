import Testing
@testable import GreenlightCore

@Suite("PythonTokenizer")
struct PythonTokenizerTests {
    private func tokenize(_ text: String) -> (kinds: [PythonTokenKind], texts: [String], stream: PythonTokenStream) {
        let source = SourceText(path: "m.py", string: text)
        let stream = PythonTokenizer.tokenize(source)
        return (stream.tokens.map(\.kind), stream.tokens.map { $0.text(in: source.bytes) }, stream)
    }

    @Test func logicalLinesIndentationAndComments() {
        let result = tokenize("def f(x):\n    # note\n    return x  # done\n\ny = 1\n")
        #expect(result.kinds == [
            .name, .name, .op, .name, .op, .op, .newline,
            .comment, .indent, .name, .name, .comment, .newline,
            .dedent, .name, .op, .number, .newline, .endOfFile,
        ])
        #expect(result.texts[7] == "# note")
        #expect(result.stream.issues.isEmpty)
    }

    @Test func bracketsJoinLinesAndBackslashContinues() {
        let result = tokenize("x = call(\n    1,\n    2,\n)\ny = 1 + \\\n    2\n")
        let newlines = result.kinds.filter { $0 == .newline }.count
        #expect(newlines == 2)
        #expect(!result.kinds.contains(.indent))
        #expect(result.stream.issues.isEmpty)
    }

    @Test func stringPrefixesAndTripleQuotes() {
        let text = "a = rb'\\d' + Rb\"x\" + f'{x}' + u'u' + br'''q''' + \"\"\"doc\n\"more\"\n\"\"\"\n"
        let result = tokenize(text)
        let strings = zip(result.kinds, result.texts).filter { $0.0 == .string }.map(\.1)
        #expect(strings == ["rb'\\d'", "Rb\"x\"", "f'{x}'", "u'u'", "br'''q'''", "\"\"\"doc\n\"more\"\n\"\"\""])
        #expect(result.stream.tokens.last?.line == 4)
    }

    @Test func fStringWithNestedQuotesIsOneToken() {
        let result = tokenize("msg = f\"{data[\"key\"]}: {value:>{width}} {{literal}}\"\nnext_line = 1\n")
        #expect(result.kinds.filter { $0 == .string }.count == 1)
        #expect(result.stream.issues.isEmpty)
        #expect(result.texts.contains("next_line"))
    }

    @Test func numbers() {
        let result = tokenize("n = [0x1F, 1_000, 3.5e-2, .5, 10j, 0o17, 0b1010, 1e10]\n")
        let numbers = zip(result.kinds, result.texts).filter { $0.0 == .number }.map(\.1)
        #expect(numbers == ["0x1F", "1_000", "3.5e-2", ".5", "10j", "0o17", "0b1010", "1e10"])
    }

    @Test func operatorsLongestFirst() {
        let result = tokenize("a **= b // c -> d ... e := f != g\n")
        let ops = zip(result.kinds, result.texts).filter { $0.0 == .op }.map(\.1)
        #expect(ops == ["**=", "//", "->", "...", ":=", "!="])
    }

    @Test func unterminatedStringIsAnIssueAndScanningContinues() {
        let result = tokenize("x = 'oops\ny = 2\n")
        #expect(result.stream.issues.count == 1)
        #expect(result.stream.issues.first?.message == "unterminated string literal")
        #expect(result.stream.issues.first?.location.line == 1)
        #expect(result.texts.contains("y"))
    }

    @Test func unterminatedTripleQuotedString() {
        let result = tokenize("x = 1\ndoc = \"\"\"never closed\nstill\n")
        #expect(result.stream.issues.map(\.message) == ["unterminated triple-quoted string literal"])
        #expect(result.stream.issues.first?.location.line == 2)
        #expect(result.stream.issues.first?.location.column == 7)
    }

    @Test func badDedentIsReported() {
        let result = tokenize("if x:\n        a = 1\n    b = 2\n")
        #expect(result.stream.issues.map(\.message) == ["unindent does not match any outer indentation level"])
        #expect(result.stream.issues.first?.location.line == 3)
        let indents = result.kinds.filter { $0 == .indent }.count
        let dedents = result.kinds.filter { $0 == .dedent }.count
        #expect(indents == dedents)
    }

    @Test func unclosedBracketRecoversAtNextDefinition() {
        let result = tokenize("x = foo(1,\n\ndef g():\n    return 2\n")
        #expect(result.stream.issues.map(\.message) == ["'(' was never closed"])
        #expect(result.stream.issues.first?.location.line == 1)
        #expect(result.kinds.contains(.indent))
    }

    @Test func strayCharacterAndClosingMismatch() {
        let result = tokenize("a = $b\nc = (1]\nd = )\n")
        #expect(result.stream.issues.map(\.message) == [
            "invalid character '$' in source", "closing ']' does not match opening '('", "unmatched ')'",
        ])
        #expect(result.stream.issues.map(\.location.line) == [1, 2, 3])
    }

    @Test func columnsCountScalarsAndCRLFLinesWork() {
        let result = tokenize("name = \"héllo\"; x = 1\r\ny = 2\r\n")
        let x = result.stream.tokens.first { $0.kind == .name && result.texts[result.stream.tokens.firstIndex(of: $0) ?? 0] == "x" }
        #expect(x?.column == 17)
        let y = result.stream.tokens.first { $0.line == 2 }
        #expect(y?.column == 1)
        #expect(result.stream.issues.isEmpty)
    }

    @Test func unicodeIdentifiersAreNames() {
        let result = tokenize("größe = 3\n")
        #expect(result.kinds.first == .name)
        #expect(result.texts.first == "größe")
    }

    @Test func fragmentsReportPositionsInTheFile() {
        let source = SourceText(path: "m.py", string: "x = 1\nmsg = f\"{port + 1}\"\ndoc = f\"\"\"é\n  {host}\"\"\"\n")
        let stream = PythonTokenizer.tokenize(source)
        let strings = stream.tokens.filter { $0.kind == .string }
        let first = source.bytes.firstIndex(of: UInt8(ascii: "{")).map { $0 + 1 } ?? 0
        let tokens = PythonTokenizer.tokenizeFragment(source, range: first..<(first + 8), anchor: strings[0])
        #expect(tokens.map { $0.text(in: source.bytes) } == ["port", "+", "1", ""])
        #expect(tokens.first?.line == 2)
        #expect(tokens.first?.column == 10)
        let second = (source.bytes.lastIndex(of: UInt8(ascii: "{")) ?? 0) + 1
        let multiline = PythonTokenizer.tokenizeFragment(source, range: second..<(second + 4), anchor: strings[1])
        #expect(multiline.first?.line == 4)
        #expect(multiline.first?.column == 4)
    }
}

@Suite("PythonStringLiteral")
struct PythonStringLiteralTests {
    private func value(_ literal: String) -> String? {
        let source = SourceText(path: "m.py", string: literal)
        guard let token = PythonTokenizer.tokenize(source).tokens.first else { return nil }
        return PythonStringLiteral.value(of: token, in: source.bytes)
    }

    @Test func escapesAndRawStrings() {
        #expect(value(#""a\tb\n\x41\u00e9\101\\""#) == "a\tb\nAé\u{41}\\")
        #expect(value(#"r"C:\path\n""#) == #"C:\path\n"#)
        #expect(value(#"'it\'s'"#) == "it's")
        #expect(value(#""unknown \d escape""#) == #"unknown \d escape"#)
        #expect(value("'''multi\nline'''") == "multi\nline")
        #expect(value("''") == "")
    }

    @Test func fStringsWithFieldsHaveNoLiteralValue() {
        #expect(value(#"f"[::]:{port}""#) == nil)
        #expect(value(#"f"{{literal}} braces""#) == "{literal} braces")
    }

    @Test func fStringPartsSeparateTextAndFields() {
        let source = SourceText(path: "m.py", string: #"f"[::]:{port!r:>{width}} ok={x == 1}""#)
        guard let token = PythonTokenizer.tokenize(source).tokens.first,
              let parts = PythonStringLiteral.formattedParts(of: token, in: source.bytes)
        else {
            Issue.record("no parts")
            return
        }
        var described: [String] = []
        for part in parts {
            switch part {
            case .text(let text): described.append("text:" + text)
            case .field(let range): described.append("field:" + String(decoding: source.bytes[range], as: UTF8.self))
            }
        }
        #expect(described == ["text:[::]:", "field:port", "text: ok=", "field:x == 1"])
    }
}
