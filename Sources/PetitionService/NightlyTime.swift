import Foundation

/// A time of day, `HH:MM`, at which the service runs the nightly job.
public struct NightlyTime: Sendable, Equatable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// Nil unless the text is `H:MM` or `HH:MM` with an hour below 24 and a minute below 60.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    public var description: String { String(format: "%02d:%02d", hour, minute) }

    /// The next time after `date` at which the clock reads this time, in `calendar`'s time zone.
    public func next(after date: Date, calendar: Calendar = .current) -> Date {
        let components = DateComponents(hour: hour, minute: minute, second: 0)
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime) ?? date.addingTimeInterval(86_400)
    }
}
