import CICU
import Foundation

/// Reads the records of a JSON Lines or CSV file as a stream, a batch at a
/// time, so that an import holds one chunk of the file and one batch of
/// records whatever the file's size (a province's archive of ten million
/// petitions is several gigabytes).
///
/// The encoding is decided from a prefix of the file: UTF-8 when the prefix
/// is UTF-8 (a byte-order mark is dropped), else GB18030 when it decodes as
/// such. A line that the chosen encoding cannot decode becomes a rejected
/// record naming its line; in a file whose prefix is plain ASCII, such a line
/// is tried as GB18030 first. Lines end at LF, with an optional CR before it:
/// 0x0A is never part of a GB18030 character, so lines can be cut before decoding.
public final class RecordStream {
    public let path: String
    public let format: RecordFile.Format
    /// UTF-8 or GB18030.
    public let encoding: String
    /// Size of the file and how much of it has been read, for progress.
    public let fileSize: Int
    public var bytesRead: Int { consumed }

    /// Bytes read from the file at a time after the prefix.
    let chunkLength: Int
    /// Lines a quoted CSV cell may span before its quote counts as unclosed:
    /// a stray quote must not make the reader hold the rest of the file.
    static let maximumRowLines = 10_000

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEndOfFile = false
    private var consumed = 0
    private var lineNumber = 0
    private let prefixIsASCII: Bool
    private var csv: CSVRows?

    /// Reads the first `prefixLength` bytes to decide the encoding and the
    /// format, then `chunkLength` bytes at a time (both small in tests, to cut
    /// lines and characters between reads).
    public init(path: String, prefixLength: Int = 1 << 20, chunkLength: Int = 1 << 20) throws {
        self.path = path
        self.chunkLength = max(1, chunkLength)
        let prefixLength = max(4, prefixLength)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw RecordFile.FileError.unreadable(path: path, reason: Self.reason(errno: EISDIR))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RecordFile.FileError.unreadable(path: path, reason: Self.reason(errno: errno))
        }
        self.handle = handle
        fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        do {
            buffer = [UInt8](try handle.read(upToCount: prefixLength) ?? Data())
        } catch {
            throw RecordFile.FileError.unreadable(path: path, reason: error.localizedDescription)
        }
        atEndOfFile = buffer.count < prefixLength
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            consumed = 3
        }
        let prefix = buffer[position...]
        prefixIsASCII = prefix.allSatisfy { $0 < 0x80 }
        if Self.isUTF8(prefix, complete: atEndOfFile) {
            encoding = "UTF-8"
        } else if let cut = prefix.lastIndex(of: 0x0A) ?? (atEndOfFile ? prefix.endIndex : nil),
                  RecordFile.gb18030(Data(buffer[prefix.startIndex..<cut])) != nil {
            encoding = "GB18030"
        } else {
            encoding = "UTF-8"
        }
        let firstText = String(decoding: prefix.prefix(200), as: UTF8.self)
        format = RecordFile.format(of: path, text: Substring(firstText))
        if format == .csv { csv = CSVRows() }
    }

    deinit { try? handle.close() }

    /// Why a file could not be opened, in Chinese.
    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: "文件不存在（检查路径与文件名）"
        case EACCES, EPERM: "没有读取权限"
        case EISDIR: "这是一个目录，请给出文件"
        default: "系统错误 \(code)"
        }
    }

    /// Whether bytes are UTF-8; when the input may go on, a sequence cut at the end does not count against it.
    private static func isUTF8(_ bytes: ArraySlice<UInt8>, complete: Bool) -> Bool {
        if String(validating: bytes, as: UTF8.self) != nil { return true }
        guard !complete else { return false }
        // Drop an incomplete sequence at the end (at most three bytes) and try again.
        var end = bytes.endIndex
        for _ in 0..<3 where end > bytes.startIndex {
            end -= 1
            if bytes[end] & 0xC0 != 0x80 { break }
        }
        return String(validating: bytes[bytes.startIndex..<end], as: UTF8.self) != nil
    }

    /// The next records, at most `maximum`; empty at the end of the file.
    /// A CSV file without a header row throws ``RecordFile/FileError/csvWithoutHeader(path:)``.
    public func next(maximum: Int) throws -> [RawRecord] {
        var records: [RawRecord] = []
        while records.count < maximum {
            guard let line = try nextLine() else { break }
            switch format {
            case .jsonLines:
                switch line.text {
                case nil:
                    records.append(RawRecord(line: line.number, fields: .failure(RecordFile.invalidEncoding(line.number))))
                case let text? where !text.allSatisfy(\.isWhitespace):
                    records.append(RawRecord(line: line.number, json: Substring(text)))
                default:
                    continue
                }
            case .csv:
                records += csv!.add(line)
            }
        }
        if records.count < maximum, format == .csv, atEndOfFile, position >= buffer.count {
            records += try csv!.finish(path: path)
        }
        return records
    }

    /// The next line with its number, decoded; nil text when it cannot be.
    private func nextLine() throws -> CSVRows.Line? {
        if let replayed = csv?.takeReplayed() { return replayed }
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = decode(buffer[position..<end])
                consumed += newline + 1 - position
                position = newline + 1
                lineNumber += 1
                return CSVRows.Line(number: lineNumber, text: line)
            }
            if atEndOfFile {
                guard position < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = decode(buffer[position..<end])
                consumed += buffer.count - position
                position = buffer.count
                lineNumber += 1
                return CSVRows.Line(number: lineNumber, text: line)
            }
            buffer.removeSubrange(0..<position)
            position = 0
            do {
                let more = try handle.read(upToCount: chunkLength) ?? Data()
                if more.isEmpty { atEndOfFile = true }
                buffer.append(contentsOf: more)
            } catch {
                throw RecordFile.FileError.unreadable(path: path, reason: error.localizedDescription)
            }
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        if encoding == "GB18030" { return RecordFile.gb18030(Data(bytes)) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return prefixIsASCII ? RecordFile.gb18030(Data(bytes)) : nil
    }
}

