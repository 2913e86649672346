import Foundation

// The world: matters (who, where, what), their petitions over time, class
// cases and backlog cases. Text is rendered later from the seeds kept here.

let kindSingle: UInt8 = 0, kindRepeat: UInt8 = 1, kindCollective: UInt8 = 2, kindClassMember: UInt8 = 3
let kindNames = ["single", "repeat_series", "collective", "class_member"]
let levelNames = ["县级", "市级", "省级", "国家级"]
let channelNames = ["来信", "来访", "网上信访", "电话"]

let firstDay = daysFromCivil(2016, 1, 1)
let lastDay = daysFromCivil(2025, 6, 30)

struct Matter {
    var problem: UInt8
    var county: UInt8
    var kind: UInt8
    var count: UInt8 = 0
    var placeIdx: Int32
    var person: Int32
    var nPersons: UInt8
    var headcount: Int16
    var sharedSeed: UInt64
    var ownSeed: UInt64
    var classId: Int32 = -1
    var backlog: Int32 = -1
    var firstDate: Int32 = 0
}

struct Event {
    var date: Int32
    var prev: Int32
    var first: Int32
    var matter: Int32
    var tie: UInt32
    var k: UInt8
    var level: UInt8
}

struct ClassCase {
    var problem: UInt8
    var county: UInt8
    var placeIdx: Int32
    var sharedSeed: UInt64
    var firstMatter: Int32
    var members: Int32
    var backlog: Int32 = -1
}

struct Backlog {
    var isClass: Bool
    var ref: Int32          // matter index or class index
    var opened: Int32
    var before: Int32       // petitions received before it was opened
    var firstDate: Int32
    var seed: UInt64
}

/// Relations a new matter can have to an earlier one (hard negatives).
enum Relation: Int {
    case none, samePersonOtherProblem, samePersonSameProblemOtherPlace, samePlaceOtherProblem, sameTextOtherPlace
}

struct World {
    var matters: [Matter] = []
    var persons: [Person] = []
    var events: [Event] = []
    var classes: [ClassCase] = []
    var backlogs: [Backlog] = []
    var relationCounts = [Int](repeating: 0, count: 5)
    var placeCounters = [Int32](repeating: 0, count: counties.count * 8)
    var rng: RNG
    let target: Int

    init(seed: UInt64, petitions: Int) {
        rng = RNG(seed, 1)
        target = petitions
        matters.reserveCapacity(petitions)
        events.reserveCapacity(petitions)
        persons.reserveCapacity(petitions)
    }

    mutating func newPlace(_ county: Int, _ kind: PlaceKind) -> Int32 {
        let i = county * 8 + kind.rawValue
        placeCounters[i] += 1
        return placeCounters[i]
    }

    mutating func newPerson(near county: Int) -> Int32 {
        var c = county
        if rng.chance(0.15) {
            let base = county - county % 16   // same province
            c = base + rng.int(16)
        }
        persons.append(Person.make(&rng, county: c))
        return Int32(persons.count - 1)
    }

    mutating func pickProblem() -> Int { rng.weighted(problemWeights) }

    mutating func seriesLength(_ p1: Double) -> Int {
        if rng.chance(p1) { return 1 }
        // heavy tail over 2...12
        let w: [Double] = [1.0, 0.55, 0.36, 0.26, 0.2, 0.15, 0.12, 0.1, 0.08, 0.065, 0.055]
        return 2 + rng.weighted(w)
    }

    mutating func headcount() -> Int {
        let u = rng.unit()
        return 5 + Int(295.0 * u * u * u)
    }

    /// Adds a matter and its petitions. Returns the matter index.
    @discardableResult
    mutating func addMatter(problem: Int, county: Int, place: Int32, person: Int32, nPersons: Int, headcount: Int,
                            shared: UInt64, own: UInt64, kind: UInt8, length: Int, start: Int,
                            classId: Int32 = -1) -> Int32 {
        let mi = Int32(matters.count)
        var m = Matter(problem: UInt8(problem), county: UInt8(county), kind: kind, placeIdx: place, person: person,
                       nPersons: UInt8(nPersons), headcount: Int16(headcount), sharedSeed: shared, ownSeed: own,
                       classId: classId)
        var n = min(length, target - events.count)
        if n < 1 { n = 1 }
        var date = max(firstDay, min(start, lastDay))
        var level = rng.weighted([0.62, 0.25, 0.1, 0.03])
        var prev: Int32 = -1
        var made = 0
        for k in 0..<n {
            if k > 0 {
                // at least three weeks between filings of one matter
                let gap = 21 + Int(-log(max(1e-9, rng.unit())) * 110.0)
                date += min(gap, 540)
                if date > lastDay { break }
                let r = rng.unit()
                if level == 3 && r < 0.5 {
                    level = rng.int(2)          // referred back to the locality
                } else if r < 0.52 {
                } else if r < 0.82 { level += 1 } else if r < 0.88 { level += 2 } else { level -= 1 }
                level = max(0, min(3, level))
            }
            events.append(Event(date: Int32(date), prev: prev, first: Int32(m.firstDate == 0 ? date : Int(m.firstDate)),
                                matter: mi, tie: UInt32(truncatingIfNeeded: rng.next()), k: UInt8(k),
                                level: UInt8(level)))
            if k == 0 { m.firstDate = Int32(date) }
            prev = Int32(date)
            made += 1
        }
        m.count = UInt8(made)
        if m.kind == kindSingle && made > 1 { m.kind = kindRepeat }
        if m.kind == kindRepeat && made == 1 { m.kind = kindSingle }
        matters.append(m)
        // backlog case for a long-running individual or collective matter
        if classId < 0 && made >= 2 && rng.chance(min(0.15, 0.011 * Double(made))) {
            let kth = rng.range(2, min(4, made))
            let base = events.count - made + kth - 1
            let opened = Int(events[base].date) + rng.range(3, 45)
            if opened <= lastDay {
                backlogs.append(Backlog(isClass: false, ref: mi, opened: Int32(opened), before: Int32(kth),
                                        firstDate: m.firstDate, seed: rng.next()))
                matters[Int(mi)].backlog = Int32(backlogs.count - 1)
            }
        }
        return mi
    }

    mutating func randomStart() -> Int { firstDay + rng.int(lastDay - firstDay - 200) }

    mutating func freshMatter() {
        let p = pickProblem()
        let county = rng.int(counties.count)
        let place = newPlace(county, problems[p].kind)
        let collective = problems[p].collective && rng.chance(0.055)
        if collective {
            let np = rng.range(3, 8)
            let first = newPerson(near: county)
            for _ in 1..<np { _ = newPerson(near: county) }
            addMatter(problem: p, county: county, place: place, person: first, nPersons: np, headcount: headcount(),
                      shared: rng.next(), own: rng.next(), kind: kindCollective, length: seriesLength(0.35),
                      start: randomStart())
        } else {
            addMatter(problem: p, county: county, place: place, person: newPerson(near: county), nPersons: 1,
                      headcount: 1, shared: rng.next(), own: rng.next(), kind: kindSingle,
                      length: seriesLength(0.56), start: randomStart())
        }
    }

    mutating func classCase() {
        let classable = problems.indices.filter { problems[$0].classable }
        let p = classable[rng.int(classable.count)]
        let county = rng.int(counties.count)
        let place = newPlace(county, problems[p].kind)
        let shared = rng.next()
        let u = rng.unit()
        let members = 5 + Int(35.0 * u * u)
        let cid = Int32(classes.count)
        let classStart = firstDay + rng.int(lastDay - firstDay - 700)
        let firstMatter = Int32(matters.count)
        let firstEvent = events.count
        var made = 0
        for _ in 0..<members {
            if events.count >= target { break }
            let start = classStart + rng.int(600)
            addMatter(problem: p, county: county, place: place, person: newPerson(near: county), nPersons: 1,
                      headcount: 1, shared: shared, own: rng.next(), kind: kindClassMember,
                      length: seriesLength(0.62), start: start, classId: cid)
            made += 1
        }
        var cc = ClassCase(problem: UInt8(p), county: UInt8(county), placeIdx: place, sharedSeed: shared,
                           firstMatter: firstMatter, members: Int32(made))
        let dates = events[firstEvent...].map { Int($0.date) }.sorted()
        if dates.count >= 2 && rng.chance(0.4) {
            let kth = min(dates.count, rng.range(2, 4))
            let opened = dates[kth - 1] + rng.range(3, 45)
            if opened <= lastDay {
                backlogs.append(Backlog(isClass: true, ref: cid, opened: Int32(opened), before: Int32(kth),
                                        firstDate: Int32(dates[0]), seed: rng.next()))
                cc.backlog = Int32(backlogs.count - 1)
                for mi in Int(firstMatter)..<matters.count { matters[mi].backlog = cc.backlog }
            }
        }
        classes.append(cc)
    }

    /// A new matter that shares a petitioner, a place or a text with an earlier
    /// one but is a different matter.
    mutating func relatedMatter() {
        let base = matters[rng.int(matters.count)]
        let bp = Int(base.problem)
        let county = Int(base.county)
        var start = Int(base.firstDate) + rng.range(-300, 300)
        if start < firstDay { start = firstDay + (firstDay - start) }
        start = min(lastDay - 30, start)
        var rel = Relation(rawValue: 1 + rng.weighted([0.30, 0.15, 0.25, 0.30]))!
        let sameKind = problemIndexByKind[problems[bp].kind.rawValue].filter { $0 != bp }
        if rel == .samePlaceOtherProblem && sameKind.isEmpty { rel = .sameTextOtherPlace }
        if rel == .sameTextOtherPlace && base.kind == kindClassMember { rel = .samePlaceOtherProblem }
        if rel == .samePlaceOtherProblem && sameKind.isEmpty { rel = .samePersonOtherProblem }
        relationCounts[rel.rawValue] += 1
        // the petitioner of the base matter (for a group: one of its members)
        let basePerson = base.person + Int32(rng.int(Int(base.nPersons)))
        switch rel {
        case .samePersonOtherProblem:
            var p = pickProblem()
            while p == bp { p = pickProblem() }
            let place: Int32 = (problems[p].kind == problems[bp].kind && rng.chance(0.5))
                ? base.placeIdx : newPlace(county, problems[p].kind)
            addMatter(problem: p, county: county, place: place, person: basePerson, nPersons: 1, headcount: 1,
                      shared: rng.next(), own: rng.next(), kind: kindSingle, length: seriesLength(0.56), start: start)
        case .samePersonSameProblemOtherPlace:
            let c2 = rng.chance(0.7) ? county : rng.int(counties.count)
            addMatter(problem: bp, county: c2, place: newPlace(c2, problems[bp].kind), person: basePerson,
                      nPersons: 1, headcount: 1, shared: rng.next(), own: rng.next(), kind: kindSingle,
                      length: seriesLength(0.56), start: start)
        case .samePlaceOtherProblem:
            let p = sameKind[rng.int(sameKind.count)]
            let collective = problems[p].collective && rng.chance(0.1)
            if collective {
                let np = rng.range(3, 8)
                let first = newPerson(near: county)
                for _ in 1..<np { _ = newPerson(near: county) }
                addMatter(problem: p, county: county, place: base.placeIdx, person: first, nPersons: np,
                          headcount: headcount(), shared: rng.next(), own: rng.next(), kind: kindCollective,
                          length: seriesLength(0.35), start: start)
            } else {
                addMatter(problem: p, county: county, place: base.placeIdx, person: newPerson(near: county),
                          nPersons: 1, headcount: 1, shared: rng.next(), own: rng.next(), kind: kindSingle,
                          length: seriesLength(0.56), start: start)
            }
        case .sameTextOtherPlace:
            // same problem, same specifics (amounts, dates, developer), another place and petitioner
            let c2 = rng.chance(0.8) ? county : (county - county % 4) + rng.int(4)
            let own = problems[bp].kind == .court ? rng.next() : base.ownSeed
            if base.kind == kindCollective {
                let np = rng.range(3, 8)
                let first = newPerson(near: c2)
                for _ in 1..<np { _ = newPerson(near: c2) }
                addMatter(problem: bp, county: c2, place: newPlace(c2, problems[bp].kind), person: first,
                          nPersons: np, headcount: headcount(), shared: base.sharedSeed, own: own,
                          kind: kindCollective, length: seriesLength(0.35), start: start)
            } else {
                addMatter(problem: bp, county: c2, place: newPlace(c2, problems[bp].kind),
                          person: newPerson(near: c2), nPersons: 1, headcount: 1, shared: base.sharedSeed, own: own,
                          kind: kindSingle, length: seriesLength(0.56), start: start)
            }
        case .none:
            break
        }
    }

    mutating func build() {
        while events.count < target {
            let r = rng.unit()
            if r < 0.011 && target - events.count >= 40 {
                classCase()
            } else if r < 0.30 && matters.count > 20 {
                relatedMatter()
            } else {
                freshMatter()
            }
        }
    }
}
