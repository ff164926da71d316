/// Picks the sentences of an extractive summary.
///
/// Each body sentence (never boilerplate, never a heading) gets a score that combines its position (news puts
/// the essentials first), its centrality (similarity to the whole article over content words), the salience of
/// the document's main entities that it names, and its overlap with the title (the first heading). Sentences are
/// then chosen greedily, best first, each one penalised by its similarity to those already chosen (maximal
/// marginal relevance), and returned in their original order.
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
    /// - Complexity: O(n·k) for n sentences and k chosen, after one linear pass over the tokens.
    public func summarize(_ document: Document, lexicons: Lexicons = .builtIn) -> Summary {
        let profile = SentenceProfiles(document, stopwords: lexicons.stopwords(document.language),
                                       pronouns: lexicons.subjectPronouns(document.language))
        guard !profile.candidates.isEmpty else { return Summary(sentences: []) }
        let scores = rank(profile, document)
        return Summary(sentences: select(profile, scores: scores))
    }
}

/// The weights of the sentence score; the defaults were set on French news.
public struct SummaryWeights: Sendable, Equatable {
    /// Position in the article: the lead sentence scores this, later ones less.
    public var position = 1.0
    /// How quickly the position score falls: it halves every `positionHalfLife` body sentences.
    public var positionHalfLife = 3.0
    /// Bonus for the first sentence of a paragraph.
    public var paragraphStart = 0.1
    /// Cosine similarity to the rest of the article (its centroid without the sentence).
    public var centrality = 0.25
    /// Salience of the names (and entities, when recognised) that recur in the article.
    public var names = 0.3
    /// Bonus for a sentence holding a number (dates, figures, results).
    public var number = 0.2
    /// Share of the title's content words found in the sentence and not yet in the summary (the headline is
    /// the editor's own summary: the summary should cover it).
    public var title = 2.5
    /// Maximal marginal relevance: how much similarity to chosen sentences costs.
    public var redundancy = 0.6
    /// A sentence this similar to a chosen one is never chosen.
    public var duplicate = 0.8
    /// Sentences with more words than this are scaled down by (preferredWords / words)^lengthExponent
    /// (news abstracts are short: tight sentences serve them better).
    public var preferredWords = 30.0
    public var lengthExponent = 1.5
    /// Sentences with fewer words than this are scaled down in proportion (fragments, captions).
    public var minimumWords = 10.0
    /// Factor for a sentence opening on a subject pronoun ("Il a ajouté…"): it leans on the one before.
    public var pronounStart = 0.6
    /// Factor for a question.
    public var question = 0.6

    public init() {}
}

extension Summarizer {
    /// The score of every candidate (indexed like `profile.candidates`).
    func rank(_ p: SentenceProfiles, _ d: Document) -> [Double] {
        let w = weights
        let n = p.candidates.count
        var scores = [Double](repeating: 0, count: n)
        var salience = p.nameSalience()
        if !d.entities.isEmpty {
            let entities = p.entitySalience(d)
            for i in 0..<n { salience[i] = (salience[i] + entities[i]) / 2 }
        }
        for (rank, c) in p.candidates.enumerated() {
            var s = w.position * pow(0.5, Double(rank) / max(w.positionHalfLife, 0.1))
            if p.startsParagraph[rank] { s += w.paragraphStart }
            s += w.centrality * p.cosine(rank, p.centroid, p.centroidNorm)
            s += w.names * salience[rank]
            if p.hasNumber[rank] { s += w.number }
            let words = Double(p.wordCounts[rank])
            if words > w.preferredWords { s *= pow(w.preferredWords / words, w.lengthExponent) }
            if words < w.minimumWords { s *= words / w.minimumWords }
            if p.startsWithPronoun[rank] { s *= w.pronounStart }
            if d.sentences[Int(c)].isQuestion(d) { s *= w.question }
            scores[rank] = s
        }
        return scores
    }

    /// Greedy choice by maximal marginal relevance, returned in document order.
    func select(_ p: SentenceProfiles, scores: [Double]) -> [Int32] {
        let n = p.candidates.count
        var chosen: [Int] = []
        var redundancy = [Double](repeating: 0, count: n)
        var taken = [Bool](repeating: false, count: n)
        var words = 0
        var uncovered = p.titleTerms
        let titleSize = Double(max(p.titleTerms.count, 1))
        let target: Int
        switch length {
        case .sentences(let k): target = min(max(k, 0), n)
        case .ratio(let r): target = min(n, max(1, Int((r * Double(n)).rounded())))
        case .words: target = n
        }
        while chosen.count < target {
            var best = -1
            var bestScore = -Double.infinity
            for i in 0..<n where !taken[i] {
                // Near-duplicates are never chosen twice.
                if redundancy[i] > weights.duplicate { continue }
                var s = scores[i] - weights.redundancy * redundancy[i]
                if !uncovered.isEmpty { s += weights.title * Double(p.titleHits(i, uncovered)) / titleSize }
                if s > bestScore { bestScore = s; best = i }
            }
            guard best >= 0 else { break }
            if case .words(let limit) = length {
                let w = p.wordCounts[best]
                if !chosen.isEmpty && words + w > limit {
                    taken[best] = true
                    continue
                }
                words += w
                if words >= limit { chosen.append(best); break }
            }
            taken[best] = true
            chosen.append(best)
            for (t, _) in p.vectors[best] { uncovered.remove(t) }
            for i in 0..<n where !taken[i] {
                redundancy[i] = max(redundancy[i], p.similarity(i, best))
            }
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
