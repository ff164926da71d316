#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import NewsNLP

/// `--input-format jsonl --format jsonl`: one `{"id", "text"}` record per input line, one report per output
/// line, in the same order, each carrying the input's id. A bad record becomes a line with "error"; the run goes on.
///
/// With `jobs` > 1 the stream is read in blocks of lines that worker threads (each with its own analyzer)
/// analyse together; each block is written in input order before the next is read, so memory is bounded by
/// one block whatever the length of the stream.
struct JSONLinesStream {
    let analyzer: Analyzer
    let writer: ReportWriter
    let lossy: Bool
    var jobs = 1

    func run() throws {
        var reader = LineReader(fd: 0)
        var lineNumber = 0
        if jobs <= 1 {
            while let line = try reader.next() {
                lineNumber += 1
                Console.write(process(line, lineNumber, analyzer))
                Console.write([0x0A])
            }
            Console.flush()
            return
        }
        // One analyzer per worker, made once: they share the parsed lexicons.
        analyzer.prepare()
        let workers = Workers(stream: self,
                              analyzers: [analyzer] + (1..<jobs).map { _ in Analyzer(options: analyzer.options, lexicons: analyzer.lexicons) })
        let size = jobs * 32
        var lines: [[UInt8]] = []
        lines.reserveCapacity(size)
        while true {
            lines.removeAll(keepingCapacity: true)
            while lines.count < size, let line = try reader.next() { lines.append(line) }
            if lines.isEmpty { break }
            let block = Block(lines, firstLine: lineNumber + 1)
            lineNumber += lines.count
            DispatchQueue.concurrentPerform(iterations: jobs) { w in
                let analyzer = workers.analyzers[w]
                while let i = block.claim() {
                    block.results[i] = workers.stream.process(block.lines[i], block.firstLine + i, analyzer)
                }
            }
            for i in 0..<block.lines.count { Console.write(block.results[i]); Console.write([0x0A]) }
        }
        Console.flush()
    }

    /// What the workers share: worker `w` alone uses `analyzers[w]` (an analyzer is not thread-safe); the
    /// stream's own fields are read-only.
    final class Workers: @unchecked Sendable {
        let stream: JSONLinesStream
        let analyzers: [Analyzer]
        init(stream: JSONLinesStream, analyzers: [Analyzer]) {
            self.stream = stream
            self.analyzers = analyzers
        }
    }

    /// One block of input lines and their reports, shared by the workers: each index is claimed by one worker,
    /// which alone writes its result slot.
    final class Block: @unchecked Sendable {
        let lines: [[UInt8]]
        let firstLine: Int
        let results: UnsafeMutableBufferPointer<[UInt8]>
        private let next = Atomic<Int>(0)

        init(_ lines: [[UInt8]], firstLine: Int) {
            self.lines = lines
            self.firstLine = firstLine
            results = .allocate(capacity: lines.count)
            results.initialize(repeating: [])
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }

        func claim() -> Int? {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            return i < lines.count ? i : nil
        }
    }

    func process(_ line: [UInt8], _ lineNumber: Int, _ analyzer: Analyzer) -> [UInt8] {
        // A byte-order mark before the first record (Windows tools write one) is not part of it.
        var line = line
        if lineNumber == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return ErrorLine.json(id: nil, source: nil, line: lineNumber, message: "empty line: expected a JSON object with \"text\"")
        }
        var bytes = line
        if let bad = TextDecoder.firstInvalidUTF8(line[...]) {
            if !lossy {
                return ErrorLine.json(id: nil, source: nil, line: lineNumber, message: "invalid UTF-8 at byte offset \(bad) of the line")
            }
            bytes = Array(String(decoding: line, as: UTF8.self).utf8)
        }
        let record: JSONLineParser.Record
        do {
            record = try bytes.withUnsafeBufferPointer { try JSONLineParser.parse($0) }
        } catch let error as JSONLineParser.ParseError {
            return ErrorLine.json(id: error.id, source: nil, line: lineNumber, message: error.message)
        } catch {
            return ErrorLine.json(id: nil, source: nil, line: lineNumber, message: "\(error)")
        }
        let document = analyzer.analyze(record.text, id: record.id)
        return writer.json(document)
    }
}

/// The line written for a record or file that could not be read.
enum ErrorLine {
    static func json(id: JSONValue?, source: String?, line: Int?, message: String) -> [UInt8] {
        var s = "{\"schemaVersion\":1,\"id\":"
        s += encode(id)
        s += ",\"source\":" + (source.map(quote) ?? "null")
        if let line { s += ",\"line\":\(line)" }
        s += ",\"error\":" + quote(message) + "}"
        return Array(s.utf8)
    }

    static func encode(_ v: JSONValue?) -> String {
        switch v {
        case .none, .some(.null): return "null"
        case .some(.string(let s)): return quote(s)
        case .some(.number(let n)): return n
        case .some(.bool(let b)): return b ? "true" : "false"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += "\\u00" + (c.value < 0x10 ? "0" : "") + String(c.value, radix: 16) }
                else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}
