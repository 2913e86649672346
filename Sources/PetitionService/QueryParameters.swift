import Foundation

/// A request's query string, decoded as forms encode it (`+` is a space,
/// `%XX` a byte of UTF-8), with typed reads that fail with
/// ``ServiceError/badField(field:message:)`` naming the parameter.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    /// Refuses a parameter whose `%XX` bytes are not UTF-8 (`q=%FF%FE`)
    /// rather than searching for its raw escapes, which would answer an
    /// empty page the caller takes for "nothing found".
    init(_ query: String?) throws(ServiceError) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else {
                throw .badField(field: String(parts[0].prefix(40)), message: "参数名不是有效的 UTF-8 百分号编码")
            }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            guard let value else { throw .badField(field: name, message: "参数值不是有效的 UTF-8 百分号编码") }
            // The first of a repeated parameter counts, as in the command line's options.
            if values[name] == nil { values[name] = value }
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The parameter, trimmed; nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func flag(_ name: String) throws(ServiceError) -> Bool {
        guard let value = text(name) else { return false }
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .badField(field: name, message: "应为 true 或 false，实为 \(value.prefix(20))")
        }
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(ServiceError) -> Int {
        guard let value = text(name) else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw .badField(field: name, message: "应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，实为 \(value.prefix(20))")
        }
        return number
    }

    func oneOf(_ name: String, _ allowed: [String]) throws(ServiceError) -> String? {
        guard let value = text(name) else { return nil }
        guard allowed.contains(value) else {
            throw .badField(field: name, message: "应为 \(allowed.joined(separator: "、"))，实为 \(value.prefix(20))")
        }
        return value
    }
}
