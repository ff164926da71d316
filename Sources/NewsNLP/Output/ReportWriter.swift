/// Which parts of the report are filled. Parts left out are still written, empty, so that the shape of the
/// report never changes.
public struct ReportContent: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let sentences = ReportContent(rawValue: 1)
    public static let tokens = ReportContent(rawValue: 2)
    public static let entities = ReportContent(rawValue: 4)
    public static let quotes = ReportContent(rawValue: 8)
    public static let tone = ReportContent(rawValue: 16)
    public static let summary = ReportContent(rawValue: 32)
    /// The analysed text itself, as `"text"` (written for HTML input, where it is the article taken from the page).
    public static let text = ReportContent(rawValue: 64)
    /// Everything but tokens (which are large: ask for them).
    public static let standard: ReportContent = [.sentences, .entities, .quotes, .tone, .summary]
    public static let all: ReportContent = [.standard, .tokens]

    /// What a report shows for a request of `layers`: the sentences, what each layer `reports`, and the tokens
    /// when asked for.
    public init(layers: Set<AnalysisOptions.Layer>, tokens: Bool = false) {
        self = [.sentences]
        for layer in layers { formUnion(layer.reports) }
        if tokens { insert(.tokens) }
    }
}

/// Writes a document as the JSON report of schema version 1 (DESIGN.md, "Machine interface").
public struct ReportWriter: Sendable {
    public static let schemaVersion = 1
    public var unit: OffsetUnit
    public var content: ReportContent
    /// Indent the JSON for people (false: one line, for JSON Lines).
    public var pretty: Bool

    public init(unit: OffsetUnit = .scalar, content: ReportContent = .standard, pretty: Bool = false) {
        self.unit = unit
        self.content = content
        self.pretty = pretty
    }

    /// The report as UTF-8 JSON, without a final newline.
    public func json(_ d: Document) -> [UInt8] {
        d.utf8.withUnsafeBufferPointer { text in
            var w = JSONWriter(capacity: 1024 + d.utf8.count / 2)
            let conv = OffsetConverter(text, unit: unit)
            func span(_ s: Span) {
                w.key("start"); w.int(conv.convert(s.start))
                w.key("end"); w.int(conv.convert(s.end))
            }
            func spanWithText(_ s: Span) {
                w.beginObject(); span(s); w.key("text"); w.string(text, s); w.endObject()
            }
            w.beginObject()
            w.key("schemaVersion"); w.int(Self.schemaVersion)
            w.key("id"); w.value(d.id)
            w.key("source"); if let s = d.source { w.string(s) } else { w.null() }
            w.key("offsetUnit"); w.string(unit.rawValue)
            w.key("language"); w.string(d.language.code)
            if content.contains(.text) { w.key("text"); w.string(text, Span(0, text.count)) }
            w.key("sentences"); w.beginArray()
            if content.contains(.sentences) {
                for s in d.sentences {
                    w.beginObject(); span(s.span)
                    w.key("boilerplate"); w.bool(s.boilerplate)
                    w.key("heading"); w.bool(s.isHeading)
                    w.endObject()
                }
            }
            w.endArray()
            if content.contains(.tokens) {
                w.key("tokens"); w.beginArray()
                for t in d.tokens {
                    w.beginObject(); span(t.span); w.key("kind"); w.string(t.kind.rawValue); w.endObject()
                }
                w.endArray()
            }
            w.key("entities"); w.beginArray()
            if content.contains(.entities) {
                for e in d.entities {
                    w.beginObject()
                    w.key("id"); w.string(e.id)
                    w.key("name"); w.string(e.name)
                    w.key("type"); w.string(e.type.rawValue)
                    w.key("source"); w.string(e.source.rawValue)
                    w.key("mentions"); w.beginArray()
                    for m in e.mentions { spanWithText(m.span) }
                    w.endArray()
                    if !e.roles.isEmpty {
                        w.key("roles"); w.beginArray()
                        for m in e.roles { spanWithText(m.span) }
                        w.endArray()
                    }
                    if e.type == .person {
                        w.key("gender"); if let g = e.gender { w.string(String(g)) } else { w.null() }
                    }
                    if !e.references.isEmpty {
                        w.key("references"); w.beginArray()
                        for r in e.references {
                            w.beginObject(); span(r.span); w.key("text"); w.string(text, r.span); w.key("kind"); w.string(r.kind.rawValue); w.endObject()
                        }
                        w.endArray()
                    }
                    w.key("stance")
                    if let st = e.stance {
                        w.beginObject()
                        w.key("score"); w.number(st.score)
                        w.key("label"); w.string(st.label.rawValue)
                        w.key("evidence"); w.beginArray(); for k in st.evidence { w.int(Int(k)) }; w.endArray()
                        w.endObject()
                    } else { w.null() }
                    w.endObject()
                }
            }
            w.endArray()
            w.key("quotes"); w.beginArray()
            if content.contains(.quotes) {
                for q in d.quotes {
                    w.beginObject()
                    w.key("kind"); w.string(q.kind.rawValue)
                    span(q.span)
                    w.key("text"); w.string(text, q.span)
                    w.key("speaker")
                    if let sp = q.speaker {
                        w.beginObject()
                        w.key("name"); w.string(sp.name)
                        w.key("entity"); if let e = sp.entity { w.string(e) } else { w.null() }
                        if let s = sp.span { span(s); w.key("text"); w.string(text, s) }
                        w.endObject()
                    } else { w.null() }
                    w.key("cue"); if let c = q.cue { spanWithText(c) } else { w.null() }
                    w.key("confidence"); w.number(q.confidence)
                    if let e = q.echoes { w.key("echoes"); w.int(e) }
                    w.endObject()
                }
            }
            w.endArray()
            w.key("tone")
            if content.contains(.tone), let t = d.tone {
                w.beginObject()
                w.key("score"); w.number(t.score)
                w.key("label"); w.string(t.label.rawValue)
                w.key("positive"); w.int(t.positive)
                w.key("negative"); w.int(t.negative)
                w.key("words"); w.int(t.words)
                w.key("evidence"); w.beginArray()
                for e in t.evidence {
                    w.beginObject(); span(e.span); w.key("text"); w.string(text, e.span); w.key("score"); w.number(e.score); w.endObject()
                }
                w.endArray()
                w.endObject()
            } else { w.null() }
            w.key("summary")
            if content.contains(.summary), let s = d.summary {
                w.beginObject()
                w.key("sentences"); w.beginArray(); for k in s.sentences { w.int(Int(k)) }; w.endArray()
                w.key("text"); w.string(summaryText(d, s))
                w.key("scores"); w.beginArray(); for x in s.scores { w.number(x) }; w.endArray()
                if let candidates = s.candidates {
                    w.key("candidates"); w.beginArray()
                    for c in candidates {
                        w.beginObject()
                        w.key("sentence"); w.int(Int(c.sentence))
                        w.key("score"); w.number(c.score)
                        w.key("features"); w.beginObject()
                        for (f, v) in zip(SummaryFeature.allCases, c.features) { w.key(name: f.rawValue); w.number(v) }
                        w.endObject()
                        w.key("terms"); w.beginArray()
                        for (t, n) in c.terms { w.beginArray(); w.int(Int(t)); w.int(Int(n)); w.endArray() }
                        w.endArray()
                        w.endObject()
                    }
                    w.endArray()
                    w.key("terms"); w.beginArray()
                    for t in s.terms {
                        w.beginObject()
                        w.key("text"); w.string(t.text)
                        w.key("expected"); w.number(t.expected)
                        w.key("features"); w.beginObject()
                        for (f, v) in zip(TermFeature.allCases, t.features) where v != 0 { w.key(name: f.rawValue); w.number(v) }
                        w.endObject()
                        w.endObject()
                    }
                    w.endArray()
                }
                w.endObject()
            } else { w.null() }
            w.endObject()
            return pretty ? JSONPretty.indent(w.bytes) : w.bytes
        }
    }

    /// The summary's sentences joined by a space.
    public func summaryText(_ d: Document, _ s: Summary) -> String {
        s.sentences.map { d.string(d.sentences[Int($0)].span) }.joined(separator: " ")
    }
}
