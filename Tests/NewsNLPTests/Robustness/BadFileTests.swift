import Testing
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Files that cannot be read as UTF-8 text, or cannot be read at all, and command lines that are wrong: each
/// gets its `sysexits.h` code and a message on standard error that names the file and what is wrong.
@Suite("Robustness: bad files and command lines", .serialized)
struct BadFileTests {
    @Test func invalidUTF8NamesFileAndByteOffset() throws {
        // A lone continuation byte at byte 24 ("é" takes two bytes).
        let path = CLI.temporaryFile(Array("Le maire a parlé. Puis ".utf8) + [0x80] + Array(" fin.".utf8))
        for command in ["sentences", "tokens", "entities", "quotes", "tone", "summarize", "analyze"] {
            let r = try CLI.run([command, path])
            #expect(r.status == 65, "\(command)")
            #expect(r.stderr == "newsnlp: \(path): invalid UTF-8 at byte offset 24 (pass --lossy to replace bad bytes)\n", "\(command)")
            #expect(r.stdout.isEmpty, "\(command)")
        }
    }

    @Test func invalidUTF8OffsetCountsTheByteOrderMark() throws {
        // The offset is the file's own byte offset: a byte-order mark counts.
        let path = CLI.temporaryFile([0xEF, 0xBB, 0xBF] + Array("Ab ".utf8) + [0xFF])
        let r = try CLI.run(["sentences", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(path): invalid UTF-8 at byte offset 6"))
    }

    @Test func invalidUTF8KindsAreAllRefused() throws {
        // A lone continuation byte, a truncated sequence at the end, an overlong encoding, a surrogate, a code
        // point above U+10FFFF, and 0xFE.
        let cases: [([UInt8], Int)] = [
            ([0x61, 0x80], 1), ([0x61, 0x62, 0xE2, 0x82], 2), ([0xC0, 0xAF], 0),
            ([0x61, 0xED, 0xA0, 0x80], 1), ([0xF4, 0x90, 0x80, 0x80], 0), ([0x61, 0x20, 0xFE], 2),
        ]
        for (bytes, offset) in cases {
            let r = try CLI.run(["tokens"], stdin: Data(bytes))
            #expect(r.status == 65, "\(bytes)")
            #expect(r.stderr.contains("<stdin>: invalid UTF-8 at byte offset \(offset)"), "\(bytes): \(r.stderr)")
        }
    }

    @Test func lossyReplacesAndWarns() throws {
        let path = CLI.temporaryFile(Array("Le maire a parlé. Puis ".utf8) + [0xC3, 0x28] + Array(" fin.".utf8))
        let r = try CLI.run(["sentences", "--format", "json", "--lossy", path])
        #expect(r.status == 0)
        #expect(r.stderr == "newsnlp: \(path): invalid UTF-8 replaced with U+FFFD (--lossy)\n")
        let sentences = try r.json()["sentences"] as! [[String: Any]]
        // "Le maire a parlé." then "Puis \u{FFFD}( fin.": offsets are those of the replaced text.
        #expect(sentences.map { $0["start"] as! Int } == [0, 18])
        #expect(sentences.last!["end"] as? Int == 30)
    }

    @Test func latin1FileIsRecognised() throws {
        let path = CLI.temporaryFile(Array("Élysée : le président a parlé. Ça suffit.\n".data(using: .isoLatin1)!))
        let r = try CLI.run(["sentences", path])
        #expect(r.status == 65)
        #expect(r.stderr == "newsnlp: \(path): invalid UTF-8 at byte offset 0 (the file looks like Latin-1 or Windows-1252: convert it with `iconv -f latin1 -t utf-8`, or pass --lossy)\n")
        let lossy = try CLI.run(["sentences", "--lossy", path])
        #expect(lossy.status == 0)
        #expect(lossy.stdout.contains("\u{FFFD}lys\u{FFFD}e : le pr\u{FFFD}sident a parl\u{FFFD}."))
        #expect(lossy.stderr.contains("replaced with U+FFFD"))
    }

    @Test func missingFile() throws {
        let r = try CLI.run(["analyze", "no/such/article.txt"])
        #expect(r.status == 66)
        #expect(r.stderr == "newsnlp: no/such/article.txt: no such file\n")
        let part = CLI.temporaryFile(Array("x".utf8))
        let r2 = try CLI.run(["analyze", part + "/below.txt"])
        #expect(r2.status == 66)
        #expect(r2.stderr == "newsnlp: \(part)/below.txt: a part of the path is not a folder\n")
    }

    @Test func directoryGivenAsFile() throws {
        let r = try CLI.run(["tokens", "Corpora"])
        #expect(r.status == 66)
        #expect(r.stderr == "newsnlp: Corpora: is a directory, not a file (use `newsnlp batch` for folders)\n")
    }

    /// Whether chmod 000 stops this process from reading a file (it does not for root).
    static let permissionsApply: Bool = {
        let path = CLI.temporaryFile(Array("x".utf8), name: "probe.txt")
        chmod(path, 0)
        let fd = open(path, O_RDONLY)
        if fd >= 0 { close(fd) }
        return fd < 0
    }()

    @Test(.enabled(if: BadFileTests.permissionsApply,
                   "the tests run as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reading, so no unreadable file can be made"))
    func unreadableFile() throws {
        let path = CLI.temporaryFile(Array("Une phrase.".utf8))
        chmod(path, 0)
        let r = try CLI.run(["sentences", path])
        #expect(r.status == 74)
        #expect(r.stderr == "newsnlp: \(path): permission denied: the file cannot be read\n")
    }

    @Test func readErrorExits74() throws {
        // Reading /proc/self/mem from offset 0 fails with EIO, for root too: a real read error.
        let r = try CLI.run(["sentences", "/proc/self/mem"])
        #expect(r.status == 74)
        #expect(r.stderr == "newsnlp: /proc/self/mem: read error: Input/output error\n")
    }

    @Test func writeErrorExits74() throws {
        let r = try CLI.run(["sentences", "Corpora/fr-desantis-twitter-space.txt"], stdoutPath: "/dev/full")
        #expect(r.status == 74)
        #expect(r.stderr == "newsnlp: cannot write to standard output: No space left on device\n")
    }

    @Test func unknownFlagAndBadValues() throws {
        let unknown = try CLI.run(["sentences", "--bogus", "Corpora/fr-desantis-twitter-space.txt"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--bogus'\nUsage: newsnlp sentences"))
        #expect(unknown.stdout.isEmpty)
        let unit = try CLI.run(["tokens", "--offsets", "bytes", "-"], stdin: Data())
        #expect(unit.status == 64)
        #expect(unit.stderr.contains("The value 'bytes' is invalid for '--offsets <offsets>'"))
        let command = try CLI.run(["summarise"])
        #expect(command.status == 64)
        #expect(command.stderr.contains("Unexpected argument 'summarise'"))
        let jsonlFile = try CLI.run(["analyze", "--input-format", "jsonl", "--format", "jsonl", "records.jsonl"])
        #expect(jsonlFile.status == 64)
        #expect(jsonlFile.stderr.contains("--input-format jsonl reads standard input: pipe the records in"))
        let missingFolder = try CLI.run(["batch"])
        #expect(missingFolder.status == 64)
        #expect(missingFolder.stderr.contains("Missing expected argument '<folder>'"))
    }
}
