/// The content words of a document's body sentences as tf-idf vectors, for ranking and redundancy control.
///
/// Content words are word and number tokens that are not stop words of the document's language, folded (case,
/// accents) and lightly stemmed (a final plural "s"/"x" dropped, cut to seven letters), so that "candidats" and
/// "candidature" or "Présidentielle" and "président" meet.
struct SentenceProfiles {
    /// Indices (into `Document.sentences`) of the sentences that may be chosen: not boilerplate, not headings.
    var candidates: [Int32] = []
    /// Per candidate: term id → tf-idf weight, sorted by term id.
    var vectors: [[(term: Int32, weight: Double)]] = []
    var norms: [Double] = []
    /// Per candidate: its word tokens.
    var wordCounts: [Int] = []
    /// Per candidate: whether it opens its paragraph.
    var startsParagraph: [Bool] = []
    /// The sum of all candidate vectors (term id → weight).
    var centroid: [Double] = []
    var centroidNorm = 0.0
    /// Term ids of the title (the first heading before the body), if any.
    var titleTerms: Set<Int32> = []
    /// Per candidate: the term ids of its capitalised words past the first (names, for the most part).
    var names: [[Int32]] = []
    /// Per candidate: whether it holds a number.
    var hasNumber: [Bool] = []
    /// Per candidate: whether its first word is a subject pronoun (it leans on the sentence before).
    var startsWithPronoun: [Bool] = []

    init(_ d: Document, stopwords: Set<String>, pronouns: Set<String> = []) {
        var ids: [String: Int32] = [:]
        var bags: [[Int32]] = []
        var titleFound = false
        var previousParagraph: Int32 = -1
        for (k, s) in d.sentences.enumerated() {
            if s.boilerplate { continue }
            if s.isHeading {
                // The title: the first heading before any body sentence.
                if !titleFound && candidates.isEmpty {
                    titleFound = true
                    titleTerms = Set(Self.terms(of: s, in: d, stopwords: stopwords, ids: &ids).bag.terms)
                }
                continue
            }
            let (bag, words) = Self.terms(of: s, in: d, stopwords: stopwords, ids: &ids)
            candidates.append(Int32(k))
            bags.append(bag.terms)
            names.append(bag.names)
            hasNumber.append(bag.hasNumber)
            startsWithPronoun.append(bag.first.map { pronouns.contains($0) } ?? false)
            wordCounts.append(words)
            startsParagraph.append(s.paragraph != previousParagraph)
            previousParagraph = s.paragraph
        }
        // Document frequencies over the candidates, then tf-idf vectors.
        let termCount = ids.count
        var df = [Int](repeating: 0, count: termCount)
        var sortedBags: [[Int32]] = []
        sortedBags.reserveCapacity(bags.count)
        for bag in bags {
            let sorted = bag.sorted()
            sortedBags.append(sorted)
            var last: Int32 = -1
            for t in sorted where t != last { df[Int(t)] += 1; last = t }
        }
        let n = Double(max(bags.count, 1))
        centroid = [Double](repeating: 0, count: termCount)
        for sorted in sortedBags {
            var vector: [(term: Int32, weight: Double)] = []
            var i = 0
            while i < sorted.count {
                var j = i
                while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
                let t = sorted[i]
                let idf = log(1 + n / Double(df[Int(t)]))
                let w = (1 + log(Double(j - i))) * idf
                vector.append((t, w))
                centroid[Int(t)] += w
                i = j
            }
            vectors.append(vector)
            norms.append(vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot())
        }
        centroidNorm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Cosine similarity of two candidates.
    func similarity(_ a: Int, _ b: Int) -> Double {
        let x = vectors[a], y = vectors[b]
        guard norms[a] > 0, norms[b] > 0 else { return 0 }
        var i = 0, j = 0
        var dot = 0.0
        while i < x.count && j < y.count {
            if x[i].term == y[j].term { dot += x[i].weight * y[j].weight; i += 1; j += 1 }
            else if x[i].term < y[j].term { i += 1 } else { j += 1 }
        }
        return dot / (norms[a] * norms[b])
    }

    /// Cosine similarity of a candidate with a dense vector; the candidate's own weight is taken out of it
    /// so that a sentence is not central merely for repeating itself.
    func cosine(_ a: Int, _ dense: [Double], _ denseNorm: Double) -> Double {
        guard norms[a] > 0, denseNorm > 0 else { return 0 }
        var dot = 0.0
        var selfSquare = 0.0
        for (t, w) in vectors[a] {
            dot += w * (dense[Int(t)] - w)
            selfSquare += w * w
        }
        let othersNorm = (max(denseNorm * denseNorm - 2 * dot - selfSquare, 0)).squareRoot()
        guard othersNorm > 0 else { return 0 }
        return dot / (norms[a] * othersNorm)
    }

    /// How many of `terms` (title words) the candidate holds.
    func titleHits(_ a: Int, _ terms: Set<Int32>) -> Int {
        var hits = 0
        for (t, _) in vectors[a] where terms.contains(t) { hits += 1 }
        return hits
    }

    /// Per candidate, how much it names the names that recur in the article (capitalised words past a
    /// sentence's first, counted once per sentence; a name seen in one sentence only counts for nothing), scaled
    /// so that the best is 1. This works whether or not the entity layer ran.
    func nameSalience() -> [Double] {
        var count: [Int32: Int] = [:]
        for n in names { for t in Set(n) { count[t, default: 0] += 1 } }
        var out = names.map { n in Double(Set(n).reduce(0) { $0 + (count[$1]! > 1 ? count[$1]! : 0) }) }
        let top = out.max() ?? 0
        if top > 0 { for i in out.indices { out[i] /= top } }
        return out
    }

    /// Per candidate, the share of the main entities' weight that it names, scaled so that the best is 1.
    ///
    /// An entity weighs its number of mentions in body sentences (persons and organisations count a little
    /// more than places); entities named once weigh little.
    func entitySalience(_ d: Document) -> [Double] {
        var out = [Double](repeating: 0, count: candidates.count)
        guard !d.entities.isEmpty, !candidates.isEmpty else { return out }
        var rankOf: [Int32: Int] = [:]
        for (r, c) in candidates.enumerated() { rankOf[c] = r }
        for e in d.entities {
            let ranks = Set(e.mentions.compactMap { rankOf[$0.sentence] })
            guard !ranks.isEmpty else { continue }
            let typeWeight: Double = e.type == .location ? 0.6 : (e.type == .miscellaneous ? 0.8 : 1)
            let weight = typeWeight * Double(ranks.count) * (ranks.count > 1 ? 1 : 0.5)
            for r in ranks { out[r] += weight }
        }
        let top = out.max() ?? 0
        if top > 0 { for i in out.indices { out[i] /= top } }
        return out
    }
}

extension SentenceProfiles {
    struct Bag {
        var terms: [Int32] = []
        var names: [Int32] = []
        var hasNumber = false
        /// The folded first word.
        var first: String?
    }

    /// The content-word term ids of a sentence (with repeats), its names, and its number of word tokens.
    static func terms(of s: Sentence, in d: Document, stopwords: Set<String>, ids: inout [String: Int32]) -> (bag: Bag, words: Int) {
        var bag = Bag()
        var words = 0
        for ti in Int(s.tokens.lowerBound)..<Int(s.tokens.upperBound) {
            let t = d.tokens[ti]
            guard t.kind == .word || t.kind == .number || t.kind == .hashtag else { continue }
            words += 1
            if t.kind == .number { bag.hasNumber = true; continue }
            let folded = Folding.fold(d.utf8, t.span)
            if words == 1 { bag.first = folded }
            if t.span.length < 2 || d.utf8[Int(t.span.start)] == 0x2D { continue }
            if stopwords.contains(folded) { continue }
            let stem = Self.stem(folded)
            if stem.unicodeScalars.count < 2 { continue }
            let id: Int32
            if let known = ids[stem] { id = known } else { id = Int32(ids.count); ids[stem] = id }
            bag.terms.append(id)
            if words > 1 && d.startsWithCapital(t.span) { bag.names.append(id) }
        }
        return (bag, words)
    }

    /// A light, language-neutral stem: a final "s" or "x" dropped from words of five letters or more, then the
    /// first seven letters.
    static func stem(_ folded: String) -> String {
        // On the UTF-8 bytes: no array of scalars and no new string unless the word is cut.
        var copy = folded
        let end = copy.withUTF8 { b -> Int in
            var count = 0
            for x in b where x & 0xC0 != 0x80 { count += 1 }
            var end = b.count
            if count >= 5, let last = b.last, last == 0x73 || last == 0x78 { end -= 1; count -= 1 }
            if count > 7 {
                var seen = 0, i = 0
                while i < end {
                    if b[i] & 0xC0 != 0x80 { if seen == 7 { break }; seen += 1 }
                    i += 1
                }
                end = i
            }
            return end
        }
        if end == folded.utf8.count { return folded }
        return String(folded.utf8.prefix(end))!
    }
}

extension Document {
    /// Whether the span's first character is an upper-case letter.
    func startsWithCapital(_ span: Span) -> Bool {
        let b = utf8[Int(span.start)]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        var it = utf8[Int(span.start)..<Int(span.end)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let c) = decoder.decode(&it) { return c.properties.isUppercase }
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
