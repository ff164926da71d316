import Testing
import Foundation

/// The README's "Using the library" section: its snippet is `UsingTheLibrary.swift`, compiled with the tests, and
/// it does what the README says it prints.
@Suite("Using the library (README snippet)")
struct LibrarySnippetTests {
    @Test func snippetRunsAndReadsEntitiesAndQuotes() {
        let lines = readArticle()
        #expect(lines.first == "language: fr")
        #expect(lines.contains("Emmanuel Macron (PER), 1 mention(s)"))
        #expect(lines.contains("Paris (LOC), 1 mention(s)"))
        #expect(lines.contains("Emmanuel Macron — Nous tiendrons le cap — a déclaré"))
        #expect(lines.last?.hasPrefix("report: ") == true)
    }

    @Test func readmeHoldsTheSnippetVerbatim() throws {
        let source = try String(contentsOfFile: packageRoot + "/Tests/NewsNLPTests/Library/UsingTheLibrary.swift", encoding: .utf8)
        let begin = source.range(of: "// README snippet begins\n")!.upperBound
        let end = source.range(of: "// README snippet ends")!.lowerBound
        let snippet = String(source[begin..<end])
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("## Using the library"))
        #expect(readme.contains("```swift\n" + snippet + "```\n"), "README's snippet differs from Tests/NewsNLPTests/Library/UsingTheLibrary.swift")
    }
}
