/// Marks page furniture as boilerplate: advertising markers, market-ticker blocks, bylines, "Lire aussi" links,
/// share and cookie prompts, "Article original publié sur …". Driven by `Lexicons/boilerplate.tsv` and by the
/// shape of lines (a block of short lines and figures is a ticker, whatever its index names).
struct BoilerplateDetector: Sendable {
    var lines: Set<String> = []
    var prefixes: [String] = []
    var shortContains: [String] = []
    /// `prefixes` and `shortContains` as bytes, built once, so that matching a line allocates nothing.
    fileprivate var prefixBytes: [[UInt8]] = []
    fileprivate var shortBytes: [[UInt8]] = []
    /// The first word of every agency name and byline word: a line that starts otherwise is no byline.
    fileprivate var bylineHeads: Set<Substring> = []
    var agencies: Set<String> = []
    /// Words that join agency names on a byline line ("Le Figaro avec AFP"): no name by themselves.
    var agencyLinks: Set<String> = []
    var bylineWords: Set<String> = []
    var tickerWords: Set<String> = []

    static func load(from lexicons: Lexicons) -> BoilerplateDetector {
        lexicons.cached("boilerplate") {
            var d = BoilerplateDetector()
            for file in lexicons.files("boilerplate.tsv") {
                for row in file.rows() where row.fields.count >= 2 {
                    let pattern = Folding.fold(String(row.fields[1].trimmingSpaces()))
                    switch row.fields[0] {
                    case "line": d.lines.insert(pattern)
                    case "prefix": d.prefixes.append(pattern)
                    case "short": d.shortContains.append(pattern)
                    case "agency": d.agencies.insert(pattern)
                    case "agency-link": d.agencies.insert(pattern); d.agencyLinks.insert(pattern)
                    case "byline": d.bylineWords.insert(pattern)
                    case "ticker": d.tickerWords.insert(pattern)
                    default: break
                    }
                }
            }
            d.prefixBytes = d.prefixes.map { Array($0.utf8) }
            d.shortBytes = d.shortContains.map { Array($0.utf8) }
            for w in d.agencies.union(d.bylineWords) {
                if let head = w.split(whereSeparator: { $0 == " " || $0 == "," }).first { d.bylineHeads.insert(head) }
            }
            return d
        }
    }

    /// A line of text, as the detector sees it.
    fileprivate struct Line {
        var span: Span          // content, trimmed, bullet removed
        var folded: String
        var words: Int          // words of two letters or more
        var digits: Bool
        var terminal: Bool      // ends with sentence punctuation
        var blank: Bool
    }

    func mark(_ sentences: inout [Sentence], in text: UnsafeBufferPointer<UInt8>) {
        guard !sentences.isEmpty else { return }
        let lines = readLines(text)
        var boiler = [Bool](repeating: false, count: lines.count)
        var byline = [Bool](repeating: false, count: lines.count)
        for (i, line) in lines.enumerated() where !line.blank {
            boiler[i] = isFurniture(line, text)
            if boiler[i] && line.words <= 6 && !line.terminal && isByline(line, text) { byline[i] = true }
        }
        markTickerBlocks(lines, &boiler)
        // Map sentences to lines.
        var li = 0
        for k in sentences.indices {
            let s = sentences[k].span
            while li < lines.count && lines[li].span.end <= s.start { li += 1 }
            var j = li
            var all = true, any = false, bylineOnly = true
            while j < lines.count && lines[j].span.start < s.end {
                if !lines[j].blank && lines[j].span.overlaps(s) {
                    any = true
                    if !boiler[j] { all = false }
                    if !byline[j] || boiler[j] && !byline[j] { bylineOnly = false }
                }
                j += 1
            }
            if any && all {
                sentences[k].boilerplate = true
                sentences[k].isByline = bylineOnly
            }
        }
    }
}

private extension BoilerplateDetector {
    func readLines(_ text: UnsafeBufferPointer<UInt8>) -> [Line] {
        var out: [Line] = []
        var start = 0
        let n = text.count
        var k = 0
        while k <= n {
            var isEnd = k == n
            var step = 1
            if !isEnd {
                let b = text[k]
                if b == 0x0A || b == 0x0D { isEnd = true; if b == 0x0D && k + 1 < n && text[k + 1] == 0x0A { step = 2 } }
                else if b >= 0x80 { let (c, l) = text.scalar(at: k); step = l; if c.isLineBreak { isEnd = true } }
            }
            if isEnd {
                out.append(makeLine(text, start, k))
                start = k + step
            }
            k += step
        }
        return out
    }

    func makeLine(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Line {
        var s = start, e = end
        // Trim white space and list bullets.
        while s < e {
            let (c, l) = text.scalar(at: s)
            if c.isSpace || c == "•" || c == "·" || c == "►" || c == "▶" || c == "■" || c == "▪" || c == "*" || c == "–" || c == "—" { s += l } else { break }
        }
        while e > s {
            let (c, p) = text.scalar(before: e)
            if c.isSpace { e = p } else { break }
        }
        if e <= s { return Line(span: Span(start, end), folded: "", words: 0, digits: false, terminal: false, blank: true) }
        var words = 0, letters = 0, digits = false
        var k = s
        // A line of more than 300 bytes has more than 12 words (no pattern reads their count beyond that):
        // prose paragraphs are not scanned letter by letter.
        if e - s > 300 { words = 99; k = e }
        while k < e {
            let (c, l) = text.scalar(at: k)
            if c.isLetter { letters += 1 } else {
                if letters >= 2 { words += 1 }
                letters = 0
                if c.isDigit { digits = true }
            }
            k += l
        }
        if letters >= 2 && words < 99 { words += 1 }
        let (last, _) = text.scalar(before: e)
        // Only the head of a long line is folded: patterns match whole short lines or line starts.
        var foldEnd = e
        if e - s > 160 {
            foldEnd = s + 64
            while foldEnd > s && (text[foldEnd] & 0xC0) == 0x80 { foldEnd -= 1 }
        }
        var folded = Folding.fold(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[s..<foldEnd]))
        while let l = folded.last, l == ":" || l == "." || l == " " { folded.removeLast() }
        return Line(span: Span(s, e), folded: folded, words: words, digits: digits,
                    terminal: last.isTerminal || last.isClosingQuote, blank: false)
    }

    func isFurniture(_ line: Line, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let f = line.folded
        if line.words <= 12 && lines.contains(f) { return true }
        var folded = f
        let matched = folded.withUTF8 { b -> Bool in
            for p in prefixBytes where Self.hasPrefix(b, p) {
                if b.count == p.count { return true }
                let next = b[p.count]
                if !(next >= 0x61 && next <= 0x7A) || p.last == 0x20 || p.last == 0x3A { return true }
            }
            if line.words <= 12 {
                for p in shortBytes where Self.contains(b, p) { return true }
            }
            return false
        }
        if matched { return true }
        if line.words <= 6 && !line.terminal && isByline(line, text) { return true }
        return false
    }

    @inline(__always)
    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ p: [UInt8]) -> Bool {
        guard b.count >= p.count else { return false }
        for i in 0..<p.count where b[i] != p[i] { return false }
        return true
    }

    /// Byte-level substring test (the standard library's generic search builds tables on every call).
    static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: [UInt8]) -> Bool {
        guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
        let first = n[0]
        outer: for i in 0...(h.count - n.count) where h[i] == first {
            for k in 1..<n.count where h[i + k] != n[k] { continue outer }
            return true
        }
        return false
    }

    /// "AFP", "Le Figaro avec AFP", "Par Jean Dupont", "By Jane Smith, Reuters".
    func isByline(_ line: Line, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most lines start with a word that no agency name or byline starts with: no need to split them.
        guard let head = line.folded.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "," }).first,
              bylineHeads.contains(head) else { return false }
        let words = line.folded.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return false }
        // Made of agency names only (up to three-word names), with at least one real name.
        var i = 0
        var named = false
        while i < words.count {
            var matched = 0
            for len in stride(from: min(3, words.count - i), through: 1, by: -1) {
                if agencies.contains(words[i..<(i + len)].joined(separator: " ")) { matched = len; break }
            }
            if matched == 0 { break }
            if !(matched == 1 && agencyLinks.contains(words[i])) { named = true }
            i += matched
        }
        if i == words.count && named { return true }
        // "Par" + capitalised names.
        if bylineWords.contains(words[0]), words.count >= 2, words.count <= 6 {
            var k = Int(line.span.start)
            let e = Int(line.span.end)
            // skip the first word
            while k < e, text.scalar(at: k).0.isLetter { k += text.scalar(at: k).1 }
            var capitalised = true
            var atWordStart = true
            while k < e {
                let (c, l) = text.scalar(at: k)
                if c.isLetter {
                    if atWordStart && !c.isUpper {
                        // allow particles: de, du, d', von, van, le, la
                        let rest = String(decoding: UnsafeBufferPointer(rebasing: text[k..<min(e, k + 4)]), as: UTF8.self)
                        if !(rest.hasPrefix("de ") || rest.hasPrefix("du ") || rest.hasPrefix("d'") || rest.hasPrefix("von") || rest.hasPrefix("van") || rest.hasPrefix("avec") || rest.hasPrefix("et ") || rest.hasPrefix("and")) { capitalised = false; break }
                    }
                    atWordStart = false
                } else {
                    atWordStart = c.isSpace || c == "," || c == "-" || c == "/"
                }
                k += l
            }
            return capitalised
        }
        return false
    }

    /// Runs of short lines and figures (index names, prices, percentages) are a market widget.
    func markTickerBlocks(_ lines: [Line], _ boiler: inout [Bool]) {
        var i = 0
        while i < lines.count {
            if lines[i].blank || !isTickerish(lines[i]) { i += 1; continue }
            var j = i
            var numeric = 0, total = 0, named = 0
            var last = i
            while j < lines.count {
                let l = lines[j]
                if l.blank { j += 1; continue }
                if !isTickerish(l) { break }
                total += 1
                if isNumericLine(l) { numeric += 1 }
                if tickerWords.contains(l.folded) { named += 1 }
                last = j
                j += 1
            }
            if (numeric >= 3 && numeric * 5 >= total * 2) || (named >= 1 && numeric >= 2) {
                for k in i...last where !lines[k].blank { boiler[k] = true }
            }
            i = last + 1
        }
    }

    func isNumericLine(_ l: Line) -> Bool { l.digits && l.words <= 1 }

    func isTickerish(_ l: Line) -> Bool {
        isNumericLine(l) || (l.words <= 5 && !l.terminal)
    }
}

extension BoilerplateDetector {
    /// True when a paragraph taken from a page is furniture on its own ("Advertisement", "Read more", a byline):
    /// the HTML reader leaves such paragraphs out of the article.
    func isFurniture(paragraph text: UnsafeBufferPointer<UInt8>) -> Bool {
        let line = makeLine(text, 0, text.count)
        return !line.blank && isFurniture(line, text)
    }
}
