import Testing
import Foundation

/// Runs the built `newsnlp` binary (the debug build that `swift test` makes, or $NEWSNLP_BIN).
struct CLI {
    static let binary: String = {
        if let b = ProcessInfo.processInfo.environment["NEWSNLP_BIN"] { return b }
        for dir in [".build/debug", ".build/release"] {
            let path = packageRoot + "/" + dir + "/newsnlp"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return packageRoot + "/.build/debug/newsnlp"
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
        func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as! [String: Any] }
    }

    /// SIGPIPE ignored once for the test process.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(_ args: [String], stdin: Data? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin {
            // A command may exit before it reads its input (a usage error): the write then fails with EPIPE, which
            // must neither raise SIGPIPE in the test process nor trap (the non-throwing `write` does).
            _ = ignoreBrokenPipes
            DispatchQueue.global().async {
                try? inp.fileHandleForWriting.write(contentsOf: stdin)
                try? inp.fileHandleForWriting.close()
            }
        } else {
            try? inp.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") -> String {
        let dir = NSTemporaryDirectory() + "newsnlp-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try! FileManager.default.createDirectory(atPath: String(path[..<path.lastIndex(of: "/")!]), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

@Suite("CLI end to end", .serialized)
struct CLITests {
    let seed = "Corpora/fr-desantis-twitter-space.txt"

    @Test func sentencesFromAFile() throws {
        let r = try CLI.run(["sentences", seed])
        #expect(r.status == 0)
        #expect(r.stdout.contains("# Fiasco pour le Twitter Space de DeSantis et Musk"))
        #expect(r.stdout.contains("~ PUBLICITÉ"))
        #expect(r.lines.count == 45)
    }

    @Test func sentencesFromStandardInput() throws {
        let a = try CLI.run(["sentences", "--format", "json"], stdin: Data("M. Dupont est là. Il parle.".utf8))
        let b = try CLI.run(["sentences", "-", "--format", "json"], stdin: Data("M. Dupont est là. Il parle.".utf8))
        #expect(a.status == 0)
        let report = try a.json()
        #expect((report["sentences"] as! [Any]).count == 2)
        #expect(report["source"] is NSNull)
        #expect(a.stdout == b.stdout)
    }

    @Test func tokensAsColumnsJSONAndCoNLLU() throws {
        let text = try CLI.run(["tokens", seed])
        #expect(text.status == 0)
        #expect(text.lines.contains { $0.contains("number     38") && $0.hasSuffix("852,86") })
        let json = try CLI.run(["tokens", seed, "--format", "json"]).json()
        let tokens = json["tokens"] as! [[String: Any]]
        #expect(tokens.first!["kind"] as? String == "word")
        #expect((json["entities"] as! [Any]).isEmpty)
        let conllu = try CLI.run(["tokens", "--format", "conllu", "-"], stdin: Data("L'équipe a-t-elle gagné ?".utf8))
        #expect(conllu.stdout.contains("# text = L'équipe a-t-elle gagné ?"))
        #expect(conllu.stdout.contains("1\tL'\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=0:2"))
        #expect(conllu.stdout.contains("4\t-t-elle\t"))
    }

    @Test func analyzeWritesTheWholeReport() throws {
        let r = try CLI.run(["analyze", seed])
        #expect(r.status == 0)
        let report = try r.json()
        for key in ["schemaVersion", "id", "source", "offsetUnit", "language", "sentences", "entities", "quotes", "tone", "summary"] {
            #expect(report.keys.contains(key), "missing \(key)")
        }
        #expect(report["source"] as? String == seed)
        #expect(report["language"] as? String == "fr")
    }

    @Test func offsetUnits() throws {
        let input = Data("Élysée 😀 fin.".utf8)
        func end(_ unit: String) throws -> Int {
            let r = try CLI.run(["sentences", "--format", "json", "--offsets", unit], stdin: input)
            return ((try r.json())["sentences"] as! [[String: Any]])[0]["end"] as! Int
        }
        #expect(try end("scalar") == 13)
        #expect(try end("utf16") == 14)
        #expect(try end("utf8") == 18)
    }

    @Test func jsonLinesModeKeepsOrderIdsAndErrors() throws {
        let input = """
        {"id": "a", "text": "Première phrase. Deuxième."}
        not json
        {"id": 7, "text": 5}
        {"id": "d"}

        {"id": "f", "text": "The president said no."}
        """
        var bytes = Array(input.utf8) + [0x0A]
        bytes += Array(#"{"id": "g", "text": "bad "#.utf8) + [0xFF] + Array(#""}"#.utf8) + [0x0A]
        let r = try CLI.run(["analyze", "--input-format", "jsonl", "--format", "jsonl"], stdin: Data(bytes))
        #expect(r.status == 0)
        let lines = r.lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 7)
        #expect(lines[0]["id"] as? String == "a")
        #expect((lines[0]["sentences"] as! [Any]).count == 2)
        #expect(lines[1]["error"] is String)
        #expect(lines[2]["id"] as? Int == 7)
        #expect((lines[2]["error"] as! String).contains("not a string"))
        #expect((lines[3]["error"] as! String).contains("no \"text\""))
        #expect(lines[4]["error"] is String)
        #expect(lines[5]["language"] as? String == "en")
        #expect((lines[6]["error"] as! String).contains("invalid UTF-8"))
        #expect(lines[6]["line"] as? Int == 7)
    }

    @Test func jsonLinesWithJobsKeepsOrderAndBytes() throws {
        // Records of every sample article, with bad lines among them: any --jobs gives the same bytes, and two
        // runs (two processes, two hash seeds) give the same bytes too.
        let texts = try ["fr-desantis-twitter-space", "fr-conseil-municipal", "en-senate-vote", "quotes-fr-conseil-regional"]
            .map { try String(contentsOfFile: packageRoot + "/Corpora/" + $0 + ".txt", encoding: .utf8) }
        var input = ""
        for i in 0..<150 {
            if i % 37 == 5 { input += "not json \(i)\n"; continue }
            let record = try JSONSerialization.data(withJSONObject: ["id": "r\(i)", "text": texts[i % texts.count]])
            input += String(decoding: record, as: UTF8.self) + "\n"
        }
        let args = ["analyze", "--input-format", "jsonl", "--format", "jsonl"]
        let one = try CLI.run(args, stdin: Data(input.utf8))
        let again = try CLI.run(args, stdin: Data(input.utf8))
        let three = try CLI.run(args + ["--jobs", "3"], stdin: Data(input.utf8))
        #expect(one.status == 0 && three.status == 0)
        #expect(one.lines.count == 150)
        #expect(one.stdout == again.stdout)
        #expect(one.stdout == three.stdout)
        let fifth = try JSONSerialization.jsonObject(with: Data(three.lines[5].utf8)) as! [String: Any]
        #expect(fifth["line"] as? Int == 6)
        #expect(fifth["error"] is String)
    }

    @Test func jsonLinesWithTokens() throws {
        let r = try CLI.run(["analyze", "--input-format", "jsonl", "--format", "jsonl", "--tokens"], stdin: Data(#"{"id":1,"text":"Un mot."}"#.utf8))
        let report = try r.json()
        #expect((report["tokens"] as! [Any]).count == 3)
    }

    @Test func emptyInputIsAnEmptyDocument() throws {
        let r = try CLI.run(["analyze", "-"], stdin: Data())
        #expect(r.status == 0)
        #expect((try r.json()["sentences"] as! [Any]).isEmpty)
    }

    @Test func invalidUTF8Exits65NamingFileAndOffset() throws {
        let path = CLI.temporaryFile(Array("Bonjour ".utf8) + [0xE9, 0x74, 0xE9])
        let r = try CLI.run(["sentences", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains(path))
        #expect(r.stderr.contains("invalid UTF-8 at byte offset 8"))
        let lossy = try CLI.run(["sentences", path, "--lossy"])
        #expect(lossy.status == 0)
        #expect(lossy.stderr.contains("replaced"))
    }

    @Test func missingFileExits66() throws {
        let r = try CLI.run(["sentences", "no/such/article.txt"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no/such/article.txt: no such file"))
    }

    @Test func directoryAsFileExits66() throws {
        let r = try CLI.run(["sentences", "Corpora"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("is a directory"))
    }

    @Test func unknownFlagAndBadValueExit64() throws {
        #expect(try CLI.run(["sentences", "--bogus", seed]).status == 64)
        #expect(try CLI.run(["sentences", "--offsets", "bytes", seed]).status == 64)
        #expect(try CLI.run(["tokens", "--format", "html", seed]).status == 64)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let r = try CLI.run(["sentences", "--format", "json"], stdin: Data([0xEF, 0xBB, 0xBF] + Array("Titre\r\nUne phrase. Une autre.\r\n".utf8)))
        let sentences = try r.json()["sentences"] as! [[String: Any]]
        #expect(sentences.map { $0["start"] as! Int } == [0, 7, 19])
    }

    @Test func helpOnEveryCommand() throws {
        for cmd in ["analyze", "sentences", "tokens"] {
            let r = try CLI.run([cmd, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("--offsets"))
        }
        #expect(try CLI.run(["--help"]).stdout.contains("SUBCOMMANDS"))
    }
}

@Suite("CLI entities", .serialized)
struct CLIEntityTests {
    @Test func entitiesTableAndJSON() throws {
        let table = try CLI.run(["entities", "Corpora/fr-desantis-twitter-space.txt"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Ron DeSantis"))
        #expect(table.stdout.hasPrefix("name"))
        let json = try CLI.run(["entities", "Corpora/fr-desantis-twitter-space.txt", "--format", "json"]).json()
        let ents = json["entities"] as! [[String: Any]]
        let ron = ents.first { $0["id"] as? String == "ron-desantis" }!
        #expect(ron["type"] as? String == "PER")
        #expect(ron["source"] as? String == "lexicon")
        #expect((ron["mentions"] as! [[String: Any]]).contains { $0["text"] as? String == "DeSantis" })
    }

    @Test func malformedUserLexiconNamesFileAndLine() throws {
        let path = CLI.temporaryFile(Array("# x\nonly-two\tPER\n".utf8), name: "entities/broken.tsv")
        let dir = String(path.dropLast("/entities/broken.tsv".count))
        let r = try CLI.run(["entities", "--lexicons", dir, "Corpora/fr-desantis-twitter-space.txt"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("broken.tsv:2"))
    }
}
