#if canImport(Glibc)
import Glibc
#endif

/// Reads a user's lexicon folder (`--lexicons DIR`), laid out like `Lexicons/`: `entities/*.tsv`,
/// `fr/stopwords`, … Every regular file below it is read; names are relative to the folder.
public enum LexiconDirectory {
    public static func read(_ root: String) throws -> [LexiconFile] {
        var st = stat()
        guard stat(root, &st) == 0 else { throw NewsNLPError(.noInput, file: root, "no such lexicon folder") }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw NewsNLPError(.usage, file: root, "is not a folder", remedy: .giveLexiconFolder) }
        var out: [LexiconFile] = []
        try walk(root, "", &out, depth: 0)
        return out.sorted { $0.name < $1.name }
    }

    private static func walk(_ root: String, _ relative: String, _ out: inout [LexiconFile], depth: Int) throws {
        guard depth < 8 else { return }
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(path) else { throw NewsNLPError(.ioError, file: path, "cannot open the folder") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        for name in names.sorted() {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + rel
            var st = stat()
            guard stat(full, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                try walk(root, rel, &out, depth: depth + 1)
            } else if (st.st_mode & S_IFMT) == S_IFREG, !name.hasSuffix(".md") {
                let bytes = try FileReader.read(full)
                guard TextDecoder.firstInvalidUTF8(bytes[...]) == nil else {
                    throw NewsNLPError(.invalidData, file: full, "lexicon files must be UTF-8")
                }
                out.append(LexiconFile(name: rel, origin: full, bytes: bytes))
            }
        }
    }
}
