/// The language data the tone scorer reads, parsed once per language and shared by every thread.
///
/// Every key is the `FoldHash` of a folded word (`Folding.fold`: lower case, no accents, apostrophe "'"), so that
/// the scorer looks a token up by the fold hash segmentation keeps on the `Document` (`TokenFeatures.foldHash`),
/// with no string per token.
struct ToneLexicon: Sendable {
    /// Word form → polarity in [-1, 1] (`Lexicons/{fr,en}/polarity`).
    var polarity = WordTable<Double>()
    /// Negation words and phrases that negate on their own (`negations`, without the particles that need "ne").
    var negations = PhraseTable<Bool>()
    /// Intensifiers (factor > 1) and diminishers (factor < 1) of the next polar word (`intensifiers`).
    var intensifiers = PhraseTable<Double>()
    /// Contrast, concession, two-part negation and passive markers (`tone-markers`).
    var markers = PhraseTable<Marker>()
    /// Stance cues (`stance-cues`): phrases that aim a judgement at someone, or make someone a speaker or a victim.
    var cues = PhraseTable<Cue>()
    /// Stance cues given as a word prefix ("critiqu*"): the folded prefix's bytes, by the `FoldHash` of its first
    /// three letters (scalars), in file order.
    var cuePrefixes = WordTable<[(prefix: [UInt8], cue: Cue)]>()

    /// A stance cue: what it does and its score.
    struct Cue: Sendable {
        enum Kind: String, Sendable {
            case attack, support, accused, victim, voice
        }
        var kind: Kind
        var score: Double
        /// The judged argument is the subject (the entity named before the phrase), not the object.
        var subject = false
        /// The object is the target even after a passive auxiliary or before "par"/"by" (a noun phrase).
        var fixed = false
    }

    /// The stance cue given as a prefix ("critiqu*") that a word (a token's bytes) starts with, if any.
    /// Folds the word's first letters for the hash of its three-letter opening, and the whole word only when that
    /// opening is a prefix cue's. `scratch` is reused between calls.
    /// - Complexity: O(1) for a word whose opening no prefix cue has.
    func prefixCue(_ word: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) -> Cue? {
        guard cuePrefixes.count > 0 else { return nil }
        if scratch.count < word.count * 4 + 8 { scratch = [UInt8](repeating: 0, count: word.count * 4 + 8) }
        return scratch.withUnsafeMutableBufferPointer { out -> Cue? in
            var n = 0, i = 0, scalars = 0, opening = 0
            var complete = true
            // Fold scalar by scalar until the fourth folded scalar (or the end): the first three are the opening.
            while i < word.count {
                if scalars > 3 { complete = false; break }
                let b = word[i]
                if b < 0x80 {
                    // ASCII, folded here (as `FoldTable` does).
                    out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    scalars += 1
                    if scalars == 4 { opening = n }
                    n += 1
                    i += 1
                    continue
                }
                let (_, l) = word.scalar(at: i)
                let start = n
                let ok = FoldTable.forEachFoldedByte(UnsafeBufferPointer(rebasing: word[i..<(i + l)])) { b in
                    if n < out.count { out[n] = b; n += 1 }
                }
                guard ok else { return prefixCue(folded: Folding.fold(UnsafeRawBufferPointer(word))) }
                for k in start..<n where (out[k] & 0xC0) != 0x80 {
                    scalars += 1
                    if scalars == 4 { opening = k }
                }
                i += l
            }
            if scalars < 4 { opening = n }
            // A folded word of four bytes or more (four scalars are).
            guard n >= 4 else { return nil }
            var h = FoldHash.seed
            for k in 0..<opening { h = (h ^ UInt64(out[k])) &* FoldHash.prime }
            guard cuePrefixes[h] != nil else { return nil }
            if !complete {
                let ok = FoldTable.forEachFoldedByte(UnsafeBufferPointer(rebasing: word[i...])) { b in
                    if n < out.count { out[n] = b; n += 1 }
                }
                guard ok else { return prefixCue(folded: Folding.fold(UnsafeRawBufferPointer(word))) }
            }
            return prefixCue(folded: UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }

    /// The prefix cue that an already folded word starts with.
    private func prefixCue(folded key: String) -> Cue? {
        var key = key
        return key.withUTF8 { prefixCue(folded: $0) }
    }

    private func prefixCue(folded key: UnsafeBufferPointer<UInt8>) -> Cue? {
        guard key.count >= 4, let list = cuePrefixes[Self.openingHash(key)] else { return nil }
        for entry in list where key.starts(with: entry.prefix) { return entry.cue }
        return nil
    }

    /// The `FoldHash` of the first three scalars of folded bytes.
    private static func openingHash<C: Collection>(_ folded: C) -> UInt64 where C.Element == UInt8 {
        var h = FoldHash.seed
        var scalars = 0
        for b in folded {
            if (b & 0xC0) != 0x80 { scalars += 1; if scalars > 3 { break } }
            h = (h ^ UInt64(b)) &* FoldHash.prime
        }
        return h
    }

    /// For every folded word that one of the tables above knows (alone or as the first word of a phrase), which
    /// tables know it (`WordFlags`): a word costs one lookup here instead of one per table.
    var wordFlags = WordTable<WordFlags>()

    struct WordFlags: OptionSet, Sendable {
        let rawValue: UInt8
        static let marker = WordFlags(rawValue: 1)
        static let negation = WordFlags(rawValue: 2)
        static let intensifier = WordFlags(rawValue: 4)
        static let speechVerb = WordFlags(rawValue: 8)
        static let stopword = WordFlags(rawValue: 16)
        static let polar = WordFlags(rawValue: 32)
        static let cue = WordFlags(rawValue: 64)
    }

    /// What a marker of `tone-markers` does; a word may be several things.
    struct Marker: OptionSet, Sendable {
        let rawValue: UInt16
        static let but = Marker(rawValue: 1)
        static let although = Marker(rawValue: 2)
        static let ne = Marker(rawValue: 4)
        static let particle = Marker(rawValue: 8)
        static let withNe = Marker(rawValue: 16)
        static let restrictive = Marker(rawValue: 32)
        static let passive = Marker(rawValue: 64)
        static let reflexive = Marker(rawValue: 128)
        static let clause = Marker(rawValue: 256)
        static let forWhom = Marker(rawValue: 512)
        static let and = Marker(rawValue: 1024)
        /// Introduces the agent of a judgement ("critiqué par X"): its target comes before it.
        static let agent = Marker(rawValue: 2048)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        init?(kind: Substring) {
            switch kind {
            case "but": self = .but
            case "although": self = .although
            case "ne": self = .ne
            case "particle": self = .particle
            case "with-ne": self = .withNe
            case "restrictive": self = .restrictive
            case "passive": self = .passive
            case "reflexive": self = .reflexive
            case "clause": self = .clause
            case "for": self = .forWhom
            case "and": self = .and
            case "agent": self = .agent
            default: return nil
            }
        }
    }

    static func load(_ language: Language, from lexicons: Lexicons) -> ToneLexicon {
        lexicons.compiled("tone:" + language.code) { ToneLexicon(language, lexicons) }
    }

    init() {}

    private init(_ language: Language, _ lexicons: Lexicons) {
        let code = language.code
        var polarWords: [UInt64] = []
        for file in lexicons.files(code + "/polarity") {
            for row in file.rows() where row.fields.count >= 2 {
                guard let score = Double(row.fields[1].trimmingSpaces()) else { continue }
                let h = FoldHash.hash(folded: Folding.fold(String(row.fields[0].trimmingSpaces())))
                polarity[h] = max(-1, min(1, score))
                polarWords.append(h)
            }
        }
        for file in lexicons.files(code + "/tone-markers") {
            for row in file.rows() where row.fields.count >= 2 {
                guard let kind = Marker(kind: row.fields[1].trimmingSpaces()) else { continue }
                let words = Self.words(row.fields[0])
                markers.insert(words, markers.value(words).map { $0.union(kind) } ?? kind)
            }
        }
        // Particles that negate only after "ne" ("plus", "personne") are left to the two-part rule.
        let onlyWithNe = Set(markers.single.filled.filter { $0.1.contains(.withNe) || $0.1.contains(.ne) }.map(\.0))
        for file in lexicons.files(code + "/negations") {
            for row in file.rows() {
                let words = Self.words(row.fields[0])
                if words.count == 1 && onlyWithNe.contains(WordTable<Marker>.stored(words[0])) { continue }
                negations.insert(words, true)
            }
        }
        for file in lexicons.files(code + "/intensifiers") {
            for row in file.rows() where row.fields.count >= 2 {
                guard let factor = Double(row.fields[1].trimmingSpaces()) else { continue }
                intensifiers.insert(Self.words(row.fields[0]), factor)
            }
        }
        var speechVerbs: [UInt64] = []
        for file in lexicons.files(code + "/speech-verbs") {
            for row in file.rows() where row.fields.count >= 2 {
                for form in LexiconFile.list(row.fields[1]) where !form.contains(" ") {
                    speechVerbs.append(FoldHash.hash(folded: Folding.fold(form)))
                }
            }
        }
        for file in lexicons.files(code + "/stance-cues") {
            for row in file.rows() where row.fields.count >= 3 {
                guard let kind = Cue.Kind(rawValue: String(row.fields[1].trimmingSpaces())),
                      let score = Double(row.fields[2].trimmingSpaces()) else { continue }
                // The target column (FORMAT.md): "subject" or "object"; empty = by kind (accused: subject).
                let target = row.fields.count >= 4 ? row.fields[3].trimmingSpaces() : ""
                let cue = Cue(kind: kind, score: max(-1, min(1, score)), subject: target.isEmpty ? kind == .accused : target == "subject",
                              fixed: target == "always-object")
                let phrase = row.fields[0].trimmingSpaces()
                if !phrase.contains(" "), phrase.hasSuffix("*") {
                    let prefix = Array(Folding.fold(String(phrase.dropLast())).utf8)
                    guard prefix.count >= 3 else { continue }
                    let opening = Self.openingHash(prefix)
                    cuePrefixes[opening] = (cuePrefixes[opening] ?? []) + [(prefix, cue)]
                    continue
                }
                for words in Self.alternatives(phrase) { cues.insert(words, cue) }
            }
        }
        // One lookup per word tells which tables know it (the first word of a phrase for the phrase tables).
        func flag<C: Sequence>(_ words: C, _ f: WordFlags) where C.Element == UInt64 {
            for w in words { wordFlags[w] = (wordFlags[w] ?? []).union(f) }
        }
        flag(markers.firstWords, .marker)
        flag(negations.firstWords, .negation)
        flag(intensifiers.firstWords, .intensifier)
        flag(speechVerbs, .speechVerb)
        flag(lexicons.stopwords(language).map { FoldHash.hash(folded: $0) }, .stopword)
        flag(polarWords, .polar)
        flag(cues.firstWords, .cue)
    }

    /// Every phrase a row with alternatives stands for ("mis|mise en examen" → [mis, en, examen], [mise, en, examen]),
    /// as the hashes of its folded words.
    private static func alternatives(_ field: Substring) -> [[UInt64]] {
        var out: [[UInt64]] = [[]]
        for word in field.split(separator: " ") {
            let options = word.split(separator: "|").map { FoldHash.hash(folded: Folding.fold(String($0))) }
            out = out.flatMap { prefix in options.map { prefix + [$0] } }
        }
        return out
    }

    /// The hashes of the folded words of a lexicon entry ("pas du tout" → [pas, du, tout]).
    private static func words(_ field: Substring) -> [UInt64] {
        field.split(separator: " ").map { FoldHash.hash(folded: Folding.fold(String($0))) }
    }
}

/// Words and phrases of one or more words with a value, looked up by the fold hashes of tokens (`FoldHash`; 0
/// marks a token that is no word and matches nothing).
struct PhraseTable<Value: Sendable>: Sendable {
    /// One-word entries.
    var single = WordTable<Value>()
    /// Entries of two words or more, by their first word, longest first.
    var multi = WordTable<[(rest: [UInt64], value: Value)]>()

    mutating func insert(_ words: [UInt64], _ value: Value) {
        guard let first = words.first else { return }
        if words.count == 1 {
            single[first] = value
            return
        }
        var list = multi[first] ?? []
        list.removeAll { $0.rest == Array(words.dropFirst()) }
        list.append((Array(words.dropFirst()), value))
        list.sort { $0.rest.count > $1.rest.count }
        multi[first] = list
    }

    func value(_ words: [UInt64]) -> Value? {
        guard let first = words.first else { return nil }
        if words.count == 1 { return single[first] }
        return multi[first]?.first { $0.rest == Array(words.dropFirst()) }?.value
    }

    /// The words that start an entry (alone or as the first word of a phrase), as stored in the tables.
    var firstWords: [UInt64] { single.filled.map(\.0) + multi.filled.map(\.0) }

    /// The longest entry starting at `keys[i]`: its length in tokens and its value.
    /// - Complexity: O(1) for a word that starts no phrase.
    func match(_ keys: [UInt64], at i: Int) -> (length: Int, value: Value)? {
        let key = keys[i]
        guard key != 0 else { return nil }
        if let list = multi[key] {
            for entry in list where i + entry.rest.count < keys.count {
                var ok = true
                for (k, w) in entry.rest.enumerated() where keys[i + 1 + k] != w { ok = false; break }
                if ok { return (entry.rest.count + 1, entry.value) }
            }
        }
        if let v = single[key] { return (1, v) }
        return nil
    }

    /// The value of a one-word entry for a token's key (nil for 0, a token that is no word).
    @inline(__always) func word(_ key: UInt64) -> Value? {
        key == 0 ? nil : single[key]
    }
}
