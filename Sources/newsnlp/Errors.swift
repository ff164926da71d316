import ArgumentParser
import NewsNLP

/// How the CLI reports a library error: its `sysexits.h` exit status, and its remedy in terms of this tool's
/// options.
extension NewsNLPError.Code {
    /// The `sysexits.h` exit status: 64 usage, 65 bad data, 66 no input, 74 input/output, 78 configuration.
    var exitStatus: Int32 {
        switch self {
        case .usage: return 64
        case .invalidData: return 65
        case .noInput: return 66
        case .ioError: return 74
        case .config: return 78
        }
    }
}

extension NewsNLPError {
    /// The problem and what to do about it with newsnlp's options ("… (pass --lossy to replace bad bytes)"):
    /// what batch and JSON Lines error lines carry.
    var message: String {
        switch remedy {
        case .replaceInvalidBytes: return problem + " (pass --lossy to replace bad bytes)"
        case .convertFromLatin1:
            return problem + " (the file looks like Latin-1 or Windows-1252: convert it with `iconv -f latin1 -t utf-8`, or pass --lossy)"
        case .readFolderAsBatch: return problem + " (use `newsnlp batch` for folders)"
        case .giveLexiconFolder: return problem + " (--lexicons needs a folder laid out like Lexicons/)"
        case nil: return problem
        }
    }

    /// "FILE: message", as standard error shows it after "newsnlp: ".
    var commandLineDescription: String {
        file.map { "\($0): " + message } ?? message
    }
}

/// Runs `body`, turning a `NewsNLPError` into its message on standard error and its exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as NewsNLPError {
        Console.flush()
        Console.warn(error.commandLineDescription)
        throw ExitCode(error.code.exitStatus)
    }
}
