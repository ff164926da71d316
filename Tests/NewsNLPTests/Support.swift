import NewsNLP

/// Segments `text` (no later layers) and returns the document.
func segmented(_ text: String, language: Language? = nil) -> Document {
    let analyzer = Analyzer(options: AnalysisOptions(language: language, layers: []))
    return analyzer.analyze(text)
}

/// The token strings of `text`.
func tokenStrings(_ text: String, language: Language? = .french) -> [String] {
    let d = segmented(text, language: language)
    return d.tokens.map { d.string($0.span) }
}

/// The sentence strings of `text`.
func sentenceStrings(_ text: String, language: Language? = nil) -> [String] {
    let d = segmented(text, language: language)
    return d.sentences.map { d.string($0.span) }
}

/// The folder of the package (for Corpora/ and the built binary).
let packageRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
}()
