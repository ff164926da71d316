extension Analyzer {
    /// The layers after segmentation that the options ask for, with the layers they read, each once, in an order
    /// where every layer comes after those it `requires` (see `AnalysisOptions.Layer.schedule`).
    func runLayers(_ document: inout Document) {
        for layer in AnalysisOptions.Layer.schedule(options.layers) { run(layer, on: &document) }
    }

    /// Runs one layer on a document that `segment` has read, adding that layer only.
    ///
    /// Each layer reads the ones before it (quotes read entities; tone reads entities and quotes; the summary
    /// reads entities): run them in the order entities, quotes, tone, summary. `analyze` does all of this; this
    /// entry point is for callers that time or build the layers one by one (see `Benchmarks/`).
    public func run(_ layer: AnalysisOptions.Layer, on document: inout Document) {
        let language = document.language
        switch layer {
        case .entities:
            // The entity layer includes coreference: references and gender are fields of the entities.
            stages.entities(language, lexicons).process(&document)
            stages.coreference(language, lexicons).process(&document)
        case .quotes: stages.quotes(language, lexicons).process(&document)
        case .tone: stages.tone(language, lexicons).process(&document)
        case .summary:
            var summarizer = Summarizer(length: options.summaryLength)
            summarizer.explain = options.summaryExplain
            summarizer.process(&document, lexicons: lexicons)
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

/// The stages of one analyzer, per language, taken from the shared lexicon cache the first time they are needed and
/// then kept: a document then costs no lookup in the shared cache (a lock and a copy out of an existential each).
final class AnalyzerStages {
    private var rules: [SegmentationRules?] = [nil, nil]
    private var recognizers: [EntityRecognizer?] = [nil, nil]
    private var resolvers: [CoreferenceResolver?] = [nil, nil]
    private var finders: [QuoteFinder?] = [nil, nil]
    private var scorers: [ToneScorer?] = [nil, nil]
    private var detector: LanguageDetector?
    private var boilerplateDetector: BoilerplateDetector?

    @inline(__always) private static func slot(_ language: Language) -> Int { language == .french ? 0 : 1 }

    /// The stage kept in `store` for `language`, made by `make` the first time.
    private func kept<T>(_ store: inout [T?], _ language: Language, _ make: () -> T) -> T {
        if let value = store[Self.slot(language)] { return value }
        let value = make()
        store[Self.slot(language)] = value
        return value
    }

    func segmentation(_ language: Language, _ lexicons: Lexicons) -> SegmentationRules {
        kept(&rules, language) { SegmentationRules.load(language, from: lexicons) }
    }

    func entities(_ language: Language, _ lexicons: Lexicons) -> EntityRecognizer {
        kept(&recognizers, language) { EntityRecognizer.load(language, from: lexicons) }
    }

    func coreference(_ language: Language, _ lexicons: Lexicons) -> CoreferenceResolver {
        kept(&resolvers, language) { CoreferenceResolver.load(language, from: lexicons) }
    }

    func quotes(_ language: Language, _ lexicons: Lexicons) -> QuoteFinder {
        kept(&finders, language) { QuoteFinder.load(language, from: lexicons) }
    }

    func tone(_ language: Language, _ lexicons: Lexicons) -> ToneScorer {
        kept(&scorers, language) { ToneScorer.load(language, from: lexicons) }
    }

    func language(_ lexicons: Lexicons) -> LanguageDetector {
        if let d = detector { return d }
        let d = LanguageDetector.load(from: lexicons)
        detector = d
        return d
    }

    func boilerplate(_ lexicons: Lexicons) -> BoilerplateDetector {
        if let d = boilerplateDetector { return d }
        let d = BoilerplateDetector.load(from: lexicons)
        boilerplateDetector = d
        return d
    }
}
