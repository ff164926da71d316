#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import NewsNLP

enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html
}

extension NewsNLPCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The corpus view of a batch run: who is named, who is quoted, by gender, tone and stance.",
            discussion: """
            INPUT is a SQLite store (newsnlp batch DIR --out corpus.sqlite) or a JSON Lines file of reports \
            (newsnlp batch DIR --out corpus.jsonl); the kind is read from the file's first bytes. Tables: \
            \(CorpusStatistics.tableNames.joined(separator: ", ")).

            Gender is the gender of the quoted person's entity in each report (women, men); a person the \
            reports give no gender stays unknown.
            """
        )

        @Argument(help: "The store or JSON Lines file to read.")
        var input: String

        @Option(help: "Output format: text (aligned tables), json, csv (one table, see --table) or html (one page, bar charts).")
        var format: StatsFormat = .text

        @Option(help: ArgumentHelp("The table to write as CSV.", valueName: "name"))
        var table: String?

        @Option(help: "Rows in the ranked tables (entities, speakers, stance).")
        var top: Int = 10

        @Option(help: ArgumentHelp("Only the documents of this folder (the first folder under the one batch read; (top) for the files directly in it).", valueName: "name"))
        var folder: String?

        @Option(help: ArgumentHelp("JSON Lines only: the folder batch read (default: the deepest folder holding every source).", valueName: "dir"))
        var root: String?

        func validate() throws {
            guard top >= 1 else { throw ValidationError("--top must be 1 or more") }
            if let table, !CorpusStatistics.tableNames.contains(table) {
                throw ValidationError("--table: no table \"\(table)\"; the tables are \(CorpusStatistics.tableNames.joined(separator: ", "))")
            }
            if format == .csv && table == nil {
                throw ValidationError("--format csv writes one table: name it with --table (\(CorpusStatistics.tableNames.joined(separator: ", ")))")
            }
            if table != nil && format != .csv { throw ValidationError("--table goes with --format csv") }
        }

        func run() throws {
            Console.ignoreSIGPIPE()
            try reportingErrors {
                let store = try openInput()
                let stats = try CorpusStatistics(store: store, top: top, folder: folder)
                switch format {
                case .text: Console.write(StatsReport.text(stats, input: input))
                case .json: Console.write(StatsReport.json(stats, input: input) + [0x0A])
                case .csv: Console.write(StatsReport.csv(stats.table(table!)!))
                case .html: Console.write(StatsReport.html(stats, input: input))
                }
                Console.flush()
            }
        }

        /// The store itself, or the JSON Lines reports loaded into a store in memory.
        func openInput() throws -> CorpusStore {
            if Self.isSQLite(input) { return try CorpusStore(path: input, mode: .read) }
            let bytes = try FileReader.read(input)
            let (store, skipped) = try CorpusStore.importing(reports: bytes, root: root)
            for s in skipped.prefix(10) { Console.warn("\(input):\(s.line): \(s.message); skipped") }
            if skipped.count > 10 { Console.warn("\(input): \(skipped.count - 10) more lines skipped") }
            return store
        }

        /// Whether the file begins with SQLite's header (its first 16 bytes; the rest is not read).
        static func isSQLite(_ path: String) -> Bool {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var head = [UInt8](repeating: 0, count: 16)
            let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 16) }
            return n == 16 && head == Array("SQLite format 3\0".utf8)
        }
    }
}
