import ArgumentParser
import NewsNLP

/// What a document command does, once its options are read: shared by every subcommand that reads one
/// document (or a JSON Lines stream) and prints a layer or the whole report.
struct DocumentJob {
    var common: CommonOptions
    var input: String?
    var format: OutputFormat
    var inputFormat: InputFormat = .text
    var layers: Set<AnalysisOptions.Layer>
    var content: ReportContent
    var summary: SummaryLength = .sentences(3)
    /// Worker threads for JSON Lines input (output order is kept whatever the number).
    var jobs = 1
    /// Renders a document as text for people.
    var renderText: (Document, Analyzer) -> String
    /// Fill the summary's candidates (`summarize --explain`).
    var summaryExplain = false

    func run() throws {
        let lexicons = try common.loadLexicons()
        var options = common.analysisOptions(layers: layers, summary: summary)
        options.summaryExplain = summaryExplain
        let analyzer = Analyzer(options: options, lexicons: lexicons)
        if inputFormat == .jsonl {
            guard format == .jsonl || format == .json else {
                throw ValidationError("--input-format jsonl writes JSON Lines: use --format jsonl")
            }
            if input != nil && input != "-" {
                throw ValidationError("--input-format jsonl reads standard input: pipe the records in")
            }
            let stream = JSONLinesStream(analyzer: analyzer, writer: ReportWriter(unit: common.offsets, content: content),
                                         lossy: common.lossy, jobs: jobs)
            try stream.run()
            return
        }
        let path = input == nil || input == "-" ? nil : input
        let name = path ?? "<stdin>"
        let bytes = try FileReader.read(input)
        let read = try ArticleInput.read(bytes, name: name, path: path, html: inputFormat == .html, lossy: common.lossy,
                                         lexicons: lexicons)
        if read.replaced { Console.warn("\(name): invalid UTF-8 replaced with U+FFFD (--lossy)") }
        let document = analyzer.analyze(read.text, source: path)
        var content = self.content
        // Offsets count into the article text taken from the page: the report carries that text.
        if read.html != nil { content.insert(.text) }
        switch format {
        case .json:
            Console.write(ReportWriter(unit: common.offsets, content: content, pretty: true).json(document) + [0x0A])
        case .jsonl:
            Console.write(ReportWriter(unit: common.offsets, content: content).json(document) + [0x0A])
        default:
            Console.write(renderText(document, analyzer))
        }
        Console.flush()
    }
}

/// The output format and input file of a command that prints one layer (sentences, entities, quotes, tone).
typealias LayerArguments = FormatArguments<LayerFormat>

/// The output format (one of `Format`'s values, which `--help` lists) and the input file of a layer command.
struct FormatArguments<Format: CommandFormat>: ParsableArguments {
    @Option(help: "Output: text for people, or the report with only this layer filled (json, jsonl: one line).")
    var format: Format = Format.allCases.first!

    @Option(name: .customLong("input-format"), help: "Input: text, or html (a page: its article is read). Files that look like HTML are read as HTML.")
    var inputFormat: InputFormat = .text

    @Argument(help: "The article (a UTF-8 text file or an HTML page); standard input when missing or \"-\".")
    var file: String?

    /// Runs the layer command: reads the input, analyses it with `layers` and prints `content` or the text view.
    func run(_ common: CommonOptions, layers: Set<AnalysisOptions.Layer>, content: ReportContent,
             text: @escaping (Document) -> String) throws {
        try reportingErrors {
            try DocumentJob(common: common, input: file, format: format.output, inputFormat: inputFormat, layers: layers,
                            content: content, renderText: { d, _ in text(d) }).run()
        }
    }
}
