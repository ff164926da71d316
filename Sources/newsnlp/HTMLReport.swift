import NewsNLP

/// A self-contained HTML page of a report (inline CSS, no script, nothing fetched from the network): the text
/// with entities highlighted by type, quotes marked with their speakers, summary sentences emphasised and
/// boilerplate dimmed, then the summary, the quotes and a tone and stance table.
///
/// Layers that were not computed are simply left out, so the page works on a segmented document too. The page's
/// labels are in the article's language (`Lexicons/{fr,en}/report-labels`).
public struct HTMLReport: Sendable {
    public init() {}

    /// The whole page.
    /// - Complexity: O(n log n) in the number of spans, after one pass over the text.
    public func page(_ d: Document) -> String {
        let l = ReportLabels(d.language)
        var out = ""
        out.reserveCapacity(d.utf8.count * 3 + 8_000)
        let titleText = Views.title(of: d).map { oneLine(d.string(d.sentences[$0].span)) } ?? d.source ?? l["report"]
        out += "<!DOCTYPE html>\n<html lang=\"\(d.language.code)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + escape(titleText) + "</title>\n<style>\n" + Self.css + "</style>\n</head>\n<body>\n"
        out += "<header><h1>" + escape(titleText) + "</h1>\n<p class=\"meta\">"
        if let s = d.source { out += "<code>" + escape(s) + "</code> · " }
        let boilerplate = d.sentences.filter(\.boilerplate).count
        out += "\(l["language"]) <b>\(d.language.code)</b> · \(d.sentences.count) \(l["sentences"]) (\(boilerplate) \(l["boilerplate"]))"
        out += " · \(d.entities.count) \(l["entities"]) · \(d.quotes.count) \(l["quotes"])"
        if let t = d.tone { out += " · \(l["tone"]) <b class=\"\(t.label.rawValue)\">\(l[t.label.rawValue])</b>" }
        out += "</p>\n" + legend(d, l) + "</header>\n<main>\n"
        out += summarySection(d, l)
        out += "<section class=\"text\"><h2>\(l["heading-text"])</h2>\n" + body(d, l) + "</section>\n"
        out += quotesSection(d, l)
        out += toneSection(d, l)
        out += "</main>\n<footer>" + escape(l["footer"]) + "</footer>\n</body>\n</html>\n"
        return out
    }
}

private extension HTMLReport {
    static let css = """
    body { font: 16px/1.55 Georgia, "DejaVu Serif", serif; color: #222; background: #fafaf7; margin: 0; }
    header, main, footer { max-width: 860px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 20px; border-bottom: 1px solid #ddd; }
    h1 { font-size: 1.5em; margin: 0.3em 0; } h2 { font: 600 1.05em/1.3 system-ui, sans-serif; color: #555;
      text-transform: uppercase; letter-spacing: 0.05em; margin: 1.6em 0 0.6em; }
    .meta, footer, table, .legend { font: 14px/1.5 system-ui, "DejaVu Sans", sans-serif; color: #555; }
    footer { padding: 24px; color: #888; }
    .legend span { margin-right: 10px; }
    p { margin: 0 0 0.9em; }
    .bp { color: #aaa; font-size: 0.85em; }
    .bp mark { background: none; border: 0; color: inherit; }
    .heading { font-weight: bold; font-size: 1.1em; }
    .summary { background: #fff6c9; text-decoration: underline; text-decoration-color: #d9a400;
      text-decoration-thickness: 2px; text-underline-offset: 3px; }
    .snum { font: 11px system-ui, sans-serif; color: #999; vertical-align: super; margin-right: 1px; }
    mark { border-radius: 3px; padding: 0 2px; border-bottom: 2px solid; color: inherit; }
    mark.PER { background: #dbeafe; border-color: #2563eb; } mark.ORG { background: #dcfce7; border-color: #16a34a; }
    mark.LOC { background: #fde2e4; border-color: #dc2626; } mark.MISC { background: #ede9fe; border-color: #7c3aed; }
    .quote { font-style: italic; background: #f1f5f9; box-shadow: inset 3px 0 0 #64748b; padding: 0 3px; }
    .quote::before, .quote::after { content: none; }
    .speaker { font: 600 11px system-ui, sans-serif; color: #fff; background: #475569; border-radius: 8px;
      padding: 1px 6px; margin-left: 3px; vertical-align: 1px; font-style: normal; white-space: nowrap; }
    .speaker.unknown { background: #a8a29e; }
    .cue { text-decoration: underline dotted #64748b; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 1em; background: #fff; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
    th { background: #f0f0ea; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td mark, td.name { white-space: nowrap; } td.evidence { font-size: 13px; color: #444; }
    td.evidence a { color: inherit; text-decoration: none; } td.evidence a:hover { text-decoration: underline; }
    .echo { font-size: 12px; color: #777; white-space: nowrap; } .ev + .ev { margin-top: 5px; }
    .positive { color: #15803d; } .negative { color: #b91c1c; } .neutral { color: #6b7280; }
    .bar { display: inline-block; height: 8px; vertical-align: middle; border-radius: 2px; }
    ol.sum li { margin-bottom: 0.5em; } .none { color: #999; font-style: italic; }

    """

    func legend(_ d: Document, _ l: ReportLabels) -> String {
        guard !d.entities.isEmpty || !d.quotes.isEmpty else { return "" }
        var s = "<p class=\"legend\">"
        for t in EntityType.allCases { s += "<span><mark class=\"\(t.rawValue)\">\(t.rawValue)</mark> \(escape(l[t.rawValue]))</span>" }
        s += "<span><span class=\"quote\">\(escape(l["quote"]))</span><span class=\"speaker\">\(escape(l["speaker"]))</span></span>"
        s += "<span><span class=\"summary\">\(escape(l["summary"]))</span></span><span class=\"bp\">\(escape(l["boilerplate"]))</span></p>\n"
        return s
    }

    func summarySection(_ d: Document, _ l: ReportLabels) -> String {
        guard let s = d.summary else { return "" }
        var out = "<section><h2>\(l["heading-summary"])</h2>\n"
        if s.sentences.isEmpty { return out + "<p class=\"none\">\(escape(l["no-summary"]))</p></section>\n" }
        out += "<ol class=\"sum\">\n"
        for k in s.sentences {
            out += "<li>" + escape(oneLine(d.string(d.sentences[Int(k)].span))) + " <span class=\"snum\">#\(k)</span></li>\n"
        }
        return out + "</ol></section>\n"
    }

    /// One interval of markup inside a sentence.
    struct Markup {
        var span: Span
        var open: String
        var close: String
        /// Outer markup first when two start together.
        var rank: Int
    }

    /// The text, paragraph by paragraph, each sentence wrapped in its marks.
    func body(_ d: Document, _ l: ReportLabels) -> String {
        // Every span of markup, sorted once; each sentence then takes the ones inside it.
        var marks: [Markup] = []
        var entityOf: [String: Entity] = [:]
        for e in d.entities { entityOf[e.id] = e }
        for q in d.quotes {
            let who = q.speaker?.name
            let title = "\(l["quote"]) (\(l[q.kind.rawValue]))" + ", " + (who ?? l["speaker-unknown"])
            let badge = who.map { "<span class=\"speaker\">— " + escape($0) + "</span>" } ?? "<span class=\"speaker unknown\">?</span>"
            marks.append(Markup(span: q.span, open: "<span class=\"quote\" title=\"" + escape(title) + "\">", close: "</span>" + badge, rank: 0))
            if let c = q.cue { marks.append(Markup(span: c, open: "<span class=\"cue\" title=\"\(escape(l["speech-cue"]))\">", close: "</span>", rank: 1)) }
        }
        for e in d.entities {
            let title = escape(e.name + " · " + l[e.type.rawValue] + (e.stance.map { " · " + l["stance"] + " " + l[$0.label.rawValue] } ?? ""))
            for m in e.mentions {
                marks.append(Markup(span: m.span, open: "<mark class=\"\(e.type.rawValue)\" title=\"\(title)\">", close: "</mark>", rank: 2))
            }
        }
        marks.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : ($0.span.end != $1.span.end ? $0.span.end > $1.span.end : $0.rank < $1.rank) }
        let chosen = Set(d.summary?.sentences ?? [])
        var out = ""
        var m = 0
        var paragraph: Int32 = -1
        var open = false
        for (k, s) in d.sentences.enumerated() {
            // A run of page furniture (a ticker, a byline block) is one dimmed line.
            let furnitureRun = s.boilerplate && k > 0 && d.sentences[k - 1].boilerplate
            if furnitureRun {
                out += " · "
            } else if s.paragraph != paragraph || s.isHeading || (k > 0 && d.sentences[k - 1].isHeading) || (k > 0 && d.sentences[k - 1].boilerplate) || s.boilerplate {
                if open { out += "</p>\n" }
                var cls: [String] = []
                if s.isHeading && !s.boilerplate { cls.append("heading") }
                out += cls.isEmpty ? "<p>" : "<p class=\"" + cls.joined(separator: " ") + "\">"
                open = true
                paragraph = s.paragraph
            } else {
                out += " "
            }
            while m < marks.count && marks[m].span.start < s.span.start { m += 1 }
            var inside: [Markup] = []
            var j = m
            while j < marks.count && marks[j].span.start < s.span.end {
                // A quote running over several sentences is cut to each of them.
                var mk = marks[j]
                if mk.span.end > s.span.end { mk.span.end = s.span.end }
                inside.append(mk)
                j += 1
            }
            var cls: [String] = ["s"]
            if s.boilerplate { cls.append("bp") }
            if chosen.contains(Int32(k)) { cls.append("summary") }
            out += "<span class=\"" + cls.joined(separator: " ") + "\" id=\"s\(k)\">"
            out += nested(d, s.span, s.boilerplate ? [] : inside)
            out += "</span>"
        }
        if open { out += "</p>\n" }
        return out
    }

    /// The text of `span` with the markup intervals, keeping only those that nest properly.
    func nested(_ d: Document, _ span: Span, _ marks: [Markup]) -> String {
        var out = ""
        var stack: [Markup] = []
        var at = span.start
        func text(to end: Int32) {
            if end > at { out += escape(d.string(Span(at, end))); at = end }
        }
        func closeUntil(_ position: Int32) {
            while let top = stack.last, top.span.end <= position {
                text(to: top.span.end)
                out += top.close
                stack.removeLast()
            }
        }
        for mk in marks {
            guard !mk.span.isEmpty, mk.span.start >= span.start else { continue }
            closeUntil(mk.span.start)
            // Overlapping without nesting: leave it out.
            if let top = stack.last, mk.span.end > top.span.end { continue }
            text(to: mk.span.start)
            out += mk.open
            stack.append(mk)
        }
        closeUntil(span.end)
        text(to: span.end)
        return out
    }

    func quotesSection(_ d: Document, _ l: ReportLabels) -> String {
        guard !d.quotes.isEmpty else { return "" }
        // A heading quote that echoes a later one is shown once, on the later quote's row.
        let echoes = Views.headingEchoes(d)
        let echoed = Set(echoes.values)
        var out = "<section><h2>\(l["heading-quotes"])</h2>\n<table><tr><th>\(l["speaker"])</th><th>\(l["quote"])</th>"
        out += "<th>\(l["cue"])</th><th>\(l["kind"])</th><th>\(l["confidence"])</th></tr>\n"
        for (k, q) in d.quotes.enumerated() where echoes[k] == nil {
            let who = q.speaker.map { escape($0.name) } ?? "<span class=\"none\">\(escape(l["unknown"]))</span>"
            let (open, close) = q.kind == .indirect ? (l["open-indirect"], l["close-indirect"]) : (l["open-quote"], l["close-quote"])
            out += "<tr><td class=\"name\">\(who)</td><td>" + open + escape(oneLine(d.string(q.span))) + close
            if echoed.contains(k) { out += " <span class=\"echo\">(" + escape(l["also-in-title"]) + ")</span>" }
            out += "</td><td>" + (q.cue.map { escape(oneLine(d.string($0))) } ?? "<span class=\"none\">\(escape(l["no-cue"]))</span>")
            out += "</td><td>\(escape(l[q.kind.rawValue]))</td><td class=\"num\">" + number(q.confidence) + "</td></tr>\n"
        }
        return out + "</table></section>\n"
    }

    func toneSection(_ d: Document, _ l: ReportLabels) -> String {
        let withStance = d.entities.filter { $0.stance != nil }
        guard d.tone != nil || !d.entities.isEmpty else { return "" }
        var out = "<section><h2>\(l["heading-tone"])</h2>\n<table><tr><th>\(l["subject"])</th><th>\(l["type"])</th><th>\(l["mentions"])</th>"
        out += "<th>\(l["score"])</th><th></th><th>\(l["label"])</th><th>\(l["evidence"])</th></tr>\n"
        if let t = d.tone {
            out += "<tr><td class=\"name\"><b>\(escape(l["whole-article"]))</b></td><td></td><td class=\"num\">\(t.words) \(escape(l["words"]))</td><td class=\"num\">" + number(t.score) + "</td>"
            out += "<td>" + bar(t.score) + "</td><td class=\"\(t.label.rawValue)\">\(escape(l[t.label.rawValue]))</td>"
            out += "<td>\(escape(l["positive-words"])) \(t.positive), \(escape(l["negative-words"])) \(t.negative)"
            let words = t.evidence.prefix(8).map { escape(oneLine(d.string($0.span))) }
            if !words.isEmpty { out += ": " + words.joined(separator: ", ") }
            out += "</td></tr>\n"
        }
        let entities = withStance.isEmpty ? d.entities : withStance
        for e in entities.sorted(by: { $0.mentions.count > $1.mentions.count }).prefix(30) {
            out += "<tr><td class=\"name\"><mark class=\"\(e.type.rawValue)\">" + escape(e.name) + "</mark></td><td>\(e.type.rawValue)</td>"
            out += "<td class=\"num\">\(e.mentions.count)</td>"
            if let st = e.stance {
                out += "<td class=\"num\">" + number(st.score) + "</td><td>" + bar(st.score) + "</td><td class=\"\(st.label.rawValue)\">\(escape(l[st.label.rawValue]))</td>"
                out += "<td class=\"evidence\">" + evidence(d, st.evidence) + "</td>"
            } else {
                out += "<td></td><td></td><td class=\"none\">\(escape(l["no-stance"]))</td><td></td>"
            }
            out += "</tr>\n"
        }
        return out + "</table></section>\n"
    }

    /// The evidence sentences of a stance as text (the first two, each cut at 160 characters), each a link to
    /// the sentence in the page's text; the others as links by number.
    func evidence(_ d: Document, _ sentences: [Int32]) -> String {
        var parts: [String] = []
        for (i, k) in sentences.prefix(5).enumerated() where Int(k) < d.sentences.count {
            if i < 2 {
                var text = oneLine(d.string(d.sentences[Int(k)].span))
                if text.count > 160 { text = String(text.prefix(159)) + "…" }
                parts.append("<div class=\"ev\"><a href=\"#s\(k)\">" + escape(text) + "</a></div>")
            } else {
                parts.append("<a href=\"#s\(k)\">#\(k)</a>")
            }
        }
        return parts.joined(separator: " ")
    }

    func bar(_ score: Double) -> String {
        let w = Int((min(abs(score), 1) * 60).rounded())
        let color = score >= 0.1 ? "#16a34a" : (score <= -0.1 ? "#dc2626" : "#9ca3af")
        return "<span class=\"bar\" style=\"width:\(max(w, 2))px;background:\(color)\"></span>"
    }

    func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return String(r)
    }

    /// Text escaped for HTML (the library's escaping, shared with the corpus page).
    func escape(_ s: String) -> String { StatsReport.escape(s) }
}

/// The labels of the HTML page in one language, from `Lexicons/{fr,en}/report-labels` (key, label); a missing key
/// shows the key itself.
struct ReportLabels {
    private var labels: [String: String] = [:]

    init(_ language: Language, lexicons: Lexicons = .builtIn) {
        for file in lexicons.files(language.code + "/report-labels") {
            for row in file.rows() where row.fields.count >= 2 { labels[String(row.fields[0])] = String(row.fields[1]) }
        }
    }

    /// Every key with a label.
    var keys: Set<String> { Set(labels.keys) }

    subscript(_ key: String) -> String { labels[key] ?? key }
}
