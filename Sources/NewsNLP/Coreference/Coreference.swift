/// The coreference layer of a document: every mention of a person or a body that later stages read — names,
/// role nouns tied to a name, later descriptions ("le ministre", "the senator", "ce dernier") and pronouns
/// ("il", "-t-elle", "he") — each tied to an entity of `Document.entities` when the text allows.
///
/// The entities themselves carry the result for the report (`Entity.references`, `Entity.gender`); this index
/// is what the quote and stance layers look mentions up in.
public struct Coreference: Sendable {
    public enum MentionKind: UInt8, Sendable {
        /// A name of the entity (what the entity layer found).
        case name
        /// A role noun tied to a name by apposition or placed before it.
        case role
        /// A description: definite, demonstrative, indefinite or possessive noun phrase with a human head.
        case description
        /// A personal pronoun.
        case pronoun
    }

    public struct Mention: Sendable {
        public var span: Span
        public var sentence: Int32
        /// The first and one-past-last token of the mention.
        public var tokens: Range<Int32>
        public var kind: MentionKind
        /// The index of the entity in `Document.entities`, or -1 when the text does not tell who it is.
        public var entity: Int32
        /// Whether the words name a person, an organisation or a human group (an anonymous "manifestant",
        /// "le gouvernement"); false for places and things.
        public var human: Bool
        /// The gender the words show ("la ministre", "elle"), if any.
        public var gender: Character?
        /// The mention introduces someone new or someone related to another ("un manifestant", "son avocat"):
        /// it is never resolved to an entity named elsewhere.
        public var isNew: Bool
    }

    /// Every mention, in text order.
    public internal(set) var mentions: [Mention] = []
    /// For each sentence, the person the text is most about just before it (an entity index, or -1).
    public internal(set) var topPerson: [Int32] = []
    /// The `WordKey` of every token, computed once by the coreference pass and read again by the quote reader.
    var tokenKeys: [UInt64] = []

    public init() {}

    /// The mention whose span overlaps `span` and starts first, if any.
    /// - Complexity: O(log n).
    public func mention(overlapping span: Span) -> Mention? {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].span.end <= span.start { lo = mid + 1 } else { hi = mid }
        }
        // Mentions do not nest, so their ends grow with their starts: the first that ends after `span.start`.
        if lo < mentions.count && mentions[lo].span.overlaps(span) { return mentions[lo] }
        return nil
    }

    /// The mention that contains token `t`, if any.
    /// - Complexity: O(log n).
    public func mention(atToken t: Int) -> Mention? {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(mentions[mid].tokens.upperBound) <= t { lo = mid + 1 } else { hi = mid }
        }
        if lo < mentions.count && mentions[lo].tokens.contains(Int32(t)) { return mentions[lo] }
        return nil
    }
}
