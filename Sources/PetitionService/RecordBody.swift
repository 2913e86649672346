import Foundation
import Hummingbird
import NIOCore
import PetitionModel

/// Reads request bodies as records: one petition to check, or a batch to
/// import, within the body limits. Text is UTF-8 or GB18030, as in files.
enum RecordBody {
    /// The body's bytes, refused with 413 past `limit`, and with 503 when it
    /// has not all arrived by the request's deadline: a client that sends a
    /// byte every few seconds would otherwise hold a connection open for as
    /// long as it likes. The read is cancelled, not left behind, at the
    /// deadline: the connection's reader takes the stream back once the
    /// handler returns, and two readers of one stream are a crash.
    static func bytes(of request: Request, limit: Int, by deadline: RequestDeadline?) async throws -> Data {
        do {
            let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await request.body.collect(upTo: limit) }
                if let deadline {
                    group.addTask {
                        try await Task.sleep(until: deadline.instant, clock: .continuous)
                        return nil
                    }
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let buffer = first else {
                    throw ServiceError.timeout(seconds: deadline?.seconds ?? 0)
                }
                return buffer
            }
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw ServiceError.bodyTooLarge(limit: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ServiceError.bodyTooLarge(limit: limit)
        }
    }

    /// One petition record. Without an id it is checked as `待受理` (unless it is to be saved, which needs one).
    /// At most ``RecordDecoding/petitionersPerCheck`` petitioners: a check is not an oracle.
    static func petition(from data: Data, needsID: Bool) throws(ServiceError) -> Petition {
        let text = RecordFile.text(of: data).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .badJSON("请求体为空：应为一条信访件记录（JSON 对象）") }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            throw .badJSON("请求体不是有效的 JSON")
        }
        guard var object = parsed as? [String: Any] else { throw .badJSON("请求体应为一个 JSON 对象（一条信访件记录）") }
        if (object["id"] as? String)?.trimmingCharacters(in: .whitespaces).isEmpty ?? (object["id"] == nil || object["id"] is NSNull) {
            if needsID { throw .badField(field: "id", message: "保存需要信访件编号") }
            object["id"] = "待受理"
        }
        do {
            return try RecordDecoding.petitionToCheck(from: object)
        } catch {
            throw .badField(field: error.field ?? "record", message: error.message)
        }
    }

    /// A batch: a JSON array of records, or JSON Lines (one record a line).
    /// A record that cannot be read becomes a rejection naming its position, as `import` reports a line.
    static func batch(from data: Data) throws(ServiceError) -> [RawRecord] {
        let text = RecordFile.text(of: data)
        let start = text.firstIndex { !$0.isWhitespace }
        guard let start else { throw .badJSON("请求体为空：应为 JSON Lines 或 JSON 数组") }
        if text[start] == "[" {
            guard let array = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] else {
                throw .badJSON("请求体以 [ 开头，但不是有效的 JSON 数组")
            }
            return array.enumerated().map { offset, element in
                if let fields = element as? [String: Any] {
                    RawRecord(line: offset + 1, fields: .success(fields))
                } else {
                    RawRecord(line: offset + 1, fields: .failure(RecordError(line: offset + 1, message: "应为 JSON 对象")))
                }
            }
        }
        guard text[start] == "{" else { throw .badJSON("请求体应为 JSON Lines（每行一条记录）或 JSON 数组") }
        return RecordFile.jsonLines(text)
    }
}
