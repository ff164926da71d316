/// A learned target-stance model for one language (`Lexicons/{lang}/stance-model`): multinomial logistic
/// regression weights over the features of one sentence around a target, negative / neutral / positive.
///
/// The features are those of `Scripts/train-stance.py`, which made the weights (documented there and in
/// `Lexicons/FORMAT.md`); `StanceModelTests` checks that both extract the same features from the same sentences.
struct StanceModel: Sendable {
    /// Feature → weights (negative, neutral, positive).
    var weights: [String: SIMD4<Double>] = [:]
    var bias = SIMD4<Double>(0, 0, 0, 0)
    /// Polarity of folded words by their `FoldHash` (the tone lexicon's), negation words, one-word stance cues.
    var polarity = WordTable<Double>()
    var negations: Set<String> = []
    /// Negations written as a suffix ("n't"): a word ending with one negates.
    var negationSuffixes: [String] = []
    var cues: [String: String] = [:]
    var cuePrefixes: [(prefix: String, kind: String)] = []

    /// Words before and after the target that are window features; words a negation reaches; the factor of a
    /// negated polar word (the values of the training script).
    static let window = 4
    static let negationReach = 3
    static let negated = -0.5
    /// Letters of a word's stem feature.
    static let stem = 5
    static let cueKinds: Set<String> = ["attack", "support", "accused"]

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
                if name == "bias" { m.bias = w } else { m.weights[name] = w }
            }
        }
        m.polarity = ToneLexicon.load(language, from: lexicons).polarity
        for file in lexicons.files(language.code + "/negations") {
            for row in file.rows() {
                let w = Folding.fold(String(row.fields[0].trimmingSpaces()))
                if w.contains(" ") { continue }
                if w.hasPrefix("n'") { m.negationSuffixes.append(w) }
                m.negations.insert(w)
            }
        }
        for file in lexicons.files(language.code + "/stance-cues") {
            for row in file.rows() where row.fields.count >= 3 {
                let kind = String(row.fields[1].trimmingSpaces())
                let phrase = row.fields[0].trimmingSpaces()
                guard cueKinds.contains(kind), !phrase.contains(" ") else { continue }
                if phrase.hasSuffix("*") {
                    m.cuePrefixes.append((Folding.fold(String(phrase.dropLast())), kind))
                } else {
                    for w in phrase.split(separator: "|") where m.cues[Folding.fold(String(w))] == nil {
                        m.cues[Folding.fold(String(w))] = kind
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
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        var out: [Word] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard alnum(bytes[i]) else { i += 1; continue }
            let start = i
            var text: [UInt8] = []
            while true {
                while i < n && alnum(bytes[i]) {
                    let b = bytes[i]
                    text.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                }
                // An apostrophe followed by a letter or digit continues the word.
                if i + 1 < n && bytes[i] == 0x27 && alnum(bytes[i + 1]) { text.append(0x27); i += 1; continue }
                if i + 3 < n && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 && alnum(bytes[i + 3]) {
                    text.append(0x27); i += 3; continue
                }
                break
            }
            out.append(Word(start: start, end: i, text: String(decoding: text, as: UTF8.self)))
        }
        return out
    }

    func cue(_ w: String) -> String? {
        if let k = cues[w] { return k }
        guard w.utf8.count >= 4 else { return nil }
        return cuePrefixes.first { w.hasPrefix($0.prefix) }?.kind
    }

    func isNegation(_ w: String) -> Bool {
        negations.contains(w) || negationSuffixes.contains { w.hasSuffix($0) && w.count > $0.count }
    }

    /// The features of the target at byte offsets `target` of `sentence` (relative to it).
    func features(_ sentence: UnsafeRawBufferPointer, target: Range<Int>) -> [String: Double] {
        let ws = Self.words(sentence)
        var f: [String: Double] = [:]
        guard let first = ws.firstIndex(where: { $0.start < target.upperBound && $0.end > target.lowerBound }) else { return f }
        let last = ws.lastIndex(where: { $0.start < target.upperBound && $0.end > target.lowerBound })!
        let window = Self.window
        var negatedUntil = -1
        var pos = 0.0, neg = 0.0, wpos = 0.0, wneg = 0.0
        for (k, word) in ws.enumerated() where k < first || k > last {
            let w = word.text
            let before = first - window <= k && k < first
            let after = last < k && k <= last + window
            f["b:" + w] = 1
            if w.utf8.count > Self.stem { f["s:" + String(decoding: w.utf8.prefix(Self.stem), as: UTF8.self)] = 1 }
            if before { f["l:" + w] = 1 } else if after { f["r:" + w] = 1 }
            if k <= negatedUntil { f["n:" + w] = 1 }
            let negation = isNegation(w)
            if negation { negatedUntil = k + Self.negationReach }
            if var p = polarity[FoldHash.hash(folded: w)] {
                f["ps:" + (k < first ? "L" : "R") + (p > 0 ? "+" : "-"), default: 0] += abs(p)
                if k <= negatedUntil && !negation { p *= Self.negated }
                if p > 0 { pos += p; if before || after { wpos += p } } else { neg -= p; if before || after { wneg -= p } }
            }
            if let kind = cue(w) {
                if before { f["c:" + kind + ":o"] = 1 } else if after { f["c:" + kind + ":s"] = 1 }
            }
        }
        for (name, v) in [("p+", pos), ("p-", neg), ("wp+", wpos), ("wp-", wneg)] where v != 0 { f[name] = v }
        if first <= 1 { f["t:first"] = 1 }
        if first > 0 && ws[first - 1].text == "by" { f["t:by"] = 1 }
        return f
    }

    /// The probabilities (negative, neutral, positive) of the target.
    func probabilities(_ sentence: UnsafeRawBufferPointer, target: Range<Int>) -> SIMD4<Double> {
        var z = bias
        for (name, v) in features(sentence, target: target) { if let w = weights[name] { z += w * v } }
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
