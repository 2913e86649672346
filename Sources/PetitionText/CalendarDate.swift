import Foundation

/// A calendar day as clerks write it: 2021-03-10, 2021/3/10, 2021.03.10,
/// 2021年3月10日 or ２０２１年３月１０日, optionally followed by a time.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a written date; nil when it is not one or names no real day (2021-02-30).
    public init?(parsing text: String) {
        // The stored form, YYYY-MM-DD, read directly: the store hands back
        // every date it holds this way, and folding each one first was most
        // of the cost of reading a million handling histories.
        if text.utf8.count == 10, let (year, month, day) = text.utf8.withContiguousStorageIfAvailable(Self.iso) ?? nil {
            self.init(year: year, month: month, day: day)
            return
        }
        let folded = CharacterFolding.standard.fold(text).trimmingCharacters(in: .whitespaces)
        var numbers: [Int] = []
        var current = 0
        var digits = 0
        var separatorsOK = true
        for character in folded {
            if let value = character.wholeNumberValue, character.isASCII {
                current = current * 10 + value
                digits += 1
                if digits > 4 { return nil }
            } else {
                if digits > 0 { numbers.append(current) }
                current = 0
                digits = 0
                if numbers.count == 3 {
                    // Only a time, or the day's own suffix, may follow the day.
                    if !"日号 t".contains(character) { separatorsOK = false }
                    break
                }
                if !"-/.年月日 ".contains(character) { separatorsOK = false; break }
            }
        }
        if digits > 0 && numbers.count < 3 { numbers.append(current) }
        guard separatorsOK, numbers.count == 3 else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// The fields of `YYYY-MM-DD` in ASCII; nil for anything else (left to the general reading).
    private static func iso(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0..<4), let month = number(5..<7),
              let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// ISO form, YYYY-MM-DD, which sorts as the dates do.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day `dayNumber` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
