import Foundation

/// When something was stored: ISO 8601 in UTC, with milliseconds where a
/// run started and a petition stored within the same second must still be
/// told apart (the dashboard counts what a run had not yet seen). The text
/// sorts as the times do.
///
/// Written from the calendar fields directly rather than through
/// `ISO8601DateFormatter`, which builds an ICU formatter each time it is
/// made: the service stamps every log line and audit entry, and making one per
/// request was a measurable part of answering it.
public enum StoredTimestamp {
    public static func now(milliseconds: Bool = true) -> String {
        string(from: Date(), milliseconds: milliseconds)
    }

    public static func string(from date: Date, milliseconds: Bool = true) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = "\(pad(fields.tm_year + 1900, 4))-\(pad(fields.tm_mon + 1, 2))-\(pad(fields.tm_mday, 2))"
        text += "T\(pad(fields.tm_hour, 2)):\(pad(fields.tm_min, 2)):\(pad(fields.tm_sec, 2))"
        if milliseconds {
            text += "." + pad(Int32(min(999, max(0, ((interval - Double(seconds)) * 1000).rounded(.down)))), 3)
        }
        return text + "Z"
    }

    /// A stored time, with or without fractions of a second (older rows have none).
    public static func date(from text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
