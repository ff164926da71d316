import GRDB

/// A value of a statistics table.
public enum StatsValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    case real(Double)
    /// A fraction in [0, 1], shown as a percentage to people and as a number to programs.
    case share(Double)
    case null

    public var number: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .real(let x), .share(let x): return x
        case .text, .null: return nil
        }
    }
}

/// One table of the corpus view: named columns, rows, and the column a chart draws.
public struct StatsTable: Sendable {
    /// The table's name in JSON and for `--table` (lower case, no spaces).
    public var name: String
    public var title: String
    public var columns: [String]
    public var rows: [[StatsValue]]
    /// The column holding each bar's label and the column holding its length, when the table makes a chart.
    public var chart: (label: Int, value: Int)?
}

/// The corpus view over a store: documents by language and folder, tone, the most named entities, the most
/// quoted people, quotes and sources by speaker gender, stance per entity.
///
/// Gender is the `gender` of the speaker's entity in each report ("f", "m", or unknown): a source whose quotes
/// carry both is counted by the majority, a tie or no gender at all is unknown. A distinct source is a named
/// speaker (the same name in several documents is one source) or, for a speaker that is not an entity
/// ("un manifestant"), each document's speaker.
public struct CorpusStatistics: Sendable {
    public var tables: [StatsTable]
    /// The folder the figures are restricted to, if any.
    public var folder: String?

    public static let tableNames = ["overview", "languages", "folders", "tone", "tone-histogram", "entities", "speakers", "gender", "stance"]

    public func table(_ name: String) -> StatsTable? { tables.first { $0.name == name } }

    /// The statistics of `store`, with the `top` first rows of the ranked tables, over `folder` alone if given.
    public init(store: CorpusStore, top: Int, folder: String? = nil) throws {
        // The files directly in the folder read are shown as "(top)".
        let folder = folder == "(top)" ? "" : folder
        self.folder = folder
        let filter = folder == nil ? "" : " AND d.folder = ?"
        // Rows of entities and quotes are joined to their documents only to filter by folder (covering indexes
        // answer the rest).
        let entityJoin = folder == nil ? "" : " JOIN documents d ON d.id = e.document_id"
        let quoteJoin = folder == nil ? "" : " JOIN documents d ON d.id = q.document_id"
        let args: StatementArguments = folder.map { [$0] } ?? []
        tables = try store.read { db in
            func rows(_ sql: String, _ extra: StatementArguments = []) throws -> [Row] {
                try Row.fetchAll(db, sql: sql, arguments: args + extra)
            }
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
            let top: StatementArguments = [top]
            var tables: [StatsTable] = []

            let documents = try count("SELECT count(*) FROM documents d WHERE 1\(filter)")
            let errors = try count("SELECT count(*) FROM documents d WHERE d.error IS NOT NULL\(filter)")
            let quotes = try count("SELECT count(*) FROM quotes q\(quoteJoin) WHERE 1\(filter)")
            let attributed = try count("SELECT count(*) FROM quotes q\(quoteJoin) WHERE q.speaker_name IS NOT NULL\(filter)")
            let named = try count("SELECT count(*) FROM quotes q\(quoteJoin) WHERE q.speaker_entity IS NOT NULL\(filter)")
            let entities = try count("SELECT count(*) FROM (SELECT 1 FROM entities e\(entityJoin) WHERE 1\(filter) GROUP BY e.name, e.type)")
            tables.append(StatsTable(name: "overview", title: "Corpus", columns: ["figure", "value"], rows: [
                [.text("documents"), .int(documents)],
                [.text("documents that failed"), .int(errors)],
                [.text("distinct entities (name and type)"), .int(entities)],
                [.text("quotes"), .int(quotes)],
                [.text("quotes with a speaker"), .int(attributed)],
                [.text("quotes with a named speaker"), .int(named)],
            ]))

            let analysed = documents - errors
            tables.append(StatsTable(name: "languages", title: "Documents by language", columns: ["language", "documents", "share"],
                rows: try rows("SELECT d.language, count(*) AS n FROM documents d WHERE d.error IS NULL\(filter) GROUP BY d.language ORDER BY n DESC, d.language")
                    .map { [.text($0[0] ?? "?"), .int($0[1]), .share(fraction($0[1], analysed))] },
                chart: (0, 1)))

            tables.append(StatsTable(name: "folders", title: "Documents by folder", columns: ["folder", "documents", "failed", "quotes"],
                rows: try rows("""
                    SELECT d.folder, count(*), sum(d.error IS NOT NULL), coalesce(sum(q.n), 0)
                    FROM documents d LEFT JOIN (SELECT document_id, count(*) AS n FROM quotes GROUP BY document_id) q ON q.document_id = d.id
                    WHERE 1\(filter) GROUP BY d.folder ORDER BY d.folder
                    """).map { [.text(folderName($0[0])), .int($0[1]), .int($0[2]), .int($0[3])] },
                chart: (0, 1)))

            let toned = try rows("""
                SELECT d.tone_label, count(*), avg(d.tone_score) FROM documents d
                WHERE d.error IS NULL AND d.tone_label IS NOT NULL\(filter) GROUP BY d.tone_label
                """)
            let tonedCount = toned.reduce(0) { $0 + ($1[1] as Int) }
            tables.append(StatsTable(name: "tone", title: "Tone of the documents", columns: ["tone", "documents", "share", "mean score"],
                rows: ["negative", "neutral", "positive"].map { label in
                    let row = toned.first { ($0[0] as String?) == label }
                    let n: Int = row?[1] ?? 0
                    return [.text(label), .int(n), .share(fraction(n, tonedCount)), row.map { .real($0[2]) } ?? .null]
                },
                chart: (0, 1)))

            let bins = try rows("""
                SELECT min(9, max(0, CAST((d.tone_score + 1) * 5 AS INTEGER))) AS bin, count(*) FROM documents d
                WHERE d.error IS NULL AND d.tone_score IS NOT NULL\(filter) GROUP BY bin
                """)
            tables.append(StatsTable(name: "tone-histogram", title: "Tone scores (bins of 0.2)", columns: ["from", "to", "documents"],
                rows: (0..<10).map { b in
                    let n: Int = bins.first { ($0[0] as Int) == b }?[1] ?? 0
                    return [.real(Double(b) / 5 - 1), .real(Double(b + 1) / 5 - 1), .int(n)]
                },
                chart: (0, 2)))

            tables.append(StatsTable(name: "entities", title: "Most named entities (by documents)", columns: ["entity", "type", "documents", "mentions"],
                rows: try rows("""
                    SELECT e.name, e.type, count(*) AS docs, sum(e.mentions) AS m FROM entities e\(entityJoin)
                    WHERE 1\(filter) GROUP BY e.name, e.type ORDER BY docs DESC, m DESC, e.name LIMIT ?
                    """, top).map { [.text($0[0]), .text($0[1]), .int($0[2]), .int($0[3])] },
                chart: (0, 2)))

            tables.append(StatsTable(name: "speakers", title: "Most quoted people", columns: ["speaker", "gender", "quotes", "share", "documents"],
                rows: try rows("""
                    SELECT q.speaker_name, \(CorpusStatistics.majorityGender) AS g, count(*) AS n, count(DISTINCT q.document_id)
                    FROM quotes q\(quoteJoin)
                    WHERE q.speaker_entity IS NOT NULL\(filter) GROUP BY q.speaker_name ORDER BY n DESC, 4 DESC, q.speaker_name LIMIT ?
                    """, top).map { [.text($0[0]), .text($0[1]), .int($0[2]), .share(fraction($0[2], attributed)), .int($0[3])] },
                chart: (0, 2)))

            let genders = try rows("""
                SELECT g, sum(n), count(*) FROM (
                    SELECT \(CorpusStatistics.majorityGender) AS g, count(*) AS n FROM quotes q\(quoteJoin)
                    WHERE q.speaker_name IS NOT NULL\(filter)
                    GROUP BY CASE WHEN q.speaker_entity IS NULL THEN q.document_id || '/' || q.speaker_name ELSE q.speaker_name END)
                GROUP BY g
                """)
            let sources = genders.reduce(0) { $0 + ($1[2] as Int) }
            tables.append(StatsTable(name: "gender", title: "Quotes and sources by speaker gender", columns: ["gender", "quotes", "share of quotes", "sources", "share of sources"],
                rows: ["women", "men", "unknown"].map { g in
                    let row = genders.first { ($0[0] as String) == g }
                    let q: Int = row?[1] ?? 0, s: Int = row?[2] ?? 0
                    return [.text(g), .int(q), .share(fraction(q, attributed)), .int(s), .share(fraction(s, sources))]
                },
                chart: (0, 3)))

            tables.append(StatsTable(name: "stance", title: "Stance per entity (mean score, documents with a stance)", columns: ["entity", "type", "documents", "mean stance", "negative", "positive"],
                rows: try rows("""
                    SELECT e.name, e.type, count(*) AS n, avg(e.stance_score), sum(e.stance_label = 'negative'), sum(e.stance_label = 'positive')
                    FROM entities e\(entityJoin)
                    WHERE e.stance_score IS NOT NULL\(filter) GROUP BY e.name, e.type ORDER BY n DESC, e.name LIMIT ?
                    """, top).map { [.text($0[0]), .text($0[1]), .int($0[2]), .real($0[3]), .int($0[4]), .int($0[5])] },
                chart: (0, 3)))
            return tables
        }
    }

    /// The gender of a group of quotes: the majority of their speakers' genders, else unknown.
    static let majorityGender = """
        CASE WHEN sum(q.speaker_gender = 'f') > sum(q.speaker_gender = 'm') THEN 'women' \
        WHEN sum(q.speaker_gender = 'm') > sum(q.speaker_gender = 'f') THEN 'men' ELSE 'unknown' END
        """
}

private func fraction(_ n: Int, _ total: Int) -> Double { total > 0 ? Double(n) / Double(total) : 0 }

/// How a folder is shown: the files directly in the folder read are "(top)".
private func folderName(_ s: String) -> String { s.isEmpty ? "(top)" : s }
