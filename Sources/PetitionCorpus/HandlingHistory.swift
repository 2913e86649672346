// Handling histories: what the organ that accepted a matter's first petition
// did with it, as DOMAIN.md's `handling` object. Each matter draws its history
// from a stream of its own (the corpus seed, label 6, the matter's index), so
// adding histories changes no other byte of the corpus.

struct HandlingHistory {
    struct Request {
        var organ: String
        var level: Int
        var requestedAt: Int
        /// nil: not answered by the end of the corpus, or never.
        var repliedAt: Int?
    }

    var organ: String
    var level: Int
    var acceptedAt: Int
    var repliedAt: Int?
    var review: Request?
    var recheck: Request?

    /// The history of the matter whose first petition is `first`, or nil when
    /// that petition was not accepted anywhere (forwarded, or never recorded).
    /// Nothing dated after the corpus's last day is written: a matter accepted
    /// near the end is still in handling, or under review, when the corpus ends.
    static func draw(seed: UInt64, matterIndex: Int, matter: Matter, first: Event) -> HandlingHistory? {
        var r = RNG(seed, 6, UInt64(matterIndex))
        guard r.chance(0.88) else { return nil }
        let county = counties[Int(matter.county)]
        let problem = problems[Int(matter.problem)]
        let dept = problem.depts[0]

        // 属地管理: a petition filed high up is mostly handed down to the locality.
        let filed = Int(first.level)
        let level: Int
        switch filed {
        case 0: level = 0
        case 3: level = r.chance(0.6) ? 2 : 0
        default: level = r.chance(0.55) ? filed : 0
        }
        let byGovernment = dept == "人民政府" || r.chance(0.55)
        let organ: String
        switch level {
        case 0: organ = byGovernment ? county.name + "人民政府" : deptName(dept, county, cityLevel: false, town: "")
        case 1: organ = byGovernment ? county.city + "人民政府" : deptName(dept, county, cityLevel: true, town: "")
        default: organ = county.province + "人民政府"
        }

        let accepted = Int(first.date) + 1 + r.int(r.chance(0.7) ? 7 : 15)
        guard accepted <= lastDay else { return nil }
        var history = HandlingHistory(organ: organ, level: level, acceptedAt: accepted)

        // Most replies within 60 days, some within the 30-day extension, a few late, a few never.
        let outcome = r.unit()
        guard outcome >= 0.03 else { return history }
        let duration = outcome < 0.78 ? r.range(20, 60) : outcome < 0.96 ? r.range(61, 90) : r.range(91, 150)
        let replied = accepted + duration
        guard replied <= lastDay else { return history }
        history.repliedAt = replied

        // Court matters go back to the courts, not through 复查 and 复核; a
        // province's answer has no organ above it in this corpus.
        guard problem.kind != .court, level < 2 else { return history }
        // Petitioners who keep writing ask for review more often.
        guard r.chance(matter.count > 1 ? 0.35 : 0.12) else { return history }
        let reviewLevel = level + 1
        let reviewOrgan = reviewLevel == 1
            ? (organ.hasSuffix("人民政府") ? county.city + "人民政府" : deptName(dept, county, cityLevel: true, town: ""))
            : county.province + "人民政府"
        history.review = request(&r, organ: reviewOrgan, level: reviewLevel, after: replied)
        guard let reviewReplied = history.review?.repliedAt, reviewLevel < 2, r.chance(0.4) else { return history }
        history.recheck = request(&r, organ: county.province + "人民政府", level: 2, after: reviewReplied)
        return history
    }

    /// A 复查 or 复核 asked within the 30 days (now and then a little late) and
    /// mostly answered within its 30 days; nil when asked after the corpus ends.
    private static func request(_ r: inout RNG, organ: String, level: Int, after reply: Int) -> Request? {
        let requested = reply + (r.chance(0.93) ? r.range(2, 30) : r.range(31, 45))
        guard requested <= lastDay else { return nil }
        var request = Request(organ: organ, level: level, requestedAt: requested)
        let outcome = r.unit()
        if outcome >= 0.03 {
            let replied = requested + (outcome < 0.9 ? r.range(10, 30) : r.range(31, 50))
            if replied <= lastDay { request.repliedAt = replied }
        }
        return request
    }

    func write(to w: JSONLWriter) {
        w.raw("{"); w.key("organ"); w.str(organ)
        w.raw(", "); w.key("level"); w.str(levelNames[level])
        w.raw(", "); w.key("accepted_at"); w.str(isoDate(acceptedAt))
        if let repliedAt { w.raw(", "); w.key("replied_at"); w.str(isoDate(repliedAt)) }
        for (key, request) in [("review", review), ("recheck", recheck)] {
            guard let request else { continue }
            w.raw(", "); w.rawString("\"\(key)\": ")
            w.raw("{"); w.key("organ"); w.str(request.organ)
            w.raw(", "); w.key("level"); w.str(levelNames[request.level])
            w.raw(", "); w.key("requested_at"); w.str(isoDate(request.requestedAt))
            if let repliedAt = request.repliedAt { w.raw(", "); w.key("replied_at"); w.str(isoDate(repliedAt)) }
            w.raw("}")
        }
        w.raw("}")
    }

    /// How far the history goes by the corpus's end, for the README's counts.
    var stageName: String {
        if let recheck { return recheck.repliedAt == nil ? "under_recheck" : "concluded" }
        if let review { return review.repliedAt == nil ? "under_review" : "answered" }
        return repliedAt == nil ? "in_handling" : "answered"
    }
}
