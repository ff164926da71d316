import Testing
import Foundation
@testable import NewsNLP

/// The English stance model: Swift reads the features `Scripts/train-stance.py` trained on, and the shipped
/// weights give the expected readings on sentences written for the tests.
@Suite struct StanceModelTests {
    let model = StanceModel.load(.english, from: .builtIn)!

    /// `Corpora/golden/stance-model-features.json` is written by `python3 Scripts/train-stance.py --golden` from
    /// `Corpora/stance-model-sentences.txt`: the features and probabilities of the Python extraction.
    @Test func swiftAndPythonExtractTheSameFeatures() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Corpora/golden/stance-model-features.json"))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(cases.count >= 8)
        for c in cases {
            let sentence = try #require(c["sentence"] as? String)
            let start = try #require(c["start"] as? Int), end = try #require(c["end"] as? Int)
            let want = try #require(c["features"] as? [String: Double])
            let wantP = try #require(c["probabilities"] as? [Double])
            let bytes = Array(sentence.utf8)
            let (got, p) = bytes.withUnsafeBytes { b in
                (model.features(b, target: start..<end), model.probabilities(b, target: start..<end))
            }
            #expect(Set(got.keys) == Set(want.keys), "\(sentence): \(Set(got.keys).symmetricDifference(want.keys))")
            for (k, v) in want { #expect(abs((got[k] ?? .nan) - v) < 1e-6, "\(sentence): \(k)") }
            for i in 0..<3 { #expect(abs(p[i] - wantP[i]) < 1e-6, "\(sentence): class \(i)") }
        }
    }

    private func score(_ sentence: String, _ target: String) -> Double {
        let bytes = Array(sentence.utf8), t = Array(target.utf8)
        let start = (0...(bytes.count - t.count)).first { Array(bytes[$0..<$0 + t.count]) == t }!
        return bytes.withUnsafeBytes { model.score($0, target: start..<(start + t.count)) }
    }

    @Test func scoresStayInBoundsAndFollowTheMostProbableClass() {
        for (sentence, target) in [("Senator Ada Brill was praised for her courage and honesty.", "Ada Brill"),
                                   ("Prosecutors accused Tom Harrow of fraud, bribery and lying to investigators.", "Tom Harrow"),
                                   ("The council will meet on Thursday in the town hall, Ken Albury said.", "Ken Albury")] {
            let s = score(sentence, target)
            #expect(s >= -1 && s <= 1)
        }
        #expect(score("Prosecutors accused Tom Harrow of fraud, bribery and lying to investigators.", "Tom Harrow") <= -0.1)
        #expect(score("Senator Ada Brill was praised for her courage and honesty.", "Ada Brill") >= 0.1)
    }

    @Test func wordsKeepApostrophesAndIgnoreOtherBytes() {
        let words = Array("Brenner’s office didn't — “quite” 42x".utf8).withUnsafeBytes { StanceModel.words($0).map(\.text) }
        #expect(words == ["brenner's", "office", "didn't", "quite", "42x"])
    }
}
