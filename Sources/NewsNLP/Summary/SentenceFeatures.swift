/// The features of a candidate sentence that the learned summary model weighs (`Lexicons/{lang}/summary-model`).
///
/// The same values are written by `newsnlp summarize --explain` (JSON `summary.candidates[].features`), which is
/// what `Scripts/train-summary.py` trains on: the script never recomputes a feature, so training and inference
/// cannot disagree. Each feature is a number computed once per candidate from the document's layers; adding one
/// means adding a case here (its name is its raw value, in the model file and the JSON).
public enum SummaryFeature: String, Sendable, CaseIterable {
    /// ½^(rank / 2) for the candidate's rank among the body sentences (1 for the first).
    case lead
    /// The first, second and third body sentence.
    case first, second, third
    /// rank / (candidates − 1): 0 for the first body sentence, 1 for the last.
    case position
    /// The first body sentence of its paragraph.
    case paragraphFirst = "paragraph-first"
    /// ½^(paragraph rank) for the rank of its paragraph among the paragraphs holding body sentences.
    case paragraphLead = "paragraph-lead"
    /// The first body sentence after a heading (the title or a subheading): the section's lead.
    case afterHeading = "after-heading"
    /// ln(1 + words).
    case words
    /// Fewer than 8 words (a fragment, an exclamation, a bare question).
    case short
    /// More than 35 words.
    case long
    /// The share of the title's content words (stems) that the sentence holds (0 without a title).
    case titleOverlap = "title-overlap"
    /// The salience of the entities the sentence names (by name or reference): for each distinct entity, its share of
    /// all the document's entity mentions and references, summed (at most 1).
    case entitySalience = "entity-salience"
    /// The sentence names the entity with the most mentions and references (when it has at least two).
    case topEntity = "top-entity"
    /// ln(1 + distinct entities named).
    case entities
    /// Cosine (tf-idf over content words) with the rest of the article.
    case centrality
    /// The salience its words would cover if it were the whole summary (the hand model's first-pick value:
    /// expected F-measure against an abstract), divided by the best candidate's.
    case coverage
    /// The covered salience per word, divided by the best candidate's.
    case density
    /// The share of its words inside quote marks.
    case quoteShare = "quote-share"
    /// At least 90 % of its words quoted.
    case quoted
    /// It ends with a question mark.
    case question
    /// It holds a question mark elsewhere (a quoted question: « Pourquoi pas ? » s'interroge…).
    case innerQuestion = "inner-question"
    /// It opens on a bracket (an aside, a caption).
    case bracket
    /// Its first word is a subject pronoun (it leans on the sentence before).
    case pronounStart = "pronoun-start"
    /// The share of its words that are numbers.
    case numbers
}

/// The feature values of every candidate of a document: `values[i * count + f]` for candidate i (as in
/// `SentenceProfiles.candidates`) and feature f (`SummaryFeature.allCases` order).
struct SentenceFeatures {
    static let features = SummaryFeature.allCases
    static let count = features.count
    var values: [Double]

    subscript(candidate: Int, feature: SummaryFeature) -> Double {
        values[candidate * Self.count + Self.index[feature]!]
    }

    static let index: [SummaryFeature: Int] = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })

    /// - Parameters:
    ///   - coverage: per candidate, the salience it would cover alone (`Summarizer.soloGain`).
    ///   - centrality: per candidate, its cosine with the rest of the article.
    init(_ p: SentenceProfiles, _ d: Document, coverage: [Double], centrality: [Double]) {
        let n = p.candidates.count
        let fc = Self.count
        values = [Double](repeating: 0, count: n * fc)
        guard n > 0 else { return }
        // Entities: weight of each (mentions + references) over all, and the entities named per sentence.
        var total = 0
        var weightOf: [Int] = []
        var named: [Int32: [Int]] = [:]
        for (e, entity) in d.entities.enumerated() {
            let w = entity.mentions.count + entity.references.count
            weightOf.append(w)
            total += w
            for m in entity.mentions { named[m.sentence, default: []].append(e) }
            for r in entity.references { named[r.sentence, default: []].append(e) }
        }
        var top = -1
        if let best = weightOf.indices.max(by: { weightOf[$0] < weightOf[$1] }), weightOf[best] >= 2 { top = best }
        let bestCoverage = coverage.max() ?? 0
        var densities = [Double](repeating: 0, count: n)
        for i in 0..<n { densities[i] = p.wordCounts[i] > 0 ? coverage[i] * (Double(p.wordCounts[i]) + 35) / 2 / Double(p.wordCounts[i]) : 0 }
        let bestDensity = densities.max() ?? 0
        var paragraphRank = -1
        var lastParagraph: Int32 = -1
        var previous = -1
        for (rank, c) in p.candidates.enumerated() {
            let s = d.sentences[Int(c)]
            var row = [Double](repeating: 0, count: fc)
            func set(_ f: SummaryFeature, _ v: Double) { row[Self.index[f]!] = v }
            let newParagraph = s.paragraph != lastParagraph
            if newParagraph { paragraphRank += 1; lastParagraph = s.paragraph }
            set(.lead, pow(0.5, Double(rank) / 2))
            set(.first, rank == 0 ? 1 : 0)
            set(.second, rank == 1 ? 1 : 0)
            set(.third, rank == 2 ? 1 : 0)
            set(.position, n > 1 ? Double(rank) / Double(n - 1) : 0)
            set(.paragraphFirst, newParagraph ? 1 : 0)
            set(.paragraphLead, pow(0.5, Double(paragraphRank)))
            // The nearest sentence before it that is not boilerplate is a heading.
            var k = Int(c) - 1
            while k > previous && k >= 0 && d.sentences[k].boilerplate { k -= 1 }
            set(.afterHeading, k >= 0 && d.sentences[k].isHeading && !d.sentences[k].boilerplate ? 1 : 0)
            previous = Int(c)
            let words = p.wordCounts[rank]
            set(.words, log(1 + Double(words)))
            set(.short, words < 8 ? 1 : 0)
            set(.long, words > 35 ? 1 : 0)
            if !p.titleTerms.isEmpty {
                let shared = p.contentTerms[rank].reduce(0) { $0 + (p.titleTerms.contains($1) ? 1 : 0) }
                set(.titleOverlap, Double(shared) / Double(p.titleTerms.count))
            }
            if total > 0, var es = named[c] {
                es.sort()
                var distinct = 0, salience = 0.0, last = -1
                for e in es where e != last {
                    distinct += 1
                    salience += Double(weightOf[e]) / Double(total)
                    if e == top { set(.topEntity, 1) }
                    last = e
                }
                set(.entitySalience, min(1, salience))
                set(.entities, log(1 + Double(distinct)))
            }
            set(.centrality, centrality[rank])
            set(.coverage, bestCoverage > 0 ? coverage[rank] / bestCoverage : 0)
            set(.density, bestDensity > 0 ? densities[rank] / bestDensity : 0)
            set(.quoteShare, p.quoteShare[rank])
            set(.quoted, p.quoteShare[rank] >= 0.9 ? 1 : 0)
            let question = s.isQuestion(d)
            set(.question, question ? 1 : 0)
            if !question && d.utf8[Int(s.span.start)..<Int(s.span.end)].contains(0x3F) { set(.innerQuestion, 1) }
            set(.bracket, p.opensBracket[rank] ? 1 : 0)
            set(.pronounStart, p.startsWithPronoun[rank] ? 1 : 0)
            set(.numbers, words > 0 ? Double(p.numberCounts[rank]) / Double(words) : 0)
            values.replaceSubrange(rank * fc..<(rank + 1) * fc, with: row)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SentenceFeatures {
    /// Candidate i's feature values.
    func row(_ i: Int) -> [Double] { Array(values[i * Self.count..<(i + 1) * Self.count]) }
}

extension SummaryFeature {
    /// The feature's place in a candidate's `features` (`SummaryCandidate.features`).
    public var position: Int { SentenceFeatures.index[self]! }
}
