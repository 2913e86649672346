import Foundation

/// Files holding petitioners' data are created readable by the owner only,
/// with their missing parent directories.
public enum PrivateFile {
    /// A file or directory that could not be written, and why.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "无法写入 \(path)：\(reason)" }
    }

    /// Writes the whole file or nothing: into a new file beside it, created
    /// 0600 (so no other user can read it for a moment), then renamed over it.
    /// Foundation's atomic write creates the file with the default mode (0644)
    /// and only then could it be narrowed.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try createDirectory(url.deletingLastPathComponent().path)
        let temporary = path + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        func failure(_ operation: String) -> WriteError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return WriteError(path: path, reason: "\(operation)：\(reason)")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                close(descriptor)
                throw failure("写入失败")
            }
            bytes = bytes.dropFirst(written)
        }
        guard fsync(descriptor) == 0 else {
            close(descriptor)
            throw failure("写入失败")
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure("无法替换原文件") }
    }

    public static func createDirectory(_ path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
    }
}
