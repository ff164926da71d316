/// What an analysis computes.
public struct AnalysisOptions: Sendable {
    /// The document's language, or nil to detect it.
    public var language: Language?
    /// Sentences in the summary.
    public var summaryLength: SummaryLength
    /// Layers to compute. Segmentation always runs.
    public var layers: Set<Layer>
    /// Fill the summary's candidates (scores and features of every sentence it could choose).
    public var summaryExplain = false

    /// A layer after segmentation. Its declaration (`requires`, `reports`) is the one place that says what it reads
    /// and what of the report it fills: `Analyzer` runs a request's layers from it, `ReportContent(layers:)` follows.
    /// The cases are listed in an order where each comes after what it requires (a test checks it).
    public enum Layer: String, Sendable, CaseIterable {
        case entities, quotes, tone, summary

        /// The layers this one reads, which must run before it: quotes read entities (speakers); tone reads
        /// entities and quotes (stance toward entities, quoted words kept apart); the summary reads entity salience.
        public var requires: [Layer] {
            switch self {
            case .entities: []
            case .quotes: [.entities]
            case .tone: [.entities, .quotes]
            case .summary: [.entities]
            }
        }

        /// What of the report a request for this layer shows (beside the sentences, always there): quotes and tone
        /// name entities (speakers, stance), so they show them too.
        public var reports: ReportContent {
            switch self {
            case .entities: [.entities]
            case .quotes: [.entities, .quotes]
            case .tone: [.entities, .tone]
            case .summary: [.summary]
            }
        }

        /// The layers to run for a request: the requested ones and everything they require, each once, in the
        /// order of `allCases` (each after what it requires).
        /// - Complexity: O(layers²), a handful.
        public static func schedule(_ requested: Set<Layer>) -> [Layer] {
            var needed = requested
            var changed = true
            while changed {
                changed = false
                for layer in needed { for r in layer.requires where !needed.contains(r) { needed.insert(r); changed = true } }
            }
            return allCases.filter { needed.contains($0) }
        }
    }

    public init(language: Language? = nil, summaryLength: SummaryLength = .sentences(3), layers: Set<Layer> = Set(Layer.allCases)) {
        self.language = language
        self.summaryLength = summaryLength
        self.layers = layers
    }
}

/// How long a summary is.
public enum SummaryLength: Sendable, Equatable {
    case sentences(Int)
    /// A fraction of the document's sentences (at least one).
    case ratio(Double)
    /// About this many words.
    case words(Int)
}

/// Reads documents: segmentation, cleaning, language, then entities, quotes, tone and summary.
///
/// An analyzer holds ICU iterators that are reused from one document to the next, so it is cheap to call many
/// times but must not be shared between threads: make one per thread (they share the parsed lexicons).
public final class Analyzer {
    /// The language data every stage reads (built-in, or merged with a user's files).
    public let lexicons: Lexicons
    /// What `analyze` computes: the language (or detection), the layers and the summary's length.
    public var options: AnalysisOptions
    private let wordBreaks = BreakIterator(.word)
    private let sentenceBreaks = BreakIterator(.sentence)
    let stages = AnalyzerStages()

    public init(options: AnalysisOptions = AnalysisOptions(), lexicons: Lexicons = .builtIn) {
        self.options = options
        self.lexicons = lexicons
    }

    /// Analyses one text.
    public func analyze(_ text: String, id: JSONValue? = nil, source: String? = nil) -> Document {
        var document = Document(text: text, id: id, source: source)
        segment(&document)
        runLayers(&document)
        return document
    }

    /// Runs segmentation only: language, tokens, sentences and boilerplate.
    public func segment(_ document: inout Document) {
        let utf8 = document.utf8
        utf8.withUnsafeBufferPointer { text in
            let language = options.language ?? stages.language(lexicons).detect(text)
            document.language = language
            let rules = stages.segmentation(language, lexicons)
            let tokenizer = Tokenizer(rules: rules, language: language)
            let tokenized = tokenizer.tokenize(text, using: wordBreaks)
            var sentences = SentenceSplitter(rules: rules).split(text, tokens: tokenized.tokens, glued: tokenized.gluedBoundaries, using: sentenceBreaks)
            // Tie tokens to sentences; tokens outside every sentence (markup and decoration lines that are no
            // text) are dropped, so that every token lies inside its sentence.
            var tokens: [Token] = []
            tokens.reserveCapacity(tokenized.tokens.count)
            var t = 0
            let all = tokenized.tokens
            for (k, s) in sentences.enumerated() {
                while t < all.count && all[t].span.start < s.span.start { t += 1 }
                let first = tokens.count
                while t < all.count && all[t].span.start < s.span.end {
                    var token = all[t]
                    if token.span.end > s.span.end { token.span.end = s.span.end }
                    token.sentence = Int32(k)
                    tokens.append(token)
                    t += 1
                }
                sentences[k].tokens = Int32(first)..<Int32(tokens.count)
            }
            stages.boilerplate(lexicons).mark(&sentences, in: text)
            document.features = TokenFeatures(tokens, in: text)
            document.tokens = tokens
            document.sentences = sentences
        }
    }
}
