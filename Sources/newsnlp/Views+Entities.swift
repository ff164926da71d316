import NewsNLP

extension Views {
    /// Entities as an aligned table: name, type, source, mention count, first position, the forms used.
    public static func entities(_ d: Document, unit: OffsetUnit = .scalar) -> String {
        guard !d.entities.isEmpty else { return "no entities\n" }
        return d.utf8.withUnsafeBufferPointer { text in
            let conv = OffsetConverter(text, unit: unit)
            let rows: [[String]] = d.entities.map { e in
                var forms: [String] = []
                for m in e.mentions {
                    let f = oneLine(d.string(m.span))
                    if !forms.contains(f) { forms.append(f) }
                }
                let roles = Array(Set(e.roles.map { oneLine(d.string($0.span)) })).sorted()
                return [e.name, e.type.rawValue, e.source.rawValue, String(e.mentions.count),
                        String(conv.convert(e.mentions.first?.span.start ?? 0)),
                        forms.joined(separator: " | ") + (roles.isEmpty ? "" : "  (" + roles.joined(separator: "; ") + ")")]
            }
            let header = ["name", "type", "source", "mentions", "first", "forms (roles)"]
            var widths = header.map(\.count)
            for r in rows { for (k, c) in r.enumerated() where k < 5 { widths[k] = max(widths[k], c.count) } }
            func line(_ r: [String]) -> String {
                var s = ""
                for (k, c) in r.enumerated() { s += k < 5 ? c.padding(widths[k] + 1) : c }
                return s + "\n"
            }
            return line(header) + rows.map(line).joined()
        }
    }
}
