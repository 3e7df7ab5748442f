extension DockerInstruction {
    /// ENV pairs, for both `ENV A=1 B="two words"` and the legacy `ENV A some value`.
    /// Quotes and escapes are removed the way Docker does; `$VAR` references are kept
    /// as written (use `DockerVariableScope.apply` to get expanded values). Nil for other keywords.
    public var env: [(key: String, value: String)]? {
        guard kind == .env else { return nil }
        return unquotedPairs()
    }

    /// LABEL pairs, read like ENV. Nil for other keywords.
    public var labels: [(key: String, value: String)]? {
        guard kind == .label else { return nil }
        return unquotedPairs()
    }

    /// ARG declarations (one ARG line may declare several): the name and the default
    /// as written with quotes removed (`ARG A=` gives `""`, `ARG A` gives nil). Nil for other keywords.
    public var arg: [(name: String, defaultValue: String?)]? {
        guard kind == .arg else { return nil }
        let escape = self.escape
        return rawArgs.map { raw in
            (DockerBytes.string(raw.name), raw.value.map { DockerWordLexer.unquote(Array($0), escape: escape) })
        }
    }

    /// ENV/LABEL pairs as written (quotes kept), for one-pass expansion.
    var rawPairs: DockerWords.NameValues {
        DockerWords.nameValues(Array(argumentText.utf8)[...], escape: escape, keyword: keyword)
    }

    /// ARG words as written (quotes kept).
    var rawArgs: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>?)] {
        DockerWords.argWords(Array(argumentText.utf8)[...], escape: escape)
    }

    private func unquotedPairs() -> [(key: String, value: String)] {
        let escape = self.escape
        return rawPairs.pairs.map { pair in
            (DockerWordLexer.unquote(Array(pair.key), escape: escape), DockerWordLexer.unquote(Array(pair.value), escape: escape))
        }
    }
}
