import Foundation
import PetitionText

/// Reads petitions and backlog cases from decoded JSON objects (a CSV row is
/// turned into one first), checking each field, so that every refusal names
/// the field that caused it.
public enum RecordDecoding {
    /// Longest text accepted in one field: a petition is a letter, not a file dump.
    public static let maximumFieldLength = 200_000

    public static func petition(from object: [String: Any]) throws(RecordError) -> Petition {
        var notices: [RecordError] = []
        return try petition(from: object, notices: &notices)
    }

    /// As ``petition(from:)``, adding to `notices` what was changed to store
    /// the record (control characters removed, one notice per field).
    public static func petition(from object: [String: Any], notices: inout [RecordError]) throws(RecordError) -> Petition {
        let id = try requiredIdentifier(object, "id")
        var reader = FieldReader(object: object, recordID: id)
        let receivedText = try reader.requiredText("received_at")
        guard let receivedAt = CalendarDate(parsing: receivedText) else {
            throw reader.error("received_at", "不是有效日期：\(receivedText.prefix(40))")
        }
        let channel = try reader.text("channel")
        if let channel, !Petition.channels.contains(channel) {
            throw reader.error("channel", "取值应为 \(Petition.channels.joined(separator: "、"))，实为 \(channel.prefix(20))")
        }
        let level = try reader.text("level")
        if let level, !Petition.levels.contains(level) {
            throw reader.error("level", "取值应为 \(Petition.levels.joined(separator: "、"))，实为 \(level.prefix(20))")
        }
        let regionCode = try reader.text("region_code")
        if let regionCode, !regionCode.allSatisfy({ $0.isASCII && $0.isNumber }) || regionCode.count > 12 {
            throw reader.error("region_code", "应为数字行政区划代码：\(regionCode.prefix(20))")
        }
        let headcount = try reader.integer("headcount")
        if let headcount, headcount < 0 || headcount > 1_000_000 {
            throw reader.error("headcount", "人数超出范围：\(headcount)")
        }
        let handling = try Handling.decode(object["handling"], recordID: id, receivedAt: receivedAt,
                                           cleanedFields: &reader.cleanedFields)
        let petition = Petition(
            id: id, receivedAt: receivedAt, channel: channel, level: level,
            province: try reader.text("province"), city: try reader.text("city"), county: try reader.text("county"),
            regionCode: regionCode, petitioners: try reader.petitioners(), headcount: headcount,
            respondent: try reader.prose("respondent"), category: try reader.text("category"),
            title: try reader.prose("title"), content: try reader.requiredProse("content"),
            handling: handling)
        notices += reader.cleanedFields.map { RecordError(recordID: id, field: $0, message: "含控制字符，已删除后保存") }
        return petition
    }

    public static func backlogCase(from object: [String: Any]) throws(RecordError) -> BacklogCase {
        let caseID = try requiredIdentifier(object, "case_id")
        var reader = FieldReader(object: object, recordID: caseID)
        let title = try reader.requiredText("title")
        var openedAt: CalendarDate?
        if let opened = try reader.text("opened_at") {
            guard let date = CalendarDate(parsing: opened) else {
                throw reader.error("opened_at", "不是有效日期：\(opened.prefix(40))")
            }
            openedAt = date
        }
        return BacklogCase(
            caseID: caseID, title: title, summary: try reader.text("summary"), province: try reader.text("province"),
            city: try reader.text("city"), county: try reader.text("county"), category: try reader.text("category"),
            openedAt: openedAt, leader: try reader.text("leader"),
            responsibleUnits: try reader.textList("responsible_units"), status: try reader.text("status"))
    }

    private static func requiredIdentifier(_ object: [String: Any], _ key: String) throws(RecordError) -> String {
        var reader = FieldReader(object: object, recordID: nil)
        // A blank id is missing, whatever blanks it holds; that is the clearer message.
        let id = try reader.requiredText(key)
        // An id is refused, not cleaned: two records whose ids differ by a control character must not become one.
        if let raw = object[key] as? String, RecordDecoding.removingControlCharacters(raw, keepingLineBreaks: false) != nil {
            throw RecordError(field: key, message: "编号含空白或控制字符")
        }
        guard id.count <= 64 else { throw RecordError(field: key, message: "编号过长（\(id.count) 个字符）") }
        guard id.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace && $0.value >= 0x20 && $0.value != 0x7F })
        else { throw RecordError(field: key, message: "编号含空白或控制字符") }
        return id
    }
}

/// Reads typed fields of one record, carrying its id into every error.
private struct FieldReader {
    let object: [String: Any]
    let recordID: String?
    /// Fields from which control characters were removed, in the order read.
    var cleanedFields: [String] = []

    func error(_ field: String, _ message: String) -> RecordError {
        RecordError(recordID: recordID, field: field, message: message)
    }

    /// A text field; empty or missing reads as nil. Numbers are accepted as text.
    mutating func text(_ key: String) throws(RecordError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        let text: String
        switch value {
        case let string as String: text = string
        case let number as NSNumber: text = number.stringValue
        default: throw error(key, "应为文本")
        }
        let cleaned = try clean(text, key)
        return cleaned.isEmpty ? nil : cleaned
    }

    mutating func requiredText(_ key: String) throws(RecordError) -> String {
        guard let text = try text(key) else { throw error(key, "缺少必填字段") }
        return text
    }

    /// A field of prose (a title, a letter): text only. A number where a
    /// letter belongs (`"content": 5`) is a caller's mistake, not a petition.
    mutating func prose(_ key: String) throws(RecordError) -> String? {
        if let value = object[key], !(value is NSNull), !(value is String) { throw error(key, "应为文本") }
        return try text(key)
    }

    mutating func requiredProse(_ key: String) throws(RecordError) -> String {
        guard let text = try prose(key) else { throw error(key, "缺少必填字段") }
        return text
    }

    mutating func integer(_ key: String) throws(RecordError) -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let string = value as? String {
            let trimmed = CharacterFolding.standard.fold(string).trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Int(trimmed) else { throw error(key, "应为整数：\(string.prefix(20))") }
            return number
        }
        guard let number = value as? NSNumber, let integer = Int(exactly: number.doubleValue) else {
            throw error(key, "应为整数")
        }
        return integer
    }

    /// A list given as a JSON array, or as text separated by ；; 、 or |.
    mutating func textList(_ key: String) throws(RecordError) -> [String] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        if let array = value as? [Any] {
            var result: [String] = []
            for element in array {
                guard let string = element as? String else { throw error(key, "列表元素应为文本") }
                let cleaned = try clean(string, key)
                if !cleaned.isEmpty { result.append(cleaned) }
            }
            return result
        }
        guard let string = value as? String else { throw error(key, "应为文本列表") }
        if string.hasPrefix("["), let data = string.data(using: .utf8),
           let array = try? JSONSerialization.jsonObject(with: data) as? [Any] {
            var nested = FieldReader(object: [key: array], recordID: recordID)
            defer { cleanedFields += nested.cleanedFields }
            return try nested.textList(key)
        }
        return try string.split(whereSeparator: { "；;|、".contains($0) })
            .map { (piece) throws(RecordError) -> String in try clean(String(piece), key) }
            .filter { !$0.isEmpty }
    }

    /// `petitioners` as an array of objects (or its JSON text in a CSV cell), or
    /// flat `name` / `id_number` / `phone` columns with one entry per person.
    mutating func petitioners() throws(RecordError) -> [Petitioner] {
        var entries: [[String: Any]] = []
        if let value = object["petitioners"], !(value is NSNull) {
            var parsed: Any = value
            if let string = value as? String {
                let trimmed = string.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    parsed = [Any]()
                } else {
                    guard let data = trimmed.data(using: .utf8),
                          let json = try? JSONSerialization.jsonObject(with: data) else {
                        throw error("petitioners", "不是有效的 JSON 数组")
                    }
                    parsed = json
                }
            }
            guard let array = parsed as? [Any] else { throw error("petitioners", "应为数组") }
            for (index, element) in array.enumerated() {
                guard let entry = element as? [String: Any] else {
                    throw error("petitioners[\(index)]", "应为对象")
                }
                entries.append(entry)
            }
        } else {
            let names = try textList("name"), ids = try textList("id_number"), phones = try textList("phone")
            for index in 0..<max(names.count, ids.count, phones.count) {
                var entry: [String: Any] = [:]
                if index < names.count { entry["name"] = names[index] }
                if index < ids.count { entry["id_number"] = ids[index] }
                if index < phones.count { entry["phone"] = phones[index] }
                entries.append(entry)
            }
        }
        var result: [Petitioner] = []
        for (index, entry) in entries.enumerated() {
            var reader = FieldReader(object: entry, recordID: recordID)
            let field = "petitioners[\(index)]"
            defer { cleanedFields += reader.cleanedFields.map { "\(field).\($0)" } }
            do {
                let petitioner = Petitioner(name: try reader.text("name"), idNumber: try reader.text("id_number"),
                                            phone: try reader.text("phone"))
                if petitioner.name != nil || petitioner.idNumber != nil || petitioner.phone != nil {
                    result.append(petitioner)
                }
            } catch {
                throw RecordError(recordID: recordID, field: "\(field).\(error.field ?? "")", message: error.message)
            }
        }
        return result
    }

    /// Refuses oversized fields, and removes control characters other than
    /// line breaks and tabs (a scanner's or a copy-paste's debris, which no
    /// terminal or page can show) rather than losing the petition over them;
    /// the field is noted so that the import can say what it changed.
    private mutating func clean(_ text: String, _ key: String) throws(RecordError) -> String {
        if text.utf8.count > RecordDecoding.maximumFieldLength {
            throw error(key, "内容过长（\(text.utf8.count) 字节，上限 \(RecordDecoding.maximumFieldLength)）")
        }
        guard let cleaned = RecordDecoding.removingControlCharacters(text, keepingLineBreaks: true) else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        cleanedFields.append(key)
        return cleaned.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension RecordDecoding {
    /// The text without its control characters (C0 and DEL; line breaks and
    /// tabs kept when asked), or nil when it has none.
    static func removingControlCharacters(_ text: String, keepingLineBreaks: Bool) -> String? {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            if keepingLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return scalar.value < 0x20 || scalar.value == 0x7F
        }
        guard text.unicodeScalars.contains(where: isControl) else { return nil }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0) })
        return String(scalars)
    }

    /// Petitioners a record to be checked may name. 信访工作条例 (2022) art. 18
    /// has a group that visits choose at most five representatives; a joint
    /// letter may list its households' signatories too, so twice that. A check
    /// naming more is no petition but a list of guesses: each check says whether
    /// one of them matches a stored petitioner, and a long list halved check by
    /// check recovers a masked phone in fifteen requests.
    public static let petitionersPerCheck = 10

    /// One petition record to check (not to store): as ``petition(from:)``, and
    /// naming at most ``petitionersPerCheck`` petitioners.
    public static func petitionToCheck(from object: [String: Any]) throws(RecordError) -> Petition {
        let petition = try petition(from: object)
        guard petition.petitioners.count <= petitionersPerCheck else {
            throw RecordError(recordID: petition.id, field: "petitioners",
                              message: "查重一次最多列 \(petitionersPerCheck) 名信访人（集体访推选代表不超过 5 人），实为 \(petition.petitioners.count) 名")
        }
        return petition
    }
}
