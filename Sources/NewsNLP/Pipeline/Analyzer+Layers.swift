extension Analyzer {
    /// The layers after segmentation, each reading what the ones before it added.
    func runLayers(_ document: inout Document) {
        let layers = options.layers
        // Quotes need entities (speakers), tone needs both (stance toward entities, quotes kept apart),
        // the summary uses entity salience.
        if !layers.isEmpty { run(.entities, on: &document) }
        if layers.contains(.quotes) || layers.contains(.tone) { run(.quotes, on: &document) }
        if layers.contains(.tone) { run(.tone, on: &document) }
        if layers.contains(.summary) { run(.summary, on: &document) }
    }

    /// Runs one layer on a document that `segment` has read, adding that layer only.
    ///
    /// Each layer reads the ones before it (quotes read entities; tone reads entities and quotes; the summary
    /// reads entities): run them in the order entities, quotes, tone, summary. `analyze` does all of this; this
    /// entry point is for callers that time or build the layers one by one (see `Benchmarks/`).
    public func run(_ layer: AnalysisOptions.Layer, on document: inout Document) {
        let language = document.language
        switch layer {
        case .entities: EntityRecognizer.load(language, from: lexicons).process(&document)
        case .quotes: QuoteFinder.load(language, from: lexicons).process(&document)
        case .tone: ToneScorer.load(language, from: lexicons).process(&document)
        case .summary: Summarizer(length: options.summaryLength).process(&document, lexicons: lexicons)
        }
    }
}

extension Analyzer {
    /// Parses now every lexicon that `analyze` will need (for the forced language, or both), instead of on the
    /// first document. Call it once before starting worker threads: their analyzers then share the parsed
    /// lexicons instead of each parsing them at the same moment.
    public func prepare() {
        let languages = options.language.map { [$0] } ?? Language.allCases
        for language in languages {
            var d = Document(text: "")
            d.language = language
            _ = SegmentationRules.load(language, from: lexicons)
            runLayers(&d)
        }
        _ = LanguageDetector.load(from: lexicons)
        _ = BoilerplateDetector.load(from: lexicons)
    }
}
