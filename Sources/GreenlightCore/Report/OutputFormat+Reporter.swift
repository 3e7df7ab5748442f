extension OutputFormat {
    /// The reporter that renders this format, so the command line maps `--format`
    /// to output without a switch of its own. Exhaustive: a new format must get one.
    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .github: GitHubReporter()
        }
    }
}
