import Testing
import Foundation
@testable import NewsNLP
@testable import newsnlp

@Suite("Summary model")
struct SummaryModelTests {
    func parse(_ text: String) throws -> SummaryModel {
        try SummaryModel.parse(LexiconFile(name: "fr/summary-model", origin: "test-model", bytes: Array(text.utf8)))
    }

    func analyzed(_ path: String, length: SummaryLength = .sentences(3)) throws -> Document {
        let text = try String(contentsOfFile: packageRoot + "/" + path, encoding: .utf8)
        var options = AnalysisOptions(summaryLength: length, layers: [.summary])
        options.summaryExplain = true
        return Analyzer(options: options).analyze(text)
    }

    @Test func builtInFrenchModelParsesAndNamesItsData() throws {
        let file = try #require(LexiconFile.builtIn("fr/summary-model"))
        let header = String(decoding: file.bytes.prefix(1500), as: UTF8.self)
        #expect(header.contains("OrangeSum") && header.contains("CC BY-SA 4.0") && header.contains("Scripts/train-summary.py"))
        let model = try SummaryModel.parse(file)
        #expect(model.standard.weights.contains { $0 != 0 })
        #expect(Lexicons.builtIn.summaryModel(.french) != nil)
        #expect(Lexicons.builtIn.summaryModel(.english) == nil)
    }

    @Test func weightSetsByLength() throws {
        let m = try parse("# h\nmodel\tdefault\nchoice\tscore\nbias\t-1\nlead\t2\nmodel\t1\nbias\t0.5\nshort\t-3\n")
        #expect(m.weights(for: .sentences(3)).bias == -1)
        #expect(m.weights(for: .sentences(3)).choice == .score)
        #expect(m.weights(for: .sentences(3)).weights[SentenceFeatures.index[.lead]!] == 2)
        #expect(m.weights(for: .sentences(1)).bias == 0.5)
        #expect(m.weights(for: .sentences(1)).choice == .coverage)
        #expect(m.weights(for: .ratio(0.5)).bias == -1)
    }

    @Test func wordModelIsReadApartFromTheSentenceSets() throws {
        let m = try parse("# h\nmodel\twords\nbias\t-2\ntitle\t1.5\nfirst\t0.25\nmodel\tdefault\nchoice\twords\nfirst\t3\n")
        let words = try #require(m.words)
        #expect(words.bias == -2)
        #expect(words.weights[TermFeatures.index[.title]!] == 1.5)
        #expect(words.weights[TermFeatures.index[.first]!] == 0.25)
        // The sentence set's "first" is the sentence feature, not the word one.
        #expect(m.standard.weights[SentenceFeatures.index[.first]!] == 3)
        #expect(m.standard.choice == .words)
        #expect(try parse("# h\nmodel\tdefault\nlead\t1\n").words == nil)
    }

    /// The expected ROUGE-1 matches of a term: E[min(c, X)] for X Poisson(λ), added use by use.
    @Test func expectedMatchesFollowThePoissonTail() {
        let e = ExpectedMatches(means: [0, 0.5, 2])
        #expect(e.gain(0, had: 0, count: 3) == 0)
        #expect(abs(e.gain(1, had: 0, count: 1) - (1 - exp(-0.5))) < 1e-12)
        let second = 1 - exp(-2.0) * (1 + 2)
        #expect(abs(e.gain(2, had: 1, count: 1) - second) < 1e-12)
        // Uses past the table's depth add nothing; gains add up.
        #expect(e.gain(2, had: 6, count: 4) == 0)
        #expect(abs(e.gain(2, had: 0, count: 2) - (e.gain(2, had: 0, count: 1) + e.gain(2, had: 1, count: 1))) < 1e-12)
    }

    /// Term features: a title word used early and often outweighs a word used once near the end; stop words carry
    /// only stop-word features.
    @Test func termFeaturesOfAWrittenArticle() throws {
        var options = AnalysisOptions(summaryLength: .sentences(2), layers: [.summary])
        options.summaryExplain = true
        let text = """
        Le port de Brest rouvre ses quais

        Le port de Brest rouvre ses quais aux cargos lundi après trois semaines de travaux. Les dockers du port ont \
        repris le travail dès l'aube. Les quais rénovés accueillent déjà deux navires. Un pêcheur regrettait la pluie.
        """
        let d = Analyzer(options: options).analyze(text)
        let terms = try #require(d.summary?.terms)
        func features(_ text: String) throws -> [Double] { try #require(terms.first { $0.text == text }).features }
        let port = try features("port"), pluie = try features("pluie"), le = try features("le")
        let i = TermFeatures.index
        #expect(port[i[.title]!] == 1 && port[i[.first]!] == 1 && port[i[.sentences]!] > pluie[i[.sentences]!])
        #expect(pluie[i[.title]!] == 0 && pluie[i[.single]!] == 1 && pluie[i[.early]!] < port[i[.early]!])
        #expect(le[i[.stop]!] == 1 && le[i[.sentences]!] == 0 && le[i[.stopUses]!] > 0)
        // Every candidate lists its terms with their uses.
        let first = try #require(d.summary?.candidates?.first)
        #expect(first.terms.contains { terms[Int($0.term)].text == "port" && $0.count == 1 })
    }

    /// Each bad file follows a one-line header, so its line numbers start at 2.
    @Test(arguments: [
        ("model\tdefault\nlead\tabc\n", "line 3: \"abc\" is not a number"),
        ("model\tdefault\nleading\t1\n", "line 3: unknown feature \"leading\""),
        ("lead\t1\n", "line 2: a weight before any \"model\" line"),
        ("model\t1\nlead\t1\n", "no \"model\tdefault\" weight set"),
        ("model\tdefault\nlead\t1\nlead\t2\n", "line 4: lead given twice"),
        ("model\tdefault\nlead\t1\t2\n", "line 3: expected 2 tab-separated fields"),
        ("model\tzero\n", "line 2: a model is \"default\", \"words\" or a number of sentences"),
        ("model\tdefault\nchoice\tbest\n", "line 3: choice is \"coverage\", \"score\" or \"words\""),
        ("model\tdefault\nchoice\twords\n", "choice words without a \"model\twords\" set"),
        ("model\twords\nbias\t1\nmodel\tdefault\nmodel\twords\n", "line 5: model words given twice"),
        ("model\twords\nshare\tx\n", "line 3: \"x\" is not a number"),
        ("model\twords\nlead\t1\n", "line 3: unknown word feature \"lead\""),
        ("model\twords\nshare\t1\nshare\t2\n", "line 4: share given twice"),
    ])
    func badFilesAreClearErrors(text: String, message: String) {
        do {
            _ = try parse("# header\n" + text)
            Issue.record("parsed: \(text)")
        } catch let e as NewsNLPError {
            #expect(e.code == .invalidData)
            #expect(e.description.hasPrefix("test-model: "))
            #expect(e.description.contains(message), "\(e.description)")
        } catch { Issue.record("\(error)") }
    }

    @Test func scoresAreTheModelOverTheExplainedFeatures() throws {
        let model = try #require(Lexicons.builtIn.summaryModel(.french))
        for length in [1, 3] {
            let d = try analyzed("Corpora/fr-desantis-twitter-space.txt", length: .sentences(length))
            let s = try #require(d.summary)
            let w = model.weights(for: .sentences(length))
            let candidates = try #require(s.candidates)
            #expect(candidates.count == d.sentences.filter { !$0.boilerplate && !$0.isHeading }.count)
            for c in candidates {
                let z = zip(w.weights, c.features).reduce(w.bias) { $0 + $1.0 * $1.1 }
                #expect(abs(1 / (1 + exp(-z)) - c.score) < 1e-12)
                #expect(c.contributions.count == SummaryFeature.allCases.count)
            }
            #expect(s.scores.count == s.sentences.count)
            for (k, score) in zip(s.sentences, s.scores) { #expect(candidates.first { $0.sentence == k }?.score == score) }
        }
    }

    @Test func aBareQuestionIsNotChosen() throws {
        let d = try analyzed("Corpora/fr-conseil-municipal.txt")
        let chosen = d.summary!.sentences.map { d.string(d.sentences[Int($0)].span) }
        #expect(chosen.count == 3)
        #expect(!chosen.contains { $0.contains("Pourquoi pas") }, "\(chosen)")
        let features = try #require(d.summary?.candidates?.first { d.string(d.sentences[Int($0.sentence)].span).contains("Pourquoi pas") })
        #expect(features.features[SentenceFeatures.index[.short]!] == 1)
        #expect(features.features[SentenceFeatures.index[.innerQuestion]!] == 1)
    }

    @Test func englishKeepsTheHandWeights() throws {
        let d = try analyzed("Corpora/en-senate-vote.txt")
        let s = try #require(d.summary)
        #expect(s.sentences.count == 3)
        #expect(s.candidates?.allSatisfy { $0.contributions.isEmpty } == true)
        var hand = Summarizer(length: .sentences(3))
        hand.learned = false
        #expect(hand.summarize(d).sentences == s.sentences)
    }

    /// The golden summaries of the committed articles: `NEWSNLP_REGENERATE_GOLDEN=1 swift test --filter "Summary model"`
    /// rewrites them (then read the diff).
    @Test(arguments: ["fr-desantis-twitter-space", "fr-conseil-municipal", "summary-fr-usine", "en-senate-vote"])
    func goldenSummaries(name: String) throws {
        let d = try analyzed("Corpora/\(name).txt")
        let got = Views.summaryText(d)
        let path = packageRoot + "/Corpora/golden/\(name).summary.txt"
        if ProcessInfo.processInfo.environment["NEWSNLP_REGENERATE_GOLDEN"] == "1" {
            try got.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(got == golden)
    }
}

@Suite("Summary explain end to end", .serialized)
struct SummaryExplainCLITests {
    let seed = "Corpora/fr-desantis-twitter-space.txt"

    @Test func textViewShowsScoresAndStrongestFeatures() throws {
        let r = try CLI.run(["summarize", "--explain", seed])
        #expect(r.status == 0)
        let lines = r.lines
        #expect(lines.count == 6)
        for k in stride(from: 0, to: lines.count, by: 2) {
            #expect(lines[k].range(of: #"^\[0\.\d{3}\] "#, options: .regularExpression) != nil, "\(lines[k])")
            #expect(lines[k + 1].hasPrefix("    "))
            let named = SummaryFeature.allCases.filter { lines[k + 1].contains($0.rawValue + " ") }
            #expect(!named.isEmpty, "\(lines[k + 1])")
        }
        // The plain view is the same sentences without the explanations.
        let plain = try CLI.run(["summarize", seed]).lines
        #expect(plain == stride(from: 0, to: lines.count, by: 2).map { String(lines[$0].drop { $0 != "]" }.dropFirst(2)) })
    }

    @Test func jsonCarriesScoresAndEveryCandidatesFeatures() throws {
        let json = try CLI.run(["summarize", "--explain", "--format", "json", seed]).json()
        let summary = json["summary"] as! [String: Any]
        #expect((summary["scores"] as! [Double]).count == (summary["sentences"] as! [Int]).count)
        let candidates = summary["candidates"] as! [[String: Any]]
        #expect(candidates.count > 3)
        for c in candidates {
            #expect(Set((c["features"] as! [String: Any]).keys) == Set(SummaryFeature.allCases.map(\.rawValue)))
        }
        // Without --explain: scores, no candidates.
        let plain = try CLI.run(["summarize", "--format", "json", seed]).json()["summary"] as! [String: Any]
        #expect(plain["candidates"] == nil && plain["scores"] != nil)
    }

    @Test func jsonLinesInputGivesOneReportPerRecord() throws {
        let text = try String(contentsOfFile: packageRoot + "/" + seed, encoding: .utf8)
        let records = [["id": "a", "text": text], ["id": "b", "text": "Une phrase courte. Une autre phrase suit."]]
        let input = records.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        let r = try CLI.run(["summarize", "--input-format", "jsonl", "--format", "jsonl", "--explain", "--sentences", "1"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(r.lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(r.lines[0].utf8)) as! [String: Any]
        #expect(first["id"] as? String == "a")
        #expect(((first["summary"] as! [String: Any])["sentences"] as! [Int]).count == 1)
    }

    @Test func badModelFileInALexiconFolderIsAClearError() throws {
        let path = CLI.temporaryFile(Array("# a broken model\nmodel\tdefault\nlead\tbeaucoup\n".utf8), name: "fr/summary-model")
        let dir = String(path.dropLast("/fr/summary-model".count))
        let r = try CLI.run(["summarize", "--lexicons", dir, seed])
        #expect(r.status == 65)
        #expect(r.stderr.contains("summary-model") && r.stderr.contains("line 3") && r.stderr.contains("beaucoup"), "\(r.stderr)")
    }

    /// Swift and Python agree: the training script's `check` recomputes every candidate's score from the features the
    /// binary dumps and the model file it trains, and fails on any difference.
    @Test func trainingScriptAgreesWithTheBinary() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "Scripts/train-summary.py", "check", "--bin", CLI.binary,
                       "Corpora/fr-desantis-twitter-space.txt", "Corpora/fr-conseil-municipal.txt", "Corpora/summary-fr-usine.txt"]
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(o)\(e)")
        #expect(o.contains("candidate scores agree"), "\(o)")
    }
}
