/// Numbers in the forms petitions write them (38,000 / 3.8万 / 三十万 / 二〇一五)
/// and what follows them: amounts, areas, years, rooms, case numbers.
extension EntityExtractor {
    /// The value of a Chinese digit (〇 零 一 … 九 两); a switch, since it is
    /// asked of nearly every character of every petition.
    @inline(__always)
    private static func digitValue(_ point: UInt32) -> Int? {
        switch point {
        case 0x3007, 0x96F6: 0      // 〇 零
        case 0x4E00: 1              // 一
        case 0x4E8C, 0x4E24: 2      // 二 两
        case 0x4E09: 3              // 三
        case 0x56DB: 4              // 四
        case 0x4E94: 5              // 五
        case 0x516D: 6              // 六
        case 0x4E03: 7              // 七
        case 0x516B: 8              // 八
        case 0x4E5D: 9              // 九
        default: nil
        }
    }

    /// The value of a Chinese unit numeral: 十 百 千.
    @inline(__always)
    private static func unitValue(_ point: UInt32) -> Int? {
        switch point {
        case 0x5341: 10
        case 0x767E: 100
        case 0x5343: 1000
        default: nil
        }
    }

    private static let wan: UInt32 = 0x4E07, yi: UInt32 = 0x4EBF, yuan: UInt32 = 0x5143, kuai: UInt32 = 0x5757
    private static let mu: UInt32 = 0x4EA9, nian: UInt32 = 0x5E74, hao: UInt32 = 0x53F7, shi: UInt32 = 0x5BA4
    private static let lou: UInt32 = 0x697C, dong: UInt32 = 0x680B, zhuang: UInt32 = 0x5E62, zuo: UInt32 = 0x5EA7
    /// ( 〔 【 [ and their closing forms (full-width parentheses fold to ASCII).
    private static let openingBrackets: Set<UInt32> = [0x28, 0x3014, 0x3010, 0x5B]
    private static let closingBrackets: Set<UInt32> = [0x29, 0x3015, 0x3011, 0x5D]
    private static let dan: UInt32 = 0x5355, yuanUnit: UInt32 = 0x5143

    /// A number written in digits or Chinese numerals (52, 五十二, 四十) starting
    /// at `index` of folded code points: its value and where it ends.
    public func number(in points: [UInt32], at index: Int) -> (value: Double, end: Int)? {
        guard index < points.count else { return nil }
        return number(points, at: index).map { ($0.value, $0.end) }
    }

    /// Calls `body` with every number of the text (digits or Chinese numerals)
    /// and where it starts and ends, until it returns false.
    public func forEachNumber(in points: [UInt32], _ body: (_ value: Double, _ start: Int, _ end: Int) -> Bool) {
        var index = 0
        while index < points.count {
            guard startsNumber(points, at: index), let (value, end) = number(in: points, at: index) else {
                index += 1
                continue
            }
            guard body(value, index, end) else { return }
            index = max(end, index + 1)
        }
    }

    /// Whether the code point is a digit or a Chinese numeral (三, 十).
    static func isNumeral(_ point: UInt32) -> Bool {
        CharacterClass(point) == .digit || Self.digitValue(point) != nil || Self.unitValue(point) != nil
    }

    /// Whether a number starts at `index`: a digit or a Chinese numeral that no
    /// numeral precedes.
    func startsNumber(_ points: [UInt32], at index: Int) -> Bool {
        let starts = CharacterClass(points[index]) == .digit || Self.digitValue(points[index]) != nil
            || Self.unitValue(points[index]) == 10
        let continues = index > 0 && (CharacterClass(points[index - 1]) == .digit
            || Self.digitValue(points[index - 1]) != nil || Self.unitValue(points[index - 1]) != nil)
        return starts && !continues
    }

    /// A number starting at `index`: its value, where it ends, and whether it
    /// was written digit by digit (二〇一五, 2015) rather than with units (三十).
    private func number(_ points: [UInt32], at index: Int) -> (value: Double, end: Int, digitwise: Int)? {
        var end = index
        if CharacterClass(points[index]) == .digit {
            var text = ""
            while end < points.count {
                let point = points[end]
                if CharacterClass(point) == .digit {
                    text.unicodeScalars.append(Unicode.Scalar(point)!)
                } else if point == 0x2C, end + 3 < points.count,
                          (1...3).allSatisfy({ CharacterClass(points[end + $0]) == .digit }) {
                    // thousands separator
                } else if point == 0x2E, end + 1 < points.count, CharacterClass(points[end + 1]) == .digit,
                          !text.contains("."), !(text.count == 4 && (1950...2035).contains(Int(text) ?? 0)) {
                    // a decimal point, unless it follows a year (2015.3)
                    text.append(".")
                } else {
                    break
                }
                end += 1
            }
            guard let value = Double(text) else { return nil }
            return (value, end, text.contains(".") ? 0 : text.count)
        }
        // Chinese numerals: digit by digit (二〇一五) or with units (三十五, 两千).
        // 十二万三千 = (10 + 2) × 10000 + 3 × 1000: units below 万 build a section,
        // 万 and 亿 scale everything before them, when more numerals follow.
        var total = 0, section = 0, digit = 0, digits = 0, digitwiseValue = 0
        var usedUnit = false
        while end < points.count {
            let point = points[end]
            if let value = Self.digitValue(point) {
                digit = value
                digitwiseValue = digitwiseValue * 10 + value
                digits += 1
            } else if let unit = Self.unitValue(point) {
                section += (digit == 0 && !usedUnit && digits == 0 ? 1 : digit) * unit
                digit = 0
                usedUnit = true
            } else if point == Self.wan || point == Self.yi, usedUnit || digits > 0,
                      end + 1 < points.count,
                      Self.digitValue(points[end + 1]) != nil || Self.unitValue(points[end + 1]) != nil {
                total = (total + section + digit) * (point == Self.wan ? 10_000 : 100_000_000)
                section = 0
                digit = 0
                usedUnit = true
            } else {
                break
            }
            end += 1
        }
        guard end > index else { return nil }
        if !usedUnit { return (Double(digitwiseValue), end, digits) }
        return (Double(total + section + digit), end, 0)
    }

    func numbers(_ points: [UInt32], into entities: inout Entities) {
        var index = 0
        while index < points.count {
            let startsNumber = CharacterClass(points[index]) == .digit || Self.digitValue(points[index]) != nil
                || (Self.unitValue(points[index]) == 10)
            let continuesNumber = index > 0 && (CharacterClass(points[index - 1]) == .digit
                || Self.digitValue(points[index - 1]) != nil || Self.unitValue(points[index - 1]) != nil)
            guard startsNumber, !continuesNumber, let found = number(points, at: index) else {
                if Self.openingBrackets.contains(points[index]), let (caseNumber, end) = caseNumber(points, at: index) {
                    entities.caseNumbers.insert(caseNumber)
                    index = end
                } else {
                    index += 1
                }
                continue
            }
            var end = found.end
            let next = end < points.count ? points[end] : 0
            let afterNext = end + 1 < points.count ? points[end + 1] : 0
            switch next {
            case Self.wan, Self.yi:
                let scale = next == Self.wan ? 10_000.0 : 100_000_000.0
                if afterNext == Self.yuan || afterNext == Self.kuai {
                    entities.amounts.insert(Int((found.value * scale).rounded()))
                    end += 2
                } else if afterNext == Self.mu {
                    entities.areas.insert(Int((found.value * scale).rounded()))
                    end += 2
                }
            case Self.yuan, Self.kuai:
                if found.value >= 10 { entities.amounts.insert(Int(found.value.rounded())) }
                end += 1
            case Self.mu:
                entities.areas.insert(Int(found.value.rounded()))
                end += 1
            case Self.nian where found.digitwise == 4 || found.digitwise == 2:
                let year = found.digitwise == 2 ? 2000 + Int(found.value) : Int(found.value)
                if (1950...2035).contains(year) { entities.years.insert(year) }
                end += 1
            case 0x2D where (1...3).contains(found.digitwise):
                // 31-6-903: building, unit and room written with dashes. A unit has one
                // or two digits and a room three or four: 158-3281-7391 is a phone.
                if let unit = number(points, at: end + 1), (1...2).contains(unit.digitwise), unit.end < points.count,
                   points[unit.end] == 0x2D, unit.end + 1 < points.count,
                   let roomNumber = number(points, at: unit.end + 1), (3...4).contains(roomNumber.digitwise) {
                    entities.rooms.insert("\(Int(found.value))-\(Int(unit.value))-\(Int(roomNumber.value))")
                    end = roomNumber.end
                }
            case let separator where [0x2E, 0x2D, 0x2F].contains(separator) && found.digitwise == 4
                && (1950...2035).contains(Int(found.value)) && CharacterClass(afterNext) == .digit:
                entities.years.insert(Int(found.value))
            case Self.hao where afterNext == Self.lou, Self.dong, Self.zhuang, Self.zuo:
                if let (room, roomEnd) = room(points, building: Int(found.value), after: next == Self.hao ? end + 2 : end + 1) {
                    entities.rooms.insert(room)
                    end = roomEnd
                }
            default:
                break
            }
            index = max(end, index + 1)
        }
    }

    /// The unit and room after a building number: 2单元301室, 301室, 2-301.
    private func room(_ points: [UInt32], building: Int, after index: Int) -> (String, Int)? {
        var position = index
        var unit: Int?
        if position < points.count, let found = number(points, at: position), found.end < points.count,
           points[found.end] == Self.dan, found.end + 1 < points.count, points[found.end + 1] == Self.yuanUnit {
            unit = Int(found.value)
            position = found.end + 2
        }
        guard position < points.count, var roomNumber = number(points, at: position) else {
            return unit.map { ("\(building)-\($0)-", position) }
        }
        // 1号楼2-803: the unit and the room joined by a dash.
        if unit == nil, (1...2).contains(roomNumber.digitwise), roomNumber.end + 1 < points.count,
           points[roomNumber.end] == 0x2D, let afterDash = number(points, at: roomNumber.end + 1),
           (3...4).contains(afterDash.digitwise) {
            unit = Int(roomNumber.value)
            roomNumber = afterDash
        }
        var end = roomNumber.end
        if end < points.count, points[end] == Self.shi || points[end] == Self.hao { end += 1 }
        return ("\(building)-\(unit.map(String.init) ?? "")-\(Int(roomNumber.value))", end)
    }

    /// (2019)鲁0112民初1234号 → 2019鲁0112民初1234.
    private func caseNumber(_ points: [UInt32], at index: Int) -> (String, Int)? {
        var position = index + 1
        func take(_ predicate: (UInt32) -> Bool, min: Int, max: Int) -> [UInt32]? {
            var taken: [UInt32] = []
            while position < points.count, taken.count < max, predicate(points[position]) {
                taken.append(points[position])
                position += 1
            }
            return taken.count >= min ? taken : nil
        }
        let isDigit = { (point: UInt32) in CharacterClass(point) == .digit }
        let isHan = { (point: UInt32) in CharacterClass(point) == .han }
        guard let year = take(isDigit, min: 4, max: 4), position < points.count,
              Self.closingBrackets.contains(points[position]) else { return nil }
        position += 1
        guard let court = take(isHan, min: 1, max: 2), let code = take(isDigit, min: 0, max: 6),
              let kind = take(isHan, min: 1, max: 4), let serial = take(isDigit, min: 1, max: 8) else { return nil }
        if position < points.count, points[position] == Self.hao { position += 1 }
        var text = String.UnicodeScalarView()
        for point in year + court + code + kind + serial { text.append(Unicode.Scalar(point)!) }
        return (String(text), position)
    }
}
