/// What later layers need to know about each token, computed once when the document is segmented and kept on
/// the `Document` (struct of arrays, one entry per token, indexed like `Document.tokens`).
///
/// The layers read these instead of re-hashing and re-scanning every token in their own way: the fold hash is
/// the key of every folded lexicon table (`FoldHash`, identical to the lexicons' keys), the shape says how the
/// token is written.
public struct TokenFeatures: Sendable {
    /// `FoldHash` of each token's folded form (lower case, no accents, apostrophe "'").
    public var foldHash: [UInt64] = []
    /// How each token is written.
    public var shape: [TokenShape] = []

    public init() {}

    /// The features of `tokens` of `text`.
    /// - Complexity: O(n) in the bytes of the tokens.
    init(_ tokens: [Token], in text: UnsafeBufferPointer<UInt8>) {
        foldHash.reserveCapacity(tokens.count)
        shape.reserveCapacity(tokens.count)
        for t in tokens {
            let bytes = UnsafeBufferPointer(rebasing: text[Int(t.span.start)..<Int(t.span.end)])
            foldHash.append(FoldHash.hash(bytes))
            shape.append(TokenShape(bytes, kind: t.kind))
        }
    }
}

/// How a token is written: capitals, and whether it is a word-like token.
public struct TokenShape: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Starts with a capital letter or a digit.
    public static let capitalised = TokenShape(rawValue: 1)
    /// Starts with a capital letter (not a digit).
    public static let upper = TokenShape(rawValue: 2)
    /// Has letters, all of them capitals ("PS", "CNRS").
    public static let allCaps = TokenShape(rawValue: 4)
    /// A word, number, hashtag, mention or URL (not punctuation or a symbol).
    public static let word = TokenShape(rawValue: 8)

    init(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind) {
        var s: TokenShape = []
        if kind == .word || kind == .number || kind == .hashtag || kind == .mention || kind == .url { s.insert(.word) }
        guard !bytes.isEmpty else { self = s; return }
        let (first, _) = bytes.scalar(at: 0)
        var allCaps = true
        var letters = 0
        var k = 0
        while k < bytes.count {
            let (c, l) = bytes.scalar(at: k)
            if c.isLetter { letters += 1; if !c.isUpper { allCaps = false } }
            k += l
        }
        if first.isUpper || first.isDigit { s.insert(.capitalised) }
        if first.isUpper { s.insert(.upper) }
        if allCaps && letters > 0 { s.insert(.allCaps) }
        self = s
    }
}

extension Document {
    /// The `FoldHash` of every token: the ones segmentation keeps in `features`, or computed here when the tokens
    /// were set without them (a document built by hand).
    var foldHashes: [UInt64] {
        if features.foldHash.count == tokens.count { return features.foldHash }
        return utf8.withUnsafeBufferPointer { text in
            tokens.map { FoldHash.hash(UnsafeBufferPointer(rebasing: text[Int($0.span.start)..<Int($0.span.end)])) }
        }
    }
}
