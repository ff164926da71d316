#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files and standard input as bytes, with errors that name the file and map to `sysexits.h`.
public enum FileReader {
    /// The bytes of the file at `path`, or of standard input when `path` is nil or "-".
    public static func read(_ path: String?) throws -> [UInt8] {
        guard let path, path != "-" else { return try readAll(fd: 0, name: "<stdin>") }
        return try path.withCString { try read(cPath: $0, name: path) }
    }

    /// The bytes of the file whose path is `path`, as bytes: for names that are not valid UTF-8, which a
    /// `String` cannot hold. `name` is what error messages call the file.
    public static func read(pathBytes path: [UInt8], name: String) throws -> [UInt8] {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        return try cPath.withUnsafeBufferPointer { try read(cPath: $0.baseAddress!, name: name) }
    }

    static func read(cPath: UnsafePointer<CChar>, name path: String) throws -> [UInt8] {
        let fd = open(cPath, O_RDONLY)
        if fd < 0 { throw openError(path, errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw NewsNLPError(.noInput, file: path, "is a directory, not a file", remedy: .readFolderAsBatch)
        }
        return try readAll(fd: fd, name: path, sizeHint: Int(st.st_size))
    }

    static func openError(_ path: String, _ e: Int32) -> NewsNLPError {
        switch e {
        case ENOENT: return NewsNLPError(.noInput, file: path, "no such file")
        case ENOTDIR: return NewsNLPError(.noInput, file: path, "a part of the path is not a folder")
        case EACCES, EPERM: return NewsNLPError(.ioError, file: path, "permission denied: the file cannot be read")
        case ELOOP: return NewsNLPError(.noInput, file: path, "too many levels of symbolic links")
        default: return NewsNLPError(.ioError, file: path, "cannot open: \(String(cString: strerror(e)))")
        }
    }

    static func readAll(fd: Int32, name: String, sizeHint: Int = 0) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(sizeHint, 0) + 1)
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                if e == EISDIR { throw NewsNLPError(.noInput, file: name, "is a directory, not a file") }
                throw NewsNLPError(.ioError, file: name, "read error: \(String(cString: strerror(e)))")
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }
}

/// Reads lines from a file descriptor in chunks, for streaming JSON Lines without holding the whole input.
public struct LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var eof = false

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    /// The next line without its line terminator, or nil at the end of input.
    public mutating func next() throws -> [UInt8]? {
        while true {
            if let nl = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = nl + 1
                if start > (1 << 20) || start == buffer.count { buffer.removeFirst(start); start = 0 }
                scanned = start
                return line
            }
            if eof {
                if start < buffer.count {
                    var line = Array(buffer[start...])
                    if line.last == 0x0D { line.removeLast() }
                    start = buffer.count
                    return line
                }
                return nil
            }
            if start > 0 { buffer.removeFirst(start); start = 0 }
            scanned = buffer.count
            let chunk = 1 << 16
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + old, chunk) }
            if n < 0 {
                buffer.removeLast(chunk)
                if errno == EINTR { continue }
                throw NewsNLPError(.ioError, file: "<stdin>", "read error: \(String(cString: strerror(errno)))")
            }
            buffer.removeLast(chunk - n)
            if n == 0 { eof = true }
        }
    }
}
