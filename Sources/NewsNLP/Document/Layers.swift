/// The types of the layers that entities, quotes, tone and summary add to a document.

public enum EntityType: String, Sendable, CaseIterable {
    case person = "PER"
    case organisation = "ORG"
    case location = "LOC"
    case miscellaneous = "MISC"
}

/// Where an entity was found: in a lexicon, or by a name pattern.
public enum EntitySource: String, Sendable {
    case lexicon, pattern
}

public struct Mention: Sendable, Hashable {
    public var span: Span
    public var sentence: Int32

    public init(span: Span, sentence: Int32) {
        self.span = span
        self.sentence = sentence
    }
}

/// How a reference names its entity, when it does not use the entity's name.
public enum ReferenceKind: String, Sendable, CaseIterable {
    /// A role noun tied to the entity ("le ministre de l'Intérieur", "the council chair").
    case role
    /// A later definite or demonstrative description ("le sénateur", "ce dernier", "cet élu", "the senator").
    case description
    /// A personal pronoun ("il", "elle", "-t-il", "he", "she").
    case pronoun
}

/// A mention of an entity that is not its name: found by the coreference layer.
public struct Reference: Sendable, Hashable {
    public var span: Span
    public var sentence: Int32
    public var kind: ReferenceKind

    public init(span: Span, sentence: Int32, kind: ReferenceKind) {
        self.span = span
        self.sentence = sentence
        self.kind = kind
    }
}

/// One real-world referent of the document with all its mentions.
public struct Entity: Sendable {
    public var id: String
    public var name: String
    public var type: EntityType
    public var source: EntitySource
    public var mentions: [Mention]
    /// Role nouns that the text ties to the entity ("le gouverneur de Floride").
    public var roles: [Mention]
    /// "m", "f" or nil.
    public var gender: Character?
    /// The entity's other mentions (role nouns, descriptions, pronouns), from the coreference layer, in text order.
    public var references: [Reference] = []
    public var stance: Stance?

    public init(id: String, name: String, type: EntityType, source: EntitySource, mentions: [Mention] = [],
                roles: [Mention] = [], gender: Character? = nil, stance: Stance? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.source = source
        self.mentions = mentions
        self.roles = roles
        self.gender = gender
        self.stance = stance
    }
}

public enum Polarity: String, Sendable {
    case negative, neutral, positive

    /// The label of a score: neutral when |score| < 0.1.
    public init(score: Double) {
        self = score <= -0.1 ? .negative : (score >= 0.1 ? .positive : .neutral)
    }
}

public struct Stance: Sendable {
    public var score: Double
    public var label: Polarity
    /// Indices of the sentences that carry the stance, strongest first.
    public var evidence: [Int32]

    public init(score: Double, evidence: [Int32]) {
        self.score = score
        self.label = Polarity(score: score)
        self.evidence = evidence
    }
}

/// A word that carries polarity, with its weight after negation and intensifiers.
public struct PolarWord: Sendable {
    public var span: Span
    public var score: Double

    public init(span: Span, score: Double) {
        self.span = span
        self.score = score
    }
}

public struct Tone: Sendable {
    public var score: Double
    public var label: Polarity
    public var positive: Int
    public var negative: Int
    public var words: Int
    public var evidence: [PolarWord]

    public init(score: Double, positive: Int, negative: Int, words: Int, evidence: [PolarWord]) {
        self.score = score
        self.label = Polarity(score: score)
        self.positive = positive
        self.negative = negative
        self.words = words
        self.evidence = evidence
    }
}

public enum QuoteKind: String, Sendable {
    case direct, partial, indirect
}

public struct Speaker: Sendable {
    /// The speaker's name or description ("David Sacks", "un manifestant").
    public var name: String
    /// The entity id, when the speaker is an entity of the document.
    public var entity: String?
    /// The words that name the speaker near the quote, if any.
    public var span: Span?

    public init(name: String, entity: String? = nil, span: Span? = nil) {
        self.name = name
        self.entity = entity
        self.span = span
    }
}

public struct Quote: Sendable {
    public var kind: QuoteKind
    /// The quoted words, without the quote marks.
    public var span: Span
    public var speaker: Speaker?
    public var cue: Span?
    public var confidence: Double
    /// For a heading or intertitle that repeats words of another quote: the index, in `Document.quotes`, of the
    /// quote it echoes (which gave it its speaker).
    public var echoes: Int?

    public init(kind: QuoteKind, span: Span, speaker: Speaker? = nil, cue: Span? = nil, confidence: Double) {
        self.kind = kind
        self.span = span
        self.speaker = speaker
        self.cue = cue
        self.confidence = confidence
    }
}

public struct Summary: Sendable {
    /// Indices of the chosen sentences, in document order.
    public var sentences: [Int32]
    /// The score of each chosen sentence (same order): the learned model's probability, or, with the hand weights,
    /// the summary's expected F-measure when the sentence was added.
    public var scores: [Double] = []
    /// Every candidate sentence with its score and features, when the summary was asked to explain itself.
    public var candidates: [SummaryCandidate]?
    /// The article's terms when the summary explains itself (`SummaryCandidate.terms` index them); empty otherwise.
    public var terms: [SummaryTerm] = []

    public init(sentences: [Int32], scores: [Double] = [], candidates: [SummaryCandidate]? = nil) {
        self.sentences = sentences
        self.scores = scores
        self.candidates = candidates
    }
}

/// A sentence the summary could choose, with what it weighed (`newsnlp summarize --explain`).
public struct SummaryCandidate: Sendable {
    public var sentence: Int32
    public var score: Double
    /// Feature values, indexed like `SummaryFeature.allCases`.
    public var features: [Double]
    /// Each feature's part of the learned logit (weight × value), same indexing; empty with the hand weights.
    public var contributions: [Double]

    public init(sentence: Int32, score: Double, features: [Double], contributions: [Double]) {
        self.sentence = sentence
        self.score = score
        self.features = features
        self.contributions = contributions
    }

    /// The terms it uses (indices into `Summary.terms`) and how many times, when the summary explains itself.
    public var terms: [(term: Int32, count: Int32)] = []
}

/// A term of the article (a folded stem, or a folded stop word) with its `TermFeature` values and the abstract's
/// expected uses of it under the learned word model (0 without one), when the summary explains itself.
public struct SummaryTerm: Sendable {
    public var text: String
    public var features: [Double]
    public var expected: Double

    public init(text: String, features: [Double], expected: Double) {
        self.text = text
        self.features = features
        self.expected = expected
    }
}

