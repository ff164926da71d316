import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Quotes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the quotes: speaker — « quote » — cue, one per line, or JSON.")

        @OptionGroup var common: CommonOptions

        @Option(help: "Output: text, json or jsonl.")
        var format: OutputFormat = .text

        @Argument(help: "The article (a UTF-8 text file); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard [.text, .json, .jsonl].contains(format) else { throw ValidationError("quotes writes text, json or jsonl") }
        }

        func run() throws {
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format, layers: [.quotes], content: [.sentences, .entities, .quotes],
                                renderText: { d, _ in Views.quotes(d) }).run()
            }
        }
    }
}
