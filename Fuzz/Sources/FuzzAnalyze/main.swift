// libFuzzer entry point: arbitrary bytes through newsnlp's library, checking what must always hold.
//
// Each input is used three ways:
//   1. strict decoding (`TextDecoder.decode`) must agree with the standard library on what is valid UTF-8;
//   2. the bytes, decoded lossily, are analysed with every layer (`Analyzer.analyze`, auto, French or English by
//      input length), every span is checked to lie inside the text on scalar boundaries, and the JSON report is
//      written in one of the three offset units (by input length) and read back: it must be valid JSON whose
//      offsets cut out the same text as the spans;
//   3. each line is parsed as a JSON Lines record (`JSONLineParser.parse`); a record that parses is analysed
//      and its report (which echoes the record's id) must be valid JSON too.
// A broken invariant is a `fatalError`, which libFuzzer reports as a crash with the input that caused it.
import Foundation
import NewsNLP

nonisolated(unsafe) let analyzers: [Analyzer] = [
    Analyzer(),
    Analyzer(options: AnalysisOptions(language: .french)),
    Analyzer(options: AnalysisOptions(language: .english)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyze(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    checkDecoder(bytes)

    let text = String(decoding: bytes, as: UTF8.self)
    let document = analyzers[count % 3].analyze(text)
    checkSpans(document)
    // One unit per input (the report is the costly part of a run): the inputs cycle through the three.
    checkReport(document, unit: OffsetUnit.allCases[(count / 3) % 3])

    var lineStart = 0
    var records = 0
    for i in 0...count where i == count || bytes[i] == 0x0A {
        defer { lineStart = i + 1 }
        let line = Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), as: UTF8.self).utf8)
        let record = line.withUnsafeBufferPointer { try? JSONLineParser.parse($0) }
        guard let record, records < 4 else { continue }
        records += 1
        let d = analyzers[0].analyze(record.text, id: record.id)
        checkSpans(d)
        let json = ReportWriter(unit: .utf16, content: .all).json(d)
        guard (try? JSONSerialization.jsonObject(with: Data(json))) != nil else {
            fatalError("the report of a JSON Lines record is not valid JSON: \(String(decoding: json.prefix(300), as: UTF8.self))")
        }
    }
    return 0
}

/// `TextDecoder` accepts exactly the valid UTF-8 (after a byte-order mark) and names the first bad byte.
func checkDecoder(_ bytes: UnsafeBufferPointer<UInt8>) {
    let array = Array(bytes)
    let bom = array.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let valid = String(validating: array[bom...], as: UTF8.self) != nil
    let bad = TextDecoder.firstInvalidUTF8(array[bom...])
    guard valid == (bad == nil) else { fatalError("firstInvalidUTF8 says \(String(describing: bad)), the standard library says valid=\(valid)") }
    if let bad {
        // Everything before the bad byte is valid.
        guard String(validating: array[bom..<bad], as: UTF8.self) != nil else { fatalError("bytes before offset \(bad) are not valid") }
    }
    do {
        let (text, replaced) = try TextDecoder.decode(array, name: "fuzz", lossy: false)
        guard valid, !replaced, Array(text.utf8) == Array(array[bom...]) else { fatalError("strict decoding changed the text") }
    } catch {
        guard !valid else { fatalError("strict decoding refused valid UTF-8: \(error)") }
    }
}

/// Every span of every layer lies inside the text, starts and ends on a scalar boundary, and is not reversed;
/// every index between layers points at something that exists.
func checkSpans(_ d: Document) {
    let n = d.utf8.count
    func check(_ s: Span, _ what: String) {
        let a = Int(s.start), b = Int(s.end)
        guard 0 <= a, a <= b, b <= n else { fatalError("\(what) span \(s) outside the text of \(n) bytes") }
        guard a == n || (d.utf8[a] & 0xC0) != 0x80, b == n || (d.utf8[b] & 0xC0) != 0x80 else {
            fatalError("\(what) span \(s) cuts a scalar")
        }
    }
    var previousEnd: Int32 = 0
    for (k, s) in d.sentences.enumerated() {
        check(s.span, "sentence \(k)")
        guard s.span.start >= previousEnd else { fatalError("sentence \(k) \(s.span) overlaps the one before") }
        previousEnd = s.span.end
        guard s.tokens.lowerBound >= 0, s.tokens.lowerBound <= s.tokens.upperBound, Int(s.tokens.upperBound) <= d.tokens.count else {
            fatalError("sentence \(k) token range \(s.tokens) of \(d.tokens.count)")
        }
    }
    for (k, t) in d.tokens.enumerated() {
        check(t.span, "token \(k)")
        guard !t.span.isEmpty else { fatalError("token \(k) is empty") }
        guard d.sentences.isEmpty || (t.sentence >= 0 && Int(t.sentence) < d.sentences.count) else { fatalError("token \(k) in sentence \(t.sentence)") }
    }
    for e in d.entities {
        for m in e.mentions { check(m.span, "mention of \(e.id)") }
        for m in e.roles { check(m.span, "role of \(e.id)") }
        if let st = e.stance {
            guard st.score.isFinite, st.evidence.allSatisfy({ $0 >= 0 && Int($0) < d.sentences.count }) else { fatalError("stance of \(e.id)") }
        }
    }
    for q in d.quotes {
        check(q.span, "quote")
        if let c = q.cue { check(c, "cue") }
        if let s = q.speaker?.span { check(s, "speaker") }
        guard q.confidence.isFinite else { fatalError("quote confidence") }
    }
    if let t = d.tone {
        guard t.score.isFinite else { fatalError("tone score") }
        for w in t.evidence { check(w.span, "tone evidence") }
    }
    if let s = d.summary {
        guard s.sentences.allSatisfy({ $0 >= 0 && Int($0) < d.sentences.count }) else { fatalError("summary sentence index") }
    }
}

/// The parts of a report that carry offsets. (Read with `JSONDecoder`: Foundation's `JSONSerialization` on Linux
/// drops a U+FEFF that starts a string or follows an escape, so it cannot check text exactly.)
struct Report: Decodable {
    struct Offsets: Decodable { var start: Int; var end: Int; var text: String? }
    struct Entity: Decodable { var mentions: [Offsets]; var roles: [Offsets]? }
    struct Speaker: Decodable { var start: Int?; var end: Int?; var text: String? }
    struct Quote: Decodable { var start: Int; var end: Int; var text: String; var cue: Offsets?; var speaker: Speaker? }
    struct Tone: Decodable { var evidence: [Offsets] }
    var sentences: [Offsets]
    var tokens: [Offsets]?
    var entities: [Entity]
    var quotes: [Quote]
    var tone: Tone?
}

/// The report is valid JSON and each `text` it writes is the text cut by its own offsets in `unit`.
func checkReport(_ d: Document, unit: OffsetUnit) {
    let json = ReportWriter(unit: unit, content: .all).json(d)
    let report: Report
    do { report = try JSONDecoder().decode(Report.self, from: Data(json)) } catch {
        fatalError("the \(unit) report cannot be read: \(error)")
    }
    let units: [Int]
    switch unit {
    case .utf8: units = d.utf8.map(Int.init)
    case .utf16: units = d.text.utf16.map(Int.init)
    case .scalar: units = d.text.unicodeScalars.map { Int($0.value) }
    }
    func encode(_ s: String) -> [Int] {
        switch unit {
        case .utf8: return s.utf8.map(Int.init)
        case .utf16: return s.utf16.map(Int.init)
        case .scalar: return s.unicodeScalars.map { Int($0.value) }
        }
    }
    func check(_ start: Int?, _ end: Int?, _ text: String?) {
        guard let start, let end else { return }
        guard 0 <= start, start <= end, end <= units.count else { fatalError("\(unit) offsets \(start)..<\(end) outside \(units.count) units") }
        guard let text else { return }
        let expected = Array(units[start..<end]), found = encode(text)
        guard expected == found else {
            let at = zip(expected, found).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, found.count)
            fatalError("\(unit) offsets \(start)..<\(end) do not cut out \(text.debugDescription): \(expected.count) units in the text, \(found.count) in \"text\", first difference at \(at)")
        }
    }
    func check(_ o: Report.Offsets?) { if let o { check(o.start, o.end, o.text) } }
    report.sentences.forEach(check)
    report.tokens?.forEach(check)
    for e in report.entities {
        e.mentions.forEach(check)
        e.roles?.forEach(check)
    }
    for q in report.quotes {
        check(q.start, q.end, q.text)
        check(q.cue)
        check(q.speaker?.start, q.speaker?.end, q.speaker?.text)
    }
    report.tone?.evidence.forEach(check)
}
