/// Picks the sentences of an extractive summary.
public struct Summarizer: Sendable {
    public var length: SummaryLength

    public init(length: SummaryLength = .sentences(3)) {
        self.length = length
    }

    public func process(_ document: inout Document, lexicons: Lexicons = .builtIn) {}
}
