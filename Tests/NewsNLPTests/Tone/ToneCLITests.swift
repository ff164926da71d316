import Testing
import Foundation

/// `newsnlp tone` end to end: the built binary on the seed article, as text and as JSON, from a file and stdin.
@Suite("tone command end to end", .serialized)
struct ToneCLITests {
    let seed = "Corpora/fr-desantis-twitter-space.txt"

    /// The stance score of the entity whose name ends with `name` in a JSON report.
    private func stance(_ report: [String: Any], _ name: String) -> Double? {
        let entities = report["entities"] as? [[String: Any]] ?? []
        let e = entities.first { ($0["name"] as? String)?.lowercased().hasSuffix(name) == true }
        return (e?["stance"] as? [String: Any])?["score"] as? Double
    }

    @Test func textShowsToneAndStanceTable() throws {
        let r = try CLI.run(["tone", seed])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("tone: negative"))
        #expect(r.stdout.contains("fiasco") || r.stdout.contains("Fiasco"))
        #expect(r.stdout.contains("entity") && r.stdout.contains("stance") && r.stdout.contains("mentions") && r.stdout.contains("references"))
        for name in ["Ron DeSantis", "Donald Trump"] {
            let k = try #require(r.lines.firstIndex { $0.hasPrefix(name + " ") }, "\(name)")
            #expect(r.lines[k].contains(" negative "), "\(r.lines[k])")
            // The evidence sentences follow the row as text: "    [n] The sentence …".
            let evidence = r.lines[(k + 1)...].prefix { $0.hasPrefix("    [") }
            #expect(!evidence.isEmpty, "\(name)")
            for line in evidence { #expect(line.split(separator: " ").count > 4, "\(line)") }
        }
    }

    @Test func jsonHasToneAndClearlyNegativeStances() throws {
        let r = try CLI.run(["tone", seed, "--format", "json"])
        #expect(r.status == 0)
        let report = try r.json()
        #expect(report["schemaVersion"] as? Int == 1)
        let tone = try #require(report["tone"] as? [String: Any])
        #expect(tone["label"] as? String == "negative")
        let score = try #require(tone["score"] as? Double)
        #expect(score < -0.1 && score >= -1)
        #expect((tone["negative"] as? Int ?? 0) > (tone["positive"] as? Int ?? 0))
        for name in ["desantis", "trump"] {
            let s = try #require(stance(report, name), "\(name)")
            #expect(s <= -0.2, "\(name): \(s)")
        }
    }

    @Test func standardInputInEnglish() throws {
        let text = "The plan was a disaster and a fiasco. Critics say the scheme is corrupt."
        let r = try CLI.run(["tone", "--format", "json"], stdin: Data(text.utf8))
        #expect(r.status == 0)
        let tone = try #require(try r.json()["tone"] as? [String: Any])
        #expect(tone["label"] as? String == "negative")
    }

    /// The mention counts of `newsnlp tone` are those of `newsnlp entities` (role nouns and references apart).
    @Test func mentionCountsAgreeWithTheEntitiesCommand() throws {
        let entities = try CLI.run(["entities", seed, "--format", "json"]).json()["entities"] as? [[String: Any]] ?? []
        let tone = try CLI.run(["tone", seed, "--format", "json"]).json()["entities"] as? [[String: Any]] ?? []
        #expect(!entities.isEmpty)
        func counts(_ list: [[String: Any]]) -> [String: Int] {
            Dictionary(list.map { (($0["name"] as? String) ?? "", ($0["mentions"] as? [Any])?.count ?? 0) }, uniquingKeysWith: +)
        }
        #expect(counts(entities) == counts(tone))
        let text = try CLI.run(["tone", seed]).lines
        for e in entities {
            guard let name = e["name"] as? String, let n = (e["mentions"] as? [Any])?.count,
                  let row = text.first(where: { $0.hasPrefix(name + " ") }) else { continue }
            let cells = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cells.contains(Substring(String(n))), "\(row) vs \(n)")
        }
    }

    @Test func missingFileExits66() throws {
        let r = try CLI.run(["tone", "no-such-article.txt"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no-such-article.txt"))
    }
}
