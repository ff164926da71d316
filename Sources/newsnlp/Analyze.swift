import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole report: sentences, entities, quotes, tone and summary (JSON by default).",
            usage: "newsnlp analyze [<options>] [<file>]",
            discussion: """
            --format text prints a report for people; --format html a page to open in a browser.

            JSON Lines mode, for pipelines (GNU parallel, Spark's RDD.pipe, Hadoop Streaming):
              newsnlp analyze --input-format jsonl --format jsonl < records.jsonl
            reads one {"id": …, "text": …} object per line and writes one report per line, in order, with its \
            id. --jobs N analyses N records at a time on N threads; the output order is the input order. A bad \
            record becomes a line with "error" and the run goes on.
            """
        )

        @OptionGroup var common: CommonOptions

        @Option(help: "Output: the JSON report, the same on one line, a text report for people or an HTML page.")
        var format: ReportFormat = .json

        @Option(name: .customLong("input-format"), help: "Input: text (one document), html (a page: its article is read) or jsonl (one {\"id\", \"text\"} record per line on standard input). Files that look like HTML are read as HTML.")
        var inputFormat: InputFormat = .text

        @Flag(help: "Include tokens in the report.")
        var tokens = false

        @Option(name: .customLong("summary-sentences"), help: "Sentences in the summary.")
        var summarySentences: Int = 3

        @Option(help: "Worker threads for --input-format jsonl (the output keeps the input order).")
        var jobs: Int = 1

        @Argument(help: "The article (a UTF-8 text file or an HTML page); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard summarySentences >= 0 else { throw ValidationError("--summary-sentences must be 0 or more") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        }

        func run() throws {
            let format = self.format
            var content = ReportContent.standard
            if tokens { content.insert(.tokens) }
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format.output, inputFormat: inputFormat,
                                layers: Set(AnalysisOptions.Layer.allCases), content: content,
                                summary: .sentences(summarySentences), jobs: jobs,
                                renderText: { d, _ in format == .html ? HTMLReport().page(d) : Views.overview(d, unit: common.offsets, colour: Console.stdoutWantsColour) }).run()
            }
        }
    }
}
