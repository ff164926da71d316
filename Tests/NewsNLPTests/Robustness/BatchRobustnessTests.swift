import Testing
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `newsnlp batch` over folders with files that cannot be read, symbolic-link loops and file names that are not
/// UTF-8: one line per article file, in order; a file that fails becomes an error line and the others are written.
@Suite("Robustness: batch folders", .serialized)
struct BatchRobustnessTests {
    static func folder() -> String {
        let root = NSTemporaryDirectory() + "newsnlp-robust-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/a.txt", contents: Data("Le maire a parlé. Fin.".utf8))
        _ = FileManager.default.createFile(atPath: root + "/sub/z.md", contents: Data("# Titre\n\nUne phrase.".utf8))
        return root
    }

    func run(_ root: String, _ extra: [String] = []) throws -> (status: Int32, lines: [[String: Any]], stderr: String) {
        let r = try CLI.run(["batch", root, "--jobs", "2"] + extra)
        let lines = try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return (r.status, lines, r.stderr)
    }

    func line(_ lines: [[String: Any]], _ suffix: String) -> [String: Any]? {
        lines.first { ($0["source"] as? String)?.hasSuffix(suffix) == true }
    }

    @Test func fileThatCannotBeReadIsAnErrorLine() throws {
        let root = Self.folder()
        // /proc/self/mem fails with EIO when read from its start, for root too.
        try FileManager.default.createSymbolicLink(atPath: root + "/eio.txt", withDestinationPath: "/proc/self/mem")
        _ = FileManager.default.createFile(atPath: root + "/latin1.txt", contents: "Élysée.".data(using: .isoLatin1))
        let r = try run(root)
        #expect(r.status == 1)
        #expect(r.lines.count == 4)
        #expect(line(r.lines, "/eio.txt")?["error"] as? String == "read error: Input/output error")
        #expect((line(r.lines, "/latin1.txt")?["error"] as? String)?.hasPrefix("invalid UTF-8 at byte offset 0 (the file looks like Latin-1") == true)
        #expect(line(r.lines, "/a.txt")?["error"] == nil && line(r.lines, "/sub/z.md")?["error"] == nil)
        #expect(r.stderr.contains("batch: 2 succeeded, 2 failed"))
    }

    @Test(.enabled(if: BadFileTests.permissionsApply,
                   "the tests run as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reading, so no unreadable file or folder can be made"))
    func unreadableFileAndFolder() throws {
        let root = Self.folder()
        _ = FileManager.default.createFile(atPath: root + "/locked.txt", contents: Data("Secret.".utf8))
        chmod(root + "/locked.txt", 0)
        try FileManager.default.createDirectory(atPath: root + "/closed", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/closed/inside.txt", contents: Data("Caché.".utf8))
        chmod(root + "/closed", 0)
        defer { chmod(root + "/closed", 0o755) }
        let r = try run(root)
        #expect(r.status == 1)
        #expect(line(r.lines, "/locked.txt")?["error"] as? String == "permission denied: the file cannot be read")
        #expect(r.stderr.contains("\(root)/closed: cannot read the folder: Permission denied; skipped"))
        #expect(r.lines.count == 3)
    }

    @Test func symbolicLinkLoops() throws {
        let root = Self.folder()
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root + "/self.txt", withDestinationPath: root + "/self.txt")
        try fm.createSymbolicLink(atPath: root + "/ping.txt", withDestinationPath: "pong.txt")
        try fm.createSymbolicLink(atPath: root + "/pong.txt", withDestinationPath: "ping.txt")
        try fm.createSymbolicLink(atPath: root + "/sub/up", withDestinationPath: "..")          // a folder loop
        try fm.createSymbolicLink(atPath: root + "/sub/again.txt", withDestinationPath: "../a.txt")  // a link to a file is read
        try fm.createSymbolicLink(atPath: root + "/broken.txt", withDestinationPath: "nowhere.txt")
        let r = try run(root)
        #expect(r.status == 1)
        let sources = r.lines.map { String(($0["source"] as! String).dropFirst(root.count)) }
        #expect(sources == ["/a.txt", "/broken.txt", "/ping.txt", "/pong.txt", "/self.txt", "/sub/again.txt", "/sub/z.md"])
        for loop in ["/self.txt", "/ping.txt", "/pong.txt"] {
            #expect(line(r.lines, loop)?["error"] as? String == "too many levels of symbolic links", "\(loop)")
        }
        #expect(line(r.lines, "/broken.txt")?["error"] as? String == "no such file")
        #expect(line(r.lines, "/sub/again.txt")?["error"] == nil)
        #expect(r.stderr.contains("batch: 3 succeeded, 4 failed"))
    }

    @Test func fileNamesThatAreNotUTF8() throws {
        let root = Self.folder()
        // "caf\xE9.txt" (Latin-1) and "\xFF\xFE.md": created through the bytes of their names.
        for name in [Array("caf".utf8) + [0xE9] + Array(".txt".utf8), [0xFF, 0xFE] + Array(".md".utf8)] {
            let path = Array(root.utf8) + [0x2F] + name + [0]
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            #expect(fd >= 0)
            _ = Array("Le maire de Lyon a parlé.".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let r = try run(root)
        #expect(r.status == 0, "\(r.lines.compactMap { $0["error"] })")
        #expect(r.lines.count == 4)
        #expect(r.lines.allSatisfy { $0["error"] == nil })
        // The source shows each bad byte as U+FFFD (JSON strings are Unicode), and a warning names the file.
        #expect(line(r.lines, "/caf\u{FFFD}.txt")?["sentences"] is [Any])
        #expect(line(r.lines, "/\u{FFFD}\u{FFFD}.md") != nil)
        #expect(r.stderr.contains("\(root)/caf\u{FFFD}.txt: the file name is not valid UTF-8"))
        #expect(r.stderr.contains("batch: 4 succeeded, 0 failed"))
    }

    @Test func unwritableOutputAndMissingFolder() throws {
        let root = Self.folder()
        let out = try CLI.run(["batch", root, "--out", root + "/no/such/dir/out.jsonl"])
        #expect(out.status == 74)
        #expect(out.stderr.contains("newsnlp: \(root)/no/such/dir/out.jsonl: cannot write: No such file or directory"))
        let missing = try CLI.run(["batch", root + "/nope"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("newsnlp: \(root)/nope: no such folder"))
        let file = try CLI.run(["batch", root + "/a.txt"])
        #expect(file.status == 66)
        #expect(file.stderr.contains("is not a folder"))
    }
}
