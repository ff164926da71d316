import Foundation
import NewsNLP

/// The parts of a report (schema 1) that carry offsets.
///
/// Read with `JSONDecoder`: Foundation's `JSONSerialization` on Linux drops a U+FEFF that starts a string or
/// follows an escape (`"\u0000\u{FEFF}"`), so it cannot be used to compare text exactly.
struct ReportOffsets: Decodable {
    struct Offsets: Decodable { var start: Int; var end: Int; var text: String? }
    struct Entity: Decodable { var id: String; var mentions: [Offsets]; var roles: [Offsets]? }
    struct Speaker: Decodable { var start: Int?; var end: Int?; var text: String? }
    struct Quote: Decodable { var start: Int; var end: Int; var text: String; var cue: Offsets?; var speaker: Speaker? }
    struct Tone: Decodable { var evidence: [Offsets] }
    var offsetUnit: String
    var sentences: [Offsets]
    var tokens: [Offsets]?
    var entities: [Entity]
    var quotes: [Quote]
    var tone: Tone?

    static func read(_ json: some DataProtocol) throws -> ReportOffsets {
        try JSONDecoder().decode(ReportOffsets.self, from: Data(json))
    }
}

/// Checks that a report's offsets fit the text it was made from. Each function returns the problems it finds
/// (empty when all is well), so that a failing test says what is wrong and where.
enum SpanChecks {
    /// The text in `unit`: UTF-8 bytes, UTF-16 code units or Unicode scalars, as integers.
    static func units(_ s: some StringProtocol, _ unit: OffsetUnit) -> [Int] {
        switch unit {
        case .utf8: return s.utf8.map(Int.init)
        case .utf16: return s.utf16.map(Int.init)
        case .scalar: return s.unicodeScalars.map { Int($0.value) }
        }
    }

    /// The offsets, in `unit`, of every boundary between characters (extended grapheme clusters), both ends included.
    static func characterBoundaries(_ text: String, _ unit: OffsetUnit) -> Set<Int> {
        var out: Set<Int> = [0]
        var offset = 0
        for c in text {
            offset += units(String(c), unit).count
            out.insert(offset)
        }
        return out
    }

    /// Every problem of a report of `text` written in `unit`:
    /// - every span (sentence, token, mention, role, quote, cue, speaker, tone evidence) lies inside the text,
    ///   starts and ends on character boundaries, and its `text`, where written, is the text between its offsets;
    /// - sentences are non-empty, in order, do not overlap, and leave out no letter or digit (only white space,
    ///   punctuation and symbols — decoration — and markup);
    /// - tokens are non-empty, in order, do not overlap, and each lies inside a sentence.
    static func problems(report json: [UInt8], text: String, unit: OffsetUnit) -> [String] {
        let report: ReportOffsets
        do { report = try ReportOffsets.read(json) } catch { return ["the report cannot be read: \(error)"] }
        var out: [String] = []
        if report.offsetUnit != unit.rawValue { out.append("offsetUnit is \(report.offsetUnit), not \(unit)") }
        let all = units(text, unit)
        let boundaries = characterBoundaries(text, unit)
        func check(_ what: String, _ start: Int?, _ end: Int?, _ spanText: String?) {
            guard let start, let end else { return }
            guard 0 <= start, start <= end, end <= all.count else {
                out.append("\(what) \(start)..<\(end) is outside the text (\(all.count) \(unit) units)")
                return
            }
            if !boundaries.contains(start) || !boundaries.contains(end) {
                out.append("\(what) \(start)..<\(end) cuts a character")
            }
            if let spanText, Array(all[start..<end]) != units(spanText, unit) {
                out.append("\(what) \(start)..<\(end): the text there is not \(spanText.debugDescription)")
            }
        }
        func check(_ what: String, _ o: ReportOffsets.Offsets?) { if let o { check(what, o.start, o.end, o.text) } }

        var previousEnd = 0
        for (k, s) in report.sentences.enumerated() {
            check("sentence \(k)", s)
            if s.end <= s.start { out.append("sentence \(k) \(s.start)..<\(s.end) is empty") }
            if s.start < previousEnd { out.append("sentence \(k) \(s.start)..<\(s.end) overlaps the one before, which ends at \(previousEnd)") }
            else if s.start <= all.count, !isBlank(all[previousEnd..<s.start], unit) {
                out.append("no sentence covers \(previousEnd)..<\(s.start)")
            }
            previousEnd = max(previousEnd, s.end)
        }
        if previousEnd <= all.count, !isBlank(all[previousEnd...], unit) {
            out.append("no sentence covers \(previousEnd)..<\(all.count) (the end of the text)")
        }

        if let tokens = report.tokens {
            var previousEnd = 0
            var s = 0
            for (k, t) in tokens.enumerated() {
                check("token \(k)", t)
                if t.end <= t.start { out.append("token \(k) \(t.start)..<\(t.end) is empty") }
                if t.start < previousEnd { out.append("token \(k) \(t.start)..<\(t.end) overlaps the one before") }
                previousEnd = max(previousEnd, t.end)
                while s < report.sentences.count && report.sentences[s].end <= t.start { s += 1 }
                if s == report.sentences.count || report.sentences[s].start > t.start || report.sentences[s].end < t.end {
                    out.append("token \(k) \(t.start)..<\(t.end) is not inside a sentence")
                }
            }
        }
        for e in report.entities {
            for (k, m) in e.mentions.enumerated() { check("mention \(k) of \(e.id)", m) }
            for (k, m) in (e.roles ?? []).enumerated() { check("role \(k) of \(e.id)", m) }
        }
        for (k, q) in report.quotes.enumerated() {
            check("quote \(k)", q.start, q.end, q.text)
            check("cue of quote \(k)", q.cue)
            check("speaker of quote \(k)", q.speaker?.start, q.speaker?.end, q.speaker?.text)
        }
        for (k, w) in (report.tone?.evidence ?? []).enumerated() { check("tone evidence \(k)", w) }
        return out
    }

    /// The layers of a document agree with each other: each token lies inside the sentence it names, each
    /// sentence's token range holds exactly its tokens, and indices into sentences exist.
    static func problems(document d: Document) -> [String] {
        var out: [String] = []
        for (k, t) in d.tokens.enumerated() {
            let s = Int(t.sentence)
            guard s >= 0 && s < d.sentences.count else { out.append("token \(k) names sentence \(s) of \(d.sentences.count)"); continue }
            if !d.sentences[s].span.contains(t.span) { out.append("token \(k) \(t.span) is not inside its sentence \(s) \(d.sentences[s].span)") }
        }
        for (k, s) in d.sentences.enumerated() {
            let r = Int(s.tokens.lowerBound)..<Int(s.tokens.upperBound)
            guard r.lowerBound >= 0, r.upperBound <= d.tokens.count else { out.append("sentence \(k) token range \(r) of \(d.tokens.count)"); continue }
            for i in r where Int(d.tokens[i].sentence) != k { out.append("sentence \(k) lists token \(i) of sentence \(d.tokens[i].sentence)") }
        }
        for e in d.entities {
            for k in e.stance?.evidence ?? [] where k < 0 || Int(k) >= d.sentences.count { out.append("stance evidence \(k) of \(e.id)") }
            if let score = e.stance?.score, !(-1...1).contains(score) { out.append("stance score \(score) of \(e.id)") }
        }
        for k in d.summary?.sentences ?? [] where k < 0 || Int(k) >= d.sentences.count { out.append("summary sentence \(k)") }
        if let score = d.tone?.score, !(-1...1).contains(score) { out.append("tone score \(score)") }
        return out
    }

    /// White space, control characters and format characters only (what a sentence may leave out).
    static func isBlank(_ units: ArraySlice<Int>, _ unit: OffsetUnit) -> Bool {
        let scalars: [Unicode.Scalar]
        switch unit {
        case .scalar: scalars = units.compactMap { Unicode.Scalar(UInt32($0)) }
        case .utf8: scalars = Array(String(decoding: units.map { UInt8($0) }, as: UTF8.self).unicodeScalars)
        case .utf16: scalars = Array(String(decoding: units.map { UInt16($0) }, as: UTF16.self).unicodeScalars)
        }
        // Markup is no text: HTML tags ("<p>", "&lt;b&gt;") and lines of decoration ("=====") may stay out of
        // every sentence; a letter or a digit may not.
        var text = String(String.UnicodeScalarView(scalars))
        for (open, close) in [("<", ">"), ("&lt;", "&gt;")] {
            while let a = text.range(of: open), let b = text.range(of: close, range: a.upperBound..<text.endIndex) {
                text.removeSubrange(a.lowerBound..<b.upperBound)
            }
        }
        return text.unicodeScalars.allSatisfy { !($0.properties.isAlphabetic || $0.properties.numericType != nil) }
    }
}
