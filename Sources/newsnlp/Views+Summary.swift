import NewsNLP

extension Views {
    /// The summary as plain text: its sentences in document order, one paragraph each.
    public static func summaryText(_ d: Document) -> String {
        guard let s = d.summary, !s.sentences.isEmpty else { return "" }
        return s.sentences.map { oneLine(d.string(d.sentences[Int($0)].span)) }.joined(separator: "\n") + "\n"
    }

    /// The summary as Markdown: the title as a heading (when the article has one), then one bullet per sentence.
    public static func summaryMarkdown(_ d: Document) -> String {
        var out = ""
        if let title = title(of: d) { out += "## " + markdownEscaped(oneLine(d.string(d.sentences[title].span))) + "\n\n" }
        for k in d.summary?.sentences ?? [] {
            out += "- " + markdownEscaped(oneLine(d.string(d.sentences[Int(k)].span))) + "\n"
        }
        return out
    }

    /// The index of the article's title: the first heading before any body sentence, if any.
    public static func title(of d: Document) -> Int? {
        for (k, s) in d.sentences.enumerated() where !s.boilerplate {
            return s.isHeading ? k : nil
        }
        return nil
    }

    /// Text with the characters that Markdown would read as markup escaped.
    static func markdownEscaped(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            switch c {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|": out.unicodeScalars.append("\\"); out.unicodeScalars.append(c)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
