extension Analyzer {
    /// The layers after segmentation, each reading what the ones before it added.
    func runLayers(_ document: inout Document) {
        let layers = options.layers
        let language = document.language
        // Quotes need entities (speakers), tone needs both (stance toward entities, quotes kept apart),
        // the summary uses entity salience.
        if !layers.isEmpty {
            EntityRecognizer.load(language, from: lexicons).process(&document)
        }
        if layers.contains(.quotes) || layers.contains(.tone) {
            QuoteFinder.load(language, from: lexicons).process(&document)
        }
        if layers.contains(.tone) {
            ToneScorer.load(language, from: lexicons).process(&document)
        }
        if layers.contains(.summary) {
            Summarizer(length: options.summaryLength).process(&document, lexicons: lexicons)
        }
    }
}
