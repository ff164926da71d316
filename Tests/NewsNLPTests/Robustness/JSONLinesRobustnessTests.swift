import Testing
import Foundation

/// `analyze --input-format jsonl --format jsonl` on broken streams: every input line gets exactly one output
/// line, in order; a bad record becomes `{"schemaVersion":1,"id":…,"source":null,"line":N,"error":"…"}` and the
/// run goes on and exits 0.
@Suite("Robustness: JSON Lines", .serialized)
struct JSONLinesRobustnessTests {
    static let arguments = ["analyze", "--input-format", "jsonl", "--format", "jsonl"]

    /// Runs the stream and reads each output line with JSONSerialization (ids and error messages only).
    func run(_ bytes: [UInt8], _ extra: [String] = []) throws -> (status: Int32, lines: [[String: Any]], raw: [Substring], stderr: String) {
        let r = try CLI.run(Self.arguments + extra, stdin: Data(bytes))
        let raw = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let lines = try raw.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return (r.status, lines, Array(raw), r.stderr)
    }

    @Test func everyBrokenLineGetsItsOwnErrorLine() throws {
        let input: [(line: String, id: Any?, error: String?)] = [
            (#"{"id": "a", "text": "Le maire a parlé."}"#, "a", nil),
            ("not json", nil, "the line is not a JSON object"),
            ("[1, 2]", nil, "the line is not a JSON object"),
            (#"{"id": 1}"#, 1, #"the record has no "text" field"#),
            (#"{"id": 2, "text": 5}"#, 2, #""text" is not a string (found a number)"#),
            (#"{"id": 3, "text": null}"#, 3, #""text" is not a string (found null)"#),
            (#"{"id": 4, "text": ["a"]}"#, 4, #""text" is not a string (found an array)"#),
            (#"{"id": 5, "text": {"a": 1}}"#, 5, #""text" is not a string (found an object)"#),
            (#"{"id": 6, "text": true}"#, 6, #""text" is not a string (found a boolean)"#),
            (#"{"id": 7, "text": "ok"} trailing"#, 7, "malformed JSON: extra characters after the object at byte 24"),
            (#"{"id": 8, "text": "never closed}"#, 8, "malformed JSON at byte 32"),
            (#"{"id": 13e, "text": "x"}"#, nil, "malformed JSON at byte 7"),
            (#"{"id": +1, "text": "x"}"#, nil, "malformed JSON at byte 7"),
            (#"{"id": 9, "text": "raw "#  + "\u{01}" + #" control"}"#, 9, "malformed JSON at byte 23"),
            (#"{"id": 10 "text": "x"}"#, 10, "malformed JSON: expected ',' or '}' at byte 10"),
            (#"{id: 11, "text": "x"}"#, nil, "malformed JSON: expected a key at byte 1"),
            ("", nil, #"empty line: expected a JSON object with "text""#),
            ("   \t ", nil, #"empty line: expected a JSON object with "text""#),
            ("{", nil, "malformed JSON: expected a key at byte 1"),
            (#"{"id": "z", "text": "Fin."}"#, "z", nil),
        ]
        let bytes = Array(input.map(\.line).joined(separator: "\n").utf8) + [0x0A]
        let r = try run(bytes)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.lines.count == input.count)
        for (k, (expected, got)) in zip(input, r.lines).enumerated() {
            if let error = expected.error {
                #expect(got["error"] as? String == error, "line \(k + 1): \(expected.line)")
                #expect(got["line"] as? Int == k + 1)
                #expect(got["schemaVersion"] as? Int == 1)
            } else {
                #expect(got["error"] == nil, "line \(k + 1)")
                #expect((got["sentences"] as? [Any])?.isEmpty == false)
            }
            switch expected.id {
            case let s as String: #expect(got["id"] as? String == s, "line \(k + 1)")
            case let n as Int: #expect(got["id"] as? Int == n, "line \(k + 1)")
            default: #expect(got["id"] is NSNull, "line \(k + 1)")
            }
        }
    }

    @Test func oddButValidRecords() throws {
        let lines = [
            #"{"text": "sans id."}"#,
            #"{"id": "dup", "text": "Premier."}"#,
            #"{"id": "dup", "text": "Second."}"#,
            #"{"id": {"nested": [1, 2]}, "text": "id composite."}"#,
            #"{"id": -1.5e+3, "text": "id nombre."}"#,
            #"{"text": "a", "text": "deux clés text."}"#,
            #"{"id": "esc", "text": "\u00e9\ud83d\ude00\u0000\ud800 \"cité\" \\ fin.\n"}"#,
            #"  {"id": "spaces", "text": "espaces autour."}   "#,
            #"{"id": "empty", "text": ""}"#,
            #"{"id": "\u0000\"", "text": "id bizarre."}"#,
        ]
        let r = try run(Array(lines.joined(separator: "\r\n").utf8))  // CRLF line ends, no final line break
        #expect(r.status == 0)
        #expect(r.lines.count == lines.count)
        #expect(r.lines.allSatisfy { $0["error"] == nil }, "\(r.lines.compactMap { $0["error"] })")
        #expect(r.lines[0]["id"] is NSNull)
        #expect(r.lines[1]["id"] as? String == "dup" && r.lines[2]["id"] as? String == "dup")
        #expect((r.lines[1]["sentences"] as! [[String: Any]])[0]["end"] as? Int == 8)
        #expect((r.lines[2]["sentences"] as! [[String: Any]])[0]["end"] as? Int == 7)
        #expect(r.lines[3]["id"] is NSNull)
        #expect(r.raw[4].hasPrefix(#"{"schemaVersion":1,"id":-1.5e+3,"#))
        #expect((r.lines[5]["sentences"] as! [[String: Any]])[0]["end"] as? Int == 15)
        #expect(r.lines[9]["id"] as? String == "\0\"")
        #expect((r.lines[8]["sentences"] as! [Any]).isEmpty)
    }

    @Test func invalidUTF8InOneLineOnly() throws {
        var bytes = Array(#"{"id": 1, "text": "bon."}"#.utf8) + [0x0A]
        bytes += Array(#"{"id": 2, "text": "mauvais "#.utf8) + [0xE9] + Array(#"té"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id": 3, "text": "bon aussi."}"#.utf8) + [0x0A]
        let r = try run(bytes)
        #expect(r.status == 0 && r.lines.count == 3)
        #expect(r.lines[1]["error"] as? String == "invalid UTF-8 at byte offset 27 of the line")
        #expect(r.lines[1]["line"] as? Int == 2)
        #expect(r.lines[0]["error"] == nil && r.lines[2]["error"] == nil)
        let lossy = try run(bytes, ["--lossy"])
        #expect(lossy.lines.count == 3 && lossy.lines.allSatisfy { $0["error"] == nil })
        #expect(lossy.lines[1]["id"] as? Int == 2)
    }

    @Test func byteOrderMarkBeforeTheFirstRecord() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"id\": 1, \"text\": \"Un.\"}\n{\"id\": 2, \"text\": \"Deux.\"}\n".utf8)
        let r = try run(bytes)
        #expect(r.lines.count == 2)
        #expect(r.lines.allSatisfy { $0["error"] == nil }, "\(r.lines.compactMap { $0["error"] })")
        #expect(r.lines[0]["id"] as? Int == 1)
    }

    @Test func veryLongLines() throws {
        // Lines of 1 MB and 400 KB between short ones, and a 100 KB line of nothing but spaces.
        let long = String(repeating: "Le conseil municipal a voté le budget. ", count: 1_000_000 / 40)
        let medium = String(repeating: "mot ", count: 100_000)
        var bytes = Array(#"{"id": 1, "text": "court."}"#.utf8) + [0x0A]
        bytes += Array("{\"id\": 2, \"text\": \"\(long)\"}".utf8) + [0x0A]
        bytes += Array("{\"id\": 3, \"text\": \"\(medium)\"}".utf8) + [0x0A]
        bytes += Array(repeating: 0x20, count: 100_000) + [0x0A]
        bytes += Array(#"{"id": 5, "text": "fin."}"#.utf8) + [0x0A]
        #expect(bytes.count > 1_500_000)
        let r = try run(bytes)
        #expect(r.status == 0)
        #expect(r.lines.map { $0["id"] as? Int } == [1, 2, 3, nil, 5])
        #expect((r.lines[1]["sentences"] as! [Any]).count == 1_000_000 / 40)
        #expect(r.lines[3]["error"] as? String == #"empty line: expected a JSON object with "text""#)
        #expect(r.lines[3]["line"] as? Int == 4)
    }

    @Test func manyRecordsKeepTheirOrder() throws {
        var bytes: [UInt8] = []
        for i in 0..<2000 {
            bytes += Array((i % 17 == 0 ? "oops \(i)" : "{\"id\": \(i), \"text\": \"Phrase \(i).\"}").utf8) + [0x0A]
        }
        let r = try run(bytes)
        #expect(r.lines.count == 2000)
        for (i, line) in r.lines.enumerated() {
            if i % 17 == 0 { #expect(line["line"] as? Int == i + 1) } else { #expect(line["id"] as? Int == i) }
        }
    }
}
