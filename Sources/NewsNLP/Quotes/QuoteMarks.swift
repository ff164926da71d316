/// A stretch of text between quote marks.
struct MarkedSpan: Sendable {
    /// The words inside the marks, padding spaces trimmed.
    var content: Span
    /// The opening mark (empty when it is missing and the quote runs from the start of its sentence).
    var open: Span
    var close: Span
}

/// Pairs quote marks: « » (and reversed » «), “ ” „, ‹ ›, and straight "…" by alternation with the side each
/// mark leans to. Marks pair only inside one paragraph, so an unbalanced mark never swallows the rest of the text.
enum QuoteMarks {
    private enum Family { case guillemet, curly, angle, straight }

    private struct Mark {
        var start: Int
        var length: Int
        var family: Family
        /// 1 opens, -1 closes, 0 either (a straight mark).
        var side: Int
        /// A space or nothing before, a word after: leans to opening.
        var leansOpen: Bool
        /// A word before, a space, punctuation or nothing after: leans to closing.
        var leansClose: Bool
    }

    /// - Complexity: O(n) in the length of the paragraphs.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, paragraphs: [Span], sentenceStart: (Int) -> Int) -> [MarkedSpan] {
        var out: [MarkedSpan] = []
        var marks: [Mark] = []
        for paragraph in paragraphs {
            marks.removeAll(keepingCapacity: true)
            var i = Int(paragraph.start)
            let end = Int(paragraph.end)
            while i < end {
                let b = text[i]
                if b != 0x22 && b != 0xC2 && b != 0xE2 && b != 0x27 && b != 0x60 { i += 1; continue }
                var (scalar, n) = text.scalar(at: i)
                let family: Family, side: Int
                if b == 0x27 || b == 0x60 {
                    // '' and `` stand for a double quote mark; a single apostrophe or backtick is no quote mark.
                    guard i + 1 < end && text[i + 1] == b else { i += 1; continue }
                    scalar = "\""
                    n = 2
                }
                switch scalar.value {
                case 0x22: family = .straight; side = 0
                case 0xAB: family = .guillemet; side = 1
                case 0xBB: family = .guillemet; side = -1
                case 0x201C, 0x201E: family = .curly; side = 1
                case 0x201D: family = .curly; side = -1
                case 0x2039: family = .angle; side = 1
                case 0x203A: family = .angle; side = -1
                default: i += n; continue
                }
                let (leansOpen, leansClose) = lean(text, at: i, length: n, within: Int(paragraph.start), end)
                marks.append(Mark(start: i, length: n, family: family, side: side, leansOpen: leansOpen, leansClose: leansClose))
                i += n
            }
            pair(marks, family: .guillemet, text, into: &out)
            pair(marks, family: .curly, text, into: &out)
            pair(marks, family: .angle, text, into: &out)
            pairStraight(marks, text, sentenceStart: sentenceStart, into: &out)
        }
        out.sort { $0.content.start != $1.content.start ? $0.content.start < $1.content.start : $0.content.end > $1.content.end }
        return out
    }

    /// The side a quote mark of `n` bytes at `i` leans to, from its neighbours inside [lower, upper): a space (or a
    /// bracket, a dash, nothing) before and a word after leans to opening; a word before and a space, punctuation
    /// or nothing after leans to closing.
    static func lean(_ text: UnsafeBufferPointer<UInt8>, at i: Int, length n: Int, within lower: Int, _ upper: Int) -> (open: Bool, close: Bool) {
        let before: Unicode.Scalar? = i > lower ? text.scalar(before: i).0 : nil
        let after: Unicode.Scalar? = i + n < upper ? text.scalar(at: i + n).0 : nil
        let spaceBefore = before.map { $0.isSpace || "([{—–-/".unicodeScalars.contains($0) } ?? true
        let spaceAfter = after.map { $0.isSpace || ".,;:!?)]}…".unicodeScalars.contains($0) } ?? true
        return (spaceBefore && !spaceAfter, !spaceBefore && spaceAfter)
    }

    /// Typographic marks: a stack, so that nested quotes pair inside out. A closing mark with nothing open that
    /// leans to opening is read as a reversed opening mark (» … «).
    private static func pair(_ marks: [Mark], family: Family, _ text: UnsafeBufferPointer<UInt8>, into out: inout [MarkedSpan]) {
        var stack: [Mark] = []
        var reversed = false
        for m in marks where m.family == family {
            var side = m.side
            if stack.isEmpty && side < 0 && m.leansOpen { side = 1; reversed = true }
            else if reversed && side > 0 && !stack.isEmpty && m.leansClose { side = -1 }
            if side > 0 {
                stack.append(m)
            } else if let o = stack.popLast() {
                emit(open: o.start, o.length, close: m.start, m.length, text, into: &out)
                if stack.isEmpty { reversed = false }
            }
        }
    }

    /// Straight marks: they alternate; a mark that clearly opens while one is open drops the unmatched one, and
    /// a mark that clearly closes with none open ends a quote whose opening mark is missing.
    private static func pairStraight(_ marks: [Mark], _ text: UnsafeBufferPointer<UInt8>, sentenceStart: (Int) -> Int, into out: inout [MarkedSpan]) {
        var open: Mark?
        var lastClose = -1
        for m in marks where m.family == .straight {
            if let o = open {
                if m.leansOpen && !m.leansClose && sentenceStart(m.start) != sentenceStart(o.start) {
                    open = m
                    continue
                }
                emit(open: o.start, o.length, close: m.start, m.length, text, into: &out)
                lastClose = m.start + m.length
                open = nil
            } else if m.leansClose && !m.leansOpen {
                // A missing opening mark: the speech runs from the start of the sentence.
                let from = max(sentenceStart(m.start), lastClose)
                if from < m.start { emit(open: from, 0, close: m.start, m.length, text, into: &out) }
                lastClose = m.start + m.length
            } else {
                open = m
            }
        }
    }

    private static func emit(open: Int, _ openLength: Int, close: Int, _ closeLength: Int, _ text: UnsafeBufferPointer<UInt8>, into out: inout [MarkedSpan]) {
        var s = open + openLength
        var e = close
        while s < e {
            let (c, n) = text.scalar(at: s)
            guard c.isSpace || c.extendsCharacter else { break }  // a mark on the quote mark belongs to it ("«\u{327}")
            s += n
        }
        while e > s {
            let (c, j) = text.scalar(before: e)
            // Padding spaces, and the comma of English "…," she said.
            guard c.isSpace || c == "," else { break }
            e = j
        }
        guard s < e else { return }
        out.append(MarkedSpan(content: Span(s, e), open: Span(open, open + openLength), close: Span(close, close + closeLength)))
    }
}
