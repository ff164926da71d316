/// Finds the people, organisations and places of a document: lexicon names and aliases (longest match, folded
/// for case and accents, capitals required where the lexicon writes them), name patterns for names no lexicon
/// has (first name + surname, title + name, organisation heads and suffixes), and in-document coreference
/// (a surname or "M. Macron" joins the full name; role nouns the text ties to a person are recorded).
struct EntityRecognizer: Sendable {
    let language: Language
    let lexicon: EntityLexicon
    let patterns: NamePatterns

    static func load(_ language: Language, from lexicons: Lexicons) -> EntityRecognizer {
        EntityRecognizer(language: language, lexicon: EntityLexicon.load(from: lexicons), patterns: NamePatterns.load(from: lexicons))
    }

    /// A mention being built: tokens [first, first + count), and what it names.
    struct Found {
        var first: Int
        var count: Int
        var key: String           // lexicon id, or "pattern:" + folded name
        var type: EntityType
        var name: String
        var gender: Character?
        var source: EntitySource
    }

    func process(_ document: inout Document) {
        guard !document.tokens.isEmpty else { return }
        let tokens = document.tokens
        // The features segmentation computed, unless the tokens were changed since.
        let features = document.features
        let info = features.foldHash.count == tokens.count
            ? zip(features.foldHash, features.shape).map { TokenInfo(hash: $0, shape: $1) }
            : document.utf8.withUnsafeBufferPointer { text in tokens.map { tokenInfo(text, $0) } }
        var taken = [Bool](repeating: false, count: tokens.count)
        var found: [Found] = []
        var present = Set<String>()  // the keys of `found` in pass 1, kept as it grows (no set rebuilt per match)
        var roleMentions: [(first: Int, count: Int, keys: [String])] = []

        // 0. Company names closed by a suffix ("Bayline Shipping", "Brookline Capital Inc."): the suffix is the
        // strongest evidence of the type, stronger than a first name or a lexicon word inside the name.
        for s in document.sentences where !s.boilerplate && !s.isHeading {
            suffixPass(Int(s.tokens.lowerBound), Int(s.tokens.upperBound), info, document, &taken, &found)
        }
        // 1. Lexicon names, longest first (bylines too: "AFP" is an organisation, though no prose).
        for s in document.sentences where !s.boilerplate || s.isByline {
            var i = Int(s.tokens.lowerBound)
            let end = Int(s.tokens.upperBound)
            while i < end {
                if !taken[i], info[i].isWord, lexicon.firstWords.contains(info[i].hash), let m = lexiconMatch(at: i, end: end, sentenceStart: Int(s.tokens.lowerBound), info, document, present, taken) {
                    // A first name before a one-word place or organisation makes a person: "Joseph Bari",
                    // "Anatole France" (the name patterns take them).
                    if m.count == 1, m.found.type != .person, i > Int(s.tokens.lowerBound), !info[i].allCaps, isFirstName(i - 1, info, taken) {
                        i += 1
                        continue
                    }
                    // An article that opens a name yields to a longer name after it: "L'Union européenne" is the
                    // Union, not the newspaper "L'Union".
                    if patterns.determiners.contains(info[i].hash), i + 1 < end,
                       let next = lexiconMatch(at: i + 1, end: end, sentenceStart: Int(s.tokens.lowerBound), info, document, present, taken),
                       next.form != .role, next.count > m.count - 1 {
                        i += 1
                        continue
                    }
                    if m.form == .role {
                        // A verb form in context is no role: "Sophie Binet a prévenu que".
                        if !isVerbInContext(i, count: m.count, info, sentenceStart: Int(s.tokens.lowerBound), sentenceEnd: end) {
                            roleMentions.append((i, m.count, m.roleKeys))
                        }
                        // The names inside a role are names too ("maire du Havre", "gouverneur de Floride").
                        i += 1
                        continue
                    }
                    found.append(m.found)
                    present.insert(m.found.key)
                    for k in i..<(i + m.count) { taken[k] = true }
                    i += m.count
                } else {
                    i += 1
                }
            }
        }
        // 2. Names typed by a context cue ("l'usine Valmont", "shares of Arlix"), then name patterns on what is
        // left, acronyms defined in the text, and the other occurrences of the names found so.
        var counts = WordTable<Int32>(capacity: 64)
        for t in info where t.isWord && t.capitalised { counts[t.hash] = (counts[t.hash] ?? 0) + 1 }
        for s in document.sentences where !s.boilerplate {
            headPass(Int(s.tokens.lowerBound), Int(s.tokens.upperBound), info, document, &taken, &found)
            cuePass(Int(s.tokens.lowerBound), Int(s.tokens.upperBound), info, document, counts, &taken, &found)
        }
        for s in document.sentences where !s.boilerplate {
            patternPass(Int(s.tokens.lowerBound), Int(s.tokens.upperBound), heading: s.isHeading, info, document, &taken, &found)
        }
        acronymPass(info, document, &taken, &found)
        recurrencePass(info, document, &taken, &found)
        joinLoneHeads(info, &found)
        // 3. Coreference: surnames and single names join the full names met in the document.
        corefer(info, document, &taken, &found)
        // 4. Entities, one per referent.
        var entities: [Entity] = []
        var index: [String: Int] = [:]
        for f in found.sorted(by: { $0.first < $1.first }) {
            let span = Span(tokens[f.first].span.start, tokens[f.first + f.count - 1].span.end)
            let mention = Mention(span: span, sentence: tokens[f.first].sentence)
            if let k = index[f.key] {
                entities[k].mentions.append(mention)
                if entities[k].gender == nil { entities[k].gender = f.gender }
            } else {
                index[f.key] = entities.count
                let id = f.key.hasPrefix("pattern:") ? String(f.key.dropFirst(8)) : f.key
                entities.append(Entity(id: id, name: f.name, type: f.type, source: f.source, mentions: [mention], gender: f.gender))
            }
        }
        // 5. Role nouns: from the lexicon (for entities present) and from appositions in the text.
        for r in roleMentions {
            // The role names whichever of its holders the document mentions ("gouverneur de Floride").
            let present = r.keys.compactMap { index[$0] }
            guard present.count == 1, let k = present.first else { continue }
            entities[k].roles.append(Mention(span: Span(tokens[r.first].span.start, tokens[r.first + r.count - 1].span.end), sentence: tokens[r.first].sentence))
        }
        appositionRoles(info, document, &entities, index)
        for k in entities.indices {
            entities[k].roles.sort { $0.span < $1.span }
            var seen = Set<Span>()
            entities[k].roles = entities[k].roles.filter { seen.insert($0.span).inserted }
        }
        document.entities = entities
    }
}

extension EntityRecognizer {
    func tokenInfo(_ text: UnsafeBufferPointer<UInt8>, _ t: Token) -> TokenInfo {
        let bytes = UnsafeBufferPointer(rebasing: text[Int(t.span.start)..<Int(t.span.end)])
        return TokenInfo(hash: FoldHash.hash(bytes), shape: TokenShape(bytes, kind: t.kind))
    }

    struct LexiconMatch {
        var count: Int
        var form: EntityLexicon.Form
        var key: String
        var found: Found
        var roleKeys: [String] = []
    }

    func lexiconMatch(at i: Int, end: Int, sentenceStart: Int, _ info: [TokenInfo], _ d: Document, _ present: Set<String>, _ taken: [Bool]) -> LexiconMatch? {
        var h = FoldHash.seed
        var best: (Int, [EntityLexicon.Hit])?
        let limit = min(lexicon.longest, end - i)
        var allCaps = true
        for L in 1...limit {
            let t = info[i + L - 1]
            if !t.isWord && L == 1 { return nil }
            if taken[i + L - 1] { break }
            allCaps = allCaps && t.allCaps
            h = FoldHash.combine(h, t.hash)
            guard let hits = lexicon.hits(for: h) else {
                if lexicon.isPrefix(h) { continue }
                break  // no name goes on from here
            }
            let valid = hits.filter { hit in
                if hit.needsCapital && !info[i].capitalised { return false }
                if hit.afterArticle && !(i > sentenceStart && patterns.contractions.contains(info[i - 1].hash)) { return false }
                if hit.needsAllCaps && (!allCaps || isShouted(i, L, info, d, sentenceStart, end)) { return false }
                // In a proper name, every word the lexicon writes with a capital needs one in the text ("Le
                // Temps", not "Le temps"); descriptive names take either case ("ministère de la justice").
                if hit.needsCapital || patterns.determiners.contains(info[i].hash), hit.capitals != 0 { for k in 1..<L where hit.capitals & (1 << k) != 0 && !info[i + k].capitalised { return false } }
                if hit.form == .role { return L >= 2 || !info[i].capitalised }
                // A single capitalised word that is a function word is no name ("Le", "Tout").
                if L == 1 && patterns.stopwords.contains(info[i].hash) && !hit.needsAllCaps { return false }
                return true
            }
            if !valid.isEmpty { best = (L, valid) }
        }
        guard let (count, hits) = best else { return nil }
        // Prefer names over roles; then resolve ambiguity by what the document already holds and by context.
        let named = hits.filter { $0.form != .role }
        if named.isEmpty {
            let hit = hits[0]
            let e = lexicon.entries[Int(hit.entry)]
            let id = lexicon.id(hit.entry)
            return LexiconMatch(count: count, form: .role, key: id,
                                found: Found(first: i, count: count, key: id, type: e.type, name: lexicon.name(hit.entry, in: language), gender: e.gender, source: .lexicon),
                                roleKeys: hits.map { lexicon.id($0.entry) })
        }
        let hit = choose(named, at: i, count: count, info, d, present)
        let e = lexicon.entries[Int(hit.entry)]
        let id = lexicon.id(hit.entry)
        return LexiconMatch(count: count, form: hit.form, key: id,
                            found: Found(first: i, count: count, key: id, type: e.type, name: lexicon.name(hit.entry, in: language), gender: e.gender, source: .lexicon))
    }

    /// Picks among entries that share a form: one already named in the document wins ("George Washington"
    /// earlier makes "Washington" the man), then the context ("à Washington" is the city), then the order of
    /// preference name > alias, place > organisation > person for a single word.
    func choose(_ hits: [EntityLexicon.Hit], at i: Int, count: Int, _ info: [TokenInfo], _ d: Document, _ present: Set<String>) -> EntityLexicon.Hit {
        if hits.count == 1 { return hits[0] }
        if let h = hits.first(where: { present.contains(lexicon.id($0.entry)) }) { return h }
        // A full name elsewhere in the document ("Paris Hilton" → Paris is the person).
        var fullNames = Set<String>()
        for h in hits where lexicon.entries[Int(h.entry)].type == .person { fullNames.insert(lexicon.id(h.entry)) }
        if i >= 1 {
            let prev = d.string(d.tokens[i - 1].span)
            if patterns.placePrepositions.contains(prev), let h = hits.first(where: { lexicon.entries[Int($0.entry)].type == .location }) { return h }
            if info[i - 1].capitalised, patterns.titles[info[i - 1].hash] != nil, let h = hits.first(where: { lexicon.entries[Int($0.entry)].type == .person }) { return h }
        }
        func rank(_ h: EntityLexicon.Hit) -> Int {
            let e = lexicon.entries[Int(h.entry)]
            var r = h.form == .name ? 0 : 10
            switch e.type {
            case .location: r += 0
            case .organisation: r += 1
            case .person: r += count >= 2 ? 0 : 2
            case .miscellaneous: r += 3
            }
            return r
        }
        return hits.min { rank($0) < rank($1) }!
    }

    /// A capitalised word (not in capitals, not a function word, role or organisation head) that no lexicon took.
    func isUnknownName(_ k: Int, _ info: [TokenInfo], _ taken: [Bool]) -> Bool {
        let t = info[k]
        return t.isWord && t.upper && !t.allCaps && !taken[k] && !patterns.stopwords.contains(t.hash)
            && patterns.roles[t.hash] == nil && !patterns.orgHeads.contains(t.hash)
    }

    /// Whether token `j` opens the predicate of a name before it: an auxiliary, a speech verb or the possessive
    /// "'s", or a speech verb after one function word ("also said").
    func isVerbAfterName(_ j: Int, _ end: Int, _ info: [TokenInfo], _ d: Document) -> Bool {
        guard j < end, info[j].isWord, !info[j].upper else { return false }
        if patterns.auxiliaries.contains(info[j].hash) || patterns.speechVerbs.contains(info[j].hash) { return true }
        if ["'s", "\u{2019}s"].contains(d.string(d.tokens[j].span)) { return true }
        return patterns.stopwords.contains(info[j].hash) && j + 1 < end && info[j + 1].isWord && patterns.speechVerbs.contains(info[j + 1].hash)
    }

    /// A known first name written with its capital, free.
    func isFirstName(_ k: Int, _ info: [TokenInfo], _ taken: [Bool]) -> Bool {
        !taken[k] && info[k].upper && !info[k].allCaps && patterns.firstNames[info[k].hash] != nil && !patterns.stopwords.contains(info[k].hash)
    }

    func patternPass(_ start: Int, _ end: Int, heading: Bool, _ info: [TokenInfo], _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        var i = start
        while i < end {
            if taken[i] || !info[i].isWord { i += 1; continue }
            // Title + name: "M. Dupont", "Mme Martin", "Dr Smith".
            if info[i].capitalised, let gender = patterns.titles[info[i].hash], i + 1 < end, let n = surname(from: i + 1, end, info, d, taken, maxWords: 2) {
                add(i + 1, n, .person, gender == "u" ? nil : gender, d, &taken, &found)
                i += 1 + n
                continue
            }
            // First name + surname: "Philippe Berry".
            if info[i].capitalised, !info[i].allCaps, let gender = patterns.firstNames[info[i].hash], i + 1 < end,
               !patterns.stopwords.contains(info[i].hash), let n = surname(from: i + 1, end, info, d, taken, afterFirstName: true) {
                add(i, 1 + n, .person, gender == "u" ? nil : gender, d, &taken, &found)
                i += 1 + n
                continue
            }
            // Organisation head: "Parti radical", "ministère de l'Intérieur", "Union des démocrates".
            if patterns.orgHeads.contains(info[i].hash), !info[i].allCaps, info[i].capitalised || patterns.lowerOrgHeads.contains(info[i].hash),
               let n = orgTail(from: i + 1, end, info, d, taken), info[i].capitalised || n >= 2 && !info[i + 1].capitalised {
                add(i, 1 + n, .organisation, nil, d, &taken, &found)
                i += 1 + n
                continue
            }
            // "la Commission", "le Parlement": a capitalised head word alone after a determiner, mid-sentence.
            if info[i].capitalised, !info[i].allCaps, i > start, patterns.orgHeads.contains(info[i].hash), patterns.determiners.contains(info[i - 1].hash) {
                add(i, 1, .organisation, nil, d, &taken, &found)
                i += 1
                continue
            }
            // Two capitalised words mid-sentence that no list knows, perhaps with a particle between them: a
            // person ("Alfred Sirven", "Herman De Croo").
            if !heading, i > start, i + 1 < end, isUnknownName(i, info, taken) {
                var j = i + 1
                while j + 1 < end, j - i <= 2, !taken[j], info[j].upper, patterns.particles.contains(info[j].hash) { j += 1 }
                if j < end, isUnknownName(j, info, taken), !(j + 1 < end && info[j + 1].capitalised && info[j + 1].isWord) {
                    add(i, j - i + 1, .person, nil, d, &taken, &found)
                    i = j + 1
                    continue
                }
            }
            // English news names people by surname alone ("Mueller said", "praised Kushner"): one capitalised
            // word mid-sentence that no list knows, after a word, a comma or a closing quote mark ("…,” Moss
            // said"), or after the opening function word of the sentence ("But Moss"), before no other capitalised
            // word. (The first word of a lexicon name is allowed: the lexicon did not take it here.) The surname of
            // a person the lexicon knows ("Clinton") is a name even where its holders are ambiguous, and even as
            // the first word of the sentence when a lower-case word follows ("Clinton said", "Clinton's aide").
            // A time word is none ("said on Monday").
            if language == .english, !heading, info[i].upper, !info[i].allCaps, !taken[i], !patterns.stopwords.contains(info[i].hash),
               !patterns.timeWords.contains(info[i].hash),
               patterns.roles[info[i].hash] == nil, !patterns.orgHeads.contains(info[i].hash),
               !(i + 1 < end && info[i + 1].capitalised && info[i + 1].isWord) {
                let surname = lexicon.surnames.contains(info[i].hash)
                if surname || patterns.firstNames[info[i].hash] == nil, i > start,
                   !info[i - 1].capitalised || (i - 1 == start && patterns.stopwords.contains(info[i - 1].hash)),
                   surname || !patterns.determiners.contains(info[i - 1].hash) && (info[i - 1].isWord || [",", "\u{201D}", "\""].contains(d.string(d.tokens[i - 1].span))) {
                    add(i, 1, .person, nil, d, &taken, &found)
                    i += 1
                    continue
                }
                // The first word of the sentence (after an opening quote mark, if any), before a verb: "Clinton
                // said", "Clinton has", "Clinton also told", "Clinton's aides" (not "Young people", "Close to").
                if surname, i == start || (i == start + 1 && !info[start].isWord), isVerbAfterName(i + 1, end, info, d) {
                    add(i, 1, .person, nil, d, &taken, &found)
                    i += 1
                    continue
                }
            }
            // A known first name alone, mid-sentence: a person named by first name ("Pierre", "Thierry").
            if !heading, i > start, info[i].upper, !info[i].allCaps, patterns.firstNames[info[i].hash] != nil,
               !patterns.stopwords.contains(info[i].hash), !(i + 1 < end && info[i + 1].capitalised && info[i + 1].isWord) {
                let g = patterns.firstNames[info[i].hash]!
                add(i, 1, .person, g == "u" ? nil : g, d, &taken, &found)
                i += 1
                continue
            }
            // Capitalised words + a company suffix: "Brookline Capital Inc.".
            if info[i].capitalised, !patterns.stopwords.contains(info[i].hash) {
                var j = i
                while j < end, j - i < 4, info[j].capitalised, !taken[j], info[j].isWord, !isSuffix(j, info) { j += 1 }
                if j > i, j < end, !taken[j], isSuffix(j, info) {
                    add(i, j - i + 1, .organisation, nil, d, &taken, &found)
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
    }

    /// The length of a surname starting at `k`: capitalised words, with particles inside ("de Gaulle",
    /// "Le Pen", "van der Bellen"), at most three words; nil if there is none.
    /// `afterFirstName`: a capitalised role noun is a surname there ("Jacques Maire").
    func surname(from k: Int, _ end: Int, _ info: [TokenInfo], _ d: Document, _ taken: [Bool], maxWords: Int = 1, afterFirstName: Bool = false) -> Int? {
        var j = k
        var words = 0
        while j < end, words < 3 {
            if taken[j] || !info[j].isWord { break }
            if patterns.particles.contains(info[j].hash), j + 1 < end, info[j + 1].capitalised, !taken[j + 1], info[j + 1].isWord,
               !patterns.stopwords.contains(info[j + 1].hash) || patterns.particles.contains(info[j + 1].hash) {
                j += 1
                continue
            }
            guard info[j].capitalised, !patterns.stopwords.contains(info[j].hash), patterns.roles[info[j].hash] == nil || afterFirstName && info[j].upper && !info[j].allCaps,
                  patterns.titles[info[j].hash] == nil, words < maxWords || patterns.particles.contains(info[j - 1].hash) else { break }
            let (c, _) = d.utf8.withUnsafeBufferPointer { $0.scalar(at: Int(d.tokens[j].span.start)) }
            guard c.isLetter else { break }
            j += 1
            words += 1
        }
        return words > 0 ? j - k : nil
    }

    /// The rest of an organisation name after its head word: "de l'Intérieur", "des Nations unies", "radical".
    func orgTail(from k: Int, _ end: Int, _ info: [TokenInfo], _ d: Document, _ taken: [Bool]) -> Int? {
        var j = k
        var sawCapital = false
        while j < end, j - k < 6, !taken[j], info[j].isWord {
            if info[j].capitalised && !patterns.stopwords.contains(info[j].hash) { sawCapital = true; j += 1; continue }
            if patterns.particles.contains(info[j].hash) || patterns.determiners.contains(info[j].hash) || patterns.orgLinks.contains(info[j].hash) { j += 1; continue }
            break
        }
        // drop trailing particles
        while j > k, !info[j - 1].capitalised { j -= 1 }
        return sawCapital && j > k ? j - k : nil
    }

    func add(_ first: Int, _ count: Int, _ type: EntityType, _ gender: Character?, _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        let span = Span(d.tokens[first].span.start, d.tokens[first + count - 1].span.end)
        let name = d.string(span)
        let key = "pattern:" + slug(Folding.fold(name))
        found.append(Found(first: first, count: count, key: key, type: type, name: name, gender: gender, source: .pattern))
        for k in first..<(first + count) { taken[k] = true }
    }

    func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for c in s.unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") { out.unicodeScalars.append(c); dash = false }
            else if !dash && !out.isEmpty { out += "-"; dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Joins surnames and single names to the full names of the document, and pattern names to lexicon names.
    func corefer(_ info: [TokenInfo], _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        // Surname (last word of a multi-word person name) → the referent; ambiguous surnames are left alone.
        var surnames: [UInt64: Int] = [:]
        var ambiguous = Set<UInt64>()
        for (k, f) in found.enumerated() where f.type == .person && f.count >= 2 {
            let last = info[f.first + f.count - 1].hash
            if let other = surnames[last], found[other].key != f.key { ambiguous.insert(last) } else { surnames[last] = k }
        }
        for a in ambiguous { surnames.removeValue(forKey: a) }
        // A one-word person found by a pattern ("M. Dupont") whose word is a known surname joins that person.
        for k in found.indices where found[k].type == .person && found[k].count == 1 {
            if let full = surnames[info[found[k].first].hash], found[full].key != found[k].key {
                found[k].key = found[full].key
                found[k].name = found[full].name
                found[k].source = found[full].source
                if found[k].gender == nil { found[k].gender = found[full].gender }
            }
        }
        // Remaining capitalised words that are known surnames.
        for s in d.sentences where !s.boilerplate {
            for i in Int(s.tokens.lowerBound)..<Int(s.tokens.upperBound) where !taken[i] && info[i].isWord && info[i].capitalised {
                guard let full = surnames[info[i].hash] else { continue }
                // "Sacks" after "David" is the full name itself (already taken); a lone surname is a mention.
                addMention(of: full, at: i, &taken, &found)
            }
        }
    }

    /// Role phrases in apposition before a person ("le gouverneur de Floride Ron DeSantis", "le président
    /// américain Joe Biden"): recorded as roles, and their other occurrences in the document too.
    func appositionRoles(_ info: [TokenInfo], _ d: Document, _ entities: inout [Entity], _ index: [String: Int]) {
        var learned: [(words: [UInt64], entity: Int)] = []
        let tokenStart = Dictionary(uniqueKeysWithValues: d.tokens.enumerated().map { ($0.element.span.start, $0.offset) })
        for (k, e) in entities.enumerated() where e.type == .person {
            for m in e.mentions {
                guard let first = tokenStart[m.span.start], first >= 2 else { continue }
                let sentenceStart = Int(d.sentences[Int(m.sentence)].tokens.lowerBound)
                // Walk back over lower-case words (and "de", adjectives) to a determiner, at most 7 words.
                var j = first - 1
                var startRole = -1
                while j >= sentenceStart, first - j <= 8 {
                    if patterns.determiners.contains(info[j].hash) && j < first - 1 { startRole = j + 1; break }
                    if !info[j].isWord { break }
                    if info[j].capitalised && !lexicon.firstWords.contains(info[j].hash) && patterns.roles[info[j].hash] == nil { break }
                    j -= 1
                }
                guard startRole >= 0, let (n, _) = patterns.role(at: startRole, info, limit: first),
                      !isVerbInContext(startRole, count: n, info, sentenceStart: sentenceStart, sentenceEnd: first) else { continue }
                let words = (startRole..<first).map { info[$0].hash }
                learned.append((words, k))
                entities[k].roles.append(Mention(span: Span(d.tokens[startRole].span.start, d.tokens[first - 1].span.end), sentence: m.sentence))
            }
        }
        guard !learned.isEmpty else { return }
        // The learned phrases by their words (the first learned of each), and the lengths learned after each
        // first word: a few lookups per token, however many people the document gives the same role.
        var byPhrase: [UInt64: Int] = [:]
        var lengths: [UInt64: [Int]] = [:]
        for (n, l) in learned.enumerated() {
            let key = l.words.reduce(FoldHash.seed, FoldHash.combine)
            if byPhrase[key] == nil { byPhrase[key] = n }
            if lengths[l.words[0]]?.contains(l.words.count) != true { lengths[l.words[0], default: []].append(l.words.count) }
        }
        // Other occurrences of a learned role phrase after a determiner stand for the same person.
        for s in d.sentences where !s.boilerplate {
            let lo = Int(s.tokens.lowerBound), hi = Int(s.tokens.upperBound)
            var i = lo + 1
            while i < hi {
                var matched = false
                if patterns.determiners.contains(info[i - 1].hash), !isVerbInContext(i, count: 1, info, sentenceStart: lo, sentenceEnd: hi) {
                    // The first learned phrase that the words at i spell, of any learned length.
                    var best = Int.max
                    for length in lengths[info[i].hash] ?? [] where length <= hi - i {
                        let words = info[i..<(i + length)].lazy.map(\.hash)
                        if let n = byPhrase[words.reduce(FoldHash.seed, FoldHash.combine)], n < best, learned[n].words.elementsEqual(words) { best = n }
                    }
                    if best != Int.max {
                        let l = learned[best]
                        entities[l.entity].roles.append(Mention(span: Span(d.tokens[i].span.start, d.tokens[i + l.words.count - 1].span.end), sentence: d.tokens[i].sentence))
                        i += l.words.count
                        matched = true
                    }
                }
                if !matched { i += 1 }
            }
        }
    }
}
