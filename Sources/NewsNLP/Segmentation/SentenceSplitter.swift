/// Sentences: ICU sentence breaks, then a repair layer for news text.
///
/// Repairs: abbreviations and titles from `Lexicons/*/abbreviations` end no sentence ("M. Dupont"); a closing
/// quote mark stays with its sentence; "?" or "!" before a lower-case word ends none ("Pourquoi ? demande-t-il");
/// "…" before a capital ends one; glued sentences ("élu.Le") are split; a line break always ends a sentence
/// except inside a hard-wrapped paragraph.
/// Counts of brackets and quote marks from the start of a line up to a position, carried forward from one
/// sentence candidate to the next so that long one-line paragraphs are read once, not once per candidate.
struct LineScan {
    var lineStart = -1
    var position = 0
    var depth = 0          // open brackets
    var straight = 0       // straight double quotes
    var curly = 0          // open “
    var curlySingle = 0    // open ‘
    var singleMarks = 0    // ' and ` that are not apostrophes inside words

    mutating func advance(_ text: UnsafeBufferPointer<UInt8>, to at: Int, lineStartOf: (Int) -> Int) {
        if lineStart < 0 || at < position {
            let start = lineStartOf(at)
            self = LineScan()
            lineStart = start
            position = start
        }
        var k = position
        while k < at {
            let (c, l) = text.scalar(at: k)
            if c.isLineBreak {
                // a new line: counts start again after it
                self = LineScan()
                lineStart = k + l
                position = k + l
                k += l
                continue
            }
            switch c {
            case "(", "[", "{", "（": depth += 1
            case ")", "]", "}", "）": if depth > 0 { depth -= 1 }
            case "\"": straight += 1
            case "“": curly += 1
            case "”": if curly > 0 { curly -= 1 }
            case "‘": curlySingle += 1
            case "’": if curlySingle > 0 && Self.isMark(text, k, l) { curlySingle -= 1 }
            case "'", "`": if Self.isMark(text, k, l) { singleMarks += 1 }
            default: break
            }
            k += l
        }
        position = max(position, at)
    }

    /// A single quote between two letters is an apostrophe ("they'll", "dragon’s"), not a quote mark.
    static func isMark(_ text: UnsafeBufferPointer<UInt8>, _ k: Int, _ l: Int) -> Bool {
        let before = k > 0 ? text.scalar(before: k).0 : " "
        let after = k + l < text.count ? text.scalar(at: k + l).0 : " "
        return !(before.isLetter && after.isLetter)
    }
}

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
        // A full-width or ideographic full stop glued to the next word ("period．Does").
        for t in tokens where t.kind == .punctuation && Int(t.span.end) < n {
            let (c, _) = text.scalar(at: Int(t.span.start))
            if c == "\u{FF0E}" || c == "\u{3002}" || c == "\u{FF01}" || c == "\u{FF1F}", text.scalar(at: Int(t.span.end)).0.isLetter {
                candidates.append(Int(t.span.end))
            }
        }
        // A plain period before a lower-case word, which ICU never breaks ("…is mine. is it…"); decided below.
        for (k, t) in tokens.enumerated() where t.kind == .punctuation && t.span.length == 1 && k + 1 < tokens.count {
            guard text[Int(t.span.start)] == 0x2E, tokens[k + 1].span.start > t.span.end else { continue }
            let (nc, _) = text.scalar(at: Int(tokens[k + 1].span.start))
            if nc.isLower || (nc.isDigit && isPlainPeriod(text, tokens, k, Int(t.span.end))) { candidates.append(Int(tokens[k + 1].span.start)) }
        }
        // A dash that opens a new item after a sentence: "… fin. - Le lendemain".
        for (k, t) in tokens.enumerated() where k >= 1 && t.kind == .punctuation && t.span.length <= 3 {
            let (c, l) = text.scalar(at: Int(t.span.start))
            guard (c == "-" || c == "–" || c == "—"), l == t.span.length else { continue }
            let prev = tokens[k - 1]
            let (pc, _) = text.scalar(before: Int(prev.span.end))
            guard pc.isTerminal, prev.span.end < t.span.start, Int(t.span.end) < n else { continue }
            let (after, _) = text.scalar(at: Int(t.span.end))
            guard after.isHorizontalSpace || after.isUpper else { continue }
            candidates.append(Int(t.span.start))
        }
        // Citation marks glued to a sentence end: "…martyr.[1] The", "…(1987).1 According".
        for (k, t) in tokens.enumerated() where t.kind == .punctuation && k + 1 < tokens.count {
            let (c, _) = text.scalar(at: Int(t.span.start))
            guard c.isTerminal || c == ")", tokens[k + 1].span.start == t.span.end else { continue }
            var end = -1
            if let e = citation(text, at: Int(t.span.end)) { end = e }
            else if (c == "." || c == ")"), tokens[k + 1].kind == .number, tokens[k + 1].span.length <= 3,
                    k >= 1, text.scalar(before: Int(t.span.start)).0 == ")" || c == "." && text.scalar(before: Int(t.span.start)).0 == ")" {
                end = Int(tokens[k + 1].span.end)
            }
            guard end > 0 else { continue }
            var j = end
            while j < n, text.scalar(at: j).0.isHorizontalSpace { j += text.scalar(at: j).1 }
            if j > end, j < n, text.scalar(at: j).0.isUpper { candidates.append(j) }
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
        var insideCursor = 0
        var scan = LineScan()
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
            // Never inside a token (a URL, "Y!J", a domain).
            while insideCursor < tokens.count && Int(tokens[insideCursor].span.end) <= b { insideCursor += 1 }
            if insideCursor < tokens.count, Int(tokens[insideCursor].span.start) < b { continue }
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
            // "Y!J." or "Yahoo!" glued to what follows, and "!Kung" (a mark before a word): no break.
            if leftEnd == rightStart, text.scalar(before: leftEnd).0 == "!" || text.scalar(before: leftEnd).0 == "?" { continue }
            if leftEnd == rightStart || text.scalar(before: leftEnd).0 == "!" {
                let (mark, markStart) = text.scalar(before: leftEnd)
                if mark == "!", markStart > 0, text.scalar(before: markStart).0.isSpace, text.scalar(at: leftEnd).0.isLetter { continue }
            }
            // Inside brackets that close later on the line ("(see. section 4.2)"): no break; nor after an
            // opening bracket; nor, in English, inside a quotation that closes later on the line.
            scan.advance(text, to: leftEnd, lineStartOf: { lineStart(text, $0) })
            if insideBrackets(text, leftEnd, scan) { continue }
            let (lastLeft, _) = text.scalar(before: leftEnd)
            if lastLeft == "[" || lastLeft == "(" { continue }
            if rules.language == .english && insideDoubleQuotes(text, leftEnd, scan) { continue }
            // A closing quote that ICU put at the start of the next sentence belongs to this one; so do citation
            // marks after a period ("…martyr. [1] The").
            var cut = b
            var next = rightStart
            let (rc, rl) = text.scalar(at: next)
            if let citationEnd = citation(text, at: next), text.scalar(before: leftEnd).0.isTerminal {
                next = citationEnd
                cut = next
                while next < n, text.scalar(at: next).0.isHorizontalSpace { next += text.scalar(at: next).1 }
                if next >= n { continue }
            } else if rc == "»" || rc == "”" || (rc == "\"" && isClosingStraightQuote(text, next, &scan))
                || (rc == "'" && text.scalar(before: leftEnd).0.isTerminal && isClosingSingleQuote(text, next, &scan))
                || (rc == "`" && text.scalar(before: leftEnd).0.isTerminal) {
                if (rc == "'" || rc == "`") && next + 1 < n && text[next + 1] == text[next] { next += 1 }
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
            // A spaced ellipsis (" . . .") suspends, it does not end; "word. . . . The" ends after "word.".
            if let dots = spacedEllipsisStart(text, leftEnd), rightStart - leftEnd < 2, !(leftEnd >= 8 && text[leftEnd - 8] == 0x2E && text[leftEnd - 7] == 0x20) {
                if dots > 0, text[dots - 1] == 0x2E, dots >= 2, text.scalar(before: dots - 1).0.isLetter, nc.isUpper {
                    boundaries.append(dots)
                    lastKept = dots
                }
                continue
            }
            // A parenthetical citation that ends the sentence: "[…]" (Smith 55).
            if nc == "(", let close = closingParenthesis(text, next), close < n, text.scalar(at: close).0.isTerminal { continue }
            // "? demande-t-il", "» et repart", ", a-t-il dit": no break before lower case or continuing punctuation,
            // but a plain period after a word, or "?"/"!" before a lower-case word that is no incise, still ends one.
            if nc == "," || nc == ";" || nc == ":" || nc == ")" || nc == "]" { continue }
            if nc == ".", next + 1 >= n || text[next + 1] != 0x2E { continue }
            if nc.isLower {
                let (lc, _) = text.scalar(before: leftEnd)
                let endsHere = cut == b && ((lc == "." && isPlainPeriod(text, tokens, tokenCursor, leftEnd))
                    // French typography: after "?" or "!" a lower-case word continues the sentence.
                    || (lc == "?" && rules.language == .english && !isIncise(text, tokens, tokenCursor, leftEnd)))
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
            (s, e) = trimmingMarkup(text, s, e)
            if e > s, hasLetterOrDigit(text, s, e) {
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
        guard let cls = rules.abbreviation(form) else { return true }
        return cls == .unit && !(k >= 2 && tokens[k - 2].kind == .number)
    }

    /// After "?" or "!", a lower-case continuation that belongs to the sentence: an inverted speech clause
    /// ("demande-t-il", "s'interroge le maire", "he asked") or a speech verb.
    func isIncise(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ leftEnd: Int) -> Bool {
        var j = k + 1
        var seen = 0
        while j < tokens.count && seen < 4 {
            let t = tokens[j]
            let f = Folding.fold(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[Int(t.span.start)..<Int(t.span.end)]))
            if seen == 0 && rules.inciseWords.contains(f) { return true }
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
        var consumed = 0
        for (k, t) in tokens.enumerated() where Int(t.span.start) >= consumed {
            guard let marker = listMarker(text, tokens, k) else { continue }
            var (value, style) = (marker.0, marker.1)
            let end = marker.2
            consumed = end
            // "i", "v", "x" are letters in a lettered list and numerals in a roman one.
            if style / 10 == 2, let p = previous, p.style / 10 == 3, t.span.length <= 2 {
                let c = text[Int(t.span.start)]
                if Int(c) - 0x60 == p.value + 1 { value = p.value + 1; style = style + 10 }
            }
            if let p = previous, p.style == style, value == p.value + 1, t.span.start > p.end, Int(t.span.start) - p.end < 400,
               style != 32 || value >= 3 || hasNextItem(text, tokens, k, value, style) {
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

    /// Whether the list item after marker `k` (value, style) is followed by another one ("a. … b. … c. …"):
    /// lettered items with a period need three to be told from initials and abbreviations.
    func hasNextItem(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ value: Int, _ style: Int) -> Bool {
        var j = k + 1
        while j < tokens.count && Int(tokens[j].span.start) - Int(tokens[k].span.start) < 400 {
            if let m = listMarker(text, tokens, j), m.1 == style, m.0 == value + 1 { return true }
            j += 1
        }
        return false
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
        // A marker ends with "." or is glued to a one-character "." or ")": most short words are neither, and are
        // turned away before any string is made.
        if text[e - 1] != 0x2E {
            let p = tokens[i + 1]
            guard p.span.start == t.span.end, p.span.length == 1, text[Int(p.span.start)] == 0x2E || text[Int(p.span.start)] == 0x29 else { return nil }
        }
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
        // the punctuation after the marker: "(c)" closes its parenthesis; "c)", "c.", "c.)" end with theirs
        if open {
            guard !trailingPeriod, j < tokens.count, tokens[j].span.start == t.span.end, text[Int(tokens[j].span.start)] == 0x29 else { return nil }
            style += 5; end = Int(tokens[j].span.end); j += 1
        } else if !trailingPeriod {
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
        guard j < tokens.count, Int(tokens[j].span.start) > end, tokens[j].kind == .word || tokens[j].kind == .number else { return nil }
        // "for 1. above" is a reference, not an item: a numbered item "1." starts with a capital.
        if style == 12, !text.scalar(at: Int(tokens[j].span.start)).0.isUpper { return nil }
        return (value, style, end)
    }

    /// Whether the sentence so far, before token `k`, holds a lower-case content word (a verb or a noun: "He
    /// left the bank at 6 p.m."), as opposed to a bare time or date phrase ("At 5 a.m.", "In 44 B.C.").
    func hasContentWord(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Bool {
        var j = k - 1
        var seen = 0
        while j >= 0 && seen < 40 {
            let t = tokens[j]
            let (c, _) = text.scalar(at: Int(t.span.start))
            if t.kind == .punctuation, c.isTerminal || c.isLineBreak || c == ":" { break }
            if t.kind == .word, c.isLower, t.span.length >= 3 {
                let f = Folding.fold(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[Int(t.span.start)..<Int(t.span.end)]))
                if !rules.stopwords.contains(f) && rules.abbreviation(String(decoding: UnsafeBufferPointer(rebasing: text[Int(t.span.start)..<Int(t.span.end)]), as: UTF8.self)) == nil { return true }
            }
            if j > 0, lineBreaks(text, Int(tokens[j - 1].span.end), Int(t.span.start)) > 0 { break }
            seen += 1
            j -= 1
        }
        return false
    }

    /// Whether `at` lies inside a double quotation ("…", “…”, ‘…’) opened earlier on its line and closed later on
    /// it; `scan` holds the counts up to `at`.
    func insideDoubleQuotes(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ scan: LineScan) -> Bool {
        guard scan.straight % 2 == 1 || scan.curly > 0 || scan.curlySingle > 0 else { return false }
        var k = at
        var limit = 0
        while k < text.count && limit < 600 {
            let (c, l) = text.scalar(at: k)
            if c.isLineBreak { return false }
            if (scan.straight % 2 == 1 && c == "\"") || (scan.curly > 0 && c == "”") { return true }
            if scan.curlySingle > 0 && c == "’" && LineScan.isMark(text, k, l) { return true }
            k += l
            limit += 1
        }
        return false
    }

    /// If the text before `end` finishes with a spaced ellipsis (". . ."), the offset of its first dot's space.
    func spacedEllipsisStart(_ text: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int? {
        var k = end
        var dots = 0
        while k >= 2, text[k - 1] == 0x2E, text[k - 2] == 0x20 {
            dots += 1
            k -= 2
        }
        if dots >= 2 && k >= 1 && text[k - 1] == 0x2E { dots += 1; k -= 1 }  // "word. . . ." — the first dot is glued
        return dots >= 3 ? k + (text[k] == 0x2E ? 1 : 0) : nil
    }

    /// The offset just after the ")" closing the "(" at `open` on the same line, or nil.
    func closingParenthesis(_ text: UnsafeBufferPointer<UInt8>, _ open: Int) -> Int? {
        var k = open + 1
        var limit = 0
        while k < text.count && limit < 200 {
            let b = text[k]
            if b == 0x0A || b == 0x0D || b == 0x28 { return nil }
            if b == 0x29 { return k + 1 }
            k += 1
            limit += 1
        }
        return nil
    }

    /// Strips markup from the edges of a sentence: HTML tags ("<p>", "</div>"), escaped tags ("&lt;b&gt;") and
    /// decoration runs ("=====", "/////"), with the white space around them.
    func trimmingMarkup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        var changed = true
        while changed && s < e {
            changed = false
            // a tag at the start
            if text[s] == 0x3C, s + 1 < e, isTagStart(text[s + 1]), let close = find(text, 0x3E, from: s + 1, to: e) { s = close + 1; changed = true }
            else if let k = escapedTagEnd(text, s, e) { s = k; changed = true }
            else if let k = decorationEnd(text, s, e) { s = k; changed = true }
            // a tag at the end
            if e > s, text[e - 1] == 0x3E, let open = findBack(text, 0x3C, from: e - 1, to: s), open + 1 < e, isTagStart(text[open + 1]) { e = open; changed = true }
            else if e - s >= 4, text[e - 1] == 0x3B, e - 4 >= s, String(decoding: UnsafeBufferPointer(rebasing: text[(e - 4)..<e]), as: UTF8.self) == "&gt;",
                    let open = findEscapedOpen(text, s, e - 4) { e = open; changed = true }
            else if let k = decorationStart(text, s, e) { e = k; changed = true }
            while s < e {
                let (c, l) = text.scalar(at: s)
                if c.isSpace && !text.spaceCarriesMark(c, at: s, length: l, end: e) { s += l } else { break }
            }
            while e > s, text.scalar(before: e).0.isSpace { e = text.scalar(before: e).1 }
        }
        return (s, e)
    }

    func isTagStart(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x2F || b == 0x21 }

    func find(_ text: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int, to: Int) -> Int? {
        var k = from
        while k < to && k - from < 400 { if text[k] == byte { return k }; if text[k] == 0x0A || text[k] == 0x3C { return nil }; k += 1 }
        return nil
    }

    func findBack(_ text: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int, to: Int) -> Int? {
        var k = from - 1
        while k >= to && from - k < 400 { if text[k] == byte { return k }; if text[k] == 0x0A || text[k] == 0x3E { return nil }; k -= 1 }
        return nil
    }

    /// "&lt;b&gt;" at `s`: the offset after it.
    func escapedTagEnd(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard e - s >= 8, text[s] == 0x26, String(decoding: UnsafeBufferPointer(rebasing: text[s..<(s + 4)]), as: UTF8.self) == "&lt;" else { return nil }
        var k = s + 4
        while k + 4 <= e && k - s < 200 {
            if text[k] == 0x26 && String(decoding: UnsafeBufferPointer(rebasing: text[k..<(k + 4)]), as: UTF8.self) == "&gt;" { return k + 4 }
            k += 1
        }
        return nil
    }

    func findEscapedOpen(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ gtStart: Int) -> Int? {
        var k = gtStart - 4
        while k >= s && gtStart - k < 200 {
            if text[k] == 0x26 && String(decoding: UnsafeBufferPointer(rebasing: text[k..<(k + 4)]), as: UTF8.self) == "&lt;" { return k }
            k -= 1
        }
        return nil
    }

    /// A run of three or more identical decoration characters ("====", "////", "****") at `s`: its end.
    func decorationEnd(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        let c = text[s]
        guard c == 0x3D || c == 0x2F || c == 0x2A || c == 0x5F || c == 0x7E || c == 0x23 || c == 0x2D else { return nil }
        var k = s
        while k < e && text[k] == c { k += 1 }
        return k - s >= 3 ? k : nil
    }

    func decorationStart(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        let c = text[e - 1]
        guard c == 0x3D || c == 0x2F || c == 0x2A || c == 0x5F || c == 0x7E || c == 0x23 || c == 0x2D else { return nil }
        var k = e
        while k > s && text[k - 1] == c { k -= 1 }
        return e - k >= 3 ? k : nil
    }

    func hasLetterOrDigit(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            let (c, l) = text.scalar(at: k)
            if c.isLetter || c.isDigit || c.properties.isEmojiPresentation || c.value > 0x2000 && c.properties.generalCategory == .otherSymbol { return true }
            k += l
        }
        return false
    }

    /// Whether `at` lies inside brackets opened earlier on its line (counted in `scan`) and closed later on it.
    func insideBrackets(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ scan: LineScan) -> Bool {
        guard scan.depth > 0 else { return false }
        var k = at
        var limit = 0
        while k < text.count && limit < 300 {
            let (c, l) = text.scalar(at: k)
            if c.isLineBreak { return false }
            if c == ")" || c == "]" || c == "}" || c == "）" { return true }
            k += l
            limit += 1
        }
        return false
    }

    /// Citation marks right after a sentence: "[1]", "[1][2] [3]"; their end, or nil.
    func citation(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        var k = at
        var end: Int?
        while k < text.count, text[k] == 0x5B {
            var j = k + 1
            while j < text.count, text[j] >= 0x30, text[j] <= 0x39 { j += 1 }
            guard j > k + 1, j < text.count, text[j] == 0x5D else { break }
            end = j + 1
            k = j + 1
            while k < text.count, text[k] == 0x20 { k += 1 }
        }
        return end
    }

    /// A straight single quote (or '') after a sentence end that closes a quotation: an opening one appears
    /// earlier on the line.
    func isClosingSingleQuote(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ scan: inout LineScan) -> Bool {
        scan.advance(text, to: at, lineStartOf: { lineStart(text, $0) })
        return scan.singleMarks % 2 == 1 || (at + 1 < text.count && text[at + 1] == 0x27)
    }

    /// "J.C.", "U.S.": single capitals each followed by a period.
    func isInitials(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            guard k + 1 < e, text[k] >= 0x41, text[k] <= 0x5A, text[k + 1] == 0x2E else { return false }
            k += 2
        }
        return true
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
    func isClosingStraightQuote(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ scan: inout LineScan) -> Bool {
        scan.advance(text, to: at, lineStartOf: { lineStart(text, $0) })
        return scan.straight % 2 == 1
    }

    /// Whether the token ending the left side is an abbreviation or an initial that ends no sentence here.
    func endsWithAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, next: Int) -> Bool {
        let t = tokens[k]
        let s = Int(t.span.start), e = Int(t.span.end)
        guard text[e - 1] == 0x2E else { return false }
        let nextIsFunctionWord = isCapitalisedFunctionWord(text, next)
        let form = String(decoding: UnsafeBufferPointer(rebasing: text[s..<e]), as: UTF8.self)
        func continues(_ cls: SegmentationRules.AbbreviationClass, numberBefore: Bool) -> Bool {
            switch cls {
            case .never: return true
            case .maybe: return !nextIsFunctionWord || text.scalar(at: next).0.isDigit
            case .caps: return !text.scalar(at: next).0.isUpper
            // "5 ft. 6 in. tall" and "In 44 B.C. Caesar was…" go on; "He left at 6 p.m. Travelers…" ends;
            // without a number it is a plain word ("Come in. Sit down.").
            case .unit: return numberBefore && (!text.scalar(at: next).0.isUpper || (!nextIsFunctionWord && !hasContentWord(text, tokens, k)))
            }
        }
        func numberBefore(_ index: Int) -> Bool { index >= 1 && tokens[index - 1].kind == .number }
        if let cls = rules.abbreviation(form) { return continues(cls, numberBefore: numberBefore(k)) }
        // "Mr . Robinson": an abbreviation written with a space before its period (tokenised text).
        if e - s == 1, k >= 1, tokens[k - 1].span.end < t.span.start, tokens[k - 1].kind == .word {
            let body = String(decoding: UnsafeBufferPointer(rebasing: text[Int(tokens[k - 1].span.start)..<Int(tokens[k - 1].span.end)]), as: UTF8.self)
            if let cls = rules.abbreviation(body + ".") { return continues(cls, numberBefore: numberBefore(k - 1)) }
        }
        // Initials: "J.C. Penney", "U.S. Government" (capitals and periods only).
        if e - s >= 4, isInitials(text, s, e) { return !nextIsFunctionWord }
        // "av. J.-C." and other two-word abbreviations.
        if k >= 1 {
            let p = tokens[k - 1]
            let two = String(decoding: UnsafeBufferPointer(rebasing: text[Int(p.span.start)..<e]), as: UTF8.self)
            if let cls = rules.abbreviation(two) { return continues(cls, numberBefore: numberBefore(k - 1)) }
            if p.span.end == t.span.start, isInitials(text, Int(p.span.start), e) { return !nextIsFunctionWord }
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
        guard k > at else { return text[at] != 0x28 }  // a quote or a digit: take it as a new sentence
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
