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

        @Option(name: .customLong("input-format"), help: "Input: text, or html (a page: its article is read). Files that look like HTML are read as HTML.")
        var inputFormat: InputFormat = .text

        @Argument(help: "The article (a UTF-8 text file or an HTML page); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard inputFormat != .jsonl else { throw ValidationError("summarize reads text or html: use `analyze --input-format jsonl`") }
            let given = [sentences != nil, ratio != nil, words != nil].filter { $0 }.count
            guard given <= 1 else { throw ValidationError("give one of --sentences, --ratio and --words") }
            if let sentences, sentences < 0 { throw ValidationError("--sentences must be 0 or more") }
            if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be more than 0 and at most 1") }
            if let words, words < 1 { throw ValidationError("--words must be 1 or more") }
        }

        var length: SummaryLength {
            if let ratio { return .ratio(ratio) }
            if let words { return .words(words) }
            return .sentences(sentences ?? 3)
        }

        func run() throws {
            let format = self.format
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format.output, inputFormat: inputFormat, layers: [.summary],
                                content: [.sentences, .summary], summary: length,
                                renderText: { d, _ in
                                    format == .markdown ? Views.summaryMarkdown(d) : Views.summaryText(d)
                                }).run()
            }
        }
    }
}
