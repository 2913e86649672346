// Fills style-2 templates for one petition or backlog case: the matter's
// places and facts (from Ctx, shared with style 1, because they are the world
// and not its wording), written in style 2's own forms and voice.

/// Renders style-2 templates for one text. Choices that a writer keeps through a text (the word for a
/// property certificate, how the petitioner is named, the place's short form) are made once and kept.
struct Style2Writer {
    /// The matter's world view (places, facts, petitioners, dates) and the random stream of this text.
    var c: Ctx
    let phrasing: Style2Phrasing
    let voice: Style2Voice
    /// The petitioner(s) as this text names them.
    var nameInText = ""
    /// Headcount as written (四十余) and with its noun (四十余户业主); for an individual backlog case, the name.
    var hc = ""
    var crowd = ""
    /// Demand phrases in the order {demand} hands them out.
    var demands: [String] = []
    var visits = 0
    var opened = ""
    private var demandCursor = 0
    private var wordPicks: [Int]
    /// Use the everyday short form of the place (阳光花园 for 阳光花园小区, 宏远公司 for 济南宏远…有限公司).
    private let shortNames: Bool
    /// How this writer says "I" and "we": 俺 and 俺们 are common in Shandong, Henan and Hebei.
    private let selfWord: String
    private let groupWord: String

    init(_ c: Ctx, voice: Style2Voice) {
        self.c = c
        self.voice = voice
        phrasing = style2Phrasings[Int(c.mt.problem)]
        wordPicks = [Int](repeating: -1, count: style2WordGroups.count)
        let short = self.c.r.chance(0.35)
        shortNames = voice.isCitizen && short
        let northern = ["山东省", "河南省", "河北省"].contains(c.county.province)
        let u = self.c.r.unit()
        if northern && u < 0.2 {
            selfWord = "俺"; groupWord = "俺们"
        } else {
            selfWord = u < 0.8 ? "我" : "本人"
            groupWord = u < 0.9 ? "我们" : "大伙"
        }
    }

    // MARK: - Rendering

    mutating func text(_ t: Style2Template) -> String {
        var s = ""
        render(t.pieces, into: &s)
        return s
    }

    mutating func pickText(_ ts: [Style2Template]) -> String { text(ts[c.r.int(ts.count)]) }

    private mutating func render(_ pieces: [Style2Template.Piece], into s: inout String) {
        for p in pieces {
            switch p {
            case .text(let x): s += x
            case .slot(let k): s += value(k)
            case .word(let g): s += word(g)
            case .choice(let alts): render(alts[c.r.int(alts.count)], into: &s)
            }
        }
    }

    private mutating func word(_ g: Int) -> String {
        let words = style2WordGroups[g].words
        if wordPicks[g] < 0 || c.r.chance(0.12) { wordPicks[g] = c.r.int(words.count) }
        return words[wordPicks[g]]
    }

    // MARK: - Slots

    private mutating func value(_ k: Style2Slot) -> String {
        let f = c.f
        switch k {
        case .me: return subject()
        case .filer: return filerNoun
        case .my: return possessive()
        case .name: return nameInText
        case .sur: return c.reps[0].surnameString
        case .age: return style2Count(max(18, civilFromDays(c.recv).y - c.reps[0].birthYear), &c.r)
        case .sex: return c.reps[0].male ? "男" : "女"
        case .birth: return String(c.reps[0].birthYear)
        case .phone: return formatPhone(c.reps[0].phone, &c.r)
        case .home: return home()
        case .place: return placeName(c.pr.kind)
        case .placeAt: return placeInLocality()
        case .estate: return placeName(.estate)
        case .company: return placeName(.company)
        case .village: return placeName(.village)
        case .hosp: return placeName(.hospital)
        case .school: return placeName(.school)
        case .court: return placeName(.court)
        case .road: return placeName(.road)
        case .unit: return placeName(.unit)
        case .town: return c.town
        case .county: return c.county.name
        case .city: return c.county.city
        case .dev: return shortNames ? developerShortName(f.dev) : f.dev
        case .pm: return shortNames ? brandOf(f.pm, suffixes: ["物业管理有限公司"]) + "物业" : f.pm
        case .boss: return bossName()
        case .bossSur: return surnames[f.bossSurname]
        case .project: return f.project
        case .caseno: return caseNumber()
        case .contract: return f.contract
        case .price: return f.price
        case .temp: return c.r.chance(0.7) ? String(f.temp) : chineseNumber(f.temp)
        case .job: return f.job
        case .amount: return style2Amount(f.amount, &c.r)
        case .amount2: return style2Amount(f.amount2, &c.r)
        case .date: return voice == .official ? officialDate(f.y, f.m) : style2Date(f.y, f.m, f.d, writtenOn: c.recv, &c.r)
        case .date2: return voice == .official ? officialDate(f.y2, f.m2) : style2Date(f.y2, f.m2, f.d2, writtenOn: c.recv, &c.r)
        case .year: return style2Year(f.year, &c.r)
        case .years: return style2YearSpan(max(1, civilFromDays(c.recv).y - f.y2), &c.r)
        case .months:
            let now = civilFromDays(c.recv)
            return style2Count(max(3, (now.y - f.y2) * 12 + now.m - f.m2), &c.r)
        case .room: return style2Room(building: f.building, unit: f.unitNo, room: f.roomNo, &c.r)
        case .area: return style2Area(tenths: f.area, &c.r)
        case .hc: return hc
        case .crowd: return crowd
        case .people: return phrasing.people
        case .resp:
            if !c.respondent.isEmpty { return c.respondent }
            return deptName(c.pr.depts[0], c.county, cityLevel: false, town: c.town)
        case .prev: return style2FilingDay(c.prev >= 0 ? c.prev : c.first, writtenOn: c.recv, &c.r)
        case .first:
            if voice == .official {
                let d = civilFromDays(c.first)
                return officialDate(d.y, d.m)
            }
            return style2FilingDay(c.first, writtenOn: c.recv, &c.r)
        case .prevOrgan: return lowerOrgan()
        case .officialSur: return surnames[c.r.int(surnames.count)]
        case .visits: return style2Count(visits, &c.r)
        case .topic: return pickText(phrasing.topics)
        case .demand:
            if demands.isEmpty { return "" }
            defer { demandCursor += 1 }
            return demands[demandCursor % demands.count]
        case .leader: return c.leader
        case .units: return c.units
        case .opened: return opened
        }
    }

    private var filerNoun: String { ["来信人", "来访人", "留言人", "来电人"][c.channel] }

    private mutating func subject() -> String {
        switch voice {
        case .citizen: return selfWord
        case .citizenGroup: return groupWord
        case .clerk:
            return c.r.pick(["其", "其", filerNoun, "该人", nameInText, c.reps[0].male ? "他" : "她"])
        case .clerkGroup: return c.r.pick(["他们", "这些" + phrasing.people, "来访群众", "群众"])
        case .official:
            if c.mt.headcount > 1 || c.mt.kind == kindClassMember { return c.r.pick(["群众", phrasing.people]) }
            return c.r.pick(["当事人", "信访人"])
        }
    }

    private mutating func possessive() -> String {
        switch voice {
        case .citizen: return selfWord == "本人" ? "我家" : selfWord + (c.r.chance(0.5) ? "家" : "")
        case .citizenGroup: return groupWord
        case .clerk: return c.r.chance(0.6) ? "其" : (c.reps[0].male ? "他家" : "她家")
        case .clerkGroup: return "他们"
        case .official: return "当事人"
        }
    }

    /// Official texts date to the month and never relative to the day of writing.
    private mutating func officialDate(_ y: Int, _ m: Int) -> String { c.r.chance(0.8) ? "\(y)年\(m)月" : "\(y)年" }

    /// Where the petitioner lives: the estate's flat, the village, or (for a problem elsewhere) the home.
    private mutating func home() -> String {
        let county = Int(c.mt.county)
        switch c.pr.kind {
        case .estate:
            return c.county.name + placeName(.estate) + style2Room(building: c.f.building, unit: c.f.unitNo,
                                                                   room: c.f.roomNo, &c.r)
        case .village: return c.county.name + c.town + placeName(.village)
        default:
            if c.r.chance(0.5) { return c.county.name + estateName(county, c.f.resIdx) + "\(c.f.building)栋" }
            return c.county.name + townName(county, c.f.resIdx % 12) + villageName(county, c.f.resIdx)
        }
    }

    /// A place of the matter, in its short everyday form when this writer uses those.
    private func placeName(_ kind: PlaceKind) -> String {
        let full = c.place(kind)
        guard shortNames else { return full }
        switch kind {
        case .estate: return full.hasSuffix("小区") && full.count > 4 ? String(full.dropLast(2)) : full
        case .company:
            if full.hasSuffix("厂") { return full }
            let brand = brandOf(full, suffixes: ["集团有限公司", "股份有限公司", "有限责任公司", "有限公司"])
            return brand + "公司"
        case .village: return full.hasSuffix("村") && full.count > 3 ? String(full.dropLast()) : full
        default: return full
        }
    }

    /// The matter's own place embedded in its locality, as people name where something is.
    private mutating func placeInLocality() -> String {
        let p = placeName(c.pr.kind)
        let county = c.county.name, town = c.town
        switch c.pr.kind {
        case .estate:
            return c.r.pick([county + p, "位于" + c.place(.road) + "的" + p, town + p, c.county.city + county + p, p,
                             c.place(.road) + "上的" + p])
        case .company:
            return c.r.pick([p, "位于" + town + "的" + p, county + "的" + p, p + "（在" + town + "）"])
        case .village:
            return c.r.pick([county + town + p, town + p, p])
        case .road:
            return c.r.pick([county + p, p, c.county.city + p])
        default:
            return c.r.pick([p, county + "的" + p])
        }
    }

    private mutating func bossName() -> String {
        let s = surnames[c.f.bossSurname]
        let u = c.r.unit()
        if voice.isCitizen && u < 0.2 { return "老" + s }
        if u < 0.45 { return s + "某" }
        if u < 0.75 { return s + "某某" }
        return s + givenChars[c.f.bossGiven]
    }

    private mutating func caseNumber() -> String {
        let s = c.f.caseno
        switch c.r.int(4) {
        case 0: return fastReplace(fastReplace(s, "(", "（"), ")", "）")
        case 1: return fastReplace(fastReplace(s, "(", "["), ")", "]")
        default: return s
        }
    }

    /// The organ an earlier filing went to: the petition's level or the one below.
    private mutating func lowerOrgan() -> String {
        let level = c.level > 0 && c.r.chance(0.6) ? c.level - 1 : c.level
        switch level {
        case 0: return c.r.pick([c.county.name + "信访局", "区里", "街道", c.town, c.county.name + "政府"])
        case 1: return c.r.pick([c.county.city + "信访局", "市里", "市长热线", c.county.city + "政府"])
        case 2: return c.r.pick(["省信访局", "省里", "省政府"])
        default: return c.r.pick(["国家信访局", "北京"])
        }
    }
}

/// A name's distinctive part: without its city prefix and legal-form suffix (宏远 of 济南宏远置业有限公司).
func brandOf(_ full: String, suffixes: [String]) -> String {
    var s = full
    for suf in suffixes where s.hasSuffix(suf) {
        s = String(s.dropLast(suf.count))
        break
    }
    for c in counties where s.hasPrefix(c.cityShort) && s.count > c.cityShort.count + 1 {
        s = String(s.dropFirst(c.cityShort.count))
        break
    }
    return s
}

/// A developer as people call it: 宏远地产, 宏远置业, 宏远公司.
private func developerShortName(_ full: String) -> String {
    let brand = brandOf(full, suffixes: ["房地产开发有限公司", "置业有限公司"])
    let tail = full.hasSuffix("置业有限公司") ? "置业" : (full.utf8.count % 2 == 0 ? "地产" : "房产")
    return brand + tail
}
