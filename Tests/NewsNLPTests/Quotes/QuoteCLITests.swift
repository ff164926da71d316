import Foundation
import Testing
@testable import NewsNLP

@Suite("Quotes end to end", .serialized)
struct QuoteCLITests {
    @Test func listAndJSONOfTheSeedArticle() throws {
        let text = try CLI.run(["quotes", "Corpora/fr-desantis-twitter-space.txt"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("David Sacks — « Il y a tellement de gens que ça crash » — essayait de justifier"))
        #expect(text.stdout.contains("Joe Biden — « Ce lien-ci fonctionne » — a tweeté"))
        let json = try CLI.run(["quotes", "Corpora/fr-desantis-twitter-space.txt", "--format", "json"]).json()
        let quotes = json["quotes"] as! [[String: Any]]
        #expect(quotes.count == 4)
        let sacks = quotes[0]
        #expect(sacks["kind"] as? String == "direct")
        #expect((sacks["speaker"] as? [String: Any])?["entity"] as? String == "david-sacks")
        #expect((sacks["confidence"] as? Double).map { $0 > 0 && $0 <= 1 } == true)
        // The quote's span is its words without the marks, in code points.
        let source = try String(contentsOfFile: packageRoot + "/Corpora/fr-desantis-twitter-space.txt", encoding: .utf8)
        let scalars = Array(source.unicodeScalars)
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars[(sacks["start"] as! Int)..<(sacks["end"] as! Int)])
        #expect(String(cut) == "Il y a tellement de gens que ça crash")
    }

    @Test func englishFromStandardInput() throws {
        let r = try CLI.run(["quotes", "--format", "json"], stdin: Data("""
        Senator Dana Whitcombe spoke after the vote. "We will not give up," she said. According to the senator, the bill lacks funding.
        """.utf8))
        #expect(r.status == 0)
        let quotes = try r.json()["quotes"] as! [[String: Any]]
        #expect(quotes.contains { $0["text"] as? String == "We will not give up," || $0["text"] as? String == "We will not give up" })
        #expect(quotes.allSatisfy { ($0["speaker"] as? [String: Any])?["name"] as? String == "Dana Whitcombe" })
        #expect(quotes.contains { $0["kind"] as? String == "indirect" })
    }

    @Test func colonIntroductionAndRoleNoun() {
        let d = Analyzer(options: AnalysisOptions(layers: [.quotes])).analyze("""
        Le maire de Villebourg, Arnaud Pellegrin, a pris la parole lundi. Le maire a déclaré : « Nous rouvrirons la piscine en juin. »
        """)
        #expect(d.quotes.count == 1)
        #expect(d.quotes.first?.speaker?.name == "Arnaud Pellegrin")
        #expect(d.quotes.first.map { d.string($0.span) } == "Nous rouvrirons la piscine en juin.")
    }
}
