import Foundation
import Testing
import NewsNLP

/// `SpanIndex` answers what the linear scans it replaces answer.
struct SpanIndexTests {
    static let corpora = ["fr-desantis-twitter-space", "quotes-fr-conseil-regional", "en-senate-vote"]

    @Test(arguments: corpora)
    func entityLookupsMatchALinearScan(_ name: String) throws {
        let text = try String(contentsOfFile: packageRoot + "/Corpora/\(name).txt", encoding: .utf8)
        let d = Analyzer(options: AnalysisOptions(layers: [.entities])).analyze(text)
        let index = SpanIndex(d)
        let people: Set<EntityType> = [.person, .organisation]
        // Every token, every sentence and every mention as a query span.
        let queries = d.tokens.map(\.span) + d.sentences.map(\.span) + d.entities.flatMap { $0.mentions.map(\.span) }
        #expect(!d.entities.isEmpty)
        for q in queries {
            let scan = d.entities.firstIndex { people.contains($0.type) && $0.mentions.contains { $0.span.overlaps(q) } }
            #expect(index.entity(mentionOverlapping: q, types: people) == scan, "\(q)")
            let any = d.entities.firstIndex { $0.mentions.contains { $0.span.overlaps(q) } }
            #expect(index.entity(mentionOverlapping: q) == any, "\(q)")
            let role = d.entities.firstIndex { people.contains($0.type) && $0.roles.contains { $0.span.overlaps(q) } }
            #expect(index.entity(roleOverlapping: q, types: people) == role, "\(q)")
        }
        for (k, e) in d.entities.enumerated() where d.entities.firstIndex(where: { $0.id == e.id }) == k {
            #expect(index.entity(id: e.id) == k)
        }
    }

    @Test func tokenAndSentenceOfAnOffset() {
        let d = segmented("Une phrase. Une autre phrase ici.", language: .french)
        let index = SpanIndex(d)
        for (k, t) in d.tokens.enumerated() {
            #expect(index.token(startingAtOrAfter: t.span.start) == k)
            #expect(index.sentence(containing: t.span.start) == Int(t.sentence))
        }
        #expect(index.token(startingAtOrAfter: Int32(d.utf8.count)) == d.tokens.count)
    }

    /// ICU's raw word breaks, the yardstick of the speed figures, count every boundary after 0.
    @Test func rawWordBreaksCountBoundaries() {
        #expect(RawWordBreaks().count("Bonjour le monde.") == 6)
        #expect(RawWordBreaks().count("") == 0)
    }
}
