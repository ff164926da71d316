/// Names that no lexicon has, typed by the evidence around them: a company suffix or ending ("Bayline Shipping",
/// "Brookline Capital Inc."), a context cue ("l'usine Valmont", "shares of Arlix", "Arlix's chief executive"), an
/// acronym defined in the text ("la Confédération générale du travail (CGT)"), and the other occurrences of a
/// name so found ("Valmont" five times in the article).
extension EntityRecognizer {
    /// Capitalised words closed by an organisation suffix: "Brookline Capital Inc.", "Barratt Developments".
    /// Runs before the lexicon, so that a suffix wins over a first name or a lexicon word inside the name
    /// ("Capital" the magazine); a span that the lexicon names whole is left to the lexicon ("Deutsche Bank").
    func suffixPass(_ start: Int, _ end: Int, _ info: [TokenInfo], _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        var k = start + 1
        while k < end {
            guard isSuffix(k, info) else { k += 1; continue }
            // The name: capitalised words before the suffix (a "&" or "and" may join two of them), at most four.
            var first = k
            var words = 0
            while first - 1 >= start, words < 4, !taken[first - 1], isNameWord(first - 1, info) {
                first -= 1
                words += 1
                if first - 2 >= start, patterns.orgLinks.contains(info[first - 1].hash) || isAmpersand(first - 1, d), isNameWord(first - 2, info) {
                    first -= 1
                }
            }
            guard words > 0 else { k += 1; continue }
            // Further suffixes: "Capital Inc.", "Holdings Ltd".
            var last = k
            while last + 1 < end, isSuffix(last + 1, info) { last += 1 }
            let count = last - first + 1
            if let m = lexiconMatch(at: first, end: end, sentenceStart: start, info, d, Set(found.map(\.key)), taken), m.count >= count {
                k = last + 1
                continue
            }
            add(first, count, .organisation, nil, d, &taken, &found)
            k = last + 1
        }
    }

    /// Places and bodies named by a head that is part of the name: "place Beauvau", "gare Saint-Charles", "prison
    /// de la Santé" (the head before a capitalised name), "Baker Street" (after it).
    func headPass(_ start: Int, _ end: Int, _ info: [TokenInfo], _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        let cues = patterns.cues(language)
        var i = start
        while i < end {
            guard !taken[i], info[i].isWord else { i += 1; continue }
            var h = FoldHash.seed
            var added = false
            for n in 1...patterns.longestCue where i + n < end && !taken[i + n - 1] {
                h = FoldHash.combine(h, info[i + n - 1].hash)
                if let cue = cues.head[h], Int(cue.words) == n, !info[i].allCaps, let tail = orgTail(from: i + n, end, info, d, taken) {
                    add(i, n + tail, cue.type, nil, d, &taken, &found)
                    i += n + tail
                    added = true
                    break
                }
                if let cue = cues.tail[h], Int(cue.words) == n, info[i].capitalised, i > start {
                    var first = i
                    while first - 1 >= start, i - first < 3, !taken[first - 1], isNameWord(first - 1, info) { first -= 1 }
                    if first < i {
                        add(first, i + n - first, cue.type, nil, d, &taken, &found)
                        i += n
                        added = true
                        break
                    }
                }
            }
            if !added { i += 1 }
        }
    }

    /// Names typed by a context cue before or after them ("l'usine Valmont", "Arlix's chief executive").
    /// `counts`: how often each capitalised word is written in the document (weak cues need a name written once).
    func cuePass(_ start: Int, _ end: Int, _ info: [TokenInfo], _ d: Document, _ counts: WordTable<Int32>, _ taken: inout [Bool], _ found: inout [Found]) {
        let cues = patterns.cues(language)
        var i = start
        while i < end {
            guard !taken[i], isCandidate(i, info) else { i += 1; continue }
            // The name: up to three capitalised words.
            var j = i + 1
            while j < end, j - i < 3, !taken[j], isCandidate(j, info), patterns.firstNames[info[j].hash] == nil { j += 1 }
            // A name that opens with a first name is left to the name patterns ("à Jean-Claude Méry").
            if patterns.firstNames[info[i].hash] != nil { i = j; continue }
            var type: EntityType?
            for n in 1...patterns.longestCue where i - n >= start {
                var h = FoldHash.seed
                for t in (i - n)..<i { h = FoldHash.combine(h, info[t].hash) }
                if let cue = cues.before[h], Int(cue.words) == n, !cue.once || j - i == 1 && counts[info[i].hash] == 1,
                   (patterns.role(at: i - n, info, limit: end)?.0 ?? 0) <= n {  // not "président de la République", a role
                    type = cue.type
                }
            }
            if type == nil {
                var h = FoldHash.seed
                for n in 1...patterns.longestCue where j + n <= end {
                    h = FoldHash.combine(h, info[j + n - 1].hash)
                    if let cue = cues.after[h], Int(cue.words) == n { type = cue.type; break }
                }
            }
            if type == nil, j + 1 < end, isComma(j, d) {
                var h = FoldHash.seed
                for n in 1...patterns.longestCue where j + 1 + n <= end {
                    h = FoldHash.combine(h, info[j + n].hash)
                    if let cue = cues.apposition[h], Int(cue.words) == n { type = cue.type; break }
                }
            }
            // A role noun just before: "le juge Arnal", "the senator Brackel".
            if type == nil, i > start, !info[i - 1].capitalised, let (n, _) = patterns.role(at: i - 1, info, limit: i), n == 1 {
                type = .person
            }
            if let type {
                add(i, j - i, type, nil, d, &taken, &found)
            }
            i = j
        }
    }

    /// Acronyms defined in the text: "la Confédération générale du travail (CGT)", "Office for Budget
    /// Responsibility (OBR)". The acronym joins the entity named just before it, or, when the long form was not
    /// found, the long form (its initials spell the acronym) becomes an organisation; later uses of the acronym are
    /// mentions of the same entity.
    func acronymPass(_ info: [TokenInfo], _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        var endsAt = [Int: Int]()  // token after a found name → index in `found`
        for (k, f) in found.enumerated() { endsAt[f.first + f.count] = k }
        var defined = WordTable<Int>()  // acronym hash → index in `found` of its entity
        var removed = Set<Int>()  // indices in `found` of names a long form replaced
        defer { if !removed.isEmpty { found = found.indices.filter { !removed.contains($0) }.map { found[$0] } } }
        var any = false
        for s in d.sentences where !s.boilerplate {
            let lo = Int(s.tokens.lowerBound), hi = Int(s.tokens.upperBound)
            var p = lo + 1
            while p + 2 < hi {
                defer { p += 1 }
                guard isOpenParen(p, d), isCloseParen(p + 2, d), info[p + 1].allCaps, info[p + 1].isWord else { continue }
                let a = p + 1
                let letters = d.utf8[Int(d.tokens[a].span.start)..<Int(d.tokens[a].span.end)]
                guard letters.count >= 2, letters.count <= 8 else { continue }
                var entity: Int?
                if let k = endsAt[p], found[k].type != .person {
                    entity = k
                } else if let n = initialsSpell(Array(letters), before: p, lo, info, d),
                          !found.indices.contains(where: { !removed.contains($0) && found[$0].source == .lexicon && found[$0].first < p && found[$0].first + found[$0].count > p - n }) {
                    // The long form replaces the pattern names found inside it ("la Fédération" alone). They are
                    // set aside and dropped at the end, so that the indices of `found` stay valid meanwhile.
                    for k in found.indices where !removed.contains(k) && found[k].first < p && found[k].first + found[k].count > p - n {
                        removed.insert(k)
                        if endsAt[found[k].first + found[k].count] == k { endsAt[found[k].first + found[k].count] = nil }
                    }
                    for t in (p - n)..<p { taken[t] = false }
                    add(p - n, n, .organisation, nil, d, &taken, &found)
                    entity = found.count - 1
                    endsAt[p] = found.count - 1
                }
                guard let e = entity else { continue }
                defined[info[a].hash] = e
                any = true
                if !taken[a] { addMention(of: e, at: a, &taken, &found) }
            }
        }
        guard any else { return }
        for i in info.indices where !taken[i] && info[i].allCaps && info[i].isWord {
            if let e = defined[info[i].hash] { addMention(of: e, at: i, &taken, &found) }
        }
    }

    /// Other occurrences of the names found by patterns and cues: "Valmont" once typed by "l'usine Valmont" is a
    /// mention wherever it is written again (a capitalised word, not taken).
    func recurrencePass(_ info: [TokenInfo], _ d: Document, _ taken: inout [Bool], _ found: inout [Found]) {
        var byFirst = WordTable<[Int]>()  // first word hash → indices in `found` of pattern names
        var any = false
        for (k, f) in found.enumerated() where f.source == .pattern {
            let h = info[f.first].hash
            byFirst[h] = (byFirst[h] ?? []) + [k]
            any = true
        }
        guard any else { return }
        for s in d.sentences where !s.boilerplate || s.isByline {
            let hi = Int(s.tokens.upperBound)
            var i = Int(s.tokens.lowerBound)
            while i < hi {
                guard !taken[i], info[i].capitalised, let ks = byFirst[info[i].hash] else { i += 1; continue }
                var matched = 0
                var best = 0
                for k in ks where found[k].count <= hi - i && found[k].count > matched {
                    var ok = true
                    for t in 0..<found[k].count where taken[i + t] || info[i + t].hash != info[found[k].first + t].hash { ok = false; break }
                    if ok { matched = found[k].count; best = k }
                }
                if matched > 0 {
                    addMention(of: best, at: i, count: matched, &taken, &found)
                    i += matched
                } else {
                    i += 1
                }
            }
        }
    }

    /// Whether the role noun at `i` (of `count` words) is a verb form there: after an auxiliary ("a prévenu",
    /// "has warned") or before a clause ("prévenu que").
    func isVerbInContext(_ i: Int, count: Int, _ info: [TokenInfo], sentenceStart: Int, sentenceEnd: Int) -> Bool {
        if i > sentenceStart, patterns.auxiliaries.contains(info[i - 1].hash) { return true }
        // "a déjà prévenu", "has already warned": one adverb may stand between.
        if i - 1 > sentenceStart, patterns.auxiliaries.contains(info[i - 2].hash), !info[i - 1].capitalised, patterns.stopwords.contains(info[i - 1].hash) { return true }
        if i + count < sentenceEnd, patterns.complementisers.contains(info[i + count].hash) { return true }
        return false
    }
}

extension EntityRecognizer {
    /// Whether the words [i, i + count) stand in a line written in capitals (a word in capitals next to them):
    /// "UN" there is the French article, not the United Nations.
    func isShouted(_ i: Int, _ count: Int, _ info: [TokenInfo], _ d: Document, _ lo: Int, _ hi: Int) -> Bool {
        func loud(_ k: Int) -> Bool {
            guard info[k].isWord, info[k].allCaps else { return false }
            let span = d.tokens[k].span
            let last = d.utf8[Int(span.end) - 1]
            return span.end - span.start >= 2 && last != 0x27 && last != 0x99  // not an elision ("L'", "L’")
        }
        return (i > lo && loud(i - 1)) || (i + count < hi && loud(i + count))
    }

    /// A head word found alone ("l'Assemblée", "le Conseil") names the one organisation of the document whose
    /// name starts with it ("Assemblée nationale"); with none or several, it stays an entity of its own.
    func joinLoneHeads(_ info: [TokenInfo], _ found: inout [Found]) {
        var byHead = WordTable<Int>()  // first word → index of a longer name, or -1 when several
        for (k, f) in found.enumerated() where f.count >= 2 && f.type == .organisation {
            let h = info[f.first].hash
            if let other = byHead[h], other >= 0, found[other].key != f.key { byHead[h] = -1 } else if byHead[h] == nil { byHead[h] = k }
        }
        for k in found.indices where found[k].count == 1 && found[k].source == .pattern && found[k].type == .organisation
            && patterns.orgHeads.contains(info[found[k].first].hash) {
            if let full = byHead[info[found[k].first].hash], full >= 0 {
                found[k].key = found[full].key
                found[k].name = found[full].name
                found[k].source = found[full].source
            }
        }
    }

    /// Another mention of the referent of `found[k]`, at tokens [i, i + count).
    func addMention(of k: Int, at i: Int, count: Int = 1, _ taken: inout [Bool], _ found: inout [Found]) {
        var f = found[k]
        f.first = i
        f.count = count
        found.append(f)
        for t in i..<(i + count) { taken[t] = true }
    }

    /// An organisation suffix at `k`, capitalised unless listed in lower case ("plc").
    func isSuffix(_ k: Int, _ info: [TokenInfo]) -> Bool {
        info[k].isWord && patterns.orgSuffixes.contains(info[k].hash) && (info[k].capitalised || patterns.lowerOrgSuffixes.contains(info[k].hash))
    }

    /// A capitalised word that can be part of a name: not a function word, not a title or role noun.
    func isNameWord(_ k: Int, _ info: [TokenInfo]) -> Bool {
        let t = info[k]
        return t.isWord && t.capitalised && !patterns.stopwords.contains(t.hash) && patterns.titles[t.hash] == nil && patterns.roles[t.hash] == nil
    }

    /// A capitalised word that may be a name no list has (a letter first, not a function word, role or title).
    func isCandidate(_ k: Int, _ info: [TokenInfo]) -> Bool {
        info[k].upper && isNameWord(k, info) && !patterns.orgHeads.contains(info[k].hash)
    }

    func isAmpersand(_ k: Int, _ d: Document) -> Bool { byte(k, d) == 0x26 && d.tokens[k].span.end - d.tokens[k].span.start == 1 }
    func isComma(_ k: Int, _ d: Document) -> Bool { byte(k, d) == 0x2C }
    func isOpenParen(_ k: Int, _ d: Document) -> Bool { byte(k, d) == 0x28 }
    func isCloseParen(_ k: Int, _ d: Document) -> Bool { byte(k, d) == 0x29 }

    private func byte(_ k: Int, _ d: Document) -> UInt8 { d.utf8[Int(d.tokens[k].span.start)] }

    /// The number of words before `p` whose initials spell `letters` ("Confédération générale du travail" for
    /// "CGT"; function words may be skipped), the first one capitalised; nil if none.
    func initialsSpell(_ letters: [UInt8], before p: Int, _ lo: Int, _ info: [TokenInfo], _ d: Document) -> Int? {
        var want = letters.count - 1
        var k = p - 1
        while k >= lo, p - k <= 12, info[k].isWord {
            let c = d.utf8[Int(d.tokens[k].span.start)]
            let initial = c >= 0x61 && c <= 0x7A ? c - 0x20 : c
            if want >= 0, initial == letters[want] {
                want -= 1
                if want < 0 { return info[k].upper && !patterns.stopwords.contains(info[k].hash) ? p - k : nil }
            } else if !patterns.stopwords.contains(info[k].hash) {
                return nil
            }
            k -= 1
        }
        return nil
    }
}
