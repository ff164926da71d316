/// Picks the sentences of an extractive summary.
///
/// The summary is built greedily to cover the words a reader's abstract of the article would hold, in as few words
/// as it can. Every word of the article gets a salience: how likely a short abstract is to use it. A content word
/// is more likely to be used the more sentences name it (the article's subject recurs), the earlier it first
/// appears (news puts the essentials first), and when it is a name (an entity the article is about) or a word of
/// the title (the headline is the editor's own summary); a stop word counts for a fifth as much. Each body
/// sentence (never boilerplate, never a heading) then weighs its words by its own standing: its position (the
/// lead paraphrases the abstract), its centrality (similarity to the rest of the article), and penalties for what
/// a summary does not quote: sentences that are almost all quotation, questions, asides in brackets, and
/// sentences opening on a subject pronoun (they lean on the one before).
///
/// Sentences are chosen one at a time, each time the one that most raises the expected F-measure of the summary
/// against an abstract of `abstractWords` words: 2·(salience covered) / (summary words + abstract words). A word
/// already covered counts once, which is the redundancy control; a long sentence must bring salience in
/// proportion to its length. The chosen sentences are returned in their original order.
///
/// - Complexity: O(w·k) for w content words and k chosen sentences; centrality is against the article's centroid
///   (linear), never a sentence-by-sentence matrix.
public struct Summarizer: Sendable {
    public var length: SummaryLength
    public var weights: SummaryWeights

    public init(length: SummaryLength = .sentences(3)) {
        self.length = length
        self.weights = SummaryWeights()
    }

    public init(length: SummaryLength, weights: SummaryWeights) {
        self.length = length
        self.weights = weights
    }

    /// Sets `document.summary`.
    public func process(_ document: inout Document, lexicons: Lexicons = .builtIn) {
        document.summary = summarize(document, lexicons: lexicons)
    }

    /// The summary of a segmented document (entities are used when present).
    public func summarize(_ document: Document, lexicons: Lexicons = .builtIn) -> Summary {
        let words = lexicons.summaryWordHashes(document.language)
        let profile = SentenceProfiles(document, stopwords: words.stopwords, pronouns: words.pronouns)
        guard !profile.candidates.isEmpty else { return Summary(sentences: []) }
        let standing = rank(profile, document)
        return Summary(sentences: select(profile, standing: standing))
    }
}

/// The weights of the summary; the defaults were set on French news (see `Summarizer`).
public struct SummaryWeights: Sendable, Equatable {
    /// The length of the abstract the summary aims at, in words (news standfirsts run to two sentences).
    public var abstractWords = 35.0
    /// Salience of a content word named in one sentence only; each further sentence naming it adds as much…
    public var wordPerSentence = 0.12
    /// … up to this.
    public var wordCeiling = 0.6
    /// Position of a word's first appearance: its salience halves every `firstUseHalfLife` sentences, down to
    /// `firstUseFloor` of its value.
    public var firstUseHalfLife = 4.0
    public var firstUseFloor = 0.3
    /// Factor for names (entities, capitalised words).
    public var name = 1.5
    /// Salience of the title's words, wherever they stand: the headline is the editor's own summary.
    public var title = 3.0
    /// Factor for stop words (articles, prepositions: every abstract has some, and the common ones most); their
    /// salience follows the number of sentences too, but not their first use.
    public var stopWord = 0.2
    /// A sentence's standing: 1 + `lead`·½^(rank / `leadHalfLife`) for its position among the body sentences…
    public var lead = 1.0
    public var leadHalfLife = 2.0
    /// … times 1 + `centrality`·(cosine with the rest of the article)…
    public var centrality = 2.0
    /// … times these factors: mostly quotation (at least `quotedShare` of its words inside quote marks), a question,
    /// an aside in brackets, a subject pronoun first.
    public var quotedShare = 0.9
    public var quoted = 0.5
    public var question = 0.5
    public var bracket = 0.3
    public var pronounStart = 0.8
    /// A sentence this similar (cosine over content words) to a chosen one is never chosen.
    public var duplicate = 0.8

    public init() {}
}

extension Summarizer {
    /// The standing of every candidate (indexed like `profile.candidates`): the factor on its words' salience.
    func rank(_ p: SentenceProfiles, _ d: Document) -> [Double] {
        let w = weights
        var standing = [Double](repeating: 1, count: p.candidates.count)
        for (rank, c) in p.candidates.enumerated() {
            var s = 1 + w.lead * pow(0.5, Double(rank) / max(w.leadHalfLife, 0.1))
            s *= 1 + w.centrality * p.cosine(rank, p.centroid, p.centroidNorm)
            if p.quoteShare[rank] >= w.quotedShare { s *= w.quoted }
            if d.sentences[Int(c)].isQuestion(d) { s *= w.question }
            if p.opensBracket[rank] { s *= w.bracket }
            if p.startsWithPronoun[rank] { s *= w.pronounStart }
            standing[rank] = s
        }
        return standing
    }

    /// The salience of every term id: how likely an abstract is to use the word. Title words are marked by a
    /// negative value (their salience, negated): the sentence's standing does not scale them.
    func salience(_ p: SentenceProfiles) -> [Double] {
        let w = weights
        var out = [Double](repeating: 0, count: p.sentenceFrequency.count)
        for t in p.titleTerms where p.sentenceFrequency[Int(t)] > 0 { out[Int(t)] = -w.title }
        for t in 0..<out.count where p.sentenceFrequency[t] > 0 && out[t] == 0 {
            let sf = Double(p.sentenceFrequency[t])
            if p.isStop[t] {
                out[t] = w.stopWord * min(w.wordCeiling, w.wordPerSentence * sf)
                continue
            }
            var q = min(w.wordCeiling, w.wordPerSentence * (sf > 1 ? sf : 0.8))
            q *= w.firstUseFloor + (1 - w.firstUseFloor) * pow(0.5, Double(p.firstRank[t]) / max(w.firstUseHalfLife, 0.1))
            if p.isName[t] { q *= w.name }
            out[t] = q
        }
        return out
    }

    /// Greedy choice by expected F-measure gain, returned in document order.
    func select(_ p: SentenceProfiles, standing: [Double]) -> [Int32] {
        let n = p.candidates.count
        let q = salience(p)
        var covered = [Double](repeating: 0, count: q.count)
        var chosen: [Int] = []
        var redundancy = [Double](repeating: 0, count: n)
        var taken = [Bool](repeating: false, count: n)
        var words = 0
        var gained = 0.0
        let target: Int
        switch length {
        case .sentences(let k): target = min(max(k, 0), n)
        case .ratio(let r): target = min(n, max(1, Int((r * Double(n)).rounded())))
        case .words: target = n
        }
        func value(_ t: Int32, _ i: Int) -> Double { q[Int(t)] < 0 ? -q[Int(t)] : q[Int(t)] * standing[i] }
        func gain(_ i: Int) -> Double {
            var g = 0.0
            for t in p.contentTerms[i] { g += max(0, value(t, i) - covered[Int(t)]) }
            for t in p.stopTerms[i] { g += max(0, value(t, i) - covered[Int(t)]) }
            return g
        }
        while chosen.count < target {
            var best = -1
            var bestValue = -Double.infinity
            for i in 0..<n where !taken[i] {
                // Near-duplicates are never chosen twice.
                if redundancy[i] > weights.duplicate { continue }
                let value = 2 * (gained + gain(i)) / (Double(words + p.wordCounts[i]) + weights.abstractWords)
                if value > bestValue { bestValue = value; best = i }
            }
            guard best >= 0 else { break }
            taken[best] = true
            if case .words(let limit) = length, !chosen.isEmpty, words + p.wordCounts[best] > limit { continue }
            gained += gain(best)
            words += p.wordCounts[best]
            chosen.append(best)
            for t in p.contentTerms[best] { covered[Int(t)] = max(covered[Int(t)], value(t, best)) }
            for t in p.stopTerms[best] { covered[Int(t)] = max(covered[Int(t)], value(t, best)) }
            for i in 0..<n where !taken[i] {
                redundancy[i] = max(redundancy[i], p.similarity(i, best))
            }
            if case .words(let limit) = length, words >= limit { break }
        }
        return chosen.sorted().map { p.candidates[$0] }
    }
}

extension Sentence {
    /// Whether the sentence ends with a question mark (before any closing quote or bracket).
    func isQuestion(_ d: Document) -> Bool {
        var i = Int(span.end) - 1
        while i >= Int(span.start) {
            let b = d.utf8[i]
            if b == 0x3F { return true }
            // spaces, quotes ("), closing brackets, the last byte of » or ” (multi-byte: skip continuation bytes)
            if b == 0x20 || b == 0x22 || b == 0x29 || b == 0x5D || b >= 0x80 { i -= 1; continue }
            return false
        }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
