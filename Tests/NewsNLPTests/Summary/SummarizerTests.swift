import Testing
import Foundation
@testable import NewsNLP
@testable import newsnlp

@Suite("Summary")
struct SummarizerTests {
    func analyzed(_ path: String, length: SummaryLength = .sentences(3)) throws -> Document {
        let text = try String(contentsOfFile: packageRoot + "/" + path, encoding: .utf8)
        return Analyzer(options: AnalysisOptions(summaryLength: length, layers: [.summary])).analyze(text)
    }

    func summaryText(_ d: Document) -> String {
        (d.summary?.sentences ?? []).map { d.string(d.sentences[Int($0)].span) }.joined(separator: " ")
    }

    @Test func seedSummaryNamesTheEventWithoutTickerOrAdvertising() throws {
        let d = try analyzed("Corpora/fr-desantis-twitter-space.txt")
        let s = summaryText(d)
        #expect(d.summary?.sentences.count == 3)
        for word in ["DeSantis", "Musk", "Twitter Space", "Biden", "problèmes"] { #expect(s.contains(word), "summary lacks \(word): \(s)") }
        for furniture in ["Dow Jones", "Nasdaq", "%", "PUBLICITÉ", "Publicité", "BFMTV.com"] { #expect(!s.contains(furniture), "\(furniture) in \(s)") }
    }

    @Test func neverBoilerplateNorHeadingsAndInOriginalOrder() throws {
        for path in ["Corpora/fr-desantis-twitter-space.txt", "Corpora/summary-fr-usine.txt", "Corpora/en-senate-vote.txt", "Corpora/fr-conseil-municipal.txt"] {
            let d = try analyzed(path, length: .sentences(5))
            let chosen = d.summary!.sentences
            #expect(chosen == chosen.sorted())
            #expect(Set(chosen).count == chosen.count)
            for k in chosen { #expect(!d.sentences[Int(k)].boilerplate && !d.sentences[Int(k)].isHeading, "\(path) #\(k)") }
        }
    }

    @Test func leadAndTitleCarryTheSummary() throws {
        let d = try analyzed("Corpora/summary-fr-usine.txt", length: .sentences(2))
        let s = summaryText(d)
        #expect(s.contains("ont bloqué mardi l'entrée du site"))
        #expect(!s.contains("Lire aussi"))
        #expect(!s.contains("Jeanne Morel"))
    }

    @Test func lengthBySentencesRatioAndWords() throws {
        let path = "Corpora/summary-fr-usine.txt"
        let body = try analyzed(path).sentences.filter { !$0.boilerplate && !$0.isHeading }.count
        #expect(try analyzed(path, length: .sentences(1)).summary!.sentences.count == 1)
        #expect(try analyzed(path, length: .sentences(100)).summary!.sentences.count == body)
        #expect(try analyzed(path, length: .sentences(0)).summary!.sentences.isEmpty)
        #expect(try analyzed(path, length: .ratio(0.5)).summary!.sentences.count == Int((0.5 * Double(body)).rounded()))
        let short = try analyzed(path, length: .words(40))
        let words = short.summary!.sentences.reduce(0) { n, k in
            n + short.tokens[Int(short.sentences[Int(k)].tokens.lowerBound)..<Int(short.sentences[Int(k)].tokens.upperBound)].filter { $0.kind == .word || $0.kind == .number }.count
        }
        #expect(!short.summary!.sentences.isEmpty)
        #expect(words <= 40 || short.summary!.sentences.count == 1)
    }

    @Test func emptyAndFurnitureOnlyDocuments() {
        let a = Analyzer(options: AnalysisOptions(layers: [.summary]))
        #expect(a.analyze("").summary?.sentences == [])
        #expect(a.analyze("Publicité\n").summary?.sentences == [])
    }

    @Test func redundantSentencesAreNotBothChosen() {
        let text = "Le conseil a voté le budget de la ville mardi soir. Le conseil a voté le budget de la ville mardi soir. Les écoles recevront trois millions d'euros. La piscine municipale sera rénovée l'an prochain."
        let d = Analyzer(options: AnalysisOptions(language: .french, summaryLength: .sentences(2), layers: [.summary])).analyze(text)
        // One of the two copies (the learned French weights may prefer either), never both.
        #expect(d.summary!.sentences.filter { $0 < 2 }.count == 1)
        #expect(d.summary!.sentences.count == 2)
    }

    @Test func aSentenceThatIsAllQuotationYieldsToTheReportedFact() {
        let text = "« Le conseil a voté le budget de la ville mardi soir. » Le conseil a voté le budget de la ville mardi soir, selon la mairie. Les écoles recevront trois millions d'euros."
        let d = Analyzer(options: AnalysisOptions(language: .french, summaryLength: .sentences(1), layers: [.summary])).analyze(text)
        #expect(d.summary!.sentences == [1])
    }

    @Test func markdownAndTextViews() throws {
        let d = try analyzed("Corpora/summary-fr-usine.txt", length: .sentences(2))
        let md = Views.summaryMarkdown(d)
        #expect(md.hasPrefix("## Fermeture de l'usine Valmont"))
        #expect(md.components(separatedBy: "\n- ").count == 3)
        #expect(Views.summaryText(d).split(separator: "\n").count == 2)
    }

    @Test func htmlPageIsSelfContainedAndMarksLayers() throws {
        let d = try analyzed("Corpora/fr-desantis-twitter-space.txt")
        let html = HTMLReport().page(d)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html.contains("class=\"s bp\""))
        #expect(html.components(separatedBy: "summary\" id=").count == 4)
        #expect(html.contains("&quot;Il y a tellement de gens que ça crash&quot;"))
    }
}
