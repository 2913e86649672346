import Foundation
import PetitionStore

/// Timestamps as people in China read them: Beijing time, to the minute.
enum BeijingTime {
    static func display(_ iso: String) -> String {
        guard let date = StoredTimestamp.date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
