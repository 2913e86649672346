import Foundation

// One petition of a matter, rendered from the matter and the event.

/// Channel (来信, 来访, 网上信访, 电话) weights by level: higher levels get fewer phone calls.
let channelWeights: [[Double]] = [[0.30, 0.30, 0.25, 0.15], [0.32, 0.30, 0.28, 0.10],
                                          [0.40, 0.30, 0.26, 0.04], [0.42, 0.33, 0.25, 0.0]]

func deptName(_ dept: String, _ c: County, cityLevel: Bool, town: String) -> String {
    let who = cityLevel ? c.city : c.name
    switch dept {
    case "人民政府": return who + "人民政府"
    case "人民法院": return cityLevel ? c.city + "中级人民法院" : c.name + "人民法院"
    case "政法委员会": return who + "委政法委员会"
    case "街道办事处": return town.hasSuffix("街道") ? town + "办事处" : town + "人民政府"
    case "劳动保障监察大队": return c.name + "劳动保障监察大队"
    default: return who + dept
    }
}

func mistype(_ id: String, _ r: inout RNG) -> String {
    var u = Array(id.utf8)
    if r.chance(0.5) {
        // wrong check digit
        let cur = u[17]
        var d: UInt8 = 48 + UInt8(r.int(10))
        if d == cur { d = d == 57 ? 48 : d + 1 }
        u[17] = d
    } else {
        let i = r.range(6, 16)
        var d: UInt8 = 48 + UInt8(r.int(10))
        if d == u[i] { d = d == 57 ? 48 : d + 1 }
        u[i] = d
    }
    return String(decoding: u, as: UTF8.self)
}

// MARK: - Shared by both phrasing styles
// These model who files and who answers, not wording, so both styles use them.
// Each consumes the random stream in a fixed order: style 1's output depends on it.

/// Who files this petition (a group rotates its representative) and how many people it speaks for.
func selectFilers(of mt: Matter, at ev: Event, persons: [Person], into c: inout Ctx) {
    if mt.nPersons > 1 {
        let n = Int(mt.nPersons)
        let start = Int(mix(mt.ownSeed, 3) % UInt64(n))
        var main = (start + Int(ev.k)) % n
        if c.r.chance(0.3) { main = c.r.int(n) }
        c.reps = [persons[Int(mt.person) + main]]
        let extra = c.r.int(3)
        for j in 1...max(1, extra) where extra > 0 {
            let p = persons[Int(mt.person) + (main + j) % n]
            c.reps.append(p)
        }
        let hc = Int(mt.headcount)
        c.headcount = max(5, hc + c.r.range(-hc / 5, hc / 5))
    } else {
        c.reps = [persons[Int(mt.person)]]
        if c.r.chance(0.06) {
            var sp = c.reps[0]
            sp.given = UInt8(c.f.spouseGiven)
            sp.surname = UInt8(mix(mt.ownSeed, 5) % UInt64(surnames.count))
            sp.phone = 0
            sp.seq = 1000   // marker: no ID number for a family member
            c.reps.append(sp)
        }
        c.headcount = c.reps.count
    }
}

/// The organ the petition is about: a department at the petition's level, sometimes the place itself, rarely none.
func selectRespondent(_ c: inout Ctx) -> String {
    let town = c.town
    let rr = c.r.unit()
    if rr < 0.03 {
        return ""
    } else if rr < 0.15 && [.company, .hospital, .school].contains(c.pr.kind) {
        return c.place(c.pr.kind)
    } else {
        let cityLevel = c.level >= 1 && c.r.chance(0.45)
        return deptName(c.r.pick(c.pr.depts), c.county, cityLevel: cityLevel, town: town)
    }
}

/// The petitioners as the clerk registered them: names full or masked, ID numbers present, empty or
/// mistyped, phones in several formats.
func registeredPetitioners(_ c: inout Ctx) -> [(name: String, id: String?, phone: String?)] {
    var out: [(name: String, id: String?, phone: String?)] = []
    for (i, p) in c.reps.enumerated() {
        let name = c.r.chance(0.75) ? p.fullName : c.personName(p, max(1, c.nameStyle))
        var id: String? = nil
        var ph: String? = nil
        if p.seq < 1000 && c.r.chance(i == 0 ? 0.72 : 0.5) {
            id = p.idNumber
            if c.r.chance(0.08) { id = mistype(id!, &c.r) }
        } else if c.r.chance(0.5) {
            id = ""
        }
        if p.phone != 0 && c.r.chance(0.85) { ph = formatPhone(p.phone, &c.r) } else if c.r.chance(0.3) { ph = "" }
        out.append((name, id, ph))
    }
    return out
}

struct PetitionRenderer {
    let matters: [Matter]
    let persons: [Person]

    func render(_ ev: Event) -> Rendered {
        let mt = matters[Int(ev.matter)]
        let r0 = RNG(mt.ownSeed ^ (UInt64(ev.matter) &* 0x2545_F491_4F6C_DD1D), UInt64(ev.k) &+ 1000, mt.sharedSeed)
        var c = Ctx(mt, r0)
        var out = Rendered()
        c.recv = Int(ev.date)
        c.prev = Int(ev.prev)
        c.first = Int(ev.first)
        c.level = Int(ev.level)

        selectFilers(of: mt, at: ev, persons: persons, into: &c)
        out.headcount = c.headcount
        c.channel = c.r.weighted(channelWeights[c.level])
        out.channel = c.channel
        c.firstPerson = (c.channel == 0 || c.channel == 2) && c.r.chance(0.35)
        let ns = c.r.unit()
        c.nameStyle = ns < 0.55 ? 0 : (ns < 0.75 ? 1 : 2)

        c.respondent = selectRespondent(&c)
        out.respondent = c.respondent

        // title
        if c.r.chance(0.12) {
            out.title = c.text(c.r.pick(genericTitles))
        } else {
            out.title = c.text(c.pr.titles[c.r.int(c.pr.titles.count)])
        }

        // content
        var opening: String
        let group = c.headcount > 1 && mt.nPersons > 1
        if group {
            opening = c.text(c.firstPerson ? c.r.pick(openingsGroupFirst) : c.r.pick(openingsGroupThird))
        } else if c.firstPerson {
            opening = c.text(c.r.pick(openingsFirst))
        } else {
            opening = c.text(openingsThird[c.channel * 3 + c.r.int(3)])
        }
        if c.reps.count > 1 && !group { opening = fastReplace(opening, "信访人", "信访人夫妇") }

        let phone = c.channel == 3
        var facts: [String] = []
        for slot in c.pr.facts {
            if slot.optional && c.r.chance(phone ? 0.6 : 0.25) { continue }
            facts.append(c.text(slot.variants[c.r.int(slot.variants.count)]))
        }
        if facts.count > 2 && c.r.chance(0.35) {
            let i = 1 + c.r.int(facts.count - 2)
            facts.swapAt(i, i + 1)
        }
        if facts.count > 1 && c.r.chance(0.15) { facts.swapAt(0, 1) }

        var tail: [String] = []
        if ev.k > 0 && c.r.chance(0.65) { tail.append(c.text(c.r.pick(histories))) }
        if ev.k == 0 && c.r.chance(0.12) { tail.append(c.text("{who}曾找过{~有关部门}，没有结果。")) }
        if c.level >= 2 && c.r.chance(0.4) { tail.append(c.text(c.r.pick(escalations))) }
        if mt.backlog >= 0 && ev.k >= 2 && c.r.chance(0.2) {
            tail.append(c.text("该问题[已列为信访积案|领导包案]，[但|可]{~至今}[未化解|没有解决]。"))
        }
        let nElab = phone ? c.r.int(2) : c.r.weighted([0.16, 0.24, 0.22, 0.16, 0.12, 0.1])
        if nElab > 0 {
            var pool = elaborations
            c.r.shuffle(&pool)
            for t in pool.prefix(nElab) { tail.append(c.text(t)) }
        }
        tail.append(c.text(c.r.pick(requestFrames)))
        if !phone && c.r.chance(0.25) { tail.append(c.text(c.r.pick(notes))) }
        if c.r.chance(c.firstPerson ? 0.7 : 0.3) { tail.append(c.text(c.r.pick(closings))) }

        var factLen = facts.map { $0.unicodeScalars.count }
        var tailLen = tail.map { $0.unicodeScalars.count }
        let openLen = opening.unicodeScalars.count
        func total() -> Int { openLen + factLen.reduce(0, +) + tailLen.reduce(0, +) }
        var guardCount = 0
        while total() < 80 && guardCount < 6 {
            guardCount += 1
            let slot = c.pr.facts[c.r.int(c.pr.facts.count)]
            let s = c.text(slot.variants[c.r.int(slot.variants.count)])
            if !facts.contains(s) {
                facts.append(s); factLen.append(s.unicodeScalars.count)
            } else {
                let n = c.text(c.r.pick(notes))
                tail.insert(n, at: 0); tailLen.insert(n.unicodeScalars.count, at: 0)
            }
        }
        while total() > 600 && facts.count > 2 { facts.removeLast(); factLen.removeLast() }
        while total() > 600 && tail.count > 1 { tail.removeFirst(); tailLen.removeFirst() }

        var content = opening
        for x in facts { content += x }
        for x in tail { content += x }

        if c.r.chance(0.08) {
            for _ in 0..<8 {
                let t = typoPairs[c.r.int(typoPairs.count)]
                if let x = replaceFirst(content, t.0, t.1) { content = x; break }
            }
        }

        out.names = registeredPetitioners(&c)

        let trad = c.r.chance(0.15)
        let full = c.r.chance(0.15)
        if trad {
            out.title = toTraditional(out.title)
            content = toTraditional(content)
            out.respondent = toTraditional(out.respondent)
            out.names = out.names.map { (toTraditional($0.name), $0.id, $0.phone) }
        }
        if full {
            out.title = toFullWidthDigits(out.title)
            content = toFullWidthDigits(content)
        }
        out.trad = trad
        out.content = content
        return out
    }
}
