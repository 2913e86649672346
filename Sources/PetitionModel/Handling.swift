import Foundation
import PetitionText

/// What the organ that accepted a petition did with it, as DOMAIN.md gives it:
/// who accepted it and when, when it replied in writing, and the 复查 (review)
/// and 复核 (recheck) asked of the organs above. Any part may be missing: a
/// bureau records what it knows.
public struct Handling: Sendable, Equatable, Codable {
    /// One step asked of an organ above: a 复查 or a 复核.
    public struct Request: Sendable, Equatable, Codable {
        public var organ: String?
        public var level: String?
        public var requestedAt: CalendarDate?
        public var repliedAt: CalendarDate?

        public init(organ: String? = nil, level: String? = nil, requestedAt: CalendarDate? = nil,
                    repliedAt: CalendarDate? = nil) {
            self.organ = organ
            self.level = level
            self.requestedAt = requestedAt
            self.repliedAt = repliedAt
        }

        /// Started by `date`: requested by then, or, when the request went unrecorded, answered by then.
        public func hasStarted(by date: CalendarDate?) -> Bool {
            guard let first = requestedAt ?? repliedAt else { return false }
            return date.map { first <= $0 } ?? true
        }

        public func isAnswered(by date: CalendarDate?) -> Bool {
            guard let repliedAt else { return false }
            return date.map { repliedAt <= $0 } ?? true
        }

        var isEmpty: Bool { organ == nil && level == nil && requestedAt == nil && repliedAt == nil }

        enum CodingKeys: String, CodingKey {
            case organ, level, requestedAt = "requested_at", repliedAt = "replied_at"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            organ = try container.decodeIfPresent(String.self, forKey: .organ)
            level = try container.decodeIfPresent(String.self, forKey: .level)
            requestedAt = try Handling.decodeDate(container, .requestedAt)
            repliedAt = try Handling.decodeDate(container, .repliedAt)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(organ, forKey: .organ)
            try container.encodeIfPresent(level, forKey: .level)
            try container.encodeIfPresent(requestedAt?.description, forKey: .requestedAt)
            try container.encodeIfPresent(repliedAt?.description, forKey: .repliedAt)
        }
    }

    /// How far a handling history has gone. Raw values are the `--stage` and JSON names.
    public enum Stage: String, Sendable, CaseIterable, Comparable {
        /// Accepted, no written reply yet.
        case inHandling = "in_handling"
        /// Replied in writing (by the handling organ, or by the review), no further step asked.
        case answered
        /// 复查 asked, not yet answered.
        case underReview = "under_review"
        /// 复核 asked, not yet answered.
        case underRecheck = "under_recheck"
        /// 复核 answered: the procedure has ended.
        case concluded

        public static func < (lhs: Stage, rhs: Stage) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        /// The stage's name for a clerk.
        public var chineseName: String {
            switch self {
            case .inHandling: "办理中"
            case .answered: "已答复"
            case .underReview: "复查中"
            case .underRecheck: "复核中"
            case .concluded: "复核终结"
            }
        }

        /// A stage as a clerk or a script names it: its Chinese name (办理中) or its JSON value (in_handling).
        public init?(named name: String) {
            guard let stage = Self(rawValue: name) ?? Self.allCases.first(where: { $0.chineseName == name }) else { return nil }
            self = stage
        }
    }

    public var organ: String?
    public var level: String?
    public var acceptedAt: CalendarDate?
    public var repliedAt: CalendarDate?
    /// 复查.
    public var review: Request?
    /// 复核.
    public var recheck: Request?

    public init(organ: String? = nil, level: String? = nil, acceptedAt: CalendarDate? = nil,
                repliedAt: CalendarDate? = nil, review: Request? = nil, recheck: Request? = nil) {
        self.organ = organ
        self.level = level
        self.acceptedAt = acceptedAt
        self.repliedAt = repliedAt
        self.review = review
        self.recheck = recheck
    }

    /// The stage this history had reached on `date` (everything recorded when nil);
    /// nil when nothing had happened yet. Later events are ignored, so that an
    /// intake check dated in the past sees the matter as it stood then.
    public func stage(asOf date: CalendarDate? = nil) -> Stage? {
        if let recheck, recheck.hasStarted(by: date) {
            return recheck.isAnswered(by: date) ? .concluded : .underRecheck
        }
        if let review, review.hasStarted(by: date) {
            return review.isAnswered(by: date) ? .answered : .underReview
        }
        if let repliedAt, date.map({ repliedAt <= $0 }) ?? true { return .answered }
        if let acceptedAt, date.map({ acceptedAt <= $0 }) ?? true { return .inHandling }
        return nil
    }

    /// The latest recorded date on or before `date` (any date when nil).
    public func lastEvent(asOf date: CalendarDate? = nil) -> CalendarDate? {
        [acceptedAt, repliedAt, review?.requestedAt, review?.repliedAt, recheck?.requestedAt, recheck?.repliedAt]
            .compactMap { $0 }
            .filter { event in date.map { event <= $0 } ?? true }
            .max()
    }

    var isEmpty: Bool {
        organ == nil && level == nil && acceptedAt == nil && repliedAt == nil && review == nil && recheck == nil
    }

    // MARK: - Storage

    enum CodingKeys: String, CodingKey {
        case organ, level, acceptedAt = "accepted_at", repliedAt = "replied_at", review, recheck
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organ = try container.decodeIfPresent(String.self, forKey: .organ)
        level = try container.decodeIfPresent(String.self, forKey: .level)
        acceptedAt = try Self.decodeDate(container, .acceptedAt)
        repliedAt = try Self.decodeDate(container, .repliedAt)
        review = try container.decodeIfPresent(Request.self, forKey: .review)
        recheck = try container.decodeIfPresent(Request.self, forKey: .recheck)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(organ, forKey: .organ)
        try container.encodeIfPresent(level, forKey: .level)
        try container.encodeIfPresent(acceptedAt?.description, forKey: .acceptedAt)
        try container.encodeIfPresent(repliedAt?.description, forKey: .repliedAt)
        try container.encodeIfPresent(review, forKey: .review)
        try container.encodeIfPresent(recheck, forKey: .recheck)
    }

    fileprivate static func decodeDate<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> CalendarDate? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a date: \(text)")
        }
        return date
    }

    /// The JSON stored in the `handling` column: DOMAIN.md's keys, sorted, dates in ISO form.
    public var storedJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and optional strings only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Reads the `handling` column back; nil for NULL. The column is only ever
    /// written from a validated record, so what does not decode is treated as absent.
    public init?(storedJSON: String?) {
        guard let storedJSON, let handling = try? JSONDecoder().decode(Handling.self, from: Data(storedJSON.utf8)) else {
            return nil
        }
        self = handling
    }

    /// The record's fields as DOMAIN.md names them, for JSON output.
    public var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(storedJSON.utf8))) as? [String: Any] ?? [:]
    }
}

// MARK: - Validation of an input record

extension Handling {
    /// The `handling` field of an input record: an object, or its JSON text in a
    /// CSV cell; nil when missing, null, empty text or an empty object. Every
    /// refusal names the field (`handling.review.replied_at`), and dates must
    /// follow one another: acceptance, reply, review asked and answered, recheck
    /// asked and answered, none before the petition was received.
    public static func decode(_ value: Any?, recordID: String?, receivedAt: CalendarDate) throws(RecordError) -> Handling? {
        var cleanedFields: [String] = []
        return try decode(value, recordID: recordID, receivedAt: receivedAt, cleanedFields: &cleanedFields)
    }

    /// As ``decode(_:recordID:receivedAt:)``, adding to `cleanedFields` the
    /// fields whose control characters were removed.
    public static func decode(_ value: Any?, recordID: String?, receivedAt: CalendarDate,
                              cleanedFields: inout [String]) throws(RecordError) -> Handling? {
        guard let value, !(value is NSNull) else { return nil }
        var object: [String: Any]
        switch value {
        case let dictionary as [String: Any]:
            object = dictionary
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return nil }
            guard let json = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw RecordError(recordID: recordID, field: "handling", message: "不是有效的 JSON 对象")
            }
            object = json
        default:
            throw RecordError(recordID: recordID, field: "handling", message: "应为对象")
        }
        var reader = HandlingFieldReader(recordID: recordID)
        defer { cleanedFields += reader.cleanedFields }
        var handling = Handling(
            organ: try reader.text(object, "organ", in: "handling"),
            level: try reader.level(object, "level", in: "handling"),
            acceptedAt: try reader.date(object, "accepted_at", in: "handling"),
            repliedAt: try reader.date(object, "replied_at", in: "handling"))
        handling.review = try reader.request(object, "review")
        handling.recheck = try reader.request(object, "recheck")
        try reader.checkOrder(handling, receivedAt: receivedAt)
        return handling.isEmpty ? nil : handling
    }
}

/// Reads the typed fields of a `handling` object, naming each field by its
/// full path in every refusal.
private struct HandlingFieldReader {
    let recordID: String?
    var cleanedFields: [String] = []

    func error(_ field: String, _ message: String) -> RecordError {
        RecordError(recordID: recordID, field: field, message: message)
    }

    mutating func text(_ object: [String: Any], _ key: String, in parent: String) throws(RecordError) -> String? {
        let field = parent + "." + key
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard var text = value as? String else { throw error(field, "应为文本") }
        if text.utf8.count > 1000 { throw error(field, "内容过长（\(text.utf8.count) 字节）") }
        if let cleaned = RecordDecoding.removingControlCharacters(text, keepingLineBreaks: false) {
            text = cleaned
            cleanedFields.append(field)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func level(_ object: [String: Any], _ key: String, in parent: String) throws(RecordError) -> String? {
        guard let level = try text(object, key, in: parent) else { return nil }
        guard Petition.levels.contains(level) else {
            throw error(parent + "." + key, "取值应为 \(Petition.levels.joined(separator: "、"))，实为 \(level.prefix(20))")
        }
        return level
    }

    mutating func date(_ object: [String: Any], _ key: String, in parent: String) throws(RecordError) -> CalendarDate? {
        guard let written = try text(object, key, in: parent) else { return nil }
        guard let date = CalendarDate(parsing: written) else {
            throw error(parent + "." + key, "不是有效日期：\(written.prefix(40))")
        }
        return date
    }

    mutating func request(_ object: [String: Any], _ key: String) throws(RecordError) -> Handling.Request? {
        let field = "handling." + key
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let nested = value as? [String: Any] else { throw error(field, "应为对象") }
        let request = Handling.Request(
            organ: try text(nested, "organ", in: field), level: try level(nested, "level", in: field),
            requestedAt: try date(nested, "requested_at", in: field), repliedAt: try date(nested, "replied_at", in: field))
        return request.isEmpty ? nil : request
    }

    /// Each recorded date on or after every recorded date before it in the procedure.
    func checkOrder(_ handling: Handling, receivedAt: CalendarDate) throws(RecordError) {
        let sequence: [(field: String, date: CalendarDate?)] = [
            ("received_at", receivedAt),
            ("handling.accepted_at", handling.acceptedAt),
            ("handling.replied_at", handling.repliedAt),
            ("handling.review.requested_at", handling.review?.requestedAt),
            ("handling.review.replied_at", handling.review?.repliedAt),
            ("handling.recheck.requested_at", handling.recheck?.requestedAt),
            ("handling.recheck.replied_at", handling.recheck?.repliedAt),
        ]
        var latest: (field: String, date: CalendarDate)?
        for (field, date) in sequence {
            guard let date else { continue }
            if let latest, date < latest.date {
                throw error(field, "\(field)（\(date)）早于 \(latest.field)（\(latest.date)）")
            }
            latest = (field, date)
        }
    }
}
