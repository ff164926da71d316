import NewsNLP

extension Views {
    /// The quotes, one per line: speaker — « quote » — cue, with the kind and confidence.
    ///
    ///     David Sacks — « Il y a tellement de gens que ça crash » — essayait de justifier  (direct, 0.90)
    public static func quotes(_ d: Document) -> String {
        var out = ""
        for q in d.quotes {
            let speaker = q.speaker?.name ?? "(unknown)"
            let words = d.string(q.span).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
            let quote = q.kind == .indirect ? "‹ \(words) ›" : "« \(words) »"
            // A heading that repeats another quote says so instead of showing an empty cue.
            let cue = q.cue.map { d.string($0) } ?? q.echoes.map { "echoes quote \($0 + 1)" } ?? "—"
            let confidence = (q.confidence * 100).rounded() / 100
            out += "\(speaker) — \(quote) — \(cue)  (\(q.kind.rawValue), \(confidence))\n"
        }
        return out
    }
}
