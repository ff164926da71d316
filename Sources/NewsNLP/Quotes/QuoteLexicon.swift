/// The word lists the quote finder reads, parsed once per language and shared.
///
/// Words are looked up by `WordKey`, a 64-bit hash of their lower-cased UTF-8 bytes, so that matching a token
/// allocates nothing.
struct QuoteLexicon: Sendable {
    /// Speech verb forms: single words, and the first word of multi-word verbs.
    var verbs = WordTable<VerbForm>()
    /// Multi-word verb forms ("fait savoir", "point out"), by their first word.
    var phrases = WordTable<[(words: [UInt64], form: VerbForm)]>()
    var classes = WordTable<WordClass>()
    /// Courtesy titles written before a name ("M.", "Mme", "Mr."), with their gender.
    var titles = WordTable<Character?>()

    struct VerbForm: Sendable {
        /// Commonly introduces indirect speech with que/that.
        var que: Bool
        /// Used with a reflexive pronoun only ("se plaindre").
        var pronominal: Bool
        /// Also used without a reflexive pronoun.
        var plain: Bool
        /// The present participle ("interpellant", "saying"): its subject is the main clause's.
        var participle = false
    }

    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt32
        static let determiner = WordClass(rawValue: 1 << 0)
        static let preposition = WordClass(rawValue: 1 << 1)
        static let auxiliary = WordClass(rawValue: 1 << 2)
        static let be = WordClass(rawValue: 1 << 3)
        static let reflexive = WordClass(rawValue: 1 << 4)
        static let negation = WordClass(rawValue: 1 << 5)
        static let pronounM = WordClass(rawValue: 1 << 6)
        static let pronounF = WordClass(rawValue: 1 << 7)
        static let pronounPlural = WordClass(rawValue: 1 << 8)
        static let pronounImpersonal = WordClass(rawValue: 1 << 9)
        static let cliticM = WordClass(rawValue: 1 << 10)
        static let cliticF = WordClass(rawValue: 1 << 11)
        static let cliticPlural = WordClass(rawValue: 1 << 12)
        static let cliticImpersonal = WordClass(rawValue: 1 << 13)
        static let complementizer = WordClass(rawValue: 1 << 14)
        static let attribution = WordClass(rawValue: 1 << 15)
        static let opinion = WordClass(rawValue: 1 << 16)
        static let conjunction = WordClass(rawValue: 1 << 17)
        static let stop = WordClass(rawValue: 1 << 18)
        static let titleCue = WordClass(rawValue: 1 << 19)
        /// An object pronoun before the verb ("lui a répondu", "leur a dit").
        static let object = WordClass(rawValue: 1 << 20)
        /// The label of an interview's question or answer paragraph ("Q :", "R :", "Question:", "A:").
        static let question = WordClass(rawValue: 1 << 21)
        static let answer = WordClass(rawValue: 1 << 22)
        /// A time adverb ("mardi", "hier", "Tuesday") that may come between an inverted verb and its subject.
        static let time = WordClass(rawValue: 1 << 23)
        /// A preposition that attaches a noun complement ("du", "of"): descriptions and role phrases run on through it.
        static let complement = WordClass(rawValue: 1 << 24)
        /// The word that links a verb to the infinitive after it ("essayait de justifier").
        static let infinitive = WordClass(rawValue: 1 << 25)
        /// A determiner that is also an object pronoun before a verb ("l'accuse", "leur a dit").
        static let objectArticle = WordClass(rawValue: 1 << 26)
        /// A definite article that reads as an object pronoun only after a subject pronoun ("il la critique").
        static let definite = WordClass(rawValue: 1 << 27)
        /// The word that completes an attribution word ("according to").
        static let attributionParticle = WordClass(rawValue: 1 << 28)

        static let pronoun: WordClass = [.pronounM, .pronounF, .pronounPlural, .pronounImpersonal]
        static let clitic: WordClass = [.cliticM, .cliticF, .cliticPlural, .cliticImpersonal]

        static let names: [String: WordClass] = [
            "determiner": .determiner, "preposition": .preposition, "auxiliary": .auxiliary, "be": .be,
            "reflexive": .reflexive, "negation": .negation, "pronoun-m": .pronounM, "pronoun-f": .pronounF,
            "pronoun-plural": .pronounPlural, "pronoun-impersonal": .pronounImpersonal, "clitic-m": .cliticM,
            "clitic-f": .cliticF, "clitic-plural": .cliticPlural, "clitic-impersonal": .cliticImpersonal,
            "complementizer": .complementizer, "attribution": .attribution, "opinion": .opinion,
            "conjunction": .conjunction, "stop": .stop, "title-cue": .titleCue, "object": .object,
            "interview-question": .question, "interview-answer": .answer, "time": .time,
            "complement": .complement, "infinitive": .infinitive, "object-article": .objectArticle,
            "definite": .definite, "attribution-particle": .attributionParticle,
        ]
    }

    static func load(_ language: Language, from lexicons: Lexicons) -> QuoteLexicon {
        lexicons.compiled("quotes:" + language.code) {
            var lex = QuoteLexicon()
            let code = language.code
            for file in lexicons.files(code + "/speech-verbs") {
                for row in file.rows() where row.fields.count >= 2 {
                    let lemma = row.fields[0].trimmingSpaces()
                    let flags = row.fields.count > 2 ? LexiconFile.list(row.fields[2]) : []
                    let pronominal = flags.contains("pronominal") || lemma.hasPrefix("se ") || lemma.hasPrefix("s'")
                    let que = flags.contains("que")
                    let forms = LexiconFile.list(row.fields[1])
                    // The present participle's place in the list (see the files' headers): second in French. English
                    // -ing forms are as often gerunds ("by saying", "after adding"), whose subject is not the
                    // sentence's: measured on PolNeAR dev, marking them lost 0.4 point of speaker accuracy.
                    let participle = code == "fr" ? 1 : -1
                    for (index, form) in forms.enumerated() {
                        let words = form.split(separator: " ").map { WordKey.of(String($0)) }
                        guard let first = words.first else { continue }
                        if words.count > 1 {
                            lex.phrases[first] = (lex.phrases[first] ?? []) + [(words, VerbForm(que: que, pronominal: pronominal, plain: !pronominal))]
                            continue
                        }
                        var v = lex.verbs[first] ?? VerbForm(que: false, pronominal: false, plain: false)
                        v.que = v.que || que
                        if index == participle && forms.count > 2 { v.participle = true }
                        if pronominal { v.pronominal = true } else { v.plain = true }
                        lex.verbs[first] = v
                    }
                }
            }
            forEachClassRow(code, lexicons) { word, c in
                let k = WordKey.of(word)
                lex.classes[k] = (lex.classes[k] ?? []).union(c)
            }
            for file in lexicons.files(code + "/roles") {
                for row in file.rows() where row.fields.count >= 3 {
                    let g = row.fields[1].trimmingSpaces()
                    let gender: Character? = g == "m" || g == "f" ? g.first : nil
                    let text = String(row.fields[0].trimmingSpaces())
                    if row.fields[2].trimmingSpaces() == "title" {
                        lex.titles[WordKey.of(text)] = gender
                    }
                }
            }
            return lex
        }
    }

    /// Each row of the language's quote-cues files: the word as written and its class (rows of an unknown class
    /// are skipped). The one reader of that format; the name patterns take their time words from it.
    static func forEachClassRow(_ code: String, _ lexicons: Lexicons, _ body: (String, WordClass) -> Void) {
        for file in lexicons.files(code + "/quote-cues") {
            for row in file.rows() where row.fields.count >= 2 {
                guard let c = WordClass.names[String(row.fields[1].trimmingSpaces())] else { continue }
                body(String(row.fields[0].trimmingSpaces()), c)
            }
        }
    }

    @inline(__always) func has(_ key: UInt64, _ c: WordClass) -> Bool {
        classes[key].map { !$0.isDisjoint(with: c) } ?? false
    }
}

/// First names with their gender, from `Lexicons/names/first-names.tsv`, keyed by `WordKey`.
struct FirstNames: Sendable {
    var gender = WordTable<Character?>()

    static func load(from lexicons: Lexicons) -> FirstNames {
        lexicons.compiled("quotes:first-names") {
            var names = FirstNames()
            for file in lexicons.files("names/first-names.tsv") {
                for row in file.rows() where row.fields.count >= 2 {
                    let g = row.fields[1].trimmingSpaces()
                    names.gender[WordKey.of(String(row.fields[0].trimmingSpaces()))] = g == "m" || g == "f" ? g.first : nil
                }
            }
            return names
        }
    }
}

/// Known people and organisations from `Lexicons/entities/`, by folded surface form: for canonical names,
/// gender and party affiliation when the entity layer has not linked a speaker.
struct SpeakerLexicon: Sendable {
    struct Entry: Sendable {
        var id: String
        var name: String
        var type: EntityType
        var gender: Character?
        /// Folded words of the affiliation ("parti", "democrate").
        var affiliation: [String]
        /// `WordKey`s of the first word of each role noun ("secrétaire", "président").
        var roleHeads: Set<UInt64>
    }
    /// Entries by the `WordKey` of each surface form (name and aliases).
    var byKey = WordTable<Int>()
    var byID: [String: Int] = [:]
    var entries: [Entry] = []

    /// Reads the entity files as bytes (`LexiconFile.forEachRow`): strings only for the ids, names and
    /// affiliations of people and organisations, keys hashed straight from the bytes.
    static func load(from lexicons: Lexicons) -> SpeakerLexicon {
        lexicons.compiled("quotes:speakers") {
            var lex = SpeakerLexicon()
            for file in lexicons.files(under: "entities/") {
                lex.byKey = lex.byKey.count == 0 ? WordTable(capacity: file.bytes.count / 20) : lex.byKey
                file.forEachRow { b, f in
                    guard f.count >= 3, f.count <= 7 else { return }
                    let typeField = f[1]
                    let type: EntityType
                    if typeField.count == 3 && b[typeField.lowerBound] == 0x50 { type = .person }
                    else if typeField.count == 3 && b[typeField.lowerBound] == 0x4F { type = .organisation }
                    else { return }
                    func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
                    func items(_ r: Range<Int>, _ body: (Range<Int>) -> Void) {
                        var s = r.lowerBound
                        for k in r.lowerBound...r.upperBound where k == r.upperBound || b[k] == 0x7C {
                            var x = s, y = k
                            while x < y && b[x] == 0x20 { x += 1 }
                            while y > x && b[y - 1] == 0x20 { y -= 1 }
                            if y > x { body(x..<y) }
                            s = k + 1
                        }
                    }
                    let id = string(f[0])
                    var gender: Character?
                    if f.count > 4, f[4].count == 1 { gender = b[f[4].lowerBound] == 0x66 ? "f" : (b[f[4].lowerBound] == 0x6D ? "m" : nil) }
                    var affiliation: [String] = []
                    if f.count > 6, !f[6].isEmpty {
                        affiliation = Folding.fold(string(f[6])).split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
                    }
                    var heads = Set<UInt64>()
                    if f.count > 5 {
                        items(f[5]) { r in
                            var e = r.lowerBound
                            while e < r.upperBound && b[e] != 0x20 { e += 1 }
                            heads.insert(WordKey.of(b, r.lowerBound, e))
                        }
                    }
                    let index = lex.entries.count
                    lex.entries.append(Entry(id: id, name: string(f[2]), type: type, gender: gender, affiliation: affiliation, roleHeads: heads))
                    lex.byID[id] = index
                    func addForm(_ r: Range<Int>) {
                        // forms of more than two characters
                        var chars = 0
                        for k in r where (b[k] & 0xC0) != 0x80 { chars += 1; if chars > 2 { break } }
                        guard chars > 2 else { return }
                        let k = WordKey.of(b, r.lowerBound, r.upperBound)
                        if lex.byKey[k] == nil { lex.byKey[k] = index }
                    }
                    addForm(f[2])
                    if f.count > 3 { items(f[3], addForm) }
                }
            }
            return lex
        }
    }
}

/// A hash of a word's lower-cased UTF-8 bytes (ASCII and Latin-1 capitals lowered, ’ read as '), used as a
/// dictionary key so that looking a token up allocates nothing.
enum WordKey {
    @inline(__always)
    static func of(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = start
        while i < end {
            var b = p[i]
            if b >= 0x41 && b <= 0x5A {
                b |= 0x20
            } else if b == 0xC3 && i + 1 < end {
                // Latin-1 capitals À..Þ (except ×) → à..þ.
                let c = p[i + 1]
                h = (h ^ UInt64(b)) &* 0x100000001b3
                h = (h ^ UInt64((c >= 0x80 && c <= 0x9E && c != 0x97) ? c + 0x20 : c)) &* 0x100000001b3
                i += 2
                continue
            } else if b == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && (p[i + 2] == 0x99 || p[i + 2] == 0x98) {
                b = 0x27
                h = (h ^ UInt64(b)) &* 0x100000001b3
                i += 3
                continue
            }
            h = (h ^ UInt64(b)) &* 0x100000001b3
            i += 1
        }
        return h
    }

    static func of(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { of($0, 0, $0.count) }
    }
}
