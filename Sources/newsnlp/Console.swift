#if canImport(Glibc)
import Glibc
#endif
import NewsNLP

/// Standard output through one buffer (flushed at 64 KB and at exit), and messages on standard error.
/// Written from one thread only.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = {
        var b = [UInt8]()
        b.reserveCapacity(1 << 16)
        return b
    }()

    static func write(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    private static func append(_ raw: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: raw)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                // A closed pipe (`| head`) ends the run quietly; anything else is an I/O error.
                let e = errno
                if e == EPIPE { Glibc.exit(0) }
                warn("cannot write to standard output: \(String(cString: strerror(e)))")
                Glibc.exit(74)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func warn(_ s: String) {
        let line = Array(("newsnlp: " + s + "\n").utf8)
        _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Whether text for people written to standard output may have colours: only on a terminal, and never
    /// when NO_COLOR is set to a non-empty value (https://no-color.org).
    static var stdoutWantsColour: Bool {
        guard isatty(1) != 0 else { return false }
        if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
        return true
    }

    /// Makes a closed pipe an error code instead of a signal, so that output is flushed and the exit is clean.
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }
}
