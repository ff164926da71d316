import Testing
import Foundation
@testable import NewsNLP

@Suite("Offsets and report")
struct OffsetTests {
    /// Parses a report and checks that every span's offsets cut its own text out of `text` in `unit`.
    func checkSpans(_ text: String, unit: OffsetUnit) throws {
        let d = Analyzer().analyze(text)
        let json = ReportWriter(unit: unit, content: .all).json(d)
        let report = try JSONSerialization.jsonObject(with: Data(json)) as! [String: Any]
        #expect(report["offsetUnit"] as? String == unit.rawValue)
        func cut(_ s: Int, _ e: Int) -> String {
            switch unit {
            case .utf8: return String(decoding: Array(text.utf8)[s..<e], as: UTF8.self)
            case .utf16: return String(decoding: Array(text.utf16)[s..<e], as: UTF16.self)
            case .scalar:
                var v = String.UnicodeScalarView()
                v.append(contentsOf: Array(text.unicodeScalars)[s..<e])
                return String(v)
            }
        }
        let tokens = report["tokens"] as! [[String: Any]]
        let expected = d.tokens.map { d.string($0.span) }
        #expect(tokens.map { cut($0["start"] as! Int, $0["end"] as! Int) } == expected)
        let sentences = report["sentences"] as! [[String: Any]]
        #expect(sentences.map { cut($0["start"] as! Int, $0["end"] as! Int) } == d.sentences.map { d.string($0.span) })
    }

    @Test(arguments: OffsetUnit.allCases)
    func offsetsCutTheRightTextInEveryUnit(_ unit: OffsetUnit) throws {
        try checkSpans("Élysée : « Ça crash 😀 », a-t-il dit. Ensuite 🇫🇷 e\u{301}té à Zürich. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fin.", unit: unit)
    }

    @Test func scalarOffsetsOfTheSeedArticleMatchPython() throws {
        let text = try String(contentsOfFile: packageRoot + "/Corpora/fr-desantis-twitter-space.txt", encoding: .utf8)
        let d = segmented(text)
        let json = ReportWriter(unit: .scalar, content: [.sentences]).json(d)
        let report = try JSONSerialization.jsonObject(with: Data(json)) as! [String: Any]
        let sentences = report["sentences"] as! [[String: Any]]
        let scalars = Array(text.unicodeScalars)
        let title = sentences.first { !($0["boilerplate"] as! Bool) }!
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[(title["start"] as! Int)..<(title["end"] as! Int)])
        #expect(String(v) == "Fiasco pour le Twitter Space de DeSantis et Musk, l'équipe de Biden se moque des problèmes techniques")
    }

    @Test func reportHasTheSchemaFieldsAndEmptyLayers() throws {
        let d = segmented("")
        let json = ReportWriter().json(d)
        let report = try JSONSerialization.jsonObject(with: Data(json)) as! [String: Any]
        #expect(report["schemaVersion"] as? Int == 1)
        #expect((report["sentences"] as! [Any]).isEmpty)
        #expect((report["entities"] as! [Any]).isEmpty)
        #expect((report["quotes"] as! [Any]).isEmpty)
        #expect(report["language"] as? String == "fr")
        #expect(report.keys.contains("tone"))
        #expect(report.keys.contains("summary"))
    }

    @Test func jsonStringsAreEscaped() throws {
        let d = segmented("Il a dit \"non\"\tpuis\u{1} \\ fin.", language: .french)
        let json = ReportWriter(content: .all).json(d)
        #expect(try JSONSerialization.jsonObject(with: Data(json)) is [String: Any])
    }
}
