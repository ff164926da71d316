/// The word lists the name patterns use: first names (with gender), titles and role nouns, organisation heads
/// and suffixes, from `Lexicons/names/first-names.tsv`, `Lexicons/{fr,en}/roles`, `org-heads`, `org-suffixes`.
struct NamePatterns: Sendable {
    /// Folded first name → gender ("m", "f" or "u").
    var firstNames = WordTable<Character>()
    /// Titles written before a name, as written ("M.", "Mme", "Dr", "Mr."): gender.
    var titles: [String: Character] = [:]
    /// Folded role nouns (first word hash → full folded phrases as hash sequences), with gender.
    var roles = WordTable<[(words: [UInt64], gender: Character)]>()
    /// Folded organisation head words ("parti", "ministere", "union").
    var orgHeads = WordSet()
    /// Head words listed in lower case ("ministère", "tribunal"): they open a name even when not capitalised.
    var lowerOrgHeads = WordSet()
    /// Organisation suffixes as written ("SA", "Inc.", "GmbH").
    var orgSuffixes: Set<String> = []
    /// Folded function words of both languages.
    var stopwords = WordSet()
    /// Folded particles inside names ("de", "du", "le", "van", "von", "ben", "al").
    var particles = WordSet()
    /// Folded determiners that open a role phrase ("le", "la", "l'", "the", "du", "de", "un", "une").
    var determiners = WordSet()

    static func load(from lexicons: Lexicons) -> NamePatterns {
        lexicons.cached("name-patterns") {
            var p = NamePatterns()
            let elisions: Set<String> = ["l", "d", "qu", "j", "n", "s", "c", "m", "t"]
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
                            p.titles[form] = gender
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
                        }
                    }
                }
                for file in lexicons.files(lang + "/org-suffixes") {
                    for row in file.rows() { p.orgSuffixes.insert(String(row.fields[0].trimmingSpaces())) }
                }
            }
            for w in lexicons.stopwords(.french).union(lexicons.stopwords(.english)) {
                p.stopwords.insert(FoldHash.hash(folded: w))
            }
            for w in ["de", "du", "des", "le", "la", "van", "von", "der", "den", "ben", "bin", "al", "el", "di", "da", "del", "dos", "mac", "d'", "y"] {
                p.particles.insert(FoldHash.hash(folded: w))
            }
            for w in ["le", "la", "l'", "les", "the", "du", "de", "des", "d'", "un", "une", "a", "an", "au", "aux", "son", "sa", "ses", "leur", "notre", "cet", "cette", "ce", "his", "her", "their", "its"] {
                p.determiners.insert(FoldHash.hash(folded: w))
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
}
