/// The learned sentence weights of a language's summary (`Lexicons/{lang}/summary-model`, written by
/// `Scripts/train-summary.py`; format in `Lexicons/FORMAT.md`).
///
/// A weight set is a logistic model over `SummaryFeature`s: a candidate's score is σ(bias + Σ weight·feature), the
/// estimated chance that it belongs to the best summary of that length. A file holds a default set and may hold
/// sets for given summary lengths (`model	1` for one-sentence summaries).
public struct SummaryModel: Sendable, Equatable {
    public struct Weights: Sendable, Equatable {
        public var bias = 0.0
        /// Indexed like `SummaryFeature.allCases` (0 for a feature the file does not name).
        public var weights = [Double](repeating: 0, count: SummaryFeature.allCases.count)
        /// How the scores choose the sentences.
        public var choice = Choice.coverage
        /// The length of the abstract the summary aims at, in words (the expected F-measure's denominator).
        public var abstract = 35.0
        /// `coverage`: a sentence's standing is (score / best score)^`standing`.
        public var standing = 1.0
        /// `score`: a sentence's expected matches are lowered by this share per unit of cosine similarity with the
        /// closest chosen sentence.
        public var redundancy = 0.0

        public init() {}

        /// The logit of candidate i's row of feature values.
        func logit(_ values: [Double], _ i: Int) -> Double {
            var z = bias
            let base = i * weights.count
            for f in 0..<weights.count { z += weights[f] * values[base + f] }
            return z
        }
    }

    /// How a weight set's scores choose sentences (the row `choice`).
    public enum Choice: String, Sendable {
        /// The hand model's word coverage (each word counted once, weighted by its salience) with the learned
        /// score as each sentence's standing.
        case coverage
        /// The score read as the share of the sentence's words the abstract uses: sentences are added while they
        /// most raise the expected F-measure 2·Σ score·words / (Σ words + abstract).
        case score
        /// The word model (`model	words`): sentences are added while they most raise the expected F-measure
        /// 2·(expected matches) / (summary words + abstract), each term's matches counted as the abstract's expected
        /// uses allow (`ExpectedMatches`), times the sentence's (score / best score)^`standing`.
        case words
    }

    /// The word model: the abstract's expected uses of a term are exp(bias + Σ weight·feature) over `TermFeature`s.
    public struct WordWeights: Sendable, Equatable {
        public var bias = 0.0
        public var weights = [Double](repeating: 0, count: TermFeature.allCases.count)

        public init() {}

        /// The expected uses of every term of `features`.
        func means(_ features: TermFeatures) -> [Double] {
            let fc = TermFeatures.count
            let terms = features.values.count / max(fc, 1)
            return (0..<terms).map { t in
                var z = bias
                for f in 0..<fc { z += weights[f] * features.values[t * fc + f] }
                return exp(min(z, 30))
            }
        }
    }

    /// The word model, when the file has one (`choice words` needs it).
    public var words: WordWeights?

    /// The set for summaries of other lengths (or of a ratio or a number of words).
    public var standard: Weights
    /// Sets for given numbers of sentences.
    public var bySentences: [Int: Weights]

    public func weights(for length: SummaryLength) -> Weights {
        if case .sentences(let k) = length, let w = bySentences[k] { return w }
        return standard
    }

    /// Parses a model file; every line it cannot read is an error naming the file and the line.
    public static func parse(_ file: LexiconFile) throws -> SummaryModel {
        func fail(_ line: Int, _ message: String) -> NewsNLPError {
            NewsNLPError(.invalidData, file: file.origin, "line \(line): \(message)")
        }
        var standard: Weights?
        var bySentences: [Int: Weights] = [:]
        var current: Weights?
        var currentKey: Int?  // nil: the default set
        var words: WordWeights?
        var inWords = false
        var seen = Set<String>()
        func close() {
            guard let w = current else { return }
            if let k = currentKey { bySentences[k] = w } else { standard = w }
            current = nil
        }
        for (line, fields) in file.rows() {
            guard fields.count == 2 else { throw fail(line, "expected 2 tab-separated fields (name, value), found \(fields.count)") }
            let name = String(fields[0].trimmingSpaces()), value = String(fields[1].trimmingSpaces())
            if name == "model" && value == "words" {
                close()
                guard words == nil else { throw fail(line, "model words given twice") }
                words = WordWeights()
                inWords = true
                continue
            }
            if inWords && name != "model" {
                guard let number = Double(value), number.isFinite else { throw fail(line, "\"\(value)\" is not a number") }
                guard !seen.contains("words " + name) else { throw fail(line, "\(name) given twice in one model") }
                seen.insert("words " + name)
                if name == "bias" { words!.bias = number; continue }
                guard let f = TermFeature(rawValue: name) else {
                    throw fail(line, "unknown word feature \"\(name)\" (known: bias, \(TermFeature.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                words!.weights[TermFeatures.index[f]!] = number
                continue
            }
            if name == "model" {
                close()
                inWords = false
                if value == "default" { currentKey = nil }
                else if let k = Int(value), k >= 1 { currentKey = k }
                else { throw fail(line, "a model is \"default\", \"words\" or a number of sentences (1 or more), not \"\(value)\"") }
                let key = currentKey.map(String.init) ?? "default"
                guard !seen.contains("model " + key) else { throw fail(line, "model \(key) given twice") }
                seen.insert("model " + key)
                current = Weights()
                continue
            }
            guard current != nil else { throw fail(line, "a weight before any \"model\" line") }
            if name == "choice" {
                guard let c = Choice(rawValue: value) else { throw fail(line, "choice is \"coverage\", \"score\" or \"words\", not \"\(value)\"") }
                current!.choice = c
                continue
            }
            guard let number = Double(value), number.isFinite else { throw fail(line, "\"\(value)\" is not a number") }
            let scope = "\(currentKey.map(String.init) ?? "default") \(name)"
            guard !seen.contains(scope) else { throw fail(line, "\(name) given twice in one model") }
            seen.insert(scope)
            switch name {
            case "bias": current!.bias = number
            case "redundancy": current!.redundancy = number
            case "abstract": current!.abstract = number
            case "standing": current!.standing = number
            default:
                guard let f = SummaryFeature(rawValue: name) else {
                    throw fail(line, "unknown feature \"\(name)\" (known: bias, choice, abstract, standing, redundancy, \(SummaryFeature.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                current!.weights[SentenceFeatures.index[f]!] = number
            }
        }
        close()
        guard let standard else { throw NewsNLPError(.invalidData, file: file.origin, "no \"model\tdefault\" weight set") }
        if words == nil, ([standard] + Array(bySentences.values)).contains(where: { $0.choice == .words }) {
            throw NewsNLPError(.invalidData, file: file.origin, "choice words without a \"model\twords\" set")
        }
        return SummaryModel(words: words, standard: standard, bySentences: bySentences)
    }
}

extension Lexicons {
    /// The language's learned summary model: the last `{lang}/summary-model` file (a user's wins over the
    /// built-in one), or nil when there is none or it cannot be read (`validate()` reports a user's bad file).
    func summaryModel(_ language: Language) -> SummaryModel? {
        // Cached in a box: a cached nil must not read as "not cached yet".
        cached("summary-model:" + language.code) { () -> ModelBox in
            guard let file = files(language.code + "/summary-model").last else { return ModelBox(model: nil) }
            return ModelBox(model: try? SummaryModel.parse(file))
        }.model
    }

    struct ModelBox: Sendable { var model: SummaryModel? }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
