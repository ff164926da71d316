/// A news article and every layer newsnlp has read from it.
///
/// The document owns its text once, as UTF-8 bytes. Every layer is a list of spans whose offsets are
/// UTF-8 byte offsets into those bytes; the report converts them to the user's unit (Unicode scalars,
/// UTF-16 or UTF-8) once, when it is written.
public struct Document: Sendable {
    /// The text as given, after a byte-order mark if there was one.
    public let text: String
    /// The UTF-8 bytes of `text`; every span indexes into them.
    public let utf8: [UInt8]
    /// An identifier given by the caller (a JSON Lines `id`, a file name), if any.
    public var id: JSONValue?
    /// Where the text came from (a path), if known.
    public var source: String?
    /// The language detected (or forced by `AnalysisOptions.language`).
    public var language: Language = .french
    /// The sentences in text order, covering the text; boilerplate ones flagged.
    public var sentences: [Sentence] = []
    /// The tokens in text order, each with the index of its sentence.
    public var tokens: [Token] = []
    /// People, organisations and places, each once with all its mentions (when the entities layer ran).
    public var entities: [Entity] = []
    /// Every mention of the entities, names and references, for the stages after the entity layer.
    public var coreference = Coreference()
    /// Quotes with their speakers and cues, in text order (when the quotes layer ran).
    public var quotes: [Quote] = []
    /// The article's tone (when the tone layer ran); stances are on the entities.
    public var tone: Tone?
    /// The extractive summary: indexes of chosen sentences (when the summary layer ran).
    public var summary: Summary?
    /// Per-token features (fold hash, shape), computed once by segmentation for the later layers.
    public var features = TokenFeatures()

    public init(text: String, id: JSONValue? = nil, source: String? = nil) {
        self.text = text
        self.utf8 = Array(text.utf8)
        self.id = id
        self.source = source
    }

    /// The text of a span, cut from the original text.
    public func string(_ span: Span) -> String {
        String(decoding: utf8[Int(span.start)..<Int(span.end)], as: UTF8.self)
    }
}

/// A half-open range of UTF-8 byte offsets into a document's text.
public struct Span: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int32
    public var end: Int32

    @inlinable public init(_ start: Int32, _ end: Int32) {
        self.start = start
        self.end = end
    }

    @inlinable public init(_ start: Int, _ end: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    @inlinable public var length: Int { Int(end - start) }
    @inlinable public var isEmpty: Bool { end <= start }
    @inlinable public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    @inlinable public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (a: Span, b: Span) -> Bool { a.start != b.start ? a.start < b.start : a.end < b.end }
    public var description: String { "\(start)..<\(end)" }
}

public enum Language: String, Sendable, CaseIterable, Codable {
    case french = "fr"
    case english = "en"

    public var code: String { rawValue }
}

/// A token's kind, as the report names it.
public enum TokenKind: String, Sendable, CaseIterable {
    case word, number, punctuation, symbol, url, email, mention, hashtag
}

public struct Token: Sendable, Hashable {
    public var span: Span
    public var kind: TokenKind
    /// The index of the sentence holding the token.
    public var sentence: Int32

    public init(span: Span, kind: TokenKind, sentence: Int32 = 0) {
        self.span = span
        self.kind = kind
        self.sentence = sentence
    }
}

public struct Sentence: Sendable, Hashable {
    public var span: Span
    /// Page furniture (advertising, tickers, bylines, links): later layers ignore it.
    public var boilerplate: Bool
    /// A line of its own without final punctuation: a title, heading, caption or list item.
    public var isHeading: Bool
    /// A byline ("AFP", "Par Jean Dupont"): boilerplate, but the names in it are still entities.
    public var isByline: Bool = false
    /// The tokens of the sentence, as indices into `Document.tokens`.
    public var tokens: Range<Int32>
    /// The paragraph (block of text between blank lines) holding the sentence.
    public var paragraph: Int32

    public init(span: Span, boilerplate: Bool = false, isHeading: Bool = false, tokens: Range<Int32> = 0..<0, paragraph: Int32 = 0) {
        self.span = span
        self.boilerplate = boilerplate
        self.isHeading = isHeading
        self.tokens = tokens
        self.paragraph = paragraph
    }
}
