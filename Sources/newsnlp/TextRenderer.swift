import NewsNLP

/// Plain-text views of a document for people: sentences one per line, tokens in aligned columns, CoNLL-U.
public struct TextRenderer: Sendable {
    public var unit: OffsetUnit

    public init(unit: OffsetUnit = .scalar) {
        self.unit = unit
    }

    /// One sentence per line; boilerplate sentences are shown after a "~" mark, headings after "#".
    public func sentences(_ d: Document) -> String {
        d.utf8.withUnsafeBufferPointer { text in
            let conv = OffsetConverter(text, unit: unit)
            var out = ""
            let width = String(d.sentences.count).count
            for (k, s) in d.sentences.enumerated() {
                let mark = s.boilerplate ? "~" : (s.isHeading ? "#" : " ")
                out += pad(String(k), width) + " " + mark + " " + oneLine(d.string(s.span)) + "\n"
                _ = conv
            }
            return out
        }
    }

    /// Tokens in aligned columns (start, end, kind, text), a blank line between sentences.
    public func tokens(_ d: Document) -> String {
        d.utf8.withUnsafeBufferPointer { text in
            let conv = OffsetConverter(text, unit: unit)
            var out = ""
            let w = String(conv.convert(Int32(d.utf8.count))).count
            var previous: Int32 = -1
            for t in d.tokens {
                if previous >= 0 && t.sentence != previous { out += "\n" }
                previous = t.sentence
                out += pad(String(conv.convert(t.span.start)), w) + "  " + pad(String(conv.convert(t.span.end)), w) + "  "
                out += t.kind.rawValue.padding(11) + d.string(t.span) + "\n"
            }
            return out
        }
    }

    /// CoNLL-U: one block per sentence with its text, one line per token; SpaceAfter=No where no space
    /// follows, and the token's offsets in MISC.
    public func conllu(_ d: Document) -> String {
        d.utf8.withUnsafeBufferPointer { text in
            let conv = OffsetConverter(text, unit: unit)
            var out = ""
            for (k, s) in d.sentences.enumerated() {
                out += "# sent_id = \(k + 1)\n# text = \(oneLine(d.string(s.span)))\n"
                if s.boilerplate { out += "# boilerplate = yes\n" }
                var id = 1
                for ti in Int(s.tokens.lowerBound)..<Int(s.tokens.upperBound) {
                    let t = d.tokens[ti]
                    var misc = "TokenRange=\(conv.convert(t.span.start)):\(conv.convert(t.span.end))"
                    let end = Int(t.span.end)
                    if end < text.count, !isSpace(text, at: end), ti + 1 < Int(s.tokens.upperBound) { misc = "SpaceAfter=No|" + misc }
                    let form = oneLine(d.string(t.span)).replacingTabs()
                    out += "\(id)\t\(form)\t_\t\(upos(t.kind))\t_\t_\t_\t_\t_\t\(misc)\n"
                    id += 1
                }
                out += "\n"
            }
            return out
        }
    }

    private func upos(_ k: TokenKind) -> String {
        switch k {
        case .punctuation: return "PUNCT"
        case .number: return "NUM"
        case .symbol: return "SYM"
        case .url, .email, .mention, .hashtag: return "X"
        case .word: return "_"
        }
    }
}

/// Whether the character that starts at byte `i` of the UTF-8 `text` is white space (no-break spaces included).
func isSpace(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    var bytes = text[i...].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let c) = decoder.decode(&bytes) else { return false }
    return c.properties.isWhitespace || c == "\u{FEFF}"
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

/// The string with line breaks and tabs turned into spaces.
func oneLine(_ s: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
    var lastWasBreak = false
    for c in s.unicodeScalars {
        if c == "\r" || c == "\n" || c == "\u{2028}" || c == "\u{2029}" {
            if !lastWasBreak { out.unicodeScalars.append(" ") }
            lastWasBreak = true
        } else {
            out.unicodeScalars.append(c)
            lastWasBreak = false
        }
    }
    return out
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
