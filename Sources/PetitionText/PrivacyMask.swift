/// Masks resident ID numbers and phone numbers, the petitioners' protected
/// data, wherever they appear: 3701**********123X and 138****0000.
///
/// Two rules keep a sequence of answers from recovering a hidden digit:
///
/// - **The same positions always show.** A number in free text shows its
///   first three and last four digits whatever its form (`138 0013 8000`,
///   `138.0013.8000`, `(138)00138000`, `+86 138…`, full-width digits, Chinese
///   numerals), a subset of what ``identifier(_:)`` shows of a field (four and
///   four for an ID number), so that no two answers show different digits.
/// - **A cut number shows nothing.** A snippet's window can open inside a
///   number; the part it keeps cannot be told from a whole shorter number, so
///   every digit of a run touching a cut (`…`) is masked.
public enum PrivacyMask {
    /// Digits kept at the start and end of a number in free text.
    static let keptAtStart = 3, keptAtEnd = 4
    /// Fewer digits than this in a run are not an identifier (a year, an amount, a room).
    static let shortestIdentifier = 7
    /// Separators a number may be written with between its digits (at most
    /// two together), including the search highlight's marks, which a
    /// highlighted number is cut by.
    static let separators: Set<Character> = [
        " ", "\u{3000}", "-", "－", "‐", "–", "—", ".", "．", "(", ")", "（", "）", "+", "＋", "/", "／",
        "\u{1}", "\u{2}", "【", "】",
    ]
    static let chineseDigits: Set<Character> = ["〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let cut: Character = "…"

    /// A whole identifier as written: ID numbers keep 4 + 4 characters, other
    /// numbers their first 3 and last 4 digits; separators are kept.
    public static func identifier(_ text: String) -> String {
        let characters = Array(text)
        // A star counts as the digit it hides, so that masking twice masks the same positions.
        let significant = characters.indices.filter {
            characters[$0].isLetter || characters[$0].isNumber || characters[$0] == "*"
        }
        guard significant.count >= 7 else { return String(repeating: "*", count: characters.count) }
        let isID = significant.count >= 15
        let keepStart = isID ? 4 : 3, keepEnd = 4
        var masked = characters
        for (position, index) in significant.enumerated()
            where position >= keepStart && position < significant.count - keepEnd {
            masked[index] = "*"
        }
        return String(masked)
    }

    /// Free text (a title, a content, a snippet, a name, an organ) with every
    /// run of seven digits or more masked in place, whatever separates its
    /// digits, except dates and decimal amounts; a run touching `…` entirely.
    public static func text(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        var changed = false
        while index < characters.count {
            guard isDigit(characters[index]) else {
                index += 1
                continue
            }
            let run = digitRun(in: characters, from: index)
            index = run.end
            guard run.digits.count >= shortestIdentifier, !isDateOrAmount(run, in: characters) else { continue }
            let touchesCut = touches(cut: characters, before: run.start, after: run.end)
            for (position, digit) in run.digits.enumerated()
                where touchesCut || (position >= keptAtStart && position < run.digits.count - keptAtEnd) {
                characters[digit] = "*"
            }
            changed = true
        }
        return changed ? String(characters) : text
    }

    static func isDigit(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
        if let scalar = character.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value) { return true }
        return chineseDigits.contains(character)
    }

    /// A run of digits from `start`: digits joined by at most two separators,
    /// and an ID number's check letter X after fourteen digits or more.
    struct Run {
        var start: Int
        var end: Int
        var digits: [Int]
    }

    static func digitRun(in characters: [Character], from start: Int) -> Run {
        var digits: [Int] = []
        var index = start, end = start
        while index < characters.count {
            if isDigit(characters[index]) {
                digits.append(index)
                index += 1
                end = index
                continue
            }
            if (characters[index] == "X" || characters[index] == "x"), digits.count >= 14, index == end {
                digits.append(index)
                index += 1
                end = index
                break
            }
            var gap = index
            while gap < characters.count, gap - index < 2, separators.contains(characters[gap]) { gap += 1 }
            guard gap > index, gap < characters.count, isDigit(characters[gap]) else { break }
            index = gap
        }
        return Run(start: start, end: end, digits: digits)
    }

    /// A date (2021-03-12, 2021.3.12, a range of them) or an amount with
    /// decimals (1234567.50) is not an identifier.
    static func isDateOrAmount(_ run: Run, in characters: [Character]) -> Bool {
        var groups: [String] = [], separatorsUsed: [Character] = []
        var current = ""
        for (position, digit) in run.digits.enumerated() {
            if position > 0, digit > run.digits[position - 1] + 1 {
                groups.append(current)
                current = ""
                separatorsUsed.append(contentsOf: characters[(run.digits[position - 1] + 1)..<digit])
            }
            current.append(characters[digit])
        }
        groups.append(current)
        let values = groups.map { Int($0) }
        if Set(separatorsUsed) == ["."], groups.count == 2, groups[1].count <= 2 { return true }
        guard separatorsUsed.allSatisfy({ "-./－．／".contains($0) || $0 == " " }) else { return false }
        // Groups read as year, month, day, one date after another.
        guard groups.count % 3 == 0, values.allSatisfy({ $0 != nil }) else { return false }
        for start in stride(from: 0, to: groups.count, by: 3) {
            let (year, month, day) = (values[start]!, values[start + 1]!, values[start + 2]!)
            guard groups[start].count == 4, (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day)
            else { return false }
        }
        return true
    }

    /// Whether `…` lies next to the run, past any separator or highlight mark.
    static func touches(cut characters: [Character], before start: Int, after end: Int) -> Bool {
        var left = start - 1
        while left >= 0, separators.contains(characters[left]) { left -= 1 }
        if left >= 0, characters[left] == cut { return true }
        var right = end
        while right < characters.count, separators.contains(characters[right]) { right += 1 }
        return right < characters.count && characters[right] == cut
    }
}
