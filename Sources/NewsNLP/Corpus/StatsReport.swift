/// The corpus view as text, JSON, CSV or a self-contained HTML page.
public enum StatsReport {
    // MARK: Text

    /// Every table, aligned, numbers on the right.
    public static func text(_ stats: CorpusStatistics, input: String) -> String {
        var out = "newsnlp stats: \(input)" + (stats.folder.map { " (folder \($0.isEmpty ? "(top)" : $0))" } ?? "") + "\n"
        for t in stats.tables {
            out += "\n" + t.title + "\n"
            let cells = [t.columns] + t.rows.map { $0.map { shown($0) } }
            let numeric = t.columns.indices.map { c in t.rows.contains { $0[c].number != nil } }
            let widths = t.columns.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
            for (k, row) in cells.enumerated() {
                var line = ""
                for c in row.indices {
                    let pad = String(repeating: " ", count: widths[c] - row[c].count)
                    if c > 0 { line += "  " }
                    line += numeric[c] ? pad + row[c] : row[c] + (c == row.count - 1 ? "" : pad)
                }
                out += "  " + line + "\n"
                if k == 0 { out += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
            }
            if t.rows.isEmpty { out += "  (none)\n" }
        }
        return out
    }

    /// A value as people read it: shares as percentages, scores with two decimals.
    static func shown(_ v: StatsValue) -> String {
        switch v {
        case .text(let s): return s
        case .int(let n): return String(n)
        case .real(let x): return decimals(x, 2)
        case .share(let x): return decimals(x * 100, 1) + "%"
        case .null: return "-"
        }
    }

    static func decimals(_ x: Double, _ places: Int) -> String {
        guard x.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(x) * scale).rounded()
        let whole = Int(r / scale), frac = Int(r) - whole * Int(scale)
        var f = String(frac)
        while f.count < places { f = "0" + f }
        return (x < 0 && r > 0 ? "-" : "") + String(whole) + (places > 0 ? "." + f : "")
    }

    // MARK: JSON

    /// `{"input": …, "folder": …, "tables": {"name": [ {column: value} ]}}`.
    public static func json(_ stats: CorpusStatistics, input: String) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("input"); w.string(input)
        w.key("folder"); if let f = stats.folder { w.string(f) } else { w.null() }
        w.key("tables"); w.beginObject()
        for t in stats.tables {
            w.key(string: t.name); w.beginArray()
            for row in t.rows {
                w.beginObject()
                for (c, v) in row.enumerated() {
                    w.key(string: t.columns[c])
                    switch v {
                    case .text(let s): w.string(s)
                    case .int(let n): w.int(n)
                    case .real(let x), .share(let x): w.number(x)
                    case .null: w.null()
                    }
                }
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.endObject()
        return JSONPretty.indent(w.bytes)
    }

    // MARK: CSV

    /// One table as CSV (RFC 4180): a header line, then one line per row.
    public static func csv(_ table: StatsTable) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        var out = table.columns.map(field).joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { v -> String in
                switch v {
                case .text(let s): return field(s)
                case .int(let n): return String(n)
                case .real(let x), .share(let x): return decimals(x, 4)
                case .null: return ""
                }
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    // MARK: HTML

    /// One page, no network: each table with its bar chart drawn as inline SVG.
    public static func html(_ stats: CorpusStatistics, input: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>newsnlp stats: \(escape(input))</title>
            <style>
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .row{display:flex;gap:2em;align-items:flex-start;flex-wrap:wrap}
            table{border-collapse:collapse}th,td{padding:.2em .7em;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
            td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f6f6}
            svg text{font:12px system-ui,sans-serif;fill:#333}
            </style></head><body>
            <h1>newsnlp stats</h1>
            <p>\(escape(input))\(stats.folder.map { " — folder " + escape($0.isEmpty ? "(top)" : $0) } ?? "")</p>

            """
        for t in stats.tables {
            out += "<section id=\"\(escape(t.name))\"><h2>\(escape(t.title))</h2><div class=\"row\">\n"
            out += table(t)
            if let chart = t.chart, !t.rows.isEmpty { out += barChart(t, chart) }
            out += "</div></section>\n"
        }
        return out + "</body></html>\n"
    }

    static func table(_ t: StatsTable) -> String {
        var out = "<table><thead><tr>" + t.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in t.rows {
            out += "<tr>" + row.map { v in
                v.number != nil ? "<td class=\"n\">\(escape(shown(v)))</td>" : "<td>\(escape(shown(v)))</td>"
            }.joined() + "</tr>\n"
        }
        if t.rows.isEmpty { out += "<tr><td colspan=\"\(t.columns.count)\">(none)</td></tr>\n" }
        return out + "</tbody></table>\n"
    }

    /// Horizontal bars, one per row, scaled to the largest magnitude; negative values grow to the left of a
    /// middle axis.
    static func barChart(_ t: StatsTable, _ chart: (label: Int, value: Int)) -> String {
        let values = t.rows.map { $0[chart.value].number ?? 0 }
        let labels = t.rows.map { shown($0[chart.label]) }
        let signed = values.contains { $0 < 0 }
        let maxValue = max(values.map { abs($0) }.max() ?? 0, 1e-9)
        let labelWidth = min(220, 12 + 7 * (labels.map(\.count).max() ?? 0))
        let barSpace = 300.0, rowHeight = 22, valueWidth = 70
        let width = labelWidth + Int(barSpace) + valueWidth
        let height = rowHeight * values.count + 8
        let axis = Double(labelWidth) + (signed ? barSpace / 2 : 0)
        let scale = (signed ? barSpace / 2 : barSpace) / maxValue
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(t.title))\">\n"
        for (k, v) in values.enumerated() {
            let y = 4 + k * rowHeight
            let length = abs(v) * scale
            let x = v < 0 ? axis - length : axis
            let colour = colours[labels[k]] ?? (v < 0 ? "#c0504d" : "#4f81bd")
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(String(labels[k].prefix(30))))</text>"
            svg += "<rect x=\"\(decimals(x, 1))\" y=\"\(y + 3)\" width=\"\(decimals(max(length, v == 0 ? 0 : 1), 1))\" height=\"\(rowHeight - 6)\" fill=\"\(colour)\"/>"
            let valueX = signed ? Double(labelWidth) + barSpace + 4 : axis + length + 4
            svg += "<text x=\"\(decimals(valueX, 1))\" y=\"\(y + 15)\">\(escape(shown(t.rows[k][chart.value])))</text>\n"
        }
        if signed { svg += "<line x1=\"\(axis)\" y1=\"0\" x2=\"\(axis)\" y2=\"\(height)\" stroke=\"#888\"/>\n" }
        return svg + "</svg>\n"
    }

    /// Bars whose label names a tone or a gender get its colour.
    static let colours = ["negative": "#c0504d", "neutral": "#9e9e9e", "positive": "#4e9a4e",
                          "women": "#8e5ea2", "men": "#3a8fb7", "unknown": "#9e9e9e"]

    /// Text escaped for HTML content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

private extension String {
    func replacingAll(_ a: Character, with b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }
}
