/// The features of a term of the article (a content word's stem, or a stop word) that the learned word model weighs
/// (`model	words` of `Lexicons/{lang}/summary-model`): the model estimates how many times the editors' abstract uses
/// the term, and the summary covers the terms an abstract is most likely to use in as few words as it can.
///
/// As with `SummaryFeature`, `newsnlp summarize --explain --format json` writes the values (JSON `summary.terms`),
/// and `Scripts/train-summary.py` trains on them without recomputing any. Content-word features are 0 for stop words
/// and stop-word features 0 for content words, so that one linear model holds two.
public enum TermFeature: String, Sendable, CaseIterable {
    /// A stop word (article, preposition, auxiliary…).
    case stop
    /// Stop word: ln(1 + uses in the article's body sentences).
    case stopUses = "stop-uses"
    /// Stop word: the share of the body sentences that use it.
    case stopShare = "stop-share"
    /// Stop word: ln(1 + body sentences).
    case stopArticle = "stop-article"
    /// Content word: ln(1 + body sentences that use it).
    case sentences
    /// Content word: the share of the body sentences that use it.
    case share
    /// Content word: used in one sentence only.
    case single
    /// Content word: ln(1 + uses).
    case uses
    /// Content word: first used in the first body sentence.
    case first
    /// Content word: ½^(rank / 2) for the rank of the first body sentence that uses it.
    case early
    /// Content word: ln(1 + uses in the first three body sentences).
    case leadUses = "lead-uses"
    /// Content word: a word of the title (0 without a title).
    case title
    /// Content word: a name (inside an entity's mention, or capitalised past a sentence's first word in most uses).
    case name
    /// Content word: inside a recognised entity's mention.
    case entity
    /// Content word: written in digits.
    case number
    /// Content word: its stem's length in characters, over 7.
    case length
    /// Content word: ln(1 + body sentences).
    case article
}

/// The feature values of every term of a document that some candidate uses: `values[t * count + f]` for term id t
/// (`SentenceProfiles` ids; a term no candidate uses keeps zeros) and feature f (`TermFeature.allCases` order).
struct TermFeatures {
    static let features = TermFeature.allCases
    static let count = features.count
    static let index: [TermFeature: Int] = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
    var values: [Double]

    init(_ p: SentenceProfiles) {
        let fc = Self.count
        let terms = p.uses.count
        values = [Double](repeating: 0, count: terms * fc)
        let n = Double(p.candidates.count)
        let article = log(1 + n)
        for t in 0..<terms where p.uses[t] > 0 {
            let base = t * fc
            func set(_ f: TermFeature, _ v: Double) { values[base + Self.index[f]!] = v }
            let sf = Double(p.sentenceFrequency[t])
            if p.isStop[t] {
                set(.stop, 1)
                set(.stopUses, log(1 + Double(p.uses[t])))
                set(.stopShare, sf / n)
                set(.stopArticle, article)
                continue
            }
            let rank = p.firstRank[t]
            set(.sentences, log(1 + sf))
            set(.share, sf / n)
            set(.single, p.sentenceFrequency[t] == 1 ? 1 : 0)
            set(.uses, log(1 + Double(p.uses[t])))
            set(.first, rank == 0 ? 1 : 0)
            set(.early, pow(0.5, Double(rank) / 2))
            set(.leadUses, log(1 + Double(p.leadUses[t])))
            set(.title, p.titleTerms.contains(Int32(t)) ? 1 : 0)
            set(.name, p.isName[t] ? 1 : 0)
            set(.entity, p.inMention[t] ? 1 : 0)
            set(.number, p.isNumber[t] ? 1 : 0)
            set(.length, Double(p.stemLength[t]) / 7)
            set(.article, article)
        }
    }

    /// Term t's feature values.
    func row(_ t: Int) -> [Double] { Array(values[t * Self.count..<(t + 1) * Self.count]) }
}

/// The expected matches of a summary with the abstract, term by term: the abstract's uses of a term are taken as
/// Poisson with the word model's mean λ, so a summary using the term c times matches E[min(c, X)] = Σ_{j≤c} P(X ≥ j)
/// of them (ROUGE-1 clips each word's matches at the abstract's count).
struct ExpectedMatches {
    /// Per term: P(X ≥ j) for j = 1 … `depth`, flattened.
    var tail: [Double]
    static let depth = 6

    init(means: [Double]) {
        let d = Self.depth
        tail = [Double](repeating: 0, count: means.count * d)
        for (t, lambda) in means.enumerated() where lambda > 0 {
            var p = exp(-lambda)  // P(X = j), from j = 0
            var atLeast = 1.0
            for j in 1...d {
                atLeast -= p
                tail[t * d + j - 1] = max(0, atLeast)
                p *= lambda / Double(j)
            }
        }
    }

    /// The matches gained by adding `count` uses of term t to a summary that uses it `had` times.
    @inline(__always) func gain(_ t: Int32, had: Int32, count: Int32) -> Double {
        var g = 0.0
        var j = Int(had)
        let end = min(Int(had + count), Self.depth)
        while j < end { g += tail[Int(t) * Self.depth + j]; j += 1 }
        return g
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
