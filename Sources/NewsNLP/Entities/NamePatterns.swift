/// The word lists the name patterns use: first names (with gender), titles and role nouns, organisation heads
/// and suffixes, context cues and auxiliaries, from `Lexicons/names/first-names.tsv`, `Lexicons/{fr,en}/roles`,
/// `org-heads`, `org-suffixes`, `entity-cues`, `auxiliaries`.
struct NamePatterns: Sendable {
    /// A context cue: the words around a name that type it ("l'usine X", "shares of X", "X's chief executive").
    struct Cue: Sendable {
        var type: EntityType
        var words: UInt8
        /// A weak cue ("à X"): it types only a name written once in the document.
        var once = false
    }
    /// Folded first name → gender ("m", "f" or "u").
    var firstNames = WordTable<Character>()
    /// Titles written before a name ("M.", "Mme", "Dr", "Mr."), by folded hash (a title must be capitalised): gender.
    var titles = WordTable<Character>()
    /// Folded role nouns (first word hash → full folded phrases as hash sequences), with gender.
    var roles = WordTable<[(words: [UInt64], gender: Character)]>()
    /// Folded organisation head words ("parti", "ministere", "union").
    var orgHeads = WordSet()
    /// Head words listed in lower case ("ministère", "tribunal"): they open a name even when not capitalised.
    var lowerOrgHeads = WordSet()
    /// Multi-word organisation heads ("Haut Conseil", "Central Bank", "Office for"), by the combined hash of their
    /// folded words: the number of words.
    var orgHeadPhrases = WordTable<UInt8>()
    /// Words that link the parts of an organisation name, taken from the multi-word heads that end with one
    /// ("Office for", "Council on", "Department of", "cour d'appel"): "for", "on", "of", "d'".
    var orgLinks = WordSet()
    /// Organisation suffixes ("SA", "Inc.", "GmbH", "Shipping"), folded, with and without a final period; those
    /// listed in lower case ("plc") need no capital.
    var orgSuffixes = WordSet()
    var lowerOrgSuffixes = WordSet()
    /// Context cues of one language, by the combined hash of their folded words.
    struct Cues: Sendable {
        /// Before a name ("usine", "groupe", "shares of", "maire de").
        var before = WordTable<Cue>()
        /// After it ("'s chief executive", "shares").
        var after = WordTable<Cue>()
        /// After it and a comma ("Arlix, entreprise de chauffage").
        var apposition = WordTable<Cue>()
        /// Part of the name, before it ("place Beauvau", "gare Saint-Charles", "prison de la Santé").
        var head = WordTable<Cue>()
        /// Part of the name, after it ("Baker Street", "Heathrow Airport").
        var tail = WordTable<Cue>()
    }
    /// French cues, then English ones (folded, "à" and "a" are one word: each language reads its own).
    var cueTables = [Cues(), Cues()]
    func cues(_ language: Language) -> Cues { cueTables[language == .english ? 1 : 0] }

    var longestCue = 1
    /// French contracted articles ("du", "au", "des", "aux"), from `fr/auxiliaries` (kind contraction).
    var contractions = WordSet()
    /// Auxiliary verb forms ("a", "ont", "has", "was"): a word after one is a participle, not a role noun.
    var auxiliaries = WordSet()
    /// Words that open a clause after a verb ("que", "qu'", "that"): a word before one is a verb, not a role noun.
    var complementisers = WordSet()
    /// Folded English speech verb forms ("said", "told", "wrote"), from `en/speech-verbs`: after a surname opening a
    /// sentence they show it is a name ("Clinton said").
    var speechVerbs = WordSet()
    /// Folded function words of both languages.
    var stopwords = WordSet()
    /// Folded particles inside names ("de", "du", "le", "van", "von", "ben", "al").
    var particles = WordSet()
    /// Folded determiners that open a role phrase ("le", "la", "l'", "the", "du", "de", "un", "une").
    var determiners = WordSet()
    /// Words after which a name that is both a place and a person is the place ("à Paris"), as written.
    var placePrepositions: Set<String> = []
    /// Time words ("Monday", "mardi": the `time` class of quote-cues), which are never a person's name.
    var timeWords = WordSet()

    static func load(from lexicons: Lexicons) -> NamePatterns {
        lexicons.compiled("name-patterns") {
            var p = NamePatterns()
            // Role and cue phrases are split into words as the tokenizer splits text: elisions apart ("d'" + "État").
            let elisions = NamePatterns.elisions(lexicons)
            let functionWords = lexicons.stopwords(.french).union(lexicons.stopwords(.english))
            for file in lexicons.files("names/first-names.tsv") {
                file.forEachRow { b, fields in
                    guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else { return }
                    let g = b[fields[1].lowerBound]
                    p.firstNames[FoldHash.hash(UnsafeBufferPointer(rebasing: b[fields[0]]))] = g == 0x6D ? "m" : (g == 0x66 ? "f" : "u")
                }
            }
            for lang in ["fr", "en"] {
                for file in lexicons.files(lang + "/roles") {
                    for row in file.rows() where row.fields.count >= 3 {
                        let form = String(row.fields[0].trimmingSpaces())
                        let gender = row.fields[1].first ?? "u"
                        if row.fields[2] == "title" {
                            p.titles[FoldHash.hash(folded: Folding.fold(form))] = gender
                        } else if row.fields[2] == "role" {
                            // Roles only: generic people, groups and party epithets are the coreference layer's.
                            let ws = EntityLexicon.words(form, elisions).map { FoldHash.hash(folded: $0) }
                            guard let first = ws.first else { continue }
                            p.roles[first] = (p.roles[first] ?? []) + [(ws, gender)]
                        }
                    }
                }
                for file in lexicons.files(lang + "/org-heads") {
                    for row in file.rows() {
                        let form = String(row.fields[0].trimmingSpaces())
                        let ws = EntityLexicon.words(form, elisions)
                        if ws.count == 1 {
                            p.orgHeads.insert(FoldHash.hash(folded: ws[0]))
                            if let f = form.unicodeScalars.first, f.properties.isLowercase { p.lowerOrgHeads.insert(FoldHash.hash(folded: ws[0])) }
                        } else if ws.count > 1 {
                            let hashes = ws.map { FoldHash.hash(folded: $0) }
                            p.orgHeadPhrases[hashes.dropFirst().reduce(FoldHash.combine(FoldHash.seed, hashes[0]), FoldHash.combine)] = UInt8(ws.count)
                            // A lower-case last word links the parts of a name ("Office for", "cour d'appel").
                            if let last = ws.last, functionWords.contains(last) {
                                p.orgLinks.insert(hashes[hashes.count - 1])
                            }
                        }
                    }
                }
                for file in lexicons.files(lang + "/org-suffixes") {
                    for row in file.rows() {
                        let form = String(row.fields[0].trimmingSpaces())
                        guard !form.contains(" "), let c = form.unicodeScalars.first else { continue }
                        let folded = Folding.fold(form)
                        for f in [folded, folded.hasSuffix(".") ? String(folded.dropLast()) : folded + "."] where !f.isEmpty {
                            p.orgSuffixes.insert(FoldHash.hash(folded: f))
                            if c.properties.isLowercase { p.lowerOrgSuffixes.insert(FoldHash.hash(folded: f)) }
                        }
                    }
                }
                for file in lexicons.files(lang + "/entity-cues") {
                    for row in file.rows() where row.fields.count >= 3 {
                        guard let type = EntityType(rawValue: String(row.fields[1].trimmingSpaces())) else { continue }
                        let words = EntityLexicon.words(String(row.fields[0].trimmingSpaces()), elisions)
                        // A cue ending with "de" also stands before an elided name or an article ("maire d'Arlac",
                        // "président de l'Arlac", "directeur du Arlac").
                        let stem = Array(words.dropLast())
                        let variants = words.last == "de" ? [words, stem + ["d'"], stem + ["de", "l'"], stem + ["de", "la"], stem + ["du"]] : [words]
                        for variant in variants {
                            let ws = variant.map { FoldHash.hash(folded: $0) }
                            guard let first = ws.first, ws.count < 8 else { continue }
                            let h = ws.dropFirst().reduce(FoldHash.combine(FoldHash.seed, first), FoldHash.combine)
                            let cue = Cue(type: type, words: UInt8(ws.count), once: row.fields.count > 3 && row.fields[3].trimmingSpaces() == "once")
                            let l = lang == "en" ? 1 : 0
                            switch row.fields[2].trimmingSpaces() {
                            case "after": p.cueTables[l].after[h] = cue
                            case "apposition": p.cueTables[l].apposition[h] = cue
                            case "head": p.cueTables[l].head[h] = cue
                            case "tail": p.cueTables[l].tail[h] = cue
                            default: p.cueTables[l].before[h] = cue
                            }
                            p.longestCue = max(p.longestCue, ws.count)
                        }
                    }
                }
                QuoteLexicon.forEachClassRow(lang, lexicons) { word, c in
                    if c.contains(.time) { p.timeWords.insert(FoldHash.hash(folded: Folding.fold(word))) }
                }
                for file in lexicons.files(lang + "/auxiliaries") {
                    for row in file.rows() where !row.fields.isEmpty {
                        let h = FoldHash.hash(folded: Folding.fold(String(row.fields[0].trimmingSpaces())))
                        switch row.fields.count > 1 ? row.fields[1].trimmingSpaces() : "" {
                        case "clause": p.complementisers.insert(h)
                        case "contraction": p.contractions.insert(h)
                        default: p.auxiliaries.insert(h)
                        }
                    }
                }
            }
            for file in lexicons.files("en/speech-verbs") {
                for row in file.rows() where row.fields.count >= 2 {
                    for form in row.fields[1].split(separator: "|") where !form.trimmingSpaces().contains(" ") {
                        p.speechVerbs.insert(FoldHash.hash(folded: Folding.fold(String(form.trimmingSpaces()))))
                    }
                }
            }
            for w in lexicons.stopwords(.french).union(lexicons.stopwords(.english)) {
                p.stopwords.insert(FoldHash.hash(folded: w))
            }
            for file in lexicons.files("names/name-words") {
                for row in file.rows() where row.fields.count >= 2 {
                    let word = String(row.fields[0].trimmingSpaces())
                    switch row.fields[1].trimmingSpaces() {
                    case "particle": p.particles.insert(FoldHash.hash(folded: Folding.fold(word)))
                    case "determiner": p.determiners.insert(FoldHash.hash(folded: Folding.fold(word)))
                    case "place-preposition": p.placePrepositions.insert(word)
                    default: break
                    }
                }
            }
            return p
        }
    }

    /// The longest role phrase starting at token `i`, as a token count, and its gender.
    func role(at i: Int, _ info: [TokenInfo], limit: Int) -> (Int, Character)? {
        guard let candidates = roles[info[i].hash] else { return nil }
        var best: (Int, Character)?
        for c in candidates where c.words.count <= limit - i {
            var ok = true
            for (k, w) in c.words.enumerated() where info[i + k].hash != w { ok = false; break }
            if ok, c.words.count > (best?.0 ?? 0) { best = (c.words.count, c.gender) }
        }
        return best
    }

    /// The elisions of both languages ("l", "d", "qu"…), as the tokenizer reads them from the tokenization files.
    static func elisions(_ lexicons: Lexicons) -> Set<String> {
        SegmentationRules.load(.french, from: lexicons).elisions.union(SegmentationRules.load(.english, from: lexicons).elisions)
    }
}
