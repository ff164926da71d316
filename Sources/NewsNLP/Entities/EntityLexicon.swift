/// The entity lexicons compiled for matching: every name, alias and role split into folded words and hashed,
/// so that a document is matched by hashing its tokens once.
struct EntityLexicon: Sendable {
    struct Entry: Sendable {
        var id: String
        var type: EntityType
        var name: String
        var gender: Character?
        var roles: [String]
        var affiliation: String
        /// Folded words of the canonical name (for surnames and coreference).
        var nameWords: [String]
    }

    enum Form: UInt8, Sendable { case name, alias, role }

    struct Hit: Sendable {
        var entry: Int32
        var words: UInt8
        var form: Form
        /// The first word must be capitalised in the text (the form is written with a capital).
        var needsCapital: Bool
        /// Every word must be written in capitals (an acronym: "PS", "LR").
        var needsAllCaps: Bool
    }

    var entries: [Entry] = []
    /// Hash of the folded word sequence → the entries it names.
    var phrases: [UInt64: [Hit]] = [:]
    /// Hashes of the first words of all phrases, to skip most tokens at once.
    var firstWords: Set<UInt64> = []
    var longest = 1

    static func load(from lexicons: Lexicons) -> EntityLexicon {
        lexicons.cached("entity-lexicon") {
            var lex = EntityLexicon()
            let elisions: Set<String> = ["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"]
            var byID: [String: Int] = [:]
            for file in lexicons.files(under: "entities/") {
                // Built-in files are checked by the tests; a malformed user file was reported by validate().
                guard let rows = try? EntityLexiconParser.parse(file) else { continue }
                for e in rows {
                    let index: Int
                    if let existing = byID[e.id] {
                        index = existing  // a user file extends a built-in entry
                    } else {
                        index = lex.entries.count
                        byID[e.id] = index
                        lex.entries.append(Entry(id: e.id, type: e.type, name: e.name, gender: e.gender, roles: e.roles,
                                                 affiliation: e.affiliation, nameWords: words(e.name, elisions)))
                    }
                    lex.add(e.name, entry: index, form: .name, elisions)
                    for a in e.aliases { lex.add(a, entry: index, form: .alias, elisions) }
                    for r in e.roles { lex.add(r, entry: index, form: .role, elisions) }
                }
            }
            return lex
        }
    }

    /// The folded words of a name, split as the tokenizer splits text ("l'Élysée" → "l'", "elysee").
    static func words(_ s: String, _ elisions: Set<String>) -> [String] {
        var out: [String] = []
        for piece in Folding.fold(s).split(separator: " ") {
            var p = Substring(piece)
            while let last = p.last, last == "," || last == ";" { p = p.dropLast() }
            if p.isEmpty { continue }
            if let apo = p.firstIndex(of: "'"), p.index(after: apo) < p.endIndex, elisions.contains(String(p[..<apo])) {
                out.append(String(p[...apo]))
                p = p[p.index(after: apo)...]
            }
            out.append(String(p))
        }
        return out
    }

    mutating func add(_ form: String, entry: Int, form kind: Form, _ elisions: Set<String>) {
        if form.contains("(") || form.utf8.count < 2 { return }
        let ws = Self.words(form, elisions)
        guard !ws.isEmpty, ws.count <= 12 else { return }
        var h = FoldHash.seed
        for w in ws { h = FoldHash.combine(h, FoldHash.hash(folded: w)) }
        let first = form.unicodeScalars.first!
        let needsCapital = first.properties.isUppercase || first.properties.numericType != nil
        var needsAllCaps = false
        if ws.count == 1 && form.utf8.count <= 6 {
            var letters = 0, capitals = 0
            for b in form.utf8 {
                if b >= 0x41 && b <= 0x5A { letters += 1; capitals += 1 } else if b >= 0x61 && b <= 0x7A || b >= 0x80 { letters += 1 }
            }
            needsAllCaps = letters >= 2 && capitals == letters
        }
        let hit = Hit(entry: Int32(entry), words: UInt8(ws.count), form: kind, needsCapital: needsCapital, needsAllCaps: needsAllCaps)
        if var list = phrases[h] {
            if list.contains(where: { $0.entry == hit.entry && $0.form == hit.form }) { return }
            list.append(hit)
            phrases[h] = list
        } else {
            phrases[h] = [hit]
        }
        firstWords.insert(FoldHash.hash(folded: ws[0]))
        longest = max(longest, ws.count)
    }
}
