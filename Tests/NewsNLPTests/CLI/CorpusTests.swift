import Testing
import Foundation
import GRDB
@testable import NewsNLP

/// `batch --out x.sqlite`, `--resume` and `stats`, run through the built binary.
@Suite("corpus store and stats end to end", .serialized)
struct CorpusTests {
    /// Three outlets (folders) of short articles with quoted people, a file at the top, an empty file and a file
    /// that is not UTF-8.
    static func outlets() -> String {
        let root = NSTemporaryDirectory() + "newsnlp-corpus-" + UUID().uuidString
        let fm = FileManager.default
        let french = [
            "Budget de la ville\n\n« Nous allons rénover toutes les écoles du quartier », a déclaré Mme Claire Moreau mardi. La maire a présenté un budget en hausse. « C'est une dépense inutile et dangereuse », a répondu M. Paul Girard, le chef de l'opposition.\n",
            "Transports en commun\n\nLe réseau de tramway sera prolongé jusqu'à la gare. « Les travaux dureront deux ans », a précisé M. Paul Girard lors du conseil. Mme Claire Moreau s'est félicitée d'un projet réussi.\n",
            "Marché couvert\n\nLe marché rouvre ses portes samedi après six mois de travaux. « Les commerçants sont ravis », a affirmé Mme Claire Moreau. Les habitants ont salué une belle réussite.\n",
        ]
        let english = [
            "Harbour plan approved\n\n\"We will build three hundred homes by the harbour,\" said Mayor Linda Carter on Tuesday. Councillor James Whitfield called the plan a costly failure.\n",
            "Bridge repairs\n\nThe old bridge will close for repairs in May. \"It is a necessary and welcome investment,\" said James Whitfield, the transport chair.\n",
        ]
        var files: [(String, String)] = []
        for (k, t) in french.enumerated() { files.append(("courrier/2024-0\(k + 1).txt", t)) }
        for (k, t) in french.prefix(2).enumerated() { files.append(("gazette/jour-\(k + 1).md", t)) }
        for (k, t) in english.enumerated() { files.append(("herald/story-\(k + 1).txt", t)) }
        files.append(("loose.txt", english[0]))
        files.append(("gazette/empty.txt", ""))
        for (name, text) in files {
            let path = root + "/" + name
            try? fm.createDirectory(atPath: String(path[..<path.lastIndex(of: "/")!]), withIntermediateDirectories: true)
            _ = fm.createFile(atPath: path, contents: Data(text.utf8))
        }
        _ = fm.createFile(atPath: root + "/herald/broken.txt", contents: Data([0x48, 0x69, 0xFF, 0x0A]))
        return root
    }

    static func scratch(_ ext: String) -> String {
        NSTemporaryDirectory() + "newsnlp-store-" + UUID().uuidString + "." + ext
    }

    static func query<T: DatabaseValueConvertible>(_ path: String, _ sql: String) throws -> T? {
        let db = try DatabaseQueue(path: path)
        return try db.read { try T.fetchOne($0, sql: sql) }
    }

    /// What SQLite's EXPLAIN QUERY PLAN says of `sql`, one step per line.
    static func plan(_ path: String, _ sql: String) throws -> String {
        let db = try DatabaseQueue(path: path)
        return try db.read { try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n") }
    }

    static let indexNames = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)"
    static let indexes = "documents_folder,entities_name,quotes_document,quotes_speaker"

    static func reports(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func storeHasTheSameRowsAsTheJSONLinesReports() throws {
        let root = Self.outlets()
        let jsonl = Self.scratch("jsonl"), sqlite = Self.scratch("sqlite")
        let a = try CLI.run(["batch", root, "--task", "analyze", "--out", jsonl, "--jobs", "2"])
        let b = try CLI.run(["batch", root, "--out", sqlite, "--jobs", "2"])
        #expect(a.status == 1 && b.status == 1)
        #expect(b.stderr.contains("9 succeeded, 1 failed"))
        #expect(b.stderr.contains("failed: \(root)/herald/broken.txt: invalid UTF-8"))
        let lines = try Self.reports(jsonl)
        let good = lines.filter { $0["error"] == nil }
        let entities = good.flatMap { $0["entities"] as! [[String: Any]] }
        let quotes = good.flatMap { $0["quotes"] as! [[String: Any]] }
        let mentions = entities.reduce(0) { $0 + ($1["mentions"] as! [Any]).count + (($1["references"] as? [Any])?.count ?? 0) }
        #expect(quotes.count >= 6 && entities.count >= 10)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents") == lines.count)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents WHERE error IS NOT NULL") == 1)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM entities") == entities.count)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM mentions") == mentions)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM quotes") == quotes.count)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM summaries") == good.count)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM quotes WHERE speaker_name IS NOT NULL")
                == quotes.filter { !($0["speaker"] is NSNull) }.count)
        // The same quotes, word for word, in the same order.
        let db = try DatabaseQueue(path: sqlite)
        let stored = try db.read { try String.fetchAll($0, sql: "SELECT q.text FROM quotes q JOIN documents d ON d.id = q.document_id ORDER BY d.source, q.start") }
        #expect(stored == quotes.map { $0["text"] as! String })
        // Folders, titles, schema version, WAL.
        #expect(try Self.query(sqlite, "SELECT group_concat(DISTINCT folder) FROM (SELECT folder FROM documents ORDER BY folder)") == ",courrier,gazette,herald")
        #expect(try Self.query(sqlite, "SELECT title FROM documents WHERE source LIKE '%courrier/2024-01.txt'") == "Budget de la ville")
        #expect(try Self.query(sqlite, "PRAGMA user_version") == 1)
        #expect(try Self.query(sqlite, "PRAGMA journal_mode") == "wal")
        // Every index, and no broken reference.
        #expect(try Self.query(sqlite, Self.indexNames) == Self.indexes)
        // Mentions are kept in the order of their key (document, entity, span, kind): a join from an entity
        // reads them through that key, with no index of their own.
        #expect(try Self.query(sqlite, "SELECT count(*) FROM pragma_index_list('mentions') WHERE origin = 'pk'") == 1)
        #expect(try Self.plan(sqlite, "SELECT m.text FROM entities e JOIN mentions m ON m.document_id = e.document_id AND m.entity = e.entity WHERE e.name = 'x'")
            .contains("SEARCH m USING PRIMARY KEY (document_id=? AND entity=?)"))
        #expect(try Self.query(sqlite, "PRAGMA foreign_key_check") as String? == nil)
        // Women and men speakers come from the entities' gender.
        #expect(try Self.query(sqlite, "SELECT sources FROM quotes_by_gender WHERE gender = 'women'") ?? 0 >= 1)
        #expect(try Self.query(sqlite, "SELECT quotes FROM quotes_by_speaker WHERE speaker = 'Claire Moreau'") ?? 0 >= 3)
        // stats reads both inputs the same way.
        let s1 = try CLI.run(["stats", sqlite, "--format", "json"])
        let s2 = try CLI.run(["stats", jsonl, "--format", "json"])
        #expect(s1.status == 0 && s2.status == 0)
        #expect(s1.stdout.replacingOccurrences(of: sqlite, with: "IN") == s2.stdout.replacingOccurrences(of: jsonl, with: "IN"))
    }

    @Test func resumeAfterAKillAndAfterAFixedError() throws {
        let root = Self.outlets()
        let sqlite = Self.scratch("sqlite")
        #expect(try CLI.run(["batch", root, "--out", sqlite]).status == 1)
        let complete: Int? = try Self.query(sqlite, "SELECT count(*) FROM quotes")
        // A run killed half way: the last documents never committed.
        let db = try DatabaseQueue(path: sqlite)
        try db.write { try $0.execute(sql: "DELETE FROM documents WHERE source LIKE '%/herald/%' OR source LIKE '%loose.txt'") }
        try db.close()
        let resumed = try CLI.run(["batch", root, "--out", sqlite, "--resume"])
        #expect(resumed.stderr.contains("3 succeeded, 1 failed, 6 skipped"))
        #expect(try Self.query(sqlite, "SELECT count(*) FROM quotes") == complete)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents") == 10)
        // The broken file, fixed, is tried again and replaces its error row.
        _ = FileManager.default.createFile(atPath: root + "/herald/broken.txt", contents: Data("Hi there. \"All is well,\" said Mayor Linda Carter.\n".utf8))
        let fixed = try CLI.run(["batch", root, "--out", sqlite, "--resume"])
        #expect(fixed.status == 0 && fixed.stderr.contains("1 succeeded, 0 failed, 9 skipped"))
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents") == 10)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents WHERE error IS NOT NULL") == 0)
    }

    @Test func aRunKilledHalfWayKeepsWhatItCommitted() throws {
        let root = BatchTests.corpus(1500)
        let sqlite = Self.scratch("sqlite")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["batch", root, "--out", sqlite, "--jobs", "2"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill it (SIGKILL: no clean-up) once a first batch is committed.
        var stored = 0
        for _ in 0..<600 where p.isRunning && stored == 0 {
            usleep(50_000)
            stored = (try? Self.query(sqlite, "SELECT count(*) FROM documents") as Int?) ?? 0
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let kept: Int = try Self.query(sqlite, "SELECT count(*) FROM documents") ?? 0
        #expect(try Self.query(sqlite, "PRAGMA integrity_check") == "ok")
        #expect(try Self.query(sqlite, "PRAGMA foreign_key_check") as String? == nil)
        // Every document kept is whole: its summary is there.
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents d WHERE error IS NULL AND NOT EXISTS (SELECT 1 FROM summaries s WHERE s.document_id = d.id)") == 0)
        let resumed = try CLI.run(["batch", root, "--out", sqlite, "--resume"])
        // The resumed store has every index.
        #expect(try Self.query(sqlite, Self.indexNames) == Self.indexes)
        // What was committed before the kill is skipped (bad.txt, stored as an error, is tried again); a batch
        // may have been committed between the count above and the kill.
        let skipped = resumed.stderr.split(separator: " ").firstIndex(of: "skipped").map { i in
            Int(resumed.stderr.split(separator: " ")[i - 1]) ?? -1 } ?? 0
        #expect(skipped >= kept - 1 && skipped < 1502)
        #expect(try Self.query(sqlite, "SELECT count(*) FROM documents") == 1502)
        #expect(try Self.query(sqlite, "SELECT count(DISTINCT source) FROM documents") == 1502)
    }

    @Test func aRecordSQLiteRefusesBecomesAnErrorAndTheOthersAreKept() throws {
        // The second report names two entities with one id: its rows break the entities' key.
        func report(_ source: String, _ ids: [String]) -> String {
            let entities = ids.map { #"{"id":"\#($0)","name":"Ann Lee","type":"PER","mentions":[{"start":0,"end":7,"text":"Ann Lee"}]}"# }
            return #"{"source":"\#(source)","language":"en","entities":[\#(entities.joined(separator: ","))],"quotes":[{"kind":"direct","start":10,"end":20,"text":"Fine.","speaker":{"name":"Ann Lee","entity":"\#(ids[0])"},"confidence":0.9}]}"#
        }
        // The fourth names a speaker that is none of its entities: its quote would break the quotes' foreign key.
        let orphan = report("/r/d.txt", ["e1"]).replacingOccurrences(of: #""entity":"e1"}"#, with: #""entity":"e9"}"#)
        // The fifth breaks the key at its eighth entity, inside a statement of several rows (`Inserts`): the rows
        // that statement wrote before the failure go with the rest of the document.
        let many = report("/r/e.txt", (1...7).map { "e\($0)" } + ["e3", "e9"])
        // The sixth gives one mention twice: it is one row of `mentions`, and the document is kept.
        let twice = report("/r/f.txt", ["e1"]).replacingOccurrences(of: #""mentions":[{"start":0,"end":7,"text":"Ann Lee"}]"#,
                                                                     with: #""mentions":[{"start":0,"end":7,"text":"Ann Lee"},{"start":0,"end":7,"text":"Ann Lee"}]"#)
        let lines = [report("/r/a.txt", ["e1"]), report("/r/b.txt", ["e1", "e1"]), report("/r/c.txt", ["e1", "e2"]), orphan, many, twice]
        let (store, skipped) = try CorpusStore.importing(reports: Array(lines.joined(separator: "\n").utf8), root: "/r")
        #expect(skipped.isEmpty)
        #expect(try store.completedSources() == ["/r/a.txt", "/r/c.txt", "/r/f.txt"])
        let counts = try store.counts()
        #expect(counts["documents"] == 6 && counts["entities"] == 4 && counts["quotes"] == 3 && counts["mentions"] == 4)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM documents WHERE source = '/r/e.txt' AND error LIKE '%UNIQUE constraint failed%'") } == 1)
        // The store is in memory: it is read through its own connection.
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM pragma_foreign_key_check") } == 0)
    }

    @Test func jsonLinesResumeRetriesErrorsAndKeepsOneLinePerSource() throws {
        let root = Self.outlets()
        let out = Self.scratch("jsonl")
        #expect(try CLI.run(["batch", root, "--out", out]).status == 1)
        let complete = try String(contentsOfFile: out, encoding: .utf8)
        // Cut the last line in half, as a killed run leaves it, and repeat a line.
        var lines = complete.split(separator: "\n").map(String.init)
        let last = lines.removeLast()
        try (lines.joined(separator: "\n") + "\n" + lines[0] + "\n" + last.prefix(30)).write(toFile: out, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(["batch", root, "--out", out, "--resume"])
        // The error line (broken.txt) and the cut line are written again; the repeated line is dropped.
        #expect(resumed.stderr.contains("1 succeeded, 1 failed, 8 skipped"))
        #expect(resumed.stderr.contains("failed: \(root)/herald/broken.txt: invalid UTF-8"))
        var sources = try Self.reports(out).map { $0["source"] as! String }
        #expect(sources.count == 10 && Set(sources).count == 10)
        _ = FileManager.default.createFile(atPath: root + "/herald/broken.txt", contents: Data("Fixed text. \"Fine,\" said James Whitfield.\n".utf8))
        let fixed = try CLI.run(["batch", root, "--out", out, "--resume"])
        #expect(fixed.status == 0 && fixed.stderr.contains("1 succeeded, 0 failed, 9 skipped"))
        let reports = try Self.reports(out)
        sources = reports.map { $0["source"] as! String }
        #expect(sources.count == 10 && Set(sources).count == 10)
        #expect(reports.allSatisfy { $0["error"] == nil })
        #expect(sources.last == root + "/herald/broken.txt")
        #expect(!FileManager.default.fileExists(atPath: out + ".resume-\(ProcessInfo.processInfo.processIdentifier)"))
    }

    @Test func failedFilesAreListedTenThenACount() throws {
        let root = NSTemporaryDirectory() + "newsnlp-corpus-bad-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for k in 0..<13 { _ = FileManager.default.createFile(atPath: root + "/bad-\(k < 10 ? "0" : "")\(k).txt", contents: Data([0xFF])) }
        let r = try CLI.run(["batch", root, "--out", Self.scratch("sqlite")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad-09.txt: invalid UTF-8") && !r.stderr.contains("bad-10.txt"))
        #expect(r.stderr.contains("3 more failed files"))
    }

    @Test func statsInEveryFormat() throws {
        let root = Self.outlets()
        let sqlite = Self.scratch("sqlite")
        _ = try CLI.run(["batch", root, "--out", sqlite])
        let text = try CLI.run(["stats", sqlite])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Quotes and sources by speaker gender"))
        let women = text.lines.first { $0.hasPrefix("  women") }!
        #expect(women.split(separator: " ").count == 5)
        #expect(text.stdout.contains("Claire Moreau"))
        let json = try CLI.run(["stats", sqlite, "--format", "json", "--top", "2"]).json()
        let tables = json["tables"] as! [String: [[String: Any]]]
        #expect(Set(tables.keys) == ["overview", "languages", "folders", "tone", "tone-histogram", "entities", "speakers", "gender", "stance"])
        #expect(tables["entities"]!.count == 2)
        let speakers = tables["speakers"]!
        // "M. Paul Girard" is quoted 4 times, "Mme Claire Moreau" 3 times: the titles give their gender.
        #expect(speakers.map { $0["speaker"] as? String } == ["Paul Girard", "Claire Moreau"])
        #expect(speakers.map { $0["gender"] as? String } == ["men", "women"])
        #expect(speakers.map { $0["quotes"] as? Int } == [4, 3])
        let languages = Dictionary(uniqueKeysWithValues: tables["languages"]!.map { ($0["language"] as! String, $0["documents"] as! Int) })
        #expect(languages == ["fr": 6, "en": 3])
        let folder = try CLI.run(["stats", sqlite, "--format", "json", "--folder", "herald"]).json()
        let heraldLanguages = (folder["tables"] as! [String: [[String: Any]]])["languages"]!
        #expect(heraldLanguages.count == 1 && heraldLanguages[0]["documents"] as? Int == 2)
        let csv = try CLI.run(["stats", sqlite, "--format", "csv", "--table", "gender"])
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(csv.status == 0 && rows.count == 5 && rows[4].isEmpty)
        #expect(rows[0] == "gender,quotes,share of quotes,sources,share of sources")
        #expect(rows[1].hasPrefix("women,3,") && rows[2].hasPrefix("men,"))
        #expect(try CLI.run(["stats", sqlite, "--format", "csv"]).status == 64)
        #expect(try CLI.run(["stats", sqlite, "--format", "csv", "--table", "nope"]).status == 64)
        let html = try CLI.run(["stats", sqlite, "--format", "html"])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.components(separatedBy: "<svg").count - 1 >= 8)
        #expect(!html.stdout.contains("http://") || !html.stdout.contains("src="))
        #expect(try CLI.run(["stats", root + "/missing.sqlite"]).status == 66)
    }

    @Test func anOlderSchemaIsRefused() throws {
        let root = Self.outlets()
        let sqlite = Self.scratch("db")
        #expect(try CLI.run(["batch", root, "--out", sqlite]).status == 1)
        let db = try DatabaseQueue(path: sqlite)
        try db.write { try $0.execute(sql: "PRAGMA user_version = 0") }
        try db.close()
        let stats = try CLI.run(["stats", sqlite])
        #expect(stats.status == 65)
        #expect(stats.stderr.contains("schema version 0, older than this newsnlp's 1"))
        let resume = try CLI.run(["batch", root, "--out", sqlite, "--resume"])
        #expect(resume.status == 65 && resume.stderr.contains("older than"))
        // A SQLite file that newsnlp did not write is never replaced.
        let other = Self.scratch("sqlite")
        let o = try DatabaseQueue(path: other)
        try o.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try o.close()
        let refused = try CLI.run(["batch", root, "--out", other])
        #expect(refused.status == 65 && refused.stderr.contains("did not write"))
    }
}
