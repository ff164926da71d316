import NewsNLP

extension Views {
    /// The tone (score, label, counts, the strongest words) and the stance toward each entity as an aligned table
    /// (entity, stance, score, mentions as `newsnlp entities` counts them, other references: role nouns and
    /// coreference references), each entity followed by its evidence sentences as text, strongest first.
    public static func tone(_ d: Document) -> String {
        guard let t = d.tone else { return "no tone\n" }
        var out = "tone: \(t.label.rawValue) \(format(t.score))  (positive \(t.positive), negative \(t.negative), words \(t.words))\n"
        let strongest = t.evidence.enumerated()
            .sorted { abs($0.element.score) != abs($1.element.score) ? abs($0.element.score) > abs($1.element.score) : $0.offset < $1.offset }
            .prefix(8)
        if !strongest.isEmpty {
            out += "words: " + strongest.map { "\(oneLine(d.string($0.element.span))) \(format($0.element.score))" }.joined(separator: ", ") + "\n"
        }
        let people = d.entities.filter { $0.stance != nil }
            .sorted { ($0.mentions.count + $0.roles.count + $0.references.count) > ($1.mentions.count + $1.roles.count + $1.references.count) }
        guard !people.isEmpty else { return out + "no entities\n" }
        let header = ["entity", "stance", "score", "mentions", "references"]
        let rows: [(cells: [String], evidence: [Int32])] = people.map { e in
            let st = e.stance!
            return ([e.name, st.label.rawValue, format(st.score), String(e.mentions.count), String(e.roles.count + e.references.count)], st.evidence)
        }
        var widths = header.map(\.count)
        for r in rows { for (k, c) in r.cells.enumerated() { widths[k] = max(widths[k], c.count) } }
        func line(_ r: [String]) -> String {
            var s = ""
            for (k, c) in r.enumerated() { s += k >= 2 ? pad(c, widths[k]) + "  " : c.padding(widths[k] + 1) }
            return s + "\n"
        }
        out += "\n" + line(header)
        for r in rows {
            out += line(r.cells)
            // The sentences that carry the stance, as text (at most three).
            for k in r.evidence.prefix(3) where Int(k) < d.sentences.count {
                out += "    [\(k)] " + oneLine(d.string(d.sentences[Int(k)].span)) + "\n"
            }
        }
        return out
    }

    /// A score with a sign and two decimals ("-0.35", "+0.12", "0.00").
    private static func format(_ x: Double) -> String {
        let cents = Int((abs(x) * 100).rounded())
        let body = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        return cents == 0 ? body : (x < 0 ? "-" : "+") + body
    }
}
