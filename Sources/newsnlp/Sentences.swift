import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Sentences: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split the article into sentences: one per line (~ marks boilerplate, # headings), or JSON.")

        @OptionGroup var common: CommonOptions

        @Option(help: "Output: text, json or jsonl.")
        var format: OutputFormat = .text

        @Argument(help: "The article (a UTF-8 text file); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard [.text, .json, .jsonl].contains(format) else { throw ValidationError("sentences writes text, json or jsonl") }
        }

        func run() throws {
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format, layers: [], content: [.sentences],
                                renderText: { d, _ in TextRenderer(unit: common.offsets).sentences(d) }).run()
            }
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split the article into tokens: aligned columns (start, end, kind, text), CoNLL-U or JSON.")

        @OptionGroup var common: CommonOptions

        @Option(help: "Output: text, conllu, json or jsonl.")
        var format: OutputFormat = .text

        @Argument(help: "The article (a UTF-8 text file); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard [.text, .json, .jsonl, .conllu].contains(format) else { throw ValidationError("tokens writes text, conllu, json or jsonl") }
        }

        func run() throws {
            let format = self.format
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format, layers: [], content: [.sentences, .tokens],
                                renderText: { d, _ in
                                    format == .conllu ? TextRenderer(unit: common.offsets).conllu(d) : TextRenderer(unit: common.offsets).tokens(d)
                                }).run()
            }
        }
    }
}
