/// An error newsnlp reports to its user: what went wrong, in which file, and the exit code that goes with it.
public struct NewsNLPError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        /// The `sysexits.h` exit status for this kind of error.
        public let exitStatus: Int32
        let name: String

        public static let usage = Code(exitStatus: 64, name: "usage")
        public static let invalidData = Code(exitStatus: 65, name: "data")
        public static let noInput = Code(exitStatus: 66, name: "no input")
        public static let ioError = Code(exitStatus: 74, name: "i/o")
        public static let config = Code(exitStatus: 78, name: "configuration")
    }

    public let code: Code
    /// The file (or "<stdin>", or a JSON Lines record) the error is about, if any.
    public let file: String?
    public let message: String

    public init(_ code: Code, file: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}
