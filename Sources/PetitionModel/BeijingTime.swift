import Foundation
import PetitionText

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

    /// The stored instant at which a Beijing day (plus some days) starts: the
    /// audit trail is asked for by the days its readers live in, through either door.
    public static func startOfDay(_ date: CalendarDate?, plusDays: Int = 0) -> String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
              let shifted = calendar.date(byAdding: .day, value: plusDays, to: start) else { return nil }
        return ISO8601DateFormatter().string(from: shifted)
    }
}
