/// Indirect speech: a speech verb with que/that ("se plaignait que …", "said that …") and "selon X" /
/// "d'après X" / "according to X".
extension QuoteReader {
    func indirectSpeech(besides found: [Found]) -> [Quote] {
        var out: [Quote] = []
        var previous = found[...]
        var cursor = 0
        for (s, sentence) in sentences.enumerated() where !sentence.boilerplate && !sentence.isHeading {
            let range = tokenRange(s)
            guard range.count > 3 else { continue }
            let first = range.lowerBound, last = range.upperBound - 1
            var t = first
            while t <= last {
                defer { t += 1 }
                while cursor < found.count && found[cursor].span.end <= tokens[t].span.start { cursor += 1 }
                if cursor < found.count && found[cursor].span.start <= tokens[t].span.start { continue }
                if has(t, .attribution), let q = attributed(t, first: first, last: last, clear: !(cursor < found.count && found[cursor].span.start < sentence.span.end), previous: previous) {
                    out.append(q)
                    break
                }
                guard let v = speechVerb(at: t, first: first), v.form.que else { continue }
                let g = cueGroup(verb: t, end: v.end, first: first, last: last)
                let c = g.end + 1
                guard c <= last, has(c, .complementizer), !(has(c, .determiner) && c + 1 <= last && !isWord(c + 1)) else { continue }
                guard let content = clause(from: c + 1, last: last), words(in: content) >= 3 else { continue }
                if cursor < found.count && found[cursor].span.start < content.end { continue }
                let source: Source? = g.clitic.map { .pronoun($0, lex.classes[keys[$0]] ?? []) } ?? subjectBefore(g.start, floor: first)
                var quote = Quote(kind: .indirect, span: content, cue: span(g.start, g.end), confidence: 0.6)
                if let source {
                    let (sp, conf) = resolve(source, position: Int(content.start), previous: previous)
                    quote.speaker = sp
                    quote.confidence = min(0.75, conf)
                }
                out.append(quote)
                previous.append(Found(kind: .indirect, span: content, sentence: s, cue: quote.cue, source: source, speaker: quote.speaker, confidence: quote.confidence, bare: false))
                t = token(atOrAfter: Int(content.end))
            }
        }
        return out
    }

    /// The clause from `from`: up to the end of the sentence, a semicolon, or a comma before an incise.
    func clause(from: Int, last: Int) -> Span? {
        guard from <= last else { return nil }
        var e = from
        while e <= last {
            if tokens[e].kind == .punctuation {
                if isPunct(e, 0x3B) || isPunct(e, 0x2E) || isPunct(e, 0x3F) || isPunct(e, 0x21) { break }
                if isPunct(e, 0x2C), e + 1 <= last, has(e + 1, [.auxiliary, .attribution]) || speechVerb(at: e + 1, first: e + 1) != nil { break }
            }
            e += 1
        }
        while e - 1 >= from && tokens[e - 1].kind == .punctuation && !isQuoteMark(e - 1) { e -= 1 }
        guard e > from else { return nil }
        return span(from, e - 1)
    }

    /// "Selon X, …" / "…, selon X": the rest of the sentence as X's speech, when the sentence has no quote marks.
    func attributed(_ t: Int, first: Int, last: Int, clear: Bool, previous: ArraySlice<Found>) -> Quote? {
        guard clear else { return nil }
        var u = t + 1
        if u <= last && has(u, .attributionParticle) { u += 1 }
        guard u <= last else { return nil }
        var phraseEnd = u
        while phraseEnd <= last && !(tokens[phraseEnd].kind == .punctuation) { phraseEnd += 1 }
        let source: Source? = has(u, .pronoun) ? .pronoun(u, lex.classes[keys[u]] ?? []) : subjectAfter(u, last: phraseEnd - 1)
        guard let source else { return nil }
        let content: Span?
        if t == first {
            guard phraseEnd <= last, isPunct(phraseEnd, 0x2C) else { return nil }
            content = clause(from: phraseEnd + 1, last: last)
        } else {
            var e = t - 1
            while e >= first && tokens[e].kind == .punctuation { e -= 1 }
            content = e >= first ? span(first, e) : nil
        }
        guard let content, words(in: content) >= 3 else { return nil }
        let (sp, conf) = resolve(source, position: Int(content.start), previous: previous)
        return Quote(kind: .indirect, span: content, speaker: sp, cue: span(t, u - 1), confidence: min(0.7, conf))
    }
}
