import Testing
import Foundation

/// Valid UTF-8 that is odd as text: each is read (exit 0, nothing on standard error) and every span of the
/// report fits the text in all three offset units (`SpanChecks`).
@Suite("Robustness: odd text through the CLI", .serialized)
struct OddTextTests {
    /// Runs the whole analysis in three units and expects success, silence on standard error and sound spans.
    func expectSound(_ text: String, prefix: [UInt8] = [], units: [String] = OffsetUnitName.all, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLI.spanProblems(prefix + Array(text.utf8), text: text, units: units)
        #expect(r.status == units.map { _ in 0 }, sourceLocation: sourceLocation)
        #expect(r.stderr.isEmpty, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.problems.isEmpty, "\(r.problems.prefix(5)) in \(text.debugDescription.prefix(300))", sourceLocation: sourceLocation)
    }

    func sentences(_ bytes: [UInt8], _ extra: [String] = []) throws -> [[String: Any]] {
        let r = try CLI.run(["sentences", "--format", "json"] + extra, stdin: Data(bytes))
        #expect(r.status == 0)
        return try r.json()["sentences"] as! [[String: Any]]
    }

    @Test func emptyInputIsAnEmptyDocumentForEveryCommand() throws {
        for command in ["sentences", "tokens", "entities", "quotes", "tone", "summarize", "analyze"] {
            let r = try CLI.run([command, "-"], stdin: Data())
            #expect(r.status == 0, "\(command)")
            #expect(r.stderr.isEmpty, "\(command): \(r.stderr)")
        }
        let path = CLI.temporaryFile([])
        let report = try CLI.run(["analyze", "--tokens", path]).json()
        #expect((report["sentences"] as! [Any]).isEmpty && (report["tokens"] as! [Any]).isEmpty)
        #expect((report["entities"] as! [Any]).isEmpty && (report["quotes"] as! [Any]).isEmpty)
        #expect(report["source"] as? String == path)
    }

    @Test func onlyWhiteSpace() throws {
        let text = " \n\t \r\n\u{00A0}\u{202F}\u{2028}  \n\n\r"
        #expect(try sentences(Array(text.utf8)).isEmpty)
        let tokens = try CLI.run(["tokens", "--format", "json"], stdin: Data(text.utf8))
        #expect((try tokens.json()["tokens"] as! [Any]).isEmpty)
        try expectSound(text)
    }

    @Test func byteOrderMark() throws {
        // Offsets count after the mark; a file of only a mark is empty.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let s = try sentences(bom + Array("Une phrase. Une autre.".utf8))
        #expect(s.map { $0["start"] as! Int } == [0, 12])
        #expect(try sentences(bom).isEmpty)
        try expectSound("« Élysée » : le président a parlé.", prefix: bom)
        // A second mark inside the text is text (U+FEFF), not skipped.
        try expectSound("Avant\u{FEFF}après. \u{FEFF}Fin.", prefix: bom)
    }

    @Test func crlfAndLoneCR() throws {
        let crlf = try sentences(Array("Titre\r\nUne phrase. Une autre.\r\n\r\nFin".utf8))
        #expect(crlf.map { $0["start"] as! Int } == [0, 7, 19, 33])
        #expect(crlf.map { $0["end"] as! Int } == [5, 18, 29, 36])
        let cr = try sentences(Array("Titre\rUne phrase.\rDernière ligne\r".utf8))
        #expect(cr.map { $0["start"] as! Int } == [0, 6, 18])
        #expect(cr.map { $0["end"] as! Int } == [5, 17, 32])
        try expectSound("« Oui »\r\na-t-il dit.\r\rM. Durand\r\n\r\nFin.\r")
    }

    @Test func nulBytes() throws {
        let text = "Avant\0après. \0\0Le maire\0a parlé.\0"
        let r = try CLI.run(["tokens", "--format", "json"], stdin: Data(text.utf8))
        #expect(r.status == 0)
        let tokens = try r.json()["tokens"] as! [[String: Any]]
        #expect(!tokens.isEmpty)
        try expectSound(text)
        let plain = try CLI.run(["sentences"], stdin: Data(text.utf8))
        #expect(plain.status == 0 && !plain.stdout.isEmpty)
    }

    @Test func longParagraphWithoutPunctuation() throws {
        let words = "le conseil municipal vote le budget de la ville sans débat "
        let text = String(String(repeating: words, count: 200_000 / words.utf8.count + 1).prefix(200_000))
        #expect(text.utf8.count > 200_000)
        let started = Date()
        let r = try CLI.run(["analyze", "--format", "jsonl", "--tokens"], stdin: Data(text.utf8))
        #expect(r.status == 0)
        #expect(Date().timeIntervalSince(started) < 30)
        let report = try r.json()
        let sentences = report["sentences"] as! [[String: Any]]
        #expect(!sentences.isEmpty)
        #expect(sentences.last!["end"] as? Int == text.unicodeScalars.count - 1)  // the final space is left out
        #expect(SpanChecks.problems(report: Array(r.stdout.utf8), text: text, unit: .scalar).isEmpty)
    }

    @Test func twentyMegabyteDocument() throws {
        // 20 MB of real sentences with wide blank gaps (which keep the debug build fast): read whole, offsets
        // right up to the end.
        let block = "Le conseil municipal a voté le budget. « Nous ne céderons pas », a dit M. Durand.\n" + String(repeating: " ", count: 20_000) + "\n"
        let count = 20_000_000 / block.utf8.count + 1
        let path = CLI.temporaryFile(Array(String(repeating: block, count: count).utf8), name: "big.txt")
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue
        #expect(size >= 20_000_000)
        let r = try CLI.run(["analyze", "--format", "jsonl", path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let report = try r.json()
        let sentences = report["sentences"] as! [[String: Any]]
        #expect(sentences.count == 2 * count)
        let blockScalars = block.unicodeScalars.count
        let lastStart = (count - 1) * blockScalars + "Le conseil municipal a voté le budget. ".unicodeScalars.count
        #expect(sentences.last!["start"] as? Int == lastStart)
        #expect(sentences.last!["end"] as? Int == (count - 1) * blockScalars + block.prefix { $0 != "\n" }.unicodeScalars.count)
        #expect((report["quotes"] as! [Any]).count == count)
    }

    @Test func thousandsOfQuoteMarks() throws {
        for text in [
            String(repeating: "«", count: 5000),
            String(repeating: "\"", count: 10_000),
            String(repeating: "« » ", count: 3000),
            String(repeating: "“”‘’„‹›'", count: 1500),
            String(repeating: "« Oui » a dit M. Durand. ", count: 1000),
            "« " + String(repeating: "mot ", count: 3000) + String(repeating: "» ", count: 2000),
        ] {
            let started = Date()
            try expectSound(text, units: ["utf16"])
            #expect(Date().timeIntervalSince(started) < 20, "\(text.prefix(20))")
        }
    }

    @Test func unbalancedAndNestedQuotes() throws {
        let cases = [
            "« Il m'a dit « je pars » puis il est resté », a raconté M. Durand.",
            "« Il m'a dit “je pars” puis « non » » a-t-il raconté.",
            "« Une citation jamais fermée. Puis une autre phrase. Et encore une.",
            "Une citation jamais ouverte » a dit le maire. Fin.",
            "» à l'envers « a dit le maire.",
            "\"We will \"not\" back down,\" he said. \"Unclosed",
            "“Nested ‘single’ and “double” marks,” she said.",
            "‘ ’ ‘ ’ « « « » » » “ “ ” ”",
            "L'équipe d'« Aujourd'hui » a dit « c'est fini ».",
        ]
        // One document of every case, one paragraph each (a CLI run costs more than the text).
        try expectSound(cases.joined(separator: "\n\n"))
        let nested = try CLI.run(["quotes", "--format", "json"], stdin: Data(cases[1].utf8))
        #expect(nested.status == 0)
        #expect(!(try nested.json()["quotes"] as! [Any]).isEmpty)
    }

    @Test func emojiCombiningMarksAndRightToLeft() throws {
        try expectSound([
            "Le président 🇫🇷 a souri 😀👍🏽. La famille 👨‍👩‍👧 est arrivée ❤️. 🏳️‍🌈 Fin 👍🏽👍🏽.",
            "E\u{301}lyse\u{301}e : le pre\u{301}sident a parle\u{301}. \u{301}Une marque seule. Z\u{327}\u{301}\u{308}. \u{301}\u{301}",
            "Le ministre a cité مرحبا بالعالم puis שלום, עברית. \u{200F}Texte\u{200E} \u{202E}inversé\u{202C}. « السلام » a-t-il dit.",
        ].joined(separator: "\n"))
        // Offsets in each unit for a text where they all differ.
        let text = "Élysée 😀 fin. Autre."
        for (unit, starts) in [("scalar", [0, 14]), ("utf16", [0, 15]), ("utf8", [0, 19])] {
            let s = try sentences(Array(text.utf8), ["--offsets", unit])
            #expect(s.map { $0["start"] as! Int } == starts, "\(unit)")
        }
    }
}
