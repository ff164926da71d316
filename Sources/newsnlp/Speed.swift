#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    /// Hidden: the speed of the whole analysis beside ICU's raw word breaking, on the same records, in one run.
    struct Speed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time ICU word breaking and the whole analysis on the same JSON Lines records (for README figures).",
            discussion: """
            Reads {"id", "text"} records on standard input (as `analyze --input-format jsonl`), keeps them in memory,
            then times, on one thread: (1) ICU word breaks alone over every text (newsnlp's break iterator, nothing
            else), (2) what `analyze --input-format jsonl --format jsonl` does per record (parse the line, analyse,
            write the JSON line) with the output kept in memory. Prints CPU (thread) and wall times and their ratio.
            """,
            shouldDisplay: false
        )

        @Option(help: "Passes over the records for each measure (the best pass is kept).")
        var repeats: Int = 3

        @Option(help: ArgumentHelp("Instead: time the whole analysis of this document and of its first quarter (cut at a blank line), to see how the cost grows with the length.", valueName: "file"))
        var scaling: String?

        func validate() throws {
            guard repeats >= 1 else { throw ValidationError("--repeats must be 1 or more") }
        }

        func run() throws {
            if let scaling { return try measureScaling(scaling) }
            var reader = LineReader(fd: 0)
            var lines: [[UInt8]] = []
            while let line = try reader.next() { lines.append(line) }
            let analyzer = Analyzer()
            let stream = JSONLinesStream(analyzer: analyzer, writer: ReportWriter(), lossy: true)
            // The texts, decoded once, for ICU.
            var texts: [String] = []
            var bytes = 0
            for line in lines {
                guard let record = try? line.withUnsafeBufferPointer({ try JSONLineParser.parse($0) }) else { continue }
                texts.append(record.text)
                bytes += record.text.utf8.count
            }
            // Lexicons parsed and ICU opened before timing (start-up is measured apart).
            _ = stream.process(lines.first ?? [], 1, analyzer)
            let icu = RawWordBreaks()
            var boundaries = 0
            let icuTime = Self.best(repeats) { for t in texts { boundaries &+= icu.count(t) } }
            var out = 0
            let analysisTime = Self.best(repeats) {
                for (i, line) in lines.enumerated() { out &+= stream.process(line, i + 1, analyzer).count }
            }
            func mbps(_ s: Double) -> String { Self.fixed(Double(bytes) / s / 1e6, 1) }
            Console.write("records \(texts.count), text \(bytes) bytes, best of \(repeats)\n")
            Console.write("ICU word breaks: cpu \(Self.fixed(icuTime.cpu, 4)) s (\(mbps(icuTime.cpu)) MB/s), wall \(Self.fixed(icuTime.wall, 4)) s, \(boundaries / repeats) boundaries\n")
            Console.write("whole analysis (jsonl): cpu \(Self.fixed(analysisTime.cpu, 4)) s (\(mbps(analysisTime.cpu)) MB/s), wall \(Self.fixed(analysisTime.wall, 4)) s, \(out / repeats) bytes of output\n")
            Console.write("ratio analysis / ICU: cpu \(Self.fixed(analysisTime.cpu / icuTime.cpu, 2))x, wall \(Self.fixed(analysisTime.wall / icuTime.wall, 2))x\n")
            Console.flush()
        }

        /// Times the analysis and report of a document and of its first quarter, in one run.
        func measureScaling(_ path: String) throws {
            let (text, _) = try TextDecoder.decode(try FileReader.read(path), name: path, lossy: true)
            let utf8 = Array(text.utf8)
            // The first quarter, cut after the last blank line before a quarter of the bytes.
            var cut = utf8.count / 4
            while cut > 1 && !(utf8[cut - 1] == 0x0A && utf8[cut - 2] == 0x0A) { cut -= 1 }
            if cut <= 1 { cut = utf8.count / 4 }
            let quarter = String(decoding: utf8[0..<cut], as: UTF8.self)
            let analyzer = Analyzer()
            let writer = ReportWriter()
            _ = writer.json(analyzer.analyze("Une phrase pour charger les lexiques. One sentence."))
            let small = Self.best(repeats) { _ = writer.json(analyzer.analyze(quarter)) }
            let whole = Self.best(repeats) { _ = writer.json(analyzer.analyze(text)) }
            Console.write("first quarter: \(cut) bytes, cpu \(Self.fixed(small.cpu, 4)) s\n")
            Console.write("whole: \(utf8.count) bytes (\(Self.fixed(Double(utf8.count) / Double(cut), 2))x), cpu \(Self.fixed(whole.cpu, 4)) s\n")
            Console.write("time ratio whole / quarter: cpu \(Self.fixed(whole.cpu / small.cpu, 2))x, wall \(Self.fixed(whole.wall / small.wall, 2))x\n")
            Console.flush()
        }

        /// The best (least CPU) of `n` runs of `body`: thread CPU time and wall time, in seconds.
        static func best(_ n: Int, _ body: () -> Void) -> (cpu: Double, wall: Double) {
            var best = (cpu: Double.infinity, wall: Double.infinity)
            for _ in 0..<n {
                let c0 = clock(CLOCK_THREAD_CPUTIME_ID), w0 = clock(CLOCK_MONOTONIC)
                body()
                let c = clock(CLOCK_THREAD_CPUTIME_ID) - c0, w = clock(CLOCK_MONOTONIC) - w0
                if c < best.cpu { best = (c, w) }
            }
            return best
        }

        /// `x` with `digits` decimals (no Foundation).
        static func fixed(_ x: Double, _ digits: Int) -> String {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let n = Int((x * scale).rounded())
            let whole = String(n / Int(scale)), frac = String(n % Int(scale))
            return digits == 0 ? whole : whole + "." + String(repeating: "0", count: digits - frac.count) + frac
        }

        static func clock(_ id: clockid_t) -> Double {
            var ts = timespec()
            clock_gettime(id, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
    }
}
