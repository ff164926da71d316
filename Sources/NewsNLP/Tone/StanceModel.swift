/// A learned target-stance model for one language (`Lexicons/{lang}/stance-model`): multinomial logistic
/// regression weights over the features of one sentence around a target, negative / neutral / positive.
///
/// The features are those of `Scripts/train-stance.py`, which made the weights (documented there and in
/// `Lexicons/FORMAT.md`); `StanceModelTests` checks that both extract the same features from the same sentences.
struct StanceModel: Sendable {
    /// Feature → weights (negative, neutral, positive), by the `FoldHash` of the feature's name ("b:court").
    var weights = WordTable<SIMD4<Double>>()
    var bias = SIMD4<Double>(0, 0, 0, 0)
    /// Polarity of folded words by their `FoldHash` (the tone lexicon's), negation words, one-word stance cues.
    var polarity = WordTable<Double>()
    var negations = WordSet()
    /// Negations written as a suffix ("n't"): a word ending with one negates.
    var negationSuffixes: [[UInt8]] = []
    /// One-word stance cues: the index of their kind in `cueKinds`, by the `FoldHash` of the word.
    var cues = WordTable<UInt8>()
    var cuePrefixes: [(prefix: [UInt8], kind: UInt8)] = []

    /// Words before and after the target that are window features; words a negation reaches; the factor of a
    /// negated polar word (the values of the training script).
    static let window = 4
    static let negationReach = 3
    static let negated = -0.5
    /// Letters of a word's stem feature.
    static let stem = 5
    /// The kinds of stance cues that are features, as written in their names.
    static let cueKinds = ["attack", "support", "accused"]

    /// The model of a language, or nil when it has none.
    static func load(_ language: Language, from lexicons: Lexicons) -> StanceModel? {
        // Cached in a box: an optional as the cached type would read as a hit before anything is stored.
        lexicons.cached("stance-model:" + language.code) { () -> Loaded in
            Loaded(model: parse(language, lexicons))
        }.model
    }

    private struct Loaded: Sendable {
        var model: StanceModel?
    }

    private static func parse(_ language: Language, _ lexicons: Lexicons) -> StanceModel? {
        let files = lexicons.files(language.code + "/stance-model")
        guard !files.isEmpty else { return nil }
        var m = StanceModel()
        for file in files {
            for row in file.rows() where row.fields.count >= 4 {
                let v = (1...3).compactMap { Double(row.fields[$0].trimmingSpaces()) }
                guard v.count == 3 else { continue }
                let w = SIMD4<Double>(v[0], v[1], v[2], 0)
                let name = String(row.fields[0].trimmingSpaces())
                if name == "bias" { m.bias = w } else { m.weights[FoldHash.hash(folded: name)] = w }
            }
        }
        m.polarity = ToneLexicon.load(language, from: lexicons).polarity
        for file in lexicons.files(language.code + "/negations") {
            for row in file.rows() {
                let w = Folding.fold(String(row.fields[0].trimmingSpaces()))
                if w.contains(" ") { continue }
                if w.hasPrefix("n'") { m.negationSuffixes.append(Array(w.utf8)) }
                m.negations.insert(FoldHash.hash(folded: w))
            }
        }
        for file in lexicons.files(language.code + "/stance-cues") {
            for row in file.rows() where row.fields.count >= 3 {
                let phrase = row.fields[0].trimmingSpaces()
                guard let kind = cueKinds.firstIndex(of: String(row.fields[1].trimmingSpaces())), !phrase.contains(" ") else { continue }
                if phrase.hasSuffix("*") {
                    m.cuePrefixes.append((Array(Folding.fold(String(phrase.dropLast())).utf8), UInt8(kind)))
                } else {
                    for w in phrase.split(separator: "|") where m.cues[FoldHash.hash(folded: Folding.fold(String(w)))] == nil {
                        m.cues[FoldHash.hash(folded: Folding.fold(String(w)))] = UInt8(kind)
                    }
                }
            }
        }
        return m
    }

    /// A word of the model: runs of ASCII letters and digits, joined by an apostrophe (' or ’) between two of them.
    struct Word {
        var start: Int
        var end: Int
        var text: String
    }

    /// The words of `bytes`, with offsets relative to it.
    static func words(_ bytes: UnsafeRawBufferPointer) -> [Word] {
        var letters: [UInt8] = []
        return scan(bytes, &letters).map { Word(start: $0.start, end: $0.end, text: String(decoding: letters[$0.text], as: UTF8.self)) }
    }

    /// A word of `scan`: its offsets in the sentence, its lower-case letters in the scan's buffer, and the
    /// `FoldHash` of those.
    struct ScannedWord {
        var start: Int
        var end: Int
        var text: Range<Int>
        var hash: UInt64
    }

    /// The words of `bytes` (see `Word`), their lower-case letters appended to `letters`.
    static func scan(_ bytes: UnsafeRawBufferPointer, _ letters: inout [UInt8]) -> [ScannedWord] {
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        var out: [ScannedWord] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard alnum(bytes[i]) else { i += 1; continue }
            let start = i
            let from = letters.count
            while true {
                while i < n && alnum(bytes[i]) {
                    let b = bytes[i]
                    letters.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                }
                // An apostrophe followed by a letter or digit continues the word.
                if i + 1 < n && bytes[i] == 0x27 && alnum(bytes[i + 1]) { letters.append(0x27); i += 1; continue }
                if i + 3 < n && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 && alnum(bytes[i + 3]) {
                    letters.append(0x27); i += 3; continue
                }
                break
            }
            var h = FoldHash.seed
            for k in from..<letters.count { h = (h ^ UInt64(letters[k])) &* FoldHash.prime }
            out.append(ScannedWord(start: start, end: i, text: from..<letters.count, hash: h))
        }
        return out
    }

    /// The kind of stance cue a word is (an index in `cueKinds`), if any.
    func cue(_ w: ScannedWord, _ letters: [UInt8]) -> UInt8? {
        if let k = cues[w.hash] { return k }
        guard w.text.count >= 4 else { return nil }
        return cuePrefixes.first { letters[w.text].starts(with: $0.prefix) }?.kind
    }

    func isNegation(_ w: ScannedWord, _ letters: [UInt8]) -> Bool {
        negations.contains(w.hash) || negationSuffixes.contains { w.text.count > $0.count && letters[w.text].reversed().starts(with: $0.reversed()) }
    }

    /// The features of the target at byte offsets `target` of `sentence` (relative to it), by name.
    func features(_ sentence: UnsafeRawBufferPointer, target: Range<Int>) -> [String: Double] {
        var sink = NamedFeatures()
        extract(sentence, target: target, into: &sink)
        return sink.values
    }

    /// Extracts the features of the target into `sink`, each named by a prefix and, for a word feature, the
    /// word's letters ("b:" + "court"). The features are those of `Scripts/train-stance.py`.
    func extract<Sink: StanceFeatureSink>(_ sentence: UnsafeRawBufferPointer, target: Range<Int>, into f: inout Sink) {
        var letters: [UInt8] = []
        letters.reserveCapacity(sentence.count)
        let ws = Self.scan(sentence, &letters)
        guard let first = ws.firstIndex(where: { $0.start < target.upperBound && $0.end > target.lowerBound }) else { return }
        let last = ws.lastIndex(where: { $0.start < target.upperBound && $0.end > target.lowerBound })!
        let window = Self.window
        var negatedUntil = -1
        var pos = 0.0, neg = 0.0, wpos = 0.0, wneg = 0.0
        letters.withUnsafeBufferPointer { l in
            for (k, word) in ws.enumerated() where k < first || k > last {
                let w = UnsafeBufferPointer(rebasing: l[word.text])
                let before = first - window <= k && k < first
                let after = last < k && k <= last + window
                f.set("b:", w)
                if w.count > Self.stem { f.set("s:", UnsafeBufferPointer(rebasing: w[0..<Self.stem])) }
                if before { f.set("l:", w) } else if after { f.set("r:", w) }
                if k <= negatedUntil { f.set("n:", w) }
                let negation = isNegation(word, letters)
                if negation { negatedUntil = k + Self.negationReach }
                if var p = polarity[word.hash] {
                    f.add(k < first ? (p > 0 ? "ps:L+" : "ps:L-") : (p > 0 ? "ps:R+" : "ps:R-"), abs(p))
                    if k <= negatedUntil && !negation { p *= Self.negated }
                    if p > 0 { pos += p; if before || after { wpos += p } } else { neg -= p; if before || after { wneg -= p } }
                }
                if let kind = cue(word, letters) {
                    let name = Self.cueNames[Int(kind)]
                    if before { f.set(name.object) } else if after { f.set(name.subject) }
                }
            }
        }
        for (name, v) in [("p+", pos), ("p-", neg), ("wp+", wpos), ("wp-", wneg)] where v != 0 { f.add(name, v) }
        if first <= 1 { f.set("t:first") }
        if first > 0 && letters[ws[first - 1].text].elementsEqual("by".utf8) { f.set("t:by") }
    }

    /// The names of the cue features of each kind of `cueKinds`: before the target (it is the object), after it.
    private static let cueNames = cueKinds.map { (object: "c:" + $0 + ":o", subject: "c:" + $0 + ":s") }

    /// The probabilities (negative, neutral, positive) of the target.
    func probabilities(_ sentence: UnsafeRawBufferPointer, target: Range<Int>) -> SIMD4<Double> {
        var sink = WeightedFeatures(weights: weights)
        extract(sentence, target: target, into: &sink)
        let z = bias + sink.sum()
        let top = max(z[0], z[1], z[2])
        var e = SIMD4<Double>(Self.exp(z[0] - top), Self.exp(z[1] - top), Self.exp(z[2] - top), 0)
        e /= (e[0] + e[1] + e[2])
        return e
    }

    /// The stance score of the target, in [-1, 1]: P(positive) − P(negative); its label (|score| < 0.1 is neutral)
    /// is the most probable class (a score on the wrong side of 0.1 is moved to the edge of the neutral band).
    func score(_ sentence: UnsafeRawBufferPointer, target: Range<Int>) -> Double {
        let p = probabilities(sentence, target: target)
        let s = p[2] - p[0]
        if p[1] >= p[0] && p[1] >= p[2] { return s * 0.099 }
        return p[2] > p[0] ? max(s, 0.1) : min(s, -0.1)
    }

    private static func exp(_ x: Double) -> Double {
        // e^x = (e^(x/2^16))^(2^16), the small power by its Taylor series (relative error below 1e-12 for
        // the |x| < 50 of these scores); the standard library has no exp.
        let u = x / 65536
        var y = 1 + u + u * u / 2 + u * u * u / 6
        for _ in 0..<16 { y *= y }
        return y
    }
}

/// What `StanceModel.extract` writes features to: a feature set to 1 (named by a prefix and a word's letters, or
/// by a whole name), or a value added to a feature.
protocol StanceFeatureSink {
    mutating func set(_ prefix: String, _ word: UnsafeBufferPointer<UInt8>)
    mutating func set(_ name: String)
    mutating func add(_ name: String, _ value: Double)
}

/// The features by name, as `Scripts/train-stance.py` writes them.
struct NamedFeatures: StanceFeatureSink {
    var values: [String: Double] = [:]

    mutating func set(_ prefix: String, _ word: UnsafeBufferPointer<UInt8>) { values[prefix + String(decoding: word, as: UTF8.self)] = 1 }
    mutating func set(_ name: String) { values[name] = 1 }
    mutating func add(_ name: String, _ value: Double) { values[name, default: 0] += value }
}

/// The features that have weights, by the `FoldHash` of their names, with no string per feature: each feature
/// counts once however often it is set, and the weighted sum is taken in the order of the hashes.
struct WeightedFeatures: StanceFeatureSink {
    let weights: WordTable<SIMD4<Double>>
    /// Features set to 1, and features with a value, that have weights.
    var ones: [UInt64] = []
    var valued: [(hash: UInt64, value: Double)] = []

    init(weights: WordTable<SIMD4<Double>>) { self.weights = weights }

    private static func hash(_ s: String) -> UInt64 { FoldHash.hash(folded: s) }

    mutating func set(_ prefix: String, _ word: UnsafeBufferPointer<UInt8>) {
        var h = Self.hash(prefix)
        for b in word { h = (h ^ UInt64(b)) &* FoldHash.prime }
        if weights.contains(h) { ones.append(h) }
    }

    mutating func set(_ name: String) {
        let h = Self.hash(name)
        if weights.contains(h) { ones.append(h) }
    }

    mutating func add(_ name: String, _ value: Double) {
        let h = Self.hash(name)
        guard weights.contains(h) else { return }
        if let i = valued.firstIndex(where: { $0.hash == h }) { valued[i].value += value } else { valued.append((h, value)) }
    }

    /// The weighted sum of the features.
    mutating func sum() -> SIMD4<Double> {
        ones.sort()
        var z = SIMD4<Double>(0, 0, 0, 0)
        var previous: UInt64? = nil
        for h in ones where h != previous {
            z += weights[h]!
            previous = h
        }
        valued.sort { $0.hash < $1.hash }
        for (h, v) in valued { z += weights[h]! * v }
        return z
    }
}
