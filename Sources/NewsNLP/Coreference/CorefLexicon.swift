/// The words the coreference layer reads, parsed once per language and shared: role nouns with their kind and
/// gender (`Lexicons/{fr,en}/roles`), and determiners, pronouns and pre-modifiers (`Lexicons/{fr,en}/coreference`).
///
/// Words are keyed by `WordKey` (lower-cased UTF-8 hash), as the quote finder keys its tokens.
struct CorefLexicon: Sendable {
    /// What a role-lexicon row names.
    enum RoleKind: UInt8, Sendable {
        /// A courtesy title written before a name ("M.", "Mrs.").
        case title
        /// A role in public or professional life ("ministre de l'Intérieur", "senator").
        case role
        /// A generic or anonymous person ("homme", "manifestant", "source").
        case person
        /// A human body that speaks as one ("gouvernement", "prosecutors").
        case group
        /// A partisan epithet used as a noun for a person ("l'écologiste", "the Democrat").
        case affiliation
        /// A noun for an organisation of a kind ("le quotidien", "l'agence"): only the organisation that its lexicon
        /// row or the text describes with that noun, never merely the salient one.
        case organisation

        init(_ name: Substring) {
            switch name {
            case "title": self = .title
            case "person": self = .person
            case "group": self = .group
            case "affiliation": self = .affiliation
            case "organisation": self = .organisation
            default: self = .role
            }
        }
    }

    struct RolePhrase: Sendable {
        var words: [UInt64]
        var gender: Character?
        var kind: RoleKind
    }

    enum WordClass: UInt8, Sendable {
        case definite, demonstrative, indefinite, possessive, subject, plural, strong, premodifier, latter, impersonal, collective
    }

    struct Word: Sendable {
        var cls: WordClass
        var gender: Character?
    }

    /// Role phrases by the key of their first word, longest first.
    var roles = WordTable<[RolePhrase]>()
    /// Titles by key, with their gender.
    var titles = WordTable<Character?>()
    /// Determiners, pronouns and pre-modifiers.
    var words = WordTable<[Word]>()

    static func load(_ language: Language, from lexicons: Lexicons) -> CorefLexicon {
        lexicons.compiled("coreference:" + language.code) {
            var lex = CorefLexicon()
            // Both languages' titles: French articles name English speakers ("Mr. Biden") and the reverse.
            let order = language == .french ? ["fr", "en"] : ["en", "fr"]
            for code in order {
                for file in lexicons.files(code + "/roles") {
                    for row in file.rows() where row.fields.count >= 3 {
                        let g = row.fields[1].trimmingSpaces()
                        let gender: Character? = g == "m" || g == "f" ? g.first : nil
                        let kind = RoleKind(row.fields[2].trimmingSpaces())
                        let words = Self.keys(of: row.fields[0].trimmingSpaces())
                        guard let first = words.first else { continue }
                        if kind == .title {
                            if words.count == 1, code == language.code || lex.titles[first] == nil { lex.titles[first] = gender }
                            continue
                        }
                        // Role nouns of the document's language only: "aide" is help in French.
                        guard code == language.code else { continue }
                        var list = lex.roles[first] ?? []
                        // The document's language wins over the other's row for the same words.
                        if list.contains(where: { $0.words == words }) { continue }
                        list.append(RolePhrase(words: words, gender: gender, kind: kind))
                        list.sort { $0.words.count > $1.words.count }
                        lex.roles[first] = list
                    }
                }
            }
            for file in lexicons.files(language.code + "/coreference") {
                for row in file.rows() where row.fields.count >= 2 {
                    let cls: WordClass
                    switch row.fields[1].trimmingSpaces() {
                    case "definite": cls = .definite
                    case "demonstrative": cls = .demonstrative
                    case "indefinite": cls = .indefinite
                    case "possessive": cls = .possessive
                    case "subject": cls = .subject
                    case "plural": cls = .plural
                    case "strong": cls = .strong
                    case "premodifier": cls = .premodifier
                    case "latter": cls = .latter
                    case "impersonal": cls = .impersonal
                    case "collective": cls = .collective
                    default: continue
                    }
                    let g = row.fields.count > 2 ? row.fields[2].trimmingSpaces() : ""
                    let key = WordKey.of(String(row.fields[0].trimmingSpaces()))
                    lex.words[key] = (lex.words[key] ?? []) + [Word(cls: cls, gender: g == "m" || g == "f" ? g.first : nil)]
                }
            }
            return lex
        }
    }

    /// The keys of the tokens a lexicon phrase is made of: words split at spaces, and an elided article or
    /// preposition ("l'", "d'") split from the word it is glued to, as the tokenizer splits them.
    static func keys(of phrase: Substring) -> [UInt64] {
        var out: [UInt64] = []
        for word in phrase.split(separator: " ") {
            if let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }),
               word.distance(from: word.startIndex, to: apostrophe) <= 3, word.index(after: apostrophe) < word.endIndex {
                out.append(WordKey.of(String(word[...apostrophe])))
                out.append(WordKey.of(String(word[word.index(after: apostrophe)...])))
            } else {
                out.append(WordKey.of(String(word)))
            }
        }
        return out
    }

    func word(_ key: UInt64, _ cls: WordClass) -> Word? {
        words[key]?.first { $0.cls == cls }
    }
}
