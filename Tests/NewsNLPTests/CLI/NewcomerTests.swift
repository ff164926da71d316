import Testing
import Foundation

/// What a newcomer meets first (issue 15), through the built binary: the text report, honest help, colour only on
/// a terminal, messages that name the options, language detection on a headline.
///
/// Golden files regenerate with `NEWSNLP_REGENERATE_GOLDEN=1 swift test --filter Newcomer`.
@Suite("Newcomer: text report, help, colour, language", .serialized)
struct NewcomerTests {
    static let regenerate = ProcessInfo.processInfo.environment["NEWSNLP_REGENERATE_GOLDEN"] == "1"

    /// Compares `actual` with `Corpora/golden/name`, or rewrites the golden file when regenerating.
    func expectGolden(_ actual: String, _ name: String) throws {
        let path = packageRoot + "/Corpora/golden/" + name
        if Self.regenerate {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == golden, "differs from Corpora/golden/\(name) (NEWSNLP_REGENERATE_GOLDEN=1 to rewrite it)")
    }

    @Test func analyzeTextIsAReportForPeople() throws {
        let r = try CLI.run(["analyze", "--format", "text", "Corpora/fr-desantis-twitter-space.txt"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        try expectGolden(r.stdout, "fr-desantis-twitter-space.analyze.txt")
        for section in ["Summary", "Entities", "Quotes", "Tone and stance"] {
            #expect(r.stdout.contains("\n\(section)\n"), "section \(section)")
        }
        #expect(r.stdout.contains("language: fr"))
        #expect(r.stdout.contains("  name "))
        // The entities table: name, type, mentions, roles, aligned.
        let ron = r.lines.first { $0.hasPrefix("  Ron DeSantis ") }
        #expect(ron?.contains("PER") == true)
        #expect(ron?.hasSuffix("gouverneur de Floride") == true)
        // The heading quote is shown once, with the later quote it echoes.
        #expect(r.stdout.components(separatedBy: "« Il y a tellement de gens que ça crash »").count == 2)
        #expect(r.stdout.contains("(also in the title)"))
        #expect(r.lines.allSatisfy { $0.count <= 100 })
        #expect(!r.stdout.contains("\u{1B}["), "no colour into a pipe")
    }

    @Test func analyzeTextOnEnglishAndOnNothing() throws {
        let r = try CLI.run(["analyze", "--format", "text", "Corpora/en-senate-vote.txt"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("language: en"))
        #expect(r.lines.allSatisfy { $0.count <= 100 })
        let empty = try CLI.run(["analyze", "--format", "text"], stdin: Data())
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("sentences: 0 (0 boilerplate)"))
        #expect(empty.stdout.contains("(none)"))
    }

    /// Runs the binary under a pseudo-terminal (`script`), so that standard output is a terminal.
    func runOnTerminal(_ args: [String], environment: [String: String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([CLI.binary] + args).map { "'" + $0 + "'" }.joined(separator: " ")
        p.arguments = ["-qec", command, "/dev/null"]
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func colourOnATerminalOnlyAndNeverWithNoColor() throws {
        let args = ["analyze", "--format", "text", "Corpora/fr-desantis-twitter-space.txt"]
        let coloured = try runOnTerminal(args, environment: [:])
        #expect(coloured.contains("\u{1B}[1mSummary\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[34mRon DeSantis\u{1B}[0m"))
        let plain = try runOnTerminal(args, environment: ["NO_COLOR": "1"])
        #expect(plain.contains("Summary"))
        #expect(!plain.contains("\u{1B}["))
    }

    @Test func helpListsOnlyTheFormatsEachCommandWrites() throws {
        let accepted: [String: [String]] = [
            "analyze": ["json", "jsonl", "text", "html"], "summarize": ["text", "markdown", "json", "jsonl"],
            "sentences": ["text", "json", "jsonl"], "tokens": ["text", "conllu", "json", "jsonl"],
            "entities": ["text", "json", "jsonl"], "quotes": ["text", "json", "jsonl"], "tone": ["text", "json", "jsonl"],
        ]
        let all = ["text", "json", "jsonl", "markdown", "conllu", "html"]
        for (command, formats) in accepted {
            let help = try CLI.run([command, "--help"])
            #expect(help.status == 0)
            let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let format = flat.components(separatedBy: "--format <format> ").dropFirst().first ?? ""
            let listed = format.components(separatedBy: "(values: ").dropFirst().first?.prefix { $0 != ";" }
            #expect(listed.map(String.init) == formats.joined(separator: ", "), "\(command) --help lists \(listed ?? "nothing")")
            for format in all {
                // A short text: the format is what is tested, not the analysis.
                let r = try CLI.run([command, "--format", format], stdin: Data("Biden wins.".utf8))
                if formats.contains(format) {
                    #expect(r.status == 0, "\(command) --format \(format)")
                } else {
                    #expect(r.status == 64, "\(command) --format \(format)")
                    #expect(r.stderr.contains("Please provide one of"), "\(command) --format \(format)")
                }
            }
        }
    }

    @Test func helpReadsWellAtEightyColumns() throws {
        for command in ["", "summarize", "analyze", "sentences", "tokens", "entities", "quotes", "tone", "batch"] {
            let r = try runWithEnvironment((command.isEmpty ? [] : [command]) + ["--help"], ["COLUMNS": "80"])
            #expect(r.status == 0)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 80 }, "newsnlp \(command) --help: \(lines.filter { $0.count > 80 })")
            // A paragraph is re-wrapped, not cut where the source line ended: no line of one or two words
            // followed by more text of the same paragraph.
            for (k, line) in lines.enumerated() where k + 1 < lines.count {
                let next = lines[k + 1]
                let short = line.split(separator: " ").count <= 2 && !line.hasPrefix(" ") && !line.hasSuffix(":")
                #expect(!(short && !line.isEmpty && !next.isEmpty && !next.hasPrefix(" ") && !next.hasPrefix("USAGE")),
                        "newsnlp \(command) --help: \"\(line)\"")
            }
            if !command.isEmpty { #expect(r.stdout.contains("USAGE: newsnlp \(command) [<options>]")) }
        }
    }

    func runWithEnvironment(_ args: [String], _ environment: [String: String]) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func messagesNameTheOptionsThatHelp() throws {
        // A lone continuation byte after a valid "é": not Latin-1, just broken.
        let bad = CLI.temporaryFile(Array("Le maire é".utf8) + [0x80] + Array(" a parlé.".utf8))
        let r = try CLI.run(["summarize", bad])
        #expect(r.status == 65)
        #expect(r.stderr == "newsnlp: \(bad): invalid UTF-8 at byte offset 11 (pass --lossy to replace bad bytes)\n")
        let folder = try CLI.run(["entities", "--lexicons", "README.md", "Corpora/en-senate-vote.txt"])
        #expect(folder.status == 64)
        #expect(folder.stderr == "newsnlp: README.md: is not a folder (--lexicons needs a folder laid out like Lexicons/)\n")
        let latin1 = CLI.temporaryFile(Array("Le maire a parl".utf8) + [0xE9, 0x2E])
        let l = try CLI.run(["tone", latin1])
        #expect(l.status == 65)
        #expect(l.stderr.hasSuffix("(the file looks like Latin-1 or Windows-1252: convert it with `iconv -f latin1 -t utf-8`, or pass --lossy)\n"))
    }

    @Test func languageOfAHeadline() throws {
        let cases: [(String, String)] = [
            ("Biden wins.", "en"), ("Trump vows to fight on", "en"), ("Macron gagne.", "fr"),
            ("Le Pen dénonce la réforme", "fr"), ("Ron Howard.", "en"), ("Jean-Pierre Dupuis.", "fr"), ("", "fr"),
        ]
        for (text, language) in cases {
            let r = try CLI.run(["analyze", "--format", "jsonl"], stdin: Data(text.utf8))
            #expect(try r.json()["language"] as? String == language, "\(text)")
        }
    }

    @Test func htmlReportSpeaksTheArticlesLanguage() throws {
        let fr = try CLI.run(["analyze", "--format", "html", "Corpora/fr-desantis-twitter-space.txt"])
        #expect(fr.status == 0)
        #expect(fr.stdout.contains("<h2>Citations</h2>"))
        #expect(fr.stdout.contains("<h2>Ton et positions</h2>"))
        #expect(fr.stdout.contains("<th>locuteur</th>"))
        #expect(!fr.stdout.contains("<h2>Quotes</h2>"))
        let en = try CLI.run(["analyze", "--format", "html", "Corpora/en-senate-vote.txt"])
        #expect(en.stdout.contains("<h2>Quotes</h2>") && en.stdout.contains("<th>speaker</th>"))
    }

    @Test func htmlReportShowsTheHeadingQuoteOnceAndEvidenceAsText() throws {
        let page = try CLI.run(["analyze", "--format", "html", "Corpora/fr-desantis-twitter-space.txt"]).stdout
        let table = page.components(separatedBy: "<h2>Citations</h2>").last!.components(separatedBy: "</table>").first!
        #expect(table.components(separatedBy: "Il y a tellement de gens que ça crash").count == 2, "the heading quote once")
        #expect(table.contains("(aussi dans le titre)"))
        #expect(table.contains("<td>essayait de justifier</td>"))
        let tone = page.components(separatedBy: "<h2>Ton et positions</h2>").last!
        // Evidence is the sentence itself, linked to it in the text, not a bare "#26".
        #expect(tone.contains("<div class=\"ev\"><a href=\"#s26\">Fiasco pour le Twitter Space"))
        #expect(!tone.contains(">#26</a>"))
        #expect(page.contains("td mark, td.name { white-space: nowrap; }"))
    }

    @Test func reportLabelsHaveTheSameKeysInBothLanguages() throws {
        func keys(_ language: String) throws -> Set<String> {
            let text = try String(contentsOfFile: packageRoot + "/Lexicons/\(language)/report-labels", encoding: .utf8)
            return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first.map(String.init) })
        }
        let fr = try keys("fr"), en = try keys("en")
        #expect(fr == en)
        #expect(fr.isSuperset(of: ["heading-quotes", "PER", "negative", "indirect", "footer"]))
    }
}
