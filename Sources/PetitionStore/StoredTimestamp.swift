import Foundation

/// When something was stored: ISO 8601 in UTC with milliseconds. A run
/// started and a petition stored within the same second must still be told
/// apart (the dashboard counts what a run had not yet seen), and the text
/// sorts as the times do.
public enum StoredTimestamp {
    public static func now() -> String {
        string(from: Date())
    }

    public static func string(from date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A stored time, with or without fractions of a second (older rows have none).
    public static func date(from text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
