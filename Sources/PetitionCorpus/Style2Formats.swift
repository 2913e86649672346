// Numbers, dates, headcounts, rooms and areas as phrasing style 2 writes them:
// the forms citizens use (3万8, 15年3月, 去年, 四十余户, 3亩5分) as well as the
// formal ones of receipts and contracts (人民币叁万捌仟元整).

private let financialForms: [Character: Character] = [
    "一": "壹", "二": "贰", "三": "叁", "四": "肆", "五": "伍", "六": "陆", "七": "柒", "八": "捌", "九": "玖",
    "十": "拾", "百": "佰", "千": "仟",
]

/// 大写 numerals as written on receipts and contracts: 38000 -> 叁万捌仟, 15 -> 壹拾伍.
func financialNumeral(_ n: Int) -> String {
    var s = chineseNumber(n)
    // everyday numerals drop the 一 of a leading 十 (十五); 大写 never does (壹拾伍)
    if s.hasPrefix("十") { s = "一" + s }
    return String(s.map { financialForms[$0] ?? $0 })
}

private let zeroStyleDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/// A year digit by digit with 零, as most people type it: 二零一五 (clerks write 二〇一五).
func zeroStyleYear(_ y: Int) -> String {
    String(y).map { zeroStyleDigits[Int(String($0))!] }.joined()
}

/// An amount of yuan in one of the forms people write.
func style2Amount(_ n: Int, _ r: inout RNG) -> String {
    switch r.int(13) {
    case 0, 1: return "\(n)元"
    case 2: return "\(n)块钱"
    case 3, 4, 5: return colloquialAmount(n, &r) ?? "\(n)元"
    case 6: return "人民币" + financialNumeral(n) + "元整"
    case 7: return financialNumeral(n) + "元"
    case 8: return approximateAmount(n, &r)
    case 9: return "\(n).00元"
    case 10: return "￥" + groupThousands(n) + "元"
    case 11: return chineseNumber(n) + "块"
    default: return groupThousands(n) + "元"
    }
}

/// 3万8 / 三万八 / 3万8千块 / 5千6: nil when the amount has no such short form.
private func colloquialAmount(_ n: Int, _ r: inout RNG) -> String? {
    // a unit only after a round unit word: 3万8千块 and 3万8 are both said, 3万8块 would mean 30,008
    let unit = r.pick(["元", "块", "块钱"])
    if n >= 10_000 && n < 1_000_000 && n % 1000 == 0 {
        let wan = n / 10_000, thousands = (n % 10_000) / 1000
        if thousands == 0 { return (r.chance(0.5) ? "\(wan)" : chineseNumber(wan)) + "万" + unit }
        switch r.int(3) {
        case 0: return "\(wan)万\(thousands)"
        case 1: return "\(wan)万\(thousands)千" + unit
        default: return chineseNumber(wan) + "万" + chineseNumber(thousands)
        }
    }
    if n >= 1000 && n < 10_000 && n % 100 == 0 {
        let thousands = n / 1000, hundreds = (n % 1000) / 100
        if hundreds == 0 { return "\(thousands)千" + unit }
        return r.chance(0.5) ? "\(thousands)千\(hundreds)" : chineseNumber(thousands) + "千" + chineseNumber(hundreds)
    }
    if n >= 1_000_000 && n % 10_000 == 0 { return "\(n / 10_000)万" + unit }
    return nil
}

/// 3万多元 / 近4万元 / 三万来块钱 / 5千多元: how people write a sum they do not have to hand.
private func approximateAmount(_ n: Int, _ r: inout RNG) -> String {
    if n >= 10_000 {
        let wan = n / 10_000, rest = n % 10_000
        if rest >= 7000 && r.chance(0.5) { return "近\(wan + 1)万元" }
        return r.chance(0.5) ? "\(wan)万多元" : chineseNumber(wan) + "万来块钱"
    }
    if n >= 1000 { return "\(n / 1000)千多元" }
    return "\(n / 100 * 100)多元"
}

private func partOfMonth(_ d: Int) -> String { d <= 10 ? "初" : (d <= 20 ? "中旬" : "底") }

private func season(_ m: Int) -> String { ["冬天", "春天", "夏天", "秋天"][(m % 12) / 3] }

/// A date of the matter (a purchase, a layoff, a demolition), often relative to when the petition is written.
func style2Date(_ y: Int, _ m: Int, _ d: Int, writtenOn recv: Int, _ r: inout RNG) -> String {
    let thisYear = civilFromDays(recv).y
    switch r.int(14) {
    case 0, 1: return "\(y)年的\(m)月份"
    case 2: return pad(y % 100, 2) + "年\(m)月"
    case 3: return "\(y)年\(m)月" + partOfMonth(d)
    case 4: return zeroStyleYear(y) + "年" + chineseMonth(m) + "月"
    case 5, 6:
        if y == thisYear { return "今年\(m)月份" }
        if y == thisYear - 1 { return "去年\(m)月" }
        if y == thisYear - 2 { return "前年" }
        return "\(y)年\(m)月那会儿"
    case 7: return "\(y)年\(m)月\(d)号"
    case 8: return "\(y)/\(m)/\(d)"
    case 9: return "\(y)年" + r.pick(["左右", "前后"])
    case 10: return "\(y)年" + season(m)
    case 11: return pad(y % 100, 2) + "年"
    case 12: return "\(y)年\(m)月"
    default: return "\(y)年\(m)月\(d)日"
    }
}

/// The date of an earlier filing of the matter, relative to this one when that is how people say it.
func style2FilingDay(_ days: Int, writtenOn recv: Int, _ r: inout RNG) -> String {
    let then = civilFromDays(days), now = civilFromDays(recv)
    switch r.int(6) {
    case 0:
        let gap = recv - days
        if gap <= 45 { return "上个月" }
        if gap <= 75 { return "两个月前" }
        if then.y == now.y { return "今年\(then.m)月份" }
        if then.y == now.y - 1 { return then.m >= 11 ? "去年年底" : "去年\(then.m)月" }
        return "\(then.y)年\(then.m)月"
    case 1: return "\(then.y)年\(then.m)月\(then.d)日"
    case 2: return then.y == now.y ? "\(then.m)月\(then.d)号" : "\(then.y)年\(then.m)月\(then.d)号"
    case 3: return "\(then.y)/\(then.m)/\(then.d)"
    case 4: return "\(then.y)年\(then.m)月" + partOfMonth(then.d)
    default: return "\(then.y)年\(then.m)月"
    }
}

/// A number of people as written in a petition: 七十二, 四十余, 二十多, 近五十, 上百.
func style2Headcount(_ n: Int, _ r: inout RNG) -> String {
    if n < 10 { return chineseNumber(n) }
    if n >= 100 {
        switch r.int(4) {
        case 0: return chineseNumber(n / 100 * 100) + "多"
        case 1: return n < 200 ? "上百" : chineseNumber(n / 100) + "百余"
        case 2: return chineseNumber(n)
        default: return "\(n)"
        }
    }
    let tens = n / 10 * 10
    switch r.int(7) {
    case 0, 1: return chineseNumber(n)
    case 2: return chineseNumber(tens) + "余"
    case 3: return chineseNumber(tens) + "多"
    case 4: return n % 10 >= 7 ? "近" + chineseNumber(tens + 10) : chineseNumber(tens) + "来"
    default: return "\(n)"
    }
}

/// A span of years: 三年多, 5年, 整整三年, 三四年, 好几年.
func style2YearSpan(_ n: Int, _ r: inout RNG) -> String {
    switch r.int(6) {
    case 0: return "\(n)年"
    case 1: return chineseNumber(n) + "年多"
    case 2: return "整整" + chineseNumber(n) + "年"
    case 3: return n >= 2 && n <= 8 ? chineseNumber(n) + chineseNumber(n + 1) + "年" : "\(n)年"
    case 4: return n >= 3 ? "好几年" : chineseNumber(n) + "年"
    default: return chineseNumber(n) + "年"
    }
}

/// A flat: 5幢2单元301室, 5栋301房, 5号楼2-301, 5#301, 五号楼2单元301.
func style2Room(building b: Int, unit u: Int, room rm: Int, _ r: inout RNG) -> String {
    switch r.int(7) {
    case 0: return "\(b)幢\(u)单元\(rm)室"
    case 1: return "\(b)栋\(rm)房"
    case 2: return "\(b)号楼\(u)-\(rm)"
    case 3: return "\(b)#\(rm)"
    case 4: return "\(b)栋\(u)单元\(rm)"
    case 5: return "\(b)-\(u)-\(rm)号"
    default: return chineseNumber(b) + "号楼\(u)单元\(rm)"
    }
}

/// An area in tenths of a mu: 3亩5分, 三亩半, 三亩多, 3.5亩, 5分.
func style2Area(tenths: Int, _ r: inout RNG) -> String {
    let mu = tenths / 10, fen = tenths % 10   // 1 分 = 0.1 亩
    if mu == 0 { return r.chance(0.5) ? "\(fen)分" : chineseNumber(fen) + "分" }
    if fen == 0 {
        switch r.int(3) {
        case 0: return "\(mu)亩"
        case 1: return chineseNumber(mu) + "亩"
        default: return chineseNumber(mu) + "亩多"
        }
    }
    switch r.int(3) {
    case 0: return "\(mu)亩\(fen)分"
    case 1: return fen == 5 ? chineseNumber(mu) + "亩半" : chineseNumber(mu) + "亩" + chineseNumber(fen) + "分"
    default: return "\(mu).\(fen)亩"
    }
}

/// A calendar year: 1998, 98, 一九九八.
func style2Year(_ y: Int, _ r: inout RNG) -> String {
    switch r.int(4) {
    case 0: return pad(y % 100, 2)
    case 1: return chineseYear(y)
    default: return "\(y)"
    }
}

/// A plain count (months, visits, an age): digits or Chinese numerals.
func style2Count(_ n: Int, _ r: inout RNG) -> String { r.chance(0.6) ? "\(n)" : chineseNumber(n) }
