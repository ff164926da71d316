import ArgumentParser

/// The `--format` values one command accepts. Each command has its own enum, so that its `--help` lists exactly
/// the formats it writes and a format it does not write is refused by the parser (exit 64) with that list.
protocol CommandFormat: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// The format the document job writes.
    var output: OutputFormat { get }
}

extension CommandFormat {
    var output: OutputFormat { OutputFormat(rawValue: rawValue)! }
}

/// `sentences`, `entities`, `quotes`, `tone`: text for people, or the report with only that layer filled.
enum LayerFormat: String, CommandFormat {
    case text, json, jsonl
}

/// `tokens`: aligned columns, CoNLL-U, or the report with tokens.
enum TokenFormat: String, CommandFormat {
    case text, conllu, json, jsonl
}

/// `summarize`: the summary as text or Markdown, or the report with the summary filled.
enum SummaryFormat: String, CommandFormat {
    case text, markdown, json, jsonl
}

/// `analyze`: the whole report as JSON, one JSON line, a text report for people or an HTML page.
enum ReportFormat: String, CommandFormat {
    case json, jsonl, text, html
}
