#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyse or summarise every *.txt, *.md and *.html file under a folder: one JSON report per line, or a SQLite store.",
            usage: "newsnlp batch [<options>] <folder>",
            discussion: """
            Files are read recursively in sorted order (symbolic links to folders are not followed) and written \
            in that order whatever --jobs. A file that cannot be read becomes a line \
            {"schemaVersion":1,"id":null,"source":…,"error":…} and the run goes on. An *.html or *.htm page is read \
            through `newsnlp extract`'s reader: its line carries the article's "text", into which offsets count. \
            A progress bar is shown on \
            standard error when it is a terminal, then a count of successes and failures.

            Exit status: 0 when every file succeeded, 1 when some failed (all the others were written).

            With --out FILE.sqlite (or .db, or --store sqlite) the reports go into a SQLite store instead, for \
            newsnlp stats and the sqlite3 shell (README.md, "The corpus store"); the task is then analyze unless \
            --task says otherwise. A store of another schema version is refused (exit 65).
            """
        )

        @OptionGroup var common: CommonOptions

        @Option(help: "What to compute for each file: summarize (sentences and summary) or analyze (the whole report); default: summarize into JSON Lines, analyze into a store.")
        var task: BatchTask?

        @Option(help: "How to write: jsonl or sqlite (default: sqlite when --out ends in .sqlite or .db).")
        var store: BatchStore?

        @Option(help: "Worker threads (default: the number of cores).")
        var jobs: Int?

        @Option(help: ArgumentHelp("Write the JSON Lines to this file instead of standard output.", valueName: "file"))
        var out: String?

        @Flag(help: "Skip the files already in --out without an error, and add the others (failed files are tried again).")
        var resume = false

        @Option(name: .customLong("summary-sentences"), help: "Sentences in each summary.")
        var summarySentences: Int = 3

        @Flag(help: "Include tokens in each report.")
        var tokens = false

        @Argument(help: "The folder to read.")
        var folder: String

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
            if resume && out == nil { throw ValidationError("--resume needs --out FILE (the file to resume)") }
            if storeKind == .sqlite && out == nil { throw ValidationError("a SQLite store needs --out FILE") }
            guard summarySentences >= 0 else { throw ValidationError("--summary-sentences must be 0 or more") }
        }

        func run() throws {
            var failures = 0
            try reportingErrors {
                failures = try BatchRun(self).run()
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

enum BatchTask: String, ExpressibleByArgument, CaseIterable {
    case summarize, analyze
}

enum BatchStore: String, ExpressibleByArgument, CaseIterable {
    case jsonl, sqlite
}

extension NewsNLPCommand.Batch {
    /// The kind of output: --store, else by the extension of --out.
    var storeKind: BatchStore {
        if let store { return store }
        guard let out else { return .jsonl }
        let lower = out.lowercased()
        return lower.hasSuffix(".sqlite") || lower.hasSuffix(".db") || lower.hasSuffix(".sqlite3") ? .sqlite : .jsonl
    }

    var effectiveTask: BatchTask { task ?? (storeKind == .sqlite ? .analyze : .summarize) }
}

/// One `newsnlp batch` run: list the files, analyse them on worker threads, write the lines in input order.
///
/// Workers claim files in order from a shared counter and may run at most `window` files ahead of the next line
/// to write, so memory stays bounded whatever the size of the corpus. Whichever worker completes the next
/// line to write also writes every line ready after it.
struct BatchRun {
    let command: NewsNLPCommand.Batch

    init(_ command: NewsNLPCommand.Batch) {
        self.command = command
    }

    /// Returns the number of files that failed.
    func run() throws -> Int {
        Console.ignoreSIGPIPE()
        let lexicons = try command.common.loadLexicons()
        var root = command.folder
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        var files = try FileWalker.articles(under: root)
        var skipped = 0
        let task = command.effectiveTask
        let output: BatchOutput
        var toStore = false
        if let out = command.out {
            let done: Set<String>
            if command.storeKind == .sqlite {
                let store = try CorpusStore(path: out, mode: command.resume ? .resume : .create)
                try store.setMeta(["root": root, "task": task.rawValue, "offsetUnit": command.common.offsets.rawValue,
                                   "reportSchemaVersion": String(ReportWriter.schemaVersion)])
                done = command.resume ? try store.completedSources() : []
                output = StoreOutput(store)
                toStore = true
            } else {
                done = command.resume ? try OutputFile.prepareResume(out) : []
                output = LinesOutput(try OutputFile(path: out, append: command.resume))
            }
            if !done.isEmpty {
                let before = files.count
                files.removeAll { done.contains($0.path) }
                skipped = before - files.count
            }
        } else {
            output = LinesOutput(OutputFile(fd: 1))
        }
        let layers: Set<AnalysisOptions.Layer> = task == .summarize ? [.summary] : Set(AnalysisOptions.Layer.allCases)
        var content: ReportContent = task == .summarize ? [.sentences, .summary] : .standard
        if command.tokens { content.insert(.tokens) }
        let options = command.common.analysisOptions(layers: layers, summary: .sentences(command.summarySentences))
        let writer = ReportWriter(unit: command.common.offsets, content: content)
        let jobs = max(1, min(command.jobs ?? BatchRun.cores, max(files.count, 1)))
        let state = BatchState(count: files.count, window: jobs * 8, output: output,
                               progress: Console.stderrIsTerminal ? Progress(total: files.count) : nil)
        let lossy = command.common.lossy
        let paths = files
        let storeRoot: String? = toStore ? root : nil
        if jobs > 1 { Analyzer(options: options, lexicons: lexicons).prepare() }
        let work: @Sendable (Int) -> Void = { _ in
            let analyzer = Analyzer(options: options, lexicons: lexicons)
            while let i = state.claim() {
                let result = BatchRun.process(paths[i], analyzer: analyzer, writer: writer, lossy: lossy,
                                              folder: storeRoot.map { CorpusRecord.folder(of: paths[i].path, under: $0) })
                state.complete(i, item: result.item, failure: result.failure.map { (paths[i].path, $0) })
            }
        }
        if jobs == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: work) }
        try state.finish()
        var message = "batch: \(state.succeeded) succeeded, \(state.failed) failed"
        if skipped > 0 { message += ", \(skipped) skipped (already in \(command.out!))" }
        Console.warn(message)
        let failures = state.failures.sorted { $0.index < $1.index }
        for f in failures.prefix(10) { Console.warn("  failed: \(f.source): \(f.reason)") }
        if failures.count > 10 { Console.warn("  … and \(failures.count - 10) more failed files (their lines carry \"error\")") }
        return state.failed
    }

    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The report of one file (a JSON line, or a store record when `folder` is given), or its error, with the
    /// reason of the failure.
    static func process(_ file: FileWalker.Article, analyzer: Analyzer, writer: ReportWriter, lossy: Bool,
                        folder: String?) -> (item: BatchItem, failure: String?) {
        let path = file.path
        let message: String
        do {
            let bytes = try file.bytes.map { try FileReader.read(pathBytes: $0, name: path) } ?? FileReader.read(path)
            let read = try ArticleInput.read(bytes, name: path, path: path, lossy: lossy, lexicons: analyzer.lexicons)
            let document = analyzer.analyze(read.text, source: path)
            if let folder { return (.record(CorpusRecord(document: document, source: path, folder: folder, writer: writer)), nil) }
            if read.html != nil {
                // Offsets count into the article taken from the page: the line carries that text.
                var pageWriter = writer
                pageWriter.content.insert(.text)
                return (.line(pageWriter.json(document)), nil)
            }
            return (.line(writer.json(document)), nil)
        } catch let error as NewsNLPError {
            message = error.message
        } catch {
            message = "\(error)"
        }
        if let folder { return (.record(CorpusRecord(source: path, folder: folder, error: message)), message) }
        return (.line(ErrorLine.json(id: nil, source: path, line: nil, message: message)), message)
    }
}

/// What a worker hands to the ordered writer for one file.
enum BatchItem: Sendable {
    case line([UInt8])
    case record(CorpusRecord)
}

/// Where the ordered writer puts each file's result; called under the batch's lock, from one thread at a time.
protocol BatchOutput: AnyObject {
    func write(_ item: BatchItem) throws
    func finish() throws
}

/// JSON Lines, to standard output or a file.
final class LinesOutput: BatchOutput {
    private var file: OutputFile
    init(_ file: OutputFile) { self.file = file }

    func write(_ item: BatchItem) throws {
        if case .line(let bytes) = item { try file.write(bytes) }
    }

    func finish() throws { try file.flush() }
}

/// A SQLite store, written by a thread of its own (`CorpusStore.load`): the ordered writer only hands each record
/// over, and the workers go on analysing while SQLite writes. Records are committed every 256 files or every
/// second, so that a run that is killed keeps what it committed and costs one transaction per batch, not per file.
final class StoreOutput: BatchOutput, @unchecked Sendable {
    private let store: CorpusStore
    /// Deep enough that the workers go on while the store's thread waits for the disk (a WAL checkpoint and its
    /// fsyncs can take a few hundred milliseconds on a busy machine); a record is a few kilobytes.
    private let records = RecordChannel(capacity: 1024)
    private let done = DispatchSemaphore(value: 0)
    /// Set by the writing thread before it signals `done`.
    private var loadError: NewsNLPError?

    init(_ store: CorpusStore) {
        self.store = store
        Thread.detachNewThread { [self] in
            do {
                try self.store.load(commitEvery: 256, interval: 1) { records.take() }
            } catch let e as NewsNLPError {
                loadError = e
            } catch {
                loadError = NewsNLPError(.ioError, file: self.store.path, "\(error)")
            }
            records.fail()
            done.signal()
        }
    }

    func write(_ item: BatchItem) throws {
        guard case .record(let r) = item else { return }
        if !records.put(r) { try finish() }
    }

    /// Waits until every record is written and the indexes are made.
    func finish() throws {
        records.close()
        done.wait()
        done.signal()
        if let loadError { throw loadError }
    }
}

/// Records on their way from the ordered writer to the store's thread: a bounded queue under one lock.
///
/// The store's thread takes records a group at a time: it is woken when `group` records wait (or the queue is
/// closed), or after `patience` seconds with whatever is there, so that a slow stream of large documents is
/// still written within a moment. Waking the thread for every record (a futex call and a context switch each,
/// with the record's memory read on the other core) cost more CPU than the rows themselves on 2 cores.
final class RecordChannel: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    /// Signalled to the reader when a group is ready or the queue closes.
    private var ready = pthread_cond_t()
    /// Signalled to the writers when room is made or the reader stops.
    private var room = pthread_cond_t()
    private var ring: [CorpusRecord?]
    private var head = 0
    private var count = 0
    private var closed = false
    private var failed = false
    private var writersWaiting = 0
    private let group: Int
    private let patience: Double
    /// The reader's records taken from the ring and not yet handed out (only the reader touches them).
    private var taken: [CorpusRecord] = []
    private var nextTaken = 0

    init(capacity: Int, group: Int = 32, patience: Double = 0.25) {
        ring = Array(repeating: nil, count: capacity)
        self.group = max(1, min(group, capacity))
        self.patience = patience
        pthread_mutex_init(&mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(&ready, &attributes)
        pthread_condattr_destroy(&attributes)
        pthread_cond_init(&room, nil)
    }

    deinit {
        pthread_cond_destroy(&ready)
        pthread_cond_destroy(&room)
        pthread_mutex_destroy(&mutex)
    }

    /// Queues `r`, waiting while the queue is full; false when the reader has stopped.
    func put(_ r: CorpusRecord) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while count == ring.count && !failed {
            writersWaiting += 1
            pthread_cond_signal(&ready)
            pthread_cond_wait(&room, &mutex)
            writersWaiting -= 1
        }
        if failed { return false }
        ring[(head + count) % ring.count] = r
        count += 1
        if count == group { pthread_cond_signal(&ready) }
        return true
    }

    /// The next record, waiting for it; nil once the channel is closed and empty. Called by one reader.
    func take() -> CorpusRecord? {
        if nextTaken < taken.count {
            defer { nextTaken += 1 }
            return taken[nextTaken]
        }
        taken.removeAll(keepingCapacity: true)
        nextTaken = 0
        pthread_mutex_lock(&mutex)
        var deadline = RecordChannel.deadline(after: patience)
        while count < group && !closed {
            if pthread_cond_timedwait(&ready, &mutex, &deadline) == ETIMEDOUT {
                if count > 0 { break }
                deadline = RecordChannel.deadline(after: patience)
            }
        }
        while count > 0 {
            taken.append(ring[head]!)
            ring[head] = nil
            head = (head + 1) % ring.count
            count -= 1
        }
        if writersWaiting > 0 { pthread_cond_broadcast(&room) }
        pthread_mutex_unlock(&mutex)
        guard !taken.isEmpty else { return nil }
        nextTaken = 1
        return taken[0]
    }

    private static func deadline(after seconds: Double) -> timespec {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let ns = Int(ts.tv_nsec) + Int(seconds * 1e9)
        ts.tv_sec += ns / 1_000_000_000
        ts.tv_nsec = ns % 1_000_000_000
        return ts
    }

    /// No more records will come.
    func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&ready)
        pthread_mutex_unlock(&mutex)
    }

    /// The reader has stopped: writers no longer wait.
    func fail() {
        pthread_mutex_lock(&mutex)
        failed = true
        pthread_cond_broadcast(&room)
        pthread_mutex_unlock(&mutex)
    }
}

/// The ordered hand-over between workers and the output, under one lock.
final class BatchState: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var room = pthread_cond_t()
    private let count: Int
    private let window: Int
    private var nextToClaim = 0
    private var nextToWrite = 0
    /// Results done but not yet written, by index modulo the window.
    private var pending: [BatchItem?]
    private let output: BatchOutput
    private var progress: Progress?
    private var writeError: NewsNLPError?
    private(set) var succeeded = 0
    private(set) var failed = 0
    /// The files that failed and why, with their index in the run.
    private(set) var failures: [(index: Int, source: String, reason: String)] = []

    init(count: Int, window: Int, output: BatchOutput, progress: Progress?) {
        self.count = count
        self.window = window
        self.output = output
        self.progress = progress
        self.pending = Array(repeating: nil, count: window)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&room, nil)
    }

    deinit {
        pthread_cond_destroy(&room)
        pthread_mutex_destroy(&mutex)
    }

    /// The next file to process, waiting while the workers are a whole window ahead of the output; nil when
    /// every file is taken (or writing failed).
    func claim() -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while nextToClaim < count && nextToClaim >= nextToWrite + window && writeError == nil {
            pthread_cond_wait(&room, &mutex)
        }
        guard nextToClaim < count, writeError == nil else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    /// Hands in file `i`'s result and writes every result that is now next in order.
    func complete(_ i: Int, item: BatchItem, failure: (source: String, reason: String)?) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let failure {
            failed += 1
            failures.append((i, failure.source, failure.reason))
        } else {
            succeeded += 1
        }
        pending[i % window] = item
        var wrote = false
        while nextToWrite < count, let ready = pending[nextToWrite % window] {
            pending[nextToWrite % window] = nil
            nextToWrite += 1
            wrote = true
            if writeError == nil {
                do { try output.write(ready) } catch let e as NewsNLPError { writeError = e } catch { writeError = NewsNLPError(.ioError, "\(error)") }
            }
        }
        if wrote {
            progress?.update(done: nextToWrite)
            pthread_cond_broadcast(&room)
        }
    }

    /// Flushes the output and clears the progress bar.
    func finish() throws {
        progress?.clear()
        if let writeError { throw writeError }
        try output.finish()
    }
}

/// JSON Lines output to a file descriptor, through a 64 KB buffer.
struct OutputFile {
    private let fd: Int32
    private let name: String
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        self.name = "<stdout>"
        buffer.reserveCapacity(1 << 16)
    }

    /// Opens (creates) `path`; with `append`, a last line cut short by an interrupted run is dropped first.
    init(path: String, append: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | (append ? 0 : O_TRUNC), 0o644)
        if fd < 0 { throw NewsNLPError(.ioError, file: path, "cannot write: \(String(cString: strerror(errno)))") }
        if append {
            // Keep whole lines only, then write at the end.
            var st = stat()
            if fstat(fd, &st) == 0, st.st_size > 0 {
                let keep = OutputFile.wholeLinesLength(path)
                if keep < Int(st.st_size) { _ = ftruncate(fd, off_t(keep)) }
            }
            lseek(fd, 0, SEEK_END)
        }
        self.fd = fd
        self.name = path
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ line: [UInt8]) throws {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    mutating func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                if e == EPIPE && fd == 1 { Glibc.exit(0) }
                throw NewsNLPError(.ioError, file: name, "write error: \(String(cString: strerror(e)))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The length of the file's content up to its last line break.
    static func wholeLinesLength(_ path: String) -> Int {
        guard let bytes = try? FileReader.read(path) else { return 0 }
        return (bytes.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
    }

    /// Prepares `path` for `--resume`: keeps one whole line per source, dropping error lines (their files are
    /// tried again), repeated sources and a last line cut short, by writing the kept lines to a temporary file
    /// that then replaces `path` (rename). Returns the sources kept; empty when the file does not exist.
    static func prepareResume(_ path: String) throws -> Set<String> {
        if access(path, F_OK) != 0 { return [] }
        let bytes = try FileReader.read(path)
        var kept = Set<String>()
        var keep: [Range<Int>] = []
        var dropped = false
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            if end < bytes.count, let source = sourceField(line), !isErrorLine(line), !kept.contains(source) {
                kept.insert(source)
                keep.append(start..<(end + 1))
            } else {
                dropped = true
            }
            start = end + 1
        }
        guard dropped else { return kept }
        let temporary = path + ".resume-\(getpid())"
        var out = try OutputFile(path: temporary, append: false)
        for r in keep { try out.write(Array(bytes[r.lowerBound..<(r.upperBound - 1)])) }
        try out.flush()
        try out.sync()
        if rename(temporary, path) != 0 {
            let e = errno
            unlink(temporary)
            throw NewsNLPError(.ioError, file: path, "cannot replace: \(String(cString: strerror(e)))")
        }
        return kept
    }

    /// Whether a line is `batch`'s error line: a top-level "error" key (inside a string its quotes would be
    /// escaped, and reports have no such key).
    static func isErrorLine(_ line: ArraySlice<UInt8>) -> Bool {
        let key = Array(#""error":"#.utf8)
        var i = line.startIndex
        while i + key.count <= line.endIndex {
            if line[i] == 0x22 && i > line.startIndex && (line[i - 1] == 0x2C || line[i - 1] == 0x7B)
                && line[i..<(i + key.count)].elementsEqual(key) { return true }
            i += 1
        }
        return false
    }

    /// Waits until the written bytes are on disk.
    func sync() throws {
        if fsync(fd) != 0 { throw NewsNLPError(.ioError, file: name, "cannot sync: \(String(cString: strerror(errno)))") }
        close(fd)
    }

    /// The value of the first `"source":"…"` of a report line (it comes before any text of the document).
    static func sourceField(_ line: ArraySlice<UInt8>) -> String? {
        let key = Array(#""source":""#.utf8)
        guard line.count > key.count else { return nil }
        var i = line.startIndex
        while i + key.count <= line.endIndex {
            if line[i] == key[0] && line[i..<(i + key.count)].elementsEqual(key) { break }
            i += 1
        }
        guard i + key.count <= line.endIndex else { return nil }
        var j = i + key.count
        var value: [UInt8] = []
        while j < line.endIndex {
            let c = line[j]
            if c == 0x22 { return String(decoding: value, as: UTF8.self) }
            if c == 0x5C, j + 1 < line.endIndex {
                j += 1
                switch line[j] {
                case 0x6E: value.append(0x0A)
                case 0x72: value.append(0x0D)
                case 0x74: value.append(0x09)
                case 0x75:
                    // \u00XX, the only form the writer uses
                    guard j + 4 < line.endIndex, let v = UInt8(String(decoding: line[(j + 1)...(j + 4)], as: UTF8.self), radix: 16) else { return nil }
                    value.append(v)
                    j += 4
                default: value.append(line[j])
                }
            } else {
                value.append(c)
            }
            j += 1
        }
        return nil
    }
}

/// Lists the articles of a folder.
enum FileWalker {
    /// A file to read: its path as shown (in reports and messages) and, when the path is not valid UTF-8, its
    /// bytes (a `String` cannot hold them: the shown path has U+FFFD in place of each bad sequence).
    struct Article: Sendable {
        var path: String
        var bytes: [UInt8]?
    }

    /// Every `*.txt`, `*.md`, `*.html` and `*.htm` file under `root`, recursively, sorted by the bytes of their paths.
    static func articles(under root: String) throws -> [Article] {
        var st = stat()
        if stat(root, &st) != 0 { throw FileReader.openErrorForBatch(root, errno) }
        if (st.st_mode & S_IFMT) != S_IFDIR { throw NewsNLPError(.noInput, file: root, "is not a folder (batch reads a folder of *.txt, *.md and *.html files)") }
        var out: [[UInt8]] = []
        try walk(Array(root.utf8), into: &out, top: true)
        out.sort { $0.lexicographicallyPrecedes($1) }
        return out.map { bytes in
            if let path = String(validating: bytes, as: UTF8.self) { return Article(path: path) }
            let shown = String(decoding: bytes, as: UTF8.self)
            Console.warn("\(shown): the file name is not valid UTF-8; its \"source\" shows U+FFFD in place of the bad bytes")
            return Article(path: shown, bytes: bytes)
        }
    }

    private static func walk(_ dir: [UInt8], into out: inout [[UInt8]], top: Bool) throws {
        guard let handle = withCPath(dir, { opendir($0) }) else {
            let e = errno
            let shown = String(decoding: dir, as: UTF8.self)
            if top { throw FileReader.openErrorForBatch(shown, e) }
            Console.warn("\(shown): cannot read the folder: \(String(cString: strerror(e))); skipped")
            return
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name: [UInt8] = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let path = (dir == [0x2F] ? [] : dir) + [0x2F] + name
            var st = stat()
            guard withCPath(path, { lstat($0, &st) }) == 0 else { continue }
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                try walk(path, into: &out, top: false)
            } else if isArticle(name) {
                if kind == S_IFLNK {
                    // A link to a folder is not followed; a broken or looping link is listed, to fail visibly.
                    var target = stat()
                    if withCPath(path, { stat($0, &target) }) == 0 && (target.st_mode & S_IFMT) == S_IFDIR { continue }
                }
                out.append(path)
            }
        }
    }

    private static func withCPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    static func isArticle(_ name: [UInt8]) -> Bool {
        name.ends(with: Array(".txt".utf8)) || name.ends(with: Array(".md".utf8)) || name.ends(with: Array(".html".utf8))
            || name.ends(with: Array(".htm".utf8))
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}

extension FileReader {
    static func openErrorForBatch(_ path: String, _ e: Int32) -> NewsNLPError {
        if e == ENOENT { return NewsNLPError(.noInput, file: path, "no such folder") }
        return NewsNLPError(.ioError, file: path, "cannot read: \(String(cString: strerror(e)))")
    }
}

/// A one-line progress bar on standard error: files done, files per second, time left.
struct Progress {
    let total: Int
    private let started = Progress.now()
    private var lastDraw = 0.0

    init(total: Int) {
        self.total = total
    }

    mutating func update(done: Int) {
        let t = Progress.now()
        guard t - lastDraw >= 0.1 || done == total else { return }
        lastDraw = t
        let elapsed = max(t - started, 1e-6)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        var line = "\r[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] "
        line += "\(done)/\(total) files  " + format(rate) + " files/s  " + clock(left) + " left\u{1B}[K"
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    func clear() {
        let bytes = Array("\r\u{1B}[K".utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    private func format(_ rate: Double) -> String {
        rate >= 100 ? String(Int(rate)) : String(Double(Int(rate * 10)) / 10)
    }

    private func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600):" + two((s / 60) % 60) + ":" + two(s % 60) : "\(s / 60):" + two(s % 60)
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
