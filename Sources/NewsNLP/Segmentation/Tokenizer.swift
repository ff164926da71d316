/// Word tokens: ICU word breaks, then a repair layer for French and English news conventions.
///
/// ICU keeps "l'équipe" whole, splits every hyphen, splits "38 852,86" and URLs; the repair layer follows the
/// Universal Dependencies conventions instead: "l'" + "équipe", "peut-être" whole, "a" + "-t-il",
/// "38 852,86" one number, a URL one token.
struct Tokenizer {
    let rules: SegmentationRules
    let language: Language

    /// A raw ICU segment.
    fileprivate struct Raw {
        var start: Int
        var end: Int
        var status: Int32
    }

    /// Tokens flagged where a sentence must end after them though ICU saw no break ("élu.Le").
    struct Output {
        var tokens: [Token] = []
        /// Byte offsets where a glued sentence boundary was found.
        var gluedBoundaries: [Int] = []
    }

    func tokenize(_ text: UnsafeBufferPointer<UInt8>, using words: BreakIterator) -> Output {
        var raws: [Raw] = []
        raws.reserveCapacity(text.count / 5 + 8)
        var last = 0
        words.forEachBoundary(in: text) { end, status in
            var start = last
            last = end
            // ICU keeps a U+FEFF or U+202F at a word's edge with the word (Format, ExtendNumLet): a token holds
            // no white space at its edges, unless a combining mark follows it (then both are one character).
            var end = end
            while start < end {
                let (c, l) = text.scalar(at: start)
                if c.isSpace && !text.spaceCarriesMark(c, at: start, length: l, end: end) { start += l } else { break }
            }
            while end > start {
                let (c, p) = text.scalar(before: end)
                if c.isSpace { end = p } else { break }
            }
            if end <= start { return }
            raws.append(Raw(start: start, end: end, status: status))
        }
        var out = Output()
        out.tokens.reserveCapacity(raws.count + raws.count / 8)
        var i = 0
        let n = raws.count
        while i < n {
            let r = raws[i]
            let (first, _) = text.scalar(at: r.start)

            // URLs: "http(s)://…", "www.…" up to white space, without trailing punctuation.
            if first.isLetter, let urlEnd = urlEnd(text, raws, i) {
                out.tokens.append(Token(span: Span(r.start, urlEnd), kind: .url))
                while i < n && raws[i].start < urlEnd { i += 1 }
                continue
            }
            // Hashtags and mentions split by ICU: "#" or "@" glued to a word.
            if (first == "#" || first == "@") && r.end - r.start == 1 && i + 1 < n && raws[i + 1].start == r.end && raws[i + 1].status >= 100 {
                out.tokens.append(Token(span: Span(r.start, raws[i + 1].end), kind: first == "#" ? .hashtag : .mention))
                i += 2
                continue
            }
            if r.status >= 100 || first.isLetter || first.isDigit {
                i = word(text, raws, i, &out)
                continue
            }
            // Two apostrophes or two backticks are one quote mark ('' and ``, as some wires write “ and ”).
            if (first == "'" || first == "`") && r.end - r.start == 1 && i + 1 < n && raws[i + 1].start == r.end
                && raws[i + 1].end == r.end + 1 && text[r.end] == text[r.start] {
                out.tokens.append(Token(span: Span(r.start, r.end + 1), kind: .punctuation))
                i += 2
                continue
            }
            out.tokens.append(Token(span: Span(r.start, r.end), kind: Self.kindOfNonWord(first)))
            // A closing quote mark glued to the capitalised word of the next sentence: « ailleurs"L'exécutif »,
            // « oui »Le » (an intertitle or heading run into the text).
            if i + 1 < n, raws[i + 1].start == r.end, closesQuote(text, first, at: r.start), startsSentenceWord(text, raws[i + 1].start, raws[i + 1].end) {
                out.gluedBoundaries.append(r.end)
            }
            i += 1
        }
        return out
    }

    /// A quote mark that can only close a quote here: » and ” always, a straight " after a non-space.
    func closesQuote(_ text: UnsafeBufferPointer<UInt8>, _ c: Unicode.Scalar, at start: Int) -> Bool {
        switch c {
        case "\u{BB}", "\u{201D}": return true
        case "\"": return start > 0 && !text.scalar(before: start).0.isSpace
        default: return false
        }
    }

    /// A capital followed by a lower-case letter or an elision apostrophe ("Le", "L'exécutif").
    func startsSentenceWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let (u, ul) = text.scalar(at: start)
        guard u.isUpper, start + ul < end else { return false }
        let (v, vl) = text.scalar(at: start + ul)
        if v.isLower { return true }
        return (v == "'" || v == "\u{2019}") && start + ul + vl < end && text.scalar(at: start + ul + vl).0.isLower
    }

    static func kindOfNonWord(_ c: Unicode.Scalar) -> TokenKind {
        if c.value < 0x80 {
            // ASCII symbols (Sc, Sm, Sk); every other ASCII non-word character is punctuation.
            switch c {
            case "$", "+", "<", "=", ">", "|", "~", "^", "`": return .symbol
            default: if c.value > 0x20 && c.value != 0x7F { return .punctuation }
            }
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        default:
            return .symbol
        }
    }
}

private extension Tokenizer {
    /// The end of a URL starting at raw token `i`, or nil.
    func urlEnd(_ text: UnsafeBufferPointer<UInt8>, _ raws: [Raw], _ i: Int) -> Int? {
        let r = raws[i]
        let len = r.end - r.start
        guard len >= 3, len <= 5 else { return nil }
        func lower(_ k: Int) -> UInt8 { text[k] | 0x20 }
        var isURL = false
        if len == 3, lower(r.start) == 0x77, lower(r.start + 1) == 0x77, lower(r.start + 2) == 0x77,
           r.end < text.count, text[r.end] == 0x2E {
            isURL = true  // www.
        } else if r.end + 3 <= text.count, text[r.end] == 0x3A, text[r.end + 1] == 0x2F, text[r.end + 2] == 0x2F {
            var scheme = ""
            for k in r.start..<r.end { scheme.unicodeScalars.append(Unicode.Scalar(lower(k))) }
            isURL = scheme == "http" || scheme == "https" || scheme == "ftp"
        }
        guard isURL else { return nil }
        var end = r.end
        var parens = 0
        while end < text.count {
            let (c, l) = text.scalar(at: end)
            if c.isSpace || c == "«" || c == "»" || c == "\"" || c == "<" || c == ">" || c == "“" || c == "”" { break }
            if c == "(" { parens += 1 }
            if c == ")" { if parens == 0 { break }; parens -= 1 }
            end += l
        }
        // Trailing punctuation belongs to the sentence.
        while end > r.end {
            let (c, start) = text.scalar(before: end)
            if c == "." || c == "," || c == ";" || c == ":" || c == "!" || c == "?" || c == "'" || c == "’" { end = start } else { break }
        }
        return end
    }

    /// Handles a word or number starting at raw token `i`; returns the index of the next raw token.
    func word(_ text: UnsafeBufferPointer<UInt8>, _ raws: [Raw], _ i: Int, _ out: inout Output) -> Int {
        let n = raws.count
        var r = raws[i]
        let (first, _) = text.scalar(at: r.start)

        // Numbers with digit groups: "38 852,86", "1 195,75" (space, NBSP or narrow NBSP before each group of 3).
        if first.isDigit, r.status >= 100 || allDigits(text, r.start, r.end) {
            var j = i
            var end = r.end
            if allDigits(text, r.start, r.end) && r.end - r.start <= 3 {
                while j + 1 < n {
                    let next = raws[j + 1]
                    let gap = next.start - end
                    guard gap >= 1, gap <= 3, isGroupSpace(text, end, next.start) else { break }
                    guard startsWithThreeDigitGroup(text, next.start, next.end) else { break }
                    end = next.end
                    j += 1
                }
            }
            if j > i {
                out.tokens.append(Token(span: Span(r.start, end), kind: .number))
                return j + 1
            }
        }

        // Abbreviations with their period, and multi-part ones ("U.S.", "J.-C.", "M.").
        if let (end, next) = abbreviationEnd(text, raws, i) {
            out.tokens.append(Token(span: Span(r.start, end), kind: .word))
            return next
        }

        // Hyphenated chains: word-word(-word…), adjacent, no space. (Most words have no hyphen glued after them:
        // they skip this without allocating the list of parts.)
        var j = i
        let glued = i + 2 < n && raws[i + 1].start == r.end
        var elements: [(Int, Int)] = glued ? [(r.start, r.end)] : []
        while glued && j + 2 < n {
            let h = raws[j + 1], w = raws[j + 2]
            guard h.start == raws[j].end, w.start == h.end, h.end - h.start <= 3 else { break }
            let (hc, hl) = text.scalar(at: h.start)
            guard hc.isHyphen, hl == h.end - h.start else { break }
            let (wc, _) = text.scalar(at: w.start)
            guard wc.isLetter || wc.isDigit else { break }
            elements.append((w.start, w.end))
            j += 2
        }
        if elements.count > 1 {
            emitCompound(text, elements, &out)
            return j + 1
        }

        // E-mail addresses and mentions that ICU kept whole.
        if first == "@" {
            out.tokens.append(Token(span: Span(r.start, r.end), kind: .mention))
            return i + 1
        }
        if contains(text, r.start, r.end, 0x40) {
            out.tokens.append(Token(span: Span(r.start, r.end), kind: .email))
            return i + 1
        }
        // Glued sentences: "exprimé.Il" → "exprimé" "." "Il"; a web domain ("BFMTV.com") is one token.
        if isDomain(text, r.start, r.end) || startsWithWWW(text, r.start, r.end) {
            out.tokens.append(Token(span: Span(r.start, r.end), kind: .url))
            return i + 1
        }
        if let dot = gluedPeriod(text, r.start, r.end) {
            let after = dot + text.scalar(at: dot).1
            emitWord(text, r.start, dot, &out)
            out.tokens.append(Token(span: Span(dot, after), kind: .punctuation))
            out.gluedBoundaries.append(after)
            r.start = after
        }
        if isDomain(text, r.start, r.end) {
            out.tokens.append(Token(span: Span(r.start, r.end), kind: .url))
            return i + 1
        }
        emitWord(text, r.start, r.end, &out)
        return i + 1
    }

    /// Emits a hyphenated compound: whole, or with inverted clitics split off ("dit" + "-il", "a" + "-t-il").
    func emitCompound(_ text: UnsafeBufferPointer<UInt8>, _ elements: [(Int, Int)], _ out: inout Output) {
        let start = elements[0].0, end = elements[elements.count - 1].1
        if rules.whole.contains(fold(text, start, end)) {
            emitWord(text, start, end, &out, compound: true)
            return
        }
        // Peel clitics off the end; "t" joins the clitic after it ("-t-il").
        var cut = elements.count
        while cut > 1 {
            let (s, e) = elements[cut - 1]
            let f = fold(text, s, e)
            guard rules.clitics.contains(f) else { break }
            if cut >= 3, fold(text, elements[cut - 2].0, elements[cut - 2].1) == "t" {
                cut -= 2
            } else {
                cut -= 1
            }
        }
        if cut == elements.count || rules.clitics.isEmpty {
            emitWord(text, start, end, &out, compound: true)
            return
        }
        emitWord(text, start, elements[cut - 1].1, &out, compound: cut > 1)
        var k = cut
        while k < elements.count {
            let hyphenStart = elements[k - 1].1
            var e = elements[k].1
            if fold(text, elements[k].0, elements[k].1) == "t", k + 1 < elements.count {
                e = elements[k + 1].1
                k += 1
            }
            out.tokens.append(Token(span: Span(hyphenStart, e), kind: .word))
            k += 1
        }
    }

    /// Emits a word, splitting French elisions ("l'" + "équipe") or English contractions ("do" + "n't").
    func emitWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ out: inout Output, compound: Bool = false) {
        let kind: TokenKind = text.scalar(at: start).0.isDigit && !compound ? .number : .word
        var s = start
        if !rules.elisions.isEmpty {
            // Up to two elisions ("qu'l'…" is rare; "jusqu'à", "d'l'" never): loop while one matches.
            while true {
                guard let apo = apostrophe(text, s, min(end, s + 8)) else { break }
                let afterApo = apo.1
                guard afterApo < end else { break }
                let (next, _) = text.scalar(at: afterApo)
                guard next.isLetter || next.isDigit else { break }
                if rules.whole.contains(fold(text, s, end)) { break }
                guard rules.elisions.contains(fold(text, s, apo.0)) else { break }
                out.tokens.append(Token(span: Span(s, afterApo), kind: .word))
                s = afterApo
            }
        } else if !rules.suffixes.isEmpty, end - s > 2 {
            // English: the longest suffix that leaves a word.
            let f = fold(text, s, end)
            if !rules.whole.contains(f) {
                for suffix in rules.suffixes where f.hasSuffix(suffix) && f.utf8.count > suffix.utf8.count {
                    let cut = end - byteLength(text, s, end, folded: suffix)
                    if cut > s {
                        out.tokens.append(Token(span: Span(s, cut), kind: kind))
                        out.tokens.append(Token(span: Span(cut, end), kind: .word))
                        return
                    }
                }
            }
        }
        out.tokens.append(Token(span: Span(s, end), kind: s == start ? kind : .word))
    }

    /// Byte length, in the original text, of the trailing `folded` suffix (apostrophes may be 3 bytes).
    func byteLength(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, folded: String) -> Int {
        var count = folded.unicodeScalars.count
        var e = end
        while count > 0 && e > start {
            e = text.scalar(before: e).1
            count -= 1
        }
        return end - e
    }

    /// The first apostrophe in [start, limit): its offset and the offset after it.
    func apostrophe(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> (Int, Int)? {
        var k = start
        while k < limit {
            let (c, l) = text.scalar(at: k)
            if c.isApostrophe { return (k, k + l) }
            k += l
        }
        return nil
    }

    func wordEnd(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var k = start
        while k < end {
            let (c, l) = text.scalar(at: k)
            if !c.isLetter { break }
            k += l
        }
        return k
    }

    /// An abbreviation from the lists that starts at raw token `i`: its end and the next raw token.
    func abbreviationEnd(_ text: UnsafeBufferPointer<UInt8>, _ raws: [Raw], _ i: Int) -> (Int, Int)? {
        let n = raws.count
        guard i + 1 < n, raws[i + 1].start == raws[i].end, text[raws[i + 1].start] == 0x2E || text[raws[i + 1].start] == 0x2D else {
            // "U.S" + "." comes as one raw token plus a period.
            return nil
        }
        var best: (Int, Int)?
        var j = i
        let start = raws[i].start
        while j < n && j < i + 8 {
            if j > i && raws[j].start != raws[j - 1].end { break }
            let end = raws[j].end
            if end - start > rules.longestAbbreviation { break }
            if text[end - 1] == 0x2E, rules.abbreviations[String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)] != nil {
                best = (end, j + 1)
            }
            j += 1
        }
        if best != nil { return best }
        // A single capital initial before a capitalised name: "J. K. Rowling", "John F. Kennedy".
        if raws[i].end - raws[i].start <= 2, text[raws[i + 1].start] == 0x2E, raws[i + 1].end - raws[i + 1].start == 1 {
            let (c, l) = text.scalar(at: raws[i].start)
            if c.isUpper, l == raws[i].end - raws[i].start, let nextWord = nextWordStart(text, raws[i + 1].end) {
                let (nc, _) = text.scalar(at: nextWord)
                if nc.isUpper, !rules.stopwords.contains(fold(text, nextWord, wordEnd(text, nextWord, text.count))) {
                    return (raws[i + 1].end, i + 2)
                }
            }
        }
        return nil
    }

    /// The start of the next word after horizontal white space (one line), or nil.
    func nextWordStart(_ text: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int? {
        var k = from
        var sawSpace = false
        while k < text.count {
            let (c, l) = text.scalar(at: k)
            if c.isHorizontalSpace { sawSpace = true; k += l; continue }
            return sawSpace && c.isLetter ? k : nil
        }
        return nil
    }

    /// In "exprimé.Il", the offset of the period; nil for "U.S", "3.14", "BFMTV.com" or "e.g".
    func gluedPeriod(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        // A period, or a full-width one (U+FF0E is EF BC 8E in UTF-8).
        guard contains(text, start, end, 0x2E) || contains(text, start, end, 0x8E) else { return nil }
        var k = start
        var lowerRun = 0, upperRun = 0
        while k < end {
            let (c, l) = text.scalar(at: k)
            if (c == "." || c == "\u{FF0E}") && (lowerRun >= 2 || upperRun >= 2) && k + l < end {
                // "exprimé.Il", and an elided article after the period: "procureur.L'assaillant".
                if startsSentenceWord(text, k + l, end) { return k }
                // A one-letter capitalised word after it: "Berlin.A Lesbos" (not "U.S.A", whose letters are single).
                let (u, ul) = text.scalar(at: k + l)
                if u.isUpper && k + l + ul == end && end < text.count && text.scalar(at: end).0.isSpace { return k }
            }
            lowerRun = c.isLower ? lowerRun + 1 : 0
            // A word of capitals only before the period also ends a sentence ("RTL.La"; not "U.S.A", whose letters
            // are single, nor "Us.Net" or "Mc.Donalds").
            upperRun = c.isUpper && (upperRun > 0 || k == start) ? upperRun + 1 : (c.isUpper || c.isLower ? -1000 : 0)
            k += l
        }
        return nil
    }

    func isDomain(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // name.tld with a common top-level domain: "BFMTV.com", "lemonde.fr".
        guard end - start >= 4 else { return false }
        var dot = -1
        for k in stride(from: end - 1, through: start, by: -1) where text[k] == 0x2E { dot = k; break }
        guard dot > start, end - dot >= 3, end - dot <= 5 else { return false }
        let tld = String(decoding: UnsafeBufferPointer(rebasing: text[(dot + 1)..<end]), as: UTF8.self).lowercased()
        return ["com", "fr", "org", "net", "io", "eu", "be", "ch", "ca", "uk", "us", "info", "gouv", "tv", "de"].contains(tld)
    }

    func startsWithWWW(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        end - start > 5 && (text[start] | 0x20) == 0x77 && (text[start + 1] | 0x20) == 0x77 && (text[start + 2] | 0x20) == 0x77 && text[start + 3] == 0x2E
    }

    func allDigits(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for k in start..<end where text[k] < 0x30 || text[k] > 0x39 { return false }
        return end > start
    }

    func startsWithThreeDigitGroup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, allDigits(text, start, start + 3) else { return false }
        if end - start == 3 { return true }
        let c = text[start + 3]
        return c == 0x2C || c == 0x2E  // a decimal part follows: "852,86"
    }

    /// One space, NBSP or narrow NBSP between two digit groups.
    func isGroupSpace(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let (c, l) = text.scalar(at: start)
        return start + l == end && (c == " " || c == "\u{A0}" || c == "\u{202F}" || c == "\u{2009}")
    }

    func contains(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ byte: UInt8) -> Bool {
        for k in start..<end where text[k] == byte { return true }
        return false
    }

    func fold(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        Folding.fold(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[start..<end]))
    }
}
