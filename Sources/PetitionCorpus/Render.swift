import Foundation

// Rendering: each petition of a matter is written independently, as a
// different clerk would write it, from the matter's seeds.

private let jobTitles = ["钢筋工", "木工", "瓦工", "电焊工", "保安", "操作工", "司机", "小工", "油漆工", "水电工", "保洁",
                         "仓库管理", "装卸工", "厨师"]
private let projectKinds = ["棚户区改造项目", "旧村改造项目", "道路拓宽工程", "产业园项目", "安置区项目", "城中村改造项目",
                            "商业综合体项目", "高速公路项目", "物流园项目", "片区开发项目"]

/// Per-matter facts derived from the matter's seeds (the same for every petition).
struct Facts {
    var dev: String = "", pm: String = "", project: String = ""
    var bossSurname = 0, bossGiven = 0
    var y = 0, m = 0, d = 0, y2 = 0, m2 = 0, d2 = 0, year = 0
    var building = 0, unitNo = 0, roomNo = 0
    var amount = 0, amount2 = 0, area = 0
    var caseno = "", contract = ""
    var temp = 0, price = ""
    var secIdx = 0, resIdx = 0, job = ""
    var spouseGiven = 0

    init(_ mt: Matter, _ pr: Problem) {
        let county = Int(mt.county)
        var s = RNG(mt.sharedSeed, 7)
        var o = RNG(mt.ownSeed, 9)
        let di = s.int(1_000_000)
        dev = developerName(county, di)
        pm = propertyCompanyName(county, s.int(1_000_000))
        bossSurname = s.int(surnames.count)
        bossGiven = s.int(givenChars.count)
        y2 = s.range(2009, 2016); m2 = s.range(1, 12); d2 = s.range(1, 28)
        secIdx = s.int(1_000_000)
        let pk = s.int(projectKinds.count)
        let pname: String
        switch s.int(3) {
        case 0: pname = townName(county, secIdx % 12)
        case 1: pname = roadName(county, secIdx)
        default: pname = brandName(county, secIdx, 31)
        }
        project = pname + projectKinds[pk]
        temp = s.range(8, 16)
        price = ["1.2", "1.5", "1.8", "2.0", "2.3", "2.6", "3.0", "3.5"][s.int(8)]
        // own
        y = s.range(0, 1) == 0 ? o.range(2005, y2) : o.range(2005, 2015)
        if y > y2 { y = y2 }
        m = o.range(1, 12); d = o.range(1, 28)
        year = o.range(1985, 2012)
        building = o.range(1, 32); unitNo = o.range(1, 6); roomNo = o.range(1, 33) * 100 + o.range(1, 4)
        if pr.amountHi > 0 {
            let lo = log(Double(pr.amountLo)), hi = log(Double(pr.amountHi))
            let v = exp(lo + (hi - lo) * o.unit())
            amount = max(pr.amountStep, Int(v) / pr.amountStep * pr.amountStep)
            amount2 = max(pr.amountStep, Int(Double(amount) * (0.2 + 0.5 * o.unit())) / pr.amountStep * pr.amountStep)
        } else {
            amount = o.range(20, 900) * 100
            amount2 = amount / 2
        }
        area = o.chance(0.7) ? o.range(1, 30) * 10 : o.range(5, 300)
        let c = counties[county]
        let cy = min(2016, y + o.range(0, 2))
        let seq = o.range(1, 9999)
        let court = Int(mt.placeIdx) % 4 == 0
            ? c.provinceAbbr + String(c.code.dropFirst(2).prefix(2)) + ["民终", "执", "民终", "执恢"][o.int(4)]
            : c.provinceAbbr + String(c.code.dropFirst(2)) + ["民初", "执", "民初", "执异", "行初"][o.int(5)]
        caseno = "(\(cy))" + court + "\(seq)号"
        contract = ["HT", "No.", "", "XY-"][o.int(4)] + "\(o.range(2008, 2018))" + pad(o.range(1, 9999), 4)
        resIdx = o.int(1_000_000)
        job = jobTitles[o.int(jobTitles.count)]
        spouseGiven = o.int(givenChars.count)
    }
}

struct Rendered {
    var title = ""
    var content = ""
    var respondent = ""
    var names: [(name: String, id: String?, phone: String?)] = []
    var headcount = 1
    var channel = 0
    var trad = false
}

struct Ctx {
    let mt: Matter
    let pr: Problem
    let f: Facts
    let county: County
    var r: RNG
    var syn: [Int8]
    var nameStyle = 0          // 0 full, 1 X某, 2 X某某
    var firstPerson = false
    var reps: [Person] = []
    var recv = 0
    var prev = -1
    var first = 0
    var level = 0
    var respondent = ""
    var n = ""                 // group phrase for backlog text
    var leader = ""
    var units = ""
    var pcount = 0
    var official = false       // backlog wording: no personal voice
    var channel = 0
    var headcount = 1

    init(_ mt: Matter, _ r: RNG) {
        self.mt = mt
        pr = problems[Int(mt.problem)]
        f = Facts(mt, pr)
        county = counties[Int(mt.county)]
        self.r = r
        syn = [Int8](repeating: -1, count: synonymTable.count)
    }

    func personName(_ p: Person, _ style: Int) -> String {
        switch style {
        case 1: return p.surnameString + "某"
        case 2: return p.surnameString + "某某"
        default: return p.fullName
        }
    }

    var mainPerson: Person { reps[0] }

    mutating func bossName() -> String {
        let s = surnames[f.bossSurname]
        switch r.int(10) {
        case 0, 1, 2, 3, 4: return s + "某"
        case 5, 6, 7: return s + "某某"
        default: return s + givenChars[f.bossGiven]
        }
    }

    var town: String {
        townName(Int(mt.county), Int(mix(UInt64(mt.placeIdx), UInt64(pr.kind.rawValue)) % 12))
    }

    func placeName(_ kind: PlaceKind, _ idx: Int) -> String {
        let c = Int(mt.county)
        switch kind {
        case .estate: return estateName(c, idx)
        case .company: return companyName(c, idx)
        case .village: return villageName(c, idx)
        case .hospital: return hospitalName(c, idx)
        case .school: return schoolName(c, idx)
        case .court: return courtName(c, idx % 4 == 0)
        case .road: return roadName(c, idx)
        case .unit: return unitName(c, idx)
        }
    }

    /// The primary place of the matter when the problem's kind is `kind`, else a secondary one.
    func place(_ kind: PlaceKind) -> String {
        if pr.kind == kind { return placeName(kind, Int(mt.placeIdx)) }
        return placeName(kind, f.secIdx &+ kind.rawValue * 7)
    }

    mutating func room() -> String {
        let b = f.building, u = f.unitNo, rm = f.roomNo
        switch r.int(8) {
        case 0, 1, 2: return "\(b)号楼\(u)单元\(rm)室"
        case 3: return "\(b)-\(u)-\(rm)"
        case 4: return "\(b)栋\(u)单元\(rm)室"
        case 5: return "\(b)号楼\(rm)室"
        case 6: return "\(b)#\(u)单元\(rm)"
        default: return "\(b)号楼\(u)单元\(rm)号"
        }
    }

    mutating func addr() -> String {
        let pre = r.chance(0.3) ? county.city + county.name : county.name
        switch pr.kind {
        case .estate: return pre + (r.chance(0.3) ? town : "") + place(.estate) + room()
        case .road: return pre + place(.road) + estateName(Int(mt.county), f.resIdx) + "\(f.building)号楼"
        case .village: return pre + town + place(.village)
        default:
            // the petitioner's home
            if r.chance(0.5) {
                return pre + estateName(Int(mt.county), f.resIdx) + "\(f.building)号楼"
            }
            return pre + townName(Int(mt.county), f.resIdx % 12) + villageName(Int(mt.county), f.resIdx)
        }
    }

    mutating func who() -> String {
        if official { return mt.kind == kindClassMember || mt.headcount > 1 ? "群众" : "信访人" }
        if mt.headcount > 1 {
            if firstPerson { return r.pick(["我们", "我们", "我们业主", "大家"]) }
            return r.pick(["{name}等人", "他们", "群众", "信访人"])
        }
        if firstPerson { return r.chance(0.6) ? "我" : "本人" }
        return r.pick(["信访人", "{name}", "其", "该信访人", "{name}"])
    }

    mutating func names() -> String {
        var s = personName(reps[0], nameStyle)
        if reps.count > 1 && r.chance(0.5) {
            for p in reps.dropFirst() { s += "、" + personName(p, nameStyle) }
        }
        return s
    }

    mutating func synonym(_ k: Int) -> String {
        let words = synonymTable[k].1
        if syn[k] < 0 || r.chance(0.1) { syn[k] = Int8(r.int(words.count)) }
        return words[Int(syn[k])]
    }

    mutating func fact(_ f0: Fact) -> String {
        switch f0 {
        case .name: return names()
        case .who:
            let w = who()
            return w == "{name}" || w == "{name}等人" ? personName(reps[0], nameStyle) + (w.hasSuffix("等人") ? "等人" : "") : w
        case .whose: return firstPerson ? "我" : "其"
        case .place:
            return place(pr.kind)
        case .addr: return addr()
        case .room: return room()
        case .dev: return f.dev
        case .pm: return f.pm
        case .boss: return bossName()
        case .amount: return formatAmount(f.amount, &r)
        case .amount2: return formatAmount(f.amount2, &r)
        case .area: return formatArea(f.area, &r)
        case .date: return formatDate(f.y, f.m, f.d, &r)
        case .date2: return formatDate(f.y2, f.m2, f.d2, &r)
        case .year: return "\(f.year)"
        case .nyears:
            let ry = civilFromDays(recv).y
            return String(max(1, ry - f.y2))
        case .nmonths:
            let c = civilFromDays(recv)
            return String(max(3, (c.y - f.y2) * 12 + c.m - f.m2))
        case .county: return county.name
        case .city: return county.city
        case .province: return county.province
        case .town: return town
        case .village: return place(.village)
        case .road: return place(.road)
        case .hosp: return place(.hospital)
        case .school: return place(.school)
        case .court: return place(.court)
        case .company: return place(.company)
        case .unit: return pr.kind == .unit ? place(.unit) : f.job
        case .caseno:
            var s = f.caseno
            switch r.int(4) {
            case 0: s = fastReplace(fastReplace(s, "(", "（"), ")", "）")
            case 1: s = fastReplace(fastReplace(s, "(", "〔"), ")", "〕")
            default: break
            }
            return s
        case .n: return n
        case .resp: return respondent.isEmpty ? county.name + pr.depts[0] : respondent
        case .prev: return prev >= 0 ? formatDay(prev, &r) : formatDay(first, &r)
        case .first: return formatDay(first, &r)
        case .project: return f.project
        case .temp: return String(f.temp)
        case .price: return f.price
        case .contract: return f.contract
        case .idnum: return reps[0].idNumber
        case .phone: return formatPhone(reps[0].phone, &r)
        case .age: return String(max(18, civilFromDays(recv).y - reps[0].birthYear))
        case .sex: return reps[0].male ? "男" : "女"
        case .pcount: return String(pcount)
        case .leader: return leader
        case .units: return units
        case .hc: return String(headcount)
        case .verb: return ["来信", "来访", "网上", "来电"][channel]
        case .noun: return pr.groupNoun
        case .prevlevel:
            let l = level > 0 && r.chance(0.6) ? level - 1 : level
            switch l {
            case 0: return county.name + r.pick(["信访局", "有关部门", "政府", ""])
            case 1: return county.city + r.pick(["信访局", "有关部门", "政府", ""])
            case 2: return r.pick(["省信访局", "省里", "省有关部门"])
            default: return r.pick(["国家信访局", "北京"])
            }
        case .req: return text(pr.requests[r.int(pr.requests.count)])
        case .pname: return pr.name
        }
    }

    mutating func render(_ t: Template, into s: inout String) {
        for seg in t {
            switch seg {
            case .lit(let x): s += x
            case .fact(let f0): s += fact(f0)
            case .syn(let k): s += synonym(k)
            case .alt(let alts): render(alts[r.int(alts.count)], into: &s)
            }
        }
    }

    mutating func text(_ t: Template) -> String {
        var s = ""
        render(t, into: &s)
        return s
    }

    mutating func text(_ t: String) -> String { text(parseCached(t)) }
}

// Templates written in this file are parsed once.
private let cache: [String: Template] = {
    var d: [String: Template] = [:]
    for t in openingsThird + openingsFirst + openingsGroupThird + openingsGroupFirst + histories + escalations
        + closings + notes + requestFrames + genericTitles + backlogHistory + backlogIndividual + statusLines
        + extraTemplates + elaborations {
        d[t] = parseTemplate(t)
    }
    return d
}()

func parseCached(_ t: String) -> Template {
    if let x = cache[t] { return x }
    fatalError("template not cached: \(t)")
}

let openingsThird = [
    "[信访人|来信人]{name}来信{~反映}：", "{name}，{sex}，{age}岁，住{addr}，来信{~反映}：",
    "{name}（身份证号{idnum}）来信{~反映}，", "{name}来访{~反映}：", "来访人{name}，{sex}，{age}岁，[住|家住]{addr}。其{~反映}：",
    "{name}到[信访局|信访接待中心|接访大厅]来访称，", "网民{name}通过网上信访平台{~反映}：",
    "{name}在[国家信访信息系统|网上信访平台|阳光信访平台]{~反映}：", "{name}（联系电话{phone}）网上{~反映}：",
    "来电人{name}（{phone}）{~反映}：", "{name}来电称，", "[市民|群众]{name}来电{~反映}：",
]
let openingsFirst = [
    "尊敬的领导：[您好！|]我叫{name}，[家住|住在]{addr}。", "本人{name}，身份证号{idnum}，联系电话{phone}，现{~反映}如下：",
    "[各位领导|领导]：我是{addr}的{name}，[有件事|有个问题]想请领导帮忙。", "我叫{name}，{age}岁，电话{phone}。",
]
let openingsGroupThird = [
    "{name}等{hc}人{verb}{~反映}：", "{place}{hc}{noun}（代表{name}）联名[反映|反映称]：", "{name}代表{hc}{noun}集体{verb}{~反映}：",
    "{name}等{hc}名群众集体{verb}，{~反映}：",
]
let openingsGroupFirst = [
    "我们是{place}的{hc}{noun}，代表人{name}，电话{phone}。", "尊敬的领导：我们{name}等{hc}人联名反映以下问题。",
]
let histories = [
    "{who}曾于{prev}[向|到]{prevlevel}{~反映}过此问题，[至今未得到解决|答复后一直未落实|没有任何结果]。",
    "此前{who}已{~多次}{~反映}，[均无结果|石沉大海|一直没有答复]。",
    "该问题{who}自{first}起[反映|上访]至今，[仍未解决|没有实质进展]。",
    "{prev}{who}[来访|来信|反映]后，{resp}[答复|回复]正在处理，[但至今没有下文|可到现在还没解决]。",
    "[上次|之前]{~反映}后，[有关部门|{resp}]只是[口头答应|做了登记]，问题依旧。",
]
let escalations = [
    "[区里|县里|{county}]一直[推诿|拖着不办|不给解决]，{who}只好[到市里|向省里|到北京]{~反映}。",
    "{county}和{city}都去过了，[都说在协调|没人管]，{who}[只能|不得不]向上级{~反映}。",
]
let closings = ["望领导重视为盼。", "特此{~反映}。", "请尽快给予答复。", "望早日解决。", "恳请领导过问。", "盼复。", "谢谢领导！"]
let notes = ["信访人情绪激动。", "信访人表示如不解决将继续上访。", "[附|另附]相关材料[三页|复印件若干|照片若干]。",
             "该问题已反映多年。", "信访人系[低保户|残疾人|七十多岁老人]。"]
let requestFrames = ["{~要求}{req}。", "{~要求}{req}。", "[请求|恳请][上级|领导]{req}。", "希望[政府|领导]{req}，{~解决}实际困难。",
                     "强烈{~要求}{req}！"]
let genericTitles = ["反映问题", "{~要求}解决{pname}问题", "关于{place}的问题", "来信", "{name}反映{pname}问题",
                     "反映{county}{pname}问题", "[要求|请求]{~解决}实际困难"]
let backlogHistory = [
    "自{first}起，{who}先后{pcount}次到[县|区|市]、省[信访|上访]{~反映}，[问题|矛盾]长期未能化解",
    "{first}以来，相关群众多次[信访|到有关部门反映]，累计信访{pcount}次",
]
let backlogIndividual = [
    "信访人{name}[{~反映}|诉称]", "{name}等群众反映",
]
let statusLines = ["目前正在[协调推进|研究化解方案|依法处置]中。", "经多方协调，[已达成和解协议|问题已基本解决]，信访人息诉罢访。",
                   "经[教育疏导|司法救助|帮扶救助]，信访人已[停访息诉|签订息诉罢访承诺书]。"]
let extraTemplates = ["{who}曾找过{~有关部门}，没有结果。", "该问题[已列为信访积案|领导包案]，[但|可]{~至今}[未化解|没有解决]。"]
let elaborations = [
    "为此，{who}先后找过{resp}、{county}信访局等部门，[有的说不归他们管|各部门互相推诿]，[问题一直悬而未决|{~至今}没有一个明确说法]。",
    "{who}[一家|家中][三|四|五|六]口人，[全靠|只靠][打零工|种地|微薄的退休金]维持生活，[实在|已经]拖不起了。",
    "{who}认为，[此事|该问题]严重侵害了[合法权益|群众的合法权益]，[{~有关部门}|{resp}]存在不作为、慢作为问题。",
    "[根据|按照]《信访工作条例》[规定|相关规定]，[{~有关部门}|{resp}]应当在六十日内[答复|办结]，[但|可]{~至今}没有书面答复。",
    "{who}[不懂法律|文化程度不高]，[只能|只好]通过信访渠道[反映诉求|寻求帮助]，[恳请|希望]领导[在百忙之中|]过问此事。",
    "[为了|因为]这件事，{who}[跑了无数趟|往返奔波]，[花了不少路费|耽误了工作]，身心俱疲。",
    "[前几年|去年]{~有关部门}[召集|组织]过一次协调会，[会上答应|当时承诺]尽快{~解决}，[但会后|可之后]再无下文。",
    "[听说|据了解]，同样情况的[其他人|有的人]已经[得到解决|拿到了钱]，{who}觉得[很不公平|不公平]。",
    "{who}[{~多次}|反复]打12345[热线|政务服务热线]，[都是转办|回复说已转相关部门]，[没有实质结果|问题依旧]。",
    "{who}[保证|承诺]所反映情况[属实|真实]，如有不实愿意承担相应责任。",
    "[这件事|此事]已经拖了[好几年|很长时间]，{who}[年纪大了|身体也不好]，[实在等不起|经不起折腾]。",
    "[{resp}|基层]的工作人员[态度生硬|推来推去|让回去等通知]，{who}[对处理结果不满意|对答复不认可]。",
]
