/// The entity lexicons compiled for matching: every name, alias and role split into folded words and hashed,
/// so that a document is matched by hashing its tokens once.
struct EntityLexicon: Sendable {
    /// An entry; its strings are cut from the lexicon file when asked for (most entries are never matched).
    struct Entry: Sendable {
        var type: EntityType
        var gender: Character?
        var file: Int32
        var idRange: Range<Int32>
        var nameRange: Range<Int32>
        var affiliationRange: Range<Int32>
        /// The English name, when it differs from the (French) name; empty otherwise.
        var englishRange: Range<Int32>
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
        /// Bit k set: word k (k ≥ 1) is written with a capital in the lexicon and needs one in the text.
        var capitals: UInt16 = 0
        /// The name without its article ("Mans" of "Le Mans"): only after a contracted article ("du Mans",
        /// "au Havre"), which has swallowed it.
        var afterArticle = false
    }

    var entries: [Entry] = []
    /// The bytes of the lexicon files, which entries point into.
    var files: [[UInt8]] = []
    /// Hash of the folded word sequence → index of its first hit in `hitStore`; hits chain through `next`.
    var heads = WordTable<Int32>()
    var hitStore: [Hit] = []
    var next: [Int32] = []
    /// Combined hashes of every proper prefix of every phrase ("jean" and "jean luc" for "Jean Luc Mélenchon"),
    /// so that matching stops as soon as no name can go on.
    var prefixes = WordSet()
    /// Hashes of the first words of all phrases, to skip most tokens at once.
    var firstWords = WordSet()
    /// The capitalised last words of people's names and aliases of two words or more ("Clinton" of "Hillary
    /// Clinton"): a surname that names someone in the news even alone and even when several people share it.
    var surnames = WordSet()
    var longest = 1
    /// The fold hashes of the elisions ("l", "d", "qu"…, from the tokenization files): used while the tables are
    /// built (names split as the tokenizer splits text), not kept in the compiled tables.
    var elisions: Set<UInt64> = []

    func string(_ file: Int32, _ r: Range<Int32>) -> String {
        files[Int(file)].withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(r.lowerBound)..<Int(r.upperBound)]), as: UTF8.self) }
    }

    func id(_ i: Int32) -> String { string(entries[Int(i)].file, entries[Int(i)].idRange) }
    func name(_ i: Int32) -> String { string(entries[Int(i)].file, entries[Int(i)].nameRange) }
    func affiliation(_ i: Int32) -> String { string(entries[Int(i)].file, entries[Int(i)].affiliationRange) }

    /// The name to report in a document of `language`: the English name of an English document where the
    /// lexicon gives one ("United States" for "États-Unis"), the (French) name otherwise.
    func name(_ i: Int32, in language: Language) -> String {
        let e = entries[Int(i)]
        return language == .english && !e.englishRange.isEmpty ? string(e.file, e.englishRange) : string(e.file, e.nameRange)
    }

    /// Whether some phrase goes on after this sequence of words.
    func isPrefix(_ hash: UInt64) -> Bool { prefixes.contains(hash) }

    /// The entries a folded word sequence names, or nil.
    func hits(for hash: UInt64) -> [Hit]? {
        guard var k = heads[hash] else { return nil }
        var out: [Hit] = []
        while k >= 0 {
            out.append(hitStore[Int(k)])
            k = next[Int(k)]
        }
        return out
    }

    /// Compiles every file under `entities/`.
    ///
    /// Reads the bytes directly (no `String` per field but the id, name and affiliation of each entry) and
    /// folds names with `FoldTable`, so that the ~8,000 built-in entries load in a few milliseconds.
    /// - Complexity: O(total size of the files).
    static func load(from lexicons: Lexicons) -> EntityLexicon {
        lexicons.compiled("entity-lexicon") {
            var lex = EntityLexicon()
            let files = lexicons.files(under: "entities/")
            let estimate = files.reduce(0) { $0 + $1.bytes.count } / 40
            lex.heads = WordTable(capacity: estimate)
            lex.firstWords = WordSet(capacity: estimate / 2)
            lex.surnames = WordSet(capacity: estimate / 8)
            lex.prefixes = WordSet(capacity: estimate)
            lex.hitStore.reserveCapacity(estimate)
            lex.next.reserveCapacity(estimate)
            lex.entries.reserveCapacity(estimate / 3)
            var byID: [UInt64: Int] = [:]
            byID.reserveCapacity(estimate / 3)
            var scratch = [UInt8](repeating: 0, count: 1024)
            var words = [UInt64]()
            words.reserveCapacity(16)
            // Names are split into words as the tokenizer splits text, elisions apart ("l'" + "elysee").
            lex.elisions = Set(NamePatterns.elisions(lexicons).map { FoldHash.hash(folded: Folding.fold($0)) })
            for file in files {
                lex.files.append(file.bytes)
                let index = Int32(lex.files.count - 1)
                file.forEachRow { b, fields in
                    lex.compile(b, fields, index, &byID, &scratch, &words)
                }
            }
            return lex
        }
    }
}

private extension EntityLexicon {
    /// The French articles that a contraction swallows ("du" = "de le", "aux" = "à les").
    static let contractedArticles: Set<UInt64> = [FoldHash.hash(folded: "le"), FoldHash.hash(folded: "les")]

    /// Adds one row of an entity file (its tab-separated fields, as byte ranges).
    mutating func compile(_ b: UnsafeBufferPointer<UInt8>, _ rowFields: [Range<Int>], _ fileIndex: Int32, _ byID: inout [UInt64: Int],
                      _ scratch: inout [UInt8], _ words: inout [UInt64]) {
        let fields = rowFields.map { ($0.lowerBound, $0.upperBound) }
        // Malformed lines of user files were reported by Lexicons.validate(); skip them here.
        guard fields.count >= 3, fields.count <= 8 else { return }
        let type: EntityType
        switch (fields[1].1 - fields[1].0, b[fields[1].0]) {
        case (3, 0x50): type = .person
        case (3, 0x4F): type = .organisation
        case (3, 0x4C): type = .location
        case (4, 0x4D): type = .miscellaneous
        default: return
        }
        var idHash = FoldHash.seed
        for k in fields[0].0..<fields[0].1 { idHash = (idHash ^ UInt64(b[k])) &* FoldHash.prime }
        let index: Int
        if let existing = byID[idHash] {
            index = existing  // a user file extends a built-in entry
        } else {
            index = entries.count
            byID[idHash] = index
            var gender: Character?
            if fields.count > 4, fields[4].1 == fields[4].0 + 1 { gender = b[fields[4].0] == 0x66 ? "f" : (b[fields[4].0] == 0x6D ? "m" : nil) }
            func r(_ f: (Int, Int)) -> Range<Int32> { Int32(f.0)..<Int32(f.1) }
            entries.append(Entry(type: type, gender: gender, file: fileIndex, idRange: r(fields[0]), nameRange: r(fields[2]),
                                 affiliationRange: fields.count > 6 ? r(fields[6]) : 0..<0, englishRange: fields.count > 7 ? r(fields[7]) : 0..<0))
        }
        addForm(b, fields[2], index, .name, &scratch, &words)
        if fields.count > 3 { forEachListItem(b, fields[3]) { addForm(b, $0, index, .alias, &scratch, &words) } }
        if fields.count > 5 { forEachListItem(b, fields[5]) { addForm(b, $0, index, .role, &scratch, &words) } }
        }

    /// Calls `body` with each trimmed item of a ` | `-separated field.
    func forEachListItem(_ b: UnsafeBufferPointer<UInt8>, _ r: (Int, Int), _ body: ((Int, Int)) -> Void) {
        var s = r.0
        var k = r.0
        while k <= r.1 {
            if k == r.1 || b[k] == 0x7C {
                var x = s, y = k
                while x < y && b[x] == 0x20 { x += 1 }
                while y > x && b[y - 1] == 0x20 { y -= 1 }
                if y > x { body((x, y)) }
                s = k + 1
            }
            k += 1
        }
    }

    mutating func addForm(_ b: UnsafeBufferPointer<UInt8>, _ r: (Int, Int), _ entry: Int, _ kind: Form, _ scratch: inout [UInt8], _ wordHashes: inout [UInt64]) {
        let form = UnsafeBufferPointer(rebasing: b[r.0..<r.1])
        guard form.count >= 2, !form.contains(0x28) else { return }
        // Fold into scratch (FoldTable), or through ICU for scripts beyond Latin.
        var count = 0
        if form.count * 4 > scratch.count { scratch = [UInt8](repeating: 0, count: form.count * 4) }
        let ok = scratch.withUnsafeMutableBufferPointer { out in
            FoldTable.forEachFoldedByte(form) { byte in
                if count < out.count { out[count] = byte; count += 1 }
            }
        }
        if !ok {
            let folded = Array(Folding.fold(UnsafeRawBufferPointer(form)).utf8)
            if folded.count > scratch.count { scratch = [UInt8](repeating: 0, count: folded.count) }
            for (k, x) in folded.enumerated() { scratch[k] = x }
            count = folded.count
        }
        // Split into words as the tokenizer does: on spaces, with elisions split off ("l'" + "elysee").
        wordHashes.removeAll(keepingCapacity: true)
        scratch.withUnsafeBufferPointer { folded in
            var i = 0
            let m = count
            while i < m {
                while i < m && folded[i] == 0x20 { i += 1 }
                var j = i
                while j < m && folded[j] != 0x20 { j += 1 }
                var end = j
                while end > i && (folded[end - 1] == 0x2C || folded[end - 1] == 0x3B) { end -= 1 }
                if end > i {
                    var start = i
                    var apo = i
                    while apo < end && folded[apo] != 0x27 { apo += 1 }
                    if apo < end, apo + 1 < end {
                        var h = FoldHash.seed
                        for x in i..<apo { h = (h ^ UInt64(folded[x])) &* FoldHash.prime }
                        if elisions.contains(h) {
                            wordHashes.append((h ^ 0x27) &* FoldHash.prime)
                            start = apo + 1
                        }
                    }
                    var h = FoldHash.seed
                    for x in start..<end { h = (h ^ UInt64(folded[x])) &* FoldHash.prime }
                    wordHashes.append(h)
                }
                i = j
            }
        }
        guard !wordHashes.isEmpty, wordHashes.count <= 12 else { return }
        var h = FoldHash.seed
        for (k, w) in wordHashes.enumerated() {
            h = FoldHash.combine(h, w)
            if k < wordHashes.count - 1 { prefixes.insert(h) }
        }
        let (first, _) = form.scalar(at: 0)
        let needsCapital = first.isUpper || first.isDigit
        var needsAllCaps = false
        if wordHashes.count == 1 && form.count <= 6 {
            var letters = 0, capitals = 0
            for c in form {
                if c >= 0x41 && c <= 0x5A { letters += 1; capitals += 1 } else if (c >= 0x61 && c <= 0x7A) || c >= 0x80 { letters += 1 }
            }
            needsAllCaps = letters >= 2 && capitals == letters
        }
        // Which later words are capitalised in the form ("Le Temps": word 1); an elided article counts as its word.
        var capitals: UInt16 = 0
        var word = 0
        var atStart = true
        var k = 0
        while k < form.count, word < 16 {
            let (c, l) = form.scalar(at: k)
            if c == " " { word += 1; atStart = true } else if c == "'" || c == "’" { word += 1; atStart = true } else {
                if atStart, word > 0, c.isUpper { capitals |= 1 << word }
                atStart = false
            }
            k += l
        }
        if word + 1 != wordHashes.count { capitals = 0 }  // split otherwise than the tokenizer: no check
        let hit = Hit(entry: Int32(entry), words: UInt8(wordHashes.count), form: kind, needsCapital: needsCapital, needsAllCaps: needsAllCaps, capitals: capitals)
        insert(hit, h, wordHashes[0])
        if kind != .role, entries[entry].type == .person, wordHashes.count >= 2, capitals & (1 << (wordHashes.count - 1)) != 0 {
            surnames.insert(wordHashes[wordHashes.count - 1])
        }
        // "Le Mans", "Le Monde": also the name without its article, after "du", "au", "des", "aux".
        if kind != .role, needsCapital, wordHashes.count >= 2, capitals & 2 != 0, Self.contractedArticles.contains(wordHashes[0]) {
            var rest = FoldHash.seed
            for (k, w) in wordHashes.dropFirst().enumerated() {
                rest = FoldHash.combine(rest, w)
                if k < wordHashes.count - 2 { prefixes.insert(rest) }
            }
            var bare = hit
            bare.words -= 1
            bare.capitals >>= 1
            bare.afterArticle = true
            insert(bare, rest, wordHashes[1])
        }
    }

    mutating func insert(_ hit: Hit, _ h: UInt64, _ firstWord: UInt64) {
        let slot = Int32(hitStore.count)
        if let head = heads[h] {
            var k = head
            while k >= 0 {
                if hitStore[Int(k)].entry == hit.entry && hitStore[Int(k)].form == hit.form && hitStore[Int(k)].afterArticle == hit.afterArticle { return }
                k = next[Int(k)]
            }
            // Append at the end of the chain, so that hits keep file order.
            k = head
            while next[Int(k)] >= 0 { k = next[Int(k)] }
            hitStore.append(hit)
            next.append(-1)
            next[Int(k)] = slot
        } else {
            heads[h] = slot
            hitStore.append(hit)
            next.append(-1)
        }
        firstWords.insert(firstWord)
        longest = max(longest, Int(hit.words))
    }
}

extension EntityLexicon {
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
}
