import NewsNLP

/// Human-readable views of whole reports.
public enum Views {
    /// The report as text for people (`analyze --format text`): the title, language and counts, the summary,
    /// the entities (name, type, mentions, roles), the quotes (speaker — quote — cue), the tone and the stance
    /// toward each entity. Lines fit in `width` columns; `colour` adds ANSI styles (headings, types, labels).
    public static func overview(_ d: Document, unit: OffsetUnit = .scalar, width: Int = 100, colour: Bool = false) -> String {
        var r = TextReport(width: width, colour: colour)
        let body = d.sentences.filter { !$0.boilerplate }.count
        if let t = title(of: d) { r.wrapped(oneLine(d.string(d.sentences[t].span)), style: .bold) }
        if let s = d.source { r.line(s, style: .dim) }
        r.line("language: \(d.language.code)")
        r.line("sentences: \(d.sentences.count) (\(d.sentences.count - body) boilerplate)")
        r.line("entities: \(d.entities.count), quotes: \(d.quotes.count)")

        r.heading("Summary")
        let summary = d.summary?.sentences ?? []
        if summary.isEmpty { r.line("  (no sentence chosen)", style: .dim) }
        for k in summary { r.wrapped(oneLine(d.string(d.sentences[Int(k)].span)), first: "- ", rest: "  ") }

        r.heading("Entities")
        if d.entities.isEmpty { r.line("  (none)", style: .dim) }
        let entities = d.entities.enumerated()
            .sorted { $0.element.mentions.count != $1.element.mentions.count ? $0.element.mentions.count > $1.element.mentions.count : $0.offset < $1.offset }
            .map(\.element)
        r.table(["name", "type", "mentions", "roles"], rightAligned: [2], entities.map { e in
            let roles = Array(Set(e.roles.map { oneLine(d.string($0.span)) })).sorted()
            return [e.name, e.type.rawValue, String(e.mentions.count), roles.joined(separator: "; ")]
        }, styles: entities.map { [TextStyle.forType($0.type)] })

        r.heading("Quotes")
        if d.quotes.isEmpty { r.line("  (none)", style: .dim) }
        let echoes = headingEchoes(d)
        let echoed = Set(echoes.values)
        for (k, q) in d.quotes.enumerated() where echoes[k] == nil {
            let words = oneLine(d.string(q.span))
            let quote = q.kind == .indirect ? "‹ \(words) ›" : "« \(words) »"
            let cue = q.cue.map { oneLine(d.string($0)) } ?? "(no cue)"
            let confidence = (q.confidence * 100).rounded() / 100
            // The closing details stay on one line (U+E000 glues them until the line is wrapped).
            var tail = "(\(q.kind.rawValue),\u{E000}\(confidence))"
            if echoed.contains(k) { tail += "\u{E000}(also\u{E000}in\u{E000}the\u{E000}title)" }
            for l in wrap("\(q.speaker?.name ?? "(unknown)") — \(quote) — \(cue) " + tail, width: r.width, first: "- ", rest: "    ") {
                r.line(String(l.map { $0 == "\u{E000}" ? " " : $0 }))
            }
        }

        r.heading("Tone and stance")
        if let t = d.tone {
            r.line("tone: " + r.styled(t.label.rawValue, .forLabel(t.label)) + " \(signed(t.score))"
                   + "  (positive \(t.positive), negative \(t.negative), words \(t.words))")
            let strongest = t.evidence.enumerated()
                .sorted { abs($0.element.score) != abs($1.element.score) ? abs($0.element.score) > abs($1.element.score) : $0.offset < $1.offset }
                .prefix(8).map { "\(oneLine(d.string($0.element.span))) \(signed($0.element.score))" }
            if !strongest.isEmpty { r.wrapped("words: " + strongest.joined(separator: ", "), rest: "       ") }
        } else {
            r.line("(no tone)", style: .dim)
        }
        let withStance = entities.filter { $0.stance != nil }
        if !withStance.isEmpty {
            r.line("")
            r.table(["entity", "stance", "score", "evidence"], rightAligned: [2], withStance.map { e in
                let st = e.stance!
                let evidence = st.evidence.first.map { "[\($0)] " + oneLine(d.string(d.sentences[Int($0)].span)) } ?? ""
                return [e.name, st.label.rawValue, signed(st.score), evidence]
            }, styles: withStance.map { [.forType($0.type), .forLabel($0.stance!.label)] }, truncateLast: true)
        }
        return r.out
    }

    /// A score with a sign and two decimals ("-0.35", "+0.12", "0.00").
    static func signed(_ x: Double) -> String {
        let cents = Int((abs(x) * 100).rounded())
        let digits = String(cents % 100)
        let body = "\(cents / 100)." + (digits.count < 2 ? "0" : "") + digits
        return cents == 0 ? body : (x < 0 ? "-" : "+") + body
    }
}

/// An ANSI style of the text report.
enum TextStyle: String {
    case plain = "", bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35"

    static func forType(_ t: EntityType) -> TextStyle {
        switch t {
        case .person: return .blue
        case .organisation: return .green
        case .location: return .red
        case .miscellaneous: return .magenta
        }
    }

    static func forLabel(_ p: Polarity) -> TextStyle {
        switch p {
        case .positive: return .green
        case .negative: return .red
        default: return .plain
        }
    }
}

/// Builds a text report line by line within a width, with ANSI styles when asked (styles never count in widths).
struct TextReport {
    let width: Int
    let colour: Bool
    var out = ""

    init(width: Int, colour: Bool) {
        self.width = max(width, 40)
        self.colour = colour
    }

    func styled(_ s: String, _ style: TextStyle) -> String {
        guard colour, style != .plain, !s.isEmpty else { return s }
        return "\u{1B}[" + style.rawValue + "m" + s + "\u{1B}[0m"
    }

    mutating func line(_ s: String, style: TextStyle = .plain) {
        out += styled(s, style) + "\n"
    }

    mutating func heading(_ s: String) {
        out += "\n" + styled(s, .bold) + "\n"
    }

    /// `s` wrapped at spaces, the first line after `first`, the next ones after `rest`; a word longer than a
    /// line is cut.
    mutating func wrapped(_ s: String, first: String = "", rest: String = "", style: TextStyle = .plain) {
        for l in wrap(s, width: width, first: first, rest: rest) { line(l, style: style) }
    }

    /// An aligned table: every column as wide as its widest cell but the last, which wraps (or is cut with "…"
    /// when `truncateLast`) to keep lines within the width. `styles[row][k]` styles the row's cell `k`.
    mutating func table(_ header: [String], rightAligned: Set<Int>, _ rows: [[String]], styles: [[TextStyle]],
                        truncateLast: Bool = false) {
        guard !rows.isEmpty else { return }
        let last = header.count - 1
        var widths = header.map(\.count)
        for r in rows { for k in 0..<last { widths[k] = max(widths[k], r[k].count) } }
        // The fixed columns take what they need, up to 40 columns for a long name; the last column the rest.
        widths[0] = min(widths[0], 40)
        let indent = "  "
        let fixed = indent.count + widths[..<last].reduce(0, +) + 2 * last
        let lastWidth = max(width - fixed, 20)
        func cells(_ r: [String], _ st: [TextStyle]) -> String {
            var s = indent
            for k in 0..<last {
                var c = r[k]
                if c.count > widths[k] { c = String(c.prefix(widths[k] - 1)) + "…" }
                let padding = String(repeating: " ", count: widths[k] - c.count)
                let cell = styled(c, k < st.count ? st[k] : .plain)
                s += (rightAligned.contains(k) ? padding + cell : cell + padding) + "  "
            }
            return s
        }
        out += styled(cells(header, []) + header[last], .dim) + "\n"
        let continuation = String(repeating: " ", count: fixed)
        for (i, r) in rows.enumerated() {
            let text = r[last]
            var lines: [String]
            if truncateLast {
                lines = [text.count > lastWidth ? String(text.prefix(lastWidth - 1)) + "…" : text]
            } else {
                lines = wrap(text, width: lastWidth, first: "", rest: "")
            }
            if lines.isEmpty { lines = [""] }
            let head = cells(r, styles[i]) + lines[0]
            out += (lines[0].isEmpty ? String(head.reversed().drop { $0 == " " }.reversed()) : head) + "\n"
            for l in lines.dropFirst() { out += continuation + l + "\n" }
        }
    }
}

/// `s` cut into lines of at most `width` characters at spaces, the first line prefixed by `first` and the others
/// by `rest`; a word longer than a line is cut.
func wrap(_ s: String, width: Int, first: String, rest: String) -> [String] {
    var lines: [String] = []
    var current = first
    var currentCount = first.count
    var empty = true
    for word in s.split(separator: " ", omittingEmptySubsequences: true) {
        var w = Substring(word)
        while true {
            let need = (empty ? 0 : 1) + w.count
            if currentCount + need <= width {
                current += (empty ? "" : " ") + w
                currentCount += need
                empty = false
                break
            }
            if empty {
                // A word longer than the line: cut it.
                let room = max(width - currentCount, 1)
                current += w.prefix(room)
                w = w.dropFirst(room)
                lines.append(current)
                current = rest; currentCount = rest.count
                if w.isEmpty { break }
                continue
            }
            lines.append(current)
            current = rest; currentCount = rest.count; empty = true
        }
    }
    if !empty || lines.isEmpty { lines.append(current) }
    return lines
}

extension Views {
    /// The quotes of a heading that repeat a later quote of the article (the title quoting what the body
    /// reports with its cue): the index of each such heading quote, to the index of the quote it echoes.
    /// Views show the pair once, the later quote marked as also in the heading.
    static func headingEchoes(_ d: Document) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (i, q) in d.quotes.enumerated() where q.cue == nil {
            guard let s = sentence(containing: q.span.start, in: d), d.sentences[s].isHeading else { continue }
            let words = normalised(d.string(q.span))
            guard !words.isEmpty else { continue }
            for j in d.quotes.indices where j != i {
                let other = d.quotes[j]
                guard other.span.start > q.span.end, other.speaker?.name == q.speaker?.name else { continue }
                let later = normalised(d.string(other.span))
                if later == words || later.contains(words) || words.contains(later) { out[i] = j; break }
            }
        }
        return out
    }

    /// The index of the sentence that contains byte offset `offset`, if any (a binary search).
    static func sentence(containing offset: Int32, in d: Document) -> Int? {
        var lo = 0, hi = d.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.sentences[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < d.sentences.count && d.sentences[lo].span.start <= offset ? lo : nil
    }

    /// Lower-case letters and digits with single spaces: quotes compared whatever their punctuation and case.
    private static func normalised(_ s: String) -> String {
        var out = ""
        var space = false
        for c in s.lowercased() {
            if c.isLetter || c.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                out.append(c)
                space = false
            } else {
                space = true
            }
        }
        return out
    }
}
