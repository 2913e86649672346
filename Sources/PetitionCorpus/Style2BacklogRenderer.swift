// The title and summary of a backlog case (信访积案) in phrasing style 2. A
// case's summary is written in one of three ways, as registers of different
// places keep them: an official narrative paragraph, a paraphrase of the
// complaint headed "X区群众：", or only the one-line title.

/// Writes backlog cases in phrasing style 2.
struct Style2BacklogRenderer {
    /// The ways a summary is kept.
    private enum SummaryForm: CaseIterable {
        case officialNarrative, massesParaphrase, titleOnly
    }

    /// - Parameters:
    ///   - c: the case's context as main.swift prepared it (leader, units, first petition, petition count).
    ///   - seed: the case's seed; style 2 draws its own stream from it.
    ///   - people: how many people a class-wide or collective case speaks for (0 for one petitioner).
    static func render(_ c: Ctx, seed: UInt64, people: Int, opened: Int, status: String) -> (title: String, summary: String) {
        var context = c
        context.r = RNG(seed, 0x5332)
        var w = Style2Writer(context, voice: .official)
        let name = w.c.personName(w.c.reps[0], w.c.r.chance(0.6) ? 2 : 1)
        w.nameInText = name
        if people > 1 {
            // a class or a group: 四十余户业主, 七十二名农民工
            w.hc = style2Headcount(people, &w.c.r)
            w.crowd = w.hc + w.phrasing.groupNoun
        } else {
            w.hc = "1"
            w.crowd = name
        }
        w.visits = c.pcount
        let o = civilFromDays(opened)
        w.opened = "\(o.y)年\(o.m)月"

        let title: String
        if people <= 1 && w.c.r.chance(0.4) {
            title = name + w.pickText(w.phrasing.topics) + "问题"
        } else {
            title = w.pickText(w.phrasing.caseLines)
        }

        switch SummaryForm.allCases[w.c.r.int(SummaryForm.allCases.count)] {
        case .officialNarrative:
            var s = w.pickText(w.phrasing.caseNarratives) + "。"
            s += w.pickText(style2BacklogHistories) + "。"
            s += w.pickText(style2BacklogAdmin)
            s += w.pickText(style2StatusLines[status] ?? style2StatusLines["化解中"]!)
            return (title, s)
        case .massesParaphrase:
            var s = w.c.county.name + "群众：" + w.pickText(w.phrasing.caseComplaints) + "。"
            if w.c.r.chance(0.5) { s += "（包案领导：" + w.c.leader + "；状态：" + status + "）" }
            return (title, s)
        case .titleOnly:
            return (title, title)
        }
    }
}
