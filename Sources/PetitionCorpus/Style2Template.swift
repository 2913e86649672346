// The template language of phrasing style 2. It has the same surface syntax as
// style 1's (so both read alike to whoever edits them), but its own slots and
// word groups, so that no style-1 synonym list can leak into style 2.
//
//   {slot}     a value of the matter or the petition (see Style2Slot)
//   {~group}   a word from a style-2 word group (see style2WordGroups), kept per petition
//   [a|b|c]    one alternative, chosen per rendering; alternatives may hold slots and be empty

/// A parsed style-2 template.
struct Style2Template: Sendable {
    indirect enum Piece: Sendable {
        case text(String)
        case slot(Style2Slot)
        case word(Int)
        case choice([[Piece]])
    }

    let pieces: [Piece]

    init(_ source: String) {
        pieces = Style2Template.parse(Array(source), source)
    }

    private static func parse(_ chars: [Character], _ source: String) -> [Piece] {
        var out: [Piece] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { out.append(.text(literal)); literal = "" }
        }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "{" {
                flush()
                guard let close = chars[i...].firstIndex(of: "}") else { fatalError("unclosed { in \(source)") }
                let key = String(chars[(i + 1)..<close])
                if key.hasPrefix("~") {
                    let name = String(key.dropFirst())
                    guard let g = style2WordGroupIndex[name] else { fatalError("unknown word group \(name) in \(source)") }
                    out.append(.word(g))
                } else {
                    guard let s = Style2Slot(rawValue: key) else { fatalError("unknown slot \(key) in \(source)") }
                    out.append(.slot(s))
                }
                i = close + 1
            } else if ch == "[" {
                flush()
                // split at top-level bars up to the matching ]
                var depth = 0, j = i + 1
                var parts: [[Character]] = [[]]
                while j < chars.count {
                    let x = chars[j]
                    if x == "[" { depth += 1 }
                    if x == "]" {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    if x == "|" && depth == 0 { parts.append([]) } else { parts[parts.count - 1].append(x) }
                    j += 1
                }
                if j >= chars.count { fatalError("unclosed [ in \(source)") }
                out.append(.choice(parts.map { parse($0, source) }))
                i = j + 1
            } else {
                literal.append(ch)
                i += 1
            }
        }
        flush()
        return out
    }
}

/// The values a style-2 template can ask for.
enum Style2Slot: String, Sendable {
    // the voice of the text
    case me          // subject: 我 / 我们 / 其 / 来访人 / 当事人 …
    case filer       // the clerk's word for who filed: 来信人 / 来访人 / 留言人 / 来电人
    case my          // possessive: 我家 / 我们 / 其 / 他家 …
    case name        // the petitioner(s) as named in the text
    case sur         // the petitioner's surname
    case age, sex, birth, phone
    case home        // where the petitioner lives, as a short address
    // places
    case place       // the matter's own place, bare (sometimes shortened: 阳光花园 for 阳光花园小区)
    case placeAt     // the same place embedded in its locality (位于解放路的…, 历城区…, 唐王镇…)
    case estate, company, village, hosp, school, court, road, unit, town, county, city
    // facts of the matter
    case dev, pm, boss, bossSur, project, caseno, contract, price, temp, job
    case amount, amount2, date, date2, year, years, months, room, area
    // the group
    case hc          // headcount as written: 四十余 / 二十多 / 七十二
    case crowd       // headcount and group noun: 四十余户业主
    case people      // the group noun without a measure word: 业主, 农民工, 村民
    // history and addressees
    case resp, prev, first, prevOrgan, officialSur, visits
    case topic, demand
    case leader, units, opened
}
