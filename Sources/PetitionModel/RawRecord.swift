import CICU
import Foundation

/// One record read from an input file: its fields, or why it could not be read.
///
/// A JSON line is kept as text and parsed only when its batch is imported:
/// parsed JSON objects take several times the memory of their text, which made
/// a 200,000-line import hold over a gigabyte.
public struct RawRecord {
    /// 1-based line where the record starts.
    public var line: Int
    private let parse: () -> Result<[String: Any], RecordError>

    public init(line: Int, fields: Result<[String: Any], RecordError>) {
        self.line = line
        parse = { fields }
    }

    init(line: Int, json: Substring) {
        self.line = line
        parse = {
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8))
            if let fields = object as? [String: Any] { return .success(fields) }
            let reason = object == nil ? "不是完整有效的 JSON" : "应为 JSON 对象"
            return .failure(RecordError(line: line, message: reason))
        }
    }

    public var fields: Result<[String: Any], RecordError> { parse() }
}
