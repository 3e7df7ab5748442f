/// One parsed `.tf` / `.tfvars` file in HCL2 native syntax: what was understood,
/// the problems met (located, never a trap) and the comments.
public struct HCLFile: Sendable {
    public var path: String
    public var body: HCLBody
    public var issues: [ParseIssue]
    public var comments: [Located<String>]

    /// Parses the whole file; errors are reported and parsing resumes at the next line.
    public static func parse(_ source: SourceText) -> HCLFile {
        var parser = HCLParser(source: source)
        let body = parser.parseFileBody()
        return HCLFile(path: source.path, body: body, issues: parser.issues, comments: parser.comments)
    }

    /// Parses one expression on its own (a `-var` value, a test input).
    public static func parseExpression(_ source: SourceText) -> (HCLExpression, [ParseIssue]) {
        var parser = HCLParser(source: source)
        parser.ignoreNewlines = true
        parser.skipTrivia()
        let expression = parser.parseExpression()
        parser.skipTrivia()
        if parser.position < parser.bytes.count {
            parser.report("unexpected text after the expression", at: parser.position)
        }
        return (expression, parser.issues)
    }
}
