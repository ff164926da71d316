/// The content words of a document's body sentences as tf-idf vectors, for ranking and redundancy control, and
/// the facts about each word that the summary's word salience reads (in how many sentences, first where, a name?).
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
    /// Per candidate: its word tokens, and those that are numbers.
    var wordCounts: [Int] = []
    var numberCounts: [Int] = []
    /// The sum of all candidate vectors (term id → weight).
    var centroid: [Double] = []
    var centroidNorm = 0.0
    /// Term ids of the title (the first heading before the body), if any.
    var titleTerms: Set<Int32> = []
    /// Per candidate: whether its first word is a subject pronoun (it leans on the sentence before).
    var startsWithPronoun: [Bool] = []
    /// Per candidate: its distinct content term ids (stems) and its distinct stop words' ids.
    var contentTerms: [[Int32]] = []
    var stopTerms: [[Int32]] = []
    /// Per candidate: the share of its words that stand inside quote marks (0 … 1).
    var quoteShare: [Double] = []
    /// Per candidate: whether it opens on a bracket (an aside, a caption or an author's note).
    var opensBracket: [Bool] = []
    /// Per term id: the number of candidates that hold it (document frequency over sentences).
    var sentenceFrequency: [Int] = []
    /// Per term id: the rank of the first candidate that holds it.
    var firstRank: [Int] = []
    /// Per term id: whether it is a name (inside a recognised entity's mention, or capitalised past a sentence's
    /// first word in most of its uses).
    var isName: [Bool] = []
    /// Per term id: whether it is a stop word.
    var isStop: [Bool] = []
    /// Per candidate: its term ids (content stems and stop words) with their number of uses, sorted by term id.
    var termCounts: [[(term: Int32, count: Int32)]] = []
    /// Per term id: its uses in all candidates, its uses in the first three, whether it is written in digits,
    /// whether it stands inside a recognised entity's mention, and the characters of its stem (at most 7).
    var uses: [Int] = []
    var leadUses: [Int] = []
    var isNumber: [Bool] = []
    var inMention: [Bool] = []
    var stemLength: [Int] = []
    /// Per term id: its folded stem (stop words: the whole folded word), kept only when asked (`keepText`).
    var termTexts: [String] = []

    /// - Parameters:
    ///   - stopwords: `FoldHash` hashes of the language's folded stop words.
    ///   - pronouns: `FoldHash` hashes of its folded subject pronouns.
    ///   - keepText: keep each term's folded text (`termTexts`, for `summarize --explain`).
    init(_ d: Document, stopwords: WordSet, pronouns: WordSet = WordSet(), keepText: Bool = false) {
        var ids = WordTable<Int32>(capacity: 512)
        var texts: [String]? = keepText ? [] : nil
        var scratch = [UInt8](repeating: 0, count: 256)
        var bags: [[Int32]] = []
        // Per term id (ids are dense): uses, and uses written with a capital past the first word.
        var capitalised: [Int] = [], inEntity: [Int32] = []
        var numberTerms: [Int32] = []
        var lengthOf: [Int] = []
        func sortedUnique(_ a: [Int32]) -> [Int32] {
            var out = a.sorted()
            var w = 0
            for x in out where w == 0 || out[w - 1] != x { out[w] = x; w += 1 }
            out.removeLast(out.count - w)
            return out
        }
        // Entity mentions by sentence, for the names the entity layer found.
        var mentions: [Int32: [Span]] = [:]
        for e in d.entities { for m in e.mentions { mentions[m.sentence, default: []].append(m.span) } }
        var titleFound = false
        for (k, s) in d.sentences.enumerated() {
            if s.boilerplate { continue }
            if s.isHeading {
                // The title: the first heading before any body sentence.
                if !titleFound && candidates.isEmpty {
                    titleFound = true
                    titleTerms = Set(Self.terms(of: s, in: d, stopwords: stopwords, ids: &ids, mentions: [], scratch: &scratch, texts: &texts, lengths: &lengthOf).bag.terms)
                }
                continue
            }
            let (bag, words) = Self.terms(of: s, in: d, stopwords: stopwords, ids: &ids, mentions: (mentions[Int32(k)] ?? []).sorted(), scratch: &scratch, texts: &texts, lengths: &lengthOf)
            candidates.append(Int32(k))
            if uses.count < ids.count { uses += [Int](repeating: 0, count: ids.count - uses.count); capitalised += [Int](repeating: 0, count: ids.count - capitalised.count) }
            for t in bag.terms { uses[Int(t)] += 1 }
            for t in bag.names { capitalised[Int(t)] += 1 }
            inEntity.append(contentsOf: bag.entityTerms)
            numberTerms.append(contentsOf: bag.numberTerms)
            var all = bag.terms + bag.stops
            all.sort()
            var counted: [(term: Int32, count: Int32)] = []
            for t in all {
                if let last = counted.last, last.term == t { counted[counted.count - 1].count += 1 } else { counted.append((t, 1)) }
            }
            termCounts.append(counted)
            contentTerms.append(sortedUnique(bag.terms))
            stopTerms.append(sortedUnique(bag.stops))
            quoteShare.append(bag.words > 0 ? Double(bag.quotedWords) / Double(bag.words) : 0)
            opensBracket.append(bag.opensBracket)
            bags.append(bag.terms)
            startsWithPronoun.append(bag.first.map { pronouns.contains($0) } ?? false)
            wordCounts.append(words)
            numberCounts.append(bag.numbers)
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
        sentenceFrequency = df
        for terms in stopTerms { for t in terms { sentenceFrequency[Int(t)] += 1 } }
        isStop = [Bool](repeating: false, count: termCount)
        for terms in stopTerms { for t in terms { isStop[Int(t)] = true } }
        firstRank = [Int](repeating: Int.max, count: termCount)
        for (r, terms) in contentTerms.enumerated() { for t in terms where firstRank[Int(t)] == Int.max { firstRank[Int(t)] = r } }
        isName = [Bool](repeating: false, count: termCount)
        for t in 0..<min(capitalised.count, termCount) where capitalised[t] > 0 && 2 * capitalised[t] > uses[t] { isName[t] = true }
        for t in inEntity { isName[Int(t)] = true }
        self.uses = [Int](repeating: 0, count: termCount)
        leadUses = [Int](repeating: 0, count: termCount)
        for (r, counted) in termCounts.enumerated() {
            for (t, c) in counted {
                self.uses[Int(t)] += Int(c)
                if r < 3 { leadUses[Int(t)] += Int(c) }
                if firstRank[Int(t)] == Int.max { firstRank[Int(t)] = r }
            }
        }
        isNumber = [Bool](repeating: false, count: termCount)
        for t in numberTerms { isNumber[Int(t)] = true }
        inMention = [Bool](repeating: false, count: termCount)
        for t in inEntity { inMention[Int(t)] = true }
        stemLength = Array(lengthOf.prefix(termCount))
        if let texts { termTexts = texts }
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
}

extension SentenceProfiles {
    struct Bag {
        var terms: [Int32] = []
        var names: [Int32] = []
        /// The hash of the folded first word.
        var first: UInt64?
        /// Stop word ids (keyed apart from content stems).
        var stops: [Int32] = []
        /// Content term ids of words inside an entity mention.
        var entityTerms: [Int32] = []
        /// Content term ids of number tokens.
        var numberTerms: [Int32] = []
        /// Word tokens, and those inside quote marks.
        var words = 0
        var quotedWords = 0
        var numbers = 0
        var opensBracket = false
    }

    /// The content-word term ids of a sentence (with repeats), its names, and its number of word tokens.
    /// Words are folded into `scratch` and hashed; no string is built per token (but one per new term when `texts`
    /// is given). A new term's stem length is appended to `lengths` (stop words: their length, at most 7).
    static func terms(of s: Sentence, in d: Document, stopwords: WordSet, ids: inout WordTable<Int32>,
                      mentions: [Span], scratch: inout [UInt8], texts: inout [String]?, lengths: inout [Int]) -> (bag: Bag, words: Int) {
        var bag = Bag()
        var words = 0
        var inGuillemets = false, inQuotes = false
        var mentionCursor = 0
        for ti in Int(s.tokens.lowerBound)..<Int(s.tokens.upperBound) {
            let t = d.tokens[ti]
            if t.kind == .punctuation || t.kind == .symbol {
                switch Self.quoteMark(d.utf8, t.span) {
                case 1: inGuillemets = true
                case 2: inGuillemets = false
                case 3: inQuotes.toggle()
                default: if ti == Int(s.tokens.lowerBound) { bag.opensBracket = [0x28, 0x5B].contains(d.utf8[Int(t.span.start)]) }
                }
                continue
            }
            guard t.kind == .word || t.kind == .number || t.kind == .hashtag else { continue }
            words += 1
            if t.kind == .number { bag.numbers += 1 }
            if inGuillemets || inQuotes { bag.quotedWords += 1 }
            let (wordHash, stemHash, stemLength, stemBytes, wholeBytes) = Self.fold(d.utf8, t.span, &scratch)
            if words == 1 { bag.first = wordHash }
            if t.kind != .number && stopwords.contains(wordHash) {
                let key = wordHash ^ 0x5354_4F50  // stop words live apart from stems
                let id: Int32
                if let known = ids[key] { id = known } else {
                    id = Int32(ids.count); ids[key] = id
                    lengths.append(min(stemLength, 7))
                    texts?.append(String(decoding: scratch[0..<wholeBytes], as: UTF8.self))
                }
                bag.stops.append(id)
                continue
            }
            if t.span.length < 2 || d.utf8[Int(t.span.start)] == 0x2D { continue }
            if stemLength < 2 { continue }
            let id: Int32
            if let known = ids[stemHash] { id = known } else {
                id = Int32(ids.count); ids[stemHash] = id
                lengths.append(stemLength)
                texts?.append(String(decoding: scratch[0..<stemBytes], as: UTF8.self))
            }
            bag.terms.append(id)
            if t.kind == .number { bag.numberTerms.append(id) }
            if words > 1 && d.startsWithCapital(t.span) { bag.names.append(id) }
            while mentionCursor < mentions.count && mentions[mentionCursor].end < t.span.end { mentionCursor += 1 }
            if mentionCursor < mentions.count, mentions[mentionCursor].start <= t.span.start, t.span.end <= mentions[mentionCursor].end {
                bag.entityTerms.append(id)
            }
        }
        bag.words = words
        return (bag, words)
    }

    /// Folds a token into `scratch` and returns the `FoldHash` of the folded word, the hash of its light stem
    /// (a final "s"/"x" dropped from words of five letters or more, then the first seven letters) and the
    /// stem's length in characters, then the byte lengths of the stem and of the whole folded word in `scratch`.
    static func fold(_ utf8: [UInt8], _ span: Span, _ scratch: inout [UInt8]) -> (UInt64, UInt64, Int, Int, Int) {
        var count = 0
        let need = span.length * 4 + 8
        if scratch.count < need { scratch = [UInt8](repeating: 0, count: need) }
        let ok = utf8.withUnsafeBufferPointer { b in
            scratch.withUnsafeMutableBufferPointer { out in
                FoldTable.forEachFoldedByte(UnsafeBufferPointer(rebasing: b[Int(span.start)..<Int(span.end)])) { out[count] = $0; count += 1 }
            }
        }
        if !ok {
            let folded = Array(Folding.fold(utf8, span).utf8)
            if scratch.count < folded.count { scratch = [UInt8](repeating: 0, count: folded.count) }
            for (k, x) in folded.enumerated() { scratch[k] = x }
            count = folded.count
        }
        var whole = FoldHash.seed
        var scalars = 0
        for k in 0..<count {
            whole = (whole ^ UInt64(scratch[k])) &* FoldHash.prime
            if (scratch[k] & 0xC0) != 0x80 { scalars += 1 }
        }
        var end = count
        var keep = scalars
        if scalars >= 5, count > 0, scratch[count - 1] == 0x73 || scratch[count - 1] == 0x78 { end -= 1; keep -= 1 }
        if keep > 7 {
            // cut after the seventh character
            var seen = 0
            var k = 0
            while k < end {
                if (scratch[k] & 0xC0) != 0x80 { seen += 1; if seen == 8 { break } }
                k += 1
            }
            end = k
            keep = 7
        }
        var stem = FoldHash.seed
        for k in 0..<end { stem = (stem ^ UInt64(scratch[k])) &* FoldHash.prime }
        return (whole, stem, keep, end, count)
    }

    /// 1 for an opening quote mark (« “), 2 for a closing one (» ”), 3 for a straight double quote, else 0.
    static func quoteMark(_ utf8: [UInt8], _ span: Span) -> Int {
        let a = Int(span.start)
        switch span.length {
        case 1: return utf8[a] == 0x22 ? 3 : 0
        case 2 where utf8[a] == 0xC2: return utf8[a + 1] == 0xAB ? 1 : (utf8[a + 1] == 0xBB ? 2 : 0)
        case 3 where utf8[a] == 0xE2 && utf8[a + 1] == 0x80: return utf8[a + 2] == 0x9C ? 1 : (utf8[a + 2] == 0x9D ? 2 : 0)
        default: return 0
        }
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
