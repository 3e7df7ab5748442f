import Foundation
import Testing
@testable import GreenlightDeploy

@Suite struct MarkdownTextTests {
    typealias F = JournalFixture

    @Test func inlineTextCannotStartEmphasisCodeLinksOrHTML() {
        #expect(MarkdownText.inline("*bold* `code` [link](x) <b> ~~gone~~ back\\slash")
            == "\\*bold\\* \\`code\\` \\[link](x) \\<b> \\~\\~gone\\~\\~ back\\\\slash")
    }

    @Test func underscoreInsideAWordStaysReadableAndAtAWordEdgeIsEscaped() {
        #expect(MarkdownText.inline("api_gateway_v2") == "api_gateway_v2")
        #expect(MarkdownText.inline("_private_ and __init__") == "\\_private\\_ and \\_\\_init\\_\\_")
    }

    @Test func inlineTextIsOneLineWithoutTerminalEscapes() {
        #expect(MarkdownText.inline("first\nsecond\r\nthird\rfourth") == "first second third fourth")
        #expect(MarkdownText.inline("\u{1B}[31merror\u{1B}[0m: \u{1B}]0;title\u{07}done\u{0}") == "error: done")
        #expect(MarkdownText.inline("tab\there") == "tab here")
    }

    @Test func headingTextEscapesHashesThatWouldCloseTheHeading() {
        #expect(MarkdownText.heading("Deploy #") == "Deploy \\#")
    }

    @Test func tableCellEscapesPipesAndFillsEmptyCells() {
        #expect(MarkdownText.tableCell("a | b") == "a \\| b")
        #expect(MarkdownText.tableCell("  ") == "—")
        #expect(MarkdownText.tableCell("line\nbreak") == "line break")
    }

    @Test func fenceIsLongerThanTheLongestBacktickRun() {
        #expect(MarkdownText.fencedBlock(["plain"], indent: "") == ["```", "plain", "```"])
        #expect(MarkdownText.fencedBlock(["``````", "x"], indent: "  ") == ["  ```````", "  ``````", "  x", "  ```````"])
        #expect(MarkdownText.fencedBlock(["a", "", "b"], indent: "  ") == ["  ```", "  a", "", "  b", "  ```"])
    }

    @Test func authoredTextKeepsItsMarkdownButCannotAddHeadingsOrLeaveABlockOpen() {
        #expect(MarkdownText.authored("\n\nUse `kubectl rollout undo`.\n  # not a heading\n\n") == ["Use `kubectl rollout undo`.", "  \\# not a heading"])
        #expect(MarkdownText.authored("Run:\n````sh\nmake\n```") == ["Run:", "````sh", "make", "```", "````"])
        #expect(MarkdownText.authored("~~~\nx\n~~~\n```\ny\n```") == ["~~~", "x", "~~~", "```", "y", "```"])
        #expect(MarkdownText.authored("```inline`code``` only") == ["```inline`code``` only"])
        #expect(MarkdownText.authored("    indented\n      more\n\n    back") == ["indented", "  more", "", "back"])
    }

    @Test func terminalLinesShowWhatTheTerminalShowed() {
        let output = "start\r\n10%\r50%\r100%\n\u{1B}[1mbold\u{1B}[0m\tcol\n\n  \n"
        #expect(MarkdownText.terminalLines(output) == ["start", "100%", "bold\tcol"])
    }

    @Test func journalEscapesPipesInTableCellsAndKeepsMessagesOnOneLine() {
        var steps = F.preflight
        steps[0].message = "2 findings | see\nDockerfile:3"
        let journal = F.render(F.deployment(.running, phase: 0), steps, [])
        #expect(F.section("Validation Results", of: journal)[2]
            == "| Phase 1 - Preflight | `check` Static analysis | passed | 2 findings \\| see Dockerfile:3 |")
        #expect(F.section("Progress Log", of: journal)[1]
            == "- 2026-11-21 14:05:03 — Phase 1 - Preflight: passed `check` Static analysis (2.2s): 2 findings | see Dockerfile:3")
    }

    @Test func namesFromTheRunbookCannotAddHeadingsOrEmphasis() {
        var runbook = F.runbook
        runbook.phases[0].name = "Build *all* #1"
        runbook.description = "# Not a section\nText"
        var deployment = F.deployment(.running, phase: 0)
        deployment.runbook = "Web_app #"
        let journal = JournalRenderer.render(runbook: runbook, deployment: deployment, steps: [], events: [], timeZone: F.zone)
        #expect(journal.hasPrefix("# Deployment 3fa9c2d1: Web_app \\# to production\n"))
        #expect(F.section("Deployment Plan", of: journal).prefix(4) == ["\\# Not a section", "Text", "", "### Phase 1 - Build \\*all\\* \\#1"])
        #expect(F.section("Phase Results", of: journal)[2].hasPrefix("| Phase 1 - Build \\*all\\* #1 | running |"))
    }
}
