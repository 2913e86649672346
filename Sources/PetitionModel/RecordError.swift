import Foundation
import PetitionText

/// Why one input record was refused, naming the record and the field.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the record came from, when it came from one.
    public var file: String?
    /// Where the record starts in its file (1-based), when read from a file.
    public var line: Int?
    /// The record's id when it could be read.
    public var recordID: String?
    /// The offending field, in DOMAIN.md's names.
    public var field: String?
    public var message: String

    public init(line: Int? = nil, recordID: String? = nil, field: String? = nil, message: String) {
        self.line = line
        self.recordID = recordID
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("第 \(line) 行") }
        if let recordID { parts.append("记录 \(recordID)") }
        if let field { parts.append("字段 \(field)") }
        return (parts.isEmpty ? "" : parts.joined(separator: " ") + "：") + message
    }
}
