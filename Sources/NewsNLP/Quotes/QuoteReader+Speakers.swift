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

    /// The speaker a source names, seen from the quote at `position`: the mention is looked up in the
    /// coreference layer, which ties names, roles, descriptions and pronouns to entities. A speaker is a person,
    /// an organisation or an anonymous human description; a source that names anything else (a place, a thing,
    /// a clause) gives no speaker, so that the context sieves decide.
    func resolve(_ source: Source, position: Int, previous: ArraySlice<Found>) -> (Speaker?, Double) {
        let coref = document.coreference
        switch source {
        case let .name(a, b):
            let span = self.span(a, b - 1)
            if let m = coref.mention(overlapping: span), m.entity >= 0 {
                let e = document.entities[Int(m.entity)]
                guard e.type == .person || e.type == .organisation else { return (nil, 0) }
                return (Speaker(name: e.name, entity: e.id, span: m.kind == .name ? span : m.span), Confidence.name)
            }
            if let e = entity(covering: span) {
                guard e.type == .person || e.type == .organisation else { return (nil, 0) }
                return (Speaker(name: e.name, entity: e.id, span: span), Confidence.name)
            }
            let entry = lexiconEntry(a, b)
            // A capitalised word that no list knows and no first name or title starts is no person
            // ("Premier", a glued "TensionsLe").
            guard entry != nil || personStart(a) || knownName(a, b) || plausibleName(a, b) else { return (nil, 0) }
            let k = personIndex(atOrAfter: Int(span.start))
            for j in [k - 1, k] where j >= 0 && j < persons.count && persons[j].span.overlaps(span) {
                return (Speaker(name: persons[j].name, entity: persons[j].entity, span: span), Confidence.name)
            }
            var (name, _) = nameAndGender(a, b, entry: entry)
            if entry == nil, !name.contains(" "), let full = fullNames[name] { name = full }
            return (Speaker(name: name, entity: documentEntity(entry?.id), span: span), Confidence.unlistedName)
        case let .pronoun(t, c):
            if c.contains(.pronounImpersonal) || c.contains(.cliticImpersonal) {
                // "a-t-on ajouté": the voice of the quote before.
                if let q = previous.last, q.sentence >= sentenceIndex(Int(tokens[t].span.start)) - 2, let sp = q.speaker {
                    return (sp, Confidence.impersonal)
                }
                return (nil, 0)
            }
            if c.contains(.pronounPlural) || c.contains(.cliticPlural) {
                // "développent-ils": the organisation the coreference layer found for it, if any.
                if let m = coref.mention(atToken: t), m.kind == .pronoun, m.entity >= 0 {
                    let e = document.entities[Int(m.entity)]
                    return (Speaker(name: e.name, entity: e.id, span: tokens[t].span), Confidence.group)
                }
                return (nil, 0)
            }
            if let m = coref.mention(atToken: t), m.kind == .pronoun {
                guard m.entity >= 0 else { return (nil, 0) }
                let e = document.entities[Int(m.entity)]
                return (Speaker(name: e.name, entity: e.id, span: tokens[t].span), Confidence.pronoun)
            }
            let gender: Character? = c.contains(.pronounF) || c.contains(.cliticF) ? "f" : (c.contains(.pronounM) || c.contains(.cliticM) ? "m" : nil)
            if let p = nearestPerson(before: Int(tokens[t].span.start), gender: gender) {
                return (Speaker(name: p.name, entity: p.entity, span: tokens[t].span), Confidence.nearestPerson)
            }
            return (nil, 0)
        case let .description(a, b):
            let span = self.span(a, b - 1)
            guard let m = coref.mention(overlapping: span) else {
                // No human head noun: "la mise", "une réforme du Cese" are no speakers.
                return (nil, 0)
            }
            if m.entity >= 0 {
                let e = document.entities[Int(m.entity)]
                guard e.type == .person || e.type == .organisation else { return (nil, 0) }
                return (Speaker(name: e.name, entity: e.id, span: m.span), m.kind == .name ? Confidence.name : Confidence.description)
            }
            guard m.human else { return (nil, 0) }
            // "le démocrate": the person of that party in the document.
            if let p = partyMember(Int(m.tokens.upperBound) - 1) { return (Speaker(name: p.name, entity: p.entity, span: m.span), Confidence.party) }
            return (Speaker(name: wordsText(Int(m.tokens.lowerBound), Int(m.tokens.upperBound)), entity: nil, span: m.span), Confidence.anonymous)
        }
    }

    /// Capitalised words that can be a surname: no role or title word, no function word, no place the entity
    /// layer knows, and no word glued to another sentence ("TensionsLe").
    func plausibleName(_ a: Int, _ b: Int) -> Bool {
        for t in a..<b {
            guard tokens[t].kind == .word, isCapitalised(t), !isFunctionWord(t) else { return false }
            if corefLex.roles[keys[t]] != nil || corefLex.titles[keys[t]] != nil { return false }
            // A capital inside the word after lower-case letters: two words glued together.
            var sawLower = false
            var i = Int(tokens[t].span.start)
            while i < Int(tokens[t].span.end) {
                let (c, l) = text.scalar(at: i)
                if c.properties.isLowercase { sawLower = true } else if sawLower && c.properties.isUppercase && !(i > 0 && text[i - 1] == 0x2D) && !isMacPrefix(t, i) { return false }
                i += l
            }
        }
        return true
    }

    /// "McFaul", "MacArthur": a capital after "Mc" or "Mac" is part of the name.
    func isMacPrefix(_ t: Int, _ i: Int) -> Bool {
        let s = Int(tokens[t].span.start)
        return (i - s == 2 && text[s] == 0x4D && text[s + 1] == 0x63) || (i - s == 3 && text[s] == 0x4D && text[s + 1] == 0x61 && text[s + 2] == 0x63)
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
        return index.entity(id: id) != nil ? id : nil
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

    /// Gives every quote its speaker, by sieves from the most to the least precise, each leaving what it cannot
    /// decide to the next: the quote's own cue (incise, cue before it, colon, "selon X"), the other quotes of its
    /// sentence, a later quote that a heading echoes, the subject of the sentence that frames a partial quote,
    /// and the quote before that it continues (in its paragraph, or reopened at the start of the next).
    mutating func resolveFromContext(_ found: inout [Found]) {
        for k in found.indices {
            guard let src = found[k].source else { continue }
            let (sp, conf) = resolve(src, position: Int(found[k].span.start), previous: found[..<k])
            found[k].speaker = sp
            if sp != nil { found[k].confidence = min(found[k].confidence, conf) }
        }
        // Quotes of one sentence share their speaker ("« A », « B », a estimé X").
        for k in found.indices where found[k].speaker == nil {
            let s = found[k].sentence
            let window = max(0, k - 12)..<min(found.count, k + 13)
            if let other = window.filter({ found[$0].sentence == s && found[$0].speaker != nil && found[$0].source != nil })
                .min(by: { abs($0 - k) < abs($1 - k) || (abs($0 - k) == abs($1 - k) && $0 > $1) }) {
                found[k].speaker = found[other].speaker
                found[k].confidence = min(found[k].confidence, Confidence.sameSentence)
            }
        }
        // A heading or an intertitle that echoes another quote.
        let folded = found.map { Folding.fold(document.utf8, $0.span) }
        for k in found.indices where found[k].speaker == nil && found[k].bare {
            // One word echoes only from a heading, and only as a whole word of at least four letters ("Sage",
            // "sectaire" : les réactions …).
            let single = words(in: found[k].span) < 2
            guard !single || (sentences[found[k].sentence].isHeading && folded[k].utf8.count >= 4) else { continue }
            // Within the same article-sized stretch of quotes.
            let window = max(0, k - 60)..<min(found.count, k + 61)
            if let j = window.first(where: { $0 != k && found[$0].speaker != nil && Self.bytes(of: folded[$0], contain: folded[k], wholeWord: single) }) {
                found[k].speaker = found[j].speaker
                found[k].echo = j
                found[k].confidence = min(found[k].confidence, Confidence.echo)
            }
        }
        // A quote that opens its paragraph after one that ends in a colon: "Caddell continued:" ¶ "…".
        for k in found.indices where found[k].speaker == nil && found[k].bare && startsParagraph(found[k]) {
            let s = found[k].sentence
            guard s > 0 else { continue }
            let prev = tokenRange(s - 1)
            guard prev.count >= 2, isPunct(prev.upperBound - 1, 0x3A) else { continue }
            if let src = subjectBefore(prev.upperBound - 1, floor: prev.lowerBound) {
                let (sp, conf) = resolve(src, position: Int(found[k].span.start), previous: found[..<k])
                if let sp {
                    found[k].speaker = sp
                    found[k].confidence = min(found[k].confidence, conf, Confidence.colon)
                }
            }
        }
        // A partial quote built into a sentence that names no cue: the sentence's subject speaks
        // ("X a jugé la réponse « … »", "Si X « comprend » …").
        for k in found.indices where found[k].speaker == nil && !found[k].bare && !sentences[found[k].sentence].isHeading {
            if let (sp, _) = sentenceSubject(found[k].sentence, before: Int(found[k].span.start)) {
                found[k].speaker = sp
                found[k].confidence = min(found[k].confidence, Confidence.subject)
            }
        }
        // A quote with no cue of its own continues the quote before it: in its paragraph, or at the start of the
        // next one (a quote reopened, an answer in an interview), unless its sentence names someone else.
        for k in found.indices where found[k].speaker == nil && !sentences[found[k].sentence].isHeading {
            guard k > 0, let sp = found[k - 1].speaker else { continue }
            let s = found[k].sentence, p = found[k - 1].sentence
            let samePara = sentences[s].paragraph == sentences[p].paragraph
            let nextPara = sentences[s].paragraph == sentences[p].paragraph + 1 && found[k].bare && startsParagraph(found[k])
            guard samePara && s - p <= 3 || nextPara else { continue }
            guard !sentenceNamesSomeone(s, except: found[k].span) else { continue }
            found[k].speaker = sp
            found[k].confidence = min(found[k].confidence, Confidence.continuation)
        }
        for k in found.indices where found[k].speaker == nil { found[k].confidence = min(found[k].confidence, Confidence.none) }
    }

    /// The quote opens its paragraph (only quote marks or spaces before it).
    func startsParagraph(_ f: Found) -> Bool {
        let s = f.sentence
        guard s == 0 || sentences[s - 1].paragraph != sentences[s].paragraph else { return false }
        var t = Int(sentences[s].tokens.lowerBound)
        while t < tokens.count && tokens[t].span.end <= f.span.start {
            if !isQuoteMark(t) && tokens[t].kind != .punctuation { return false }
            t += 1
        }
        return true
    }

    /// The subject of sentence `s` before `offset`: its first mention of a person, an organisation, a human
    /// description or a resolved pronoun that is not the complement of a preposition and lies outside quotes.
    func sentenceSubject(_ s: Int, before offset: Int) -> (Speaker, Double)? {
        let range = tokenRange(s)
        guard !range.isEmpty else { return nil }
        let coref = document.coreference
        var t = range.lowerBound
        while t < range.upperBound && Int(tokens[t].span.start) < offset {
            guard let m = coref.mention(atToken: t) else { t += 1; continue }
            let a = Int(m.tokens.lowerBound)
            t = max(t + 1, Int(m.tokens.upperBound))
            if isInside(m.span, quoted, overlapping: true) { continue }
            if a > range.lowerBound && (has(a - 1, .preposition) || (has(a - 1, .determiner) && a - 2 >= range.lowerBound && has(a - 2, .preposition))) { continue }
            if m.entity >= 0 {
                let e = document.entities[Int(m.entity)]
                guard e.type == .person || e.type == .organisation else { continue }
                return (Speaker(name: e.name, entity: e.id, span: m.span), Confidence.subject)
            }
            if m.kind == .description && m.human {
                return (Speaker(name: wordsText(a, Int(m.tokens.upperBound)), entity: nil, span: m.span), Confidence.subject)
            }
        }
        return nil
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
    static func bytes(of haystack: String, contain needle: String, wholeWord: Bool = false) -> Bool {
        let h = haystack.utf8, n = needle.utf8
        guard let first = n.first else { return true }
        guard h.count >= n.count else { return false }
        // A letter or digit, any byte of a multi-byte character counting as a letter.
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        var i = h.startIndex
        let last = h.index(h.endIndex, offsetBy: -n.count)
        while i <= last {
            if h[i] == first && h[i...].starts(with: n) {
                if !wholeWord { return true }
                let end = h.index(i, offsetBy: n.count)
                let before = i == h.startIndex || !isWordByte(h[h.index(before: i)])
                let after = end == h.endIndex || !isWordByte(h[end])
                if before && after { return true }
            }
            i = h.index(after: i)
        }
        return false
    }
}
