import Foundation

/// Stored instants (UTC, ISO 8601) as people in China read them: Beijing time.
public enum BeijingTime {
    public static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// `yyyy-MM-dd HH:mm`, or with `seconds` `yyyy-MM-dd HH:mm:ss`; the text itself when it is no instant.
    public static func display(_ stored: String, seconds: Bool = false) -> String {
        guard let instant = StoredTimestamp.date(from: stored) else { return stored }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return formatter.string(from: instant)
    }
}
