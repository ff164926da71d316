import Testing
import Foundation

@Suite("batch end to end", .serialized)
struct BatchTests {
    /// A folder of `count` small articles in nested folders, plus an empty file, an invalid UTF-8 file and a
    /// file that is not an article.
    static func corpus(_ count: Int) -> String {
        let root = NSTemporaryDirectory() + "newsnlp-batch-" + UUID().uuidString
        let fm = FileManager.default
        for i in 0..<count {
            let dir = root + "/part\(i % 7)" + (i % 3 == 0 ? "/deep" : "")
            try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let text = "Titre \(i)\n\nLe conseil municipal numéro \(i) a voté le budget mardi. Le maire s'est dit satisfait. Les travaux commenceront en mars.\n"
            _ = fm.createFile(atPath: dir + "/article-\(i).\(i % 10 == 0 ? "md" : "txt")", contents: Data(text.utf8))
        }
        _ = fm.createFile(atPath: root + "/empty.txt", contents: Data())
        _ = fm.createFile(atPath: root + "/bad.txt", contents: Data([0x42, 0x6F, 0x6E, 0xFF, 0x0A]))
        _ = fm.createFile(atPath: root + "/notes.csv", contents: Data("a,b\n".utf8))
        return root
    }

    static func lines(_ s: String) -> [[String: Any]] {
        s.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func thousandArticlesAnEmptyFileAndABadOne() throws {
        let root = Self.corpus(1000)
        let r = try CLI.run(["batch", root, "--jobs", "2"])
        #expect(r.status == 1)
        let lines = Self.lines(r.stdout)
        #expect(lines.count == 1002)
        let sources = lines.map { $0["source"] as! String }
        #expect(sources == sources.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(!sources.contains { $0.hasSuffix(".csv") })
        let bad = lines.first { ($0["source"] as! String).hasSuffix("/bad.txt") }!
        #expect((bad["error"] as! String).contains("invalid UTF-8"))
        #expect(bad["id"] is NSNull && bad["schemaVersion"] as? Int == 1)
        let empty = lines.first { ($0["source"] as! String).hasSuffix("/empty.txt") }!
        #expect(empty["error"] == nil && (empty["sentences"] as! [Any]).isEmpty)
        #expect(lines.filter { $0["error"] != nil }.count == 1)
        let one = lines.first { ($0["source"] as! String).hasSuffix("/article-5.txt") }!
        #expect((one["summary"] as! [String: Any])["sentences"] as? [Int] == [1, 2, 3])
        #expect(r.stderr.contains("1001 succeeded, 1 failed"))
        #expect(!r.stderr.contains("\r"))
    }

    @Test func orderIsTheSameWhateverTheJobs() throws {
        let root = Self.corpus(60)
        let one = try CLI.run(["batch", root, "--jobs", "1", "--task", "analyze"])
        let four = try CLI.run(["batch", root, "--jobs", "4", "--task", "analyze"])
        #expect(one.status == 1 && four.status == 1)
        #expect(one.stdout == four.stdout)
        #expect(Self.lines(one.stdout).count == 62)
    }

    @Test func resumeSkipsWhatIsAlreadyWritten() throws {
        let root = Self.corpus(30)
        let out = root + "/../" + UUID().uuidString + ".jsonl"
        let full = try CLI.run(["batch", root, "--out", out])
        #expect(full.status == 1 && full.stdout.isEmpty)
        let complete = try String(contentsOfFile: out, encoding: .utf8)
        // Cut the output after 10 lines and half of the 11th, as an interrupted run would.
        let kept = complete.split(separator: "\n", omittingEmptySubsequences: false)
        let partial = kept[0..<10].joined(separator: "\n") + "\n" + kept[10].prefix(20)
        try partial.write(toFile: out, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(["batch", root, "--out", out, "--resume"])
        // The first line (bad.txt, an error) is tried again: 9 skipped, the other 23 written after them.
        #expect(resumed.stderr.contains("22 succeeded, 1 failed, 9 skipped"))
        let after = try String(contentsOfFile: out, encoding: .utf8)
        #expect(after.split(separator: "\n").count == 32)
        #expect(Set(after.split(separator: "\n")) == Set(complete.split(separator: "\n")))
        let again = try CLI.run(["batch", root, "--out", out, "--resume"])
        #expect(again.status == 1 && again.stderr.contains("0 succeeded, 1 failed, 31 skipped"))
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 32)
    }

    @Test func symlinkLoopIsAnErrorLineAndMissingFolderExits66() throws {
        let root = Self.corpus(2)
        try FileManager.default.createSymbolicLink(atPath: root + "/loop.txt", withDestinationPath: root + "/loop.txt")
        let r = try CLI.run(["batch", root])
        #expect(r.status == 1)
        let loop = Self.lines(r.stdout).first { ($0["source"] as! String).hasSuffix("/loop.txt") }!
        #expect((loop["error"] as! String).contains("symbolic links"))
        #expect(try CLI.run(["batch", root + "/nope"]).status == 66)
        #expect(try CLI.run(["batch", root, "--resume"]).status == 64)
    }

    @Test func summarizeCommand() throws {
        let seed = "Corpora/fr-desantis-twitter-space.txt"
        let text = try CLI.run(["summarize", seed])
        #expect(text.status == 0 && text.lines.count == 3)
        let json = try CLI.run(["summarize", seed, "--format", "json", "--sentences", "2"]).json()
        let summary = json["summary"] as! [String: Any]
        #expect((summary["sentences"] as! [Int]).count == 2)
        #expect(!(json["sentences"] as! [Any]).isEmpty)
        #expect(try CLI.run(["summarize", seed, "--format", "markdown"]).stdout.hasPrefix("## "))
        #expect(try CLI.run(["summarize", "--words", "30"], stdin: Data("Une phrase courte. Une autre phrase.".utf8)).status == 0)
        #expect(try CLI.run(["summarize", seed, "--ratio", "2"]).status == 64)
        #expect(try CLI.run(["summarize", seed, "--ratio", "0.5", "--sentences", "2"]).status == 64)
        let html = try CLI.run(["analyze", seed, "--format", "html"])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>"))
    }
}
