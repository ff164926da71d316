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

extension Views {
    /// The summary with, under each chosen sentence, its score and the features that weighed most for it
    /// (`newsnlp summarize --explain`): the learned model's terms (weight × value) furthest from the article's average
    /// candidate's, or, with the hand weights,
    /// the sentence's standing and its position, coverage and centrality.
    public static func summaryExplained(_ d: Document, strongest: Int = 4) -> String {
        guard let s = d.summary, !s.sentences.isEmpty else { return "" }
        var byIndex: [Int32: SummaryCandidate] = [:]
        for c in s.candidates ?? [] { byIndex[c.sentence] = c }
        let names = SummaryFeature.allCases.map(\.rawValue)
        var averages = [Double](repeating: 0, count: names.count)
        let all = s.candidates ?? []
        for c in all where !c.contributions.isEmpty { for f in averages.indices { averages[f] += c.contributions[f] / Double(all.count) } }
        var out = ""
        for (k, index) in s.sentences.enumerated() {
            let score = k < s.scores.count ? s.scores[k] : 0
            out += "[\(decimal(score, 3))] " + oneLine(d.string(d.sentences[Int(index)].span)) + "\n"
            guard let c = byIndex[index] else { continue }
            if c.contributions.isEmpty {
                let shown: [SummaryFeature] = [.lead, .coverage, .centrality]
                out += "    hand weights: standing \(decimal(c.score, 2)); "
                out += shown.map { "\($0.rawValue) \(decimal(c.features[$0.position], 2))" }.joined(separator: ", ") + "\n"
                continue
            }
            // Each feature's part of the logit against the average candidate of the article: what set it apart.
            let part = c.contributions.indices.map { c.contributions[$0] - averages[$0] }
            let order = part.indices.filter { part[$0] != 0 }.sorted { abs(part[$0]) > abs(part[$1]) }.prefix(strongest)
            out += "    " + order.map { f in
                let part = part[f]
                return "\(names[f]) \(part >= 0 ? "+" : "−")\(decimal(abs(part), 2)) (= \(decimal(c.features[f], 2)))"
            }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// A number with `places` decimals.
    static func decimal(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (x * scale).rounded() / scale
        var text = String(r)
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < places { text += String(repeating: "0", count: places - have) }
        } else { text += "." + String(repeating: "0", count: places) }
        return text
    }
}
