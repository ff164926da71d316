import Benchmark
import NewsNLP

#if canImport(Glibc)
import Glibc
#endif

/// The news text every benchmark reads. Real news when `NEWSNLP_BENCH_JSONL` names a JSON Lines file of articles
/// (`{"id", "text"}` records, e.g. from `Scripts/bench/make_corpus.py jsonl --articles`, read at run time, never copied into the repository; the
/// README's figures use `../shared/eval/data/summaries/orangesum-dev.jsonl`); otherwise the sample articles of
/// `Corpora/`. Each record is a document of its own; the set is repeated until it holds about `targetBytes`.
enum NewsSample {
    static let targetBytes = 256 * 1024

    static let texts: [String] = {
        let corpora = String(#filePath).split(separator: "/").dropLast(4).joined(separator: "/")
        var articles: [String]
        if let path = getenv("NEWSNLP_BENCH_JSONL").map({ String(cString: $0) }), !path.isEmpty {
            articles = read(path).split(separator: "\n").compactMap { line in
                guard let record = try? Array(line.utf8).withUnsafeBufferPointer({ try JSONLineParser.parse($0) }) else { return nil }
                return record.text
            }
            precondition(!articles.isEmpty, "no {\"text\"} records in \(path)")
        } else {
            let names = ["fr-desantis-twitter-space", "fr-conseil-municipal", "quotes-fr-conseil-regional",
                         "summary-fr-usine", "en-senate-vote", "quotes-en-harbor-vote"]
            articles = names.map { read("/" + corpora + "/Corpora/" + $0 + ".txt") }
        }
        var out: [String] = []
        var total = 0
        while total < targetBytes {
            for a in articles where total < targetBytes { out.append(a); total += a.utf8.count }
        }
        return out
    }()

    static let bytes = texts.reduce(0) { $0 + $1.utf8.count }

    static func read(_ path: String) -> String {
        guard let f = fopen(path, "rb") else { fatalError("cannot read \(path): run from the repository") }
        defer { fclose(f) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses every lexicon once, so that no benchmark times the start-up.
    static let warm: Void = { _ = Analyzer().analyze(texts[0]) }()

    /// The sample documents read up to and including `layers` (in pipeline order).
    static func prepared(through layers: [AnalysisOptions.Layer]) -> [Document] {
        NewsSample.warm
        let analyzer = Analyzer()
        return texts.map { text in
            var d = Document(text: text)
            analyzer.segment(&d)
            for layer in layers { analyzer.run(layer, on: &d) }
            return d
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuUser, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .one,
        maxDuration: .seconds(5),
        maxIterations: 50
    )
    let kb = NewsSample.bytes / 1000
    let suffix = " (\(NewsSample.texts.count) articles, \(kb) kB)"

    // The yardstick: ICU's word breaking alone over the same texts (the iterator the tokenizer uses, nothing else).
    Benchmark("ICU word breaks" + suffix) { benchmark in
        let icu = RawWordBreaks()
        let texts = NewsSample.texts
        benchmark.startMeasurement()
        for text in texts { blackHole(icu.count(text)) }
    }

    // Tokens and sentences: ICU breaks, repair rules, language, boilerplate.
    Benchmark("segmentation" + suffix) { benchmark in
        NewsSample.warm
        let analyzer = Analyzer()
        let texts = NewsSample.texts
        benchmark.startMeasurement()
        for text in texts {
            var d = Document(text: text)
            analyzer.segment(&d)
            blackHole(d)
        }
    }

    // Each later layer on documents that already hold the layers it reads.
    let stages: [(String, AnalysisOptions.Layer, [AnalysisOptions.Layer])] = [
        ("entities", .entities, []),
        ("quotes", .quotes, [.entities]),
        ("tone", .tone, [.entities, .quotes]),
        ("summary", .summary, [.entities, .quotes, .tone]),
    ]
    for (name, layer, before) in stages {
        Benchmark(name + suffix) { benchmark in
            let analyzer = Analyzer()
            let documents = NewsSample.prepared(through: before)
            benchmark.startMeasurement()
            for var d in documents {
                analyzer.run(layer, on: &d)
                blackHole(d)
            }
        }
    }

    Benchmark("report JSON" + suffix) { benchmark in
        let documents = NewsSample.prepared(through: [.entities, .quotes, .tone, .summary])
        let writer = ReportWriter()
        benchmark.startMeasurement()
        for d in documents { blackHole(writer.json(d)) }
    }

    // The whole analysis and its JSON line, as `analyze --input-format jsonl --format jsonl` does per record.
    Benchmark("analysis, end to end" + suffix) { benchmark in
        NewsSample.warm
        let analyzer = Analyzer()
        let writer = ReportWriter()
        let texts = NewsSample.texts
        benchmark.startMeasurement()
        for text in texts { blackHole(writer.json(analyzer.analyze(text))) }
    }

    // Reading a news page: libxml2's parse, the article's extraction and its metadata (Corpora/'s seed page,
    // written for the tests: the seed article inside a menu, share bar, cookie banner, related list, comments).
    let page = Array(NewsSample.read(String(#filePath).split(separator: "/").dropLast(4).map { "/" + $0 }.joined()
                                     + "/Corpora/fr-desantis-twitter-space.html").utf8)
    Benchmark("HTML extraction (seed page ×100, \(page.count * 100 / 1000) kB)") { benchmark in
        NewsSample.warm
        _ = try? HTMLReader.read(page, name: "page.html")
        benchmark.startMeasurement()
        for _ in 0..<100 { blackHole(try? HTMLReader.read(page, name: "page.html")) }
    }
}
