import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Tone: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell the article's tone and the stance toward each entity, with the words and sentences that carry them (text, or JSON).",
            discussion: """
            Polar words come from Lexicons/{fr,en}/polarity, weighed by negation ("ne ... pas", "not"), intensifiers
            ("très", "very"), contrast ("mais", "but") and headings. A stance is read from the sentences that mention
            the entity; what the entity says itself (its quotes) weighs little in it. Scores are in [-1, 1], neutral
            when |score| < 0.1.
            """)

        @OptionGroup var common: CommonOptions

        @Option(help: "Output: text, json or jsonl.")
        var format: OutputFormat = .text

        @Argument(help: "The article (a UTF-8 text file); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard [.text, .json, .jsonl].contains(format) else { throw ValidationError("tone writes text, json or jsonl") }
        }

        func run() throws {
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format, layers: [.tone], content: [.sentences, .entities, .tone],
                                renderText: { d, _ in Views.tone(d) }).run()
            }
        }
    }
}
