import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Summarize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an extractive summary: the article's key sentences, in their original order.",
            usage: "newsnlp summarize [<options>] [<file>]",
            discussion: """
            Length: --sentences N (default 3), --ratio R (a fraction of the body sentences) or --words W (about \
            W words). Boilerplate and headings are never chosen. --format json prints the report with its \
            summary filled and the sentences it cites.

            --explain prints each chosen sentence's score and its strongest features (text), or adds every \
            candidate sentence's score and features to the JSON (`summary.candidates`).

            --input-format jsonl reads {"id", "text"} records on standard input and writes one report per line \
            (--format jsonl), as `analyze` does.
            """
        )

        @OptionGroup var common: CommonOptions

        @Option(help: "Sentences in the summary.")
        var sentences: Int?

        @Option(help: "The summary's length as a fraction of the article's body sentences (0 < R ≤ 1).")
        var ratio: Double?

        @Option(help: "About this many words (at least one sentence).")
        var words: Int?

        @Option(help: "Output: the summary as text or Markdown, or the report with it (jsonl: one line).")
        var format: SummaryFormat = .text

        @Flag(help: "Show each chosen sentence's score and strongest features (JSON: every candidate's features).")
        var explain = false

        @Option(name: .customLong("input-format"), help: "Input: text (one document), html (a page: its article is read) or jsonl (one {\"id\", \"text\"} record per line on standard input). Files that look like HTML are read as HTML.")
        var inputFormat: InputFormat = .text

        @Option(help: "Worker threads for --input-format jsonl (the output keeps the input order).")
        var jobs: Int = 1

        @Argument(help: "The article (a UTF-8 text file or an HTML page); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            let given = [sentences != nil, ratio != nil, words != nil].filter { $0 }.count
            guard given <= 1 else { throw ValidationError("give one of --sentences, --ratio and --words") }
            if let sentences, sentences < 0 { throw ValidationError("--sentences must be 0 or more") }
            if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be more than 0 and at most 1") }
            if let words, words < 1 { throw ValidationError("--words must be 1 or more") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        }

        var length: SummaryLength {
            if let ratio { return .ratio(ratio) }
            if let words { return .words(words) }
            return .sentences(sentences ?? 3)
        }

        func run() throws {
            let format = self.format
            try reportingErrors {
                let explain = self.explain
                var job = DocumentJob(common: common, input: file, format: format.output, inputFormat: inputFormat, layers: [.summary],
                                      content: [.sentences, .summary], summary: length, jobs: jobs,
                                      renderText: { d, _ in
                                          if explain { return Views.summaryExplained(d) }
                                          return format == .markdown ? Views.summaryMarkdown(d) : Views.summaryText(d)
                                      })
                job.summaryExplain = explain
                try job.run()
            }
        }
    }
}
