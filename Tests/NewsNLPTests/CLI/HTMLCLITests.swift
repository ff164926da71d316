import Testing
import Foundation

@Suite("HTML pages end to end", .serialized)
struct HTMLCLITests {
    let page = "Corpora/fr-desantis-twitter-space.html"
    let text = "Corpora/fr-desantis-twitter-space.txt"

    /// Sentences (non-boilerplate), entities named in them, and quotes, as strings: what must not depend on
    /// whether the story came as text or as a page.
    static func findings(_ path: String) throws -> (sentences: [String], entities: [String], quotes: [String]) {
        let r = try CLI.run(["analyze", path])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try r.json()
        let text = Array(((report["text"] as? String) ?? String(decoding: FileManager.default.contents(atPath: packageRoot + "/" + path)!, as: UTF8.self)).unicodeScalars)
        func cut(_ o: [String: Any]) -> String { String(String.UnicodeScalarView(text[(o["start"] as! Int)..<(o["end"] as! Int)])) }
        let body = (report["sentences"] as! [[String: Any]]).filter { !($0["boilerplate"] as! Bool) }
        let sentences = body.map(cut)
        let ranges = body.map { ($0["start"] as! Int)..<($0["end"] as! Int) }
        let entities = (report["entities"] as! [[String: Any]]).compactMap { e -> String? in
            let mentions = (e["mentions"] as! [[String: Any]]).filter { m in ranges.contains { $0.contains(m["start"] as! Int) } }
            return mentions.isEmpty ? nil : "\(e["id"] ?? "") \(e["name"]!): " + mentions.map(cut).joined(separator: ", ")
        }.sorted()
        let quotes = (report["quotes"] as! [[String: Any]]).map { q in
            "\(q["kind"]!) «\(cut(q))» — \(((q["speaker"] as? [String: Any])?["name"] as? String) ?? "?")"
        }
        return (sentences, entities, quotes)
    }

    @Test func theSeedPageGivesWhatTheSeedTextGives() throws {
        let fromText = try Self.findings(text)
        let fromPage = try Self.findings(page)
        #expect(fromPage.sentences.count >= 15)
        #expect(fromPage.sentences == fromText.sentences)
        #expect(fromPage.entities == fromText.entities)
        #expect(fromPage.quotes == fromText.quotes)
        #expect(fromPage.quotes.contains { $0.contains("Il y a tellement de gens que ça crash") && $0.contains("David Sacks") })
    }

    @Test func extractPrintsTheArticleAndItsMetadata() throws {
        let json = try CLI.run(["extract", "--format", "json", page])
        #expect(json.status == 0)
        let o = try json.json()
        #expect(o["title"] as? String == "Fiasco pour le Twitter Space de DeSantis et Musk, l'équipe de Biden se moque des problèmes techniques")
        #expect(o["author"] as? String == "AFP")
        #expect(o["date"] as? String == "2023-05-25T06:12:00+02:00")
        let body = o["text"] as! String
        #expect(body.hasPrefix("Juste après avoir annoncé sa candidature"))
        for furniture in ["cookies", "Politique", "Partager", "PUBLICITÉ", "À lire aussi", "Lecteur75", "Tous droits", "script"] {
            #expect(!body.contains(furniture), "\(furniture)")
        }
        // The text format is the analysed text: title, blank line, body, so that offsets can be checked against it.
        let plain = try CLI.run(["extract", page])
        #expect(plain.stdout == (o["title"] as! String) + "\n\n" + body + "\n")
    }

    @Test func offsetsPointIntoTheExtractedText() throws {
        let r = try CLI.run(["entities", "--format", "json", page])
        let o = try r.json()
        let text = Array((o["text"] as! String).unicodeScalars)
        let entities = o["entities"] as! [[String: Any]]
        #expect(!entities.isEmpty)
        for e in entities {
            for m in e["mentions"] as! [[String: Any]] {
                #expect(String(String.UnicodeScalarView(text[(m["start"] as! Int)..<(m["end"] as! Int)])) == m["text"] as! String)
            }
        }
    }

    @Test func aPageOnStandardInputOrUnderAnotherName() throws {
        let bytes = FileManager.default.contents(atPath: packageRoot + "/" + page)!
        let forced = try CLI.run(["sentences", "--input-format", "html"], stdin: bytes)
        let sniffed = try CLI.run(["sentences"], stdin: bytes)
        let renamed = try CLI.run(["sentences", CLI.temporaryFile(Array(bytes), name: "saved-page.txt")])
        #expect(forced.status == 0 && forced.stdout.hasPrefix(" 0 # Fiasco pour le Twitter Space"))
        #expect(sniffed.stdout == forced.stdout)
        #expect(renamed.stdout == forced.stdout)
        #expect(!forced.stdout.contains("<"))
        let summary = try CLI.run(["summarize", "--input-format", "html"], stdin: bytes)
        #expect(summary.status == 0 && !summary.stdout.contains("cookies"))
    }

    @Test func formatsNewsnlpDoesNotReadAreRefusedByName() throws {
        let docx = CLI.temporaryFile(Array("PK\u{03}\u{04}\u{14}\u{00}\u{06}\u{00}[Content_Types].xml word/document.xml".utf8), name: "report.docx")
        let r = try CLI.run(["summarize", docx])
        #expect(r.status == 65)
        #expect(r.stderr.contains("report.docx") && r.stderr.contains("Word document (.docx, a ZIP container)"))
        let odt = CLI.temporaryFile(Array("PK\u{03}\u{04}\u{14}\u{00}mimetypeapplication/vnd.oasis.opendocument.text".utf8), name: "notes.txt")
        let o = try CLI.run(["entities", odt])
        #expect(o.status == 65 && o.stderr.contains("OpenDocument text (.odt"))
    }

    @Test func badPagesGetTheirErrorAndExitCode() throws {
        let empty = CLI.temporaryFile(Array("<html><head><title>Rien</title></head><body></body></html>".utf8), name: "empty.html")
        let menu = CLI.temporaryFile(Array("<html><body><ul><li><a href=/>Accueil</a></li><li><a href=/m>Monde</a></li></ul></body></html>".utf8), name: "menu.html")
        let binary = CLI.temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00], name: "program.html")
        for (path, message) in [(empty, "body is empty"), (menu, "navigation, links"), (binary, "binary data")] {
            for command in [["extract"], ["analyze"], ["quotes"]] {
                let r = try CLI.run(command + [path])
                #expect(r.status == 65, "\(command) \(path)")
                #expect(r.stderr.contains(path) && r.stderr.contains(message), "\(r.stderr)")
                #expect(r.stdout.isEmpty)
            }
        }
    }

    @Test func batchReadsPagesAndGoesOnAfterABadOne() throws {
        let root = NSTemporaryDirectory() + "newsnlp-html-batch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/" + page, toPath: root + "/a-story.html")
        _ = FileManager.default.createFile(atPath: root + "/b-menu.htm", contents: Data("<html><body><nav><a href=/>Accueil</a></nav></body></html>".utf8))
        _ = FileManager.default.createFile(atPath: root + "/c-note.txt", contents: Data("Le maire a parlé mardi.\n".utf8))
        let r = try CLI.run(["batch", root, "--jobs", "1"])
        #expect(r.status == 1)
        let lines = BatchTests.lines(r.stdout)
        #expect(lines.count == 3)
        #expect((lines[0]["text"] as? String)?.hasPrefix("Fiasco pour le Twitter Space") == true)
        #expect(!(lines[0]["sentences"] as! [Any]).isEmpty)
        #expect((lines[1]["error"] as? String)?.contains("navigation, links") == true)
        #expect(lines[2]["error"] == nil && lines[2]["text"] == nil)
        #expect(r.stderr.contains("2 succeeded, 1 failed"))
    }
}
