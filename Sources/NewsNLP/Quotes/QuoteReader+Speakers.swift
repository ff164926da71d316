/// Turning what points to a speaker (a name, a pronoun, a description) into a `Speaker`.
extension QuoteReader {
    /// Person mentions: the entity layer's, then names the text itself marks as people (a title or a first name
    /// before a capitalised word, a known name), outside quotes.
    mutating func collectPersons() {
        var out: [PersonMention] = []
        var covered: [Span] = []
        for e in document.entities where e.type == .person {
            for m in e.mentions {
                let t = token(atOrAfter: Int(m.span.start))
                out.append(PersonMention(span: m.span, token: t, sentence: Int(m.sentence), name: e.name, entity: e.id, gender: e.gender))
                covered.append(m.span)
            }
        }
        for (s, sentence) in sentences.enumerated() where !sentence.boilerplate {
            let range = tokenRange(s)
            guard !range.isEmpty else { continue }
            var t = range.lowerBound
            while t < range.upperBound {
                guard isCapitalised(t), !isFunctionWord(t) || isTitle(t) else { t += 1; continue }
                guard let e = nameRun(at: t, last: range.upperBound - 1) else { t += 1; continue }
                let span = Span(tokens[t].span.start, tokens[e - 1].span.end)
                if isInside(span, covered, overlapping: true) || isInside(span, quoted, overlapping: false) { t = e; continue }
                let entry = lexiconEntry(t, e)
                if (e - t >= 2 && personStart(t)) || entry?.type == .person {
                    let (name, gender) = nameAndGender(t, e, entry: entry)
                    out.append(PersonMention(span: span, token: t, sentence: s, name: name, entity: nil, gender: gender))
                }
                t = e
            }
        }
        out.sort { $0.span.start < $1.span.start }
        covered.sort()
        // "M. Alauzet" after "Eric Alauzet": the full name.
        var full: [String: PersonMention] = [:]
        for p in out where p.name.contains(" ") {
            if let last = p.name.split(separator: " ").last.map(String.init), full[last] == nil { full[last] = p }
        }
        for k in out.indices {
            out[k].inQuote = isInside(out[k].span, quoted, overlapping: false)
            if out[k].entity == nil && !out[k].name.contains(" "), let f = full[out[k].name] {
                out[k].name = f.name
                out[k].entity = f.entity
                if out[k].gender == nil { out[k].gender = f.gender }
            }
            if let g = out[k].gender, genders[out[k].name] == nil { genders[out[k].name] = g }
            mentionTokens[out[k].name, default: []].append(out[k].token)
        }
        fullNames = full.mapValues(\.name)
        persons = out
        var seen: [String: SpeakerLexicon.Entry?] = [:]
        for (k, p) in out.enumerated() {
            let entry = seen[p.name] ?? speakers.byKey[WordKey.of(p.name)].map { speakers.entries[$0] }
            seen[p.name] = entry
            guard let entry, entry.type == .person else { continue }
            for w in entry.affiliation where w != "parti" { affiliated[w, default: []].append(k) }
        }
    }

    /// Whether `span` lies inside (or overlaps) one of `spans`, sorted by start.
    /// - Complexity: O(log n) for spans that nest little.
    func isInside(_ span: Span, _ spans: [Span], overlapping: Bool) -> Bool {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].start <= span.start { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        var looked = 0
        while k >= 0 && looked < 8 {
            if overlapping ? spans[k].overlaps(span) : spans[k].contains(span) { return true }
            k -= 1; looked += 1
        }
        if overlapping && lo < spans.count && spans[lo].overlaps(span) { return true }
        return false
    }

    /// A quote of the document ends just before `offset` (its closing mark is there).
    func quoteEnds(before offset: Int) -> Bool {
        var lo = 0, hi = quoted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(quoted[mid].start) < offset { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1, looked = 0
        while k >= 0 && looked < 8 {
            if Int(quoted[k].end) <= offset && Int(quoted[k].end) + 4 >= offset { return true }
            k -= 1; looked += 1
        }
        return false
    }

    /// The index of the first person mention that starts at or after `offset`.
    func personIndex(atOrAfter offset: Int) -> Int {
        Self.firstIndex(persons.count) { Int(persons[$0].span.start) >= offset }
    }

    func lexiconEntry(_ a: Int, _ b: Int) -> SpeakerLexicon.Entry? {
        var a = a
        if isTitle(a) && b > a + 1 { a += 1 }
        if let i = speakers.byKey[WordKey.of(text, Int(tokens[a].span.start), Int(tokens[b - 1].span.end))] { return speakers.entries[i] }
        return nil
    }

    /// The canonical name of a name run and its gender (lexicon, title, first name).
    func nameAndGender(_ a: Int, _ b: Int, entry: SpeakerLexicon.Entry?) -> (String, Character?) {
        var gender: Character? = entry?.gender
        var start = a
        if isTitle(a) {
            if gender == nil, let g = lex.titles[keys[a]] { gender = g }
            if b > a + 1 { start = a + 1 }
        }
        if gender == nil, let g = firstNames.gender[keys[start]] { gender = g }
        if let entry { return (entry.name, gender) }
        return (string(start, b), gender)
    }

    /// The speaker a source names, seen from the quote at `position`.
    func resolve(_ source: Source, position: Int, previous: ArraySlice<Found>) -> (Speaker?, Double) {
        switch source {
        case let .name(a, b):
            let span = self.span(a, b - 1)
            if let e = entity(covering: span) { return (Speaker(name: e.name, entity: e.id, span: span), 0.9) }
            let k = personIndex(atOrAfter: Int(span.start))
            for j in [k - 1, k] where j >= 0 && j < persons.count && persons[j].span.overlaps(span) {
                return (Speaker(name: persons[j].name, entity: persons[j].entity, span: span), 0.9)
            }
            let entry = lexiconEntry(a, b)
            var (name, _) = nameAndGender(a, b, entry: entry)
            if entry == nil, !name.contains(" "), let full = fullNames[name] { name = full }
            return (Speaker(name: name, entity: documentEntity(entry?.id), span: span), 0.85)
        case let .pronoun(t, c):
            if c.contains(.pronounImpersonal) || c.contains(.cliticImpersonal) {
                // "a-t-on ajouté": the voice of the quote before.
                if let q = previous.last, q.sentence >= sentenceIndex(Int(tokens[t].span.start)) - 2, let sp = q.speaker {
                    return (sp, 0.6)
                }
                return (nil, 0.5)
            }
            if c.contains(.pronounPlural) || c.contains(.cliticPlural) { return (nil, 0.5) }
            let gender: Character? = c.contains(.pronounF) || c.contains(.cliticF) ? "f" : (c.contains(.pronounM) || c.contains(.cliticM) ? "m" : nil)
            if let p = nearestPerson(before: Int(tokens[t].span.start), gender: gender) {
                return (Speaker(name: p.name, entity: p.entity ?? documentEntity(nil), span: p.span), 0.8)
            }
            return (nil, 0.5)
        case let .description(a, b):
            let span = self.span(a, b - 1)
            // The entity layer tied this role noun to an entity.
            for e in document.entities where e.type == .person || e.type == .organisation {
                if e.roles.contains(where: { $0.span.overlaps(span) }) { return (Speaker(name: e.name, entity: e.id, span: span), 0.8) }
            }
            // "le démocrate": the person of that party in the document.
            if let p = partyMember(b - 1) { return (Speaker(name: p.name, entity: p.entity, span: span), 0.75) }
            // "le président du Sénat", "l'ex-ministre": the person spoken of just before.
            let definite = has(a, .determiner) && (keys[a] == WordKey.of("le") || keys[a] == WordKey.of("la") || keys[a] == WordKey.of("l'") || keys[a] == WordKey.of("the"))
            if definite, let gender = roleGender(a + 1, b) {
                let s = sentenceIndex(Int(span.start))
                let g: Character? = gender == "u" ? nil : gender
                // Only a person the text ties to this role ("le député LREM du Doubs Eric Alauzet").
                let head = roleHead(a + 1, b)
                var recent: Found?
                for q in previous.reversed() {
                    if q.sentence < s - 3 { break }
                    if q.speaker != nil { recent = q; break }
                }
                if let q = recent, let sp = q.speaker, compatible(sp, g), roleTied(head, to: sp.name, outside: span) {
                    return (Speaker(name: sp.name, entity: sp.entity, span: span), 0.7)
                }
                if let p = nearestPerson(before: Int(span.start), gender: g), p.sentence >= s - 3, roleTied(head, to: p.name, outside: span) {
                    return (Speaker(name: p.name, entity: p.entity, span: span), 0.65)
                }
            }
            return (Speaker(name: wordsText(a, b), entity: nil, span: span), 0.7)
        }
    }

    /// The words of tokens [a, b), quote marks left out.
    func wordsText(_ a: Int, _ b: Int) -> String {
        var out = ""
        for t in a..<b where !isQuoteMark(t) {
            if !out.isEmpty && t > a && tokens[t].span.start > tokens[t - 1].span.end { out += " " }
            else if !out.isEmpty && t > a && isQuoteMark(t - 1) { out += " " }
            out += string(t, t + 1)
        }
        return out
    }

    func documentEntity(_ id: String?) -> String? {
        guard let id else { return nil }
        return document.entities.contains(where: { $0.id == id }) ? id : nil
    }

    /// The first role word of a description.
    func roleHead(_ a: Int, _ b: Int) -> UInt64? {
        for t in a..<b where lex.roles[keys[t]] != nil || (tokens[t].span.length > 3 && text[Int(tokens[t].span.start) + 2] == 0x2D) { return keys[t] }
        return nil
    }

    /// The role word stands next to a mention of the person elsewhere, or the entity layer tied it to them.
    func roleTied(_ head: UInt64?, to name: String, outside span: Span) -> Bool {
        guard let head else { return false }
        for e in document.entities where e.name == name {
            for r in e.roles where !r.span.overlaps(span) {
                let t = token(atOrAfter: Int(r.span.start))
                var u = t
                while u < tokens.count && tokens[u].span.end <= r.span.end { if keys[u] == head { return true }; u += 1 }
            }
        }
        for token in mentionTokens[name] ?? [] {
            let lo = max(0, token - 6), hi = min(tokens.count, token + 8)
            for t in lo..<hi where keys[t] == head && !span.contains(tokens[t].span) { return true }
        }
        // The entity lexicon lists the role for this person ("secrétaire général de la CFDT").
        if let i = speakers.byKey[WordKey.of(name)] { return speakers.entries[i].roleHeads.contains(head) }
        return false
    }

    func compatible(_ sp: Speaker, _ g: Character?) -> Bool {
        guard let g else { return true }
        if let pg = genders[sp.name] { return pg == g }
        return true
    }

    /// The gender of the role noun that starts at `a`, "u" when epicene; nil when the words name no role.
    func roleGender(_ a: Int, _ b: Int) -> Character? {
        var t = a
        while t < b {
            if let candidates = lex.roles[keys[t]] {
                for r in candidates where t + r.words.count <= b {
                    var ok = true
                    for (k, w) in r.words.enumerated() where keys[t + k] != w { ok = false; break }
                    if ok { return r.gender ?? "u" }
                }
            }
            let s = Int(tokens[t].span.start)
            if tokens[t].span.length > 3 && (text[s] == 0x65 || text[s] == 0x45) && text[s + 1] == 0x78 && text[s + 2] == 0x2D { return "u" } // "ex-"
            t += 1
        }
        return nil
    }

    /// The nearest person mentioned before `offset`, outside quotes, of a compatible gender.
    func nearestPerson(before offset: Int, gender: Character?) -> PersonMention? {
        var k = personIndex(atOrAfter: offset) - 1
        while k >= 0 {
            let p = persons[k]
            if !p.inQuote && (gender == nil || p.gender == nil || p.gender == gender) { return p }
            k -= 1
        }
        return nil
    }

    /// A party noun ("démocrate", "républicain") naming a person of the document with that affiliation.
    func partyMember(_ t: Int) -> PersonMention? {
        guard isLowerWord(t), tokens[t].span.length >= 5 else { return nil }
        let word = Folding.fold(document.utf8, tokens[t].span)
        guard word != "parti" else { return nil }
        // The last one mentioned before, or else the first one after.
        guard let list = affiliated[word], !list.isEmpty else { return nil }
        let before = list.last { persons[$0].span.start < tokens[t].span.start }
        return persons[before ?? list[0]]
    }

    /// Gives every quote its speaker: its own cue first, then the other quotes of its sentence, a later quote
    /// it echoes (a heading), and the quote of the sentence before that it continues.
    mutating func resolveFromContext(_ found: inout [Found]) {
        for k in found.indices {
            guard let src = found[k].source else { continue }
            let (sp, conf) = resolve(src, position: Int(found[k].span.start), previous: found[..<k])
            found[k].speaker = sp
            found[k].confidence = min(found[k].confidence, conf)
        }
        // Quotes of one sentence share their speaker ("« A », « B », a estimé X").
        for k in found.indices where found[k].speaker == nil && found[k].source == nil {
            let s = found[k].sentence
            let window = max(0, k - 12)..<min(found.count, k + 13)
            if let other = window.filter({ found[$0].sentence == s && found[$0].speaker != nil })
                .min(by: { abs($0 - k) < abs($1 - k) || (abs($0 - k) == abs($1 - k) && $0 > $1) }) {
                found[k].speaker = found[other].speaker
                found[k].cue = found[k].cue ?? nil
                found[k].confidence = min(found[k].confidence, 0.7)
            }
        }
        // A heading or an intertitle that echoes another quote.
        let folded = found.map { Folding.fold(document.utf8, $0.span) }
        for k in found.indices where found[k].speaker == nil && found[k].bare {
            guard words(in: found[k].span) >= 2 else { continue }
            // Within the same article-sized stretch of quotes.
            let window = max(0, k - 60)..<min(found.count, k + 61)
            if let j = window.first(where: { $0 != k && found[$0].speaker != nil && Self.bytes(of: folded[$0], contain: folded[k]) }) {
                found[k].speaker = found[j].speaker
                found[k].confidence = min(found[k].confidence, 0.7)
            }
        }
        // A quote standing alone after a quoted sentence continues it.
        for k in found.indices where found[k].speaker == nil && found[k].bare && !sentences[found[k].sentence].isHeading {
            guard k > 0, let sp = found[k - 1].speaker else { continue }
            let s = found[k].sentence, p = found[k - 1].sentence
            if s - p <= 1 && sentences[s].paragraph == sentences[p].paragraph && !sentenceNamesSomeone(s, except: found[k].span) {
                found[k].speaker = sp
                found[k].confidence = min(found[k].confidence, 0.6)
            }
        }
        for k in found.indices where found[k].speaker == nil { found[k].confidence = min(found[k].confidence, 0.5) }
    }

    func sentenceNamesSomeone(_ s: Int, except span: Span) -> Bool {
        var k = personIndex(atOrAfter: Int(sentences[s].span.start))
        while k < persons.count && persons[k].sentence == s {
            if !span.contains(persons[k].span) { return true }
            k += 1
        }
        return false
    }
}

extension QuoteReader {
    /// Whether `needle` occurs in `haystack`, compared byte by byte (both folded; the standard library's
    /// generic `contains` is many times slower on every call).
    static func bytes(of haystack: String, contain needle: String) -> Bool {
        let h = haystack.utf8, n = needle.utf8
        guard let first = n.first else { return true }
        guard h.count >= n.count else { return false }
        var i = h.startIndex
        let last = h.index(h.endIndex, offsetBy: -n.count)
        while i <= last {
            if h[i] == first && h[i...].starts(with: n) { return true }
            i = h.index(after: i)
        }
        return false
    }
}
