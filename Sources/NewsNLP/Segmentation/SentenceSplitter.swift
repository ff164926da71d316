/// Sentences: ICU sentence breaks, then a repair layer for news text.
///
/// Repairs: abbreviations and titles from `Lexicons/*/abbreviations` end no sentence ("M. Dupont"); a closing
/// quote mark stays with its sentence; "?" or "!" before a lower-case word ends none ("Pourquoi ? demande-t-il");
/// "…" before a capital ends one; glued sentences ("élu.Le") are split; a line break always ends a sentence
/// except inside a hard-wrapped paragraph.
struct SentenceSplitter {
    let rules: SegmentationRules
    static let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10]

    func split(_ text: UnsafeBufferPointer<UInt8>, tokens: [Token], glued: [Int], using sentences: BreakIterator) -> [Sentence] {
        let n = text.count
        var candidates: [Int] = []
        sentences.forEachBoundary(in: text) { end, _ in
            if end < n { candidates.append(end) }
        }
        // Extra candidates: after "…" followed by a capital, and glued periods.
        for (k, t) in tokens.enumerated() where t.kind == .punctuation && k + 1 < tokens.count {
            let (c, l) = text.scalar(at: Int(t.span.start))
            if c == "\u{2026}" && Int(t.span.start) + l == Int(t.span.end) {
                let next = tokens[k + 1]
                let gapStart = Int(t.span.end), gapEnd = Int(next.span.start)
                if gapEnd > gapStart, text.scalar(at: Int(next.span.start)).0.isUpper, !gapHasLineBreak(text, gapStart, gapEnd) {
                    candidates.append(gapStart)
                }
            }
        }
        // A plain period before a lower-case word, which ICU never breaks ("…is mine. is it…"); decided below.
        for (k, t) in tokens.enumerated() where t.kind == .punctuation && t.span.length == 1 && k + 1 < tokens.count {
            guard text[Int(t.span.start)] == 0x2E, tokens[k + 1].span.start > t.span.end else { continue }
            if text.scalar(at: Int(tokens[k + 1].span.start)).0.isLower { candidates.append(Int(tokens[k + 1].span.start)) }
        }
        // A dash that opens a new item after a sentence: "… fin. - Le lendemain".
        for (k, t) in tokens.enumerated() where k >= 1 && t.kind == .punctuation && t.span.length <= 3 {
            let (c, l) = text.scalar(at: Int(t.span.start))
            guard (c == "-" || c == "–" || c == "—"), l == t.span.length else { continue }
            let prev = tokens[k - 1]
            let (pc, _) = text.scalar(before: Int(prev.span.end))
            guard pc.isTerminal, prev.span.end < t.span.start, Int(t.span.end) < n, text.scalar(at: Int(t.span.end)).0.isHorizontalSpace else { continue }
            candidates.append(Int(t.span.start))
        }
        candidates.append(contentsOf: glued)
        let listStarts = listItemStarts(text, tokens)
        let listStartSet = Set(listStarts)
        candidates.append(contentsOf: listStarts)
        candidates.sort()

        // Decide each candidate.
        var boundaries: [Int] = []
        boundaries.reserveCapacity(candidates.count)
        var tokenCursor = 0
        var lastKept = 0
        for b in candidates {
            if b <= lastKept || isInsideToken(b, tokens) { continue }
            var leftEnd = b
            while leftEnd > lastKept {
                let (c, s) = text.scalar(before: leftEnd)
                if c.isSpace { leftEnd = s } else { break }
            }
            var rightStart = b
            while rightStart < n {
                let (c, l) = text.scalar(at: rightStart)
                if c.isSpace { rightStart += l } else { break }
            }
            if leftEnd <= lastKept || rightStart >= n { continue }
            if listStartSet.contains(b) {
                boundaries.append(b)
                lastKept = b
                continue
            }
            let breaks = lineBreaks(text, leftEnd, rightStart)
            if breaks > 0 {
                if breaks == 1 && isWrappedLine(text, lineStart: lineStart(text, leftEnd), leftEnd: leftEnd, rightStart: rightStart) { continue }
                boundaries.append(b)
                lastKept = b
                continue
            }
            // A closing quote that ICU put at the start of the next sentence belongs to this one.
            var cut = b
            var next = rightStart
            let (rc, rl) = text.scalar(at: next)
            if rc == "»" || rc == "”" || (rc == "\"" && isClosingStraightQuote(text, next)) {
                next += rl
                cut = next
                while next < n {
                    let (c, l) = text.scalar(at: next)
                    if c.isHorizontalSpace { next += l } else { break }
                }
                if next >= n { continue }
                if text.scalar(at: next).0.isLineBreak {
                    boundaries.append(next)
                    lastKept = next
                    continue
                }
            }
            let (nc, _) = text.scalar(at: next)
            while tokenCursor < tokens.count && Int(tokens[tokenCursor].span.end) < leftEnd { tokenCursor += 1 }
            // "? demande-t-il", "» et repart", ", a-t-il dit": no break before lower case or continuing punctuation,
            // but a plain period after a word, or "?"/"!" before a lower-case word that is no incise, still ends one.
            if nc == "," || nc == ";" || nc == ":" || nc == ")" || nc == "]" { continue }
            if nc.isLower {
                let (lc, _) = text.scalar(before: leftEnd)
                let endsHere = cut == b && ((lc == "." && isPlainPeriod(text, tokens, tokenCursor, leftEnd))
                    || ((lc == "?" || lc == "!") && !isIncise(text, tokens, tokenCursor, leftEnd)))
                if !endsHere { continue }
            }
            // Abbreviations and initials before the break.
            if tokenCursor < tokens.count, Int(tokens[tokenCursor].span.end) == leftEnd,
               endsWithAbbreviation(text, tokens, tokenCursor, next: next) {
                continue
            }
            boundaries.append(cut)
            lastKept = cut
        }

        boundaries = mergingListMarkers(text, boundaries)
        // No sentence ends inside a token ("?" in a URL, a quote mark moved past a word): a span of each layer
        // lies inside one sentence.
        boundaries.removeAll { isInsideToken($0, tokens) }

        // Build trimmed sentences.
        var out: [Sentence] = []
        var start = 0
        var paragraph: Int32 = 0
        var previousEnd = 0
        for b in boundaries + [n] {
            var s = start, e = b
            while s < e {
                let (c, l) = text.scalar(at: s)
                // A space that a combining mark follows is part of one character with it: keep both.
                if c.isSpace && !text.spaceCarriesMark(c, at: s, length: l, end: e) { s += l } else { break }
            }
            while e > s {
                let (c, p) = text.scalar(before: e)
                if c.isSpace { e = p } else { break }
            }
            if e > s {
                if !out.isEmpty && lineBreaks(text, previousEnd, s) >= 2 { paragraph += 1 }
                out.append(Sentence(span: Span(s, e), isHeading: isHeading(text, s, e), paragraph: paragraph))
                previousEnd = e
            }
            start = b
        }
        return out
    }
}

private extension SentenceSplitter {
    /// Whether `offset` lies strictly inside a token (tokens are sorted and do not overlap).
    /// - Complexity: O(log n).
    func isInsideToken(_ offset: Int, _ tokens: [Token]) -> Bool {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].span.start) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && Int(tokens[lo - 1].span.end) > offset
    }

    /// A period that ends a sentence even before a lower-case word: it follows a word of two letters or more
    /// that is no abbreviation ("…is mine. is it…"); "etc. puis" or "M. le maire" are not.
    func isPlainPeriod(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ leftEnd: Int) -> Bool {
        guard k < tokens.count, k >= 1, Int(tokens[k].span.end) == leftEnd, tokens[k].span.length == 1 else { return false }
        let w = tokens[k - 1]
        guard w.kind == .word, w.span.end == tokens[k].span.start, w.span.length >= 2 else { return false }
        var letters = 0
        var i = Int(w.span.start)
        while i < Int(w.span.end) {
            let (c, l) = text.scalar(at: i)
            if !c.isLetter { return false }
            letters += 1
            i += l
        }
        guard letters >= 2 else { return false }
        let form = String(decoding: UnsafeBufferPointer(rebasing: text[Int(w.span.start)..<leftEnd]), as: UTF8.self)
        return rules.abbreviations[form] == nil
    }

    /// After "?" or "!", a lower-case continuation that belongs to the sentence: an inverted speech clause
    /// ("demande-t-il", "s'interroge le maire", "he asked") or a speech verb.
    func isIncise(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ leftEnd: Int) -> Bool {
        var j = k + 1
        var seen = 0
        while j < tokens.count && seen < 4 {
            let t = tokens[j]
            let f = Folding.fold(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[Int(t.span.start)..<Int(t.span.end)]))
            if seen == 0 && (f == "s'" || f == "se" || f == "m'" || f == "me" || rules.inciseWords.contains(f)) { return true }
            if f.hasPrefix("-") && rules.clitics.contains(String(f.dropFirst())) { return true }
            if t.kind == .punctuation { break }
            seen += 1
            j += 1
        }
        return false
    }

    /// Where inline list items start: "1. … 2. …", "a) … b) …", "(i) … (ii) …" — the second and later items of
    /// a sequence numbered by one, each preceded by white space.
    func listItemStarts(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [Int] {
        var out: [Int] = []
        var previous: (value: Int, style: Int, end: Int)? = nil
        for (k, t) in tokens.enumerated() {
            guard let (value, style, end) = listMarker(text, tokens, k) else { continue }
            if let p = previous, p.style == style, value == p.value + 1, t.span.start > p.end, Int(t.span.start) - p.end < 400 {
                // a bullet just before the marker starts the item with it
                var start = Int(t.span.start)
                if k >= 1, tokens[k - 1].span.length <= 3, tokens[k - 1].kind != .word, tokens[k - 1].kind != .number {
                    let (c, _) = text.scalar(at: Int(tokens[k - 1].span.start))
                    if c == "•" || c == "⁃" || c == "*" || c == "-" { start = Int(tokens[k - 1].span.start) }
                }
                out.append(start)
            }
            previous = (value, style, end)
        }
        return out
    }

    /// A list marker at token `k` — "3.", "3.)", "3)", "c.", "c)", "(c)", "iv." — followed by a space and a word:
    /// its value, its style and its end.
    func listMarker(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> (Int, Int, Int)? {
        guard k + 1 < tokens.count else { return nil }
        var i = k
        var open = false
        if tokens[i].span.length == 1 && text[Int(tokens[i].span.start)] == 0x28 { open = true; i += 1 }
        guard i + 1 < tokens.count else { return nil }
        let t = tokens[i]
        let s = Int(t.span.start), e = Int(t.span.end)
        // Cheap rejection first: a marker is a short number, roman numeral or letter.
        guard e - s <= 5 else { return nil }
        let b0 = text[s]
        guard (b0 >= 0x30 && b0 <= 0x39) || (b0 >= 0x61 && b0 <= 0x7A) else { return nil }
        if !open, s > 0 {
            let (p, _) = text.scalar(before: s)
            if !(p.isSpace || p == "•" || p == "⁃") { return nil }
        }
        var value = 0, style = 0
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[s..<e]), as: UTF8.self)
        var body = word
        var trailingPeriod = false
        if body.hasSuffix(".") { body.removeLast(); trailingPeriod = true }
        if let v = Int(body), body.utf8.count <= 2 { value = v; style = 10 }
        else if let v = Self.romans[body] { value = v; style = 20 }
        else if body.utf8.count == 1, let c = body.unicodeScalars.first, c.isLower, c.isASCII { value = Int(c.value) - 0x60; style = 30 }
        else { return nil }
        var j = i + 1
        var end = e
        // the punctuation after the marker
        if !trailingPeriod {
            guard tokens[j].span.start == t.span.end else { return nil }
            let c = text[Int(tokens[j].span.start)]
            guard tokens[j].span.length == 1, c == 0x2E || c == 0x29 else { return nil }
            style += c == 0x29 ? 1 : 2
            end = Int(tokens[j].span.end)
            j += 1
            if c == 0x2E, j < tokens.count, tokens[j].span.start == tokens[j - 1].span.end, text[Int(tokens[j].span.start)] == 0x29, tokens[j].span.length == 1 {
                style += 3; end = Int(tokens[j].span.end); j += 1
            }
        } else { style += 2 }
        if open {
            guard j < tokens.count, text[Int(tokens[j].span.start)] == 0x29 else { return nil }
            style += 5; end = Int(tokens[j].span.end); j += 1
        }
        guard j < tokens.count, Int(tokens[j].span.start) > end, tokens[j].kind == .word || tokens[j].kind == .number else { return nil }
        if open { return (value, style, end) }
        return (value, style, end)
    }

    /// Removes the boundary after a sentence that is only a list marker ("1.", "a)", "ii."), so that the
    /// marker starts the item it numbers.
    func mergingListMarkers(_ text: UnsafeBufferPointer<UInt8>, _ boundaries: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(boundaries.count)
        var start = 0
        for b in boundaries {
            var s = start, e = b
            while s < e, text.scalar(at: s).0.isSpace || text[s] == 0x2A || text.scalar(at: s).0 == "•" || text.scalar(at: s).0 == "⁃" { s += text.scalar(at: s).1 }
            while e > s, text.scalar(before: e).0.isSpace { e = text.scalar(before: e).1 }
            if isMarkerOnly(text, s, e) && lineBreaks(text, e, b + 1) < 2 { continue }
            out.append(b)
            start = b
        }
        return out
    }

    func isMarkerOnly(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e > s, e - s <= 6 else { return false }
        var body = String(decoding: UnsafeBufferPointer(rebasing: text[s..<e]), as: UTF8.self)
        if body.hasPrefix("(") && body.hasSuffix(")") { body = String(body.dropFirst().dropLast()) }
        else if body.hasSuffix(".)") { body = String(body.dropLast(2)) }
        else if body.hasSuffix(".") || body.hasSuffix(")") { body = String(body.dropLast()) }
        else { return false }
        if let _ = Int(body), body.utf8.count <= 3 { return true }
        if ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(body) { return true }
        return body.utf8.count == 1 && body.unicodeScalars.first!.isLetter
    }

    func lineBreaks(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        var k = start
        while k < end {
            let b = text[k]
            if b == 0x0A { count += 1 } else if b == 0x0D { if k + 1 < end && text[k + 1] == 0x0A { k += 1 }; count += 1 }
            else if b >= 0x80 { let (c, l) = text.scalar(at: k); if c.isLineBreak { count += 1 }; k += l; continue }
            k += 1
        }
        return count
    }

    func gapHasLineBreak(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        lineBreaks(text, start, end) > 0
    }

    func lineStart(_ text: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var k = from
        while k > 0 && text[k - 1] != 0x0A && text[k - 1] != 0x0D { k -= 1 }
        return k
    }

    /// A paragraph hard-wrapped at a fixed width: a long line that does not end a sentence, then lower case.
    func isWrappedLine(_ text: UnsafeBufferPointer<UInt8>, lineStart: Int, leftEnd: Int, rightStart: Int) -> Bool {
        guard leftEnd - lineStart >= 40 else { return false }
        let (last, _) = text.scalar(before: leftEnd)
        if last.isTerminal || last == ":" || last.isClosingQuote { return false }
        let (first, _) = text.scalar(at: rightStart)
        return first.isLower
    }

    /// Whether the straight double quote at `at` closes a quotation: an odd number of them precede it on its line.
    func isClosingStraightQuote(_ text: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var k = lineStart(text, at)
        var count = 0
        while k < at { if text[k] == 0x22 { count += 1 }; k += 1 }
        return count % 2 == 1
    }

    /// Whether the token ending the left side is an abbreviation or an initial that ends no sentence here.
    func endsWithAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, next: Int) -> Bool {
        let t = tokens[k]
        let s = Int(t.span.start), e = Int(t.span.end)
        guard text[e - 1] == 0x2E else { return false }
        let nextIsFunctionWord = isCapitalisedFunctionWord(text, next)
        let form = String(decoding: UnsafeBufferPointer(rebasing: text[s..<e]), as: UTF8.self)
        if let cls = rules.abbreviations[form] {
            return cls == .never || !nextIsFunctionWord
        }
        // "av. J.-C." and other two-word abbreviations.
        if k >= 1 {
            let p = tokens[k - 1]
            let two = String(decoding: UnsafeBufferPointer(rebasing: text[Int(p.span.start)..<e]), as: UTF8.self)
            if let cls = rules.abbreviations[two] { return cls == .never || !nextIsFunctionWord }
        }
        // An initial merged by the tokenizer ("F." in "John F. Kennedy").
        if e - s <= 3, text.scalar(at: s).0.isUpper, e - s == text.scalar(at: s).1 + 1 {
            return !nextIsFunctionWord
        }
        return false
    }

    func isCapitalisedFunctionWord(_ text: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var k = at
        while k < text.count {
            let (c, l) = text.scalar(at: k)
            if !c.isLetter { break }
            k += l
        }
        guard k > at else { return true }  // a quote or a digit: take it as a new sentence
        let word = Folding.fold(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[at..<k]))
        return rules.stopwords.contains(word)
    }

    /// A line of its own that does not end with sentence punctuation (a title, heading, list item).
    func isHeading(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard s == 0 || isLineStartAfterSpace(text, s), e == text.count || isLineEndBeforeSpace(text, e) else { return false }
        var k = e
        while k > s {
            let (c, p) = text.scalar(before: k)
            if c.isClosingQuote || c == ")" { k = p; continue }
            return !(c.isTerminal || c == ":")
        }
        return true
    }

    func isLineStartAfterSpace(_ text: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        var k = s
        while k > 0 {
            let (c, p) = text.scalar(before: k)
            if c.isLineBreak { return true }
            if !c.isHorizontalSpace { return false }
            k = p
        }
        return true
    }

    func isLineEndBeforeSpace(_ text: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool {
        var k = e
        while k < text.count {
            let (c, l) = text.scalar(at: k)
            if c.isLineBreak { return true }
            if !c.isHorizontalSpace { return false }
            k += l
        }
        return true
    }
}
