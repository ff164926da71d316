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
    /// Use the language's learned model (`Lexicons/{lang}/summary-model`) when it has one; the hand weights otherwise.
    public var learned = true
    /// Fill `Summary.candidates` (every candidate's score and features).
    public var explain = false

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
    ///
    /// With a learned model, each candidate gets a score from its `SummaryFeature`s (the hand model's coverage
    /// among them) and the summary takes the best-scoring candidates one at a time, each candidate's logit lowered
    /// by its similarity to the sentences already taken (and near-duplicates never taken).
    public func summarize(_ document: Document, lexicons: Lexicons = .builtIn) -> Summary {
        let words = lexicons.summaryWordHashes(document.language)
        let profile = SentenceProfiles(document, stopwords: words.stopwords, pronouns: words.pronouns, keepText: explain)
        guard !profile.candidates.isEmpty else { return Summary(sentences: [], candidates: explain ? [] : nil) }
        let centrality = (0..<profile.candidates.count).map { profile.cosine($0, profile.centroid, profile.centroidNorm) }
        let standing = rank(profile, document, centrality: centrality)
        let q = salience(profile)
        let model = learned ? lexicons.summaryModel(document.language) : nil
        guard let model else {
            let (chosen, scores) = select(profile, standing: standing, salience: q)
            var candidates: [SummaryCandidate]?
            if explain {
                let features = SentenceFeatures(profile, document, coverage: soloValues(profile, standing: standing, salience: q), centrality: centrality)
                candidates = profile.candidates.enumerated().map { i, c in
                    SummaryCandidate(sentence: c, score: standing[i], features: features.row(i), contributions: [])
                }
            }
            return Summary(sentences: chosen.map { profile.candidates[$0] }, scores: scores, candidates: candidates)
        }
        let w = model.weights(for: length)
        let features = SentenceFeatures(profile, document, coverage: soloValues(profile, standing: standing, salience: q), centrality: centrality)
        let logits = (0..<profile.candidates.count).map { w.logit(features.values, $0) }
        let probabilities = logits.map(sigmoid)
        let chosen: [(index: Int, value: Double)]
        var means: [Double] = []
        // Term features only when the choice or the explanation reads them.
        let termFeatures = model.words != nil && (w.choice == .words || explain) ? TermFeatures(profile) : nil
        if let wordModel = model.words, let termFeatures { means = wordModel.means(termFeatures) }
        switch w.choice {
        case .words:
            chosen = chooseWords(profile, means: means, probabilities: probabilities, w)
        case .coverage:
            let best = probabilities.max() ?? 1
            let learned = probabilities.map { best > 0 ? pow($0 / best, w.standing) : 1 }
            chosen = select(profile, standing: learned, salience: q, abstract: w.abstract).chosen.map { ($0, 0) }
        case .score:
            var gained = 0.0, words = 0
            chosen = greedy(profile, value: { i, redundancy in
                let n = Double(profile.wordCounts[i])
                return 2 * (gained + probabilities[i] * n * max(0, 1 - w.redundancy * redundancy)) / (Double(words) + n + w.abstract)
            }, take: { i in
                gained += probabilities[i] * Double(profile.wordCounts[i])
                words += profile.wordCounts[i]
            })
        }
        var candidates: [SummaryCandidate]?
        if explain {
            candidates = profile.candidates.enumerated().map { i, c in
                let row = features.row(i)
                var candidate = SummaryCandidate(sentence: c, score: sigmoid(logits[i]), features: row,
                                                 contributions: zip(w.weights, row).map { $0 * $1 })
                candidate.terms = profile.termCounts[i]
                return candidate
            }
        }
        var summary = Summary(sentences: chosen.map { profile.candidates[$0.index] }, scores: chosen.map { probabilities[$0.index] },
                              candidates: candidates)
        if explain {
            let tf = termFeatures ?? TermFeatures(profile)
            summary.terms = profile.termTexts.indices.map { t in
                SummaryTerm(text: profile.termTexts[t], features: tf.row(t), expected: t < means.count ? means[t] : 0)
            }
        }
        return summary
    }

    func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// `choice words`: sentences added one at a time, each the one that most raises the expected F-measure
    /// 2·(expected matches) / (summary words + abstract), its matches scaled by (probability / best)^standing.
    func chooseWords(_ p: SentenceProfiles, means: [Double], probabilities: [Double], _ w: SummaryModel.Weights) -> [(index: Int, value: Double)] {
        let expected = ExpectedMatches(means: means)
        let best = probabilities.max() ?? 1
        let standing = probabilities.map { w.standing == 0 || best <= 0 ? 1 : pow($0 / best, w.standing) }
        var had = [Int32](repeating: 0, count: means.count)
        var gained = 0.0, words = 0
        return greedy(p, value: { i, _ in
            var g = 0.0
            for (t, c) in p.termCounts[i] { g += expected.gain(t, had: had[Int(t)], count: c) }
            return 2 * (gained + g * standing[i]) / (Double(words + p.wordCounts[i]) + w.abstract)
        }, take: { i in
            var g = 0.0
            for (t, c) in p.termCounts[i] { g += expected.gain(t, had: had[Int(t)], count: c); had[Int(t)] += c }
            gained += g * standing[i]
            words += p.wordCounts[i]
        })
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
    func rank(_ p: SentenceProfiles, _ d: Document, centrality: [Double]) -> [Double] {
        let w = weights
        var standing = [Double](repeating: 1, count: p.candidates.count)
        for (rank, c) in p.candidates.enumerated() {
            var s = 1 + w.lead * pow(0.5, Double(rank) / max(w.leadHalfLife, 0.1))
            s *= 1 + w.centrality * centrality[rank]
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

    /// The salience candidate i's word t is worth (its standing scales it, except for title words).
    @inline(__always) func value(_ q: [Double], _ standing: [Double], _ t: Int32, _ i: Int) -> Double {
        q[Int(t)] < 0 ? -q[Int(t)] : q[Int(t)] * standing[i]
    }

    /// Per candidate: the expected F-measure of a summary made of it alone, 2·salience / (words + abstract words).
    func soloValues(_ p: SentenceProfiles, standing: [Double], salience q: [Double]) -> [Double] {
        (0..<p.candidates.count).map { i in
            var g = 0.0
            for t in p.contentTerms[i] { g += value(q, standing, t, i) }
            for t in p.stopTerms[i] { g += value(q, standing, t, i) }
            return 2 * g / (Double(p.wordCounts[i]) + weights.abstractWords)
        }
    }

    /// Greedy choice by expected F-measure gain (the hand weights), returned in document order with each
    /// sentence's value when it was chosen.
    func select(_ p: SentenceProfiles, standing: [Double], salience q: [Double], abstract: Double? = nil) -> (chosen: [Int], scores: [Double]) {
        let abstractWords = abstract ?? weights.abstractWords
        var covered = [Double](repeating: 0, count: q.count)
        var words = 0
        var gained = 0.0
        func gain(_ i: Int) -> Double {
            var g = 0.0
            for t in p.contentTerms[i] { g += max(0, value(q, standing, t, i) - covered[Int(t)]) }
            for t in p.stopTerms[i] { g += max(0, value(q, standing, t, i) - covered[Int(t)]) }
            return g
        }
        let chosen = greedy(p, value: { i, _ in 2 * (gained + gain(i)) / (Double(words + p.wordCounts[i]) + abstractWords) },
                            take: { best in
                                gained += gain(best)
                                words += p.wordCounts[best]
                                for t in p.contentTerms[best] { covered[Int(t)] = max(covered[Int(t)], value(q, standing, t, best)) }
                                for t in p.stopTerms[best] { covered[Int(t)] = max(covered[Int(t)], value(q, standing, t, best)) }
                            })
        return (chosen.map(\.index), chosen.map(\.value))
    }

    /// Takes candidates one at a time, each time the one of highest `value(i, redundancy)` (redundancy: its highest
    /// cosine with a sentence already taken), skipping near-duplicates, until the summary's length is reached;
    /// `take` is told of each one taken. Returns the taken candidates in document order with their values.
    func greedy(_ p: SentenceProfiles, value: (Int, Double) -> Double, take: (Int) -> Void) -> [(index: Int, value: Double)] {
        let n = p.candidates.count
        var chosen: [(index: Int, value: Double)] = []
        var redundancy = [Double](repeating: 0, count: n)
        var taken = [Bool](repeating: false, count: n)
        var words = 0
        let target: Int
        switch length {
        case .sentences(let k): target = min(max(k, 0), n)
        case .ratio(let r): target = min(n, max(1, Int((r * Double(n)).rounded())))
        case .words: target = n
        }
        while chosen.count < target {
            var best = -1
            var bestValue = -Double.infinity
            for i in 0..<n where !taken[i] {
                // Near-duplicates are never chosen twice.
                if redundancy[i] > weights.duplicate { continue }
                let v = value(i, redundancy[i])
                if v > bestValue { bestValue = v; best = i }
            }
            guard best >= 0 else { break }
            taken[best] = true
            if case .words(let limit) = length, !chosen.isEmpty, words + p.wordCounts[best] > limit { continue }
            take(best)
            words += p.wordCounts[best]
            chosen.append((best, bestValue))
            for i in 0..<n where !taken[i] {
                redundancy[i] = max(redundancy[i], p.similarity(i, best))
            }
            if case .words(let limit) = length, words >= limit { break }
        }
        return chosen.sorted { $0.index < $1.index }
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
