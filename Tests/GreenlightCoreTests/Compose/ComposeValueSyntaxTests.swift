import Testing
@testable import GreenlightCore

@Suite("ComposeValueSyntax")
struct ComposeValueSyntaxTests {
    @Test(arguments: [
        ("30s", 30.0), ("1m30s", 90.0), ("1h", 3600.0), ("500ms", 0.5), ("1.5s", 1.5), (".5s", 0.5),
        ("0", 0.0), ("2us", 0.000002), ("1h2m3s", 3723.0),
    ])
    func goDurations(text: String, seconds: Double) throws {
        let parsed = try #require(ComposeDuration.seconds(text))
        #expect(abs(parsed - seconds) < 1e-9)
    }

    @Test(arguments: ["", "10", "s", "1x", "1.2.3s", "ten seconds", "-", "5s5"])
    func invalidDurations(text: String) {
        #expect(ComposeDuration.seconds(text) == nil)
    }

    @Test func shellWordsSplitLikeCompose() {
        #expect(ShellWords.split("gunicorn -w 4 'app.main:create_app()'") == ["gunicorn", "-w", "4", "app.main:create_app()"])
        #expect(ShellWords.split(#"python -c "print(\"hi\")""#) == ["python", "-c", #"print("hi")"#])
        #expect(ShellWords.split(#"echo a\ b "" ''"#) == ["echo", "a b", "", ""])
        #expect(ShellWords.split("  celery  -A app   worker\n") == ["celery", "-A", "app", "worker"])
        #expect(ShellWords.split("echo 'unterminated") == nil)
        #expect(ComposeCommand.exec(["a b"]).words == ["a b"])
    }

    @Test func portRangesAreBounded() {
        #expect(ComposePortSyntax.range("65535") == 65535...65535)
        #expect(ComposePortSyntax.range("65536") == nil)
        #expect(ComposePortSyntax.range("9000-8000") == nil)
        #expect(ComposePortSyntax.range("-80") == nil)
        #expect(ComposePortSyntax.range("80-") == nil)
        #expect(ComposePortSyntax.range("+80") == nil)
    }
}
