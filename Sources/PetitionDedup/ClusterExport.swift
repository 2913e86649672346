import Foundation
import GRDB
import PetitionStore

/// `dedup --clusters FILE`: one line per matter, as DOMAIN.md specifies.
public enum ClusterExport {
    public static func write(store: PetitionStore, to path: String) throws {
        let lines = try store.read { db -> [String] in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.matter_id, m.class_id, m.backlog_case_id, group_concat(p.id, char(31)) AS ids
                FROM matter m
                JOIN (SELECT a.matter_id, p.id FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                      ORDER BY p.received_at, p.id) p ON p.matter_id = m.matter_id
                GROUP BY m.matter_id ORDER BY m.seq
                """)
            return try rows.map { row in
                let ids = (row["ids"] as String).split(separator: "\u{1F}").map(String.init)
                let object: [String: Any] = [
                    "matter_id": row["matter_id"] as String, "ids": ids,
                    "class_id": (row["class_id"] as String?) ?? NSNull(),
                    "backlog_case_id": (row["backlog_case_id"] as String?) ?? NSNull(),
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                return String(decoding: data, as: UTF8.self)
            }
        }
        try PrivateFile.write(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), to: path)
    }
}

/// Files holding petitioners' data are created readable by the owner only,
/// with their missing parent directories.
public enum PrivateFile {
    /// A file or directory that could not be written, and why.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "无法写入 \(path)：\(reason)" }
    }

    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try createDirectory(url.deletingLastPathComponent().path)
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
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
