/// An error newsnlp reports to its user: what went wrong, in which file, of which kind, and what can be done
/// about it. The library names no command-line option: a front end (the `newsnlp` CLI) turns `code` into its
/// exit status and `remedy` into advice in its own terms.
public struct NewsNLPError: Error, Sendable, CustomStringConvertible {
    /// The kind of error (the CLI maps each to a `sysexits.h` status).
    public enum Code: String, Hashable, Sendable {
        /// The request itself is wrong (a bad option value, a file where a folder is needed).
        case usage
        /// The input is not what it must be (invalid UTF-8, a malformed lexicon line).
        case invalidData
        /// The input does not exist (no such file, a folder given as a file).
        case noInput
        /// Reading or writing failed.
        case ioError
        /// The configuration is wrong.
        case config
    }

    /// What the user can do about an error, for a front end to phrase.
    public enum Remedy: Sendable, Hashable {
        /// The bytes are not UTF-8: decode lossily (invalid sequences replaced with U+FFFD) to read them anyway.
        case replaceInvalidBytes
        /// The bytes look like Latin-1 or Windows-1252: convert them to UTF-8, or decode lossily.
        case convertFromLatin1
        /// A folder was given where one file is read: read its files one by one (a batch).
        case readFolderAsBatch
        /// A lexicon folder is needed, laid out like `Lexicons/`.
        case giveLexiconFolder
    }

    public let code: Code
    /// The file (or "<stdin>", or a JSON Lines record) the error is about, if any.
    public let file: String?
    /// What is wrong, without advice (see `remedy`).
    public let problem: String
    /// What the user can do about it, if something can be done.
    public let remedy: Remedy?

    public init(_ code: Code, file: String? = nil, _ problem: String, remedy: Remedy? = nil) {
        self.code = code
        self.file = file
        self.problem = problem
        self.remedy = remedy
    }

    /// "FILE: problem (remedy)", the remedy said without naming any option.
    public var description: String {
        var s = file.map { "\($0): " } ?? ""
        s += problem
        switch remedy {
        case .replaceInvalidBytes: s += " (decode lossily to replace bad bytes)"
        case .convertFromLatin1: s += " (the file looks like Latin-1 or Windows-1252: convert it to UTF-8)"
        case .readFolderAsBatch: s += " (read its files one by one)"
        case .giveLexiconFolder: s += " (a lexicon folder is laid out like Lexicons/)"
        case nil: break
        }
        return s
    }
}
