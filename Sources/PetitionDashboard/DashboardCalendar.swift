import PetitionText

/// The dashboard's weeks and month: the week (Monday to Sunday) and the month
/// holding its day, and the trend's weeks ending with that week.
struct DashboardCalendar {
    let weekStart: CalendarDate
    let monthStart: CalendarDate
    /// Monday of the trend's first week, as a day number.
    let firstWeekDay: Int
    let weekStarts: [String]

    init(asOf day: CalendarDate, weeks: Int) {
        // Day number 0 is 1970-01-01, a Thursday: Monday is 3 days later in the cycle.
        let mondayNumber = day.dayNumber - ((day.dayNumber + 3) % 7 + 7) % 7
        weekStart = CalendarDate(dayNumber: mondayNumber)
        monthStart = CalendarDate(year: day.year, month: day.month, day: 1)!
        let first = mondayNumber - 7 * (weeks - 1)
        firstWeekDay = first
        weekStarts = (0..<weeks).map { CalendarDate(dayNumber: first + 7 * $0).description }
    }

    /// The trend's week holding `day`; nil outside the trend.
    func week(of day: CalendarDate) -> Int? {
        let offset = day.dayNumber - firstWeekDay
        guard offset >= 0 else { return nil }
        let week = offset / 7
        return week < weekStarts.count ? week : nil
    }
}
