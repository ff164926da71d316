import Foundation
import Testing
@testable import NewsNLP

/// `LexiconFile.rows()` and `forEachRow` cut lines and fields on the bytes, alike.
struct LexiconFileTests {
    @Test func rowsSkipCommentsAndBlankLinesAndKeepLineNumbers() {
        let text = "# a comment\n\nmot\t1\n  \t \n# another\nautre\t2\tx\n"
        let rows = LexiconFile(name: "t", origin: "test", bytes: Array(text.utf8)).rows()
        #expect(rows.map(\.line) == [3, 6])
        #expect(rows.map { $0.fields.map(String.init) } == [["mot", "1"], ["autre", "2", "x"]])
    }

    @Test func rowsReadCRLFLinesAndEmptyFields() {
        let text = "élysée\t\tm\r\ncafé\tf\r\nlast"
        let rows = LexiconFile(name: "t", origin: "test", bytes: Array(text.utf8)).rows()
        #expect(rows.map { $0.fields.map(String.init) } == [["élysée", "", "m"], ["café", "f"], ["last"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test func trimmingSpacesCutsSpacesAndTabsOnly() {
        #expect(" \t l'Élysée \t".dropFirst(0).trimmingSpaces() == "l'Élysée")
        #expect("   ".dropFirst(0).trimmingSpaces() == "")
        #expect("\u{A0}x\u{A0}".dropFirst(0).trimmingSpaces() == "\u{A0}x\u{A0}")
    }

    /// Both readers see the same rows and fields in every built-in file (one parser per format builds on them).
    @Test(arguments: LexiconFile.builtInNames)
    func rowsAgreeWithForEachRow(_ name: String) throws {
        let file = try #require(LexiconFile.builtIn(name))
        var viaBytes: [[String]] = []
        file.forEachRow { b, fields in
            viaBytes.append(fields.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) })
        }
        #expect(file.rows().map { $0.fields.map(String.init) } == viaBytes)
    }
}
