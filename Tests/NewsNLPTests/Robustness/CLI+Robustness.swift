import Foundation
import NewsNLP

extension CLI {
    /// Runs the binary with standard output sent to a file (`/dev/full` to make writing fail).
    static func run(_ args: [String], stdoutPath: String) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let err = Pipe()
        p.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs `newsnlp analyze --format json --tokens --offsets U` on `bytes` in the three units and returns every
    /// problem `SpanChecks` finds against `text` (the input as the tool reads it: after a byte-order mark), with
    /// the exit status and standard error of each run.
    static func spanProblems(_ bytes: [UInt8], text: String, units: [String] = OffsetUnitName.all, extra: [String] = []) throws -> (problems: [String], status: [Int32], stderr: String) {
        var problems: [String] = []
        var status: [Int32] = []
        var stderr = ""
        for unit in units {
            let r = try run(["analyze", "--format", "json", "--tokens", "--offsets", unit] + extra, stdin: Data(bytes))
            status.append(r.status)
            stderr += r.stderr
            guard r.status == 0 else { continue }
            problems += SpanChecks.problems(report: Array(r.stdout.utf8), text: text, unit: .init(rawValue: unit)!).map { "\(unit): \($0)" }
        }
        return (problems, status, stderr)
    }
}

enum OffsetUnitName {
    static let all = ["scalar", "utf8", "utf16"]
}
