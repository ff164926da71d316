/// The language data the tone scorer reads, parsed once per language and shared by every thread.
///
/// Every key is folded (`Folding.fold`: lower case, no accents, apostrophe "'"), so that the scorer looks words up
/// by the folded form of a token.
struct ToneLexicon: Sendable {
    /// Word form → polarity in [-1, 1] (`Lexicons/{fr,en}/polarity`).
    var polarity: [String: Double] = [:]
    /// Negation words and phrases that negate on their own (`negations`, without the particles that need "ne").
    var negations = PhraseTable<Bool>()
    /// Intensifiers (factor > 1) and diminishers (factor < 1) of the next polar word (`intensifiers`).
    var intensifiers = PhraseTable<Double>()
    /// Contrast, concession, two-part negation and passive markers (`tone-markers`).
    var markers = PhraseTable<Marker>()
    /// Forms of speech and attitude verbs (`speech-verbs`): what follows them is their subject's voice.
    var speechVerbs: Set<String> = []
    /// Function words, which are not counted as words scored over (`stopwords`).
    var stopwords: Set<String> = []
    /// Stance cues (`stance-cues`): phrases that aim a judgement at someone, or make someone a speaker or a victim.
    var cues = PhraseTable<Cue>()
    /// Stance cues given as a word prefix ("critiqu*"), by their first three letters.
    var cuePrefixes: [String: [(prefix: String, cue: Cue)]] = [:]

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

    /// The stance cue starting at `keys[i]`, the longest phrase first, then a prefix entry.
    func cue(_ keys: [String], at i: Int) -> (length: Int, value: Cue)? {
        if let m = cues.match(keys, at: i) { return m }
        let key = keys[i]
        guard key.utf8.count >= 4, let list = cuePrefixes[String(key.prefix(3))] else { return nil }
        for entry in list where key.hasPrefix(entry.prefix) { return (1, entry.cue) }
        return nil
    }

    /// For every folded word that one of the tables above knows (alone or as the first word of a phrase), which
    /// tables know it (`WordFlags`): a word costs one lookup here instead of one per table.
    var wordFlags: [String: WordFlags] = [:]

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
        for file in lexicons.files(code + "/polarity") {
            for row in file.rows() where row.fields.count >= 2 {
                guard let score = Double(row.fields[1].trimmingSpaces()) else { continue }
                polarity[Folding.fold(String(row.fields[0].trimmingSpaces()))] = max(-1, min(1, score))
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
        let onlyWithNe = Set(markers.single.filter { $0.value.contains(.withNe) || $0.value.contains(.ne) }.keys)
        for file in lexicons.files(code + "/negations") {
            for row in file.rows() {
                let words = Self.words(row.fields[0])
                if words.count == 1 && onlyWithNe.contains(words[0]) { continue }
                negations.insert(words, true)
            }
        }
        for file in lexicons.files(code + "/intensifiers") {
            for row in file.rows() where row.fields.count >= 2 {
                guard let factor = Double(row.fields[1].trimmingSpaces()) else { continue }
                intensifiers.insert(Self.words(row.fields[0]), factor)
            }
        }
        for file in lexicons.files(code + "/speech-verbs") {
            for row in file.rows() where row.fields.count >= 2 {
                for form in LexiconFile.list(row.fields[1]) where !form.contains(" ") {
                    speechVerbs.insert(Folding.fold(form))
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
                    let prefix = Folding.fold(String(phrase.dropLast()))
                    guard prefix.utf8.count >= 3 else { continue }
                    cuePrefixes[String(prefix.prefix(3)), default: []].append((prefix, cue))
                    continue
                }
                for words in Self.alternatives(phrase) { cues.insert(words, cue) }
            }
        }
        stopwords = lexicons.stopwords(language)
        func flag<C: Sequence>(_ words: C, _ f: WordFlags) where C.Element == String {
            for w in words { wordFlags[w, default: []].insert(f) }
        }
        flag(markers.single.keys, .marker); flag(markers.multi.keys, .marker)
        flag(negations.single.keys, .negation); flag(negations.multi.keys, .negation)
        flag(intensifiers.single.keys, .intensifier); flag(intensifiers.multi.keys, .intensifier)
        flag(speechVerbs, .speechVerb)
        flag(stopwords, .stopword)
        flag(polarity.keys, .polar)
        flag(cues.single.keys, .cue); flag(cues.multi.keys, .cue)
        // Every word any table holds (first or later word of a phrase), and the openings of prefix cues, by hash:
        // the scorer builds a string only for these.
        var known: [String] = Array(wordFlags.keys)
        for list in markers.multi.values { for entry in list { known.append(contentsOf: entry.rest) } }
        for list in negations.multi.values { for entry in list { known.append(contentsOf: entry.rest) } }
        for list in intensifiers.multi.values { for entry in list { known.append(contentsOf: entry.rest) } }
        for list in cues.multi.values { for entry in list { known.append(contentsOf: entry.rest) } }
        knownWords = WordSet(known.map { FoldHash.hash(folded: $0) })
        prefixCueOpenings = WordSet(cuePrefixes.keys.map { FoldHash.hash(folded: $0) })
    }

    /// The key of a word for the tables: its folded form when some table may know it, else `ToneLexicon.unknown`
    /// (a word no table holds needs no string). `scratch` is reused between calls.
    func key(_ word: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) -> String {
        if scratch.count < word.count * 4 + 8 { scratch = [UInt8](repeating: 0, count: word.count * 4 + 8) }
        var n = 0
        let ok = scratch.withUnsafeMutableBufferPointer { out in
            FoldTable.forEachFoldedByte(word) { b in if n < out.count { out[n] = b; n += 1 } }
        }
        guard ok else { return Folding.fold(UnsafeRawBufferPointer(word)) }
        var h = FoldHash.seed
        var prefix = FoldHash.seed
        var characters = 0
        for k in 0..<n {
            if (scratch[k] & 0xC0) != 0x80 { characters += 1 }
            if characters <= 3 { prefix = (prefix ^ UInt64(scratch[k])) &* FoldHash.prime }
            h = (h ^ UInt64(scratch[k])) &* FoldHash.prime
        }
        if knownWords.contains(h) || (n >= 4 && prefixCueOpenings.contains(prefix)) {
            return String(decoding: scratch[0..<n], as: UTF8.self)
        }
        return Self.unknown
    }

    /// The key of a word that no table holds: equal to no entry, and not empty (empty keys mark non-words).
    static let unknown = "\u{0}"

    /// Hashes of every word some table holds, and of the three-letter openings of the prefix cues.
    var knownWords = WordSet()
    var prefixCueOpenings = WordSet()

    /// Whether a word may open a stance cue given as a prefix ("critiqu*"), which `wordFlags` cannot list.
    func mayOpenPrefixCue(_ key: String) -> Bool {
        key.utf8.count >= 4 && cuePrefixes[String(key.prefix(3))] != nil
    }

    /// Every phrase a row with alternatives stands for ("mis|mise en examen" → [mis, en, examen], [mise, en, examen]).
    private static func alternatives(_ field: Substring) -> [[String]] {
        var out: [[String]] = [[]]
        for word in field.split(separator: " ") {
            let options = word.split(separator: "|").map { Folding.fold(String($0)) }
            out = out.flatMap { prefix in options.map { prefix + [$0] } }
        }
        return out
    }

    /// The folded words of a lexicon entry ("pas du tout" → ["pas", "du", "tout"]).
    private static func words(_ field: Substring) -> [String] {
        field.split(separator: " ").map { Folding.fold(String($0)) }
    }
}

/// Words and phrases of one or more words with a value, looked up by folded token keys.
struct PhraseTable<Value: Sendable>: Sendable {
    /// One-word entries.
    var single: [String: Value] = [:]
    /// Entries of two words or more, by their first word, longest first.
    var multi: [String: [(rest: [String], value: Value)]] = [:]

    mutating func insert(_ words: [String], _ value: Value) {
        guard let first = words.first else { return }
        if words.count == 1 {
            single[first] = value
            return
        }
        var list = multi[first, default: []]
        list.removeAll { $0.rest == Array(words.dropFirst()) }
        list.append((Array(words.dropFirst()), value))
        list.sort { $0.rest.count > $1.rest.count }
        multi[first] = list
    }

    func value(_ words: [String]) -> Value? {
        guard let first = words.first else { return nil }
        if words.count == 1 { return single[first] }
        return multi[first]?.first { $0.rest == Array(words.dropFirst()) }?.value
    }

    /// The longest entry starting at `keys[i]`: its length in tokens and its value.
    /// - Complexity: O(1) for a word that starts no phrase.
    func match(_ keys: [String], at i: Int) -> (length: Int, value: Value)? {
        let key = keys[i]
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
}
