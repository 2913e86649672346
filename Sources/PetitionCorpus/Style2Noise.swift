// The slips of real petitions, in phrasing style 2: a wrong character from the
// input method, two characters of a place name swapped, half-width
// punctuation typed on an English keyboard, doubled exclamation marks.
// Traditional characters and full-width digits reuse Text.swift's converters:
// those are character tables, not wording.

/// Characters a pinyin or wubi input method puts in place of the intended ones (none shared with style 1's list).
let style2Typos: [(intended: String, typed: String)] = [
    ("在", "再"), ("以后", "已后"), ("那里", "哪里"), ("发放", "发方"), ("希望", "希往"), ("工程", "工城"),
    ("合同", "和同"), ("开发", "开法"), ("社区", "设区"), ("退休", "退修"), ("赔偿", "陪偿"), ("领导", "领到"),
    ("材料", "才料"), ("证明", "正明"), ("没有", "没由"), ("一直", "一只"), ("交房", "交方"), ("情况", "清况"),
    ("已经", "已近"), ("的", "得"), ("做", "作"), ("像", "象"), ("公司", "公私"), ("政策", "政册"),
]

/// Replaces the first occurrence of one of the typo list's words that the text holds.
func applyStyle2Typo(_ s: String, _ r: inout RNG) -> String {
    let start = r.int(style2Typos.count)
    for i in 0..<style2Typos.count {
        let t = style2Typos[(start + i) % style2Typos.count]
        if let x = replaceFirst(s, t.intended, t.typed) { return x }
    }
    return s
}

/// The name with two adjacent characters of its distinctive first part swapped (阳光花园 -> 光阳花园),
/// or nil when it is too short or the two are the same.
func transposedName(_ name: String, _ r: inout RNG) -> String? {
    var chars = Array(name)
    guard chars.count >= 4 else { return nil }
    let i = r.int(min(3, chars.count - 2))
    if chars[i] == chars[i + 1] { return nil }
    chars.swapAt(i, i + 1)
    return String(chars)
}

private let halfWidthPunctuation: [(String, String)] = [("，", ","), ("：", ":"), ("！", "!"), ("？", "?"), ("；", ";"),
                                                         ("（", "("), ("）", ")")]

/// The text as typed with an English keyboard layout: half-width commas, colons and marks.
func withHalfWidthPunctuation(_ s: String) -> String {
    var out = s
    for (full, half) in halfWidthPunctuation { out = fastReplace(out, full, half) }
    return out
}
