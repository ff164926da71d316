import NewsNLP

/// `--input-format jsonl --format jsonl`: one `{"id", "text"}` record per input line, one report per output
/// line, in the same order, each carrying the input's id. A bad record becomes a line with "error"; the run goes on.
struct JSONLinesStream {
    let analyzer: Analyzer
    let writer: ReportWriter
    let lossy: Bool

    func run() throws {
        var reader = LineReader(fd: 0)
        var lineNumber = 0
        while let line = try reader.next() {
            lineNumber += 1
            Console.write(process(line, lineNumber) + [0x0A])
        }
        Console.flush()
    }

    func process(_ line: [UInt8], _ lineNumber: Int) -> [UInt8] {
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
