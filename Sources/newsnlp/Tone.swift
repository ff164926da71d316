import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Tone: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell the article's tone and the stance toward each entity, with the words and sentences that carry them (text, or JSON).",
            usage: "newsnlp tone [<options>] [<file>]",
            discussion: """
            Polar words come from Lexicons/{fr,en}/polarity, weighed by negation ("ne ... pas", "not"), \
            intensifiers ("très", "very"), contrast ("mais", "but") and headings. A stance is read from the \
            sentences that mention the entity; what the entity says itself (its quotes) weighs little in it. \
            Scores are in [-1, 1], neutral when |score| < 0.1.
            """)

        @OptionGroup var common: CommonOptions

        @OptionGroup var layer: LayerArguments

        func run() throws {
            try layer.run(common, layers: [.tone], content: [.sentences, .entities, .tone], text: { Views.tone($0) })
        }
    }
}
