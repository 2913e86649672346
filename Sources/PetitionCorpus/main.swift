import Foundation

// petition-corpus: a deterministic synthetic corpus of petitions (信访件) and
// backlog cases (信访积案) with ground truth. See corpus/README.md.

func fail(_ msg: String) -> Never {
    FileHandle.standardError.write(("petition-corpus: " + msg + "\n").data(using: .utf8)!)
    exit(1)
}

var nPetitions = 6000
var seed: UInt64 = 42
var outDir = "corpus"
var phrasingStyle = PhrasingStyle.original
do {
    var args = Array(CommandLine.arguments.dropFirst())
    while !args.isEmpty {
        let a = args.removeFirst()
        func value() -> String {
            if args.isEmpty { fail("\(a) needs a value") }
            return args.removeFirst()
        }
        switch a {
        case "--petitions", "-n":
            guard let n = Int(value()), n > 0 else { fail("--petitions needs a positive integer") }
            nPetitions = n
        case "--seed", "-s":
            guard let s = UInt64(value()) else { fail("--seed needs a non-negative integer") }
            seed = s
        case "--out", "-o":
            outDir = value()
        case "--style":
            guard let n = Int(value()), let s = PhrasingStyle(rawValue: n) else { fail("--style needs 1 or 2") }
            phrasingStyle = s
        case "--help", "-h":
            print("""
            usage: petition-corpus [--petitions N] [--seed S] [--style 1|2] [--out DIR]
              --petitions N  number of petitions (default 6000)
              --seed S       random seed (default 42); the same N, S and style give byte-identical files
              --style 1|2    phrasing (default 1). 1: the original clerk templates, which the repeat detector
                             was tuned on. 2: wording written independently of style 1 (titles, contents and
                             backlog texts), to measure the detector on text it was never tuned on. The world
                             and truth.jsonl are the same for both styles.
              --out DIR      output directory (default corpus)
            writes DIR/petitions.jsonl, backlog.jsonl, truth.jsonl, queries.txt, README.md
            """)
            exit(0)
        default:
            fail("unknown argument \(a) (try --help)")
        }
    }
}

struct QueryHarvest {
    var estates: [String] = [], companies: [String] = [], villages: [String] = [], fullNames: [String] = []
    var masked: [String] = [], hospitals: [String] = [], roads: [String] = [], devs: [String] = []
    var projects: [String] = []

    mutating func add(_ s: String, to list: WritableKeyPath<QueryHarvest, [String]>, cap: Int) {
        if self[keyPath: list].count < cap && !self[keyPath: list].contains(s) { self[keyPath: list].append(s) }
    }
}

func generate(nPetitions: Int, seed: UInt64, outDir: String, style: PhrasingStyle) {
    let clock0 = Date()
    try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)

    var world = World(seed: seed, petitions: nPetitions)
    world.build()
    let tBuild = Date().timeIntervalSince(clock0)

    // Order petitions by date; same-day ties by a random key (ids do not leak the matter).
    world.events.sort { ($0.date, $0.tie) < ($1.date, $1.tie) }

    // Petition ids: per year, increasing with date, random gaps.
    var idNumbers = [Int32](repeating: 0, count: world.events.count)
    do {
        var perYear: [Int: Int] = [:]
        for e in world.events { perYear[civilFromDays(Int(e.date)).y, default: 0] += 1 }
        var r = RNG(seed, 2)
        var curYear = -1, cur = 0, maxGap = 1
        for (i, e) in world.events.enumerated() {
            let y = civilFromDays(Int(e.date)).y
            if y != curYear {
                curYear = y
                let n = perYear[y]!
                maxGap = max(1, min(6, 900_000 / max(1, n)))
                cur = r.int(40)
            }
            cur += 1 + r.int(maxGap)
            idNumbers[i] = Int32(cur)
        }
    }

    func petitionId(_ i: Int) -> String {
        let y = civilFromDays(Int(world.events[i].date)).y
        return "XF-\(y)-" + pad(Int(idNumbers[i]), 6)
    }

    // Matter and class numbers in order of first appearance.
    var matterNumber = [Int32](repeating: -1, count: world.matters.count)
    var classNumber = [Int32](repeating: -1, count: world.classes.count)
    do {
        var nm: Int32 = 0, nc: Int32 = 0
        for e in world.events {
            let m = Int(e.matter)
            if matterNumber[m] < 0 { nm += 1; matterNumber[m] = nm }
            let c = Int(world.matters[m].classId)
            if c >= 0 && classNumber[c] < 0 { nc += 1; classNumber[c] = nc }
        }
    }

    // Backlog case ids: ordered by opening date, numbered per year.
    let backlogOrder = world.backlogs.indices.sorted {
        (world.backlogs[$0].opened, $0) < (world.backlogs[$1].opened, $1)
    }
    var backlogIds = [String](repeating: "", count: world.backlogs.count)
    do {
        var r = RNG(seed, 3)
        var curYear = -1, cur = 0
        for b in backlogOrder {
            let y = civilFromDays(Int(world.backlogs[b].opened)).y
            if y != curYear { curYear = y; cur = r.int(20) }
            cur += 1 + r.int(3)
            backlogIds[b] = "JA-\(y)-" + pad(cur, 4)
        }
    }

    // MARK: - backlog.jsonl

    let leaderTitlesCounty = ["区": ["区长", "副区长", "委副书记", "委常委、政法委书记"],
                              "县": ["县长", "副县长", "委副书记", "委常委、政法委书记"],
                              "市": ["市长", "副市长", "委副书记", "委常委、政法委书记"]]
    // a status drawn uniformly from these: half of the cases are still being resolved
    let backlogStatusDraw = ["化解中", "化解中", "化解中", "化解中", "化解中", "已化解", "已化解", "已化解", "停访息诉", "停访息诉"]
    let bw = JSONLWriter(path: outDir + "/backlog.jsonl")
    var statusCounts = [String: Int]()
    for b in backlogOrder {
        let bl = world.backlogs[b]
        let mi: Int
        var groupSize = 0
        if bl.isClass {
            let cc = world.classes[Int(bl.ref)]
            mi = Int(cc.firstMatter)
            groupSize = Int(cc.members)
        } else {
            mi = Int(bl.ref)
        }
        let mt = world.matters[mi]
        var c = Ctx(mt, RNG(bl.seed, 4))
        c.official = true
        c.reps = [world.persons[Int(mt.person)]]
        c.nameStyle = c.r.chance(0.5) ? 1 : 2
        c.recv = Int(bl.opened)
        c.first = Int(bl.firstDate)
        c.prev = -1
        c.pcount = Int(bl.before) + c.r.int(4)
        var groupPeople = 0     // how many a class-wide or collective case speaks for
        if bl.isClass {
            groupPeople = groupSize * c.r.range(2, 8)
            c.n = "\(groupPeople)" + c.pr.groupNoun
        } else if mt.headcount > 1 {
            groupPeople = Int(mt.headcount)
            c.n = "\(mt.headcount)" + c.pr.groupNoun
        } else {
            c.n = "1" + c.pr.groupNoun.prefix(1) + c.pr.groupNoun.dropFirst(1)
        }
        let county = c.county
        let sur = surnames[c.r.int(surnames.count)] + "某"
        if c.r.chance(0.45) {
            c.leader = county.city + c.r.pick(["副市长", "副市长", "市委常委、政法委书记", "市政府秘书长"]) + " " + sur
        } else {
            c.leader = county.name + c.r.pick(leaderTitlesCounty[county.suffix] ?? ["副区长"]) + " " + sur
        }
        let town = c.town
        let locality = c.r.chance(0.75) ? county.name + "人民政府"
            : (town.hasSuffix("街道") ? town + "办事处" : town + "人民政府")
        let dept = deptName(c.pr.depts[0] == "人民政府" ? "住房和城乡建设局" : c.pr.depts[0], county,
                            cityLevel: c.r.chance(0.5), town: town)
        c.units = locality + "、" + dept
        let title: String
        let full: String
        let status: String
        if style == .independent {
            status = backlogStatusDraw[c.r.int(10)]
            (title, full) = Style2BacklogRenderer.render(c, seed: bl.seed, people: groupPeople, opened: Int(bl.opened),
                                                         status: status)
        } else {
            let summary: String
            if bl.isClass || mt.headcount > 1 {
                title = c.text(c.pr.backlogTitles[c.r.int(c.pr.backlogTitles.count)])
                var s = c.text(c.pr.backlogFacts[c.r.int(c.pr.backlogFacts.count)]) + "。"
                s += c.text(c.r.pick(backlogHistory)) + "。"
                summary = s
            } else {
                let nm = c.personName(c.reps[0], c.nameStyle)
                title = c.r.chance(0.5) ? nm + "反映" + c.pr.name + "问题" : c.text(c.pr.backlogTitles[c.r.int(c.pr.backlogTitles.count)])
                var s = c.text(c.r.pick(backlogIndividual)) + "，"
                s += c.text(c.pr.facts[0].variants[c.r.int(c.pr.facts[0].variants.count)])
                s += c.text(c.pr.facts[1].variants[c.r.int(c.pr.facts[1].variants.count)])
                s += c.text(c.r.pick(backlogHistory)) + "。"
                summary = s
            }
            let opened = civilFromDays(Int(bl.opened))
            status = backlogStatusDraw[c.r.int(10)]
            let statusLine = status == "化解中" ? statusLines[0] : (status == "已化解" ? statusLines[1] : statusLines[2])
            full = summary + "\(opened.y)年\(opened.m)月列为信访积案，由\(c.leader)包案，\(c.units)负责化解。" + c.text(statusLine)
        }
        statusCounts[status, default: 0] += 1

        bw.raw("{"); bw.key("case_id"); bw.str(backlogIds[b])
        bw.raw(", "); bw.key("title"); bw.str(title)
        bw.raw(", "); bw.key("summary"); bw.str(full)
        bw.raw(", "); bw.key("province"); bw.str(county.province)
        bw.raw(", "); bw.key("city"); bw.str(county.city)
        bw.raw(", "); bw.key("county"); bw.str(county.name)
        bw.raw(", "); bw.key("category"); bw.str(c.pr.category)
        bw.raw(", "); bw.key("opened_at"); bw.str(isoDate(Int(bl.opened)))
        bw.raw(", "); bw.key("leader"); bw.str(c.leader)
        bw.raw(", "); bw.key("responsible_units"); bw.raw("["); bw.str(locality); bw.raw(", "); bw.str(dept); bw.raw("]")
        bw.raw(", "); bw.key("status"); bw.str(status)
        bw.raw("}"); bw.endLine()
    }
    bw.close()

    // MARK: - petitions.jsonl and truth.jsonl

    let pw = JSONLWriter(path: outDir + "/petitions.jsonl")
    let tw = JSONLWriter(path: outDir + "/truth.jsonl")
    let renderer = PetitionRenderer(matters: world.matters, persons: world.persons)
    let style2Renderer = Style2PetitionRenderer(matters: world.matters, persons: world.persons)
    var harvest = QueryHarvest()
    var tradCount = 0, adjacent = 0, escalationCount = 0
    var levelSeen = [Int32](repeating: -1, count: world.matters.count)
    var handlingStages: [String: Int] = [:]

    let chunk = 4096
    var start = 0
    while start < world.events.count {
        let end = min(world.events.count, start + chunk)
        // render a chunk on all cores; each petition depends only on its matter and event
        var rendered = [Rendered](repeating: Rendered(), count: end - start)
        let events = world.events
        let s0 = start
        rendered.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let base = buf.baseAddress!
            DispatchQueue.concurrentPerform(iterations: 8) { w in
                var i = s0 + w
                while i < end {
                    base[i - s0] = style == .independent ? style2Renderer.render(events[i]) : renderer.render(events[i])
                    i += 8
                }
            }
        }
        for i in start..<end {
            let e = world.events[i]
            let p = rendered[i - start]
            let mt = world.matters[Int(e.matter)]
            let county = counties[Int(mt.county)]
            if p.trad { tradCount += 1 }
            if i > 0 && world.events[i - 1].matter == e.matter { adjacent += 1 }
            if levelSeen[Int(e.matter)] >= 0 && Int32(e.level) > levelSeen[Int(e.matter)] { escalationCount += 1 }
            levelSeen[Int(e.matter)] = max(levelSeen[Int(e.matter)], Int32(e.level))
            let id = petitionId(i)

            pw.raw("{"); pw.key("id"); pw.str(id)
            pw.raw(", "); pw.key("received_at"); pw.str(isoDate(Int(e.date)))
            pw.raw(", "); pw.key("channel"); pw.str(channelNames[p.channel])
            pw.raw(", "); pw.key("level"); pw.str(levelNames[Int(e.level)])
            pw.raw(", "); pw.key("province"); pw.str(county.province)
            pw.raw(", "); pw.key("city"); pw.str(county.city)
            pw.raw(", "); pw.key("county"); pw.str(county.name)
            pw.raw(", "); pw.key("region_code"); pw.str(county.code)
            pw.raw(", "); pw.key("petitioners"); pw.raw("[")
            for (j, x) in p.names.enumerated() {
                if j > 0 { pw.raw(", ") }
                pw.raw("{"); pw.key("name"); pw.str(x.name)
                if let idn = x.id { pw.raw(", "); pw.key("id_number"); pw.str(idn) }
                if let ph = x.phone { pw.raw(", "); pw.key("phone"); pw.str(ph) }
                pw.raw("}")
            }
            pw.raw("]")
            pw.raw(", "); pw.key("headcount"); pw.int(p.headcount)
            pw.raw(", "); pw.key("respondent"); pw.str(p.respondent)
            pw.raw(", "); pw.key("category"); pw.str(problems[Int(mt.problem)].category)
            pw.raw(", "); pw.key("title"); pw.str(p.title)
            pw.raw(", "); pw.key("content"); pw.str(p.content)
            if e.k == 0, let history = HandlingHistory.draw(seed: seed, matterIndex: Int(e.matter), matter: mt, first: e) {
                pw.raw(", "); pw.key("handling"); history.write(to: pw)
                handlingStages[history.stageName, default: 0] += 1
            }
            pw.raw("}"); pw.endLine()

            tw.raw("{"); tw.key("id"); tw.str(id)
            tw.raw(", "); tw.key("matter_id"); tw.str("T-M-" + pad(Int(matterNumber[Int(e.matter)]), 6))
            tw.raw(", "); tw.key("class_id")
            tw.strOrNull(mt.classId >= 0 ? "T-C-" + pad(Int(classNumber[Int(mt.classId)]), 4) : nil)
            tw.raw(", "); tw.key("backlog_case_id"); tw.strOrNull(mt.backlog >= 0 ? backlogIds[Int(mt.backlog)] : nil)
            tw.raw(", "); tw.key("kind"); tw.str(kindNames[Int(mt.kind)])
            tw.raw("}"); tw.endLine()

            // harvest query terms that really occur (simplified text only)
            if i % 23 == 0 && !p.trad {
                var r = RNG(seed, 5, UInt64(i))
                let c = Ctx(mt, r)
                let pr = problems[Int(mt.problem)]
                let name = p.names[0].name
                if fastContains(p.content, name) {
                    if name.hasSuffix("某") { harvest.add(name, to: \.masked, cap: 8) } else { harvest.add(name, to: \.fullNames, cap: 14) }
                }
                switch pr.kind {
                case .estate:
                    let s = c.place(.estate)
                    if fastContains(p.content, s) { harvest.add(s, to: \.estates, cap: 16) }
                    if fastContains(p.content, c.f.dev) { harvest.add(c.f.dev, to: \.devs, cap: 4) }
                case .company:
                    let s = c.place(.company)
                    if fastContains(p.content, s) { harvest.add(s, to: \.companies, cap: 12) }
                    if fastContains(p.content, c.f.project) { harvest.add(c.f.project, to: \.projects, cap: 4) }
                case .village:
                    let s = c.place(.village)
                    if fastContains(p.content, s) { harvest.add(s, to: \.villages, cap: 12) }
                case .hospital:
                    let s = c.place(.hospital)
                    if fastContains(p.content, s) { harvest.add(s, to: \.hospitals, cap: 4) }
                case .road:
                    let s = c.place(.road)
                    if fastContains(p.content, s) { harvest.add(s, to: \.roads, cap: 4) }
                default: break
                }
                _ = r.next()
            }
        }
        start = end
    }
    pw.close()
    tw.close()
    let tWrite = Date().timeIntervalSince(clock0)

    // MARK: - queries.txt

    var queries: [String] = [
        "信", "房", "钱", "地", "工资", "拆迁", "小区", "补偿", "物业", "征收", "欠薪", "低保", "医院", "噪音", "污染", "暖气",
        "学区", "违建", "判决", "执行", "村委会", "开发商", "拖欠工资", "不动产权证", "房产证", "产权证", "养老保险", "补偿款",
        "安置房", "承包地", "土地承包", "医疗事故", "退役军人", "物业费", "房屋质量", "墙体开裂", "农民工", "讨薪", "过渡费",
        "土地出让金", "竣工验收", "村务公开", "夜间施工", "取暖费", "补课费", "信访积案", "办理房产证", "拖欠农民工工资",
        "征地补偿款", "社会养老保险", "要求", "请求", "反映", "至今未解决", "多次反映",
        "信訪", "工資", "補償", "房產證", "拆遷", "養老保險", "物業", "醫院", "農民工", "補償款", "開發商", "拖欠工資",
        "２０１５", "２０１８年", "2015", "2019年", "二〇一六年", "3号楼", "３号楼", "万元",
        "拆迁 补偿", "房产证 开发商", "拖欠 工资", "物业 停水", "养老保险 补缴", "征地 补偿款", "医疗 赔偿", "低保 取消",
        "小区 漏水", "判决 执行", "房產證 辦理", "工資 拖欠",
    ]
    for (i, s) in harvest.estates.enumerated() {
        queries.append(s)
        if i < 4 { queries.append(s + " " + ["房产证", "物业", "漏水", "暖气"][i]) }
        if i < 3 { queries.append(toTraditional(s)) }
    }
    for (i, s) in harvest.companies.enumerated() {
        queries.append(s)
        if i < 3 { queries.append(s + " 工资") }
        if i < 4 {
            // the brand alone (e.g. 济南宏远) is how people search
            var b = s
            for ind in industries where b.contains(ind) { b = String(b[..<b.range(of: ind)!.lowerBound]); break }
            if b != s && b.count >= 2 { queries.append(b) }
        }
    }
    for s in harvest.villages { queries.append(s) }
    for (i, s) in harvest.villages.enumerated() where i < 3 { queries.append(s + " 征地") }
    for s in harvest.fullNames { queries.append(s) }
    for s in harvest.masked { queries.append(s) }
    for s in harvest.hospitals + harvest.roads + harvest.devs + harvest.projects { queries.append(s) }
    for c in counties.prefix(6) { queries.append(c.name) }
    queries.append("济南市 历城区")
    var seenQ = Set<String>()
    queries = queries.filter { seenQ.insert($0).inserted }
    do {
        var s = queries.joined(separator: "\n") + "\n"
        try! s.withUTF8 { try Data($0).write(to: URL(fileURLWithPath: outDir + "/queries.txt")) }
    }

    // MARK: - statistics and README

    let multi = world.matters.filter { $0.count > 1 }.count
    let repeats = world.events.count - world.matters.count
    let collective = world.matters.filter { $0.kind == kindCollective }.count
    let classMembers = world.matters.filter { $0.kind == kindClassMember }.count
    let backlogClass = world.backlogs.filter { $0.isClass }.count
    let linkedMatters = world.matters.filter { $0.backlog >= 0 }.count
    var kindPetitions = [0, 0, 0, 0]
    for e in world.events { kindPetitions[Int(world.matters[Int(e.matter)].kind)] += 1 }
    let relTotal = world.relationCounts.reduce(0, +)
    let elapsed = Date().timeIntervalSince(clock0)

    let stats = """
    petitions: \(world.events.count)
    matters: \(world.matters.count) (single-petition \(world.matters.count - multi), multi-petition \(multi))
    repeat petitions (not the first of their matter): \(repeats)
    collective matters (headcount >= 5): \(collective)
    class cases: \(world.classes.count) with \(classMembers) member matters
    backlog cases: \(world.backlogs.count) (\(backlogClass) class-wide, \(world.backlogs.count - backlogClass) single-matter), linked matters: \(linkedMatters)
    hard-negative relations: \(relTotal) (same petitioner other problem \(world.relationCounts[1]), same petitioner same problem other place \(world.relationCounts[2]), same place other problem \(world.relationCounts[3]), same text other place \(world.relationCounts[4]))
    petitions by kind: single \(kindPetitions[0]), repeat_series \(kindPetitions[1]), collective \(kindPetitions[2]), class_member \(kindPetitions[3])
    escalations (a petition filed above every earlier level of its matter): \(escalationCount)
    Traditional-character petitions: \(tradCount)
    adjacent petitions of one matter: \(adjacent)
    persons: \(world.persons.count)
    queries: \(queries.count)
    handling histories: \(handlingStages.values.reduce(0, +)) (\(["in_handling", "answered", "under_review", "under_recheck", "concluded"].map { "\($0) \(handlingStages[$0, default: 0])" }.joined(separator: ", ")))
    """
    FileHandle.standardError.write((stats + "\ntime: \(String(format: "%.1f", elapsed)) s (world \(String(format: "%.1f", tBuild)) s, petitions written at \(String(format: "%.1f", tWrite)) s)\n").data(using: .utf8)!)

    // style 1 adds the section on styles, style 2 its flag and a section of its own
    let styleFlag = style == .original ? "" : " --style \(style.rawValue)"
    var readme = """
    # Synthetic petition corpus

    Generated by `petition-corpus --petitions \(nPetitions) --seed \(seed)\(styleFlag) --out \(outDir)` (release build:
    `swift build -c release --product petition-corpus`). The generator is deterministic: the same
    `--petitions` and `--seed` give byte-identical files on any machine; another seed gives another corpus.

    ## Files
    - `petitions.jsonl` — one petition (信访件) per line in the record format of DOMAIN.md, keys in a fixed
      order, sorted by `received_at` then `id`. Ids `XF-YYYY-NNNNNN` grow with the date inside a year with random
      gaps, so they say nothing about the matter.
    - `backlog.jsonl` — backlog cases (信访积案), sorted by `opened_at`, ids `JA-YYYY-NNNN`.
    - `truth.jsonl` — ground truth, one line per petition in the same order:
      `{"id", "matter_id": "T-M-…", "class_id": "T-C-…" or null, "backlog_case_id": "JA-…" or null, "kind"}`.
      Petitions with one `matter_id` raise the same matter (repeats of each other; the earliest opens it).
      Matters with one `class_id` are members of one class case (same place and problem, different
      petitioners): they are *not* repeats of each other. `backlog_case_id` is set on every petition of a
      linked matter, including petitions received before the case was opened; a class-wide backlog case is set
      on every member matter of its class. `kind` is a property of the matter: `single` (one petition),
      `repeat_series` (two or more petitions by one petitioner), `collective` (a group of five or more, any number
      of petitions; the representative changes between petitions), `class_member` (one member matter of a class
      case, one or more petitions).
    - `queries.txt` — search queries for recall tests, one per line: single characters, words, long terms,
      place, company and person names that occur in the corpus, Traditional forms, full-width digits, and
      two-term queries separated by a space.

    ## Phenomena
    Each matter is modelled first (petitioner or group, place, problem type, specific facts: amounts, dates,
    rooms, case and contract numbers), then each petition is rendered independently: synonyms chosen per
    petition (房产证/不动产权证/产权证/房本, 拖欠工资/欠薪, 拆迁/征收, 补偿款/补偿金…), sentences reordered, dropped or
    added, first- or third-person voice, dates as 2015年3月 / 2015.3 / 二〇一五年三月 / 2015-03, amounts as 38000元 /
    38,000元 / 3.8万元 / 三万八千元, rooms as 5号楼2单元301室 / 5-2-301, names in full or as 张某 / 张某某, ID numbers
    present, missing, empty or mistyped (one digit or the check digit), phones as 13812345678 / 138-1234-5678 /
    138 1234 5678 / +86 138 1234 5678, about 15% in Traditional characters, about 15% with full-width digits, some
    homophone typos. Levels mostly rise over a matter's life (县级 → 市级 → 省级 → 国家级, sometimes skipping one).
    Hard negatives are frequent: the same petitioner with another problem or the same problem at another place,
    the same estate, employer or village with another problem, the same problem and the same specifics
    (amounts, dates, developer) at another place by another petitioner, and the members of class cases.

    ## Handling histories
    The first petition of most matters (88%) carries a `handling` object (DOMAIN.md): the organ that accepted it
    and its level, when it accepted (1–15 days after receipt) and replied in writing, and the 复查 (`review`) and
    复核 (`recheck`) asked of the organs above. A petition filed at 市级 or above is mostly handed down to the county
    (属地管理), so later petitions filed above the handling organ while it is still within its limit are common.
    Replies: most within 60 days, some within the 30-day extension, a few late, 3% never (overdue). About one answered
    matter in three that keeps petitioning asks for a review (one in eight of the others), and four reviews in ten
    go on to a recheck, each asked within 30 days (now and then late) and mostly answered within 30. Court matters
    (涉法涉诉) get no review. Nothing is dated after the corpus's last day, so matters accepted near the end are still
    in handling or under review. Histories come from a random stream of their own (seed, label 6, matter), so the
    other fields of every petition are exactly what they were before histories were added.

    ## Counts (this bundle)
    ```
    \(stats)
    ```
    """
    if style == .independent {
        readme = readme.replacingOccurrences(of: "## Counts (this bundle)", with: style2ReadmeSection + "\n\n## Counts (this bundle)")
    } else {
        readme = readme.replacingOccurrences(of: "## Handling histories", with: style1ReadmeSection + "\n\n## Handling histories")
    }
    do {
        var s = readme
        try! s.withUTF8 { try Data($0).write(to: URL(fileURLWithPath: outDir + "/README.md")) }
    }

}

/// What the README of a style-1 corpus says about the styles (it was written
/// into the bundled README by hand before the generator wrote it).
let style1ReadmeSection = """
## Phrasing styles (`--style`)
This bundle is style 1 (`--style 1`, the default): the clerk templates above, on which the repeat detector was
tuned. `--style 2` writes the same world with wording made independently of style 1, to measure the detector on
text it was never tuned on: for the same `--petitions` and `--seed` the matters, classes, backlog cases, hard
negatives, petition ids, dates, levels and `truth.jsonl` are identical; titles, contents and backlog titles and
summaries differ (channels, respondents and registered petitioners are drawn again). Style 2 has its own
templates, word groups and title patterns (Sources/PetitionCorpus/Style2*.swift): titles as questions,
关于…的诉求, 请求…, 投诉… or plain topics; citizens' letters and web messages, demands stated first, short
questions, clerks' records and forms with labelled fields, in varying narrative order; other words for the problems
(不动产证/红本, 血汗钱, 动迁, 物管…); places as 位于XX路的XX小区, 我们XX小区, XX村村民 or in their short form;
amounts as 3万8 / 叁万捌仟元 / 近4万元, dates as 2015年的3月份 / 15年3月 / 去年3月, headcounts as 四十余户 /
七十二名. Backlog summaries are an official narrative, a paraphrase headed `X区群众：`, or the one-line title
alone; class-wide cases speak for many (`X小区四十余户业主反映…`). Noise: typos, two characters of a place name
swapped, half-width punctuation, about 13% Traditional characters and 13% full-width digits. Example:
`petition-corpus --style 2 --petitions 6000 --seed 42 --out corpus-style2`.
"""

/// What the README of a style-2 corpus says about its wording.
let style2ReadmeSection = """
## Phrasing style 2
This bundle was written with `--style 2` (the wording described under Phenomena is style 1's; the rest of
that section holds): the same world and ground truth as style 1 for the same
`--petitions` and `--seed` (truth.jsonl is identical), but titles, contents and backlog texts written
independently of style 1, to measure the repeat detector on text it was never tuned on. Titles as questions,
关于…的诉求, 请求…, 投诉… or plain topics; citizens' letters and web messages (salutation, story in varying order,
demands, sign-off), demands stated first, short questions, clerks' records and forms with labelled fields; other
words for the problems (不动产证/红本, 血汗钱, 动迁, 物管…); places embedded as 位于XX路的XX小区, 我们XX小区,
XX村村民, or in their short form; amounts as 3万8 / 叁万捌仟元 / 近4万元, dates as 2015年的3月份 / 15年3月 /
去年3月, headcounts as 四十余户 / 七十二名; 俺 in the north. Backlog summaries are an official narrative, a
paraphrase headed `X区群众：`, or the one-line title alone. Noise: typos, two characters of a place name swapped,
half-width punctuation, about 13% Traditional characters and 13% full-width digits.
"""

generate(nPetitions: nPetitions, seed: seed, outDir: outDir, style: phrasingStyle)
