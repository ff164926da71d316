import Foundation

/// One report as the rows of the corpus store (`CorpusStore`): the document, its entities with their mentions
/// and references, its quotes and its summary, with offsets already in the report's unit.
///
/// A record is made either from a `Document` (by `newsnlp batch`, on the worker that analysed it) or from a
/// line of a JSON Lines file of reports (by `newsnlp stats`); both give the same rows for the same report.
public struct CorpusRecord: Sendable {
    public struct Mention: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
        /// "name" for the entity's mentions, else the reference's kind (role, description, pronoun).
        public var kind: String
    }

    public struct Entity: Sendable {
        /// The report's entity id (unique within its document).
        public var id: String
        public var name: String
        public var type: String
        public var source: String
        /// "f", "m" or nil (unknown, or not a person).
        public var gender: String?
        public var mentions: [Mention]
        public var references: [Mention]
        public var stanceScore: Double?
        public var stanceLabel: String?
    }

    public struct Quote: Sendable {
        public var kind: String
        public var start: Int
        public var end: Int
        public var text: String
        public var speakerName: String?
        public var speakerEntity: String?
        public var speakerStart: Int?
        public var speakerEnd: Int?
        public var speakerText: String?
        public var cue: String?
        public var cueStart: Int?
        public var cueEnd: Int?
        public var confidence: Double
    }

    public var source: String
    /// The first folder under the folder that was read ("" for a file directly in it).
    public var folder: String
    public var language: String?
    /// The article's first heading, else its first line (nil when the report does not carry the text).
    public var title: String?
    public var sentences: Int
    public var toneScore: Double?
    public var toneLabel: String?
    /// Why the file could not be analysed; the other layers are then empty.
    public var error: String?
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    public var summarySentences: [Int]?
    public var summaryText: String?

    /// A document that could not be read.
    public init(source: String, folder: String, error: String) {
        self.source = source
        self.folder = folder
        self.sentences = 0
        self.error = error
    }

    /// The gender of the entity `id` of this document ("f", "m" or nil).
    public func gender(ofEntity id: String?) -> String? {
        guard let id else { return nil }
        return entities.first { $0.id == id }?.gender
    }

    /// The folder of `source` under `root`: its first path component when the file lies deeper, else "".
    public static func folder(of source: String, under root: String) -> String {
        var rest = Substring(source)
        if !root.isEmpty, rest.hasPrefix(root) {
            rest = rest.dropFirst(root.count)
            if !root.hasSuffix("/") {
                guard rest.first == "/" else { return "" }
                rest = rest.dropFirst()
            }
        }
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[..<slash])
    }
}

// MARK: - From a document

extension CorpusRecord {
    /// The record of an analysed document, with what `writer` would write of it (its content and offset unit).
    public init(document d: Document, source: String, folder: String, writer: ReportWriter) {
        self.source = source
        self.folder = folder
        self.language = d.language.code
        self.sentences = writer.content.contains(.sentences) ? d.sentences.count : 0
        self.title = CorpusRecord.title(of: d)
        d.utf8.withUnsafeBufferPointer { text in
            let conv = OffsetConverter(text, unit: writer.unit)
            func mention(_ span: Span, _ kind: String) -> Mention {
                Mention(start: conv.convert(span.start), end: conv.convert(span.end), text: d.string(span), kind: kind)
            }
            if writer.content.contains(.entities) {
                entities = d.entities.map { e in
                    Entity(id: e.id, name: e.name, type: e.type.rawValue, source: e.source.rawValue,
                           gender: e.type == .person ? e.gender.map { String($0) } : nil,
                           mentions: e.mentions.map { mention($0.span, "name") },
                           references: e.references.map { mention($0.span, $0.kind.rawValue) },
                           stanceScore: e.stance?.score, stanceLabel: e.stance?.label.rawValue)
                }
            }
            if writer.content.contains(.quotes) {
                quotes = d.quotes.map { q in
                    Quote(kind: q.kind.rawValue, start: conv.convert(q.span.start), end: conv.convert(q.span.end),
                          text: d.string(q.span), speakerName: q.speaker?.name, speakerEntity: q.speaker?.entity,
                          speakerStart: q.speaker?.span.map { conv.convert($0.start) },
                          speakerEnd: q.speaker?.span.map { conv.convert($0.end) },
                          speakerText: q.speaker?.span.map { d.string($0) },
                          cue: q.cue.map { d.string($0) }, cueStart: q.cue.map { conv.convert($0.start) },
                          cueEnd: q.cue.map { conv.convert($0.end) }, confidence: q.confidence)
                }
            }
        }
        if writer.content.contains(.tone), let t = d.tone {
            toneScore = t.score
            toneLabel = t.label.rawValue
        }
        if writer.content.contains(.summary), let s = d.summary {
            summarySentences = s.sentences.map { Int($0) }
            summaryText = writer.summaryText(d, s)
        }
    }

    /// The first heading that is not page furniture, else the first line of the first sentence that is not.
    static func title(of d: Document) -> String? {
        let body = d.sentences.lazy.filter { !$0.boilerplate }
        guard let first = body.first(where: { $0.isHeading }) ?? body.first else { return nil }
        // The line is cut on the bytes (a sentence may be long), then trimmed of spaces and tabs.
        let text = d.utf8[Int(first.span.start)..<Int(first.span.end)]
        let line = String(decoding: text[..<(text.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? text.endIndex)], as: UTF8.self)
        let scalars = line.unicodeScalars
        let space = { (u: Unicode.Scalar) in u == "\t" || u.properties.generalCategory == .spaceSeparator }
        guard let a = scalars.firstIndex(where: { !space($0) }), let z = scalars.lastIndex(where: { !space($0) }) else { return nil }
        let trimmed = String(scalars[a...z])
        return trimmed.utf8.count > 200 && trimmed.count > 200 ? String(trimmed.prefix(199)) + "…" : trimmed
    }
}

// MARK: - From a report line

extension CorpusRecord {
    /// The record of one line of a JSON Lines file of reports. A report without `source` is named by its `id`,
    /// else by `fallbackSource` (its line number).
    public init(reportLine line: [UInt8], root: String, fallbackSource: String) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            throw NewsNLPError(.invalidData, "not a JSON report")
        }
        guard let r = object as? [String: Any] else { throw NewsNLPError(.invalidData, "not a JSON object") }
        var source = r["source"] as? String
        if source == nil {
            if let id = r["id"] as? String { source = id } else if let id = r["id"] as? NSNumber { source = id.stringValue }
        }
        let name = source ?? fallbackSource
        let folder = source.map { CorpusRecord.folder(of: $0, under: root) } ?? ""
        if let error = r["error"] as? String {
            self.init(source: name, folder: folder, error: error)
            return
        }
        self.init(source: name, folder: folder, error: "")
        self.error = nil
        language = r["language"] as? String
        let sentenceList = r["sentences"] as? [Any] ?? []
        sentences = sentenceList.count
        func int(_ v: Any?) -> Int? { (v as? NSNumber)?.intValue }
        func double(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }
        func mentions(_ v: Any?, kind: String?) -> [Mention] {
            (v as? [[String: Any]] ?? []).compactMap { m in
                guard let s = int(m["start"]), let e = int(m["end"]) else { return nil }
                return Mention(start: s, end: e, text: m["text"] as? String ?? "", kind: kind ?? (m["kind"] as? String ?? "reference"))
            }
        }
        for e in r["entities"] as? [[String: Any]] ?? [] {
            guard let id = e["id"] as? String else { continue }
            let stance = e["stance"] as? [String: Any]
            entities.append(Entity(id: id, name: e["name"] as? String ?? id, type: e["type"] as? String ?? "MISC",
                                   source: e["source"] as? String ?? "", gender: e["gender"] as? String,
                                   mentions: mentions(e["mentions"], kind: "name"),
                                   references: mentions(e["references"], kind: nil),
                                   stanceScore: double(stance?["score"]), stanceLabel: stance?["label"] as? String))
        }
        for q in r["quotes"] as? [[String: Any]] ?? [] {
            let speaker = q["speaker"] as? [String: Any]
            let cue = q["cue"] as? [String: Any]
            quotes.append(Quote(kind: q["kind"] as? String ?? "direct", start: int(q["start"]) ?? 0, end: int(q["end"]) ?? 0,
                                text: q["text"] as? String ?? "", speakerName: speaker?["name"] as? String,
                                speakerEntity: speaker?["entity"] as? String, speakerStart: int(speaker?["start"]),
                                speakerEnd: int(speaker?["end"]), speakerText: speaker?["text"] as? String,
                                cue: cue?["text"] as? String, cueStart: int(cue?["start"]), cueEnd: int(cue?["end"]),
                                confidence: double(q["confidence"]) ?? 0))
        }
        if let t = r["tone"] as? [String: Any] {
            toneScore = double(t["score"])
            toneLabel = t["label"] as? String
        }
        if let s = r["summary"] as? [String: Any] {
            summarySentences = (s["sentences"] as? [Any] ?? []).compactMap { int($0) }
            summaryText = s["text"] as? String
        }
    }
}
