#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB
import GRDBSQLite

/// A SQLite database of reports (`newsnlp batch DIR --out corpus.sqlite`), read back by `newsnlp stats`.
///
/// The schema is versioned by `PRAGMA user_version` (`CorpusStore.schemaVersion`) and marked as a newsnlp store
/// by `PRAGMA application_id`; a store of another version is refused, never migrated silently. The database is in
/// WAL mode: records are written in batches, one transaction each, so a run that is killed keeps every batch
/// it committed. README.md ("The corpus store") documents the tables and views.
public final class CorpusStore {
    /// The version of the tables below, kept in `PRAGMA user_version`.
    public static let schemaVersion = 1
    /// "NNLP": marks a database written by newsnlp (`PRAGMA application_id`).
    public static let applicationID: Int32 = 0x4E4E_4C50

    public enum Mode {
        /// A new store: an existing newsnlp store at the path is replaced.
        case create
        /// The store at the path, made if missing: `--resume`.
        case resume
        /// An existing store, read only.
        case read
    }

    let queue: DatabaseQueue
    public let path: String

    /// Opens (or makes) the store at `path`; `path` nil is a new store in memory.
    public init(path: String?, mode: Mode) throws {
        self.path = path ?? ":memory:"
        guard let path else {
            queue = try DatabaseQueue()
            try queue.write { try CorpusStore.createSchema($0) }
            return
        }
        let exists = access(path, F_OK) == 0
        if mode == .read && !exists { throw NewsNLPError(.noInput, file: path, "no such file") }
        if mode == .create && exists {
            // Only a newsnlp store (or an empty file) is replaced: any other file is left alone.
            if CorpusStore.fileSize(path) > 0 {
                let old = try CorpusStore.open(path, readonly: true)
                let id = try CorpusStore.pragma(old, "application_id", file: path)
                try old.close()
                if Int32(truncatingIfNeeded: id) != CorpusStore.applicationID {
                    throw NewsNLPError(.invalidData, file: path, "is a SQLite database that newsnlp did not write; it is left as it is (choose another --out)")
                }
            }
            for suffix in ["", "-wal", "-shm"] where access(path + suffix, F_OK) == 0 {
                if unlink(path + suffix) != 0 {
                    throw NewsNLPError(.ioError, file: path + suffix, "cannot replace: \(String(cString: strerror(errno)))")
                }
            }
        }
        queue = try CorpusStore.open(path, readonly: mode == .read)
        let objects = try CorpusStore.wrap(path) { try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") ?? 0 } }
        let version = try CorpusStore.pragma(queue, "user_version", file: path)
        let id = try CorpusStore.pragma(queue, "application_id", file: path)
        if mode != .read && objects == 0 && version == 0 && id == 0 {
            try CorpusStore.wrap(path) { try queue.write { try CorpusStore.createSchema($0) } }
        } else {
            try checkVersion()
        }
    }

    private static func open(_ path: String, readonly: Bool) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = readonly
        if readonly {
            // Statistics read most pages of the store: map it rather than copy it page by page.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536") }
        } else {
            config.journalMode = .wal
            // In WAL mode NORMAL keeps every committed transaction when the process is killed (not on power loss).
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return try wrap(path) { try DatabaseQueue(path: path, configuration: config) }
    }

    private static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    private static func pragma(_ queue: DatabaseQueue, _ name: String, file: String) throws -> Int {
        try wrap(file) { try queue.read { try Int.fetchOne($0, sql: "PRAGMA \(name)") ?? 0 } }
    }

    /// Runs `body`, turning SQLite's errors into errors that name the file.
    static func wrap<T>(_ file: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw NewsNLPError(.invalidData, file: file, "is not a SQLite database (or is damaged): \(error.message ?? "\(error.resultCode)")")
            case .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_PERM:
                throw NewsNLPError(.ioError, file: file, "cannot use the database: \(error.message ?? "\(error.resultCode)")")
            default:
                throw NewsNLPError(.invalidData, file: file, "SQLite: \(error.message ?? "\(error.resultCode)")")
            }
        }
    }

    /// Refuses a database that is not a newsnlp store of this schema version (exit 65: the data cannot be read
    /// by this newsnlp; making the store again, or using the newsnlp that wrote it, is the user's way out).
    private func checkVersion() throws {
        let id = try CorpusStore.pragma(queue, "application_id", file: path)
        let version = try CorpusStore.pragma(queue, "user_version", file: path)
        if Int32(truncatingIfNeeded: id) != CorpusStore.applicationID {
            throw NewsNLPError(.invalidData, file: path, "is not a newsnlp corpus store (its application_id is \(id), not \(CorpusStore.applicationID))")
        }
        if version < CorpusStore.schemaVersion {
            throw NewsNLPError(.invalidData, file: path, "was written with corpus schema version \(version), older than this newsnlp's \(CorpusStore.schemaVersion); it is not converted: make it again with `newsnlp batch DIR --out \(path)` (without --resume)")
        }
        if version > CorpusStore.schemaVersion {
            throw NewsNLPError(.invalidData, file: path, "was written with corpus schema version \(version), newer than this newsnlp's \(CorpusStore.schemaVersion): use a newer newsnlp")
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: CorpusStore.schema)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
    }

    /// The tables, indexes and views of schema version 1 (documented in README.md, "The corpus store").
    static let schema = """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            folder TEXT NOT NULL,
            language TEXT,
            title TEXT,
            sentences INTEGER NOT NULL DEFAULT 0,
            tone_score REAL,
            tone_label TEXT,
            error TEXT
        );
        CREATE INDEX documents_folder ON documents(folder, language);
        CREATE TABLE entities (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            source TEXT,
            gender TEXT,
            mentions INTEGER NOT NULL,
            refs INTEGER NOT NULL,
            stance_score REAL,
            stance_label TEXT,
            PRIMARY KEY (document_id, entity)
        ) WITHOUT ROWID;
        CREATE INDEX entities_name ON entities(name, type, mentions, stance_score, stance_label);
        CREATE TABLE mentions (
            document_id INTEGER NOT NULL,
            entity TEXT NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (document_id, entity, start, end, kind),
            FOREIGN KEY (document_id, entity) REFERENCES entities(document_id, entity) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker_entity TEXT,
            speaker_name TEXT,
            speaker_gender TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_text TEXT,
            cue TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            confidence REAL NOT NULL,
            FOREIGN KEY (document_id, speaker_entity) REFERENCES entities(document_id, entity)
        );
        CREATE INDEX quotes_document ON quotes(document_id);
        CREATE INDEX quotes_speaker ON quotes(speaker_name, speaker_entity, speaker_gender, document_id);
        CREATE TABLE summaries (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            sentences TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE VIEW quotes_by_speaker AS
            SELECT speaker_name AS speaker,
                   CASE WHEN sum(speaker_gender = 'f') > sum(speaker_gender = 'm') THEN 'women'
                        WHEN sum(speaker_gender = 'm') > sum(speaker_gender = 'f') THEN 'men'
                        ELSE 'unknown' END AS gender,
                   count(*) AS quotes, count(DISTINCT document_id) AS documents
            FROM quotes WHERE speaker_entity IS NOT NULL
            GROUP BY speaker_name;
        CREATE VIEW quotes_by_gender AS
            SELECT gender, sum(quotes) AS quotes, count(*) AS sources FROM (
                SELECT CASE WHEN sum(speaker_gender = 'f') > sum(speaker_gender = 'm') THEN 'women'
                            WHEN sum(speaker_gender = 'm') > sum(speaker_gender = 'f') THEN 'men'
                            ELSE 'unknown' END AS gender,
                       count(*) AS quotes
                FROM quotes WHERE speaker_name IS NOT NULL
                GROUP BY CASE WHEN speaker_entity IS NULL THEN document_id || '/' || speaker_name ELSE speaker_name END)
            GROUP BY gender;
        CREATE VIEW quotes_by_folder AS
            SELECT d.folder AS folder, count(*) AS quotes,
                   sum(q.speaker_gender = 'f') AS women, sum(q.speaker_gender = 'm') AS men,
                   sum(q.speaker_name IS NOT NULL AND q.speaker_gender IS NULL) AS unknown,
                   sum(q.speaker_name IS NULL) AS no_speaker
            FROM quotes q JOIN documents d ON d.id = q.document_id
            GROUP BY d.folder;
        """

    // MARK: Writing

    /// Records a value of the `meta` table (the folder read, the task, the offset unit…).
    public func setMeta(_ values: [String: String]) throws {
        try CorpusStore.wrap(path) {
            try queue.write { db in
                for (k, v) in values.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
                }
            }
        }
    }

    public func meta(_ key: String) throws -> String? {
        try CorpusStore.wrap(path) { try queue.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) } }
    }

    /// Writes `records` in one transaction (see `load`).
    public func write(_ records: [CorpusRecord]) throws {
        var rest = records[...]
        try load(commitEvery: Int.max, interval: .infinity) { rest.popFirst() }
    }

    /// Writes the records `next` gives, in order, until it gives nil.
    /// A record stored before under the same source is replaced. Records are committed in transactions of
    /// `commitEvery` records, or fewer once `interval` seconds have passed since the transaction began, and at
    /// the end: a run that is killed keeps every transaction it committed. A record SQLite refuses is stored as
    /// an error of its document and the others are kept: the transaction is rolled back and its records written
    /// again one savepoint each (a savepoint per record costs time, so it is only paid when a record fails).
    ///
    /// `next` may wait for its next record; the transaction stays open meanwhile (the store has no other writer).
    public func load(commitEvery: Int = 256, interval: Double = 1, _ next: () -> CorpusRecord?) throws {
        try CorpusStore.wrap(path) {
            try queue.writeWithoutTransaction { db in
                // SQLite's check of every row's foreign keys (a key lookup in the parent per mention and quote)
                // cost a fifth of a batch's time: during the load `Inserts` checks them itself, from the record,
                // and removes a replaced document's rows itself (no cascade).
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                // The indexes take rows in the order of their keys (names, speakers), not of the documents, so a
                // load touches pages all over them: a cache of up to 64 MB (SQLite's default is 2 MB), taken
                // only as the store grows, keeps them in memory instead of reading them back from the WAL.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                do {
                    let statements = try Inserts(db)
                    var open: [CorpusRecord] = []
                    var began = 0.0
                    while let r = next() {
                        if open.isEmpty {
                            try db.beginTransaction(.immediate)
                            began = CorpusStore.now()
                        }
                        open.append(r)
                        do {
                            try statements.insert(r, db)
                        } catch is DatabaseError {
                            try db.rollback()
                            try db.inTransaction(.immediate) {
                                try statements.insertEach(open, db)
                                return .commit
                            }
                            open.removeAll(keepingCapacity: true)
                            continue
                        }
                        if open.count >= commitEvery || CorpusStore.now() - began >= interval {
                            try db.commit()
                            open.removeAll(keepingCapacity: true)
                        }
                    }
                    if !open.isEmpty { try db.commit() }
                } catch {
                    try? db.rollback()
                    throw error
                }
            }
        }
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The statements that write a record, prepared once per `load` (GRDB's statement cache) and run through
    /// SQLite's C functions (`RowInsert`).
    ///
    /// The rows of entities, mentions and quotes go `rowsPerStatement` at a time through one statement of that
    /// many rows (the rest one by one): each run of a statement opens and closes a cursor on its table and on
    /// each index, which cost as much as the rows themselves. Mentions are most of a store's rows.
    struct Inserts {
        static let rowsPerStatement = 8
        let find, document, summary: Statement
        let entity, mention, quote: Rows
        /// The rows of a stored document, children first.
        let deletes: [Statement]
        let arena = BindArena()

        /// A table's insert of one row and of `rowsPerStatement` rows.
        struct Rows {
            let one, many: Statement
            init(_ db: Database, _ head: String, columns: Int) throws {
                let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
                one = try db.cachedStatement(sql: head + " VALUES " + row)
                many = try db.cachedStatement(sql: head + " VALUES " + Array(repeating: row, count: Inserts.rowsPerStatement).joined(separator: ", "))
            }
        }

        init(_ db: Database) throws {
            find = try db.cachedStatement(sql: "SELECT id FROM documents WHERE source = ?")
            deletes = try ["mentions", "quotes", "entities", "summaries", "documents"].map { table in
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(table == "documents" ? "id" : "document_id") = ?")
            }
            document = try db.cachedStatement(sql: "INSERT INTO documents(source, folder, language, title, sentences, tone_score, tone_label, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            // OR FAIL: a statement of several rows that fails keeps the rows before the failing one, so SQLite
            // needs no statement journal (with the default ABORT it copied every page the statement touched
            // into a temporary file first, which cost more than the rows). A failure rolls back the whole
            // transaction anyway (`load`).
            entity = try Rows(db, "INSERT OR FAIL INTO entities(document_id, entity, name, type, source, gender, mentions, refs, stance_score, stance_label)", columns: 10)
            // A mention is its key (document, entity, span, kind): the same one twice is one row.
            mention = try Rows(db, "INSERT OR IGNORE INTO mentions(document_id, entity, kind, start, end, text)", columns: 6)
            quote = try Rows(db, """
                INSERT OR FAIL INTO quotes(document_id, kind, start, end, text, speaker_entity, speaker_name, speaker_gender,
                                   speaker_start, speaker_end, speaker_text, cue, cue_start, cue_end, confidence)
                """, columns: 15)
            summary = try db.cachedStatement(sql: "INSERT INTO summaries(document_id, sentences, text) VALUES (?, ?, ?)")
        }

        /// Writes each record in a savepoint of its own: a record SQLite refuses is stored as an error of its
        /// document instead, and the others are kept.
        func insertEach(_ records: [CorpusRecord], _ db: Database) throws {
            for r in records {
                do {
                    try db.inSavepoint {
                        try insert(r, db)
                        return .commit
                    }
                } catch let error as DatabaseError where r.error == nil {
                    try insert(CorpusRecord(source: r.source, folder: r.folder, error: "could not be stored: \(error.message ?? "\(error.resultCode)")"), db)
                }
            }
        }

        /// Inserts `count` rows of `table`, `bind` binding the values of row `i`.
        private func insert(_ count: Int, into table: Rows, _ db: Database, _ bind: (Int, inout RowInsert) -> Void) throws {
            let per = Inserts.rowsPerStatement
            var i = 0
            while count - i >= per {
                var row = RowInsert(db, table.many, arena)
                for j in i..<(i + per) { bind(j, &row) }
                try row.run()
                i += per
            }
            while i < count {
                var row = RowInsert(db, table.one, arena)
                bind(i, &row)
                try row.run()
                i += 1
            }
        }

        func insert(_ r: CorpusRecord, _ db: Database) throws {
            // The foreign keys, checked here: every quote's speaker is an entity of its document.
            var genders: [String: String?] = [:]
            if r.quotes.contains(where: { $0.speakerEntity != nil }) {
                for e in r.entities { genders[e.id] = e.gender }
                if let q = r.quotes.first(where: { $0.speakerEntity.map { genders[$0] == nil } ?? false }) {
                    throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                        message: "FOREIGN KEY constraint failed: the speaker \(q.speakerEntity ?? "") is no entity of the document")
                }
            }
            // A document stored before (a retried error, a second run): its rows go first.
            if let old = try Int.fetchOne(find, arguments: [r.source]) {
                for statement in deletes { try statement.execute(arguments: [old]) }
            }
            var document = RowInsert(db, self.document, arena)
            document.bind(r.source); document.bind(r.folder); document.bind(r.language); document.bind(r.title)
            document.bind(r.sentences); document.bind(r.toneScore); document.bind(r.toneLabel); document.bind(r.error)
            try document.run()
            let doc = Int(db.lastInsertedRowID)
            try insert(r.entities.count, into: entity, db) { i, row in
                let e = r.entities[i]
                row.bind(doc); row.bind(e.id); row.bind(e.name); row.bind(e.type); row.bind(e.source); row.bind(e.gender)
                row.bind(e.mentions.count); row.bind(e.references.count); row.bind(e.stanceScore); row.bind(e.stanceLabel)
            }
            // Every entity's names, then its references.
            var owners: [(entity: Int, mention: Int)] = []
            for (k, e) in r.entities.enumerated() {
                for m in 0..<(e.mentions.count + e.references.count) { owners.append((k, m)) }
            }
            try insert(owners.count, into: mention, db) { i, row in
                let e = r.entities[owners[i].entity], k = owners[i].mention
                let m = k < e.mentions.count ? e.mentions[k] : e.references[k - e.mentions.count]
                row.bind(doc); row.bind(e.id); row.bind(m.kind); row.bind(m.start); row.bind(m.end); row.bind(m.text)
            }
            try insert(r.quotes.count, into: quote, db) { i, row in
                let q = r.quotes[i]
                row.bind(doc); row.bind(q.kind); row.bind(q.start); row.bind(q.end); row.bind(q.text); row.bind(q.speakerEntity)
                row.bind(q.speakerName); row.bind(q.speakerEntity.flatMap { genders[$0] ?? nil }); row.bind(q.speakerStart)
                row.bind(q.speakerEnd); row.bind(q.speakerText); row.bind(q.cue); row.bind(q.cueStart); row.bind(q.cueEnd)
                row.bind(q.confidence)
            }
            if let s = r.summarySentences {
                var row = RowInsert(db, summary, arena)
                row.bind(doc); row.bind("[" + s.map(String.init).joined(separator: ",") + "]"); row.bind(r.summaryText ?? "")
                try row.run()
            }
        }
    }

    // MARK: Reading

    /// The sources stored without an error: `--resume` skips them (the others are analysed again).
    public func completedSources() throws -> Set<String> {
        try CorpusStore.wrap(path) { try queue.read { try String.fetchSet($0, sql: "SELECT source FROM documents WHERE error IS NULL") } }
    }

    /// The number of rows of each table, by table name.
    public func counts() throws -> [String: Int] {
        try CorpusStore.wrap(path) {
            try queue.read { db in
                var out: [String: Int] = [:]
                for t in ["documents", "entities", "mentions", "quotes", "summaries"] {
                    out[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0
                }
                return out
            }
        }
    }

    /// Runs `body` on the database, read only; SQLite's errors name the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try CorpusStore.wrap(path) { try queue.read(body) }
    }
}

// MARK: - A JSON Lines file of reports

extension CorpusStore {
    /// A line of a JSON Lines file that is not a report, and why.
    public struct SkippedLine: Sendable {
        public var line: Int
        public var message: String
    }

    /// A store in memory holding the reports of a JSON Lines file (`batch`'s output), so that `stats` reads
    /// both kinds of input the same way. A source present on several lines keeps its last line. The folder of
    /// each report is its first folder under `root`, by default the deepest folder holding every source.
    public static func importing(reports bytes: [UInt8], root: String?) throws -> (store: CorpusStore, skipped: [SkippedLine]) {
        var records: [CorpusRecord] = []
        var skipped: [SkippedLine] = []
        var start = 0, number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            number += 1
            var line = Array(bytes[start..<end])
            if number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            if line.last == 0x0D { line.removeLast() }
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                do {
                    records.append(try CorpusRecord(reportLine: line, root: "", fallbackSource: "line \(number)"))
                } catch let e as NewsNLPError {
                    skipped.append(SkippedLine(line: number, message: e.problem))
                }
            }
            start = end + 1
        }
        let base = root ?? commonFolder(records.map(\.source))
        for k in records.indices { records[k].folder = CorpusRecord.folder(of: records[k].source, under: base) }
        let store = try CorpusStore(path: nil, mode: .create)
        try store.write(records)
        try store.setMeta(["root": base])
        return (store, skipped)
    }

    /// The deepest folder that holds every path ("" when they share none).
    static func commonFolder(_ paths: [String]) -> String {
        guard var prefix = paths.first.map({ Array($0.utf8) }) else { return "" }
        for p in paths.dropFirst() {
            let u = Array(p.utf8)
            var n = 0
            while n < prefix.count && n < u.count && prefix[n] == u[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        // Cut at the last "/" of the common part.
        guard let slash = prefix.lastIndex(of: 0x2F) else { return "" }
        return String(decoding: prefix[..<slash], as: UTF8.self)
    }
}

/// One row (or group of rows) written through a statement of GRDB's cache, its values bound with SQLite's C
/// functions (`Statement.sqliteStatement`, GRDB's "Raw SQLite Pointers"): the rows of a report are written without
/// boxing each value. Text is copied once, into `arena`, and bound there without SQLite's own copy
/// (`SQLITE_STATIC`); the arena is emptied when the statement has run, before any other statement binds.
struct RowInsert {
    private let db: Database
    private let statement: SQLiteStatement
    private let arena: BindArena
    private var index: Int32 = 0

    init(_ db: Database, _ statement: Statement, _ arena: BindArena) {
        self.db = db
        self.statement = statement.sqliteStatement
        self.arena = arena
    }

    mutating func bind(_ v: Int) {
        index += 1
        sqlite3_bind_int64(statement, index, Int64(v))
    }

    mutating func bind(_ v: Int?) {
        if let v { bind(v) } else { index += 1; sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ v: Double?) {
        index += 1
        if let v { sqlite3_bind_double(statement, index, v) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ v: String?) {
        index += 1
        guard let v else { sqlite3_bind_null(statement, index); return }
        let (bytes, count) = arena.copy(v)
        // SQLITE_STATIC (a null destructor): the bytes stay in the arena until the statement has run.
        sqlite3_bind_text(statement, index, bytes, count, nil)
    }

    /// Runs the statement and leaves it ready for the next row (every parameter is bound again then).
    func run() throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        arena.reset()
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

/// The bytes of the strings bound to the statement being filled (`RowInsert`): blocks that never move while
/// they are in use, reused from one statement to the next.
final class BindArena {
    private var blocks: [(base: UnsafeMutablePointer<CChar>, size: Int)] = []
    private var block = 0
    private var used = 0
    private static let blockSize = 1 << 16

    deinit {
        for b in blocks { b.base.deallocate() }
    }

    /// A copy of `s`'s UTF-8 bytes, valid until `reset()`.
    func copy(_ s: String) -> (UnsafePointer<CChar>, Int32) {
        var s = s
        return s.withUTF8 { u in
            let n = u.count
            while block < blocks.count && blocks[block].size - used < n {
                block += 1
                used = 0
            }
            if block == blocks.count {
                blocks.append((UnsafeMutablePointer<CChar>.allocate(capacity: max(BindArena.blockSize, n)), max(BindArena.blockSize, n)))
                used = 0
            }
            let at = blocks[block].base + used
            if let from = u.baseAddress { UnsafeMutableRawPointer(at).copyMemory(from: from, byteCount: n) }
            used += n
            return (UnsafePointer(at), Int32(n))
        }
    }

    /// Every copy is free again.
    func reset() {
        block = 0
        used = 0
    }
}
