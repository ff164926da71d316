/// Reads one document's quotes: which marked spans are speech, their kind, cue and speaker, and the indirect
/// speech around them. Works on token indices and UTF-8 offsets; strings are made only for names it reports.
struct QuoteReader {
    let text: UnsafeBufferPointer<UInt8>
    let document: Document
    let tokens: [Token]
    let sentences: [Sentence]
    let lex: QuoteLexicon
    let firstNames: FirstNames
    let speakers: SpeakerLexicon
    /// Role nouns and titles, to tell a name from a role word.
    let corefLex: CorefLexicon
    /// Spans to entities, built once per document (no scan of the entities per lookup).
    let index: SpanIndex
    /// The `WordKey` of every token.
    let keys: [UInt64]
    /// Person mentions in document order (entities first, names found in the text otherwise).
    var persons: [PersonMention] = []
    /// Full names by their last word ("Alauzet" → "Eric Alauzet"), and genders and mention tokens by name.
    var fullNames: [String: String] = [:]
    var genders: [String: Character] = [:]
    var mentionTokens: [String: [Int]] = [:]
    /// Person mentions (indices) by the folded words of their party or country ("democrate").
    var affiliated: [String: [Int]] = [:]
    /// Spans of accepted quote contents: names inside them are not speakers.
    var quoted: [Span] = []

    typealias C = QuoteLexicon.WordClass

    struct PersonMention {
        var span: Span
        var token: Int
        var sentence: Int
        var name: String
        var entity: String?
        var gender: Character?
        var inQuote = false
    }

    /// What points to a quote's speaker.
    enum Source {
        case name(Int, Int)             // tokens [start, end)
        case pronoun(Int, C)            // token, class
        case description(Int, Int)      // tokens [start, end)
    }

    struct Found {
        var kind: QuoteKind
        var span: Span
        var sentence: Int
        var cue: Span?
        var source: Source?
        var speaker: Speaker?
        var confidence: Double
        /// The quote stands at the start of its sentence with no cue of its own.
        var bare: Bool
        /// Cue and speaker of an incise inside the quote marks ("« A, a-t-il dit, B »").
        var inner: (cue: Span, source: Source?)? = nil
        /// The quote a heading echoes (an index into the found quotes), if any.
        var echo: Int? = nil
        /// An interview's answer: its speaker is the interviewee, found once for the document.
        var interview = false
    }

    /// How sure each sieve is of the speaker it gives.
    enum Confidence {
        static let name = 0.9
        static let unlistedName = 0.85
        static let pronoun = 0.8
        static let description = 0.75
        static let party = 0.75
        static let anonymous = 0.7
        static let sameSentence = 0.7
        static let echo = 0.7
        static let subject = 0.65
        static let colon = 0.75
        static let group = 0.6
        static let impersonal = 0.6
        static let continuation = 0.6
        static let interview = 0.7
        static let nearestPerson = 0.55
        static let none = 0.5
    }

    init(text: UnsafeBufferPointer<UInt8>, document: Document, lexicon: QuoteLexicon, firstNames: FirstNames, speakers: SpeakerLexicon, roles: CorefLexicon) {
        self.corefLex = roles
        self.index = SpanIndex(document)
        self.text = text
        self.document = document
        self.tokens = document.tokens
        self.sentences = document.sentences
        self.lex = lexicon
        self.firstNames = firstNames
        self.speakers = speakers
        if document.coreference.tokenKeys.count == document.tokens.count {
            self.keys = document.coreference.tokenKeys  // keyed once by the coreference pass
        } else {
            var keys = [UInt64](repeating: 0, count: document.tokens.count)
            for (i, t) in document.tokens.enumerated() { keys[i] = WordKey.of(text, Int(t.span.start), Int(t.span.end)) }
            self.keys = keys
        }
    }

    mutating func read() -> [Quote] {
        let marked = QuoteMarks.scan(text, paragraphs: paragraphs(), sentenceStart: { [sentences] offset in
            Int(sentences[QuoteReader.sentenceIndex(sentences, offset)].span.start)
        })
        var found: [Found] = []
        for m in marked {
            let s = sentenceIndex(Int(m.content.start))
            if sentences[s].boilerplate { continue }
            guard let f = classify(m, sentence: s, accepted: found) else { continue }
            found.append(contentsOf: splitAtIncise(f))
        }
        let answers = interviewAnswers(besides: found)
        if !answers.isEmpty {
            found += answers
            found.sort { $0.span.start < $1.span.start }
        }
        quoted = found.map(\.span)
        collectPersons()
        for k in found.indices where !found[k].interview {
            var f = found[k]
            attribute(&f, index: k, all: found)
            found[k] = f
        }
        resolveFromContext(&found)
        var quotes = found.map { f -> Quote in
            Quote(kind: f.kind, span: f.span, speaker: f.speaker, cue: f.cue, confidence: f.confidence)
        }
        quotes += indirectSpeech(besides: found)
        quotes.sort { $0.span.start < $1.span.start }
        // Echoes point at the echoed quote's place in the final, sorted list.
        var place: [Span: Int] = [:]
        for (k, q) in quotes.enumerated() where place[q.span] == nil { place[q.span] = k }
        for f in found {
            guard let j = f.echo, let k = place[f.span], let target = place[found[j].span] else { continue }
            quotes[k].echoes = target
        }
        return quotes
    }
}

// MARK: - Tokens and words

extension QuoteReader {
    static func sentenceIndex(_ sentences: [Sentence], _ offset: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(sentences[mid].span.start) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func sentenceIndex(_ offset: Int) -> Int { Self.sentenceIndex(sentences, offset) }

    /// The first token that starts at or after `offset`.
    func token(atOrAfter offset: Int) -> Int {
        Self.firstIndex(tokens.count) { Int(tokens[$0].span.start) >= offset }
    }

    /// The first index in 0..<count where `isAtOrAfter` holds, for a predicate that is false then true
    /// (binary search over spans sorted by start).
    static func firstIndex(_ count: Int, _ isAtOrAfter: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isAtOrAfter(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The paragraphs as byte ranges, from the sentences' paragraph numbers.
    func paragraphs() -> [Span] { Self.paragraphs(of: sentences) }

    /// The paragraphs of these sentences as byte ranges, from their paragraph numbers.
    static func paragraphs(of sentences: [Sentence]) -> [Span] {
        var out: [Span] = []
        var current: Int32 = -1
        for s in sentences {
            if out.isEmpty || s.paragraph != current {
                out.append(s.span)
                current = s.paragraph
            } else {
                out[out.count - 1].end = s.span.end
            }
        }
        return out
    }

    func tokenRange(_ s: Int) -> Range<Int> { Int(sentences[s].tokens.lowerBound)..<Int(sentences[s].tokens.upperBound) }

    @inline(__always) func has(_ t: Int, _ c: C) -> Bool { lex.has(keys[t], c) }

    @inline(__always) func isWord(_ t: Int) -> Bool { tokens[t].kind == .word || tokens[t].kind == .number || tokens[t].kind == .mention }

    @inline(__always) func firstByte(_ t: Int) -> UInt8 { text[Int(tokens[t].span.start)] }

    /// A punctuation token made of this one ASCII character.
    @inline(__always) func isPunct(_ t: Int, _ c: UInt8) -> Bool {
        tokens[t].kind == .punctuation && tokens[t].span.length == 1 && firstByte(t) == c
    }

    func isQuoteMark(_ t: Int) -> Bool {
        guard tokens[t].kind == .punctuation else { return false }
        let (c, _) = text.scalar(at: Int(tokens[t].span.start))
        switch c.value {
        case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A: return true
        case 0x27, 0x60: return tokens[t].span.length == 2  // '' and ``
        default: return false
        }
    }

    func isCapitalised(_ t: Int) -> Bool {
        guard tokens[t].kind == .word || tokens[t].kind == .mention else { return false }
        let (c, _) = text.scalar(at: Int(tokens[t].span.start))
        return c.isUpper
    }

    func isLowerWord(_ t: Int) -> Bool {
        guard tokens[t].kind == .word else { return false }
        let (c, _) = text.scalar(at: Int(tokens[t].span.start))
        return c.isLower
    }

    /// Function words: never the start of a name.
    func isFunctionWord(_ t: Int) -> Bool {
        has(t, [.determiner, .preposition, .conjunction, .pronoun, .stop, .complementizer, .attribution, .negation, .auxiliary, .be])
    }

    func string(_ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[Int(tokens[a].span.start)..<Int(tokens[b - 1].span.end)]), as: UTF8.self)
    }

    func words(in span: Span) -> Int {
        var n = 0
        var t = token(atOrAfter: Int(span.start))
        if t > 0 && tokens[t - 1].span.end > span.start { t -= 1 }
        while t < tokens.count && tokens[t].span.start < span.end {
            if isWord(t) { n += 1 }
            t += 1
        }
        return n
    }
}

// MARK: - Speech verbs and cues

extension QuoteReader {
    /// The speech verb at token `t`, if it is one used as a verb here: its last token and its form.
    func speechVerb(at t: Int, first: Int) -> (end: Int, form: QuoteLexicon.VerbForm)? {
        guard tokens[t].kind == .word else { return nil }
        var result: (Int, QuoteLexicon.VerbForm)?
        if let phrases = lex.phrases[keys[t]] {
            for p in phrases where t + p.words.count <= tokens.count {
                var ok = true
                for (k, w) in p.words.enumerated() where keys[t + k] != w { ok = false; break }
                if ok { result = (t + p.words.count - 1, p.form); break }
            }
        }
        if result == nil, let v = lex.verbs[keys[t]] { result = (t, v) }
        guard let (end, form) = result else { return nil }
        if t > first {
            let p = t - 1
            // "la critique", "une note": a noun.
            if has(p, .determiner) && !has(p, .reflexive) && !has(p, .objectArticle) { return nil }
            if has(p, .definite) && !isClitic(before: p) { return nil }
        }
        // A pronominal verb needs its reflexive pronoun; a passive ("a été confiée") is no cue.
        var reflexive = false, passive = false
        var p = t - 1
        while p >= first && p >= t - 4 {
            if has(p, .reflexive) { reflexive = true; break }
            if has(p, .be) { passive = true }
            else if !(has(p, .auxiliary) || has(p, .negation) || has(p, .clitic) || has(p, .pronoun) || has(p, .object)) { break }
            p -= 1
        }
        if !form.plain && !reflexive { return nil }
        if passive && !reflexive { return nil }
        return (end, form)
    }

    var lexLanguageIsFrench: Bool { document.language == .french }

    /// "le", "la", "les" can be object pronouns before a verb ("il le dit"): true when a subject pronoun precedes.
    func isClitic(before p: Int) -> Bool {
        p > 0 && has(p - 1, [.pronoun, .negation, .reflexive])
    }

    /// The verb group around a speech verb: auxiliaries, reflexive and negation before it, an inverted subject
    /// pronoun inside or after it, and "essayait de" before an infinitive. Returns tokens [start, end] and the
    /// inverted pronoun's token, if any.
    func cueGroup(verb t: Int, end e: Int, first: Int, last: Int) -> (start: Int, end: Int, clitic: Int?) {
        var s = t
        var clitic: Int?
        while s - 1 >= first {
            let p = s - 1
            if has(p, [.auxiliary, .be, .reflexive, .negation]) { s = p; continue }
            if has(p, .clitic) { clitic = p; s = p; continue }
            // An adverb between the auxiliary and the participle ("ont aussitôt dénoncé").
            if s == t, p - 1 >= first, isLowerWord(p), !isFunctionWord(p), has(p - 1, [.auxiliary, .clitic]) { s = p; continue }
            // "essayait de justifier", "tente de minimiser".
            if s == t, p - 1 >= first, has(p, .infinitive), isLowerWord(p - 1), !isFunctionWord(p - 1) {
                s = p - 1
                continue
            }
            break
        }
        var end = e
        if end + 1 <= last && has(end + 1, .clitic) { end += 1; clitic = end }
        if let c = clitic, !has(c, .clitic) { clitic = nil }
        return (s, end, clitic)
    }

    func span(_ a: Int, _ b: Int) -> Span { Span(tokens[a].span.start, tokens[b].span.end) }
}

// MARK: - Which marked spans are quotes

extension QuoteReader {
    func classify(_ m: MarkedSpan, sentence s: Int, accepted: [Found]) -> Found? {
        let range = tokenRange(s)
        let first = range.lowerBound, last = range.upperBound - 1
        guard first <= last else { return nil }
        let inner = words(in: m.content)
        guard inner > 0 else { return nil }
        let openTok = m.open.isEmpty ? token(atOrAfter: Int(m.content.start)) : token(atOrAfter: Int(m.open.start))
        let closeTok = token(atOrAfter: Int(m.close.start))
        // The words before the quote, back to the start of the sentence or the previous quote.
        var before = openTok - 1
        while before >= first && isPunct(before, 0x20) { before -= 1 }
        let prev = before >= first ? before : nil
        let afterClose = closeTok + 1
        let next = afterClose <= last ? afterClose : nil
        let lastWordInside = token(atOrAfter: Int(m.content.end)) - 1

        // The quote begins its sentence (after nothing, a colon, a conjunction or another quote and a comma).
        var atStart = prev == nil || m.open.isEmpty
        if let p = prev {
            if isPunct(p, 0x3A) { atStart = true }
            else if isPunct(p, 0x2C), p - 1 >= first, isQuoteMark(p - 1) { atStart = true }
            else if isQuoteMark(p) { atStart = true }
            else if p == first && has(p, .conjunction) { atStart = true }
        }
        let heading = sentences[s].isHeading
        let afterColon = prev.map { isPunct($0, 0x3A) } ?? false

        // Titles, names and labels.
        var k = openTok - 1, seen = 0
        while k >= first && seen < 3 {
            if isPunct(k, 0x2C) || isPunct(k, 0x3A) { break }
            if isWord(k) {
                if has(k, .titleCue) { return nil }
                // A noun between the cue and the quote makes it speech: `called the vote "a victory"`.
                if isLowerWord(k) && !isFunctionWord(k) { break }
                seen += 1
            }
            k -= 1
        }
        let hasIncise = incise(after: closeTok, last: last) != nil
        if inner <= 4 && !atStart && !hasIncise && nameLike(m.content) { return nil }
        // A quoted noun that is the subject of the verb after it ("un « marcheur » prédit").
        if inner <= 3, let p = prev, has(p, .determiner), let n = next, has(n, .negation) || speechVerb(at: n, first: first) != nil { return nil }

        if inner <= 3 && !atStart && !hasIncise && !heading {
            // A few words in quote marks are speech only near a speech cue; otherwise they are scare quotes.
            var linked = false
            var w = 0, t = openTok - 1
            while t >= first && w < 10 && !linked {
                if isWord(t) { w += 1; if speechVerb(at: t, first: first) != nil || has(t, [.attribution, .opinion]) { linked = true } }
                t -= 1
            }
            // After the quote: a verb within three words, or an incise after a comma further on.
            w = 0; t = closeTok + 1
            while t <= last && w < 14 && !linked {
                if isWord(t) {
                    w += 1
                    if w <= 3 && (speechVerb(at: t, first: first) != nil || has(t, .attribution)) { linked = true }
                } else if isPunct(t, 0x2C) && incise(after: t - 1, last: last) != nil {
                    linked = true
                }
                t += 1
            }
            // The quote lies in the complement clause of a speech verb ("estime que … une « erreur »"), or it is the
            // predicate of the subject just before it ("X « ne comprend pas »", "X a « salué »").
            if !linked { linked = reportingVerb(before: openTok, first: first) != nil }
            if !linked { linked = quotedPredicate(openTok, content: m.content, first: first) }
            if !linked, let q = accepted.last, q.sentence == s {
                let qt = token(atOrAfter: Int(q.span.end))
                var gap = 0
                for t in qt..<max(qt, openTok) where isWord(t) { gap += 1 }  // an earlier quote may end after this one opens (nested marks)
                if gap <= 10 { linked = true }
            }
            if !linked { return nil }
        }
        _ = lastWordInside
        let direct = atStart || afterColon || heading
        return Found(kind: direct ? .direct : .partial, span: m.content, sentence: s, cue: nil, source: nil, speaker: nil,
                     confidence: direct ? 0.9 : 0.8, bare: atStart && !hasIncise)
    }

    /// True when a speech verb of indirect speech and its complementizer ("estime que", "said that") precede the
    /// quote in its sentence, with no other quote, colon or semicolon between: the quote is part of what is reported.
    /// Returns the verb's token.
    func reportingVerb(before openTok: Int, first: Int) -> Int? {
        var t = openTok - 1, w = 0
        while t > first && w < 40 {
            if isQuoteMark(t) || isPunct(t, 0x3A) || isPunct(t, 0x3B) { return nil }
            if isWord(t) {
                w += 1
                if has(t, .complementizer), let v = speechVerb(at: t - 1, first: first), v.form.que { return t - 1 }
            }
            t -= 1
        }
        return nil
    }

    /// True when the quoted words are the predicate of the subject just before the quote mark: a person or an
    /// organisation named ("La ministre Claire Moreau « ne comprend pas »"; a pronoun is too often the subject of a
    /// clause inside someone else's words), or a speech verb
    /// after its auxiliary ("X a « salué »", "X a aussi « regretté »").
    func quotedPredicate(_ openTok: Int, content: Span, first: Int) -> Bool {
        let q0 = token(atOrAfter: Int(content.start))
        guard q0 < tokens.count, isLowerWord(q0), !has(q0, [.determiner, .preposition, .conjunction]) else { return false }
        guard openTok - 1 >= first else { return false }
        let prev = openTok - 1
        if lex.verbs[keys[q0]] != nil {
            if has(prev, .auxiliary) || (prev - 1 >= first && isLowerWord(prev) && has(prev - 1, .auxiliary)) { return true }
        }
        guard isWord(prev) else { return false }
        return index.entity(mentionOverlapping: tokens[prev].span, types: [.person, .organisation]) != nil
    }

    /// Capitalised words only ("Space", "En Marche"): a name or a title rather than speech.
    func nameLike(_ span: Span) -> Bool {
        var t = token(atOrAfter: Int(span.start))
        var capitalised = 0
        while t < tokens.count && tokens[t].span.end <= span.end {
            if tokens[t].kind == .punctuation {
                let b = firstByte(t)
                if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x2C { return false }
            } else if isWord(t) {
                if isCapitalised(t) { capitalised += 1 }
                else if !(has(t, [.preposition, .determiner]) && capitalised > 0) { return false }
            }
            t += 1
        }
        return capitalised > 0
    }

    /// A speech verb right after a closing mark: `", a-t-il dit"`, `" ? s'interroge le maire"`, `", she said"`,
    /// `", Smith said"`. Returns the verb's token and last token.
    func incise(after closeTok: Int, last: Int) -> (verb: Int, end: Int, subjectFirst: Bool)? {
        var t = closeTok + 1
        guard t <= last, closeTok >= 1 else { return nil }
        if isPunct(t, 0x2C) {
            t += 1
        } else {
            // Without a comma only after "?", "!" or "…" inside the marks.
            let inside = closeTok - 1
            guard tokens[inside].kind == .punctuation else { return nil }
            let b = text[Int(tokens[inside].span.end) - 1]
            guard b == 0x3F || b == 0x21 || b == 0xA6 || b == 0x2C else { return nil }
        }
        let start = t
        var w = 0
        while t <= last && w < 8 {
            // A party and state in brackets after a name: "Rep. Gwen Moore (D-Wis.) said".
            if isPunct(t, 0x28), t > start, isCapitalised(t - 1) {
                var c = t + 1
                while c <= last && c < t + 8 && !isPunct(c, 0x29) { c += 1 }
                if c <= last && isPunct(c, 0x29) { t = c + 1; continue }
            }
            if tokens[t].kind == .punctuation { return nil }
            if let v = speechVerb(at: t, first: start) {
                let group = cueGroup(verb: t, end: v.end, first: start, last: last)
                return (t, v.end, group.start > start)
            }
            // Before the verb only a subject: "she said", "Smith said", "the minister said".
            // After an auxiliary, an adverb ("a notamment réclamé"); before "de", a verb ("essayait de justifier").
            let adverb = t > start && has(t - 1, [.auxiliary, .clitic]) && isLowerWord(t)
            let control = isLowerWord(t) && t + 2 <= last && has(t + 1, .infinitive) && speechVerb(at: t + 2, first: t + 2) != nil
            if control { t += 2; w += 2; continue }
            // A role word inside the subject: "Trump lawyer Marc Kasowitz said".
            let role = corefLex.roles[keys[t]] != nil
            if !(isCapitalised(t) || adverb || role || has(t, [.pronoun, .determiner, .auxiliary, .negation, .reflexive, .clitic, .be, .object]) || (t > start && has(t - 1, .determiner))) { return nil }
            if isWord(t) { w += 1 }
            t += 1
        }
        return nil
    }
}

// MARK: - Speakers

extension QuoteReader {
    /// "« Ce plan, a déclaré la présidente, changera tout »": two quotes with the incise's cue and speaker.
    func splitAtIncise(_ f: Found) -> [Found] {
        let a = token(atOrAfter: Int(f.span.start))
        let b = token(atOrAfter: Int(f.span.end)) - 1
        guard b > a + 3 else { return [f] }
        var c = a + 1
        while c < b {
            if isPunct(c, 0x2C), let inc = incise(after: c - 1, last: b), !isCapitalised(c + 1) || has(c + 1, .auxiliary) {
                let g = cueGroup(verb: inc.verb, end: inc.end, first: c + 1, last: b)
                // The incise ends at the next comma.
                var e = g.end + 1
                while e <= b && !isPunct(e, 0x2C) { e += 1 }
                // French incises invert the subject ("a-t-il dit", "a déclaré X"); English ones may not ("he said").
                guard e < b, g.start == c + 1 || (inc.subjectFirst && document.language == .english) else { c += 1; continue }
                let source: Source? = g.clitic.map { .pronoun($0, lex.classes[keys[$0]] ?? []) } ?? subjectAfter(g.end + 1, last: e - 1)
                var one = f, two = f
                one.span = Span(f.span.start, tokens[c - 1].span.end)
                two.span = Span(tokens[e + 1].span.start, f.span.end)
                one.inner = (span(g.start, g.end), source)
                two.inner = one.inner
                one.bare = false
                two.bare = false
                return [one, two]
            }
            c += 1
        }
        return [f]
    }

    mutating func attribute(_ f: inout Found, index: Int, all: [Found]) {
        if let inner = f.inner {
            f.cue = inner.cue
            f.source = inner.source
            return
        }
        let s = f.sentence
        let range = tokenRange(s)
        let first = range.lowerBound
        let closing = tokenRange(sentenceIndex(Int(f.span.end)))
        let last = max(closing.upperBound - 1, range.upperBound - 1)
        let contentFirst = token(atOrAfter: Int(f.span.start))
        var closeTok = token(atOrAfter: Int(f.span.end))
        while closeTok <= last && !isQuoteMark(closeTok) && closeTok < contentFirst + 1 { closeTok += 1 }
        var openTok = contentFirst - 1
        if openTok >= first && !isQuoteMark(openTok) { openTok = contentFirst }
        // 1. An incise after the quote.
        if let inc = incise(after: closeTok, last: last) {
            let g = cueGroup(verb: inc.verb, end: inc.end, first: closeTok + 1, last: last)
            f.cue = span(g.start, g.end)
            f.bare = false
            if let c = g.clitic {
                f.source = .pronoun(c, lex.classes[keys[c]] ?? [])
            } else if inc.subjectFirst {
                f.source = subjectBefore(g.start, floor: closeTok + 1) ?? subjectAfter(g.end + 1, last: last)
            } else {
                f.source = subjectAfter(g.end + 1, last: last)
            }
            return
        }
        // 1b. A name after the quote, in brackets or after a dash: « "…" (François Molins) », « "…" — Jane Doe ».
        if let src = signature(after: closeTok, last: paragraphLast(sentenceIndex(Int(f.span.end)))) {
            f.source = src
            f.bare = false
            return
        }
        // 2. A cue before the quote in its sentence: "X a déclaré : « … »", "X dénonce un « mépris »".
        var floor = first
        var j = index - 1
        while j >= 0 && all[j].sentence == s {
            if all[j].span.end <= f.span.start { floor = max(floor, token(atOrAfter: Int(all[j].span.end)) + 1) }
            j -= 1
        }
        // The nearest speech verb within thirteen words before the quote; else the verb of a reported clause the
        // quote is part of, however far back in the sentence.
        var cueAt: Int?
        var t = openTok - 1, w = 0
        while t >= floor && w < 13 {
            if isWord(t) {
                w += 1
                if speechVerb(at: t, first: first) != nil { cueAt = t; break }
            }
            t -= 1
        }
        if cueAt == nil { cueAt = reportingVerb(before: openTok, first: floor) }
        if let t = cueAt, let v = speechVerb(at: t, first: first) {
            let g = cueGroup(verb: t, end: v.end, first: first, last: last)
            f.cue = span(g.start, g.end)
            f.bare = false
            if let c = g.clitic { f.source = .pronoun(c, lex.classes[keys[c]] ?? []) }
            else if v.form.participle && g.start > first
                        && (isPunct(g.start - 1, 0x2C) || has(g.start - 1, .preposition)), let src = participleSubject(before: g.start, sentence: s) {
                // ", interpellant le gouvernement : « … »", "en saluant …": the participle's subject is the
                // sentence's subject, and what follows it is its object.
                f.source = src
            }
            else { f.source = clauseSubject(before: g.start, floor: first) ?? subjectBefore(g.start, floor: first) ?? subjectAfter(g.end + 1, last: openTok - 1) }
            return
        }
        // 3. A colon introduction without a speech verb ("Laurent Berger s'y met : « … »").
        if openTok - 1 >= first && isPunct(openTok - 1, 0x3A) {
            let source = clauseSubject(before: openTok - 1, floor: first) ?? subjectBefore(openTok - 1, floor: first)
            // A heading "Topic : « … »" names its speaker only when a person or body stands before the colon;
            // otherwise it may echo a quote of the article.
            if sentences[s].isHeading, case let .name(a, b)? = source, document.coreference.mention(overlapping: span(a, b - 1)).map({ $0.entity < 0 }) ?? true {
                return
            }
            f.bare = false
            f.source = source
            return
        }
        // 4. "selon X", "d'après X", "pour X" in the sentence.
        if let src = attributionPhrase(in: s, around: f) { f.source = src; f.bare = false; return }
        // 5. An incise later in the sentence: "« A » la piste, « B », a-t-on ajouté".
        var c = closeTok + 1
        while c < last {
            if isPunct(c, 0x2C) || isQuoteMark(c), let inc = incise(after: c - (isPunct(c, 0x2C) ? 1 : 0), last: last) {
                let g = cueGroup(verb: inc.verb, end: inc.end, first: c + 1, last: last)
                f.cue = span(g.start, g.end)
                f.bare = false
                if let cl = g.clitic { f.source = .pronoun(cl, lex.classes[keys[cl]] ?? []) }
                else { f.source = inc.subjectFirst ? subjectBefore(g.start, floor: c + 1) : subjectAfter(g.end + 1, last: last) }
                return
            }
            c += 1
        }
        // 6. The quote is the predicate of the subject before it ("X « ne comprend pas »", "X a « salué »").
        if openTok > first, isQuoteMark(openTok), quotedPredicate(openTok, content: f.span, first: first) {
            var subjectEnd = openTok
            while subjectEnd - 1 > first && (has(subjectEnd - 1, .auxiliary) || (isLowerWord(subjectEnd - 1) && has(subjectEnd - 2, .auxiliary))) { subjectEnd -= 1 }
            if let src = clauseSubject(before: subjectEnd, floor: first) ?? subjectBefore(subjectEnd, floor: first) {
                f.source = src
                f.bare = false
                return
            }
        }
    }

    /// The answers of an interview written as labelled paragraphs ("Q : …" / "R : …", "Q: …" / "A: …"): each answer
    /// paragraph, and an unlabelled paragraph right after a question, is the interviewee's direct speech. The
    /// interviewee is the person the document names most. Needs at least one question label, so that a lone
    /// "A:" is not read as an interview.
    func interviewAnswers(besides found: [Found]) -> [Found] {
        let paras = paragraphs()
        var label: [Int8] = []  // 1 question, 2 answer, 0 none, per paragraph
        var questions = 0
        for p in paras {
            let t = token(atOrAfter: Int(p.start))
            var kind: Int8 = 0
            if t + 2 < tokens.count, tokens[t + 1].span.start < p.end, isPunct(t + 1, 0x3A) || isPunct(t + 1, 0x2D) {
                if has(t, .question) { kind = 1; questions += 1 } else if has(t, .answer) { kind = 2 }
            }
            label.append(kind)
        }
        guard questions > 0 else { return [] }
        // The interviewee: the person with the most mentions.
        var best: Entity?
        for e in document.entities where e.type == .person && e.mentions.count + e.references.count > (best.map { $0.mentions.count + $0.references.count } ?? 0) { best = e }
        guard let person = best else { return [] }
        var out: [Found] = []
        for (k, p) in paras.enumerated() where label[k] == 2 || (label[k] == 0 && k > 0 && label[k - 1] == 1) {
            var start = token(atOrAfter: Int(p.start))
            if label[k] == 2 { start += 2 }
            guard start < tokens.count, tokens[start].span.start < p.end else { continue }
            let span = Span(tokens[start].span.start, p.end)
            if found.contains(where: { $0.span.start < span.end && $0.span.end > span.start }) { continue }
            var f = Found(kind: .direct, span: span, sentence: sentenceIndex(Int(span.start)), cue: nil, source: nil,
                          speaker: Speaker(name: person.name, entity: person.id, span: nil), confidence: Confidence.interview, bare: false)
            f.interview = true
            out.append(f)
        }
        return out
    }

    /// The subject of a present participle at token `p`: the inverted subject of an incise just before it ("…, a
    /// précisé X, en saluant …"), else the sentence's subject.
    func participleSubject(before p: Int, sentence s: Int) -> Source? {
        let first = tokenRange(s).lowerBound
        var t = p - 1
        while t >= first {
            if isWord(t), lex.verbs[keys[t]]?.participle != true, let v = speechVerb(at: t, first: first) {
                let g = cueGroup(verb: t, end: v.end, first: first, last: p - 1)
                if let c = g.clitic { return .pronoun(c, lex.classes[keys[c]] ?? []) }
                if g.end + 1 < p, let m = document.coreference.mention(atToken: g.end + 1), m.human || m.entity >= 0 {
                    let a = Int(m.tokens.lowerBound), b = Int(m.tokens.upperBound)
                    return m.kind == .name ? .name(a, b) : .description(a, b)
                }
                break
            }
            t -= 1
        }
        return mainSubject(s)
    }

    /// The subject of sentence `s`: its first mention of a person or a body that no preposition governs and no
    /// quote holds.
    func mainSubject(_ s: Int) -> Source? {
        let range = tokenRange(s)
        let coref = document.coreference
        var t = range.lowerBound
        while t < range.upperBound {
            if isQuoteMark(t) || speechVerb(at: t, first: range.lowerBound) != nil { return nil }
            guard let m = coref.mention(atToken: t), m.human || m.entity >= 0 else { t += 1; continue }
            let a = Int(m.tokens.lowerBound), b = Int(m.tokens.upperBound)
            if a > range.lowerBound && (has(a - 1, .preposition) || (has(a - 1, .determiner) && a - 2 >= range.lowerBound && has(a - 2, .preposition))) {
                t = max(t + 1, b); continue
            }
            if m.entity >= 0, document.entities[Int(m.entity)].type != .person && document.entities[Int(m.entity)].type != .organisation { return nil }
            switch m.kind {
            case .name: return .name(a, b)
            case .pronoun: return .pronoun(a, lex.classes[keys[a]] ?? [])
            default: return .description(a, b)
            }
        }
        return nil
    }

    /// The last token of the paragraph holding sentence `s`.
    func paragraphLast(_ s: Int) -> Int {
        var k = s
        while k + 1 < sentences.count && sentences[k + 1].paragraph == sentences[s].paragraph { k += 1 }
        return Int(sentences[k].tokens.upperBound) - 1
    }

    /// A name that signs the quote right after its closing mark: in brackets, or after a dash.
    func signature(after closeTok: Int, last: Int) -> Source? {
        var t = closeTok + 1
        guard t <= last, tokens[t].kind == .punctuation else { return nil }
        let (c, _) = text.scalar(at: Int(tokens[t].span.start))
        let bracket = c == "("
        guard bracket || c == "-" || c == "\u{2013}" || c == "\u{2014}" || c == "\u{2015}" else { return nil }
        t += 1
        guard t <= last, let e = nameRun(at: t, last: last) else { return nil }
        if bracket && !(e <= last && isPunct(e, 0x29)) { return nil }
        return .name(t, e)
    }

    /// "selon lui", "d'après le ministre", "according to X", and "pour X" right after the quote or opening the sentence.
    func attributionPhrase(in s: Int, around f: Found) -> Source? {
        let range = tokenRange(s)
        let last = range.upperBound - 1
        let closeTok = token(atOrAfter: Int(f.span.end))
        for t in range where has(t, [.attribution, .opinion]) {
            if has(t, .opinion) && !has(t, .attribution) {
                // "pour" attributes only right after the quote mark or at the head of the sentence, followed by a comma.
                let afterQuote = t == closeTok + 1 || t == closeTok + 2
                let head = t == range.lowerBound
                guard afterQuote || head else { continue }
            }
            var u = t + 1
            if u <= last && has(u, .attributionParticle) { u += 1 }
            guard u <= last else { continue }
            if has(u, .pronoun) { return .pronoun(u, lex.classes[keys[u]] ?? []) }
            // "selon lui": a stressed pronoun the coreference layer resolved.
            if let m = document.coreference.mention(atToken: u), m.kind == .pronoun { return .pronoun(u, lex.classes[keys[u]] ?? []) }
            // The phrase ends at its comma: "Selon le procureur, Karim B. avait …" is the prosecutor's account.
            var stop = u
            while stop < last && !isPunct(stop + 1, 0x2C) { stop += 1 }
            if let src = subjectAfter(u, last: stop) { return src }
        }
        return nil
    }

    /// The subject after an inverted verb: skips complements ("à l'AFP", "sur LCI", "de son côté"), and prefers a
    /// name, even in an apposition, over a description.
    func subjectAfter(_ from: Int, last: Int) -> Source? {
        var t = from
        var descStart: Int?, descEnd: Int?
        var steps = 0
        while t <= last && steps < 30 {
            steps += 1
            if tokens[t].kind == .punctuation {
                if isPunct(t, 0x2C) { if descStart != nil && descEnd == nil { descEnd = t }; t += 1; continue }
                if isPunct(t, 0x28) { // skip a parenthesis
                    while t <= last && !isPunct(t, 0x29) { t += 1 }
                    if descStart != nil && descEnd == nil { descEnd = t }
                    t += 1; continue
                }
                // A word in quote marks inside a description: "le chef de file des « Marcheurs » à l'Assemblée".
                if isQuoteMark(t), descStart != nil, descEnd == nil, t + 2 <= last, isQuoteMark(t + 2) || (t + 3 <= last && isQuoteMark(t + 3)) {
                    t += isQuoteMark(t + 2) ? 3 : 4; continue
                }
                if isQuoteMark(t) { break }
                if descStart != nil && descEnd == nil { descEnd = t }
                break
            }
            // "a affirmé mardi le ministre", "a réagi samedi dans un communiqué X": a time adverb before the subject.
            if descStart == nil && has(t, .time) { t += 1; continue }
            if has(t, .stop) { if descStart != nil && descEnd == nil { descEnd = t }; break }
            if descEnd != nil && t > from && isPunct(t - 1, 0x2C) && !(has(t, .determiner) || isCapitalised(t)) { break }
            // "un usager devant la gare": a preposition other than "de" ends a description.
            if descStart != nil && descEnd == nil && has(t, .preposition) && !has(t, .complement) {
                descEnd = t
            }
            if has(t, .preposition) && !(has(t, .determiner) && descStart == nil) {
                // A complement: skip its determiner and a name (up to a person's name) or one word.
                t += 1
                while t <= last && has(t, .determiner) { t += 1 }
                if t <= last, let n = nameRun(at: t, last: last) {
                    var u = t + 1
                    while u < n && !personStart(u) { u += 1 }
                    t = u
                } else { t += 1 }
                continue
            }
            if let n = nameRun(at: t, last: last), !has(t, .determiner) || n - t > 1 {
                let start = has(t, .determiner) ? t + 1 : t
                // Inside a description ("le président LREM de …") only a person's name is the speaker.
                if descStart == nil || descEnd != nil || personStart(start) || lexiconEntry(start, n)?.type == .person {
                    return .name(start, n)
                }
                t = n
                continue
            }
            if has(t, .pronoun) && descStart == nil { return .pronoun(t, lex.classes[keys[t]] ?? []) }
            if descStart == nil && has(t, .determiner) { descStart = t }
            t += 1
        }
        if let d = descStart {
            let e = descEnd ?? min(t, last + 1)
            if e > d + 1 { return .description(d, e) }
        }
        return nil
    }

    /// The subject of the clause that holds the verb at `cue`: its first mention of a person, an organisation or a
    /// human description that is no complement of a preposition and stands outside quotes. The clause starts at
    /// the sentence start, a semicolon, a colon, "que", or a conjunction followed by a new subject ("… et Y a
    /// répondu"); a conjunction before a verb without subject ("a fait applaudir les policiers et réclamé") keeps
    /// the clause open. The coreference layer says what each mention is.
    func clauseSubject(before cue: Int, floor: Int) -> Source? {
        let coref = document.coreference
        var start = floor
        var t = cue - 1
        var sawMention = false
        while t >= floor {
            if let m = coref.mention(atToken: t), m.human || m.entity >= 0 {
                sawMention = true
                t = Int(m.tokens.lowerBound) - 1
                continue
            }
            if isPunct(t, 0x3B) || isPunct(t, 0x3A) || isQuoteMark(t) || has(t, [.complementizer, .stop]) { start = t + 1; break }
            if has(t, .conjunction) || isPunct(t, 0x2C) && t + 1 < cue && has(t + 1, .conjunction) {
                if sawMention { start = t + 1; break }
            }
            t -= 1
        }
        var u = start
        while u < cue {
            guard let m = coref.mention(atToken: u) else { u += 1; continue }
            let a = Int(m.tokens.lowerBound), b = Int(m.tokens.upperBound)
            u = max(u + 1, b)
            guard a >= start, !isInside(m.span, quoted, overlapping: true) else { continue }
            if a - 1 >= start && (has(a - 1, .preposition) || (has(a - 1, .determiner) && a - 2 >= start && has(a - 2, .preposition))) { continue }
            // The object of a verb or participle before it ("interpellant le gouvernement").
            if isObject(a, floor: start) { continue }
            switch m.kind {
            case .name:
                guard m.entity >= 0 else { continue }
                let type = document.entities[Int(m.entity)].type
                guard type == .person || type == .organisation else { continue }
                return .name(a, b)
            case .pronoun:
                return .pronoun(a, lex.classes[keys[a]] ?? [])
            case .role, .description:
                guard m.human else { continue }
                return .description(a, b)
            }
        }
        return nil
    }

    /// A mention right after a lower-case content word (a verb or a participle): an object, not a subject.
    func isObject(_ a: Int, floor: Int) -> Bool {
        guard a - 1 >= floor, isLowerWord(a - 1) else { return false }
        return lex.classes[keys[a - 1]] == nil && speechVerb(at: a - 1, first: floor) == nil
    }

    /// The subject before a verb: the nearest pronoun or name, or a description before it or before "qui".
    func subjectBefore(_ cueStart: Int, floor: Int) -> Source? {
        // "Valérie Pécresse, qui …, affirme": the antecedent of the relative clause.
        if cueStart - 1 > floor && isPunct(cueStart - 1, 0x2C) {
            var q = cueStart - 2
            while q > floor && !(has(q, .stop) && isPunct(q - 1, 0x2C)) && !isPunct(q, 0x2E) { q -= 1 }
            if q > floor + 1 && has(q, .stop) && isPunct(q - 1, 0x2C) && isCapitalised(q - 2) {
                var a = q - 2
                while a - 1 >= floor && (isCapitalised(a - 1) || isTitle(a - 1)) && !isFunctionWord(a - 1) { a -= 1 }
                if !(a - 1 >= floor && has(a - 1, .preposition)) { return .name(a, q - 1) }
            }
        }
        var t = cueStart - 1
        var steps = 0
        while t >= floor && steps < 30 {
            steps += 1
            // A description or a role the coreference layer read ("le maire de Bordeaux a salué …").
            if let m = document.coreference.mention(atToken: t), m.kind == .description || m.kind == .role, m.human {
                var a = Int(m.tokens.lowerBound), b = Int(m.tokens.upperBound)
                // An apposition chain: "Matt Schruers, président de …, un lobby de la tech, a estimé": its head.
                while a - 2 >= floor, isPunct(a - 1, 0x2C), let h = document.coreference.mention(atToken: a - 2),
                      h.human, h.kind != .pronoun, Int(h.tokens.lowerBound) >= floor {
                    a = Int(h.tokens.lowerBound); b = Int(h.tokens.upperBound)
                    if h.kind == .name { return .name(a, b) }
                }
                if a >= floor && !(a - 1 >= floor && has(a - 1, .preposition)) && !isObject(a, floor: floor) { return .description(a, b) }
                t = a - 1
                continue
            }
            if tokens[t].kind == .punctuation {
                // A quote before the verb in the sentence: its speaker is this one's too.
                if isQuoteMark(t) && quoteEnds(before: Int(tokens[t].span.start)) { return nil }
                if isQuoteMark(t) { t -= 1; continue }
                if isPunct(t, 0x2E) || isPunct(t, 0x3B) { break }
                if isPunct(t, 0x29) { while t >= floor && !isPunct(t, 0x28) { t -= 1 }; t -= 1; continue }
                t -= 1; continue
            }
            if has(t, .pronoun) && !has(t, .determiner) && t >= cueStart - 3 { return .pronoun(t, lex.classes[keys[t]] ?? []) }
            if isCapitalised(t) || tokens[t].kind == .mention {
                // The name run that ends here.
                var s = t
                while s - 1 >= floor && (isCapitalised(s - 1) || (has(s - 1, .preposition) && s - 2 >= floor && isCapitalised(s - 2) && !has(s - 2, .determiner))) && !isFunctionWord(s - 1) { s -= 1 }
                if s - 1 >= floor && isTitle(s - 1) { s -= 1 }
                let afterPreposition = s - 1 >= floor && (has(s - 1, .preposition) || (has(s - 1, .determiner) && s - 2 >= floor && has(s - 2, .preposition)))
                let single = s == t && !isTitle(s)
                let sentenceInitial = s == floor || (s - 1 >= floor && tokens[s - 1].kind == .punctuation && s - 1 == floor)
                // A lone capitalised word opening the sentence is a name if it is known, or if it is the verb's
                // own subject right before it ("…," Cruz said).
                let adjacent = t + 1 == cueStart && plausibleName(s, t + 1)
                if !afterPreposition && !isFunctionWord(s) && (!single || !sentenceInitial || knownName(s, t + 1) || adjacent) {
                    return .name(s, t + 1)
                }
                t = s - 1
                continue
            }
            if has(t, .pronoun) && t >= cueStart - 3 { return .pronoun(t, lex.classes[keys[t]] ?? []) }
            t -= 1
        }
        // A description: the determiner nearest before the verb (or before "qui").
        var e = cueStart
        var u = cueStart - 1
        if u >= floor && has(u, .stop) { e = u; u -= 1 }
        while u >= floor && u >= e - 6 {
            if tokens[u].kind == .punctuation && !isQuoteMark(u) { break }
            if has(u, .determiner) && !(u - 1 >= floor && has(u - 1, .preposition)) && e > u + 1 && !isObject(u, floor: floor) { return .description(u, e) }
            u -= 1
        }
        return nil
    }

    func isTitle(_ t: Int) -> Bool { lex.titles[keys[t]] != nil && tokens[t].kind == .word && isCapitalised(t) }

    /// A run of capitalised words (a title first, lower-case particles between) starting at `t`: its end.
    func nameRun(at t: Int, last: Int) -> Int? {
        var s = t
        if has(s, .determiner) && s + 1 <= last && isCapitalised(s + 1) { s += 1 }
        guard s <= last, isCapitalised(s) || tokens[s].kind == .mention else { return nil }
        if isFunctionWord(s) && !isTitle(s) { return nil }
        var e = s + 1
        while e <= last {
            if isCapitalised(e) && !has(e, [.conjunction, .pronoun]) { e += 1; continue }
            if tokens[e].kind == .number && e > s && isCapitalised(e - 1) && !isTitle(s) { e += 1; continue }
            if has(e, .preposition) && e + 1 <= last && isCapitalised(e + 1) && !has(e + 1, .determiner) && isLowerWord(e) && tokens[e].span.length <= 3 && e + 2 <= last && !isCapitalised(e + 2) && personStart(s) {
                e += 2; continue
            }
            break
        }
        if isTitle(s) && e == s + 1 { return nil }
        return e
    }

    /// A first name or a title starts the run.
    func personStart(_ s: Int) -> Bool { isTitle(s) || firstNames.gender[keys[s]] != nil }

    func knownName(_ a: Int, _ b: Int) -> Bool {
        if personStart(a) { return true }
        if entity(covering: tokens[a].span) != nil { return true }
        // An acronym ("LR", "CGT").
        if b == a + 1 {
            var upper = 0, lower = 0
            for i in Int(tokens[a].span.start)..<Int(tokens[a].span.end) {
                if text[i] >= 0x41 && text[i] <= 0x5A { upper += 1 } else if text[i] >= 0x61 && text[i] <= 0x7A { lower += 1 }
            }
            if upper >= 2 && lower == 0 { return true }
        }
        return speakers.byKey[WordKey.of(text, Int(tokens[a].span.start), Int(tokens[b - 1].span.end))] != nil
    }

    /// The person or organisation one of whose names overlaps `span`.
    /// - Complexity: O(log n), through the document's span index.
    func entity(covering span: Span) -> Entity? {
        index.entity(mentionOverlapping: span, types: [.person, .organisation]).map { document.entities[$0] }
    }
}
