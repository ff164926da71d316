import Testing
@testable import NewsNLP
@testable import newsnlp

@Suite("Input")
struct InputTests {
    @Test func byteOrderMarkIsSkipped() throws {
        let (text, replaced) = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Bonjour.".utf8), name: "t.txt")
        #expect(text == "Bonjour.")
        #expect(!replaced)
    }

    @Test func invalidUTF8NamesTheFileAndOffset() {
        let bytes = Array("Élysée ".utf8) + [0xE9, 0x74, 0xE9]  // Latin-1 "été"
        do {
            _ = try TextDecoder.decode(bytes, name: "article.txt")
            Issue.record("expected an error")
        } catch let e as NewsNLPError {
            #expect(e.code == .invalidData)
            #expect(e.code.exitStatus == 65)
            #expect(e.description.hasPrefix("article.txt: invalid UTF-8 at byte offset 9"))
            #expect(e.description.contains("Latin-1"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func lossyDecodingReplaces() throws {
        let (text, replaced) = try TextDecoder.decode([0x61, 0xFF, 0x62], name: "x", lossy: true)
        #expect(text == "a\u{FFFD}b")
        #expect(replaced)
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] as [[UInt8]])
    func invalidSequencesAreFound(_ bad: [UInt8]) {
        #expect(TextDecoder.firstInvalidUTF8((Array("ok ".utf8) + bad)[...]) == 3)
    }

    @Test func jsonLineRecords() throws {
        func parse(_ s: String) throws -> JSONLineParser.Record {
            try Array(s.utf8).withUnsafeBufferPointer { try JSONLineParser.parse($0) }
        }
        let r = try parse(#"{"id": 42, "text": "Il a dit \u00ab non \u00bb.\n\ud83d\ude00", "extra": [1, {"a": "}"}]}"#)
        #expect(r.id == .number("42"))
        #expect(r.text == "Il a dit « non ».\n😀")
        #expect(try parse(#"{"text":"x","id":"a-1"}"#).id == .string("a-1"))
        #expect(throws: JSONLineParser.ParseError.self) { try parse(#"{"id": 1}"#) }
        #expect(throws: JSONLineParser.ParseError.self) { try parse(#"{"id": 1, "text": 5}"#) }
        #expect(throws: JSONLineParser.ParseError.self) { try parse(#"{"id": 1, "text": "x""#) }
        #expect(throws: JSONLineParser.ParseError.self) { try parse(#"[1, 2]"#) }
    }
}
