import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the article of an HTML page: its title and body text, without menus, comments or ads.",
            discussion: """
            --format text prints the title, a blank line and the body, one paragraph per line with a blank line
            between paragraphs: the very text every other command analyses when given the page, so offsets in
            their reports count into it. --format json prints {"source", "title", "author", "date", "encoding",
            "text"}, where "text" is the body alone.
            The page is read whatever its extension; its character set comes from a byte-order mark, its
            <meta charset>, or its bytes (UTF-8, else Windows-1252).
            Exit status 65 for a page with no article (an empty body, only links and menus) or a file that is not
            HTML (binary, a .docx or other ZIP container).
            """
        )

        @Option(help: "Output: text (title and body), json, or jsonl (the JSON on one line).")
        var format: OutputFormat = .text

        @Option(name: .long, help: ArgumentHelp("Extra lexicon files merged over the built-in ones (same layout as Lexicons/).", valueName: "dir"))
        var lexicons: String?

        @Argument(help: "The page (an HTML file); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard [.text, .json, .jsonl].contains(format) else { throw ValidationError("extract writes text, json or jsonl") }
        }

        func run() throws {
            try reportingErrors {
                let set = try lexicons.map { Lexicons(extra: try LexiconDirectory.read($0)) } ?? .builtIn
                let path = file == nil || file == "-" ? nil : file
                let name = path ?? "<stdin>"
                let bytes = try FileReader.read(file)
                let article = try HTMLReader.read(bytes, name: name, lexicons: set)
                switch format {
                case .json, .jsonl: Console.write(article.json(source: path, pretty: format == .json) + [0x0A])
                default: Console.write(article.text.isEmpty ? "" : article.text + "\n")
                }
                Console.flush()
            }
        }
    }
}
